package org.sunbid.platform.auction.domain;

/** How bidding runs (the lot's procedure decides: LISTING procedures → {@link #LISTING}, AUCTION → {@link #ASCENDING}, ONLINE_BIDDING → {@link #NETWORK}). */
public enum AuctionFormat {
    /** 挂牌: free bidding by whole increments during the listing, then (≥ TIMED_ROUND_MIN_BIDDERS) the timed round 限时竞价 (39号令 Art. 17–19). */
    LISTING,
    /** 拍卖: an ascending auction from the start price, a countdown restarted by every bid standing for the three calls (39号令 Art. 15–16). */
    ASCENDING,
    /** 网络竞价 (32号令 Art. 22): free bidding (自由报价) then a restartable timed phase (限时报价), bids in whole increments, price first then time. */
    NETWORK
}
