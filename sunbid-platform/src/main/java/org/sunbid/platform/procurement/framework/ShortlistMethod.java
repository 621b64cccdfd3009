package org.sunbid.platform.procurement.framework;

/** How the first stage ranks the qualified responses (入围方法). */
public enum ShortlistMethod {
    /** 价格优先法: the lowest responses (sum of the unit prices over the items) first. */
    PRICE_FIRST,
    /** 质量优先法: the highest quality scores first, the lower price breaking a tie. */
    QUALITY_FIRST
}
