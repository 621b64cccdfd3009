package org.sunbid.platform.sealing;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the sealing context. */
public enum SealingError implements ErrorCode {
    /** A custodian of the opening key has no certificate in force, registered by itself, to receive its share. */
    CUSTODIAN_WITHOUT_CERTIFICATE(422),
    /**
     * The certificate a custodian's share is encrypted to is no longer usable (revoked, no longer under a trusted root,
     * expired, or not registered by the custodian itself): the share is not accepted.
     */
    CUSTODIAN_CERTIFICATE_UNUSABLE(422),
    /** No organisation of a custodian's kind serves the tender's region. */
    CUSTODIAN_MISSING(422),
    /** The envelope is malformed, altered or not signed by its bidder; the reason is given. */
    ENVELOPE_INVALID(422),
    /** The envelope was sealed for another tender or another opening key. */
    ENVELOPE_WRONG_TENDER(422),
    /** The envelope is signed with a certificate that is not the bidder's registered, valid, trusted certificate. */
    ENVELOPE_SIGNER_NOT_BIDDER(422),
    /** This very envelope was already received (a replayed upload); nothing changed. */
    ENVELOPE_ALREADY_RECEIVED(409),
    /** The envelope is larger than the platform accepts; nothing was kept. */
    ENVELOPE_TOO_LARGE(413),
    /** Bids are accepted only before the deadline by the platform's clock; this one arrived at or after it. */
    BIDDING_CLOSED(409),
    /** The tender is suspended (Reg. 22: 暂停招标投标活动): no bid or withdrawal is accepted until it resumes. */
    BIDDING_SUSPENDED(409),
    /**
     * The department handling a complaint has suspended the lot's procurement (政府采购法 Art. 57, 94号令 Art. 28;
     * 招标投标法实施条例 Art. 62): no bid, response or final offer is accepted until the suspension ends.
     */
    GPL_57_PROCUREMENT_SUSPENDED(409),
    /** Only a registered bidder whose deposit is paid or guaranteed (covering the bid validity) may bid. */
    DEPOSIT_NOT_SETTLED(409),
    /** A withdrawal must carry the bidder's signed statement; an unsigned request changes nothing. */
    WITHDRAWAL_UNSIGNED(422),
    /** The withdrawal statement is malformed, or names another tender, bidder or envelope than the caller's valid bid. */
    WITHDRAWAL_INVALID(422),
    /** The withdrawal's signature does not verify with a registered, valid, trusted certificate of the bidder. */
    WITHDRAWAL_SIGNATURE_INVALID(422),
    /** The receipt backing an objection is not one the platform signed for this tender and the caller. */
    RECEIPT_INVALID(422),
    /** A price sheet must be a JSON object (at most 64 KB, no floating-point numbers) with a totalPrice amount. */
    PRICE_SHEET_INVALID(400),
    /** The bidder has replaced its bid as often as allowed ({0} times) on this tender; nothing changed. */
    BID_REPLACEMENTS_EXHAUSTED(409),
    /** The caller has no valid bid on this tender. */
    BID_NOT_FOUND(404),
    /** Shares are released only once bidding has closed and the tender awaits its opening. */
    OPENING_NOT_READY(409),
    /** The caller's organisation holds no share of this tender's opening key. */
    NOT_A_CUSTODIAN(403),
    /** The share is not this custodian's share of this tender's key (wrong tender, key or index, or damaged). */
    SHARE_INVALID(422),
    /** This custodian already released a different share. */
    SHARE_ALREADY_RELEASED(409),
    /** No opening for this tender (bidding has not closed). */
    OPENING_NOT_FOUND(404),
    /** Only a bidder whose bid was opened may confirm or object, within the window after the opening. */
    OPENING_RESPONSE_CLOSED(409),
    /** This bidder has already responded to the opening record. */
    OPENING_ALREADY_RESPONDED(409),
    /** No open objection of this bidder to answer. */
    OPENING_OBJECTION_NOT_FOUND(404),
    /** A threshold must be 2 or 3 (of the three custodians). */
    THRESHOLD_INVALID(422),
    /** The tender has no opening key (not published). */
    OPENING_KEY_NOT_FOUND(404),

    // Sealed final offers (最后报价), issue 16 part B
    /**
     * A round of final offers is numbered from 1, each once, opens after the previous one was opened, to suppliers whose
     * bids (responses) were opened, with a deadline in the future; the next round is {0}.
     */
    ROUND_INVALID(422),
    /** A round of final offers opens only after the lot's bids (responses) were opened. */
    ROUND_BIDS_NOT_OPENED(409),
    /** No such round of final offers on this lot. */
    ROUND_NOT_FOUND(404),
    /** The round is opened only once every supplier of the round has offered or its deadline has passed. */
    ROUND_NOT_DUE(409),
    /** 74号令 Art. 33: final offers only within the time the panel set — at or after the deadline, or once opening began, refused. */
    OFFER_LATE(409),
    /** Only the suppliers the panel asked for final offers in this round may offer. */
    OFFER_NOT_INVITED(403),
    /** The caller has no offer in this round. */
    OFFER_NOT_FOUND(404),
    /**
     * A competition round (issue 22) takes offers only through the context that owns it (e.g. the framework order's
     * page), which checks the supplier first; not through the negotiation's offer endpoint.
     */
    OFFER_THROUGH_OWNER(409),
    // The sealed reserve (底价), issue 17 part D
    /** 39号令 Art. 10: the reserve is set (sealed) only before its deadline; after it, it cannot change. */
    RESERVE_LATE(409),
    /** 39号令 Art. 10: the sealed reserve is opened only once bidding has ended; no share is taken before. */
    RESERVE_NOT_DUE(409),
    /** No reserve was sealed for this lot. */
    RESERVE_NOT_FOUND(404),

    // issue 17 part L: live bidding
    /** The lot's rules hold LIVE_BIDDING (land, mining, state property): bids are placed in the auction room, none sealed. */
    LIVE_BIDDING_NO_SEALED_BIDS(409);

    private final int httpStatus;

    SealingError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
