package org.sunbid.platform.parties;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the parties context. */
public enum PartiesError implements ErrorCode {
    /** The unified social credit code fails GB 32100-2015 validation. */
    INVALID_CREDIT_CODE(400),
    /** An organisation with this credit code is registered already. */
    DUPLICATE_ORGANISATION(409),
    /** No organisation with this id, or none the caller may see. */
    ORGANISATION_NOT_FOUND(404),
    /** The caller may not act in this region. */
    REGION_OUT_OF_SCOPE(403),
    /** An account with this username exists already. */
    DUPLICATE_USERNAME(409),
    /** The username or password is wrong (deliberately not saying which). */
    BAD_CREDENTIALS(401),
    /** Too many failed logins from this source (or on this account from sources that failed): wait and retry. */
    LOGIN_THROTTLED(429),
    /** The certificate is unreadable or does not chain to a trusted CA root. */
    CERTIFICATE_UNTRUSTED(422),
    /** The certificate does not name the organisation's credit code. */
    CERTIFICATE_SUBJECT_MISMATCH(422),
    /** This certificate is registered already. */
    DUPLICATE_CERTIFICATE(409),
    /** A basic account number must be digits only (spaces between groups allowed), of a bounded length. */
    BASIC_ACCOUNT_NUMBER_INVALID(400),
    /** A basic account needs the name of its bank, of a bounded length. */
    BASIC_ACCOUNT_BANK_INVALID(400);

    private final int httpStatus;

    PartiesError(int httpStatus) {
        this.httpStatus = httpStatus;
    }


    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
