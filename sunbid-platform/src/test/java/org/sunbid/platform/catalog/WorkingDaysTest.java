package org.sunbid.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays.DayKind;

class WorkingDaysTest {

    // A Spring Festival week: holidays Mon-Fri, and the Saturday after is a working day (调休).
    private final WorkingDays calendar = new WorkingDays(Map.of(
            LocalDate.of(2026, 2, 16), DayKind.HOLIDAY, LocalDate.of(2026, 2, 17), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 18), DayKind.HOLIDAY, LocalDate.of(2026, 2, 19), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 20), DayKind.HOLIDAY, LocalDate.of(2026, 2, 23), DayKind.HOLIDAY,
            LocalDate.of(2026, 2, 14), DayKind.WORKDAY, LocalDate.of(2026, 2, 28), DayKind.WORKDAY));

    @Test
    void weekendsAreFreeUnlessDeclaredWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 7))).isFalse();   // an ordinary Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();   // 调休 Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 18))).isFalse();  // a holiday Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
    }

    @Test
    void threeWorkingDaysAfterTheFestivalEve() {
        // From Friday 13 Feb: Sat 14 (调休) is 1; 15-23 off; Tue 24 is 2; Wed 25 is 3.
        assertThat(calendar.plus(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(calendar.plus(LocalDate.of(2026, 2, 13), 0)).isEqualTo(LocalDate.of(2026, 2, 13));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(calendar.between(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 28))).isEqualTo(1 + 4 + 1);
    }
}
