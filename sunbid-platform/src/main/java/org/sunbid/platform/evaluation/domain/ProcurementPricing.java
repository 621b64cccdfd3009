package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Price in a government procurement open tender (政府采购公开招标), 财政部令第87号:
 * <ul>
 *   <li>综合评分法, Art. 55: price score = the lowest valid evaluated price ÷ the bid's evaluated price × the price
 *       weight's points — {@link PriceFormula.LowestPriceFirst}, with no price dropped (neither the highest nor the
 *       lowest) and the policy deductions ({@link PolicyDeductions}) applied before the reference price is found;
 *       the weight's floor is {@link PriceWeightFloors}.</li>
 *   <li>最低评标价法, Art. 54 and 政府采购法实施条例 Art. 34 (compulsory for standard goods and services): among the
 *       bids that meet every substantive requirement, the lowest evaluated price ranks first; only arithmetic
 *       corrections (Art. 59) and the policy deductions may change a price.</li>
 * </ul>
 */
public final class ProcurementPricing {

    private ProcurementPricing() {
    }

    /** Art. 55: each valid bid's price score, by bidder (0.01, half up), from the evaluated prices. */
    public static Map<String, BigDecimal> priceScores(Map<String, BigDecimal> evaluatedPrices, PriceFormula.LowestPriceFirst formula) {
        List<String> bidders = new ArrayList<>(evaluatedPrices.keySet());
        List<BigDecimal> scores = formula.scores(bidders.stream().map(evaluatedPrices::get).toList());
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < bidders.size(); i++) {
            out.put(bidders.get(i), scores.get(i));
        }
        return out;
    }

    /**
     * Art. 55 from the bid prices: the policy deductions first, then the scores — so the reference is the lowest
     * <em>evaluated</em> price.
     */
    public static Map<String, BigDecimal> priceScores(Map<String, BigDecimal> bids, Map<String, PolicyDeductions.Declaration> declarations,
            PolicyRates.InDocuments rates, PriceFormula.LowestPriceFirst formula) {
        return priceScores(PolicyDeductions.evaluatedPrices(bids, declarations, rates), formula);
    }

    /**
     * Art. 54 / 条例 Art. 34: the ranking by evaluated price, lowest first; equal evaluated prices share their rank
     * (Art. 56: 并列) and are marked tied.
     */
    public static List<Ranking.Ranked> byLowestEvaluatedPrice(Map<String, BigDecimal> bids,
            Map<String, PolicyDeductions.Declaration> declarations, PolicyRates.InDocuments rates) {
        return Ranking.byEvaluatedPrice(PolicyDeductions.evaluatedPrices(bids, declarations, rates));
    }
}
