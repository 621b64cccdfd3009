package org.sunbid.platform.deals;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the deals context. */
public enum DealsError implements ErrorCode {
    /** No deal kind has this name (GCJS, ZFCG, TDSYQ, KYQ, GYCQ). */
    DEALS_UNKNOWN_KIND(400),
    /** No procedure has this code. */
    DEALS_UNKNOWN_PROCEDURE(400),
    /** The procedure belongs to another kind of deal. */
    DEALS_PROCEDURE_OF_OTHER_KIND(400),
    /** The platform cannot run this procedure yet. */
    DEALS_PROCEDURE_NOT_RUNNABLE(422),
    /** A field of the project or of a lot is missing or invalid. */
    DEALS_INVALID_PROJECT(400),
    /** No such project, or none the caller may see. */
    DEALS_PROJECT_NOT_FOUND(404),
    /** The project's procedure requires no procurement intention (财库〔2020〕10号 applies to government procurement). */
    DEALS_INTENTION_NOT_APPLICABLE(422),
    /** The project's intention (or its exemption) is already recorded; it is never changed. */
    DEALS_INTENTION_ALREADY_RECORDED(409),
    /** An intention without its 需求概况 or 预计采购时间, or an exemption without its ground or reason. */
    DEALS_INVALID_INTENTION(400),
    /** Only the project's owner or agency publishes its intention. */
    DEALS_NOT_PROJECT_OWNER(403),
    /** No condition of use with this code for the procedure on the date (政府采购法 Art. 29, 31, 32; 74号令 Art. 27; 财库〔2014〕214号 Art. 3). */
    DEALS_UNKNOWN_CONDITION(400);

    private final int httpStatus;

    DealsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
