package org.sunbid.platform.credit;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the credit context. */
public enum CreditError implements ErrorCode {
    /** A field of the credit record is missing or malformed: {0}. */
    CREDIT_FIELD_INVALID(400),
    /** Refused for a credit record in force: {0}. */
    CREDIT_RESTRICTED(403);

    private final int status;

    CreditError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
