package org.sunbid.platform.supervision.warnings;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the warning queue (监督预警). */
public enum WarningError implements ErrorCode {
    /** No warning {0}, or none the caller may see. */
    WARNING_NOT_FOUND(404),
    /** Only a supervisor of the warning's region acts on it. */
    WARNING_NOT_SUPERVISOR(403),
    /** The step {0} is not possible while the warning is {1}. */
    WARNING_STEP_NOT_ALLOWED(409),
    /** A decision needs its legal basis (处理依据). */
    WARNING_BASIS_REQUIRED(422),
    /** The step needs its reason or text ({0}). */
    WARNING_TEXT_REQUIRED(422),
    /** A correction (责令改正) needs a deadline after today ({0}); other decisions take none. */
    WARNING_CORRECTION_DUE_INVALID(422),
    /** The value {1} of {0} is not valid. */
    WARNING_PARAMETER_INVALID(400),
    /** The sanction's restriction under {0} must end between {1} and {2} (its last day), with its gates (issue 20). */
    WARNING_SANCTION_TERM_INVALID(422),
    /** A sanction with credit terms (class, restriction, gates) needs the party's credit code: the record binds by it. */
    WARNING_SANCTION_CREDIT_CODE_REQUIRED(422);

    private final int httpStatus;

    WarningError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
