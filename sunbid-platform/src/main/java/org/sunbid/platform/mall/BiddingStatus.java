package org.sunbid.platform.mall;

/** Where a reverse auction or a group purchase stands. */
public enum BiddingStatus {
    /** 进行中: open (bids or quotes sealed until the close). */
    OPEN,
    /** 已成交: closed with a winner; the orders are placed. */
    AWARDED,
    /** 未成交: closed without one (too few suppliers or buyers); the buyers may compare instead. */
    FAILED
}
