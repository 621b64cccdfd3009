package org.sunbid.platform.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in yuan (元), exact to the fen (分). Never a floating-point number. Every amount that enters the
 * platform (API bodies, web forms, bank notifications, guarantees, price sheets) becomes one through {@link #parse} or
 * the constructor, which refuse anything outside the bounds below with {@link CommonError#INVALID_AMOUNT} before any
 * arithmetic is done on it.
 *
 * @param yuan the amount, not negative, at most {@value #INTEGER_DIGITS} digits before the point and two after it
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    /** Digits before the point: the database's NUMERIC(18, 2). */
    public static final int INTEGER_DIGITS = 16;

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        if (!Decimals.fits(yuan, INTEGER_DIGITS, 2)) {
            throw new DomainException(CommonError.INVALID_AMOUNT, INTEGER_DIGITS);
        }
        yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * An amount written in plain decimal notation ({@code 1234567.8}); anything else — an exponent, a sign, grouping,
     * more than two decimals or {@value #INTEGER_DIGITS} digits — is {@link CommonError#INVALID_AMOUNT}.
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Money parse(String amount) {
        return new Money(Decimals.parse(amount, INTEGER_DIGITS, 2)
                .orElseThrow(() -> new DomainException(CommonError.INVALID_AMOUNT, INTEGER_DIGITS)));
    }

    /** Same as {@link #parse}. */
    public static Money yuan(String amount) {
        return parse(amount);
    }

    public static Money yuan(long amount) {
        return new Money(BigDecimal.valueOf(amount));
    }

    /** {@code percent}% of this amount, rounded down to the fen (a ceiling computed this way is never exceeded). */
    public Money percent(BigDecimal percent) {
        return new Money(yuan.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN));
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /** Plain text, e.g. {@code 1234567.80}; also the JSON form: amounts travel as decimal strings, never as floats. */
    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String toString() {
        return yuan.toPlainString();
    }
}
