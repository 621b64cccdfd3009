package org.sunbid.platform.supervision.evidence;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the Art. 40 evidence check. */
public enum EvidenceError implements ErrorCode {
    /** No lot {0}, or none the caller may check (staff and supervisors of its region, its committee). */
    EVIDENCE_LOT_NOT_FOUND(404),
    /** The lot's bids are not opened: nothing is compared before the opening. */
    EVIDENCE_NOT_OPENED(409);

    private final int httpStatus;

    EvidenceError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
