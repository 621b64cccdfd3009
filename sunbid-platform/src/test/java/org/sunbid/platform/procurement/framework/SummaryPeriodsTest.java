package org.sunbid.platform.procurement.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The periods of a framework agreement's order summaries (成交结果汇总): the term summary after the term (财政部令第110号
 * ⚠ our reading) and, during the term, one per calendar month (the platform's practice). Plain Java on a fixed clock.
 */
class SummaryPeriodsTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The term starts Monday 2026-12-07 10:00 Beijing and runs twelve months. */
    static final Instant TERM_START = Instant.parse("2026-12-07T02:00:00Z");
    static final Instant TERM_END = TERM_START.atZone(BEIJING).plusMonths(12).toInstant();

    private static Instant beijing(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(BEIJING).toInstant();
    }

    @Test
    void theTermIsCutIntoItsCalendarMonths_clippedToTheTerm_thenTheWholeTerm() {
        List<SummaryPeriods.Period> periods = SummaryPeriods.of(TERM_START, TERM_END);
        assertThat(periods).hasSize(14); // 7 Dec – 31 Dec, January … November, 1 Dec – 7 Dec 10:00, the term
        SummaryPeriods.Period first = periods.get(0);
        assertThat(first.kind()).isEqualTo(SummaryPeriods.Kind.MONTH);
        assertThat(first.start()).isEqualTo(TERM_START);
        assertThat(first.end()).isEqualTo(beijing("2027-01-01T00:00"));
        assertThat(first.from()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(first.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(periods.get(2).from()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(periods.get(2).to()).isEqualTo(LocalDate.of(2027, 2, 28));
        SummaryPeriods.Period lastMonth = periods.get(12);
        assertThat(lastMonth.start()).isEqualTo(beijing("2027-12-01T00:00"));
        assertThat(lastMonth.end()).isEqualTo(TERM_END);
        SummaryPeriods.Period term = periods.get(13);
        assertThat(term.kind()).isEqualTo(SummaryPeriods.Kind.TERM);
        assertThat(term.start()).isEqualTo(TERM_START);
        assertThat(term.end()).isEqualTo(TERM_END);
        assertThat(term.rule()).contains("财政部令第110号").contains("⚠");
        assertThat(first.rule()).contains("⚠");
        // the months tile the term: each starts where the one before ended
        for (int i = 1; i < 13; i++) {
            assertThat(periods.get(i).start()).isEqualTo(periods.get(i - 1).end());
        }
    }

    @Test
    void aPeriodIsOverAtItsEnd_notBefore() {
        Clock justBefore = Clock.fixed(beijing("2026-12-31T23:59:59"), BEIJING);
        Clock atMidnight = Clock.fixed(beijing("2027-01-01T00:00"), BEIJING);
        assertThat(SummaryPeriods.over(TERM_START, TERM_END, justBefore.instant())).isEmpty();
        assertThat(SummaryPeriods.over(TERM_START, TERM_END, atMidnight.instant())).hasSize(1);
        // after the term: every month and the term itself
        assertThat(SummaryPeriods.over(TERM_START, TERM_END, TERM_END.plus(Duration.ofDays(1)))).hasSize(14);
    }

    @Test
    void order110_aSummaryWaitsForItsOrdersContracts_publishedOrTheirTwoWorkingDaysOver() {
        SummaryPeriods.Period december = SummaryPeriods.of(TERM_START, TERM_END).get(0);
        // concluded on New Year's Eve, its contract due by Monday 4 January 24:00 and not published yet
        SummaryPeriods.Concluded unpublished = new SummaryPeriods.Concluded(beijing("2026-12-31T15:00"), false,
                beijing("2027-01-05T00:00"));
        SummaryPeriods.Concluded published = new SummaryPeriods.Concluded(beijing("2026-12-10T09:00"), true,
                beijing("2026-12-12T00:00"));
        SummaryPeriods.Concluded nextMonth = new SummaryPeriods.Concluded(beijing("2027-01-02T09:00"), false,
                beijing("2027-01-06T00:00"));
        Clock newYear = Clock.fixed(beijing("2027-01-01T01:00"), BEIJING);
        Clock fifth = Clock.fixed(beijing("2027-01-05T00:00"), BEIJING);
        assertThat(SummaryPeriods.ready(december, List.of(published, nextMonth), newYear.instant())).isTrue();
        assertThat(SummaryPeriods.ready(december, List.of(published, unpublished), newYear.instant())).isFalse();
        assertThat(SummaryPeriods.ready(december, List.of(published, unpublished), fifth.instant())).isTrue();
        SummaryPeriods.Concluded publishedLate = new SummaryPeriods.Concluded(unpublished.concludedAt(), true,
                unpublished.publicationDue());
        assertThat(SummaryPeriods.ready(december, List.of(publishedLate), newYear.instant())).isTrue();
        // never before the period is over, whatever its orders
        assertThat(SummaryPeriods.ready(december, List.of(), beijing("2026-12-31T23:00"))).isFalse();
        // a month without orders is ready too (its summary says so)
        assertThat(SummaryPeriods.ready(december, List.of(), newYear.instant())).isTrue();
    }

    @Test
    void aTermShorterThanAMonthHasOnePeriodAndTheTerm() {
        Instant end = beijing("2026-12-20T10:00");
        List<SummaryPeriods.Period> periods = SummaryPeriods.of(TERM_START, end);
        assertThat(periods).extracting(SummaryPeriods.Period::kind).containsExactly(SummaryPeriods.Kind.MONTH,
                SummaryPeriods.Kind.TERM);
        assertThat(periods.get(0).end()).isEqualTo(end);
        assertThat(periods.get(0).overlaps(TERM_START, end)).isTrue();
        assertThat(periods.get(0).overlaps(end, end.plusSeconds(1))).isFalse();
    }
}
