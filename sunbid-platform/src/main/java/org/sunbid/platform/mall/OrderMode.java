package org.sunbid.platform.mall;

/** How an e-mall order was placed. */
public enum OrderMode {
    /** 直购: directly from one listing, up to the direct-purchase limit. */
    DIRECT,
    /** 比价: above the limit, among at least three suppliers' quotes, the lowest wins. */
    COMPARISON
}
