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
    INSTALMENTS_NEED_GUARANTEE(400);

    private final int httpStatus;

    AuctionError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
