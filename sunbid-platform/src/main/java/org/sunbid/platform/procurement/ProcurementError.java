package org.sunbid.platform.procurement;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the procurement context. The legal ones name their article in the message. */
public enum ProcurementError implements ErrorCode {
    /** 74号令 Art. 12, 87号令 Art. 14, 法 Art. 34: fewer suppliers invited than the method's minimum (3). */
    INVITED_TOO_FEW(422),
    /** 74号令 Art. 12, 财库〔2014〕214号 Art. 6: the purchaser's recommendations exceed half of the invitees. */
    RECOMMENDED_TOO_MANY(422),
    /** 87号令 Art. 14: 邀请招标 invites by draw only; the purchaser's recommendations may only fill the pool. */
    RECOMMENDATION_NOT_ALLOWED(422),
    /** 87号令 Art. 14: a pool from the database or from recommendations holds fewer than twice the number drawn. */
    INVITATION_POOL_TOO_SMALL(422),
    /**
     * 法 Art. 34, 87号令 Art. 14: at the reveal, the pool's ranking runs out before every barred drawn supplier is
     * replaced. Not thrown: the reason a draw ends FAILED (its message shows the record's counts).
     */
    INVITATION_POOL_EXHAUSTED(422),
    /** 87号令 Art. 14: fewer than two of the purchaser's staff witness the draw. */
    DRAW_WITNESSES_TOO_FEW(422),
    /** A witness must be a member of the purchaser's or the agency's staff with an account on the platform. */
    DRAW_WITNESS_UNKNOWN(422),
    /** The lot's method is not by invitation (an open notice): nobody is invited. */
    NOT_BY_INVITATION(409),
    /** The lot already has its invitation draw. */
    INVITATION_DRAW_EXISTS(409),
    /** The draw is not in a state that allows this. */
    INVITATION_DRAW_STATE(409),
    /** A new draw after a failed one commits to a secret of an earlier draw of the lot (revealed, so no commitment). */
    INVITATION_SECRET_REUSED(422),
    /** The revealed secret does not hash to the commitment; nothing changed. */
    INVITATION_SECRET_MISMATCH(422),
    /** No such invitation draw, or none the caller may see. */
    INVITATION_DRAW_NOT_FOUND(404),
    /** The draw's record stays sealed until the response deadline (who was invited could then be computed). */
    INVITATION_DRAW_SEALED(403),
    /** The invitation request is malformed (a supplier twice, an unknown supplier, a bad commitment). */
    INVALID_INVITATION_REQUEST(400);

    private final int httpStatus;

    ProcurementError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
