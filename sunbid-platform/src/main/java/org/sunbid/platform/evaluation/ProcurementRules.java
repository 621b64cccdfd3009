package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.evaluation.domain.AbnormalPriceThresholds;
import org.sunbid.platform.evaluation.domain.PolicyRates;
import org.sunbid.platform.evaluation.domain.PriceWeightFloors;
import org.sunbid.platform.evaluation.domain.ProcurementSubject;
import org.sunbid.platform.evaluation.domain.TenderQuorum;
import org.sunbid.platform.kernel.Money;

/**
 * The government procurement (财政部令第87号) evaluation rules of a tender's lot, resolved from its procedure's dated
 * rules ({@code deals.Procedures.rulesAt}) at the event's instant. A procedure whose rules have no 87号令 price-weight
 * floor (the construction open tender) has none: {@link #at} is empty and the evaluation runs as it always has. One
 * evaluation path: the services ask this class, never the procedure's name.
 */
@Component
class ProcurementRules {

    private final Projects projects;
    private final Procedures procedures;

    ProcurementRules(Projects projects, Procedures procedures) {
        this.projects = projects;
        this.procedures = procedures;
    }

    /** The 87号令 rules in force at {@code at} for the lot {@code tenderId}, or empty where its procedure has none. */
    Optional<Gp> at(UUID tenderId, Instant at) {
        ProjectView project = projects.ofLot(tenderId).orElse(null);
        if (project == null) {
            return Optional.empty();
        }
        ProcedureRules rules = procedures.rulesAt(project.procedureCode(), at);
        if (rules.find(RuleKeys.PRICE_WEIGHT_GOODS_MIN).isEmpty()) {
            return Optional.empty();
        }
        Money lotBudget = project.lots().stream().filter(l -> l.id().equals(tenderId)).findFirst()
                .map(l -> l.budget()).orElse(project.budget());
        return Optional.of(new Gp(rules, project, lotBudget));
    }

    /**
     * One lot's 87号令 rules at one date.
     *
     * @param rules     the procedure's rules in force
     * @param project   the project (category, price cap)
     * @param lotBudget the lot's budget (采购包预算)
     */
    record Gp(ProcedureRules rules, ProjectView project, Money lotBudget) {

        /** Art. 55: the price-weight floors. */
        PriceWeightFloors floors() {
            return new PriceWeightFloors(share(RuleKeys.PRICE_WEIGHT_GOODS_MIN), share(RuleKeys.PRICE_WEIGHT_SERVICES_MIN));
        }

        /** What the project buys: services get the services floor; goods (and anything else) the goods floor. */
        ProcurementSubject subject() {
            return project.category() == ProjectCategory.SERVICES ? ProcurementSubject.SERVICES : ProcurementSubject.GOODS;
        }

        /** 财库〔2020〕46号 / 〔2022〕19号 and 国办发〔2025〕34号: the deduction ranges and the domestic preference in force. */
        PolicyRates policyRates() {
            return new PolicyRates(new PolicyRates.Range(share(RuleKeys.SME_DEDUCTION_MIN), share(RuleKeys.SME_DEDUCTION_MAX)),
                    new PolicyRates.Range(share(RuleKeys.SME_CONSORTIUM_MIN), share(RuleKeys.SME_CONSORTIUM_MAX)),
                    share(RuleKeys.SME_CONSORTIUM_SHARE), rules.find(RuleKeys.DOMESTIC_PREFERENCE).map(Gp::share).orElse(null));
        }

        /** Art. 44: the fewest qualified bids the evaluation goes on with (opening quorum as sealing enforces it: 3). */
        TenderQuorum quorum() {
            int qualified = rules.limit(RuleKeys.QUALIFIED_MIN).whole();
            return new TenderQuorum(Math.max(3, qualified), qualified);
        }

        /** 财库〔2026〕2号: the abnormal-price thresholds in force, or empty (before 2026-02-01: panel judgement only). */
        Optional<AbnormalPriceThresholds> thresholds() {
            if (rules.find(RuleKeys.LOW_PRICE_MEAN).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AbnormalPriceThresholds(share(RuleKeys.LOW_PRICE_MEAN), share(RuleKeys.LOW_PRICE_NEXT),
                    share(RuleKeys.LOW_PRICE_CAP), share(RuleKeys.LOW_PRICE_RAISE_MAX), explanationTime()));
        }

        /**
         * The supplier's time to explain (财库〔2026〕2号: at least 30 minutes); before that rule, Art. 60's "reasonable
         * time" is given the same 30 minutes.
         */
        Duration explanationTime() {
            return rules.find(RuleKeys.LOW_PRICE_EXPLANATION).map(Limit::duration).orElse(Duration.ofMinutes(30));
        }

        /** 财库〔2026〕2号 Part 1: the 最高限价, or the budget where there is none (the lot's). */
        BigDecimal cap() {
            Money cap = project.priceCap();
            return cap != null && !cap.isGreaterThan(lotBudget) ? cap.yuan() : lotBudget.yuan();
        }

        private BigDecimal share(String key) {
            return share(rules.limit(key));
        }

        private static BigDecimal share(Limit percent) {
            return percent.amount().movePointLeft(2);
        }
    }
}
