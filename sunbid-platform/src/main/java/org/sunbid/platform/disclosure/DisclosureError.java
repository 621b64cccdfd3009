package org.sunbid.platform.disclosure;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the public portal's queries. */
public enum DisclosureError implements ErrorCode {
    /** No deal status has this name (DealStage: PUBLISHED, OPENED, AWARDED, …). */
    DISCLOSURE_UNKNOWN_STATUS(400),
    /** No region has this code. */
    DISCLOSURE_UNKNOWN_REGION(400),
    /** The date range ends before it starts. */
    DISCLOSURE_BAD_DATE_RANGE(400),
    /** No published project has this id (a project none of whose lots is published is not public). */
    DISCLOSURE_PROJECT_NOT_FOUND(404),
    /** No auction room: the lot is not a published auction lot (issue 17). */
    DISCLOSURE_AUCTION_NOT_FOUND(404),
    /** A search parameter is not valid (issue 18): its name and the value given. */
    DISCLOSURE_SEARCH_BAD_PARAMETER(400);

    private final int httpStatus;

    DisclosureError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
