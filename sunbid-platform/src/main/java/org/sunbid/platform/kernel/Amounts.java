package org.sunbid.platform.kernel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Amounts and numbers as people type them into forms, read in one place for every form (new tender, seal on arrival,
 * scores...). Accepted: plain digits ({@code 12000000.00}), thousands separators ({@code 12,000,000.00}), full-width
 * digits and punctuation, spaces, a trailing 元, and a trailing 万 / 万元 (×10 000). In a field whose label says 万元
 * a plain number is in 万元 too. Refused: anything else ({@code abc}, Chinese numerals such as {@code 三千万}, a comma
 * that is not a thousands separator such as {@code 1,5}), negatives and fractions of a fen. The API keeps its strict
 * decimal strings; this is for forms only.
 */
public final class Amounts {

    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private Amounts() {
    }

    /** The unit a form field's label names. */
    public enum Unit {
        /** 元: a plain number is yuan; {@code 1200万} is still understood. */
        YUAN,
        /** 万元: a plain number is ten-thousands of yuan. */
        WAN_YUAN
    }

    /**
     * The amount typed into a field labelled in {@code unit}.
     *
     * @throws IllegalArgumentException if it is not an amount as described above
     */
    public static Money parse(String typed, Unit unit) {
        String text = clean(typed);
        BigDecimal factor = unit == Unit.WAN_YUAN ? WAN : BigDecimal.ONE;
        if (text.endsWith("万元")) {
            text = text.substring(0, text.length() - 2);
            factor = WAN;
        } else if (text.endsWith("万")) {
            text = text.substring(0, text.length() - 1);
            factor = WAN;
        } else if (text.endsWith("元")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            return new Money(number(text).multiply(factor));
        } catch (DomainException e) { // beyond what an amount may be (Money's own bound): not an amount either
            throw new IllegalArgumentException("not an amount: " + text, e);
        }
    }

    /**
     * A number typed into a form (a score, a count): digits with optional thousands separators and decimals.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static BigDecimal decimal(String typed) {
        return number(clean(typed));
    }

    private static String clean(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("no amount");
        }
        // NFKC turns full-width digits, comma and full stop (１２，０００．５) into ASCII ones.
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static BigDecimal number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a number: " + text);
        }
        // bounded before any arithmetic (like every amount: Decimals), so a thousand-digit "number" costs nothing
        return Decimals.parse(text.replace(",", ""), Money.INTEGER_DIGITS, 8)
                .orElseThrow(() -> new IllegalArgumentException("too many digits"));
    }

    /**
     * An amount shown in 万元, as the portal lists budgets: thousands separators, at least two decimals and as many
     * more as it needs to stay exact ({@code 5000000.00} → {@code 500.00}, {@code 1234.56} → {@code 0.123456}).
     */
    public static String wan(Money amount) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.00####",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        return format.format(amount.yuan().divide(WAN));
    }
}
