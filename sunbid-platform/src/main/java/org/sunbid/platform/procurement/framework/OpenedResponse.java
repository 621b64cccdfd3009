package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A first-stage response as its sealed price sheet opened (issue 22, session 12): the unit prices it offers for the
 * agreement's items, or why it is eliminated. The prices were checked against the maxima on arrival; the opened sheet is
 * checked again, since only what opened counts: a response whose envelope did not open, or whose opened sheet does not
 * price every item with an amount within its maximum unit price (最高限制单价), is eliminated with a reason.
 *
 * @param prices item number → unit price as opened (every item the sheet priced with an amount, even when eliminated)
 * @param reason why the response is eliminated, or null if it takes part in the shortlisting
 */
public record OpenedResponse(Map<Integer, BigDecimal> prices, String reason) {

    /** The reason of a response whose sealed envelope did not open (rejected on opening, or missing from the record). */
    public static final String NOT_OPENED = "sealed response did not open";

    public OpenedResponse {
        prices = Map.copyOf(prices);
    }

    public boolean eliminated() {
        return reason != null;
    }

    /** A response whose envelope did not open. */
    public static OpenedResponse notOpened() {
        return new OpenedResponse(Map.of(), NOT_OPENED);
    }

    /**
     * Judges the opened sheet's {@code itemPrices} (item number as text → amount as text or integer) against the
     * agreement's items and their maxima ({@code maxima}: item number → maximum unit price).
     */
    public static OpenedResponse judge(Map<Integer, BigDecimal> maxima, Object itemPrices) {
        Map<Integer, BigDecimal> prices = new LinkedHashMap<>();
        if (itemPrices instanceof Map<?, ?> sheet) {
            for (Map.Entry<?, ?> e : sheet.entrySet()) {
                Integer no = itemNo(e.getKey());
                BigDecimal price = amount(e.getValue());
                if (no != null && price != null && maxima.containsKey(no)) {
                    prices.put(no, price);
                }
            }
            if (prices.size() != sheet.size()) {
                return new OpenedResponse(prices, "opened price sheet names an unknown item or a price that is not an amount");
            }
        }
        for (Map.Entry<Integer, BigDecimal> item : maxima.entrySet()) {
            BigDecimal price = prices.get(item.getKey());
            if (price == null) {
                return new OpenedResponse(prices, "opened price sheet has no unit price for item " + item.getKey());
            }
            if (price.compareTo(item.getValue()) > 0) {
                return new OpenedResponse(prices, "opened unit price of item " + item.getKey() + " is above its maximum unit price");
            }
        }
        return new OpenedResponse(prices, null);
    }

    private static Integer itemNo(Object key) {
        try {
            int no = Integer.parseInt(String.valueOf(key));
            return no > 0 ? no : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal amount(Object value) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Long)) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(String.valueOf(value));
            return price.signum() > 0 && price.scale() <= 2 && price.precision() - price.scale() <= 16 ? price : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
