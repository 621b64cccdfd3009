package org.sunbid.platform.tendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.sunbid.platform.tendering.TenderingError;

/**
 * The method approval rule (政府采购法 Art. 27; 实施条例 Art. 23; 74号令 Art. 4) on each side of the open-tender threshold,
 * and the single-source publicity before approval (实施条例 Art. 38; 74号令 Art. 38–40) on each side of its end, with a
 * holiday in the calendar. Plain Java.
 */
class MethodApprovalTest {

    /** Monday 2026-09-28 09:30 Beijing; 国庆 2026: Oct 1–7 off, Sunday Oct 11 worked (调休) — a made-up but shaped calendar. */
    static final Instant MONDAY = Instant.parse("2026-09-28T01:30:00Z");
    static final WorkingDays CALENDAR;

    static {
        Map<LocalDate, WorkingDays.DayKind> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), WorkingDays.DayKind.HOLIDAY);
        }
        days.put(LocalDate.of(2026, 10, 11), WorkingDays.DayKind.WORKDAY);
        CALENDAR = new WorkingDays(days);
    }

    static ProcedureRules rules(boolean approvalFlag) {
        return new ProcedureRules("ZFCG_SINGLE_SOURCE", LocalDate.of(2026, 9, 28), Map.of(
                RuleKeys.METHOD_APPROVAL, Limit.of(approvalFlag ? 1 : 0, LimitUnit.FLAG, "《政府采购法》第二十七条"),
                RuleKeys.OPEN_TENDER_THRESHOLD, Limit.of(4_000_000, LimitUnit.YUAN, "国办发〔2019〕55号"),
                RuleKeys.SINGLE_SOURCE_PUBLICITY, Limit.of(5, LimitUnit.WORKING_DAY, "《政府采购法实施条例》第三十八条"),
                RuleKeys.SINGLE_SOURCE_REVIEW, Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第74号第四十条")), CALENDAR);
    }

    static final ProcedureRules SINGLE_SOURCE = rules(true);

    static MethodApproval request(String budget, boolean uniqueSupplier) {
        return MethodApproval.request(UUID.randomUUID(), UUID.randomUUID(), 1, "ZFCG_SINGLE_SOURCE",
                List.of(uniqueSupplier ? "GPL_31_1_UNIQUE_SUPPLIER" : "GPL_31_2_EMERGENCY"), "原厂专有技术，仅此一家", Money.yuan(budget),
                SINGLE_SOURCE, UUID.randomUUID(), uniqueSupplier, "云州精密仪器有限公司", "三名专家论证：该设备核心部件为专利产品", MONDAY,
                "agency", UUID.randomUUID());
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
    void gpl_art27_approvalOnlyAboveTheOpenTenderThreshold() {
        assertThat(MethodApproval.required(SINGLE_SOURCE, Money.yuan("4000000.01"))).isTrue();
        // equal to the threshold is not above it
        assertThat(MethodApproval.required(SINGLE_SOURCE, Money.yuan("4000000.00"))).isFalse();
        assertThat(MethodApproval.required(SINGLE_SOURCE, Money.yuan("3999999.99"))).isFalse();
        // the open tender itself (flag off) never needs one; a procedure without the rule neither
        assertThat(MethodApproval.required(rules(false), Money.yuan("9000000"))).isFalse();
        assertThat(MethodApproval.required(new ProcedureRules("GCJS_OPEN_TENDER", LocalDate.of(2026, 9, 28), Map.of(), CALENDAR),
                Money.yuan("9000000"))).isFalse();
    }

    @Test
    void gpl_art27_publicationRefusedWithoutAnApprovalAboveTheThreshold() {
        MethodApproval above = request("4000000.01", false);
        DomainException refused = MethodApproval.publicationRefusal(SINGLE_SOURCE, Money.yuan("4000000.01"), above);
        assertThat(refused.errorCode()).isEqualTo(TenderingError.GPL_27_METHOD_NOT_APPROVED);
        assertThat(MethodApproval.publicationRefusal(SINGLE_SOURCE, Money.yuan("4000000.01"), null).errorCode())
                .isEqualTo(TenderingError.GPL_27_METHOD_NOT_APPROVED);

        above.decide(true, null, MONDAY.plusSeconds(60), "supervisor");

        assertThat(above.status()).isEqualTo(MethodApproval.Status.APPROVED);
        assertThat(MethodApproval.publicationRefusal(SINGLE_SOURCE, Money.yuan("4000000.01"), above)).isNull();
        // at the threshold nothing is needed, even without any record
        assertThat(MethodApproval.publicationRefusal(SINGLE_SOURCE, Money.yuan("4000000.00"), null)).isNull();
    }

    @Test
    void gpl_art27_belowTheThresholdTheConditionIsRecordedAndNothingIsDecided() {
        MethodApproval at = request("4000000.00", true);
        assertThat(at.status()).isEqualTo(MethodApproval.Status.RECORDED);
        assertThat(at.approvalRequired()).isFalse();
        assertThat(at.publicity()).isNull(); // no publicity below the threshold (实施条例 Art. 38)
        assertThat(at.departmentId()).isNull();
        assertThat(code(() -> at.decide(true, null, MONDAY, "supervisor"))).isEqualTo(TenderingError.METHOD_APPROVAL_NOT_REQUIRED);
        assertThat(at.allowsNewRequest(false)).isFalse();
        assertThat(at.allowsNewRequest(true)).isTrue(); // the budget went above the threshold: ask now
    }

    @Test
    void gpl_art27_aRefusalNeedsReasons_andAllowsANewRequest() {
        MethodApproval a = request("5000000", false);
        assertThat(code(() -> a.decide(false, "  ", MONDAY, "supervisor"))).isEqualTo(TenderingError.METHOD_APPROVAL_REASONS_REQUIRED);
        assertThat(a.allowsNewRequest(true)).isFalse();
        a.decide(false, "未说明紧急情况的不可预见性", MONDAY, "supervisor");
        assertThat(a.status()).isEqualTo(MethodApproval.Status.REFUSED);
        assertThat(code(() -> a.decide(true, null, MONDAY, "supervisor"))).isEqualTo(TenderingError.METHOD_APPROVAL_DECIDED);
        assertThat(a.allowsNewRequest(true)).isTrue();
    }

    @Test
    void gpr_art38_uniqueSupplierNeedsTheSupplierAndTheExpertsOpinions() {
        assertThat(code(() -> MethodApproval.request(UUID.randomUUID(), UUID.randomUUID(), 1, "ZFCG_SINGLE_SOURCE",
                List.of("GPL_31_1_UNIQUE_SUPPLIER"), "唯一供应商", Money.yuan("5000000"), SINGLE_SOURCE, UUID.randomUUID(), true,
                "云州精密仪器有限公司", " ", MONDAY, "agency", UUID.randomUUID())))
                .isEqualTo(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_INCOMPLETE);
        assertThat(code(() -> MethodApproval.request(UUID.randomUUID(), UUID.randomUUID(), 1, "ZFCG_SINGLE_SOURCE",
                List.of("GPL_31_1_UNIQUE_SUPPLIER"), " ", Money.yuan("5000000"), SINGLE_SOURCE, UUID.randomUUID(), true,
                "云州精密仪器有限公司", "意见", MONDAY, "agency", UUID.randomUUID())))
                .isEqualTo(TenderingError.METHOD_APPROVAL_INVALID);
    }

    @Test
    void gpr_art38_publicityOfFiveWorkingDaysAcrossAHoliday_approvalOnlyAfterItsEnd() {
        MethodApproval a = request("5000000", true);
        // Mon 9-28 (not counted), Tue 9-29, Wed 9-30, [Oct 1–7 off], Thu 10-8, Fri 10-9, [Sat 10-10 off], Sun 10-11 (调休):
        // the fifth working day is Sunday Oct 11; the publicity ends at 24:00 that day, Beijing time.
        Instant end = Instant.parse("2026-10-11T16:00:00Z");
        assertThat(a.publicity().endsAt()).isEqualTo(end);

        assertThat(a.decisionRefusal(true, null, end.minusMillis(1)).errorCode())
                .isEqualTo(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING);
        // a refusal needs no wait
        assertThat(a.decisionRefusal(false, "理由", end.minusMillis(1))).isNull();
        assertThat(a.decisionRefusal(true, null, end)).isNull();
    }

    @Test
    void gpl74_art39_objectionsOnlyDuringThePublicity_art40_reviewedWithinFiveWorkingDaysAfterIt() {
        MethodApproval a = request("5000000", true);
        Instant end = a.publicity().endsAt();
        MethodApproval.Objection o = a.object(UUID.randomUUID(), UUID.randomUUID(), "云州第二仪器有限公司", "我公司也能提供同类设备",
                end.minusMillis(1), "bidder2", CALENDAR);
        // review due 5 working days after Sunday Oct 11: Mon 12 … Fri 16, at 24:00
        assertThat(o.reviewDue()).isEqualTo(Instant.parse("2026-10-16T16:00:00Z"));
        assertThat(code(() -> a.object(UUID.randomUUID(), UUID.randomUUID(), "某公司", "迟到的异议", end, "bidder3", CALENDAR)))
                .isEqualTo(TenderingError.GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED);

        // after the publicity, the unreviewed objection still blocks approval
        assertThat(a.decisionRefusal(true, null, end.plus(Duration.ofDays(1))).errorCode())
                .isEqualTo(TenderingError.GPL74_40_OBJECTION_UNREVIEWED);
        assertThat(o.overdue(o.reviewDue().minusMillis(1))).isFalse();
        assertThat(o.overdue(o.reviewDue())).isTrue();

        MethodApproval.Objection reviewed = a.review(o.id(), false, "经补充论证，该公司产品不满足兼容性要求，异议不成立",
                o.reviewDue().minusMillis(1), "agency");
        assertThat(reviewed.review().overdue()).isFalse();
        assertThat(code(() -> a.review(o.id(), true, "再论证", end, "agency"))).isEqualTo(TenderingError.SINGLE_SOURCE_OBJECTION_REVIEWED);
        assertThat(a.decisionRefusal(true, null, end.plus(Duration.ofDays(1)))).isNull();
    }

    @Test
    void gpl74_art40_anUpheldObjectionMeansAnotherMethod() {
        MethodApproval a = request("5000000", true);
        Instant end = a.publicity().endsAt();
        MethodApproval.Objection o = a.object(UUID.randomUUID(), UUID.randomUUID(), "云州第二仪器有限公司", "我公司也能提供",
                MONDAY.plusSeconds(3600), "bidder2", CALENDAR);
        MethodApproval.Objection late = a.review(o.id(), true, "异议成立", o.reviewDue(), "agency");
        assertThat(late.review().overdue()).isTrue();
        assertThat(a.decisionRefusal(true, null, end).errorCode()).isEqualTo(TenderingError.GPL74_40_OBJECTION_UPHELD);
        assertThat(a.decisionRefusal(false, "异议成立，请改用其他方式", end)).isNull();
    }

    @Test
    void gpl_art27_noPublicityForOtherConditions() {
        MethodApproval a = request("5000000", false);
        assertThat(a.publicity()).isNull();
        assertThatThrownBy(() -> a.object(UUID.randomUUID(), UUID.randomUUID(), "x", "y", MONDAY, "b", CALENDAR))
                .isInstanceOf(DomainException.class);
        assertThat(a.decisionRefusal(true, null, MONDAY)).isNull();
    }
}
