package org.sunbid.platform.sealing.domain;

/** Where a tender's opening (开标) stands. Stored as the strings below (bid_opening.status). */
public enum OpeningStatus {
    /** Bidding closed with at least the lot's opening minimum of valid envelopes; the custodians' shares are awaited. */
    AWAITING_SHARES,
    /**
     * The threshold of shares is in and the key rebuilt: the envelopes are being opened, outside the custodian's request
     * (a restart resumes it from the stored shares); OPENED once the record is written.
     */
    OPENING,
    /** The key was rebuilt, every valid envelope opened and the platform-signed opening record written (final). */
    OPENED,
    /** Fewer valid envelopes than the lot's opening minimum (OPENING_MIN) at the deadline: not opened (Law 28, Reg. 44; final). */
    FAILED_TOO_FEW_BIDS;

    /** Whether the opening record is written and can never change. */
    public boolean isFinal() {
        return this == OPENED || this == FAILED_TOO_FEW_BIDS;
    }
}
