package org.sunbid.platform.experts;

/**
 * Why an expert holding a requested specialty in the pool regions was left out of a draw (回避), in the order the
 * rules are applied: the first that holds is recorded.
 */
public enum AvoidanceRule {
    /** Not in the database as an active expert (applying, suspended, blacklisted, retired). */
    NOT_ACTIVE,
    /**
     * Issue 20: barred from draws by a credit record in force at the draw time (the expert's own record, Gate.EXPERT_DRAW;
     * 招标投标法实施条例 Art. 71–72 / 政府采购法实施条例 Art. 75 sanctions on experts), like a blacklisted expert.
     */
    CREDIT_RESTRICTED,
    /** Has no number the notifier could call. */
    UNREACHABLE,
    /** On leave when the evaluation starts. */
    ON_LEAVE,
    /** Named in the tender's manual avoidance list. */
    MANUAL_LIST,
    /** Works for the tenderee. */
    SAME_EMPLOYER_AS_TENDEREE,
    /** Works for the tender's agency. */
    SAME_EMPLOYER_AS_AGENCY,
    /** Works for an organisation registered for the tender (a potential bidder). */
    SAME_EMPLOYER_AS_BIDDER,
    /** Has sat the region policy's maximum number of evaluations in the month of this evaluation. */
    MONTHLY_LIMIT,
    /** Has sat the policy's maximum number of evaluations for this tenderee within its window. */
    TENDEREE_LIMIT
}
