package org.sunbid.platform.tendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.Objection;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;

/**
 * The same tender aggregate under government procurement's open-tender rules (政府采购法 GPL, its 条例 GPR, 财政部令第87号),
 * as maintained in V60: working days counted with the calendar (87号令 Art. 85), the deposit against the budget. Each
 * test named after its article. No Spring, no database.
 */
class ProcurementTenderTest {

    static final Instant MONDAY = TenderTest.NOW; // 2026-11-23 09:30 Beijing

    /** 2026's Spring Festival: Feb 14 (Sat) worked, Feb 15–23 off. */
    static final WorkingDays CALENDAR;

    static {
        Map<LocalDate, WorkingDays.DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 2, 14), WorkingDays.DayKind.WORKDAY);
        for (int d = 15; d <= 23; d++) {
            days.put(LocalDate.of(2026, 2, d), WorkingDays.DayKind.HOLIDAY);
        }
        CALENDAR = new WorkingDays(days);
    }

    static final ProcedureRules GP = new ProcedureRules("ZFCG_OPEN_TENDER", LocalDate.of(2026, 11, 23), Map.of(
            RuleKeys.BIDDING_PERIOD, Limit.of(20, LimitUnit.DAY, "《政府采购法》第三十五条"),
            RuleKeys.DOCUMENT_PERIOD, Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第87号第十八条"),
            RuleKeys.CLARIFICATION_NOTICE, Limit.of(15, LimitUnit.DAY, "财政部令第87号第二十七条"),
            RuleKeys.OBJECTION_ANSWER, Limit.of(7, LimitUnit.WORKING_DAY, "《政府采购法》第五十三条"),
            RuleKeys.DEPOSIT_MAX, Limit.of(2, LimitUnit.PERCENT, "《政府采购法实施条例》第三十三条")), CALENDAR);

    static TenderTerms terms(Instant now, Instant deadline, Instant documentsUntil, String budget, String deposit) {
        return new TenderTerms("ZFCG-2026-001", "云州市人民医院医疗设备采购（采购包1）", "货物", Money.yuan(budget),
                Money.yuan(deposit), "具备医疗器械经营许可", EvaluationMethod.COMPREHENSIVE, deadline, "云州市公共资源交易中心第二开标室",
                90, documentsUntil, "采购公告正文", List.of(new TenderTerms.Lot("采购包1", Money.yuan(budget))));
    }

    static Tender draft(Instant now, Duration toDeadline, Instant documentsUntil) {
        return Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(now, now.plus(toDeadline), documentsUntil, "3000000", "60000"), now, GP);
    }

    private static TenderingError code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return (TenderingError) e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void gpl87_art18_documentsAvailableFiveWorkingDays() {
        // Monday 09:30: Tuesday to Friday are four working days; the fifth is the next Monday (any hour of it).
        Instant mondayAfter5pm = Instant.parse("2026-11-30T09:00:00Z");
        Tender enough = draft(MONDAY, Duration.ofDays(21), mondayAfter5pm);
        enough.publish(MONDAY, GP, 1);
        assertThat(enough.status()).isEqualTo(TenderStatus.PUBLISHED);

        // Five calendar days (Saturday 09:30), enough for a construction tender (Reg. 16), are four working days here.
        Tender fiveDays = draft(MONDAY, Duration.ofDays(21), MONDAY.plus(Duration.ofDays(5)));
        assertThat(code(() -> fiveDays.publish(MONDAY, GP, 1))).isEqualTo(TenderingError.GPL87_18_DOCUMENT_PERIOD_TOO_SHORT);
        assertThat(fiveDays.status()).isEqualTo(TenderStatus.DRAFT);
        Tender construction = Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(MONDAY, MONDAY.plus(Duration.ofDays(21)), MONDAY.plus(Duration.ofDays(5)), "3000000", "60000"), MONDAY,
                TenderTest.LAW);
        construction.publish(MONDAY, TenderTest.LAW, 1);
        assertThat(construction.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void gpl87_art18_art85_holidaysAreNotWorkingDaysAndADeclaredWorkingSaturdayIs() {
        Instant thursday = Instant.parse("2026-02-12T01:30:00Z"); // before the Spring Festival
        // Fri 13, Sat 14 (worked), then Tue 24, Wed 25, Thu 26: the fifth working day is 26 February.
        Tender short1 = draft(thursday, Duration.ofDays(30), Instant.parse("2026-02-25T09:00:00Z"));
        assertThat(code(() -> short1.publish(thursday, GP, 1))).isEqualTo(TenderingError.GPL87_18_DOCUMENT_PERIOD_TOO_SHORT);
        Tender enough = draft(thursday, Duration.ofDays(30), Instant.parse("2026-02-26T09:00:00Z"));
        enough.publish(thursday, GP, 1);
        assertThat(enough.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void gpl_art35_twentyDaysFromIssuingTheDocumentsToTheDeadline() {
        Instant documents = Instant.parse("2026-11-30T09:00:00Z");
        Tender short1 = draft(MONDAY, Duration.ofDays(20).minusMinutes(1), documents);
        assertThat(code(() -> short1.publish(MONDAY, GP, 1))).isEqualTo(TenderingError.GPL_35_BIDDING_PERIOD_TOO_SHORT);
        Tender exact = draft(MONDAY, Duration.ofDays(20), documents);
        exact.publish(MONDAY, GP, 1);
        assertThat(exact.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void gpr_art33_depositAtMostTwoPercentOfTheBudget() {
        Instant documents = Instant.parse("2026-11-30T09:00:00Z");
        Instant deadline = MONDAY.plus(Duration.ofDays(21));
        Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(MONDAY, deadline, documents, "3000000", "60000.00"), MONDAY, GP); // exactly 2%
        assertThat(code(() -> Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(MONDAY, deadline, documents, "3000000", "60000.01"), MONDAY, GP)))
                .isEqualTo(TenderingError.GPR_33_DEPOSIT_TOO_HIGH);
    }

    @Test
    void gpl87_art27_aChangeFewerThanFifteenDaysBeforeTheDeadlineMovesIt() {
        Tender tender = draft(MONDAY, Duration.ofDays(21), Instant.parse("2026-11-30T09:00:00Z"));
        tender.publish(MONDAY, GP, 1);
        Instant day10 = MONDAY.plus(Duration.ofDays(10));
        tender.clarify(UUID.randomUUID(), day10, "采购需求第 3 项参数更正", true, GP);
        assertThat(tender.bidDeadline()).isEqualTo(day10.plus(Duration.ofDays(15)));
    }

    @Test
    void gpl_art53_anObjectionIsAnsweredWithinSevenWorkingDaysAndTheProcedureSetsNoCutoff() {
        Tender tender = draft(MONDAY, Duration.ofDays(21), Instant.parse("2026-11-30T09:00:00Z"));
        tender.publish(MONDAY, GP, 1);
        assertThat(tender.objectionCutoff(GP)).isEqualTo(tender.bidDeadline());
        Instant dayBefore = tender.bidDeadline().minus(Duration.ofDays(1)); // Sunday 13 December
        Objection o = tender.raiseObjection(UUID.randomUUID(), dayBefore, UUID.randomUUID(), "评分因素与采购需求不相关", GP);
        // Mon 14 … Tue 22 December is the seventh working day; due at its end (24:00 Beijing).
        assertThat(o.answerDue()).isEqualTo(Instant.parse("2026-12-22T16:00:00Z"));
    }

    /** The GP rules with 财库〔2020〕10号's intention period (30 日). */
    static final ProcedureRules GP_WITH_INTENTION;
    static {
        Map<String, Limit> limits = new HashMap<>(GP.limits());
        limits.put(RuleKeys.PROCUREMENT_INTENTION, Limit.of(30, LimitUnit.DAY, "财库〔2020〕10号"));
        GP_WITH_INTENTION = new ProcedureRules("ZFCG_OPEN_TENDER", GP.date(), limits, CALENDAR);
    }

    private static org.sunbid.platform.deals.ProcurementIntention publishedAt(Instant at) {
        return new org.sunbid.platform.deals.ProcurementIntention(UUID.randomUUID(), at, "需求概况", java.time.YearMonth.of(2026, 11),
                null, null, at, "purchaser");
    }

    @Test
    void caiku2020_10_theNoticeWaitsThirtyDaysAfterTheIntention() {
        Instant mondayAfter5pm = Instant.parse("2026-11-30T09:00:00Z");
        Tender tender = draft(MONDAY, Duration.ofDays(21), mondayAfter5pm);
        org.sunbid.platform.tendering.domain.FilingState none = FilingState.NOT_REQUIRED;
        assertThat(code(() -> tender.publish(MONDAY, GP_WITH_INTENTION, 1, none, null))).isEqualTo(TenderingError.GPL_INTENTION_MISSING);
        var late = publishedAt(MONDAY.minus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(code(() -> tender.publish(MONDAY, GP_WITH_INTENTION, 1, none, late))).isEqualTo(TenderingError.GPL_INTENTION_TOO_RECENT);
        assertThat(tender.status()).isEqualTo(TenderStatus.DRAFT);
        tender.publish(MONDAY, GP_WITH_INTENTION, 1, none, publishedAt(MONDAY.minus(Duration.ofDays(30))));
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void caiku2020_10_anExemptionStandsForTheIntentionAndConstructionNeedsNone() {
        Instant mondayAfter5pm = Instant.parse("2026-11-30T09:00:00Z");
        Tender exempt = draft(MONDAY, Duration.ofDays(21), mondayAfter5pm);
        exempt.publish(MONDAY, GP_WITH_INTENTION, 1, FilingState.NOT_REQUIRED, new org.sunbid.platform.deals.ProcurementIntention(
                UUID.randomUUID(), null, null, null, org.sunbid.platform.deals.ProcurementIntention.ExemptionGround.CLASSIFIED, "涉密",
                MONDAY, "purchaser"));
        assertThat(exempt.status()).isEqualTo(TenderStatus.PUBLISHED);
        Tender construction = draft(MONDAY, Duration.ofDays(21), mondayAfter5pm);
        construction.publish(MONDAY, TenderTest.LAW, 1, FilingState.NOT_REQUIRED, null);
        assertThat(construction.status()).isEqualTo(TenderStatus.PUBLISHED);
    }
}
