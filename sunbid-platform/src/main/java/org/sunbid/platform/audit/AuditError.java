package org.sunbid.platform.audit;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the audit context. */
public enum AuditError implements ErrorCode {
    /** No entry with this sequence number or leaf hash in the requested tree. */
    ENTRY_NOT_FOUND(404),
    /** A range or tree size outside the log. */
    INVALID_RANGE(400);

    private final int httpStatus;

    AuditError(int httpStatus) {
        this.httpStatus = httpStatus;
    }


    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
