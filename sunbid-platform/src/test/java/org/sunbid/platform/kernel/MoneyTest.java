package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Amounts are checked for size before any arithmetic, so an absurd one costs nothing. */
class MoneyTest {

    @Test
    void plainAmountsWithinBoundsAreAmounts() {
        assertThat(Money.parse(" 38600000 ").toString()).isEqualTo("38600000.00");
        assertThat(Money.parse("0.5").toString()).isEqualTo("0.50");
        assertThat(Money.parse("9999999999999999.99").toString()).isEqualTo("9999999999999999.99");
        assertThat(new Money(new BigDecimal("1.2300000000")).toString()).isEqualTo("1.23");
        assertThat(new Money(new BigDecimal("5E+3")).toString()).isEqualTo("5000.00");
    }

    @Test
    void absurdOrMalformedAmountsAreRefusedAtOnce() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (String text : List.of("1E+999999999", "1e5", "-1", "+1", "1.001", "12345678901234567", "9".repeat(1_000_000),
                    "1,000", "0x10", "", " ", "１２３")) {
                assertThatThrownBy(() -> Money.parse(text)).as(text.length() > 20 ? "long" : text)
                        .isInstanceOfSatisfying(DomainException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(CommonError.INVALID_AMOUNT));
            }
            for (String decimal : List.of("1E+999999999", "1E-999999999", "-0.01", "1E+16", "0.001", "1" + "0".repeat(999) + "E-980")) {
                assertThatThrownBy(() -> new Money(new BigDecimal(decimal))).as(decimal.length() > 20 ? "long" : decimal)
                        .isInstanceOf(DomainException.class);
            }
        });
    }

    @Test
    void boundedDecimalsAreCheckedWithoutScaling() {
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            assertThat(Decimals.fits(new BigDecimal("1E+999999999"), 16, 2)).isFalse();
            assertThat(Decimals.fits(new BigDecimal("1E-999999999"), 16, 2)).isFalse();
            assertThat(Decimals.fits(new BigDecimal("0E-999999999"), 16, 2)).isTrue();
            assertThat(Decimals.fits(new BigDecimal("1.50000000000000000000"), 16, 2)).isTrue();
            assertThat(Decimals.parse("00012.5", 3, 1)).contains(new BigDecimal("00012.5"));
        });
    }
}
