package org.sunbid.platform.supervision;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the supervision context (must-trade catalogue, exemptions, off-platform reports). */
public enum SupervisionError implements ErrorCode {
    /** The deal kind {0} is none of GCJS, ZFCG, TDSYQ, KYQ, GYCQ. */
    UNKNOWN_DEAL_KIND(400),
    /** The category {0} is none of WORKS, GOODS, SERVICES, ANY. */
    UNKNOWN_CATEGORY(400),
    /** A field is missing or malformed: {0}. */
    SUPERVISION_FIELD_INVALID(400),
    /** An exemption needs both its reason and its legal basis (不进场交易须说明理由和法律依据). */
    EXEMPTION_BASIS_REQUIRED(422),
    /** The catalogue does not require this project to trade on the platform ({0}): no exemption is needed, report it. */
    EXEMPTION_NOT_NEEDED(422),
    /** No exemption {0}, or none the caller may see. */
    EXEMPTION_NOT_FOUND(404),
    /** The exemption was decided already ({0}). */
    EXEMPTION_ALREADY_DECIDED(409),
    /** Returning an exemption needs a reason. */
    RETURN_REASON_REQUIRED(422),
    /** The exemption named is not an approved exemption of this owner. */
    EXEMPTION_NOT_APPROVED(422),
    /** No off-platform deal {0}, or none the caller may see. */
    OFF_PLATFORM_DEAL_NOT_FOUND(404),
    /** The report was published on {0} and cannot be changed. */
    REPORT_ALREADY_PUBLISHED(409),
    /** The result date {0} lies in the future. */
    RESULT_DATE_IN_FUTURE(422),
    /** No catalogue entry {0}, or none the caller may maintain. */
    CATALOGUE_ENTRY_NOT_FOUND(404),
    /** The entry ends before it starts ({0} before {1}). */
    CATALOGUE_DATES_INVALID(422);

    private final int httpStatus;

    SupervisionError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
