package org.sunbid.platform.sealing.domain;

/** Where a tender's opening (开标) stands. Stored as the strings below (bid_opening.status). */
public enum OpeningStatus {
    /** Bidding closed with at least three valid envelopes; the custodians' shares are awaited. */
    AWAITING_SHARES,
    /** The key was rebuilt, every valid envelope opened and the platform-signed opening record written (final). */
    OPENED,
    /** Fewer than three valid envelopes at the deadline: not opened, tendered again (Law 28, Reg. 44; final). */
    FAILED_TOO_FEW_BIDS;

    /** Whether the opening record is written and can never change. */
    public boolean isFinal() {
        return this != AWAITING_SHARES;
    }
}
