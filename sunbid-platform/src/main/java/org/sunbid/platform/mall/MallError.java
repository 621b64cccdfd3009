package org.sunbid.platform.mall;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the e-mall (电子卖场). Texts in messages.properties (zh-CN) and messages_en.properties. */
public enum MallError implements ErrorCode {
    /** A field is missing or malformed: {0}. */
    MALL_FIELD_INVALID(400),
    /** Only {0} may do this. */
    MALL_FORBIDDEN(403),
    /** No such category. */
    MALL_CATEGORY_NOT_FOUND(404),
    /** A category with code {0} exists. */
    MALL_CATEGORY_EXISTS(409),
    /** No such listing, or not one you may see. */
    LISTING_NOT_FOUND(404),
    /** No such order, or not one you may see. */
    MALL_ORDER_NOT_FOUND(404),
    /** The price {0} is above the cap {1}: manufacturer {2}, lowest e-commerce {3}. */
    LISTING_PRICE_ABOVE_EVIDENCE(422),
    /** The price {0} is below {1} (half the cap {2}) without a reason. */
    LISTING_BAIT_PRICE(422),
    /** Evidence of both kinds within {0} days is needed: manufacturer {1}, e-commerce {2}. */
    LISTING_EVIDENCE_MISSING(422),
    /** The supplier already lists this product: {0}. */
    LISTING_DUPLICATE(409),
    /** The category is on the mandatory list: a certificate number is needed. */
    LISTING_CERTIFICATE_REQUIRED(422),
    /** The listing is {0}: not possible now. */
    LISTING_STATE_INVALID(409),
    /** The supplier is barred by credit records: {0}. */
    MALL_SUPPLIER_RESTRICTED(403),
    /** The listing {0} is not orderable ({1}). */
    LISTING_NOT_ORDERABLE(409),
    /** The total {0} is above the direct-purchase limit {1}: order by comparison ({2}). */
    MALL_DIRECT_LIMIT_EXCEEDED(422),
    /** The total {0} is above the single-order cap {1} ({2}). */
    MALL_ORDER_CAP_EXCEEDED(422),
    /** A comparison needs at least {0} quotes from different suppliers of one category. */
    MALL_QUOTES_TOO_FEW(422),
    /** No mall rule applies in region {0} on {1}. */
    MALL_NO_RULE(422),
    /** The order is {0}: not possible now. */
    MALL_ORDER_STATE_INVALID(409),
    /** The payment term {0} days is outside 1 to 60 days. */
    MALL_PAYMENT_TERM_INVALID(422),
    /** The price-evidence file {0} has {1} bytes, more than the {2} allowed: nothing was kept. */
    MALL_EVIDENCE_FILE_TOO_LARGE(413),
    /** The price-evidence file {0} is no PNG, JPEG or WebP image and no PDF (told by its content): nothing was kept. */
    MALL_EVIDENCE_FILE_TYPE(415),
    /** The file {0} does not match the SM3 {1} given for it. */
    MALL_EVIDENCE_FILE_MISMATCH(422),
    /** No file is kept for this price evidence (or no such evidence). */
    MALL_EVIDENCE_FILE_NOT_FOUND(404),
    /** The 品目 code {0} is not in the procurement item catalogue (every item under {1} is listed). */
    MALL_ITEM_CODE_UNKNOWN(422),
    /** No such reverse auction or group purchase. */
    MALL_BIDDING_NOT_FOUND(404),
    /** Fewer than {0} suppliers list a product meeting the item (now {1}). */
    MALL_SUPPLIERS_TOO_FEW(422),
    /** The ceiling {0} is above the lowest listed price {1} of the qualifying listings. */
    MALL_CEILING_ABOVE_LISTED(422),
    /** The bidding must stay open until at least {0} ({1} working days). */
    MALL_WINDOW_TOO_SHORT(422),
    /** Bids or quotes are taken from {0} until {1} only ({2}). */
    MALL_BIDDING_CLOSED(409),
    /** The bid {0} is too high: at most {1} (one decrement {2} below your previous bid or the ceiling). */
    MALL_BID_TOO_HIGH(422),
    /** The quote {0} is above the ceiling {1}. */
    MALL_QUOTE_ABOVE_CEILING(422),
    /** The listing is not yours, not approved, or does not meet the item: {0}. */
    MALL_NOT_ELIGIBLE(403),
    /** Bids and quotes stay sealed until the close at {0}. */
    MALL_BIDS_SEALED(409),
    /** Too few buyers joined the group purchase ({0} needed): it takes no quotes and will fail. */
    MALL_GROUP_TOO_FEW_BUYERS(409);

    private final int status;

    MallError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
