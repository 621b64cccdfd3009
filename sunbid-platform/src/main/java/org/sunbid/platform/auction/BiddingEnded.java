package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * Bidding in lot {@code lotId}'s room ended at {@code endedAt} (server time: the countdown ran out, or the listing
 * ended with no timed round) after {@code bids} accepted bids. Published by the live engine ({@link LiveAuctions}) once;
 * the reserve may now be opened and the identities behind the bidder numbers disclosed.
 */
public record BiddingEnded(UUID lotId, Instant endedAt, long bids) {
}
