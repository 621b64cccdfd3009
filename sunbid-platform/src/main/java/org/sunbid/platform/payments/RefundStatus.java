package org.sunbid.platform.payments;

/** A refund instruction's life: created, taken by the bank, then completed or failed. */
public enum RefundStatus {
    PENDING, SUBMITTED, COMPLETED, FAILED
}
