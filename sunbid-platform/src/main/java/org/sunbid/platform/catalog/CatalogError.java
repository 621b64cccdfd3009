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
    INVALID_REGION_LEVEL(400),
    /** The 品目 code {0} is not A, B or C followed by one to four pairs of digits (or the name or basis is missing). */
    INVALID_ITEM_CODE(400),
    /** The 品目 {0} a new item would sit under is not listed. */
    ITEM_PARENT_NOT_FOUND(422),
    /** The 品目 {0} is listed already. */
    DUPLICATE_ITEM(409);

    private final int httpStatus;

    CatalogError(int httpStatus) {
        this.httpStatus = httpStatus;
    }


    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
