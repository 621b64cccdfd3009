package org.sunbid.platform.intermediaries;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the intermediary market (中介超市); messages in the bundles under {@code error.<NAME>}. */
public enum IntermediaryError implements ErrorCode {
    /** A field of the registration or request is missing or malformed: {0}. */
    INTERMEDIARY_FIELD_INVALID(400),
    /** Only an organisation of the intermediary or agency kind registers as an intermediary. */
    NOT_AN_INTERMEDIARY(403),
    /** No such intermediary (or not visible to the caller): {0}. */
    INTERMEDIARY_NOT_FOUND(404),
    /** The registration is not awaiting review: {0}. */
    REGISTRATION_NOT_PENDING(409),
    /** Unknown or inactive service kind: {0}. */
    SERVICE_KIND_UNKNOWN(400),
    /** No such request (or not visible to the caller): {0}. */
    REQUEST_NOT_FOUND(404),
    /** The request is in state {0}; this step is not possible now. */
    REQUEST_STATE(409),
    /** Not enough eligible intermediaries: {0} eligible, {1} needed. */
    TOO_FEW_ELIGIBLE(422),
    /** The draw needs at least two witnesses, one of the trading centre: {0}. */
    DRAW_WITNESS_INVALID(422),
    /** The owner already has an open draw for service kind {0}. */
    DRAW_ALREADY_OPEN(409),
    /** The revealed secret does not match the committed hash. */
    DRAW_SECRET_MISMATCH(422),
    /** The draw has not been made yet. */
    INTERMEDIARY_DRAW_NOT_PUBLISHED(404),
    /** The quote deadline {0} has passed. */
    QUOTE_DEADLINE_PASSED(409),
    /** Quotes are hidden until the deadline {0}. */
    QUOTES_HIDDEN(409),
    /** The caller is not an eligible intermediary for this request. */
    NOT_ELIGIBLE(403),
    /** The quote {0} exceeds the request's budget {1}. */
    QUOTE_OVER_BUDGET(422),
    /** Direct selection is allowed only up to {0} here (basis: {1}); the budget is {2}. */
    DIRECT_OVER_THRESHOLD(422),
    /** No direct selection threshold applies to region {0} and kind {1} at this time. */
    DIRECT_NO_THRESHOLD(422),
    /** The intermediary chosen directly is not eligible: {0}. */
    DIRECT_NOT_ELIGIBLE(422),
    /** The service has already been rated. */
    INTERMEDIARY_RATING_EXISTS(409),
    /**
     * The request's quote key, as the database keeps it, does not open under the vault key (altered or moved in the
     * database): no quote is taken or opened until it is restored.
     */
    QUOTE_KEY_INVALID(409);

    private final int status;

    IntermediaryError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
