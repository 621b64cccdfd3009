package org.sunbid.platform.disclosure.statistics;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the statistics' API (the filters' own errors are the portal list's: unknown kind, region, dates). */
enum StatisticsError implements ErrorCode {
    /** The format is neither json nor csv. */
    STATISTICS_UNKNOWN_FORMAT(400);

    private final int httpStatus;

    StatisticsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
