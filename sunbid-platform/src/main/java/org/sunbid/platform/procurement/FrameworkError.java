package org.sunbid.platform.procurement;

import org.sunbid.platform.kernel.ErrorCode;

/**
 * Errors of framework agreements (框架协议采购). The legal ones quote their rule row's basis in the message (deals' V430,
 * worded by V500): no article number of 110号令 could be read in a published text, so the rows name the order and its
 * substance, flagged "条次待核 ⚠"; the elimination and term figures are still [M ⚠] (STATUS-R.md).
 */
public enum FrameworkError implements ErrorCode {
    /**
     * 110号令 (最高限制单价, "应当在征集公告和征集文件中确定"): a unit price above the item's maximum unit price ({0} item,
     * {1} &gt; {2}).
     */
    GPL110_ABOVE_MAX_UNIT_PRICE(422),
    /** 110号令: every item of a framework agreement needs a positive maximum unit price ({0}). */
    GPL110_MAX_UNIT_PRICE_REQUIRED(422),
    /** 110号令 (封闭式: 淘汰比例 ≥ 20 % 且至少淘汰一家) [M ⚠]: the shortlist would eliminate {1}, the rule requires {0} ({2}). */
    GPL110_ELIMINATION_TOO_LOW(422),
    /** 110号令: fewer qualified respondents ({1}) than the minimum ({0}) for shortlisting ({2}). */
    GPL110_RESPONDENTS_TOO_FEW(422),
    /** 110号令 (有效期) [M ⚠]: the term ({1} months) is longer than the rule's ({0} months, {2}). */
    GPL110_TERM_TOO_LONG(422),
    /** 110号令 (直接选定): a direct selection at a unit price above the supplier's agreement price ({0} &gt; {1}). */
    GPL110_ABOVE_AGREEMENT_PRICE(422),
    /** 110号令 (开放式框架协议): an open agreement admits every qualified respondent ({0}); {1} were asked for. */
    GPL110_OPEN_ADMITS_ALL(422),
    /** 110号令 (开放式框架协议): only an open agreement lets suppliers join during its term. */
    GPL110_CLOSED_AGREEMENT(409),
    /** The supplier is not on the agreement's shortlist (or was not admitted). */
    GPL110_NOT_SHORTLISTED(409),
    /** Rotation (顺序轮候): no shortlisted supplier can take the order (all barred). */
    GPL110_ROTATION_EXHAUSTED(409),
    /** 110号令 (适用范围) ⚠: the buyer is not among the agreement's purchasers ({0}; {1}). */
    GPL110_BUYER_OUT_OF_SCOPE(422),
    /** The order summary of {0} – {1} was already published ({2}); a summary is published once per period. */
    FRAMEWORK_SUMMARY_PUBLISHED(409),
    /** No such agreement or order, or none the caller may see. */
    FRAMEWORK_NOT_FOUND(404),
    /** The step is not possible in the agreement's or order's current state ({0}). */
    FRAMEWORK_STATE(409),
    /** Only the collecting body (征集人) of the agreement may do this. */
    FRAMEWORK_NOT_COLLECTOR(403),
    /** Only the buyer (采购人) of the order may do this. */
    FRAMEWORK_NOT_BUYER(403),
    /** The request is malformed: {0}. */
    FRAMEWORK_INVALID(400),
    /** The response period ended at {0}; nothing is accepted after it. */
    FRAMEWORK_RESPONSE_CLOSED(409),
    /** The supplier already responded (or asked to join). */
    FRAMEWORK_ALREADY_RESPONDED(409),
    /** A revealed offer does not hash (SM3) to the sealed commitment; nothing changed. */
    FRAMEWORK_OFFER_MISMATCH(422),
    /** The sealed offers stay sealed until the competition's deadline ({0}). */
    FRAMEWORK_OFFERS_SEALED(409),
    /** The secondary competition's deadline ({0}) has passed: no new offer. */
    FRAMEWORK_OFFER_CLOSED(409),
    /** The competition's sealed round is not opened yet: its custodians (centre, supervision, the buyer) release their shares after the deadline. */
    FRAMEWORK_ROUND_NOT_OPENED(409),
    /**
     * The first-stage responses are still sealed: after the response deadline the custodians (the centre, supervision,
     * the collecting body) release their key shares; shortlisting needs the responses opened.
     */
    FRAMEWORK_RESPONSES_SEALED(409);

    private final int httpStatus;

    FrameworkError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
