package org.sunbid.platform.supervision.evidence.domain;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Bids of one lot that an item of Art. 40 deems colluding, with the facts that say so.
 *
 * @param item     the item of Art. 40
 * @param bidders  the bidders concerned, sorted (what identifies the finding within the lot and item)
 * @param high     whether it is a strong sign (one machine, one manager, one account, documents mixed up)
 * @param evidence each fact behind it, for people: the bidder (or null for the lot) and what was found (hashes
 *                 shortened, never a raw value)
 */
public record Finding(Art40Item item, SortedSet<UUID> bidders, boolean high, List<Line> evidence) {

    public Finding {
        Objects.requireNonNull(item, "item");
        bidders = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(bidders));
        evidence = List.copyOf(evidence);
    }

    /** One fact, for people. */
    public record Line(UUID bidderId, String label, String value) {
    }

    /**
     * What makes two findings the same within a lot: the item and the bidders, the latter as the SM3 hex of their sorted
     * ids so that the key stays short however many bidders are concerned (the same finding still gives the same key).
     */
    public String key() {
        // bidders is sorted (a TreeSet of UUIDs): the same as WarningDraft.membersDigest, kept here in plain Java
        return item.name() + ":" + org.sunbid.crypto.Sm3.hex(String.join(",", bidders.stream().map(UUID::toString).sorted().toList()));
    }
}
