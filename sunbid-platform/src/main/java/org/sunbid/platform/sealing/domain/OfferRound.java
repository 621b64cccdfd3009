package org.sunbid.platform.sealing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.SealingError;

/**
 * A round of sealed final offers (最后报价) of a negotiation or consultation (74号令 Art. 32–33: the panel asks every
 * supplier still negotiating for its final offer within a set time; 财库〔2014〕214号 Art. 21): the aggregate that owns its
 * state machine, OPEN → OPENED. While open, each supplier of the round may seal an offer strictly before the deadline
 * (at the deadline it is late), a later one replacing its earlier one; nobody else may offer. The round is due when
 * every supplier has offered or the deadline has passed — not before, so no price is seen while another supplier may
 * still offer — and only then are the custodians' shares accepted ({@link ShareReleases}: the same rule as the bid
 * opening); with the threshold reached the offers are opened and the signed round record written once. Every transition
 * takes the current time from the caller. Plain Java.
 */
public final class OfferRound {

    /** Where a round stands. */
    public enum Status {
        /** Offers are sealed until the round is due; then the custodians' shares are awaited. */
        OPEN,
        /** The key was rebuilt, every offer opened and the platform-signed round record written (final). */
        OPENED
    }

    /**
     * What a round is for: a negotiation's (or consultation's) round of final offers, under the rules above, or a
     * competition round another context opens for a lot of its own (a framework agreement's secondary competition, 二次竞价):
     * its own supplier set (or an open one), deadline and custodians, independent of the lot's other rounds.
     */
    public enum Kind {
        NEGOTIATION, COMPETITION
    }

    /** A supplier's sealed offer as received: the envelope's id and SM3, and when it arrived. */
    public record Offer(UUID id, UUID supplierId, String envelopeSm3, Instant receivedAt) {
    }

    private final UUID lotId;
    private final int round;
    private final Instant deadline;
    private final Kind kind;
    /** The suppliers that may offer, or null: an open round (any supplier the owning context admits). */
    private final Set<UUID> suppliers;
    private final Map<UUID, Offer> offers;
    private final ShareReleases shares;
    private Status status;
    private Instant openedAt;
    private String record;
    private String recordSignature;
    private final List<Offer> newOffers = new ArrayList<>();
    private boolean recordWritten;

    private OfferRound(Kind kind, UUID lotId, int round, Instant deadline, Collection<UUID> suppliers, Collection<Offer> offers,
            ShareReleases shares, Instant openedAt, String record, String recordSignature) {
        this.kind = Objects.requireNonNull(kind);
        this.lotId = Objects.requireNonNull(lotId);
        this.round = round;
        this.deadline = Objects.requireNonNull(deadline);
        if (suppliers == null && kind != Kind.COMPETITION) {
            throw new IllegalArgumentException("only a competition round may be open to any supplier");
        }
        this.suppliers = suppliers == null ? null : new LinkedHashSet<>(suppliers);
        this.offers = new LinkedHashMap<>();
        for (Offer offer : offers) {
            this.offers.put(offer.supplierId(), offer); // in arrival order: the latest counts
        }
        this.shares = Objects.requireNonNull(shares);
        this.status = record == null ? Status.OPEN : Status.OPENED;
        this.openedAt = openedAt;
        this.record = record;
        this.recordSignature = recordSignature;
    }

    /**
     * The panel calls for final offers at {@code now}: round {@code round} of the lot — the next one after
     * {@code roundsSoFar} rounds, each opened ({@code previousOpened}), numbered from 1 — open to {@code suppliers} until
     * {@code deadline}, its key rebuilt by {@code threshold} custodians' shares. Refused ({@code ROUND_INVALID}) for
     * another number, an earlier round still open, no supplier, or a deadline not after {@code now}.
     */
    public static OfferRound open(UUID lotId, int round, int roundsSoFar, boolean previousOpened, Instant deadline,
            Set<UUID> suppliers, int threshold, Instant now) {
        if (round != roundsSoFar + 1 || !previousOpened || suppliers == null || suppliers.isEmpty() || deadline == null
                || !deadline.isAfter(now) || suppliers.stream().anyMatch(Objects::isNull)) {
            throw new DomainException(SealingError.ROUND_INVALID, roundsSoFar + 1);
        }
        return new OfferRound(Kind.NEGOTIATION, lotId, round, deadline, suppliers, List.of(),
                new ShareReleases(threshold, List.of(), Map.of()), null, null, null);
    }

    /**
     * Another context opens a competition round at {@code now}: round {@code round} of the lot (the next number on it,
     * whatever the other rounds' state: several may be open at once), open to {@code suppliers} — or, if null, to any
     * supplier the owning context admits, a round then due only at its deadline — until {@code deadline}, its key
     * rebuilt by {@code threshold} custodians' shares. Refused ({@code ROUND_INVALID}) for a number below 1, an empty
     * supplier set, or a deadline not after {@code now}.
     */
    public static OfferRound openCompetition(UUID lotId, int round, Instant deadline, Set<UUID> suppliers, int threshold,
            Instant now) {
        if (round < 1 || suppliers != null && (suppliers.isEmpty() || suppliers.stream().anyMatch(Objects::isNull))
                || deadline == null || !deadline.isAfter(now)) {
            throw new DomainException(SealingError.ROUND_INVALID, Math.max(round, 1));
        }
        return new OfferRound(Kind.COMPETITION, lotId, round, deadline, suppliers, List.of(),
                new ShareReleases(threshold, List.of(), Map.of()), null, null, null);
    }

    /** Rebuilds a stored negotiation round (no rule is re-checked); {@code offers} in arrival order. */
    public static OfferRound restore(UUID lotId, int round, Instant deadline, Collection<UUID> suppliers,
            List<Offer> offers, ShareReleases shares, Instant openedAt, String record, String recordSignature) {
        return restore(Kind.NEGOTIATION, lotId, round, deadline, suppliers, offers, shares, openedAt, record, recordSignature);
    }

    /** Rebuilds a stored round of {@code kind} ({@code suppliers} null: an open competition round). */
    public static OfferRound restore(Kind kind, UUID lotId, int round, Instant deadline, Collection<UUID> suppliers,
            List<Offer> offers, ShareReleases shares, Instant openedAt, String record, String recordSignature) {
        return new OfferRound(kind, lotId, round, deadline, suppliers, offers, shares, openedAt, record, recordSignature);
    }

    /**
     * Refuses what {@link #offer} would refuse for {@code supplierId} at {@code now}: a supplier not of this round
     * ({@code OFFER_NOT_INVITED}; in an open round any supplier, the owning context having admitted it); at or after the deadline, once a custodian has released its share, or once opened
     * ({@code OFFER_LATE}, 74号令 Art. 33: within the time the panel set).
     */
    public void checkAcceptsOffer(UUID supplierId, Instant now) {
        if (supplierId == null || suppliers != null && !suppliers.contains(supplierId)) {
            throw new DomainException(SealingError.OFFER_NOT_INVITED);
        }
        if (status != Status.OPEN || !now.isBefore(deadline) || !shares.released().isEmpty()) {
            throw new DomainException(SealingError.OFFER_LATE);
        }
    }

    /** Supplier {@code supplierId}'s sealed offer arrived at {@code now}; it replaces the supplier's earlier one. */
    public void offer(UUID offerId, UUID supplierId, String envelopeSm3, Instant now) {
        checkAcceptsOffer(supplierId, now);
        Offer offer = new Offer(Objects.requireNonNull(offerId), supplierId, Objects.requireNonNull(envelopeSm3), now);
        offers.remove(supplierId);
        offers.put(supplierId, offer);
        newOffers.add(offer);
    }

    /**
     * Whether every supplier of the round has an offer in (all that may be shown before opening: all in or not); never
     * for an open round, which has no list to be complete.
     */
    public boolean allIn() {
        return suppliers != null && offers.keySet().containsAll(suppliers);
    }

    /** Whether the round may be opened at {@code now}: every supplier's offer in, or the deadline passed. */
    public boolean due(Instant now) {
        return allIn() || !now.isBefore(deadline);
    }

    /** Refuses a share unless the round is open and due ({@code ROUND_NOT_DUE}), or already opened ({@code OPENING_NOT_READY}). */
    public void checkAcceptsShares(Instant now) {
        if (status != Status.OPEN) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        if (!due(now)) {
            throw new DomainException(SealingError.ROUND_NOT_DUE);
        }
    }

    /** A custodian's share released at {@code now}, once the round is due; returns whether the release is new. */
    public boolean release(int shareIndex, String shareJson, Instant now, String by) {
        checkAcceptsShares(now);
        return shares.release(shareIndex, shareJson, now, by);
    }

    /** Whether enough shares are in to try rebuilding the round's key. */
    public boolean thresholdReached() {
        return status == Status.OPEN && shares.thresholdReached();
    }

    /** The offers were opened at {@code now}: the signed round record is written, once; the plaintext shares forgotten. */
    public void open(Instant now, String roundRecord, String signature) {
        checkAcceptsShares(now);
        if (!thresholdReached() || record != null) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        status = Status.OPENED;
        openedAt = now;
        record = Objects.requireNonNull(roundRecord);
        recordSignature = Objects.requireNonNull(signature);
        shares.forget();
        recordWritten = true;
    }

    public UUID lotId() {
        return lotId;
    }

    public int round() {
        return round;
    }

    public Instant deadline() {
        return deadline;
    }

    public Status status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether any supplier the owning context admits may offer (a competition round without a supplier list). */
    public boolean openToAny() {
        return suppliers == null;
    }

    /**
     * The round's suppliers, in the order the round named them; for an open round, those that offered, in the order of
     * their latest offer.
     */
    public List<UUID> suppliers() {
        return List.copyOf(suppliers != null ? suppliers : offers.keySet());
    }

    /** Supplier {@code supplierId}'s offer that counts (its latest), if any. */
    public Optional<Offer> offerOf(UUID supplierId) {
        return Optional.ofNullable(offers.get(supplierId));
    }

    public int threshold() {
        return shares.threshold();
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String record() {
        return record;
    }

    public String recordSignature() {
        return recordSignature;
    }

    /** The indices of the custodians' shares released so far. */
    public java.util.SortedSet<Integer> released() {
        return shares.released();
    }

    /** The plaintext shares released and not yet used (empty once opened). */
    public List<String> releasedShares() {
        return shares.shares();
    }

    /** The offers received through this instance, to be stored. */
    public List<Offer> newOffers() {
        return List.copyOf(newOffers);
    }

    /** The share releases accepted through this instance, to be stored. */
    public List<ShareReleases.Release> newReleases() {
        return shares.newReleases();
    }

    /** Whether this instance wrote the round record, to be stored once. */
    public boolean recordWritten() {
        return recordWritten;
    }
}
