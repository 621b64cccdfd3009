package org.sunbid.platform.complaints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.complaints.ComplaintsError;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * Inquiries, challenges and complaints under the dated rules of V93 (ZFCG_COMMON; GCJS_OPEN_TENDER for construction),
 * each limit tested on both sides, with 2026's Mid-Autumn and National Day holidays and their 调休 working weekend days
 * (09-20 Sunday and 10-10 Saturday worked; 09-25..27 and 10-01..07 off), as the catalog's calendar (V6) has them.
 * Each test named after its article. No Spring, no database.
 */
class ComplaintsRulesTest {

    static final WorkingDays CALENDAR;

    static {
        Map<LocalDate, WorkingDays.DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 9, 20), WorkingDays.DayKind.WORKDAY);
        days.put(LocalDate.of(2026, 10, 10), WorkingDays.DayKind.WORKDAY);
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), WorkingDays.DayKind.HOLIDAY);
        }
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), WorkingDays.DayKind.HOLIDAY);
        }
        CALENDAR = new WorkingDays(days);
    }

    static final ProcedureRules GP = new ProcedureRules("ZFCG_INQUIRY", LocalDate.of(2026, 9, 1), Map.ofEntries(
            Map.entry(RuleKeys.INQUIRY_ANSWER, Limit.of(3, LimitUnit.WORKING_DAY, "《政府采购法实施条例》第五十二条")),
            Map.entry(RuleKeys.CHALLENGE_PERIOD, Limit.of(7, LimitUnit.WORKING_DAY, "《政府采购法》第五十二条")),
            Map.entry(RuleKeys.CHALLENGE_ANSWER, Limit.of(7, LimitUnit.WORKING_DAY, "《政府采购法》第五十三条")),
            Map.entry(RuleKeys.COMPLAINT_PERIOD, Limit.of(15, LimitUnit.WORKING_DAY, "《政府采购法》第五十五条")),
            Map.entry(RuleKeys.COMPLAINT_INTAKE, Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第94号第二十一条")),
            Map.entry(RuleKeys.COMPLAINT_COPY, Limit.of(8, LimitUnit.WORKING_DAY, "财政部令第94号第二十一条")),
            Map.entry(RuleKeys.COMPLAINT_REPLY, Limit.of(5, LimitUnit.WORKING_DAY, "财政部令第94号第二十二条")),
            Map.entry(RuleKeys.COMPLAINT_DECISION, Limit.of(30, LimitUnit.WORKING_DAY, "《政府采购法》第五十六条")),
            Map.entry(RuleKeys.COMPLAINT_SUSPENSION_MAX, Limit.of(30, LimitUnit.DAY, "《政府采购法》第五十七条")),
            Map.entry(RuleKeys.UNFOUNDED_COMPLAINTS_MAX, Limit.of(3, LimitUnit.COUNT, "财政部令第94号第三十七条"))), CALENDAR);

    static final ProcedureRules GCJS = new ProcedureRules("GCJS_OPEN_TENDER", LocalDate.of(2026, 9, 1), Map.of(
            RuleKeys.COMPLAINT_PERIOD, Limit.of(10, LimitUnit.DAY, "《招标投标法实施条例》第六十条"),
            RuleKeys.COMPLAINT_INTAKE, Limit.of(3, LimitUnit.WORKING_DAY, "《招标投标法实施条例》第六十一条"),
            RuleKeys.COMPLAINT_DECISION, Limit.of(30, LimitUnit.WORKING_DAY, "《招标投标法实施条例》第六十一条"),
            Complaint.DECISION_FROM_ACCEPTANCE, Limit.of(1, LimitUnit.FLAG, "《招标投标法实施条例》第六十一条")), CALENDAR);

    static final UUID LOT = UUID.randomUUID();
    static final UUID SUPPLIER = UUID.randomUUID();
    static final UUID PURCHASER = UUID.randomUUID();
    static final UUID DEPARTMENT = UUID.randomUUID();

    /** An instant in Beijing time. */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Limit.BEIJING).toInstant();
    }

    /** The result notice period ended on Friday 2026-09-18 at 17:00. */
    static final LotFacts RESULT_NOTICED = new LotFacts(beijing("2026-08-20T10:00:00"), beijing("2026-08-27T17:00:00"),
            beijing("2026-09-08T09:30:00"), beijing("2026-09-16T15:00:00"), beijing("2026-09-18T17:00:00"));

    static Challenge.Grounds grounds(ChallengeSubject subject) {
        return new Challenge.Grounds(subject, subject == ChallengeSubject.PROCESS ? LotFacts.Step.EVALUATION : null,
                "请求重新评审", "评审委员会未按采购文件规定的标准打分", "评分表第3项与采购文件第二章不符");
    }

    static Challenge raise(ChallengeSubject subject, LotFacts facts, Instant now) {
        return Challenge.raise(UUID.randomUUID(), LOT, SUPPLIER, true, grounds(subject), facts, "00".repeat(32), now, GP);
    }

    static ComplaintsError code(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return (ComplaintsError) e.errorCode();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void gpr52_inquiryAnsweredWithinThreeWorkingDaysCountingTheWorkedSunday() {
        Inquiry asked = Inquiry.ask(UUID.randomUUID(), LOT, SUPPLIER, "采购需求第5条的参数是否允许偏离？", beijing("2026-09-18T10:00:00"), GP);
        // 09-20 (Sunday, 调休) is the first working day, 09-21 the second, 09-22 the third
        assertThat(asked.answerDue()).isEqualTo(beijing("2026-09-23T00:00:00"));
        assertThat(asked.overdue(beijing("2026-09-22T23:59:59.999"))).isFalse();
        assertThat(asked.overdue(beijing("2026-09-23T00:00:00"))).isTrue();
        Inquiry answered = asked.answer("允许不超过5%的偏离。", beijing("2026-09-21T09:00:00"));
        assertThat(answered.answeredLate()).isFalse();
        assertThat(code(() -> answered.answer("再答", beijing("2026-09-21T10:00:00")))).isEqualTo(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED);
        assertThat(code(() -> Inquiry.ask(UUID.randomUUID(), LOT, SUPPLIER, " ", beijing("2026-09-18T10:00:00"), GP)))
                .isEqualTo(ComplaintsError.COMPLAINTS_TEXT_REQUIRED);
    }

    @Test
    void gpl_art52_gpr53_resultChallengeAtTheLastInstantOfTheSeventhWorkingDayAcceptedTheFirstInstantAfterRefused() {
        // from the end of the result notice (Fri 09-18): 09-20 (调休 Sunday) 1, 21–24 2–5, 25–27 中秋 off, 28 6, 29 7
        Instant lastInstant = beijing("2026-09-29T23:59:59.999");
        assertThat(raise(ChallengeSubject.RESULT, RESULT_NOTICED, lastInstant).periodStart()).isEqualTo(beijing("2026-09-18T17:00:00"));
        assertThat(code(() -> raise(ChallengeSubject.RESULT, RESULT_NOTICED, beijing("2026-09-30T00:00:00"))))
                .isEqualTo(ComplaintsError.GPL_52_CHALLENGE_LATE);
    }

    @Test
    void gpr53_documentsChallengeCountsFromTheEndOfTheDocumentsNoticeAcrossNationalDay() {
        // documents received 09-22, their notice period ended 09-30: 10-01..07 off, 10-08 1, 09 2, 10 (Saturday, 调休) 3, 12–15 4–7
        LotFacts facts = new LotFacts(beijing("2026-09-22T10:00:00"), beijing("2026-09-30T17:00:00"), null, null, null);
        Challenge c = raise(ChallengeSubject.DOCUMENTS, facts, beijing("2026-10-15T23:59:59"));
        assertThat(c.periodStart()).isEqualTo(beijing("2026-09-30T17:00:00"));
        assertThat(code(() -> raise(ChallengeSubject.DOCUMENTS, facts, beijing("2026-10-16T00:00:00"))))
                .isEqualTo(ComplaintsError.GPL_52_CHALLENGE_LATE);
        // a documents challenge may change the documents, not the result: no hold unless the purchaser says so
        assertThat(c.holdsContract()).isFalse();
        assertThat(c.markResultChanging().holdsContract()).isTrue();
    }

    @Test
    void gpr53_processChallengeCountsFromTheEndOfTheStepAndNothingBeforeTheStepHasHappened() {
        Challenge c = raise(ChallengeSubject.PROCESS, RESULT_NOTICED, beijing("2026-09-17T10:00:00"));
        assertThat(c.periodStart()).isEqualTo(RESULT_NOTICED.awardedAt());
        LotFacts notYet = new LotFacts(null, null, beijing("2026-09-08T09:30:00"), null, null);
        assertThat(code(() -> raise(ChallengeSubject.RESULT, notYet, beijing("2026-09-17T10:00:00"))))
                .isEqualTo(ComplaintsError.GPR_53_NOTHING_TO_CHALLENGE_YET);
        assertThat(code(() -> raise(ChallengeSubject.PROCESS, notYet, beijing("2026-09-17T10:00:00"))))
                .isEqualTo(ComplaintsError.GPR_53_NOTHING_TO_CHALLENGE_YET);
    }

    @Test
    void gpl_art52_onlyASupplierTakingPartMayChallenge() {
        assertThat(code(() -> Challenge.raise(UUID.randomUUID(), LOT, SUPPLIER, false, grounds(ChallengeSubject.RESULT),
                RESULT_NOTICED, null, beijing("2026-09-21T10:00:00"), GP))).isEqualTo(ComplaintsError.GPL_52_NO_STANDING);
    }

    @Test
    void gpl94_art12_aChallengeStatesItsClaimsFactsAndEvidence() {
        for (Challenge.Grounds g : List.of(new Challenge.Grounds(ChallengeSubject.RESULT, null, "", "事实", "证据"),
                new Challenge.Grounds(ChallengeSubject.RESULT, null, "请求", null, "证据"),
                new Challenge.Grounds(ChallengeSubject.RESULT, null, "请求", "事实", " "),
                new Challenge.Grounds(ChallengeSubject.PROCESS, null, "请求", "事实", "证据"),
                new Challenge.Grounds(null, null, "请求", "事实", "证据"))) {
            assertThat(code(() -> Challenge.raise(UUID.randomUUID(), LOT, SUPPLIER, true, g, RESULT_NOTICED, null,
                    beijing("2026-09-21T10:00:00"), GP))).as(g.toString()).isEqualTo(ComplaintsError.GPL_94_12_CHALLENGE_INCOMPLETE);
        }
    }

    @Test
    void gpl_art53_gpr54_aResultChallengeHoldsTheContractUntilAnsweredWithinSevenWorkingDays() {
        Challenge c = raise(ChallengeSubject.RESULT, RESULT_NOTICED, beijing("2026-09-21T10:00:00"));
        // 22–24 1–3, 25–27 off, 28–30 4–6, 10-01..07 off, 10-08 7
        assertThat(c.answerDue()).isEqualTo(beijing("2026-10-09T00:00:00"));
        assertThat(c.holdsContract()).isTrue();
        assertThat(c.overdue(beijing("2026-10-08T23:59:59.999"))).isFalse();
        assertThat(c.overdue(beijing("2026-10-09T00:00:00"))).isTrue();
        assertThat(c.complaintPeriodStart(beijing("2026-10-08T12:00:00"))).isNull();
        Challenge answered = c.answer("经复核，评审结果无误。", beijing("2026-09-29T10:00:00"));
        assertThat(answered.holdsContract()).isFalse();
        assertThat(answered.complaintPeriodStart(beijing("2026-09-29T10:00:00"))).isEqualTo(beijing("2026-09-29T10:00:00"));
        assertThat(code(() -> answered.answer("again", beijing("2026-09-29T11:00:00")))).isEqualTo(ComplaintsError.COMPLAINTS_ALREADY_ANSWERED);
        assertThat(raise(ChallengeSubject.PROCESS, RESULT_NOTICED, beijing("2026-09-21T10:00:00")).holdsContract()).isTrue();
    }

    static Complaint lodge(Instant periodStart, Instant now) {
        return Complaint.lodge(UUID.randomUUID(), LOT, UUID.randomUUID(), SUPPLIER, DEPARTMENT, PURCHASER, "请求责令重新评审",
                "答复未回应质疑事项", "质疑函、答复函", periodStart, now, GP);
    }

    @Test
    void gpl_art55_complaintWithinFifteenWorkingDaysAfterTheAnswer() {
        Instant answered = beijing("2026-09-17T16:00:00");
        // 18 1, 20 (调休) 2, 21–24 3–6, 28–30 7–9, 10-08 10, 09 11, 10 (调休) 12, 12–14 13–15
        assertThat(lodge(answered, beijing("2026-10-14T23:59:59.999")).status()).isEqualTo(ComplaintStatus.LODGED);
        assertThat(code(() -> lodge(answered, beijing("2026-10-15T00:00:00")))).isEqualTo(ComplaintsError.COMPLAINT_LATE);
    }

    @Test
    void gpl_art55_anUnansweredChallengeMayBeComplainedOfFromTheEndOfItsAnswerPeriod() {
        Challenge c = raise(ChallengeSubject.RESULT, RESULT_NOTICED, beijing("2026-09-21T10:00:00"));
        assertThat(c.complaintPeriodStart(beijing("2026-10-09T00:00:00"))).isEqualTo(c.answerDue());
    }

    @Test
    void gpl94_art21_art22_intakeInFiveCopiesInEightRepliesInFiveWorkingDays() {
        Complaint lodged = lodge(beijing("2026-09-14T10:00:00"), beijing("2026-09-15T10:00:00"));
        // intake: 16 1, 17 2, 18 3, 20 (调休) 4, 21 5
        assertThat(lodged.intakeDue()).isEqualTo(beijing("2026-09-22T00:00:00"));
        Complaint accepted = lodged.intake(Complaint.Intake.ACCEPT, null, beijing("2026-09-21T10:00:00"), GP);
        // copies from the receipt: 16–18 1–3, 20 4, 21–24 5–8
        assertThat(accepted.copiesDue()).isEqualTo(beijing("2026-09-25T00:00:00"));
        assertThat(accepted.nextDue(GP)).isEqualTo(accepted.copiesDue());
        UUID rival = UUID.randomUUID();
        Complaint copied = accepted.sendCopies(List.of(rival, SUPPLIER), beijing("2026-09-22T10:00:00"));
        assertThat(copied.copiedTo()).containsExactly(PURCHASER, rival);
        // replies: 23 1, 24 2, 28–30 3–5
        assertThat(copied.repliesDue(GP)).isEqualTo(beijing("2026-10-01T00:00:00"));
        Complaint onTime = copied.reply(PURCHASER, "采购人说明", beijing("2026-09-30T23:59:59"), GP);
        Complaint late = onTime.reply(rival, "供应商说明", beijing("2026-10-01T00:00:00"), GP);
        assertThat(late.replies()).extracting(Complaint.Reply::late).containsExactly(false, true);
        assertThat(code(() -> copied.reply(UUID.randomUUID(), "不相干", beijing("2026-09-23T10:00:00"), GP)))
                .isEqualTo(ComplaintsError.COMPLAINTS_NOT_RESPONSIBLE);
        assertThat(code(() -> lodged.decide(Outcome.FOUNDED, "理由", beijing("2026-09-21T10:00:00"), GP)))
                .isEqualTo(ComplaintsError.COMPLAINT_WRONG_STATE);
    }

    @Test
    void gpl94_art20_askingToCompleteRestartsTheIntakeAndARefusalNeedsItsReason() {
        Complaint lodged = lodge(beijing("2026-09-14T10:00:00"), beijing("2026-09-15T10:00:00"));
        assertThat(code(() -> lodged.intake(Complaint.Intake.REFUSE, "", beijing("2026-09-16T10:00:00"), GP)))
                .isEqualTo(ComplaintsError.COMPLAINTS_TEXT_REQUIRED);
        Complaint incomplete = lodged.intake(Complaint.Intake.ASK_TO_COMPLETE, "缺少证据材料", beijing("2026-09-16T10:00:00"), GP);
        assertThat(incomplete.nextDue(GP)).isNull();
        Complaint completed = incomplete.complete("请求", "事实", "补充的证据", beijing("2026-09-22T10:00:00"), GP);
        assertThat(completed.status()).isEqualTo(ComplaintStatus.LODGED);
        // 23 1, 24 2, 28–30 3–5
        assertThat(completed.intakeDue()).isEqualTo(beijing("2026-10-01T00:00:00"));
        assertThat(completed.intake(Complaint.Intake.REFUSE, "不属于本部门管辖", beijing("2026-09-23T10:00:00"), GP).status())
                .isEqualTo(ComplaintStatus.REFUSED);
    }

    @Test
    void gpl_art57_theProcurementIsSuspendedForAtMostThirtyDaysInAll() {
        Instant now = beijing("2026-09-21T10:00:00");
        Complaint accepted = lodge(beijing("2026-09-14T10:00:00"), beijing("2026-09-15T10:00:00")).intake(Complaint.Intake.ACCEPT, null, now, GP);
        assertThat(code(() -> accepted.suspend(now.plus(Duration.ofDays(30)).plusMillis(1), "调查期间", now, GP)))
                .isEqualTo(ComplaintsError.GPL_57_SUSPENSION_TOO_LONG);
        Complaint suspended = accepted.suspend(now.plus(Duration.ofDays(30)), "调查期间", now, GP);
        assertThat(suspended.suspendedAt(now.plus(Duration.ofDays(30)).minusMillis(1))).isTrue();
        assertThat(suspended.suspendedAt(now.plus(Duration.ofDays(30)))).isFalse();
        assertThat(code(() -> suspended.suspend(now.plus(Duration.ofDays(31)), "再次", now.plus(Duration.ofDays(1)), GP)))
                .isEqualTo(ComplaintsError.COMPLAINT_ALREADY_SUSPENDED);
        // lifted after 10 days, a second suspension may take the remaining 20 days, not one millisecond more
        Instant liftedAt = now.plus(Duration.ofDays(10));
        Complaint lifted = accepted.suspend(now.plus(Duration.ofDays(15)), "调查期间", now, GP).lift(liftedAt);
        Instant again = liftedAt.plus(Duration.ofDays(2));
        assertThat(lifted.suspend(again.plus(Duration.ofDays(20)), "再次暂停", again, GP).suspendedAt(again)).isTrue();
        assertThat(code(() -> lifted.suspend(again.plus(Duration.ofDays(20)).plusMillis(1), "再次暂停", again, GP)))
                .isEqualTo(ComplaintsError.GPL_57_SUSPENSION_TOO_LONG);
    }

    @Test
    void gpr58_testsAndExpertReviewsAreNotCountedInTheThirtyWorkingDays() {
        Instant received = beijing("2026-09-15T10:00:00");
        Complaint accepted = lodge(beijing("2026-09-14T10:00:00"), received).intake(Complaint.Intake.ACCEPT, null,
                beijing("2026-09-16T10:00:00"), GP);
        LocalDate base = CALENDAR.plus(LocalDate.of(2026, 9, 15), 30);
        assertThat(accepted.decisionDue()).isEqualTo(base.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant());
        // expert review from Tuesday 09-22 to Monday 09-28: 23, 24, 28 are not counted (25–27 were not working days anyway)
        Complaint paused = accepted.pause(PauseReason.EXPERT_REVIEW, "组织专家对技术参数进行评审", beijing("2026-09-22T10:00:00"));
        assertThat(paused.decisionDue()).isNull();
        assertThat(code(() -> paused.pause(PauseReason.TEST, "again", beijing("2026-09-23T10:00:00")))).isEqualTo(ComplaintsError.COMPLAINT_ALREADY_SUSPENDED);
        Complaint resumed = paused.resume(beijing("2026-09-28T15:00:00"), GP);
        assertThat(resumed.pausedWorkingDays(beijing("2026-10-20T00:00:00"), GP)).isEqualTo(3);
        assertThat(resumed.decisionDue()).isEqualTo(CALENDAR.plus(base, 3).plusDays(1).atStartOfDay(Limit.BEIJING).toInstant());
        assertThat(code(() -> accepted.pause(null, "无", beijing("2026-09-22T10:00:00")))).isEqualTo(ComplaintsError.GPR_58_NOT_A_PAUSE);
        Complaint decided = resumed.suspend(beijing("2026-10-20T00:00:00"), "暂停", beijing("2026-09-29T10:00:00"), GP)
                .decide(Outcome.UNFOUNDED, "投诉事项缺乏事实依据", beijing("2026-09-30T10:00:00"), GP);
        assertThat(decided.status()).isEqualTo(ComplaintStatus.DECIDED);
        assertThat(decided.suspendedAt(beijing("2026-10-01T10:00:00"))).as("the decision ends the suspension").isFalse();
    }

    @Test
    void reg60_constructionComplaintWithinTenDaysOfKnowingAndDecidedThirtyWorkingDaysFromAcceptance() {
        Instant known = beijing("2026-09-21T09:00:00");
        Complaint lodged = Complaint.lodge(UUID.randomUUID(), LOT, null, SUPPLIER, DEPARTMENT, PURCHASER, "请求", "事实", "证据",
                known, known.plus(Duration.ofDays(10)).minusMillis(1), GCJS);
        assertThat(code(() -> Complaint.lodge(UUID.randomUUID(), LOT, null, SUPPLIER, DEPARTMENT, PURCHASER, "请求", "事实", "证据",
                known, known.plus(Duration.ofDays(10)), GCJS))).isEqualTo(ComplaintsError.COMPLAINT_LATE);
        // Art. 61: intake in 3 working days (10-01..07 off, 08 1, 09 2, 10 (调休) 3)
        assertThat(lodged.intakeDue()).isEqualTo(beijing("2026-10-11T00:00:00"));
        Instant accepted = beijing("2026-10-09T10:00:00");
        Complaint c = lodged.intake(Complaint.Intake.ACCEPT, null, accepted, GCJS);
        assertThat(c.copiesDue()).as("no copy limit in construction").isNull();
        assertThat(c.decisionDue()).isEqualTo(CALENDAR.plus(LocalDate.of(2026, 10, 9), 30).plusDays(1).atStartOfDay(Limit.BEIJING).toInstant());
        assertThat(c.suspend(accepted.plus(Duration.ofDays(45)), "招标投标法实施条例第六十二条", accepted, GCJS).suspendedAt(accepted)).isTrue();
    }

    @Test
    void gpl94_art37_threeUnfoundedComplaintsInTwelveMonthsMakeARecord() {
        Limit max = GP.limit(RuleKeys.UNFOUNDED_COMPLAINTS_MAX);
        Instant now = beijing("2026-09-30T10:00:00");
        Instant yearAgo = beijing("2025-09-30T10:00:00");
        assertThat(Complaint.repeatUnfounded(List.of(yearAgo.plusMillis(1), beijing("2026-03-01T10:00:00"), now), now, max)).isTrue();
        assertThat(Complaint.repeatUnfounded(List.of(yearAgo, beijing("2026-03-01T10:00:00"), now), now, max)).isFalse();
        assertThat(Complaint.repeatUnfounded(List.of(beijing("2026-03-01T10:00:00"), now), now, max)).isFalse();
    }

    @Test
    void reg22_constructionHasNoInquiryOrChallengeHereItsObjectionsGoToTheTenderee() {
        assertThat(code(() -> Challenge.raise(UUID.randomUUID(), LOT, SUPPLIER, true, grounds(ChallengeSubject.RESULT),
                RESULT_NOTICED, null, beijing("2026-09-21T10:00:00"), GCJS))).isEqualTo(ComplaintsError.COMPLAINTS_NOT_APPLICABLE);
        assertThat(code(() -> Inquiry.ask(UUID.randomUUID(), LOT, SUPPLIER, "问题", beijing("2026-09-21T10:00:00"), GCJS)))
                .isEqualTo(ComplaintsError.COMPLAINTS_NOT_APPLICABLE);
    }
}
