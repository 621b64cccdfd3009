package org.sunbid.screening.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One deal (a lot) as the public record shows it after opening: who bid at which opened price and, once awarded, who
 * won. Only public facts: the opening record and the result.
 *
 * @param lotId    the lot
 * @param label    how people know it (e.g. the project code and name)
 * @param openedAt when it was opened, or null
 * @param bids     the opened bids (one per bidder)
 * @param winnerId the awarded bidder, or null while not awarded
 */
public record Deal(String lotId, String label, Instant openedAt, List<Bid> bids, String winnerId) {

    public Deal {
        Objects.requireNonNull(lotId, "lotId");
        label = label == null ? lotId : label;
        bids = List.copyOf(bids);
    }

    /**
     * One opened bid.
     *
     * @param bidderId the bidder (organisation)
     * @param bidder   its name
     * @param price    its opened price, or null if the record shows none
     */
    public record Bid(String bidderId, String bidder, BigDecimal price) {
        public Bid {
            Objects.requireNonNull(bidderId, "bidderId");
            bidder = bidder == null ? bidderId : bidder;
        }
    }

    /** The bid of {@code bidderId}, or null. */
    public Bid bidOf(String bidderId) {
        return bids.stream().filter(b -> b.bidderId().equals(bidderId)).findFirst().orElse(null);
    }

    /** The winning bid, or null while not awarded (or the winner's bid is not in the record). */
    public Bid winningBid() {
        return winnerId == null ? null : bidOf(winnerId);
    }
}
