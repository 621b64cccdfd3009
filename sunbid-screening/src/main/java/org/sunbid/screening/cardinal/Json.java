package org.sunbid.screening.cardinal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** JSON text as Cardinal writes it (serde_json with ryu): string escapes and the shortest round-trip float format. */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A float as serde_json writes an f64 value: {@code null} when not finite, else ryu's shortest form. */
    static void number(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
            return;
        }
        out.append(format(d));
    }

    /** Ryu's format: shortest digits; plain notation for 1e-5 <= |d| < 1e16, else {@code 1.5e-7} / {@code 1e21}. */
    static String format(double d) {
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        StringBuilder out = new StringBuilder(24);
        if (d < 0) {
            out.append('-');
            d = -d;
        }
        String digits;
        int exponent; // d = digits * 10^exponent
        String s = Double.toString(d);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String fracPart = mantissa.substring(dot + 1);
        String all = intPart + fracPart;
        exponent = exp10 - fracPart.length();
        // Strip leading and trailing zeros.
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') lead++;
        all = all.substring(lead);
        int trail = all.length();
        while (trail > 1 && all.charAt(trail - 1) == '0') trail--;
        exponent += all.length() - trail;
        digits = all.substring(0, trail);
        if (digits.length() > 1 && roundTrips(d, digits.length() - 1)) {
            // JDK 17's Double.toString is not always the shortest; find the shortest that reads back the same.
            BigDecimal exact = new BigDecimal(d);
            for (int p = 1; p < digits.length(); p++) {
                BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (r.doubleValue() == d) {
                    BigDecimal stripped = r.stripTrailingZeros();
                    digits = stripped.unscaledValue().toString();
                    exponent = -stripped.scale();
                    break;
                }
            }
        }
        int length = digits.length();
        int kk = length + exponent;
        if (exponent >= 0 && kk <= 16) {
            out.append(digits);
            for (int i = length; i < kk; i++) out.append('0');
            out.append(".0");
        } else if (0 < kk && kk <= 16) {
            out.append(digits, 0, kk).append('.').append(digits, kk, length);
        } else if (-5 < kk && kk <= 0) {
            out.append("0.");
            for (int i = kk; i < 0; i++) out.append('0');
            out.append(digits);
        } else if (length == 1) {
            out.append(digits).append('e').append(kk - 1);
        } else {
            out.append(digits.charAt(0)).append('.').append(digits, 1, length).append('e').append(kk - 1);
        }
        return out.toString();
    }

    private static boolean roundTrips(double d, int precision) {
        return new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN)).doubleValue() == d;
    }

    /** Cardinal's meta rounding: {@code (v * 10000).round() / 10000}, halves away from zero. */
    static double round4(double v) {
        double x = v * 10_000.0;
        if (Double.isNaN(x) || Double.isInfinite(x)) return x;
        double a = Math.abs(x);
        double r = Math.floor(a);
        if (a - r >= 0.5) r += 1;
        return Math.copySign(r, x) / 10_000.0;
    }
}
