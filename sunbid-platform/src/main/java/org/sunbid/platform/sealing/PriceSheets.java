package org.sunbid.platform.sealing;

import java.util.Map;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The price sheet (报价表) the platform seals on a bidder's behalf: a JSON object of at most 64 KB that the opening record
 * can carry as canonical JSON (text, integers, no floating-point numbers), whose {@code totalPrice} is an amount. Checked
 * on arrival so that a bid sealed by the platform opens as it was sent.
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
        Object total = sheet == null ? null : sheet.get("totalPrice");
        if (!(total instanceof String || total instanceof Integer || total instanceof Long)) {
            throw new DomainException(SealingError.PRICE_SHEET_INVALID);
        }
        Money.parse(String.valueOf(total)); // CommonError.INVALID_AMOUNT otherwise
    }
}
