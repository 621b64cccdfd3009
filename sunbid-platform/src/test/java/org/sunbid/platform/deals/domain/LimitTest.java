package org.sunbid.platform.deals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.catalog.WorkingDays.DayKind;
import org.sunbid.platform.kernel.Money;

/** Applying a limit to an instant: 日 as exact durations, 工作日 by 87号令 Art. 85–86 with the calendar. */
class LimitTest {

    /** 2026's Spring Festival: Feb 14 (Sat) worked, Feb 15–23 off. */
    static final WorkingDays CALENDAR = new WorkingDays(Map.of(LocalDate.of(2026, 2, 14), DayKind.WORKDAY,
            LocalDate.of(2026, 2, 15), DayKind.HOLIDAY, LocalDate.of(2026, 2, 16), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 17), DayKind.HOLIDAY, LocalDate.of(2026, 2, 18), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 19), DayKind.HOLIDAY, LocalDate.of(2026, 2, 20), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 21), DayKind.HOLIDAY, LocalDate.of(2026, 2, 22), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 23), DayKind.HOLIDAY));

    static final Instant MONDAY = Instant.parse("2026-11-23T01:30:00Z"); // 09:30 Beijing

    @Test
    void gpl87_art85_theStartDayIsNotCountedAndThePeriodEndsAtMidnightOfItsLastWorkingDay() {
        Limit five = Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第87号第十八条");
        assertThat(five.lastDay(MONDAY, CALENDAR)).isEqualTo(LocalDate.of(2026, 11, 30)); // Tue..Fri, then Monday
        assertThat(five.endAfter(MONDAY, CALENDAR)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z")); // 24:00 Beijing
    }

    @Test
    void gpl87_art85_aWorkingDayPeriodSkipsAHolidayAndCountsADeclaredWorkingWeekend() {
        Instant thursday = Instant.parse("2026-02-12T02:00:00Z");
        assertThat(Limit.of(2, LimitUnit.WORKING_DAY, "a").lastDay(thursday, CALENDAR))
                .isEqualTo(LocalDate.of(2026, 2, 14)); // Friday, then the worked Saturday
        assertThat(Limit.of(3, LimitUnit.WORKING_DAY, "a").lastDay(thursday, CALENDAR))
                .isEqualTo(LocalDate.of(2026, 2, 24)); // the holiday moves the end to the next working day
    }

    @Test
    void gpl87_art85_anEventLateInTheEveningIsCountedFromItsBeijingDate() {
        Instant sundayNightBeijing = Instant.parse("2026-11-22T15:30:00Z"); // Sunday 23:30 Beijing, Sunday UTC too
        Instant mondayEarlyBeijing = Instant.parse("2026-11-22T16:30:00Z"); // Monday 00:30 Beijing, still Sunday in UTC
        Limit one = Limit.of(1, LimitUnit.WORKING_DAY, "a");
        assertThat(one.lastDay(sundayNightBeijing, CALENDAR)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(one.lastDay(mondayEarlyBeijing, CALENDAR)).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void aMinimumOfWorkingDaysIsMetOnTheLastDayAtAnyHour() {
        Limit five = Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第87号第十八条");
        assertThat(five.atLeast(MONDAY, Instant.parse("2026-11-30T09:00:00Z"), CALENDAR)).isTrue(); // Monday 17:00
        assertThat(five.atLeast(MONDAY, Instant.parse("2026-11-29T15:59:59Z"), CALENDAR)).isFalse(); // Sunday 23:59
    }

    @Test
    void law24_dayLimitsStayExactDurationsAsTheConstructionRulesAlwaysWere() {
        Limit twenty = Limit.of(20, LimitUnit.DAY, "《招标投标法》第二十四条");
        assertThat(twenty.endAfter(MONDAY, CALENDAR)).isEqualTo(MONDAY.plus(Duration.ofDays(20)));
        assertThat(twenty.atLeast(MONDAY, MONDAY.plus(Duration.ofDays(20)), CALENDAR)).isTrue();
        assertThat(twenty.atLeast(MONDAY, MONDAY.plus(Duration.ofDays(20)).minusMillis(1), CALENDAR)).isFalse();
        assertThat(Limit.of(10, LimitUnit.DAY, "Reg. 22").startBefore(MONDAY)).isEqualTo(MONDAY.minus(Duration.ofDays(10)));
    }

    @Test
    void caiku2026_2_theExplanationTimeIsInMinutes() {
        assertThat(Limit.of(30, LimitUnit.MINUTE, "财库〔2026〕2号").duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void reg26_aPercentLimitAppliesToAnAmountAndNothingElse() {
        Limit two = Limit.of(2, LimitUnit.PERCENT, "《招标投标法实施条例》第二十六条");
        assertThat(two.percentOf(Money.yuan("12000000"))).isEqualTo(Money.yuan("240000"));
        assertThatThrownBy(() -> Limit.of(20, LimitUnit.DAY, "x").percentOf(Money.yuan(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Limit.of(5, LimitUnit.WORKING_DAY, "x").duration()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDayLimitIsAWholeNumberAndNeverNegative() {
        assertThatThrownBy(() -> new Limit(new java.math.BigDecimal("1.5"), LimitUnit.DAY, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(new java.math.BigDecimal("-1"), LimitUnit.PERCENT, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
