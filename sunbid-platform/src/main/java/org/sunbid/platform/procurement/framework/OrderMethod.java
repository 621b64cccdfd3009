package org.sunbid.platform.procurement.framework;

/** How the second stage chooses an order's supplier (第二阶段成交方式). */
public enum OrderMethod {
    /** 直接选定: the buyer picks a shortlisted supplier at no more than its agreement price (the main way). */
    DIRECT,
    /** 二次竞价: sealed offers from the shortlisted suppliers, the lowest wins (price only). */
    COMPETITION,
    /** 顺序轮候: the next supplier in the published rotation order takes the order. */
    ROTATION
}
