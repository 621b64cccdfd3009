package org.sunbid.platform.payments;

/** What became of a credit a bank notified. Every outcome but {@link #CREDITED} ends in a refund instruction. */
public enum PaymentOutcome {
    /** The exact deposit, before the deadline: the deposit is paid. */
    CREDITED,
    /** Not the deposit amount: refunded in full; the deposit stays unpaid. */
    WRONG_AMOUNT,
    /** Booked at or after the bid deadline (or on a tender no longer open): refunded. */
    LATE,
    /** No such sub-account: refunded to the payer. */
    UNKNOWN_ACCOUNT,
    /** The deposit was already settled: refunded. */
    DUPLICATE,
    /**
     * Reg. 26: not paid from the bidder's basic account (基本账户) registered when it was booked (or none was registered):
     * not accepted as the deposit, refunded to the payer; the deposit stays unpaid and the case is flagged at closing.
     */
    NOT_BASIC_ACCOUNT
}
