package org.sunbid.platform.experts;

import java.math.BigDecimal;

import org.sunbid.platform.kernel.DomainException;

/**
 * The composition of a government procurement evaluation panel (政府采购评标委员会), 财政部令第87号 Art. 47: the
 * purchaser's representatives and evaluation experts, <b>5</b> or more members ({@code minimumMembers}), an odd number,
 * the experts at least <b>two thirds</b> ({@code expertsNumerator}/{@code expertsDenominator}); <b>7</b> or more
 * ({@code largeMinimumMembers}) when the budget is <b>10,000,000 yuan</b> or more ({@code largeBudget}, "1000万元以上"
 * includes the number), the project is technically complex, or of wide public impact. Experts are drawn at random
 * (Art. 48); the purchaser's representative may not lead the panel (Art. 45(4), checked where the leader is chosen:
 * {@code evaluation.domain.CommitteeLeader}). Dated data: the caller passes the version in force at the draw's date.
 */
public record PanelRule(int minimumMembers, int largeMinimumMembers, BigDecimal largeBudget, int expertsNumerator,
        int expertsDenominator) {

    public PanelRule {
        if (minimumMembers < 1 || largeMinimumMembers < minimumMembers || (largeBudget != null && largeBudget.signum() <= 0)
                || expertsNumerator < 1 || expertsDenominator < expertsNumerator) {
            throw new IllegalArgumentException("87号令 Art. 47: 1 ≤ minimum ≤ large minimum, a positive budget threshold, "
                    + "an experts' share in (0, 1]");
        }
    }

    /** The fewest members a panel may have for a project with {@code budget}. */
    public int minimumFor(BigDecimal budget, boolean complexOrWideImpact) {
        return complexOrWideImpact || (largeBudget != null && budget != null && budget.compareTo(largeBudget) >= 0)
                ? largeMinimumMembers : minimumMembers;
    }

    /**
     * The lot's panel rule from its procedure's rules in force (every government procurement method): PANEL_MIN, and
     * PANEL_MIN_LARGE from PANEL_LARGE_BUDGET on where the rules have them ("达到" includes the amount: 74号令 Art. 7,
     * 财库〔2014〕214号 Art. 14, 87号令 Art. 47); without them, one minimum for every budget (单一来源); experts ≥ 2/3.
     */
    public static PanelRule of(org.sunbid.platform.deals.domain.ProcedureRules rules) {
        int min = rules.limit(org.sunbid.platform.deals.domain.RuleKeys.PANEL_MIN).whole();
        var large = rules.find(org.sunbid.platform.deals.domain.RuleKeys.PANEL_LARGE_BUDGET);
        int largeMin = large.isPresent()
                ? rules.find(org.sunbid.platform.deals.domain.RuleKeys.PANEL_MIN_LARGE).map(l -> l.whole()).orElse(min) : min;
        return new PanelRule(min, Math.max(min, largeMin), large.map(l -> l.amount()).orElse(null), 2, 3);
    }

    /** Refuses a panel of {@code experts} experts and {@code representatives} purchaser's representatives. */
    public void check(int experts, int representatives, BigDecimal budget, boolean complexOrWideImpact) {
        check(experts, representatives, budget, complexOrWideImpact, "财政部令第87号第四十七条");
    }

    /** As {@link #check(int, int, BigDecimal, boolean)}, the refusal naming {@code article} (the lot's rule). */
    public void check(int experts, int representatives, BigDecimal budget, boolean complexOrWideImpact, String article) {
        int members = experts + representatives;
        int minimum = minimumFor(budget, complexOrWideImpact);
        if (experts < 1 || representatives < 0 || members < minimum || members % 2 == 0
                || (long) experts * expertsDenominator < (long) members * expertsNumerator) {
            throw new DomainException(ExpertsError.PANEL_COMPOSITION, experts, representatives, members, minimum, article);
        }
    }
}
