package org.sunbid.platform.parties;

/** What an organisation is to the platform. */
public enum OrganisationKind {
    /** 公共资源交易中心: runs the platform for a region; serves, never decides. */
    TRADING_CENTRE,
    /** 招标人/采购人/出让人: owns a deal. */
    TENDEREE,
    /** 招标代理机构: runs procedures for tenderees. */
    AGENCY,
    /** 投标人/供应商/竞买人: takes part in deals. */
    BIDDER,
    /** 行政监督部门: supervises deals and handles complaints. */
    SUPERVISION_DEPARTMENT,
    /** 其他单位: e.g. an expert's employer. */
    OTHER,
    /** 中介服务机构: 造价咨询, 工程监理, 设计, 资产评估, 测绘 … (issue 20: the intermediary market); its staff act as AGENCY. */
    INTERMEDIARY
}
