package org.sunbid.platform.mall;

/** How an e-mall order was placed. */
public enum OrderMode {
    /** 直购: directly from one listing, up to the direct-purchase limit. */
    DIRECT,
    /** 比价: above the limit, among at least three suppliers' quotes, the lowest wins. */
    COMPARISON,
    /** 反拍: the winner of a buyer's reverse auction ({@link ReverseAuctions}). */
    REVERSE_AUCTION,
    /** 团购: one buyer's share of a group purchase at the group's price ({@link GroupPurchases}). */
    GROUP_PURCHASE
}
