package org.sunbid.platform.tendering;

/** How bids will be evaluated, fixed in the tender documents. */
public enum EvaluationMethod {
    /** 综合评估法: technical, commercial and price parts with weights. */
    COMPREHENSIVE,
    /** 经评审的最低投标价法: the lowest evaluated price wins. */
    LOWEST_EVALUATED_PRICE
}
