package org.sunbid.platform.auction.domain;

import java.time.Instant;

/**
 * What happens to a room, in the order the engine received it, with the server's time: the journal keeps exactly these,
 * and {@link AuctionRoom#apply} of the same sequence always gives the same room (refused bids are kept too; they change
 * nothing but are evidence).
 */
public sealed interface RoomEvent {

    /** The server time the event was received (bids) or decided (the others). */
    Instant at();

    /** A bid as received: {@code amount} in fen. */
    record BidPlaced(String bidderNumber, long amount, Instant at) implements RoomEvent {
    }

    /** The auctioneer changed the increment (INCREMENT_CHANGE; logged with who and why by the caller). */
    record IncrementChanged(long increment, Instant at) implements RoomEvent {
    }

    /** Bidding suspended (an outage found on restart, a decision), with the reason code. */
    record Suspended(String reason, Instant at) implements RoomEvent {
    }

    /** Bidding resumed: a running countdown starts again in full, a free phase's end moves by the time lost. */
    record Resumed(Instant at) implements RoomEvent {
    }

    /**
     * A bidder admitted during a listing (39号令 Art. 17–19: applications stay open while the listing runs): its number
     * may bid from {@code at} on. Not counted in the room's public version, so no watcher learns when anyone is admitted.
     */
    record BidderAdmitted(String bidderNumber, Instant at) implements RoomEvent {
    }

    /** Applications closed: the set of bidders is fixed (TIMED_ROUND_MIN_BIDDERS and AUCTION_BIDDERS_MIN count it now). */
    record BiddersFixed(Instant at) implements RoomEvent {
    }
}
