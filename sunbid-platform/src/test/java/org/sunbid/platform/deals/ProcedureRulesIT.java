package org.sunbid.platform.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;

/**
 * The procedures' rules as maintained (V60), each named after its article; each dated rule on each side of its change
 * date.
 */
class ProcedureRulesIT extends PlatformIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Autowired
    Procedures procedures;

    ProcedureRules gp(LocalDate date) {
        return procedures.rules("ZFCG_OPEN_TENDER", date);
    }

    ProcedureRules construction() {
        return procedures.rules("GCJS_OPEN_TENDER", TODAY);
    }

    static void is(Limit limit, long amount, LimitUnit unit, String article) {
        assertThat(limit.plain()).isEqualTo(Long.toString(amount));
        assertThat(limit.unit()).isEqualTo(unit);
        assertThat(limit.article()).contains(article);
    }

    @Test
    void theCatalogueHoldsEveryKindsProceduresAndTheProcurementMethodsRun() {
        assertThat(procedures.all()).extracting(ProcedureView::code).contains("GCJS_OPEN_TENDER", "GCJS_INVITED_TENDER",
                "ZFCG_OPEN_TENDER", "ZFCG_NEGOTIATION", "ZFCG_CONSULTATION", "ZFCG_INQUIRY", "ZFCG_SINGLE_SOURCE",
                "ZFCG_FRAMEWORK", "TDSYQ_AUCTION", "TDSYQ_LISTING", "KYQ_AUCTION", "GYCQ_ONLINE_BIDDING");
        assertThat(procedures.all()).filteredOn(ProcedureView::runnable).extracting(ProcedureView::code)
                .containsExactly("GCJS_OPEN_TENDER", "ZFCG_OPEN_TENDER", "ZFCG_INVITED_TENDER", "ZFCG_NEGOTIATION",
                        "ZFCG_CONSULTATION", "ZFCG_INQUIRY", "ZFCG_SINGLE_SOURCE", "ZFCG_FRAMEWORK", "TDSYQ_AUCTION", "TDSYQ_LISTING",
                        "KYQ_AUCTION", "KYQ_LISTING", "GYCQ_ONLINE_BIDDING", "GYCQ_CAPITAL_INCREASE", "GYCQ_ASSET_TRANSFER");
        assertThat(procedures.all()).extracting(ProcedureView::code).doesNotContain("ZFCG_COMMON", "TDSYQ_COMMON",
                "KYQ_COMMON", "GYCQ_COMMON");
        assertThat(procedures.get("ZFCG_NEGOTIATION").nameZh()).isEqualTo("竞争性谈判");
        assertThat(procedures.get("GCJS_OPEN_TENDER").steps()).startsWith("NOTICE").contains("CANDIDATE_PUBLICITY");
        assertThat(procedures.get("ZFCG_OPEN_TENDER").kind()).isEqualTo(DealKind.ZFCG);
    }

    @Test
    void law24_reg16_law23_reg22_reg26_reg54_law46_reg57_law37_constructionKeepsTheLawsValues() {
        ProcedureRules r = construction();
        is(r.limit(RuleKeys.BIDDING_PERIOD), 20, LimitUnit.DAY, "第二十四条");
        is(r.limit(RuleKeys.DOCUMENT_PERIOD), 5, LimitUnit.DAY, "第十六条");
        is(r.limit(RuleKeys.CLARIFICATION_NOTICE), 15, LimitUnit.DAY, "第二十三条");
        is(r.limit(RuleKeys.OBJECTION_CUTOFF), 10, LimitUnit.DAY, "第二十二条");
        is(r.limit(RuleKeys.OBJECTION_ANSWER), 3, LimitUnit.DAY, "第二十二条");
        is(r.limit(RuleKeys.DEPOSIT_MAX), 2, LimitUnit.PERCENT, "第二十六条");
        is(r.limit(RuleKeys.CANDIDATE_PUBLICITY), 3, LimitUnit.DAY, "第五十四条");
        is(r.limit(RuleKeys.CONTRACT_PERIOD), 30, LimitUnit.DAY, "第四十六条");
        is(r.limit(RuleKeys.DEPOSIT_REFUND), 5, LimitUnit.DAY, "第五十七条");
        is(r.limit(RuleKeys.PANEL_MIN), 5, LimitUnit.COUNT, "第三十七条");
    }

    @Test
    void gpl87_art16_noticeRunsFiveWorkingDays() {
        is(gp(TODAY).limit(RuleKeys.NOTICE_PERIOD), 5, LimitUnit.WORKING_DAY, "87号第十六条");
    }

    @Test
    void gpl87_art18_documentsAvailableFiveWorkingDays() {
        is(gp(TODAY).limit(RuleKeys.DOCUMENT_PERIOD), 5, LimitUnit.WORKING_DAY, "87号第十八条");
    }

    @Test
    void gpl_art35_twentyDaysFromTheDocumentsToTheDeadline() {
        is(gp(TODAY).limit(RuleKeys.BIDDING_PERIOD), 20, LimitUnit.DAY, "《政府采购法》第三十五条");
    }

    @Test
    void gpl87_art27_changesFifteenDaysBeforeTheDeadline() {
        is(gp(TODAY).limit(RuleKeys.CLARIFICATION_NOTICE), 15, LimitUnit.DAY, "87号第二十七条");
    }

    @Test
    void gpr_art33_depositAtMostTwoPercentOfTheBudget() {
        is(gp(TODAY).limit(RuleKeys.DEPOSIT_MAX), 2, LimitUnit.PERCENT, "实施条例》第三十三条");
    }

    @Test
    void caiku2020_10_procurementIntentionThirtyDaysBefore() {
        is(gp(TODAY).limit(RuleKeys.PROCUREMENT_INTENTION), 30, LimitUnit.DAY, "财库〔2020〕10号");
    }

    @Test
    void gpr_art43_awardDecisionWithinFiveWorkingDays() {
        is(gp(TODAY).limit(RuleKeys.AWARD_DECISION), 5, LimitUnit.WORKING_DAY, "第四十三条");
    }

    @Test
    void gpl87_art69_resultNoticeWithinTwoWorkingDaysForOneWorkingDay() {
        is(gp(TODAY).limit(RuleKeys.RESULT_NOTICE), 2, LimitUnit.WORKING_DAY, "87号第六十九条");
        is(gp(TODAY).limit(RuleKeys.RESULT_NOTICE_PERIOD), 1, LimitUnit.WORKING_DAY, "87号第六十九条");
    }

    @Test
    void gpl_art46_gpr_art50_contractWithinThirtyDaysPublishedWithinTwoWorkingDays() {
        is(gp(TODAY).limit(RuleKeys.CONTRACT_PERIOD), 30, LimitUnit.DAY, "《政府采购法》第四十六条");
        is(gp(TODAY).limit(RuleKeys.CONTRACT_PUBLICATION), 2, LimitUnit.WORKING_DAY, "第五十条");
    }

    @Test
    void gpl87_art38_depositsRefundedWithinFiveWorkingDays() {
        is(gp(TODAY).limit(RuleKeys.DEPOSIT_REFUND), 5, LimitUnit.WORKING_DAY, "87号第三十八条");
    }

    @Test
    void gpl87_art47_panelOfFiveOrSevenFromTenMillionYuan() {
        is(gp(TODAY).limit(RuleKeys.PANEL_MIN), 5, LimitUnit.COUNT, "87号第四十七条");
        is(gp(TODAY).limit(RuleKeys.PANEL_MIN_LARGE), 7, LimitUnit.COUNT, "87号第四十七条");
        is(gp(TODAY).limit(RuleKeys.PANEL_LARGE_BUDGET), 10_000_000, LimitUnit.YUAN, "87号第四十七条");
    }

    @Test
    void gpl87_art55_priceWeightAtLeastThirtyPercentForGoodsTenForServices() {
        is(gp(TODAY).limit(RuleKeys.PRICE_WEIGHT_GOODS_MIN), 30, LimitUnit.PERCENT, "87号第五十五条");
        is(gp(TODAY).limit(RuleKeys.PRICE_WEIGHT_SERVICES_MIN), 10, LimitUnit.PERCENT, "87号第五十五条");
    }

    @Test
    void caiku2020_46_smallAndMicroDeductionSixToTenPercentUntil30June2022() {
        ProcedureRules r = gp(LocalDate.of(2022, 6, 30));
        is(r.limit(RuleKeys.SME_DEDUCTION_MIN), 6, LimitUnit.PERCENT, "财库〔2020〕46号");
        is(r.limit(RuleKeys.SME_DEDUCTION_MAX), 10, LimitUnit.PERCENT, "财库〔2020〕46号");
    }

    @Test
    void caiku2022_19_smallAndMicroDeductionTenToTwentyPercentFrom1July2022() {
        ProcedureRules r = gp(LocalDate.of(2022, 7, 1));
        is(r.limit(RuleKeys.SME_DEDUCTION_MIN), 10, LimitUnit.PERCENT, "财库〔2022〕19号");
        is(r.limit(RuleKeys.SME_DEDUCTION_MAX), 20, LimitUnit.PERCENT, "财库〔2022〕19号");
    }

    @Test
    void guobanfa2025_34_domesticProductPreferenceTwentyPercentFrom2026AndNoneBefore() {
        assertThat(gp(LocalDate.of(2025, 12, 31)).find(RuleKeys.DOMESTIC_PREFERENCE)).isEmpty();
        is(gp(LocalDate.of(2026, 1, 1)).limit(RuleKeys.DOMESTIC_PREFERENCE), 20, LimitUnit.PERCENT, "国办发〔2025〕34号");
    }

    @Test
    void caiku2026_2_abnormallyLowPriceTriggersFrom1February2026AndNoneBefore() {
        ProcedureRules before = gp(LocalDate.of(2026, 1, 31));
        assertThat(before.find(RuleKeys.LOW_PRICE_MEAN)).isEmpty();
        assertThat(before.find(RuleKeys.LOW_PRICE_EXPLANATION)).isEmpty();
        ProcedureRules r = gp(LocalDate.of(2026, 2, 1));
        is(r.limit(RuleKeys.LOW_PRICE_MEAN), 50, LimitUnit.PERCENT, "财库〔2026〕2号");
        is(r.limit(RuleKeys.LOW_PRICE_NEXT), 50, LimitUnit.PERCENT, "财库〔2026〕2号");
        is(r.limit(RuleKeys.LOW_PRICE_CAP), 45, LimitUnit.PERCENT, "财库〔2026〕2号");
        is(r.limit(RuleKeys.LOW_PRICE_RAISE_MAX), 65, LimitUnit.PERCENT, "财库〔2026〕2号");
        is(r.limit(RuleKeys.LOW_PRICE_EXPLANATION), 30, LimitUnit.MINUTE, "财库〔2026〕2号");
    }

    @Test
    void everyMaintainedRuleHasVersionsWithoutOverlapOrGap() {
        for (ProcedureView p : procedures.all()) {
            procedures.versions(p.code()); // RuleBook refuses an overlap or a gap
        }
        assertThat(procedures.versions("ZFCG_OPEN_TENDER")).hasSizeGreaterThan(20);
    }

    // issue 16: every method states only what differs; the rest comes from the kind's common rules (V93)

    @Test
    void aMethodInheritsTheCommonRulesAndStatesOnlyWhatDiffers() {
        for (String code : java.util.List.of("ZFCG_OPEN_TENDER", "ZFCG_INVITED_TENDER", "ZFCG_NEGOTIATION",
                "ZFCG_CONSULTATION", "ZFCG_INQUIRY", "ZFCG_SINGLE_SOURCE")) {
            ProcedureRules r = procedures.rules(code, TODAY);
            is(r.limit(RuleKeys.AWARD_DECISION), 5, LimitUnit.WORKING_DAY, "第四十三条");
            is(r.limit(RuleKeys.CHALLENGE_PERIOD), 7, LimitUnit.WORKING_DAY, "第五十二条");
            is(r.limit(RuleKeys.OPEN_TENDER_THRESHOLD), 4000000, LimitUnit.YUAN, "第二十七条");
            assertThat(r.procedureCode()).isEqualTo(code);
        }
        // the nearest procedure up the chain decides: 邀请招标 takes the open tender's 20 days, 询价 its own 3 working days
        is(procedures.rules("ZFCG_INVITED_TENDER", TODAY).limit(RuleKeys.BIDDING_PERIOD), 20, LimitUnit.DAY, "第三十五条");
        is(procedures.rules("ZFCG_INQUIRY", TODAY).limit(RuleKeys.BIDDING_PERIOD), 3, LimitUnit.WORKING_DAY, "第四十五条");
        // the common set is no procedure one can choose
        assertThat(procedures.find("ZFCG_COMMON")).isEmpty();
        // the versions the public catalogue shows include the inherited ones, each once
        assertThat(procedures.versions("ZFCG_NEGOTIATION")).extracting(RuleVersionKey::of)
                .contains("SME_DEDUCTION_MIN@2021-01-01", "SME_DEDUCTION_MIN@2022-07-01", "BIDDING_PERIOD@2014-02-01")
                .doesNotHaveDuplicates();
    }

    // issue 16 (A): the prior approval of any method but the open tender is a FLAG rule, not a branch on a procedure's name

    @Test
    void gpl_art27_everyMethodButTheOpenTenderNeedsApprovalAboveTheThreshold() {
        for (String code : java.util.List.of("ZFCG_INVITED_TENDER", "ZFCG_NEGOTIATION", "ZFCG_CONSULTATION", "ZFCG_INQUIRY",
                "ZFCG_SINGLE_SOURCE")) {
            assertThat(procedures.rules(code, TODAY).holds(RuleKeys.METHOD_APPROVAL)).as(code).isTrue();
            assertThat(procedures.rules(code, TODAY).limit(RuleKeys.METHOD_APPROVAL).article()).contains("第二十七条");
        }
        assertThat(procedures.rules("ZFCG_OPEN_TENDER", TODAY).holds(RuleKeys.METHOD_APPROVAL)).isFalse();
        assertThat(procedures.rules("GCJS_OPEN_TENDER", TODAY).holds(RuleKeys.METHOD_APPROVAL)).isFalse();
    }

    record RuleVersionKey() {
        static String of(org.sunbid.platform.deals.domain.RuleVersion v) {
            return v.key() + "@" + v.effectiveFrom();
        }
    }

    @Test
    void gpl_art27_otherMethodsNeedApprovalAboveFourMillionYuan() {
        is(procedures.rules("ZFCG_NEGOTIATION", TODAY).limit(RuleKeys.OPEN_TENDER_THRESHOLD), 4000000, LimitUnit.YUAN, "国办发〔2019〕55号");
    }

    @Test
    void gpl87_art14_invitedTenderDrawsThreeFromAPoolTwiceAsLargeWithTwoWitnesses() {
        ProcedureRules r = procedures.rules("ZFCG_INVITED_TENDER", TODAY);
        is(r.limit(RuleKeys.INVITED_MIN), 3, LimitUnit.COUNT, "第十四条");
        is(r.limit(RuleKeys.INVITATION_POOL_FACTOR), 2, LimitUnit.COUNT, "第十四条");
        is(r.limit(RuleKeys.DRAW_WITNESSES_MIN), 2, LimitUnit.COUNT, "第十四条");
        assertThat(r.holds(RuleKeys.INVITATION_ONLY)).isTrue();
        assertThat(procedures.rules("ZFCG_OPEN_TENDER", TODAY).holds(RuleKeys.INVITATION_ONLY)).isFalse();
    }

    @Test
    void gpl74_art7_art12_art29_art33_negotiationThreeWorkingDaysThreeInvitedPanelOfThreeOrFive() {
        ProcedureRules r = procedures.rules("ZFCG_NEGOTIATION", TODAY);
        is(r.limit(RuleKeys.BIDDING_PERIOD), 3, LimitUnit.WORKING_DAY, "第二十九条");
        is(r.limit(RuleKeys.CLARIFICATION_NOTICE), 3, LimitUnit.WORKING_DAY, "第二十九条");
        is(r.limit(RuleKeys.INVITED_MIN), 3, LimitUnit.COUNT, "第十二条");
        is(r.limit(RuleKeys.RECOMMENDED_MAX), 50, LimitUnit.PERCENT, "第十二条");
        is(r.limit(RuleKeys.PANEL_MIN), 3, LimitUnit.COUNT, "第七条");
        is(r.limit(RuleKeys.PANEL_MIN_LARGE), 5, LimitUnit.COUNT, "第七条");
        is(r.limit(RuleKeys.FINAL_OFFERS_MIN), 3, LimitUnit.COUNT, "第三十三条");
        assertThat(r.holds(RuleKeys.NEGOTIATION_ROUNDS)).isTrue();
        assertThat(r.holds(RuleKeys.LOWEST_PRICE_ONLY)).isTrue();
        assertThat(r.holds(RuleKeys.COMPREHENSIVE_ONLY)).isFalse();
    }

    @Test
    void caiku2014_214_art10_art24_consultationTenDaysPriceWeightBands_caiku2015_124_twoSufficeForServices() {
        ProcedureRules r = procedures.rules("ZFCG_CONSULTATION", TODAY);
        is(r.limit(RuleKeys.BIDDING_PERIOD), 10, LimitUnit.DAY, "第十条");
        is(r.limit(RuleKeys.PRICE_WEIGHT_GOODS_MIN), 30, LimitUnit.PERCENT, "第二十四条");
        is(r.limit(RuleKeys.PRICE_WEIGHT_GOODS_MAX), 60, LimitUnit.PERCENT, "第二十四条");
        is(r.limit(RuleKeys.PRICE_WEIGHT_SERVICES_MIN), 10, LimitUnit.PERCENT, "第二十四条");
        is(r.limit(RuleKeys.PRICE_WEIGHT_SERVICES_MAX), 30, LimitUnit.PERCENT, "第二十四条");
        is(r.limit(RuleKeys.FINAL_OFFERS_MIN_SERVICES), 2, LimitUnit.COUNT, "124号");
        assertThat(procedures.rules("ZFCG_CONSULTATION", LocalDate.of(2015, 6, 29)).find(RuleKeys.FINAL_OFFERS_MIN_SERVICES)).isEmpty();
        assertThat(r.holds(RuleKeys.COMPREHENSIVE_ONLY)).isTrue();
    }

    @Test
    void gpl74_art45_art47_art51_inquiryThreeWorkingDaysOneFixedOfferNoNegotiation() {
        ProcedureRules r = procedures.rules("ZFCG_INQUIRY", TODAY);
        is(r.limit(RuleKeys.BIDDING_PERIOD), 3, LimitUnit.WORKING_DAY, "第四十五条");
        assertThat(r.holds(RuleKeys.NEGOTIATION_ROUNDS)).isFalse();
        assertThat(r.holds(RuleKeys.LOWEST_PRICE_ONLY)).isTrue();
    }

    @Test
    void gpr_art38_gpl74_art40_art43_singleSourcePublicityFiveWorkingDaysReviewFiveAPriceAboveBudgetStops() {
        ProcedureRules r = procedures.rules("ZFCG_SINGLE_SOURCE", TODAY);
        is(r.limit(RuleKeys.SINGLE_SOURCE_PUBLICITY), 5, LimitUnit.WORKING_DAY, "第三十八条");
        is(r.limit(RuleKeys.SINGLE_SOURCE_REVIEW), 5, LimitUnit.WORKING_DAY, "第四十条");
        is(r.limit(RuleKeys.OPENING_MIN), 1, LimitUnit.COUNT, "第三十一条");
        assertThat(r.holds(RuleKeys.BUDGET_STOPS)).isTrue();
    }

    @Test
    void gpl_art52_55_56_57_gpr_art52_mof94_challengeAndComplaintLimits() {
        ProcedureRules r = procedures.rules("ZFCG_INQUIRY", TODAY);
        is(r.limit(RuleKeys.INQUIRY_ANSWER), 3, LimitUnit.WORKING_DAY, "第五十二条");
        is(r.limit(RuleKeys.CHALLENGE_ANSWER), 7, LimitUnit.WORKING_DAY, "第五十三条");
        is(r.limit(RuleKeys.COMPLAINT_PERIOD), 15, LimitUnit.WORKING_DAY, "第五十五条");
        is(r.limit(RuleKeys.COMPLAINT_INTAKE), 5, LimitUnit.WORKING_DAY, "第二十一条");
        is(r.limit(RuleKeys.COMPLAINT_COPY), 8, LimitUnit.WORKING_DAY, "第二十一条");
        is(r.limit(RuleKeys.COMPLAINT_REPLY), 5, LimitUnit.WORKING_DAY, "第二十二条");
        is(r.limit(RuleKeys.COMPLAINT_DECISION), 30, LimitUnit.WORKING_DAY, "第五十六条");
        is(r.limit(RuleKeys.COMPLAINT_SUSPENSION_MAX), 30, LimitUnit.DAY, "第五十七条");
        is(r.limit(RuleKeys.UNFOUNDED_COMPLAINTS_MAX), 3, LimitUnit.COUNT, "第三十七条");
    }

    @Test
    void reg60_reg61_constructionComplaintWithinTenDaysDecidedWithinThirtyWorkingDays() {
        is(construction().limit(RuleKeys.COMPLAINT_PERIOD), 10, LimitUnit.DAY, "第六十条");
        is(construction().limit(RuleKeys.COMPLAINT_INTAKE), 3, LimitUnit.WORKING_DAY, "第六十一条");
        is(construction().limit(RuleKeys.COMPLAINT_DECISION), 30, LimitUnit.WORKING_DAY, "第六十一条");
    }
}
