package org.sunbid.platform.credit;

/** A point of the platform where a restriction (限制) bars a party: each asks {@link CreditChecks} at its own time. */
public enum Gate {
    /** Registering for, or bidding in, a deal of any kind (报名、投标、响应). */
    BIDDING,
    /** Being put on an invitation list (邀请名单). */
    INVITATION,
    /** An expert being drawn (专家抽取): the expert's own record. */
    EXPERT_DRAW,
    /** An agency or other intermediary being selected (中介服务选取). */
    AGENCY_SELECTION,
    /** Qualifying for an auction or listing (竞买资格). */
    AUCTION_QUALIFICATION
}
