package org.sunbid.platform.payments;

/** A refund instruction's life: created, being sent (claimed by one dispatcher), taken by the bank, then completed or failed. */
public enum RefundStatus {
    PENDING, SENDING, SUBMITTED, COMPLETED, FAILED
}
