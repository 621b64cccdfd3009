package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.domain.PolicyDeductions.Declaration;
import org.sunbid.platform.evaluation.domain.PolicyDeductions.Status;

/**
 * The final offers of the methods with negotiation rounds and their stop rules (74号令 Art. 33/37/43; 财库〔2014〕214号
 * Art. 21 with 财库〔2015〕124号), and the consultation's price score on final offers (214号 Art. 24: base price ÷ offer ×
 * weight × 100), against hand-computed values.
 */
class FinalOffersTest {

    static final String ART_33 = "财政部令第74号第三十三条";
    static final String ART_43 = "财政部令第74号第四十三条（报价超过采购预算的终止）";

    static Map<String, BigDecimal> offers(String... supplierThenPrice) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < supplierThenPrice.length; i += 2) {
            out.put(supplierThenPrice[i], new BigDecimal(supplierThenPrice[i + 1]));
        }
        return out;
    }

    static FinalOffers.StopRules minimum(int n) {
        return new FinalOffers.StopRules(n, ART_33, null, null);
    }

    /** Only the last round counts, only qualified suppliers, in the qualified order; a supplier absent from it has left. */
    @Test
    void gpl74_art33_lastRoundOffersOfQualifiedSuppliersOnly() {
        Map<Integer, Map<String, BigDecimal>> rounds = new LinkedHashMap<>();
        rounds.put(2, offers("A", "95.00", "C", "97.00", "X", "10.00"));
        rounds.put(1, offers("A", "100.00", "B", "99.00", "C", "98.00"));
        Map<String, BigDecimal> last = FinalOffers.lastRound(rounds, List.of("C", "B", "A"));
        assertThat(last).containsExactly(Map.entry("C", new BigDecimal("97.00")), Map.entry("A", new BigDecimal("95.00")));
        assertThat(FinalOffers.lastRound(Map.of(), List.of("A"))).isEmpty();
    }

    /** "不足3家" excludes the number: three final offers go on, two stop, naming the article. */
    @Test
    void gpl74_art33_fewerThanThreeFinalOffersStops() {
        FinalOffers.Outcome three = FinalOffers.decide(offers("A", "1", "B", "2", "C", "3"), minimum(3));
        assertThat(three.stopped()).isFalse();
        assertThat(three.prices()).hasSize(3);
        FinalOffers.Outcome two = FinalOffers.decide(offers("A", "1", "B", "2"), minimum(3));
        assertThat(two.stop()).isEqualTo(FinalOffers.Stop.TOO_FEW_FINAL_OFFERS);
        assertThat(two.article()).isEqualTo(ART_33);
        // a non-positive offer is no valid price and is not counted
        assertThat(FinalOffers.decide(offers("A", "1", "B", "2", "C", "0"), minimum(3)).stop())
                .isEqualTo(FinalOffers.Stop.TOO_FEW_FINAL_OFFERS);
    }

    /** 财库〔2015〕124号: a bought service goes on with two final offers (the caller passes that minimum); one stops. */
    @Test
    void cgk2015_124_twoFinalOffersSufficeForServices() {
        assertThat(FinalOffers.decide(offers("A", "1", "B", "2"), minimum(2)).stopped()).isFalse();
        assertThat(FinalOffers.decide(offers("A", "1"), minimum(2)).stopped()).isTrue();
    }

    /** 74号令 Art. 43: an offer above the budget stops the procurement; equal to the budget is not above it. */
    @Test
    void gpl74_art43_priceAboveBudgetStops() {
        FinalOffers.StopRules budget = new FinalOffers.StopRules(1, "", new BigDecimal("800000.00"), ART_43);
        assertThat(FinalOffers.decide(offers("A", "800000.00"), budget).stopped()).isFalse();
        FinalOffers.Outcome above = FinalOffers.decide(offers("A", "800000.01"), budget);
        assertThat(above.stop()).isEqualTo(FinalOffers.Stop.ABOVE_BUDGET);
        assertThat(above.article()).isEqualTo(ART_43);
        // without BUDGET_STOPS the budget does not stop it here
        assertThat(FinalOffers.decide(offers("A", "900000.00"), minimum(1)).stopped()).isFalse();
    }

    /**
     * 214号 Art. 24 on final offers: base = the lowest valid final offer after the policy deductions; score = base ÷
     * offer × weight × 100. Offers 500,000 / 480,000 / 520,000, B small/micro (10%: 432,000 evaluated), weight 30%:
     * base 432,000; A = 432000/500000×30 = 25.92; B = 30.00; C = 432000/520000×30 = 24.923… → 24.92.
     */
    @Test
    void cgk2014_214_art24_priceScoreIsBaseOverOfferTimesWeight() {
        Map<String, BigDecimal> finals = offers("A", "500000.00", "B", "480000.00", "C", "520000.00");
        PolicyRates.InDocuments rates = new PolicyRates.InDocuments(new BigDecimal("0.10"), new BigDecimal("0.04"),
                new BigDecimal("0.30"), null);
        Map<String, Declaration> declarations = Map.of("B", new Declaration(Status.SMALL_OR_MICRO, null, null));
        Map<String, BigDecimal> scores = ProcurementPricing.priceScores(finals, declarations, rates,
                new PriceFormula.LowestPriceFirst(new BigDecimal("0.30")));
        assertThat(scores).containsExactly(Map.entry("A", new BigDecimal("25.92")), Map.entry("B", new BigDecimal("30.00")),
                Map.entry("C", new BigDecimal("24.92")));
    }

    /** 74号令 Art. 35–36 (谈判) and 49 (询价): the lowest compliant final offer ranks first, then by price. */
    @Test
    void gpl74_art36_lowestFinalOfferWins() {
        List<Ranking.Ranked> ranked = Ranking.byEvaluatedPrice(offers("A", "95.00", "B", "93.50", "C", "99.00"));
        assertThat(ranked).extracting(Ranking.Ranked::bidderId).containsExactly("B", "A", "C");
        assertThat(ranked.get(0).rank()).isEqualTo(1);
    }
}
