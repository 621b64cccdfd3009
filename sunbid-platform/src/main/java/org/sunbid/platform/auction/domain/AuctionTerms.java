package org.sunbid.platform.auction.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What an auction room runs by, fixed before bidding starts (amounts in fen, 分, so no rounding ever happens).
 *
 * @param lotId                the lot (= the tendering tender's id)
 * @param format               listing, ascending auction or network bidding
 * @param startPrice           起始价 / 挂牌起始价 / 转让底价 (public), in fen, positive
 * @param increment            加价幅度 in fen, positive (may change later by an {@link RoomEvent.IncrementChanged})
 * @param biddingStart         listing start / auction start
 * @param freeEnd              the listing's (free bidding's) end; null for {@link AuctionFormat#ASCENDING}
 * @param freeze               listing bids stop this long before {@code freeEnd} (LISTING_FREEZE; ZERO for none)
 * @param pause                between {@code freeEnd} and the timed round (TIMED_ROUND_PAUSE; ZERO for none)
 * @param countdown            the timed round's countdown, restarted by every valid bid (COUNTDOWN)
 * @param timedRoundMinBidders qualified bidders needed for the timed round (TIMED_ROUND_MIN_BIDDERS; 0 = none)
 * @param minBidders           qualified bidders needed for bidding to be held at all (AUCTION_BIDDERS_MIN; 1 = any)
 * @param reserveSealed        whether a sealed reserve (底价) exists (the announcement says so, 39号令 Art. 15)
 */
public record AuctionTerms(UUID lotId, AuctionFormat format, long startPrice, long increment, Instant biddingStart,
        Instant freeEnd, Duration freeze, Duration pause, Duration countdown, int timedRoundMinBidders, int minBidders,
        boolean reserveSealed) {
}
