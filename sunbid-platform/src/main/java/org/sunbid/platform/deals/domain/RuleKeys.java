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

    // issue 16: the procurement methods beyond the open tender, challenges and complaints
    /** 公开招标数额标准 (YUAN): above it another method needs the finance department's approval (政府采购法 Art. 27). */
    public static final String OPEN_TENDER_THRESHOLD = "OPEN_TENDER_THRESHOLD";
    /** Fewest suppliers invited (87号令 Art. 14; 74号令 Art. 12). */
    public static final String INVITED_MIN = "INVITED_MIN";
    /** Most of the invitees the purchaser may recommend, in % (74号令 Art. 12). */
    public static final String RECOMMENDED_MAX = "RECOMMENDED_MAX";
    /** A database or recommended pool holds at least this many times the number drawn (87号令 Art. 14). */
    public static final String INVITATION_POOL_FACTOR = "INVITATION_POOL_FACTOR";
    /** Fewest purchaser staff witnessing the invitation draw (87号令 Art. 14). */
    public static final String DRAW_WITNESSES_MIN = "DRAW_WITNESSES_MIN";
    /** FLAG: only invited suppliers may take part. */
    public static final String INVITATION_ONLY = "INVITATION_ONLY";
    /** Fewest valid bids or responses for an opening (87号令 Art. 41; 74号令 Art. 37/50). */
    public static final String OPENING_MIN = "OPENING_MIN";
    /** Fewest final offers (74号令 Art. 33; 214号 Art. 21). */
    public static final String FINAL_OFFERS_MIN = "FINAL_OFFERS_MIN";
    /** Fewest final offers for bought services (财库〔2015〕124号: 2 may go on). */
    public static final String FINAL_OFFERS_MIN_SERVICES = "FINAL_OFFERS_MIN_SERVICES";
    /** FLAG: the panel negotiates in rounds with each supplier alone (74号令 Art. 31–32; 214号 Art. 17–18). */
    public static final String NEGOTIATION_ROUNDS = "NEGOTIATION_ROUNDS";
    /** Least time to respond to a change made during negotiation (every supplier told in writing). */
    public static final String ROUND_CHANGE_RESPONSE = "ROUND_CHANGE_RESPONSE";
    /** FLAG: the lowest compliant price wins; no scoring (74号令 Art. 36, 49). */
    public static final String LOWEST_PRICE_ONLY = "LOWEST_PRICE_ONLY";
    /** FLAG: comprehensive scoring only (214号 Art. 23). */
    public static final String COMPREHENSIVE_ONLY = "COMPREHENSIVE_ONLY";
    /** Highest price weight for goods, in % (214号 Art. 24). */
    public static final String PRICE_WEIGHT_GOODS_MAX = "PRICE_WEIGHT_GOODS_MAX";
    /** Highest price weight for services, in % (214号 Art. 24). */
    public static final String PRICE_WEIGHT_SERVICES_MAX = "PRICE_WEIGHT_SERVICES_MAX";
    /** Publicity of a single-source plan before approval (实施条例 Art. 38). */
    public static final String SINGLE_SOURCE_PUBLICITY = "SINGLE_SOURCE_PUBLICITY";
    /** Review after objections to a single-source publicity (74号令 Art. 40). */
    public static final String SINGLE_SOURCE_REVIEW = "SINGLE_SOURCE_REVIEW";
    /** FLAG: a price above the budget stops the procurement (74号令 Art. 43). */
    public static final String BUDGET_STOPS = "BUDGET_STOPS";
    /** 询问 answered within (实施条例 Art. 52). */
    public static final String INQUIRY_ANSWER = "INQUIRY_ANSWER";
    /** 质疑 within, from the right start date (政府采购法 Art. 52; 实施条例 Art. 53). */
    public static final String CHALLENGE_PERIOD = "CHALLENGE_PERIOD";
    /** 质疑 answered within (政府采购法 Art. 53). */
    public static final String CHALLENGE_ANSWER = "CHALLENGE_ANSWER";
    /** 投诉 within, after the answer period (政府采购法 Art. 55) or of knowing (招标投标法实施条例 Art. 60). */
    public static final String COMPLAINT_PERIOD = "COMPLAINT_PERIOD";
    /** Intake decision within (94号令 Art. 21; 招标投标法实施条例 Art. 61). */
    public static final String COMPLAINT_INTAKE = "COMPLAINT_INTAKE";
    /** Copies to the parties within (94号令 Art. 21). */
    public static final String COMPLAINT_COPY = "COMPLAINT_COPY";
    /** The parties reply within (94号令 Art. 22). */
    public static final String COMPLAINT_REPLY = "COMPLAINT_REPLY";
    /** Decision within, tests and expert review not counted (政府采购法 Art. 56; 招标投标法实施条例 Art. 61). */
    public static final String COMPLAINT_DECISION = "COMPLAINT_DECISION";
    /** Longest suspension of the procurement by the finance department (政府采购法 Art. 57). */
    public static final String COMPLAINT_SUSPENSION_MAX = "COMPLAINT_SUSPENSION_MAX";
    /** Unfounded complaints in 12 months that make a bad record (94号令 Art. 37). */
    public static final String UNFOUNDED_COMPLAINTS_MAX = "UNFOUNDED_COMPLAINTS_MAX";
    /**
     * FLAG: a method other than the open tender, whose lot's budget is above OPEN_TENDER_THRESHOLD, needs the finance
     * department's prior approval (政府采购法 Art. 27; 实施条例 Art. 23; 74号令 Art. 4).
     */
    public static final String METHOD_APPROVAL = "METHOD_APPROVAL";
    // issue 17: land, mining and state property (domain-2 §1–3); bids are placed live in the auction room
    /** Bids are placed live in the auction room (context auction), not sealed: sealing opens nothing at closing (FLAG). */
    public static final String LIVE_BIDDING = "LIVE_BIDDING";
    /** The announcement or formal disclosure at least this long before bidding starts (39号令 Art. 8; 32号令 Art. 13, 39). */
    public static final String ANNOUNCEMENT_PERIOD = "ANNOUNCEMENT_PERIOD";
    /** 资产转让 above {@link #ASSET_NOTICE_BAND}: the longer announcement (32号令 Art. 48, local rules). */
    public static final String ANNOUNCEMENT_PERIOD_LARGE = "ANNOUNCEMENT_PERIOD_LARGE";
    /** 资产转让: the start price above which {@link #ANNOUNCEMENT_PERIOD_LARGE} applies (YUAN). */
    public static final String ASSET_NOTICE_BAND = "ASSET_NOTICE_BAND";
    /** The listing (挂牌) lasts at least this long (39号令 Art. 18; 自然资规〔2023〕1号). */
    public static final String LISTING_PERIOD = "LISTING_PERIOD";
    /** Applications (竞买申请) close at least this long before the listing ends or the auction starts (39号令 Art. 11). */
    public static final String APPLICATION_CLOSE = "APPLICATION_CLOSE";
    /** Listing bids stop this long before the listing's end (the freeze before the timed round; local rules). */
    public static final String LISTING_FREEZE = "LISTING_FREEZE";
    /** The pause between the listing's end and the timed round (local rules; 0 = at once). */
    public static final String TIMED_ROUND_PAUSE = "TIMED_ROUND_PAUSE";
    /** The timed round's countdown, restarted by every valid bid (限时竞价; local rules: 4 or 5 分钟). */
    public static final String COUNTDOWN = "COUNTDOWN";
    /** At least this many qualified bidders for the timed round to open (39号令 Art. 19). */
    public static final String TIMED_ROUND_MIN_BIDDERS = "TIMED_ROUND_MIN_BIDDERS";
    /** At least this many qualified bidders for an auction (拍卖) to be held (自然资规〔2023〕1号). */
    public static final String AUCTION_BIDDERS_MIN = "AUCTION_BIDDERS_MIN";
    /** The auctioneer may change the increment during bidding, logged (39号令 Art. 16, 18) (FLAG). */
    public static final String INCREMENT_CHANGE = "INCREMENT_CHANGE";
    /** The sealed reserve (底价) must be set at least this long before the listing ends or the auction starts (39号令 Art. 10; practice). */
    public static final String RESERVE_DEADLINE = "RESERVE_DEADLINE";
    /** The deposit at least this share of the start price (国土资发〔2010〕34号). */
    public static final String DEPOSIT_MIN = "DEPOSIT_MIN";
    /** The 成交确认书 signed by both sides within (local rules). */
    public static final String CONFIRMATION_PERIOD = "CONFIRMATION_PERIOD";
    /** First payment at least this share of the price (国土资发〔2010〕34号: 50%; 32号令 Art. 27: 30%). */
    public static final String FIRST_PAYMENT_SHARE = "FIRST_PAYMENT_SHARE";
    /** The first payment within (国土资发〔2010〕34号: 1 month; 32号令 Art. 26: 5 工作日). */
    public static final String FIRST_PAYMENT_PERIOD = "FIRST_PAYMENT_PERIOD";
    /** The balance within (国土资发〔2010〕34号; 32号令 Art. 27: ≤ 1 year). */
    public static final String BALANCE_PERIOD = "BALANCE_PERIOD";
    /** The first formal disclosure's price at least the appraisal (32号令 Art. 17) (FLAG). */
    public static final String START_AT_LEAST_APPRAISAL = "START_AT_LEAST_APPRAISAL";
    /** A re-disclosure below this share of the appraisal needs a recorded approval (32号令 Art. 18). */
    public static final String APPRAISAL_APPROVAL_BELOW = "APPRAISAL_APPROVAL_BELOW";
    /** A re-disclosure at a lower price lasts at least (32号令 Art. 18). */
    public static final String REDISCLOSURE_PERIOD = "REDISCLOSURE_PERIOD";
    /** No buyer for this long: audit, appraisal and disclosure again (32号令 Art. 19). */
    public static final String RELIST_AFTER = "RELIST_AFTER";
    /**
     * FLAG: deposits go back without interest (不计利息; 国土资源部令第39号第二十一条), not with Reg. 57's bank interest for
     * the same period (issue 17 wave 2; deals V200).
     */
    public static final String REFUND_WITHOUT_INTEREST = "REFUND_WITHOUT_INTEREST";
}
