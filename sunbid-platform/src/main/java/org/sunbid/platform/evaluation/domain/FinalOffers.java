package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final offers (最后报价) of a method with negotiation rounds, and its stop rules, as plain rules over the rounds the
 * evaluation copied from sealing:
 * <ul>
 * <li>{@link #lastRound}: only the last round counts, and only the qualified suppliers still in the negotiation — one
 * that made no offer in the last round has left it (74号令 Art. 33: 未按规定提交最后报价的，视为退出谈判);</li>
 * <li>{@link #decide}: fewer valid final offers than the minimum in force stops the procurement (74号令 Art. 33/37:
 * 不足3家; 财库〔2014〕214号 Art. 21, with 财库〔2015〕124号's 2 for bought services) — "不足" excludes the number, so the
 * minimum itself goes on; where the rules stop on the budget, an offer above the lot's budget stops it (74号令 Art. 43:
 * 报价超过采购预算的，终止采购) — equal to the budget is not above it.</li>
 * </ul>
 */
public final class FinalOffers {

    private FinalOffers() {
    }

    /**
     * The stop rules in force.
     *
     * @param minimum        the fewest valid final offers that go on (1 where the rules set none)
     * @param minimumArticle the article of that minimum
     * @param budget         the lot's budget where the rules stop on it (BUDGET_STOPS), else null
     * @param budgetArticle  the article of the budget stop, else null
     */
    public record StopRules(int minimum, String minimumArticle, BigDecimal budget, String budgetArticle) {

        public StopRules {
            if (minimum < 1) {
                throw new IllegalArgumentException("at least one final offer");
            }
        }
    }

    /** Why the procurement stops at the close of the negotiation. */
    public enum Stop {
        /** Fewer valid final offers than the minimum. */
        TOO_FEW_FINAL_OFFERS,
        /** An offer above the lot's budget where the rules stop on it. */
        ABOVE_BUDGET
    }

    /**
     * What the close decides: the prices that go on (by supplier, in the qualified order), or the stop with its article.
     *
     * @param prices  the valid final offers (empty when stopped)
     * @param stop    null when the evaluation goes on
     * @param article the article of the stop, null when it goes on
     */
    public record Outcome(Map<String, BigDecimal> prices, Stop stop, String article) {

        public boolean stopped() {
            return stop != null;
        }
    }

    /**
     * The last round's offers of the {@code qualified} suppliers, in the qualified order; offers of anyone else are not
     * taken. {@code rounds}: round number → supplier → offered price.
     */
    public static Map<String, BigDecimal> lastRound(Map<Integer, Map<String, BigDecimal>> rounds, Collection<String> qualified) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (rounds.isEmpty()) {
            return out;
        }
        Map<String, BigDecimal> last = new TreeMap<>(rounds).lastEntry().getValue();
        for (String supplier : qualified) {
            BigDecimal price = last.get(supplier);
            if (price != null) {
                out.put(supplier, price);
            }
        }
        return out;
    }

    /**
     * Applies the stop rules to the final offers: a non-positive offer is no valid price and is not counted; too few
     * valid offers, or (BUDGET_STOPS) any above the budget, stop the procurement.
     */
    public static Outcome decide(Map<String, BigDecimal> finalOffers, StopRules rules) {
        Map<String, BigDecimal> valid = new LinkedHashMap<>();
        finalOffers.forEach((s, p) -> {
            if (p != null && p.signum() > 0) {
                valid.put(s, p);
            }
        });
        if (valid.size() < rules.minimum()) {
            return new Outcome(Map.of(), Stop.TOO_FEW_FINAL_OFFERS, rules.minimumArticle());
        }
        if (rules.budget() != null && valid.values().stream().anyMatch(p -> p.compareTo(rules.budget()) > 0)) {
            return new Outcome(Map.of(), Stop.ABOVE_BUDGET, rules.budgetArticle());
        }
        return new Outcome(valid, null, null);
    }
}
