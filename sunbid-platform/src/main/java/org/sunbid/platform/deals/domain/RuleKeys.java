package org.sunbid.platform.deals.domain;

/** The keys of the procedures' rules, as stored in {@code procedure_rule.rule_key}. */
public final class RuleKeys {

    /** From issuing the documents to the bid deadline (Law 24; 政府采购法 Art. 35): 20 日. */
    public static final String BIDDING_PERIOD = "BIDDING_PERIOD";
    /** Documents available (Reg. 16: 5 日; 87号令 Art. 18: 5 工作日). */
    public static final String DOCUMENT_PERIOD = "DOCUMENT_PERIOD";
    /** The notice's period (87号令 Art. 16: 5 工作日). */
    public static final String NOTICE_PERIOD = "NOTICE_PERIOD";
    /** Changes affecting bids this long before the deadline, else it moves (Law 23 / Reg. 21; 87号令 Art. 27). */
    public static final String CLARIFICATION_NOTICE = "CLARIFICATION_NOTICE";
    /** Objections to the documents up to this long before the deadline (Reg. 22). */
    public static final String OBJECTION_CUTOFF = "OBJECTION_CUTOFF";
    /** An objection is answered within (Reg. 22: 3 日; 政府采购法 Art. 53: 7 工作日). */
    public static final String OBJECTION_ANSWER = "OBJECTION_ANSWER";
    /** Deposit ceiling, percent of the estimated price or budget (Reg. 26; 条例 Art. 33). */
    public static final String DEPOSIT_MAX = "DEPOSIT_MAX";
    /** Procurement intention published at least this long before (财库〔2020〕10号). */
    public static final String PROCUREMENT_INTENTION = "PROCUREMENT_INTENTION";
    /** Candidates' publicity (Reg. 54). */
    public static final String CANDIDATE_PUBLICITY = "CANDIDATE_PUBLICITY";
    /** The purchaser decides the award within (条例 Art. 43). */
    public static final String AWARD_DECISION = "AWARD_DECISION";
    /** Result notice within … of the award (87号令 Art. 69). */
    public static final String RESULT_NOTICE = "RESULT_NOTICE";
    /** The result notice's period (87号令 Art. 69). */
    public static final String RESULT_NOTICE_PERIOD = "RESULT_NOTICE_PERIOD";
    /** Contract within … of the award notice (Law 46; 政府采购法 Art. 46). */
    public static final String CONTRACT_PERIOD = "CONTRACT_PERIOD";
    /** The contract published within (条例 Art. 50). */
    public static final String CONTRACT_PUBLICATION = "CONTRACT_PUBLICATION";
    /** Deposits refunded within (Reg. 57; 87号令 Art. 38). */
    public static final String DEPOSIT_REFUND = "DEPOSIT_REFUND";
    /** A late deposit refund's charge: the benchmark loan rate raised by this percentage (87号令 Art. 38: 20%). */
    public static final String LATE_REFUND_MARKUP = "LATE_REFUND_MARKUP";
    /** The smallest panel (Law 37; 87号令 Art. 47). */
    public static final String PANEL_MIN = "PANEL_MIN";
    /** The smallest panel for a large budget (87号令 Art. 47). */
    public static final String PANEL_MIN_LARGE = "PANEL_MIN_LARGE";
    /** The budget from which the large panel applies (87号令 Art. 47). */
    public static final String PANEL_LARGE_BUDGET = "PANEL_LARGE_BUDGET";
    /** The least price weight for goods under 综合评分法 (87号令 Art. 55). */
    public static final String PRICE_WEIGHT_GOODS_MIN = "PRICE_WEIGHT_GOODS_MIN";
    /** The least price weight for services (87号令 Art. 55). */
    public static final String PRICE_WEIGHT_SERVICES_MIN = "PRICE_WEIGHT_SERVICES_MIN";
    /** Small/micro enterprises' price deduction, lower bound (财库〔2020〕46号 → 财库〔2022〕19号). */
    public static final String SME_DEDUCTION_MIN = "SME_DEDUCTION_MIN";
    /** Small/micro enterprises' price deduction, upper bound. */
    public static final String SME_DEDUCTION_MAX = "SME_DEDUCTION_MAX";
    /** Domestic-product price preference (国办发〔2025〕34号). */
    public static final String DOMESTIC_PREFERENCE = "DOMESTIC_PREFERENCE";
    /** Abnormally low price: below this share of the mean of compliant bids (财库〔2026〕2号). */
    public static final String LOW_PRICE_MEAN = "LOW_PRICE_MEAN";
    /** Abnormally low price: below this share of the next-lowest bid. */
    public static final String LOW_PRICE_NEXT = "LOW_PRICE_NEXT";
    /** Abnormally low price: below this share of the price cap. */
    public static final String LOW_PRICE_CAP = "LOW_PRICE_CAP";
    /** The purchaser may raise the three triggers up to this share. */
    public static final String LOW_PRICE_RAISE_MAX = "LOW_PRICE_RAISE_MAX";
    /** The supplier's time to explain an abnormally low price, at least. */
    public static final String LOW_PRICE_EXPLANATION = "LOW_PRICE_EXPLANATION";

    /** Fewer bids than this passing the qualification and compliance review: no evaluation (87号令 Art. 44). */
    public static final String QUALIFIED_MIN = "QUALIFIED_MIN";
    /** The consortium/subcontract SME deduction, lower bound (财库〔2020〕46号 Art. 9 → 财库〔2022〕19号). */
    public static final String SME_CONSORTIUM_MIN = "SME_CONSORTIUM_MIN";
    /** The consortium/subcontract SME deduction, upper bound. */
    public static final String SME_CONSORTIUM_MAX = "SME_CONSORTIUM_MAX";
    /** The small/micro share of a consortium or subcontract that earns the lower deduction ("30%以上"). */
    public static final String SME_CONSORTIUM_SHARE = "SME_CONSORTIUM_SHARE";

    private RuleKeys() {
    }
}
