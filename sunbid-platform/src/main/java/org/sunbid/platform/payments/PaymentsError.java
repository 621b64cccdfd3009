package org.sunbid.platform.payments;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the payments context. */
public enum PaymentsError implements ErrorCode {
    /** The bank is not registered with the platform. */
    BANK_UNKNOWN(404),
    /** A bank notification whose signature does not verify against the bank's registered certificate. */
    BANK_SIGNATURE_INVALID(401),
    /** A bank notification that is signed but not well-formed. */
    BANK_NOTIFICATION_INVALID(400),
    /** A notification reuses a bank transaction id already notified with different content; nothing changed. */
    BANK_NOTIFICATION_CONFLICT(409),
    /** The caller has no deposit account for this tender (not registered). */
    DEPOSIT_ACCOUNT_NOT_FOUND(404),
    /** The deposit is already settled (paid or guaranteed). */
    DEPOSIT_ALREADY_SETTLED(409),
    /** Deposits can no longer be settled: bidding has closed. */
    DEPOSIT_DEADLINE_PASSED(409),
    /** Who paid stays secret until bidding closes. */
    DEPOSITS_SEALED(403),
    /** The guarantee's issuer certificate is not registered with the platform, not trusted or not valid. */
    GUARANTEE_ISSUER_NOT_REGISTERED(422),
    /** The guarantee's signature does not verify. */
    GUARANTEE_SIGNATURE_INVALID(422),
    /** The guarantee document is not well-formed. */
    GUARANTEE_INVALID(400),
    /** The guarantee names another tender, applicant or beneficiary. */
    GUARANTEE_WRONG_PARTY(422),
    /** The guaranteed amount is below the deposit. */
    GUARANTEE_AMOUNT_TOO_LOW(422),
    /** The guarantee does not cover the bid validity period. */
    GUARANTEE_VALIDITY_TOO_SHORT(422),
    /** This guarantee has already been used. */
    GUARANTEE_ALREADY_USED(409),
    /** The sandbox is disabled on this platform. */
    SANDBOX_DISABLED(404),
    /** A forfeiture (没收保证金) needs its legal basis and reason (issue 20 fix D). */
    FORFEITURE_INVALID(400);

    private final int httpStatus;

    PaymentsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
