package org.sunbid.platform.tendering;

/** How bids will be evaluated, fixed in the tender documents. */
public enum EvaluationMethod {
    /** 综合评估法: technical, commercial and price parts with weights. */
    COMPREHENSIVE,
    /** 经评审的最低投标价法: the lowest evaluated price wins. */
    LOWEST_EVALUATED_PRICE,
    /** 价高者得: the highest bid in the auction room wins (land, mining, state property; 39号令 Art. 15–19, 32号令 Art. 22). */
    HIGHEST_PRICE
}
