package org.sunbid.platform.evaluation;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the evaluation context. */
public enum EvaluationError implements ErrorCode {
    /** The evaluation criteria are inconsistent (codes repeated, points not positive, parts not adding up to 100). */
    CRITERIA_INVALID(422),
    /** A score lies outside its criterion's range (0 … the criterion's points, at most two decimals). */
    SCORE_OUT_OF_RANGE(422),
    /** A scorecard misses a criterion or names one the criteria do not have. */
    SCORE_INCOMPLETE(422),
    /** A member submits once; the submission cannot be replaced. */
    SCORE_ALREADY_SUBMITTED(409),
    /** An extreme score (far from the other members' mean) needs a written reason. */
    EXTREME_SCORE_REASON_REQUIRED(422),
    /** Reg. 55: a state-funded project awards the first-ranked candidate. */
    AWARD_NOT_FIRST_RANKED(422);

    private final int httpStatus;

    EvaluationError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
