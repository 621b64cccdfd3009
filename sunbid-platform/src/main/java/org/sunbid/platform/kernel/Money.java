package org.sunbid.platform.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in yuan (元), exact to the fen (分). Never a floating-point number.
 *
 * @param yuan the amount, not negative, at most two decimal places
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        if (yuan.signum() < 0 || yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("not an amount in yuan: " + yuan);
        }
        yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Money yuan(String amount) {
        return new Money(new BigDecimal(amount));
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
