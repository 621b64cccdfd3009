package org.sunbid.platform.complaints.domain;

/** What may stop a complaint decision's clock (实施条例 Art. 58: 检验、检测、鉴定、专家评审以及需要投诉人补正材料的时间不计算在投诉处理期限内). */
public enum PauseReason {
    /** 检验. */
    TEST,
    /** 检测. */
    INSPECTION,
    /** 鉴定. */
    APPRAISAL,
    /** 专家评审. */
    EXPERT_REVIEW
}
