package org.sunbid.platform.auction.domain;

import java.time.Instant;

import org.sunbid.platform.auction.AuctionError;

/** The room's answer to a bid: accepted with its place and the new end, or refused with the exact times. */
public sealed interface BidDecision {

    /** Accepted: the bid and when bidding now ends (the restarted countdown, or the free phase's end). */
    record Accepted(Bid bid, Instant endsAt) implements BidDecision {
    }

    /**
     * Refused, nothing changed: the code, the server's receipt time, when bidding ended (for {@code AUCTION_ENDED};
     * else null) and the least acceptable amount now (fen; 0 where none is).
     */
    record Refused(AuctionError code, Instant receivedAt, Instant endedAt, long minimumNext) implements BidDecision {
    }
}
