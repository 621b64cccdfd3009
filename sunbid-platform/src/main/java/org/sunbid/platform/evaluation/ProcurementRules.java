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

        /**
         * The fewest valid bids (or final offers) the evaluation goes on with: for a method with negotiation rounds the
         * final-offer minimum ({@link #finalOffersMin}); otherwise QUALIFIED_MIN (87号令 Art. 44; 询价 74号令 Art. 50);
         * 1 where the rules set neither (单一来源).
         */
        TenderQuorum quorum() {
            int qualified = quorumRule().map(Limit::whole).orElse(1);
            return new TenderQuorum(Math.max(3, qualified), qualified);
        }

        /** The rule behind {@link #quorum}, if any (its article goes into the failure). */
        Optional<Limit> quorumRule() {
            return rounds() ? finalOffersMin() : rules.find(RuleKeys.QUALIFIED_MIN);
        }

        /** The article of the quorum rule, for a failure. */
        String quorumArticle() {
            return quorumRule().map(Limit::article).orElse("");
        }

        /** Whether the method negotiates in rounds of sealed final offers (74号令 Art. 31–33; 214号 Art. 17–21). */
        boolean rounds() {
            return rules.holds(RuleKeys.NEGOTIATION_ROUNDS);
        }

        /**
         * The fewest final offers that go on: FINAL_OFFERS_MIN_SERVICES for a services lot where the rules have it
         * (财库〔2015〕124号), else FINAL_OFFERS_MIN (74号令 Art. 33; 214号 Art. 21); empty where neither is set.
         */
        Optional<Limit> finalOffersMin() {
            if (subject() == ProcurementSubject.SERVICES) {
                Optional<Limit> services = rules.find(RuleKeys.FINAL_OFFERS_MIN_SERVICES);
                if (services.isPresent()) {
                    return services;
                }
            }
            return rules.find(RuleKeys.FINAL_OFFERS_MIN);
        }

        /** The stop rules at the close of the negotiation (minimum final offers; the budget where BUDGET_STOPS holds). */
        org.sunbid.platform.evaluation.domain.FinalOffers.StopRules stopRules() {
            Optional<Limit> min = finalOffersMin();
            boolean budgetStops = rules.holds(RuleKeys.BUDGET_STOPS);
            return new org.sunbid.platform.evaluation.domain.FinalOffers.StopRules(min.map(Limit::whole).orElse(1),
                    min.map(Limit::article).orElse(""), budgetStops ? lotBudget.yuan() : null,
                    budgetStops ? rules.limit(RuleKeys.BUDGET_STOPS).article() : null);
        }

        /** 74号令 Art. 36/49: only the lowest-price method. */
        boolean lowestPriceOnly() {
            return rules.holds(RuleKeys.LOWEST_PRICE_ONLY);
        }

        /** 财库〔2014〕214号 Art. 23: only comprehensive scoring. */
        boolean comprehensiveOnly() {
            return rules.holds(RuleKeys.COMPREHENSIVE_ONLY);
        }

        /** The price-weight band where the rules set ceilings as well as floors (214号 Art. 24), else empty. */
        Optional<org.sunbid.platform.evaluation.domain.PriceWeightBand> band() {
            Optional<Limit> goodsMax = rules.find(RuleKeys.PRICE_WEIGHT_GOODS_MAX);
            Optional<Limit> servicesMax = rules.find(RuleKeys.PRICE_WEIGHT_SERVICES_MAX);
            if (goodsMax.isEmpty() || servicesMax.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new org.sunbid.platform.evaluation.domain.PriceWeightBand(share(RuleKeys.PRICE_WEIGHT_GOODS_MIN),
                    share(goodsMax.get()), share(RuleKeys.PRICE_WEIGHT_SERVICES_MIN), share(servicesMax.get()),
                    goodsMax.get().article()));
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
