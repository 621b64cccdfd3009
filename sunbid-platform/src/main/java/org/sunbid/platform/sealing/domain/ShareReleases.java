package org.sunbid.platform.sealing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.SealingError;

/**
 * The custodians' releases of their shares of one opening key (a tender's bid opening key, or an offer round's key):
 * each custodian's share once — the same share again changes nothing, a different one for an index already released
 * is refused — the threshold reached when enough are in, the plaintext shares forgotten once used. Shared by
 * {@link BidOpening} and {@link OfferRound}, so both keep the same rule. Plain Java; the owner decides when releases
 * are accepted.
 */
public final class ShareReleases {

    /** A share release accepted and still to be stored (once). */
    public record Release(int shareIndex, String shareJson, Instant at, String by) {
    }

    private final int threshold;
    private final SortedSet<Integer> released;
    private final SortedMap<Integer, String> shares;
    private final List<Release> newReleases = new ArrayList<>();

    /** Releases as stored: the indices released so far and the plaintext shares not yet used. */
    public ShareReleases(int threshold, Collection<Integer> released, Map<Integer, String> shares) {
        this.threshold = threshold;
        this.released = new TreeSet<>(released);
        this.shares = new TreeMap<>(shares);
    }

    /**
     * Share {@code shareIndex} released at {@code now}. The same share again changes nothing; a different one for an
     * index already released is refused ({@code SHARE_ALREADY_RELEASED}). Returns whether this release is new.
     */
    public boolean release(int shareIndex, String shareJson, Instant now, String by) {
        String existing = shares.get(shareIndex);
        if (existing != null) {
            if (!existing.equals(shareJson)) {
                throw new DomainException(SealingError.SHARE_ALREADY_RELEASED);
            }
            return false;
        }
        shares.put(shareIndex, shareJson);
        released.add(shareIndex);
        newReleases.add(new Release(shareIndex, shareJson, now, by));
        return true;
    }

    /** Whether enough shares are in to try rebuilding the key. */
    public boolean thresholdReached() {
        return shares.size() >= threshold;
    }

    /** The key was rebuilt and used: the plaintext shares are no longer kept (that secret must not outlive its use). */
    public void forget() {
        shares.clear();
    }

    public int threshold() {
        return threshold;
    }

    /** The indices of the shares released so far (the releases are kept after the opening, the shares are not). */
    public SortedSet<Integer> released() {
        return Collections.unmodifiableSortedSet(released);
    }

    /** The plaintext shares released and not yet used, by index order. */
    public List<String> shares() {
        return List.copyOf(shares.values());
    }

    /** The releases accepted by this instance, to be stored. */
    public List<Release> newReleases() {
        return List.copyOf(newReleases);
    }
}
