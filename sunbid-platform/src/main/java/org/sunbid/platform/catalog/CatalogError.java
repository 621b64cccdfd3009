package org.sunbid.platform.catalog;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the catalog context. */
public enum CatalogError implements ErrorCode {
    /** No region has this code. */
    REGION_NOT_FOUND(404),
    /** The region code is not a GB/T 2260 code of 6, 9 or 12 digits. */
    INVALID_REGION_CODE(400),
    /** A region with this code exists already. */
    DUPLICATE_REGION(409),
    /** The region's level cannot sit under its parent's level. */
    INVALID_REGION_LEVEL(400);

    private final int httpStatus;

    CatalogError(int httpStatus) {
        this.httpStatus = httpStatus;
    }


    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
