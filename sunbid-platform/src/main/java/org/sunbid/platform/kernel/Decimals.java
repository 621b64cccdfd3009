package org.sunbid.platform.kernel;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decimals of bounded size, checked before any arithmetic. A {@link BigDecimal} such as {@code 1E+999999999} is parsed
 * cheaply but costs minutes of CPU (or memory) once it is scaled, added or printed in plain form; every number that
 * enters from outside is checked here first, with operations whose cost does not grow with the exponent.
 */
public final class Decimals {

    /** Plain decimal notation: digits, optionally a point and digits; no sign, no exponent, no grouping. */
    private static final Pattern PLAIN = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Decimals() {
    }

    /**
     * Whether {@code value} is not negative and has at most {@code integerDigits} digits before the point and at most
     * {@code scale} significant digits after it (trailing zeros do not count).
     */
    public static boolean fits(BigDecimal value, int integerDigits, int scale) {
        if (value == null || value.signum() < 0) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        // precision and scale are fields (or a bit-length estimate): no work grows with the exponent
        if ((long) value.precision() - value.scale() > integerDigits) {
            return false;
        }
        if (value.scale() <= scale) {
            return true;
        }
        // more decimals than allowed, unless they are zeros: at most precision-many digits to strip
        return value.precision() <= integerDigits + (long) scale + 1000 && value.stripTrailingZeros().scale() <= scale;
    }

    /**
     * {@code text} (surrounding spaces ignored) as a decimal in plain notation that {@link #fits}, else empty; long
     * text is refused before it is parsed.
     */
    public static Optional<BigDecimal> parse(String text, int integerDigits, int scale) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > integerDigits + scale + 40 || !PLAIN.matcher(t).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(t);
        return fits(value, integerDigits, scale) ? Optional.of(value) : Optional.empty();
    }
}
