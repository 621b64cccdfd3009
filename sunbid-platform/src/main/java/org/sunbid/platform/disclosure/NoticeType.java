package org.sunbid.platform.disclosure;

/** What kind of public notice a search hit is. */
public enum NoticeType {
    /** 招标公告 / 采购公告 / 邀请 published: a tender's or a procurement lot's notice. */
    TENDER_NOTICE,
    /** 出让公告 / 挂牌公告 / 信息披露: a land, mining or property lot's announcement. */
    AUCTION_ANNOUNCEMENT,
    /** 澄清、修改 of published documents. */
    CLARIFICATION,
    /** 开标记录: a published opening record. */
    OPENING_RECORD,
    /** 中标候选人公示 / 成交候选人公示. */
    CANDIDATE_PUBLICITY,
    /** 中标结果公告 / 成交结果公告 / 成交公示 (auctions included). */
    RESULT,
    /** 流标 / 终止 / 废标: a failed or stopped deal with its reason. */
    FAILURE,
    /** 投诉处理决定 and other published decisions. */
    DECISION
}
