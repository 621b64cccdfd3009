package org.sunbid.platform.credit.lists;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the external credit lists' import. */
public enum CreditListError implements ErrorCode {
    /** No such list: {0}. */
    CREDIT_LIST_UNKNOWN(404),
    /** The file is refused whole, nothing imported: line {0}: {1} ({2}). */
    CREDIT_LIST_MALFORMED(422),
    /** A version dated {0} is not newer than the list's latest imported version ({1}). */
    CREDIT_LIST_NOT_NEWER(409),
    /** The import's own fields (list date, file) are missing or malformed: {0}. */
    CREDIT_LIST_REQUEST_INVALID(400);

    private final int status;

    CreditListError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
