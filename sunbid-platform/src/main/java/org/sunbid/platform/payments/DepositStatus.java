package org.sunbid.platform.payments;

/** Whether a registration's deposit is settled. */
public enum DepositStatus {
    /** 待缴纳: nothing valid received yet. */
    AWAITING,
    /** 已缴纳: the exact amount arrived on the sub-account before the deadline. */
    PAID,
    /** 保函: a valid electronic guarantee was accepted instead of cash. */
    GUARANTEED,
    /** 无需缴纳: the tender asks for no deposit. */
    NOT_REQUIRED;

    public boolean settled() {
        return this != AWAITING;
    }
}
