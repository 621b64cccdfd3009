package org.sunbid.platform.sealing;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the sealing context. */
public enum SealingError implements ErrorCode {
    /** A custodian of the opening key has no certificate in force to receive its share. */
    CUSTODIAN_WITHOUT_CERTIFICATE(422),
    /** No organisation of a custodian's kind serves the tender's region. */
    CUSTODIAN_MISSING(422),
    /** The tender has no opening key (not published). */
    OPENING_KEY_NOT_FOUND(404);

    private final int httpStatus;

    SealingError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
