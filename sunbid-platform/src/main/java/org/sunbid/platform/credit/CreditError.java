package org.sunbid.platform.credit;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the credit context. */
public enum CreditError implements ErrorCode {
    /** A field of the credit record is missing or malformed: {0}. */
    CREDIT_FIELD_INVALID(400),
    /** Refused for a credit record in force: {0}. */
    CREDIT_RESTRICTED(403),
    /** No credit record {0}, or none the caller may see. */
    CREDIT_RECORD_NOT_FOUND(404),
    /** Only the recorded organisation applies for repair of, or objects to, its own record. */
    CREDIT_NOT_OWN_RECORD(403),
    /** The record is not (or no longer) published: there is nothing to repair. */
    CREDIT_REPAIR_NOT_PUBLISHED(409),
    /** A record for false repair material is never repaired (信用修复管理办法 Art. 25). */
    CREDIT_REPAIR_FALSE_MATERIAL(409),
    /** Repair only after the minimum publication period, here until {0} (Art. 12). */
    CREDIT_REPAIR_TOO_EARLY(409),
    /** A penalty with a time limit is not removed early: it runs until {0} (Art. 12). */
    CREDIT_REPAIR_PENALTY_RUNNING(409),
    /** An application or objection for this record is already open. */
    CREDIT_ALREADY_PENDING(409),
    /** No repair application {0}, or none the caller may see. */
    CREDIT_REPAIR_NOT_FOUND(404),
    /** No objection {0}, or none the caller may see. */
    CREDIT_OBJECTION_NOT_FOUND(404),
    /** Only a supervisor of the record's region (its issuing body's) takes this step. */
    CREDIT_NOT_SUPERVISOR(403),
    /** The step {0} is not possible while it is {1}. */
    CREDIT_STEP_NOT_ALLOWED(409),
    /** The step needs its text: {0}. */
    CREDIT_TEXT_REQUIRED(422),
    /** No credit profile of organisation {0}, or none the caller may see. */
    CREDIT_PROFILE_NOT_FOUND(404),
    /** The value {1} of {0} is not valid. */
    CREDIT_PARAMETER_INVALID(400),
    /** A correction (更正) that changes none of the record's values. */
    CREDIT_CORRECTION_EMPTY(422),
    /** The corrected publication of class {0} would run beyond its maximum, the last day {1} ({2}). */
    CREDIT_CORRECTION_BEYOND_MAXIMUM(422);

    private final int status;

    CreditError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
