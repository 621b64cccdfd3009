package org.sunbid.platform.payments;

/** Why money goes back to a payer. */
public enum RefundReason {
    /** Not the deposit amount. */
    WRONG_AMOUNT,
    /** Booked at or after the bid deadline. */
    LATE,
    /** No such sub-account. */
    UNKNOWN_ACCOUNT,
    /** The deposit was already settled. */
    DUPLICATE,
    /** Reg. 26: not paid from the bidder's registered basic account. */
    NOT_BASIC_ACCOUNT,
    /** Reg. 57: the bidder was not awarded; the deposit and its interest go back. */
    NOT_AWARDED,
    /** Reg. 57: the winner signed the contract; the deposit and its interest go back. */
    AWARDED_CONTRACT_SIGNED
}
