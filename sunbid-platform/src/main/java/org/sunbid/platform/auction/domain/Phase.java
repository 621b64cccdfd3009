package org.sunbid.platform.auction.domain;

/** Where an auction room stands at an instant (derived from its events and the server clock). */
public enum Phase {
    /** Bidding has not started. */
    SCHEDULED,
    /** Free bidding: the listing (挂牌) or network bidding's 自由报价. */
    FREE,
    /** Listing bids stopped (the freeze before the end, or the pause before the timed round). */
    FROZEN,
    /** The timed round / ascending auction: a countdown that every valid bid restarts. */
    TIMED,
    /** Suspended (an outage, a decision): nothing accepted until resumed; the countdown starts again in full on resumption. */
    SUSPENDED,
    /** Bidding is over; the result waits for the reserve (if any) to be opened. */
    ENDED
}
