package org.sunbid.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Reg. 57's interest for the same period: simple, 360-day year, calendar days in Beijing time, to the fen. */
class DepositInterestTest {

    @Test
    void reg57_simpleInterestOverBeijingCalendarDaysOnA360DayYear() {
        // 100,000.00 × 0.35% × 36 / 360 = 35.00
        assertThat(DepositInterest.of(new BigDecimal("100000.00"), new BigDecimal("0.0035"),
                Instant.parse("2026-11-01T02:00:00Z"), Instant.parse("2026-12-07T02:00:00Z"))).isEqualByComparingTo("35.00");
        // 23:30 Beijing on the 1st to 00:30 Beijing on the 2nd is one day; half a fen rounds up: 500,000 × 0.35% / 360 = 4.861…
        assertThat(DepositInterest.of(new BigDecimal("500000"), new BigDecimal("0.0035"),
                Instant.parse("2026-11-01T15:30:00Z"), Instant.parse("2026-11-01T16:30:00Z"))).isEqualByComparingTo("4.86");
        // the same day: nothing
        assertThat(DepositInterest.of(new BigDecimal("500000"), new BigDecimal("0.0035"),
                Instant.parse("2026-11-01T01:00:00Z"), Instant.parse("2026-11-01T09:00:00Z"))).isEqualByComparingTo("0.00");
        assertThatThrownBy(() -> DepositInterest.of(new BigDecimal("-1"), BigDecimal.ONE, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
