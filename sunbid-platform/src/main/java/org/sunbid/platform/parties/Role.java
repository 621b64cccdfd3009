package org.sunbid.platform.parties;

/** What an account may do. The public (anonymous visitors) have no account and no role. */
public enum Role {
    /** 系统管理员: manages regions, organisations and accounts everywhere. */
    ADMINISTRATOR,
    /** 交易中心工作人员: runs the trading centre's services in its region's subtree. */
    CENTRE_STAFF,
    /** 招标人: a tenderee's staff. */
    TENDEREE,
    /** 代理机构: an agency's staff. */
    AGENCY,
    /** 投标人: a bidder's staff. */
    BIDDER,
    /** 评标专家: an evaluation expert. */
    EXPERT,
    /** 行政监督: a supervisor, who watches every deal in the region's subtree. */
    SUPERVISOR;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
