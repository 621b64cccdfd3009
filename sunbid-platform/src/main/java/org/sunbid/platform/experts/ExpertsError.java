package org.sunbid.platform.experts;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the experts context. */
public enum ExpertsError implements ErrorCode {
    /** No such expert, or not one the caller may see. */
    EXPERT_NOT_FOUND(404),
    /** The caller's account already has an expert profile (or application). */
    EXPERT_ALREADY_APPLIED(409),
    /** The application or profile is incomplete or invalid; the field is named. */
    EXPERT_INVALID(422),
    /** The status change is not allowed from the expert's current status, or not by the caller. */
    STATUS_CHANGE_NOT_ALLOWED(409),
    /** A leave period is invalid (ends before it starts, or in the past). */
    LEAVE_INVALID(422),
    /** The region's draw policy is invalid. */
    POLICY_INVALID(422),
    /** Law 37: at least five members, an odd number, experts at least two thirds. */
    COMMITTEE_COMPOSITION(422),
    /** The draw request is invalid; the field is named. */
    DRAW_INVALID(422),
    /** Too few eligible experts: the shortfall is named. Nothing was requested. */
    DRAW_POOL_SHORT(422),
    /** The tender already has a draw request in progress. */
    DRAW_EXISTS(409),
    /** No such draw, or not one the caller may see. */
    DRAW_NOT_FOUND(404),
    /** The draw is not in a state that allows this. */
    DRAW_STATE(409),
    /** Only a supervisor of the tender's region commits the draw's secret. */
    NOT_THE_SUPERVISOR(403),
    /** The draw's secret commitment is not an SM3 hash (64 hex digits). Nothing changed. */
    SECRET_HASH_INVALID(422),
    /** The revealed secret does not hash to the draw's commitment (or is not 64 hex digits). Nothing changed. */
    SECRET_MISMATCH(422),
    /** The draw record is published only after the evaluation. */
    DRAW_NOT_PUBLISHED(409),
    /** No notifier (voice call / SMS gateway) is configured, so drawn experts could not be reached. */
    NOTIFIER_MISSING(503),
    /** The gateway's reply notification is not signed by the configured gateway. Nothing changed. */
    REPLY_NOT_SIGNED(401),
    /** The sign-in signature is not the expert's, made with a certificate in force, over this draw's challenge. */
    SIGN_IN_INVALID(422),
    /** The caller is not a confirmed member of this draw's committee, or sign-in is not open. */
    SIGN_IN_NOT_ALLOWED(409),
    /** The rating is invalid or the expert was not a member of the committee. */
    RATING_INVALID(422),
    /** The caller's side has already rated this expert for this evaluation. */
    RATING_EXISTS(409),
    /** 87号令 Art. 47: a procurement panel of 5 or more (7 or more from 10 million yuan), an odd number, experts ≥ 2/3. */
    PANEL_COMPOSITION(422);

    private final int httpStatus;

    ExpertsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
