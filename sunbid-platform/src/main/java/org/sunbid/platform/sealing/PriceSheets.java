package org.sunbid.platform.sealing;

import java.util.Map;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The price sheet (报价表) the platform seals on a bidder's behalf: a JSON object of at most 64 KB that the opening record
 * can carry as canonical JSON (text, integers, no floating-point numbers), whose {@code totalPrice} is an amount. A sheet
 * may also carry {@code itemPrices}, an object of item key → amount (a competition round's offer on several items, issue
 * 22), and then needs no total. Checked on arrival so that a bid sealed by the platform opens as it was sent.
 */
final class PriceSheets {

    /** The most a price sheet may take (what opening reads of it). */
    static final int MAX_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private PriceSheets() {
    }

    /** Refuses a sheet that is not such an object ({@code PRICE_SHEET_INVALID}) or whose total is not an amount. */
    static void check(String priceSheet) {
        if (priceSheet == null || priceSheet.length() > MAX_BYTES / 4
                && priceSheet.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new DomainException(SealingError.PRICE_SHEET_INVALID);
        }
        Map<String, Object> sheet;
        try {
            sheet = JSON.readValue(priceSheet, MAP);
            CanonicalJson.write(sheet);
        } catch (RuntimeException e) {
            throw new DomainException(SealingError.PRICE_SHEET_INVALID);
        }
        if (sheet == null) {
            throw new DomainException(SealingError.PRICE_SHEET_INVALID);
        }
        Object items = sheet.get("itemPrices");
        if (items != null) {
            if (!(items instanceof Map<?, ?> prices) || prices.isEmpty() || prices.size() > 1000) {
                throw new DomainException(SealingError.PRICE_SHEET_INVALID);
            }
            for (Map.Entry<?, ?> e : prices.entrySet()) {
                if (String.valueOf(e.getKey()).isBlank()) {
                    throw new DomainException(SealingError.PRICE_SHEET_INVALID);
                }
                amount(e.getValue());
            }
        }
        Object total = sheet.get("totalPrice");
        if (total != null || items == null) {
            amount(total);
        }
    }

    private static void amount(Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
            throw new DomainException(SealingError.PRICE_SHEET_INVALID);
        }
        Money.parse(String.valueOf(value)); // CommonError.INVALID_AMOUNT otherwise
    }
}
