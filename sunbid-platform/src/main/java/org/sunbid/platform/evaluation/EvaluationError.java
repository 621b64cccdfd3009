package org.sunbid.platform.evaluation;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the evaluation context. */
public enum EvaluationError implements ErrorCode {
    /** The evaluation criteria are inconsistent (codes repeated, points not positive, parts not adding up to 100). */
    CRITERIA_INVALID(422),
    /** A score lies outside its criterion's range (0 … the criterion's points, at most two decimals). */
    SCORE_OUT_OF_RANGE(422),
    /** A scorecard misses a criterion or names one the criteria do not have. */
    SCORE_INCOMPLETE(422),
    /** A member submits once; the submission cannot be replaced. */
    SCORE_ALREADY_SUBMITTED(409),
    /** An extreme score (far from the other members' mean) needs a written reason. */
    EXTREME_SCORE_REASON_REQUIRED(422),
    /** Reg. 55: a state-funded project awards the first-ranked candidate. */
    AWARD_NOT_FIRST_RANKED(422),
    /** 财政部令第87号 Art. 68: the purchaser awards in the order of the report's candidates. */
    GP_AWARD_NOT_FIRST_RANKED(422),
    /** A review misses a bid or an item. */
    REVIEW_INCOMPLETE(422),
    /** A fail in the qualification review needs a written reason. */
    FAIL_REASON_REQUIRED(422),
    /** A member reviews once. */
    REVIEW_ALREADY_SUBMITTED(409),
    /** No such evaluation, or not one the caller may see. */
    EVALUATION_NOT_FOUND(404),
    /** The step is not possible at the evaluation's stage. */
    EVALUATION_STAGE(409),
    /** Only the committee's signed-in members act in the workspace. */
    NOT_A_MEMBER(403),
    /** Only the committee's leader does this. */
    NOT_THE_LEADER(403),
    /** The evaluation cannot start yet: the bids are not opened, the plan is missing, or members have not signed in. */
    EVALUATION_NOT_READY(409),
    /** The plan is part of the tender documents: it cannot change once bidding has closed. */
    PLAN_LOCKED(409),
    /** A signature over the report did not verify with the member's certificate in force. */
    REPORT_SIGNATURE_INVALID(422),
    /**
     * The PDF report cannot be drawn: the configured font (or, in a broken build, the bundled one) cannot be used. The
     * file's path is an argument for the log, not part of the message users read.
     */
    REPORT_FONT_MISSING(503),
    /** Reg. 54: objections to the candidates are raised during the publicity period. */
    OBJECTION_OUTSIDE_PUBLICITY(422),
    /** Reg. 54: the award waits until every objection is answered. */
    AWARD_PAUSED_BY_OBJECTION(409),
    /** Reg. 54: the award waits until the publicity period (at least 3 days) is over. */
    PUBLICITY_NOT_OVER(409),
    /** No such objection. */
    OBJECTION_NOT_FOUND(404),
    /** 87号令 Art. 55: under comprehensive scoring the price weight is at least 30% (goods) or 10% (services). */
    PRICE_WEIGHT_BELOW_FLOOR(422),
    /** 87号令 Art. 55: an item bought at a fixed or unified price has no price factor. */
    PRICE_FACTOR_ON_FIXED_PRICE(422),
    /** 87号令 Art. 55: government procurement scores the price lowest price first (lowest ÷ bid × weight). */
    PRICE_FORMULA_NOT_LOWEST_FIRST(422),
    /** 财库〔2020〕46号 / 〔2022〕19号: the documents' SME deduction lies outside the range in force. */
    POLICY_RATE_OUT_OF_RANGE(422),
    /** 财库〔2026〕2号: the documents may raise the abnormal-price thresholds, to at most 65%, never lower them. */
    ABNORMAL_THRESHOLD_INVALID(422),
    /** 87号令 Art. 44: fewer than three bids passed the qualification and compliance review: no evaluation. */
    TOO_FEW_QUALIFIED(409),
    /** 87号令 Art. 60, 财库〔2026〕2号: the supplier gets at least the minimum time (30 minutes) to explain its price. */
    PRICE_REVIEW_DEADLINE_TOO_SHORT(422),
    /** 87号令 Art. 60: the explanation of a low price is written and comes with its cost evidence. */
    PRICE_EXPLANATION_INCOMPLETE(422),
    /** The step is not possible in the price review's state (explained once, decided once, lapsed at the deadline). */
    PRICE_REVIEW_STATE(409),
    /** 87号令 Art. 60: the panel's acceptance or rejection of a price explanation gives its reason. */
    PRICE_DECISION_REASON_REQUIRED(422),
    /** No abnormal-price review of the caller's bid (or of that bidder) on this tender. */
    PRICE_REVIEW_NOT_FOUND(404),
    /** 87号令 Art. 45(4): the purchaser's representative may not lead the evaluation panel. */
    PURCHASER_REPRESENTATIVE_MAY_NOT_LEAD(422),
    /** 竞争性磋商 (财库〔2014〕214号 Art. 24): the price weight lies within its category's band (goods 30–60%, services 10–30%). */
    PRICE_WEIGHT_OUTSIDE_BAND(422),
    /** 74号令 Art. 36/49 (竞争性谈判, 询价): the lot's rules take only the lowest-price method — no scoring plan. */
    LOWEST_PRICE_METHOD_ONLY(422),
    /** 财库〔2014〕214号 Art. 23 (竞争性磋商): the lot's rules take only comprehensive scoring. */
    COMPREHENSIVE_SCORING_ONLY(422),
    /** The negotiation is closed on the final offers of a round: no round has been opened yet. */
    NO_FINAL_OFFERS(409),
    /**
     * A challenge that may change the result (政府采购法实施条例 Art. 54) or a complaint's suspension (政府采购法 Art. 57)
     * holds the lot: no award decision, no contract signed or published. The holder's reason code is the argument.
     */
    CONTRACT_HELD(409),
    /** Only the tender's owner (the tenderee or its agency) records the winner's refusal (issue 20 fix D). */
    AWARD_REFUSAL_NOT_OWNER(403),
    /** A refusal needs its reason (at most 500 characters). */
    AWARD_REFUSAL_INVALID(400),
    /** The winner refused the award or the contract: no contract with it (招标投标法实施条例第七十四条). */
    AWARD_REFUSED(409);

    private final int httpStatus;

    EvaluationError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
