package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;

/**
 * The time limits after a government procurement award, counted on a calendar with the National Day holiday of this
 * fixture (2026-10-01 … 10-07 off; Sunday 09-20 and Saturday 10-10 worked, 调休) — the caller's calendar decides.
 */
class ResultRulesTest {

    static final ResultRules RULES = new ResultRules(2, 1, 30, 2, 5, new BigDecimal("0.20"));

    static final WorkingDayCalendar DAYS;

    static {
        Map<LocalDate, WorkingDays.DayKind> exceptions = new HashMap<>();
        for (int day = 1; day <= 7; day++) {
            exceptions.put(LocalDate.of(2026, 10, day), WorkingDays.DayKind.HOLIDAY);
        }
        exceptions.put(LocalDate.of(2026, 9, 20), WorkingDays.DayKind.WORKDAY);
        exceptions.put(LocalDate.of(2026, 10, 10), WorkingDays.DayKind.WORKDAY);
        WorkingDays calendar = new WorkingDays(exceptions);
        DAYS = WorkingDayCalendar.of(calendar::isWorkingDay, calendar::plus);
    }

    static LocalDate date(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    /** Award Tue 09-29: 09-30 is the first working day, 10-08 the second (the holiday skipped) — 10-08 is in time. */
    @Test
    void gpl87_art69_resultNoticeWithinTwoWorkingDaysOfTheAward() {
        assertThat(RULES.noticeDue(date(9, 29), DAYS)).isEqualTo(date(10, 8));
        assertThat(RULES.noticeDue(date(9, 24), DAYS)).as("Thu → Fri, Mon").isEqualTo(date(9, 28));
    }

    /** Published Fri 10-09: the notice period of 1 working day ends on Sat 10-10 (调休 working day), not Mon 10-12. */
    @Test
    void gpl87_art69_resultNoticeRunsOneWorkingDay() {
        assertThat(RULES.noticePeriodEnds(date(10, 9), DAYS)).isEqualTo(date(10, 10));
        assertThat(RULES.noticePeriodEnds(date(9, 30), DAYS)).isEqualTo(date(10, 8));
    }

    /**
     * Award notice sent 09-08: 30 days later is Thu 10-08, a working day. Sent 09-01 or 09-02: 10-01 / 10-02 fall in
     * the holiday, so the last day moves to 10-08. Sent 09-09: Fri 10-09.
     */
    @Test
    void gpl_art46_contractWithinThirtyDaysOfTheAwardNotice() {
        assertThat(RULES.contractDue(date(9, 8), DAYS)).isEqualTo(date(10, 8));
        assertThat(RULES.contractDue(date(9, 1), DAYS)).isEqualTo(date(10, 8));
        assertThat(RULES.contractDue(date(9, 2), DAYS)).isEqualTo(date(10, 8));
        assertThat(RULES.contractDue(date(9, 9), DAYS)).isEqualTo(date(10, 9));
    }

    /** Signed Fri 10-09: Sat 10-10 (调休) is the first working day, Mon 10-12 the second. */
    @Test
    void gplReg_art50_contractPublishedWithinTwoWorkingDaysOfSigning() {
        assertThat(RULES.contractPublicationDue(date(10, 9), DAYS)).isEqualTo(date(10, 12));
    }

    /**
     * Losers, from the award notice on Tue 09-29: 09-30, 10-08, 10-09, 10-10, 10-12 → Mon 10-12. The winner, from the
     * contract signed Mon 10-12: 10-13 … 10-16, 10-19 → Mon 10-19.
     */
    @Test
    void gpl87_art38_depositsRefundedWithinFiveWorkingDays() {
        assertThat(RULES.refundDue(false, date(9, 29), null, DAYS)).isEqualTo(date(10, 12));
        assertThat(RULES.refundDue(true, date(9, 29), date(10, 12), DAYS)).isEqualTo(date(10, 19));
    }

    /**
     * 200,000 yuan due Mon 10-12, benchmark 4.35% raised by 20% = 5.22%: refunded 10-12 → 0.00; 10-13 → 1 day:
     * 200,000 × 0.0522 / 360 = 29.00; 10-22 → 10 days: 290.00 (Beijing dates; 10:00 in Beijing is 02:00 UTC).
     */
    @Test
    void gpl87_art38_lateRefundCarriesBenchmarkRatePlusTwentyPercent() {
        BigDecimal amount = new BigDecimal("200000");
        BigDecimal rate = new BigDecimal("0.0435");
        LocalDate due = date(10, 12);
        assertThat(RULES.lateRefundCharge(amount, rate, due, Instant.parse("2026-10-12T15:59:59Z"))).isEqualByComparingTo("0.00");
        assertThat(RULES.lateRefundCharge(amount, rate, due, Instant.parse("2026-10-12T16:00:00Z"))).isEqualByComparingTo("29.00");
        assertThat(RULES.lateRefundCharge(amount, rate, due, Instant.parse("2026-10-22T02:00:00Z"))).isEqualByComparingTo("290.00");
    }

    static final List<Ranking.Ranked> RANKING = List.of(new Ranking.Ranked(1, "A", new BigDecimal("91.20"), false),
            new Ranking.Ranked(2, "B", new BigDecimal("88.75"), false), new Ranking.Ranked(3, "C", new BigDecimal("80.10"), false));

    static final List<Qualification.Result> REVIEW = List.of(new Qualification.Result("A", true, List.of()),
            new Qualification.Result("B", true, List.of()), new Qualification.Result("C", true, List.of()),
            new Qualification.Result("D", false, List.of(new Qualification.Failed("Q2", 3, List.of("未提供社保缴纳证明")))));

    /**
     * Each supplier sees its own rank and score, nothing of the others'; a bid that failed the review sees why; a
     * supplier with no bid sees nothing.
     */
    @Test
    void gpl87_art69_eachLosingSupplierSeesOnlyItsOwnScoreAndRank() {
        assertThat(ResultRules.visibleTo("B", RANKING, true, REVIEW))
                .contains(new ResultRules.OwnResult("B", Optional.of(2), Optional.of(new BigDecimal("88.75")), List.of()));
        assertThat(ResultRules.visibleTo("C", RANKING, true, REVIEW))
                .contains(new ResultRules.OwnResult("C", Optional.of(3), Optional.of(new BigDecimal("80.10")), List.of()));
        assertThat(ResultRules.visibleTo("D", RANKING, true, REVIEW)).contains(new ResultRules.OwnResult("D", Optional.empty(),
                Optional.empty(), List.of(new Qualification.Failed("Q2", 3, List.of("未提供社保缴纳证明")))));
        assertThat(ResultRules.visibleTo("X", RANKING, true, REVIEW)).isEmpty();
        // under the lowest evaluated price method there is no score to tell
        assertThat(ResultRules.visibleTo("B", RANKING, false, REVIEW))
                .contains(new ResultRules.OwnResult("B", Optional.of(2), Optional.empty(), List.of()));
    }
}
