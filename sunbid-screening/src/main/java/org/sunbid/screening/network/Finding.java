package org.sunbid.screening.network;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A pattern the co-bidding network shows, with the evidence that produced it.
 *
 * @param kind     what pattern
 * @param members  the bidders it is about (ids; for {@link Kind#ALWAYS_LOSES} the loser then the winner; for
 *                 {@link Kind#COVER} the cover bidder)
 * @param names    their names, in the same order
 * @param strength how strong it is (see {@link CoBiddingNetwork}); findings are ranked by it, strongest first
 * @param evidence the lots it rests on, oldest first
 */
public record Finding(Kind kind, List<String> members, List<String> names, double strength, List<LotEvidence> evidence) {

    public Finding {
        members = List.copyOf(members);
        names = List.copyOf(names);
        evidence = List.copyOf(evidence);
    }

    /** The patterns. */
    public enum Kind {
        /** A stable group that bids together and whose members take turns winning (轮流中标). */
        ROTATION,
        /** A bidder that never wins and bids just above the winner (陪标). */
        COVER,
        /** A bidder that loses to the same other bidder every time they meet, and that other wins every one of them. */
        ALWAYS_LOSES
    }

    /**
     * One lot behind a finding.
     *
     * @param lotId        the lot
     * @param label        how people know it
     * @param winnerId     the awarded bidder
     * @param winner       its name
     * @param winningPrice its price
     * @param prices       the members' opened prices (name → price)
     * @param aboveWinner  each losing member's price above the winning one, in percent of it (name → %)
     */
    public record LotEvidence(String lotId, String label, String winnerId, String winner, BigDecimal winningPrice,
            Map<String, BigDecimal> prices, Map<String, Double> aboveWinner) {
        public LotEvidence {
            prices = Map.copyOf(prices);
            aboveWinner = Map.copyOf(aboveWinner);
        }
    }
}
