package org.sunbid.platform.tendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.Clarification;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.LegalPeriods;
import org.sunbid.platform.tendering.Objection;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;

/** The tender's legal rules, each test named after the article it enforces. No Spring, no database. */
class TenderTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z"); // 09:30 Beijing time
    static final ProcedureRules LAW = LegalPeriods.LAW.rules();

    static TenderTerms terms(Duration toDeadline, Duration documentsFor, String estimated, String deposit) {
        return new TenderTerms("YZ-2026-001", "云州市第一中学教学楼新建工程", "房屋建筑工程", Money.yuan(estimated),
                Money.yuan(deposit), "房屋建筑工程施工总承包二级及以上", EvaluationMethod.COMPREHENSIVE, NOW.plus(toDeadline),
                "云州市公共资源交易中心第一开标室", 90, NOW.plus(documentsFor), "招标公告正文",
                List.of(new TenderTerms.Lot("一标段", Money.yuan(estimated))));
    }

    static Tender draft(Duration toDeadline) {
        return Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(toDeadline, Duration.ofDays(7), "12000000", "200000"), NOW, LAW);
    }

    static Tender published(Duration toDeadline) {
        Tender tender = draft(toDeadline);
        tender.publish(NOW, LAW, 1);
        return tender;
    }

    private static TenderingError code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return (TenderingError) e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    // Publishing issues the documents: none uploaded, no publication; the check changes nothing.

    @Test
    void publishingWithoutDocumentsIsRefusedAndChangesNothing() {
        Tender tender = draft(Duration.ofDays(25));
        assertThat(code(() -> tender.publish(NOW, LAW, 0))).isEqualTo(TenderingError.TENDER_DOCUMENTS_MISSING);
        assertThat(tender.publicationRefusal(NOW, LAW, 0).errorCode()).isEqualTo(TenderingError.TENDER_DOCUMENTS_MISSING);
        assertThat(tender.status()).isEqualTo(TenderStatus.DRAFT);
        assertThat(tender.publishedAt()).isNull();
        assertThat(tender.publicationRefusal(NOW, LAW, 1)).isNull();
        assertThat(tender.status()).isEqualTo(TenderStatus.DRAFT);
    }

    @Test
    void theDatesPublicationFixesFollowTheLegalPeriods() {
        Tender tender = draft(Duration.ofDays(25));
        assertThat(tender.objectionCutoff(LAW)).isEqualTo(NOW.plus(Duration.ofDays(15)));
        assertThat(tender.clarificationCutoff(LAW)).isEqualTo(NOW.plus(Duration.ofDays(10)));
    }

    @Test
    void aDraftIsRevisedUnderTheDraftsRulesAndOnlyWhileADraft() {
        Tender tender = draft(Duration.ofDays(25));
        tender.revise(terms(Duration.ofDays(30), Duration.ofDays(7), "13000000", "260000"), NOW, LAW);
        assertThat(tender.bidDeadline()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(tender.terms().estimatedPrice()).isEqualTo(Money.yuan("13000000"));
        assertThat(code(() -> tender.revise(terms(Duration.ofDays(30), Duration.ofDays(7), "13000000", "260001"), NOW, LAW)))
                .isEqualTo(TenderingError.REG_26_DEPOSIT_TOO_HIGH);
        tender.publish(NOW, LAW, 1);
        assertThat(code(() -> tender.revise(terms(Duration.ofDays(30), Duration.ofDays(7), "13000000", "1"), NOW, LAW)))
                .isEqualTo(TenderingError.INVALID_TENDER_STATE);
    }

    // Law 24: at least 20 days from issuing the tender documents to the bid deadline.

    @Test
    void law24_publishesWithExactlyTwentyDaysToTheDeadline() {
        Tender tender = draft(Duration.ofDays(20));
        tender.publish(NOW, LAW, 1);
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
        assertThat(tender.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void law24_refusesNineteenDaysTwentyThreeHoursFiftyNineMinutes() {
        Tender tender = draft(Duration.ofDays(20).minusMinutes(1));
        assertThat(code(() -> tender.publish(NOW, LAW, 1))).isEqualTo(TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT);
        assertThat(tender.status()).isEqualTo(TenderStatus.DRAFT);
    }

    @Test
    void law24_countsFromPublicationNotFromDrafting() {
        Tender tender = draft(Duration.ofDays(25));
        Instant later = NOW.plus(Duration.ofDays(6)); // drafted early, published late: only 19 days remain
        assertThat(code(() -> tender.publish(later, LAW, 1))).isEqualTo(TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT);
    }

    @Test
    void law24_aRegionMayRequireMoreButNotLess() {
        LegalPeriods stricter = new LegalPeriods(Duration.ofDays(25), Duration.ofDays(5), Duration.ofDays(15),
                Duration.ofDays(10), Duration.ofDays(3), new java.math.BigDecimal("2"));
        assertThat(code(() -> draft(Duration.ofDays(21)).publish(NOW, stricter.rules(), 1)))
                .isEqualTo(TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT);
        assertThatThrownBy(() -> new LegalPeriods(Duration.ofDays(19), Duration.ofDays(5), Duration.ofDays(15),
                Duration.ofDays(10), Duration.ofDays(3), new java.math.BigDecimal("2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Reg. 16: tender documents available for at least 5 days.

    @Test
    void reg16_acceptsDocumentsAvailableForExactlyFiveDays() {
        Tender tender = Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(Duration.ofDays(21), Duration.ofDays(5), "1000000", "20000"), NOW, LAW);
        tender.publish(NOW, LAW, 1);
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void reg16_refusesDocumentsAvailableForLessThanFiveDays() {
        Tender tender = Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(Duration.ofDays(21), Duration.ofDays(5).minusSeconds(1), "1000000", "20000"), NOW, LAW);
        assertThat(code(() -> tender.publish(NOW, LAW, 1))).isEqualTo(TenderingError.REG_16_DOCUMENT_PERIOD_TOO_SHORT);
    }

    // Reg. 26: bid deposit at most 2% of the estimated price.

    @Test
    void reg26_acceptsADepositOfExactlyTwoPercent() {
        Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(Duration.ofDays(21), Duration.ofDays(7), "12345678.90", "246913.57"), NOW, LAW);
    }

    @Test
    void reg26_refusesADepositOneFenAboveTwoPercent() {
        assertThat(code(() -> Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                terms(Duration.ofDays(21), Duration.ofDays(7), "12345678.90", "246913.58"), NOW, LAW)))
                .isEqualTo(TenderingError.REG_26_DEPOSIT_TOO_HIGH);
    }

    // Law 23, Reg. 21: clarifications affecting bid preparation at least 15 days before the deadline.

    @Test
    void law23reg21_aClarificationAffectingPreparationWithinFifteenDaysMovesTheDeadline() {
        Tender tender = published(Duration.ofDays(20));
        Instant day10 = NOW.plus(Duration.ofDays(10));
        Clarification c = tender.clarify(UUID.randomUUID(), day10, "工程量清单第 3 项更正", true, LAW);
        assertThat(c.deadlineMovedTo()).isEqualTo(day10.plus(Duration.ofDays(15)));
        assertThat(tender.bidDeadline()).isEqualTo(day10.plus(Duration.ofDays(15)));
    }

    @Test
    void law23reg21_exactlyFifteenDaysBeforeTheDeadlineLeavesItAlone() {
        Tender tender = published(Duration.ofDays(20));
        Instant day5 = NOW.plus(Duration.ofDays(5));
        assertThat(tender.clarify(UUID.randomUUID(), day5, "更正", true, LAW).deadlineMovedTo()).isNull();
        assertThat(tender.bidDeadline()).isEqualTo(NOW.plus(Duration.ofDays(20)));
    }

    @Test
    void law23reg21_aClarificationNotAffectingPreparationLeavesTheDeadline() {
        Tender tender = published(Duration.ofDays(20));
        assertThat(tender.clarify(UUID.randomUUID(), NOW.plus(Duration.ofDays(18)), "开标室门牌号更正", false, LAW)
                .deadlineMovedTo()).isNull();
        assertThat(tender.bidDeadline()).isEqualTo(NOW.plus(Duration.ofDays(20)));
    }

    // Reg. 22: objections up to 10 days before the deadline; answer within 3 days; suspended meanwhile; deadline extended.

    @Test
    void reg22_anObjectionExactlyTenDaysBeforeTheDeadlineIsAccepted() {
        Tender tender = published(Duration.ofDays(20));
        tender.raiseObjection(UUID.randomUUID(), NOW.plus(Duration.ofDays(10)), UUID.randomUUID(), "资格条件排斥潜在投标人", LAW);
        assertThat(tender.status()).isEqualTo(TenderStatus.SUSPENDED);
    }

    @Test
    void reg22_anObjectionLaterThanTenDaysBeforeTheDeadlineIsRefused() {
        Tender tender = published(Duration.ofDays(20));
        Instant late = NOW.plus(Duration.ofDays(10)).plusSeconds(1);
        assertThat(code(() -> tender.raiseObjection(UUID.randomUUID(), late, UUID.randomUUID(), "异议", LAW)))
                .isEqualTo(TenderingError.REG_22_OBJECTION_TOO_LATE);
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void reg22_theAnswerResumesTheProcedureAndExtendsTheDeadlineByTheSuspension() {
        Tender tender = published(Duration.ofDays(20));
        Instant raised = NOW.plus(Duration.ofDays(3));
        Objection objection = tender.raiseObjection(UUID.randomUUID(), raised, UUID.randomUUID(), "评标办法不明确", LAW);
        assertThat(objection.answerDue()).isEqualTo(raised.plus(Duration.ofDays(3)));
        assertThat(tender.acceptsBids(raised)).isFalse();

        Instant answered = raised.plus(Duration.ofDays(2)).plusSeconds(3600);
        Objection answer = tender.answerObjection(objection.id(), answered, "已在澄清文件中明确");

        assertThat(answer.late(answered)).isFalse();
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
        assertThat(tender.bidDeadline()).isEqualTo(NOW.plus(Duration.ofDays(22)).plusSeconds(3600));
    }

    @Test
    void reg22_anAnswerAfterThreeDaysIsRecordedAsLate() {
        Tender tender = published(Duration.ofDays(20));
        Objection objection = tender.raiseObjection(UUID.randomUUID(), NOW, UUID.randomUUID(), "异议", LAW);
        Objection answer = tender.answerObjection(objection.id(), NOW.plus(Duration.ofDays(3)).plusSeconds(1), "答复");
        assertThat(answer.late(NOW.plus(Duration.ofDays(4)))).isTrue();
    }

    @Test
    void reg22_theProcedureStaysSuspendedWhileAnyObjectionIsOpen() {
        Tender tender = published(Duration.ofDays(20));
        Objection first = tender.raiseObjection(UUID.randomUUID(), NOW, UUID.randomUUID(), "异议一", LAW);
        tender.raiseObjection(UUID.randomUUID(), NOW.plusSeconds(60), UUID.randomUUID(), "异议二", LAW);
        tender.answerObjection(first.id(), NOW.plus(Duration.ofDays(1)), "答复一");
        assertThat(tender.status()).isEqualTo(TenderStatus.SUSPENDED);
        assertThat(code(() -> tender.answerObjection(first.id(), NOW.plus(Duration.ofDays(1)), "again")))
                .isEqualTo(TenderingError.OBJECTION_NOT_FOUND);
    }

    // Law 28 / the deadline: bids in strictly before it; bidding closes at it.

    @Test
    void law28_bidsAreAcceptedUntilOneMillisecondBeforeTheDeadline() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        assertThat(tender.acceptsBids(deadline.minusMillis(1))).isTrue();
        assertThat(tender.acceptsBids(deadline)).isFalse();
    }

    @Test
    void law28_biddingClosesAtTheDeadlineAndNotBefore() {
        Tender tender = published(Duration.ofDays(20));
        assertThat(code(() -> tender.closeBidding(tender.bidDeadline().minusMillis(1))))
                .isEqualTo(TenderingError.DEADLINE_NOT_REACHED);
        tender.closeBidding(tender.bidDeadline());
        assertThat(tender.status()).isEqualTo(TenderStatus.BIDDING_CLOSED);
    }

    @Test
    void aSuspendedTenderCannotClose() {
        Tender tender = published(Duration.ofDays(20));
        tender.raiseObjection(UUID.randomUUID(), NOW, UUID.randomUUID(), "异议", LAW);
        assertThat(code(() -> tender.closeBidding(NOW.plus(Duration.ofDays(30))))).isEqualTo(TenderingError.INVALID_TENDER_STATE);
    }

    @Test
    void onlyADraftIsPublishedAndATerminatedTenderStaysTerminated() {
        Tender tender = published(Duration.ofDays(20));
        assertThat(code(() -> tender.publish(NOW, LAW, 1))).isEqualTo(TenderingError.INVALID_TENDER_STATE);
        assertThat(code(() -> tender.terminate(NOW, " "))).isEqualTo(TenderingError.INVALID_TENDER);
        tender.terminate(NOW, "项目取消");
        assertThat(code(() -> tender.terminate(NOW, "again"))).isEqualTo(TenderingError.INVALID_TENDER_STATE);
        assertThat(code(() -> tender.clarify(UUID.randomUUID(), NOW, "x", false, LAW))).isEqualTo(TenderingError.INVALID_TENDER_STATE);
    }

    @Test
    void aDraftNeedsADeadlineInTheFutureAndValidTerms() {
        assertThat(code(() -> draft(Duration.ZERO))).isEqualTo(TenderingError.INVALID_TENDER);
        assertThat(code(() -> terms(Duration.ofDays(20), Duration.ofDays(21), "1000", "10"))).isEqualTo(TenderingError.INVALID_TENDER);
    }

    // Issue 16: every method's lot is published through the same aggregate; a rule the method does not have is no
    // constraint. Rules as in V93 (the method's own rows plus ZFCG_COMMON's).

    /** 2026's Spring Festival: Feb 14 (Sat) worked, Feb 15–23 off. */
    static final org.sunbid.platform.catalog.WorkingDays SPRING_FESTIVAL_2026;

    static {
        Map<LocalDate, org.sunbid.platform.catalog.WorkingDays.DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 2, 14), org.sunbid.platform.catalog.WorkingDays.DayKind.WORKDAY);
        for (int d = 15; d <= 23; d++) {
            days.put(LocalDate.of(2026, 2, d), org.sunbid.platform.catalog.WorkingDays.DayKind.HOLIDAY);
        }
        SPRING_FESTIVAL_2026 = new org.sunbid.platform.catalog.WorkingDays(days);
    }

    static ProcedureRules method(String code, Map<String, Limit> own) {
        Map<String, Limit> rules = new HashMap<>(own);
        rules.put(RuleKeys.OBJECTION_ANSWER, Limit.of(7, LimitUnit.WORKING_DAY, "《政府采购法》第五十三条"));
        rules.put(RuleKeys.DEPOSIT_MAX, Limit.of(2, LimitUnit.PERCENT, "《政府采购法实施条例》第三十三条"));
        return new ProcedureRules(code, LocalDate.of(2026, 11, 23), rules, SPRING_FESTIVAL_2026);
    }


    static final ProcedureRules NEGOTIATION = method("ZFCG_NEGOTIATION", Map.of(
            RuleKeys.BIDDING_PERIOD, Limit.of(3, LimitUnit.WORKING_DAY, "财政部令第74号第二十九条（首次响应文件）"),
            RuleKeys.CLARIFICATION_NOTICE, Limit.of(3, LimitUnit.WORKING_DAY, "财政部令第74号第二十九条"),
            RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第十二条")));
    static final ProcedureRules INQUIRY = method("ZFCG_INQUIRY", Map.of(
            RuleKeys.BIDDING_PERIOD, Limit.of(3, LimitUnit.WORKING_DAY, "财政部令第74号第四十五条"),
            RuleKeys.CLARIFICATION_NOTICE, Limit.of(3, LimitUnit.WORKING_DAY, "财政部令第74号第四十五条"),
            RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第十二条")));
    static final ProcedureRules CONSULTATION = method("ZFCG_CONSULTATION", Map.of(
            RuleKeys.BIDDING_PERIOD, Limit.of(10, LimitUnit.DAY, "财库〔2014〕214号第十条"),
            RuleKeys.DOCUMENT_PERIOD, Limit.of(5, LimitUnit.WORKING_DAY, "财库〔2014〕214号第十条"),
            RuleKeys.CLARIFICATION_NOTICE, Limit.of(5, LimitUnit.DAY, "财库〔2014〕214号第十条"),
            RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "财库〔2014〕214号第六条")));
    static final ProcedureRules SINGLE_SOURCE = method("ZFCG_SINGLE_SOURCE", Map.of(
            RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "《政府采购法》第三十九条")));

    /** Beijing local time as an instant. */
    static Instant beijing(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(Limit.BEIJING).toInstant();
    }

    static Tender gpDraft(Instant now, Instant deadline, Instant documentsUntil, String deposit, ProcedureRules rules) {
        return Tender.draft(UUID.randomUUID(), UUID.randomUUID(), null, "990100",
                ProcurementTenderTest.terms(now, deadline, documentsUntil, "300000", deposit), now, rules);
    }

    @Test
    void gpl74_art29_negotiationResponsesAtLeastThreeWorkingDaysAfterTheInvitation() {
        // Thursday 2026-02-12: Fri 13 is the 1st working day, Sat 14 (调休) the 2nd, Feb 15–23 Spring Festival, Tue 24 the 3rd.
        Instant thursday = beijing("2026-02-12T09:30");
        Tender onTheHoliday = gpDraft(thursday, beijing("2026-02-23T23:59"), beijing("2026-02-13T17:00"), "0", NEGOTIATION);
        DomainException refused = onTheHoliday.publicationRefusal(thursday, NEGOTIATION, 1);
        assertThat(refused.errorCode()).isEqualTo(TenderingError.GP_RESPONSE_PERIOD_TOO_SHORT);
        assertThat(refused.arguments()).contains(3, "个工作日", "财政部令第74号第二十九条（首次响应文件）", "2026-02-24");
        assertThat(onTheHoliday.status()).isEqualTo(TenderStatus.DRAFT);

        // no document period (74号令 sets none), no deposit (the documents set none): published
        Tender third = gpDraft(thursday, beijing("2026-02-24T09:30"), beijing("2026-02-13T17:00"), "0", NEGOTIATION);
        third.publish(thursday, NEGOTIATION, 1);
        assertThat(third.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void gpl74_art29_aChangeWithinThreeWorkingDaysOfTheDeadlineMovesItByWorkingDays() {
        Instant monday = beijing("2026-11-23T09:30");
        Tender tender = gpDraft(monday, beijing("2026-11-30T09:30"), beijing("2026-11-24T17:00"), "0", NEGOTIATION);
        tender.publish(monday, NEGOTIATION, 1);
        // Wed 25 + 3 working days = Mon 30: a change up to the end of Wednesday leaves the deadline
        assertThat(tender.clarificationCutoff(NEGOTIATION)).isEqualTo(beijing("2026-11-26T00:00").minusMillis(1));
        Clarification wednesday = tender.clarify(UUID.randomUUID(), beijing("2026-11-25T23:00"), "更正：交货期", true, NEGOTIATION);
        assertThat(wednesday.deadlineMovedTo()).isNull();
        assertThat(tender.bidDeadline()).isEqualTo(beijing("2026-11-30T09:30"));
        // Thursday 26: three working days end on Tue Dec 1; the deadline moves there, at its own time of day
        Clarification thursday = tender.clarify(UUID.randomUUID(), beijing("2026-11-26T10:00"), "更正：技术参数", true, NEGOTIATION);
        assertThat(thursday.deadlineMovedTo()).isEqualTo(beijing("2026-12-01T09:30"));
        assertThat(tender.bidDeadline()).isEqualTo(beijing("2026-12-01T09:30"));
    }

    @Test
    void gpl74_art45_inquiryQuotationsAtLeastThreeWorkingDaysAfterTheInvitation() {
        // Friday 2026-11-27: Mon 30, Tue Dec 1, Wed Dec 2 are the three working days; the weekend does not count.
        Instant friday = beijing("2026-11-27T10:00");
        Tender tuesday = gpDraft(friday, beijing("2026-12-01T17:00"), beijing("2026-11-30T17:00"), "0", INQUIRY);
        assertThat(code(() -> tuesday.publish(friday, INQUIRY, 1))).isEqualTo(TenderingError.GP_RESPONSE_PERIOD_TOO_SHORT);
        assertThat(tuesday.status()).isEqualTo(TenderStatus.DRAFT);
        Tender wednesday = gpDraft(friday, beijing("2026-12-02T09:00"), beijing("2026-11-30T17:00"), "0", INQUIRY);
        wednesday.publish(friday, INQUIRY, 1);
        assertThat(wednesday.status()).isEqualTo(TenderStatus.PUBLISHED);
    }

    @Test
    void caiku214_art10_consultationTenDaysToTheFirstResponseAndDocumentsFiveWorkingDays() {
        Instant monday = beijing("2026-11-23T09:30");
        Instant documents = beijing("2026-11-30T17:00"); // the 5th working day after Monday
        Tender short_ = gpDraft(monday, monday.plus(Duration.ofDays(10)).minusSeconds(60), documents, "6000", CONSULTATION);
        assertThat(code(() -> short_.publish(monday, CONSULTATION, 1))).isEqualTo(TenderingError.GP_RESPONSE_PERIOD_TOO_SHORT);
        Tender fewDocumentDays = gpDraft(monday, monday.plus(Duration.ofDays(10)), beijing("2026-11-27T17:00"), "6000", CONSULTATION);
        assertThat(code(() -> fewDocumentDays.publish(monday, CONSULTATION, 1)))
                .isEqualTo(TenderingError.GPL87_18_DOCUMENT_PERIOD_TOO_SHORT);
        Tender tenDays = gpDraft(monday, monday.plus(Duration.ofDays(10)), documents, "6000", CONSULTATION);
        tenDays.publish(monday, CONSULTATION, 1);
        assertThat(tenDays.status()).isEqualTo(TenderStatus.PUBLISHED);
        // changes at least 5 日 before the deadline (财库〔2014〕214号 Art. 10)
        assertThat(tenDays.clarificationCutoff(CONSULTATION)).isEqualTo(monday.plus(Duration.ofDays(5)));
        // the deposit ceiling (条例 Art. 33, common to every method) still holds: 2% of 300000 is 6000
        assertThat(code(() -> gpDraft(monday, monday.plus(Duration.ofDays(10)), documents, "6000.01", CONSULTATION)))
                .isEqualTo(TenderingError.GPR_33_DEPOSIT_TOO_HIGH);
    }

    @Test
    void gpl_art39_singleSourceHasNoResponsePeriodToRespect() {
        Instant monday = beijing("2026-11-23T09:30");
        Tender tender = gpDraft(monday, beijing("2026-11-24T09:30"), beijing("2026-11-24T09:30"), "0", SINGLE_SOURCE);
        tender.publish(monday, SINGLE_SOURCE, 1);
        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
        assertThat(tender.clarificationCutoff(SINGLE_SOURCE)).isEqualTo(tender.bidDeadline());
    }

    @Test
    void gpl74_art12_anInvitationOnlyLotGoesOutToAtLeastThreeInvitedSuppliers() {
        ProcedureRules inquiry = method("ZFCG_INQUIRY", Map.of(
                RuleKeys.INVITED_MIN, Limit.of(3, LimitUnit.COUNT, "财政部令第74号第十二条"),
                RuleKeys.INVITATION_ONLY, Limit.of(1, LimitUnit.FLAG, "财政部令第74号第十二条")));
        DomainException two = Tender.invitationRefusal(inquiry, 2);
        assertThat(two.errorCode()).isEqualTo(TenderingError.GP_INVITED_TOO_FEW);
        assertThat(two.arguments()).containsExactly(3, 2, "财政部令第74号第十二条");
        assertThat(Tender.invitationRefusal(inquiry, 3)).isNull();
        // an open notice has no invitation list
        assertThat(Tender.invitationRefusal(LAW, 0)).isNull();
    }

    // 政府采购法 Art. 57 / 94号令 Art. 28 / 招标投标法实施条例 Art. 62: a complaint's suspension, a second cause.

    @Test
    void gpl_art57_aComplaintsSuspensionRefusesBidsWhileInForceAndMovesTheDeadlineByItsTime() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        Instant from = NOW.plus(Duration.ofDays(5));
        Instant until = from.plus(Duration.ofDays(10));
        tender.suspendForComplaint(UUID.randomUUID(), from, until);

        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED); // the objections' state is not touched
        assertThat(tender.acceptsBids(from.minusMillis(1))).isTrue();
        assertThat(tender.acceptsBids(from)).isFalse();
        assertThat(tender.suspendedByComplaint(until.minusMillis(1))).isTrue();
        assertThat(tender.acceptsBids(until.minusMillis(1))).isFalse();
        assertThat(tender.acceptsBids(until)).isTrue(); // it ends by itself at its end instant
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(10)));
    }

    @Test
    void gpl_art57_liftedEarlyTheDeadlineGivesBackTheTimeNotSuspended() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        UUID complaint = UUID.randomUUID();
        Instant from = NOW.plus(Duration.ofDays(5));
        tender.suspendForComplaint(complaint, from, from.plus(Duration.ofDays(10)));
        Instant lifted = from.plus(Duration.ofDays(4));

        assertThat(tender.endComplaintSuspension(complaint, lifted)).isPresent();

        assertThat(tender.acceptsBids(lifted)).isTrue();
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(4)));
        assertThat(tender.endComplaintSuspension(complaint, lifted.plusSeconds(1))).isEmpty(); // nothing in force any more
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(4)));
    }

    @Test
    void gpl_art57_reg22_anObjectionAndAComplaintOverlapAndTheDeadlineMovesByTheUnionOnce() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        Objection objection = tender.raiseObjection(UUID.randomUUID(), NOW, UUID.randomUUID(), "异议", LAW);
        UUID complaint = UUID.randomUUID();
        // objection [0, 2d); complaint [1d, 4d): suspended in all [0, 4d)
        tender.suspendForComplaint(complaint, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(4)));
        tender.answerObjection(objection.id(), NOW.plus(Duration.ofDays(2)), "答复");

        assertThat(tender.status()).isEqualTo(TenderStatus.PUBLISHED);
        assertThat(tender.acceptsBids(NOW.plus(Duration.ofDays(2)))).isFalse(); // the complaint's cause is still in force
        assertThat(tender.acceptsBids(NOW.plus(Duration.ofDays(4)))).isTrue();
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(4)));
    }

    @Test
    void gpl_art57_twoComplaintsOverlapAndEachEndsOnItsOwn() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        tender.suspendForComplaint(first, NOW, NOW.plus(Duration.ofDays(10)));
        tender.suspendForComplaint(second, NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(20)));
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(20)));

        tender.endComplaintSuspension(first, NOW.plus(Duration.ofDays(7))); // the second still covers it
        assertThat(tender.acceptsBids(NOW.plus(Duration.ofDays(7)))).isFalse();
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(20)));

        tender.endComplaintSuspension(second, NOW.plus(Duration.ofDays(8))); // suspended in all [0, 8d)
        assertThat(tender.acceptsBids(NOW.plus(Duration.ofDays(8)))).isTrue();
        assertThat(tender.bidDeadline()).isEqualTo(deadline.plus(Duration.ofDays(8)));
    }

    @Test
    void gpl_art57_aSuspensionAfterTheDeadlineMovesNothingButHoldsTheLot() {
        Tender tender = published(Duration.ofDays(20));
        Instant deadline = tender.bidDeadline();
        tender.closeBidding(deadline);
        UUID complaint = UUID.randomUUID();
        tender.suspendForComplaint(complaint, deadline.plus(Duration.ofDays(1)), deadline.plus(Duration.ofDays(3)));

        assertThat(tender.bidDeadline()).isEqualTo(deadline);
        assertThat(tender.suspendedByComplaint(deadline.plus(Duration.ofDays(2)))).isTrue();
        assertThat(code(() -> tender.suspendForComplaint(complaint, deadline.plus(Duration.ofDays(2)),
                deadline.plus(Duration.ofDays(5))))).isEqualTo(TenderingError.INVALID_TENDER_STATE); // one at a time per complaint
        assertThat(code(() -> tender.suspendForComplaint(UUID.randomUUID(), deadline.plus(Duration.ofDays(2)),
                deadline.plus(Duration.ofDays(2))))).isEqualTo(TenderingError.INVALID_TENDER);
    }
}
