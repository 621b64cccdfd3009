package org.sunbid.platform.procurement;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the negotiation and consultation rounds (竞争性谈判、竞争性磋商、单一来源的谈判轮次). */
public enum NegotiationError implements ErrorCode {
    /** 74号令 Art. 51: the lot's method has no negotiation (询价: one fixed offer per supplier). */
    GPL74_ART51_NO_NEGOTIATION(409),
    /** No negotiation for this lot, or the caller may not see it (a thread of another supplier is never shown). */
    NEGOTIATION_NOT_FOUND(404),
    /** The negotiation cannot start yet: the responses are not opened or the panel is not seated ({0}). */
    NEGOTIATION_NOT_READY(409),
    /** The step is not possible in the negotiation's current state ({0}). */
    NEGOTIATION_STATE(409),
    /** Only a seated member of the lot's panel (谈判小组/磋商小组) acts for the panel. */
    NOT_PANEL_MEMBER(403),
    /** The supplier is not (or no longer) in the negotiation: excluded, or never a respondent. */
    SUPPLIER_NOT_IN_NEGOTIATION(409),
    /** 74号令 Art. 32; 214号 Art. 18: a document change not delivered in writing to every remaining supplier. */
    GPL74_ART32_CHANGE_NOT_NOTIFIED(409),
    /** 74号令 Art. 32; 214号 Art. 18: a supplier has neither acknowledged the change nor had its response time ({0}). */
    GPL74_ART32_CHANGE_RESPONSE_TIME(409),
    /** The final-offer deadline must lie after now. */
    OFFER_DEADLINE_INVALID(422),
    /** A final offer typed on the supplier's page must be an amount in yuan (up to two decimals). */
    OFFER_PRICE_INVALID(422),
    /** A message, a change or a reason must have text (at most 20,000 characters). */
    NEGOTIATION_TEXT_INVALID(422);

    private final int httpStatus;

    NegotiationError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
