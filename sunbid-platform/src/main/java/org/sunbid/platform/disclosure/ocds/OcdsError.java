package org.sunbid.platform.disclosure.ocds;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the OCDS open-data API (issue 18). */
enum OcdsError implements ErrorCode {
    /** A query parameter is not what the API takes (a date-time, a page from 1, a size from 1 to 100). */
    OCDS_BAD_PARAMETER(400),
    /** No release has this id. */
    OCDS_RELEASE_NOT_FOUND(404),
    /** No contracting process (no public project) has this ocid. */
    OCDS_RECORD_NOT_FOUND(404),
    /** No bulk file for this day. */
    OCDS_FILE_NOT_FOUND(404);

    private final int httpStatus;

    OcdsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
