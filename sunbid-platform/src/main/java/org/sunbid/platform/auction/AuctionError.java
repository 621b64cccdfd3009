package org.sunbid.platform.auction;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the auction context. The legal ones name their article in the message (messages*.properties: error.CODE). */
public enum AuctionError implements ErrorCode {
    /** No such auction lot, or none the caller may see. */
    AUCTION_NOT_FOUND(404),
    /** The bid arrived before bidding started. */
    AUCTION_NOT_STARTED(409),
    /** The bid arrived after bidding ended (the message gives the server's receipt time and the end, exactly). */
    AUCTION_ENDED(409),
    /** Bidding is frozen (listing bids stopped before the timed round) or paused. */
    AUCTION_FROZEN(409),
    /** The auction is suspended (an outage, a complaint): no bid is accepted until it resumes. */
    AUCTION_SUSPENDED(409),
    /** The caller is not a qualified bidder of this auction. */
    BIDDER_NOT_QUALIFIED(403),
    /** A bid below the start price, or not above the highest bid by at least one increment. */
    BID_TOO_LOW(409),
    /** A bid that is not the start price plus a whole number of increments (39号令; 32号令: integer multiples). */
    BID_NOT_WHOLE_INCREMENT(409),
    /** The bidder already holds the highest bid. */
    BID_ALREADY_HIGHEST(409),
    /** The auction's terms are invalid (a field named in the message). */
    INVALID_AUCTION_TERMS(400),
    /** The lot's rules do not let the auctioneer change the increment (INCREMENT_CHANGE; part C). */
    INCREMENT_CHANGE_NOT_ALLOWED(409),
    // part D: the sealed reserve (底价) and the bidder numbers
    /** 39号令 Art. 15: the announcement says this lot has no reserve; none can be sealed for it. */
    RESERVE_NOT_ANNOUNCED(409),
    /** The reserve must be an amount in yuan greater than zero, to the fen. */
    INVALID_RESERVE(400),
    /** 39号令 Art. 10: the sealed reserve is public only once it was opened after bidding ended. */
    RESERVE_NOT_OPENED(409),
    /** The caller's organisation holds no bidder number in this lot (not qualified, or not yet). */
    NO_BIDDER_NUMBER(404),

    // part L: the lot's terms and their publication (出让公告 / 信息披露)
    /** The lot's terms (出让/披露条件) are not set: the announcement cannot be published without them. */
    AUCTION_TERMS_MISSING(409),
    /** The terms are fixed once the announcement is published (32号令 Art. 20: no change during disclosure). */
    AUCTION_TERMS_FIXED(409),
    /** 39号令 Art. 8; 自然资规〔2023〕1号; 32号令 Art. 13, 39, 48: the announcement too short before bidding starts. */
    AUCTION_ANNOUNCEMENT_TOO_SHORT(409),
    /** 39号令 Art. 18; 自然资规〔2023〕1号: the listing period too short. */
    AUCTION_LISTING_TOO_SHORT(409),
    /** 39号令 Art. 11: applications close too late (before the listing's end / the auction's start by the rule). */
    AUCTION_APPLICATION_CLOSE_TOO_LATE(409),
    /** 国土资发〔2010〕34号: the deposit below its minimum share of the start price. */
    AUCTION_DEPOSIT_TOO_LOW(409),
    /** 32号令 Art. 17: the first formal disclosure's price below the appraisal. */
    AUCTION_START_BELOW_APPRAISAL(409),
    /** 32号令 Art. 18: a re-disclosure below 90% of the appraisal without a recorded written approval. */
    AUCTION_APPROVAL_REQUIRED(409),
    /** 32号令 Art. 19: more than 12 months since the first disclosure: audit, appraisal and disclosure anew. */
    AUCTION_RELIST_REQUIRED(409),

    // --- part F: the result, the 成交确认书, the payment schedule
    /** No result yet for the lot (bidding has not ended or the reserve is not opened). */
    RESULT_NOT_FOUND(404),
    /** The caller is neither the winner nor the lot's owner side, so it has no signature to give on the confirmation. */
    CONFIRMATION_NOT_SIGNER(403),
    /** 39号令 Art. 20: the owner's side countersigns after the winner; a side signs once. */
    CONFIRMATION_ORDER(409),
    /** The signature does not verify against a certificate of the signer's organisation in force. */
    CONFIRMATION_SIGNATURE_INVALID(400),
    /** Only the lot's owner side records payments and instalment plans. */
    NOT_LOT_OWNER(403),
    /** A payment that is not positive, in the future, or more than what remains of the price. */
    PAYMENT_INVALID(400),
    /** 32号令 Art. 27: instalments only with a guarantee and interest on the rest, agreed before the first payment. */
    INSTALMENTS_NEED_GUARANTEE(400),
    /** Only the lot's owner (the tenderee or its agency) declares the winner's default (issue 20 fix D). */
    DEFAULT_NOT_OWNER(403),
    /** A default needs its reason (at most 500 characters). */
    DEFAULT_INVALID(400),
    /** Nothing is overdue yet: neither the 成交确认书 nor a payment. */
    DEFAULT_NOT_DUE(409);

    private final int httpStatus;

    AuctionError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
