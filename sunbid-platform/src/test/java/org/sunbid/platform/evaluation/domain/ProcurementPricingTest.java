package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.domain.PolicyDeductions.Declaration;
import org.sunbid.platform.evaluation.domain.PolicyDeductions.Status;
import org.sunbid.platform.kernel.DomainException;

/**
 * Government procurement price rules (财政部令第87号 Art. 54/55 and the policy deductions) against hand-computed
 * values. The dated versions of the rates are fixtures here (the caller resolves them at the event's date); the
 * tests on each side of a change date show that the version the caller picks decides the result.
 */
class ProcurementPricingTest {

    static final PriceWeightFloors FLOORS = new PriceWeightFloors(new BigDecimal("0.30"), new BigDecimal("0.10"));

    /** 财库〔2020〕46号 (from 2021-01-01): 6–10%, consortium/subcontract 2–3% from a 30% share. */
    static final PolicyRates RATES_46 = new PolicyRates(range("0.06", "0.10"), range("0.02", "0.03"), new BigDecimal("0.30"), null);
    /** 财库〔2022〕19号 (from 2022-07-01 [M]): 10–20%, 4–6%. */
    static final PolicyRates RATES_19 = new PolicyRates(range("0.10", "0.20"), range("0.04", "0.06"), new BigDecimal("0.30"), null);
    /** 19号 plus the domestic-product preference of 国办发〔2025〕34号 (from 2026-01-01): 20%. */
    static final PolicyRates RATES_2026 = new PolicyRates(range("0.10", "0.20"), range("0.04", "0.06"), new BigDecimal("0.30"),
            new BigDecimal("0.20"));

    /** What a caller's dated store gives for a date (the real one is another part of issue 15). */
    static PolicyRates ratesAt(LocalDate date) {
        if (date.isBefore(LocalDate.of(2022, 7, 1))) {
            return RATES_46;
        }
        return date.isBefore(LocalDate.of(2026, 1, 1)) ? RATES_19 : RATES_2026;
    }

    static PolicyRates.Range range(String min, String max) {
        return new PolicyRates.Range(new BigDecimal(min), new BigDecimal(max));
    }

    static Map<String, BigDecimal> prices(Object... bidderThenPrice) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int i = 0; i < bidderThenPrice.length; i += 2) {
            out.put((String) bidderThenPrice[i], new BigDecimal((String) bidderThenPrice[i + 1]));
        }
        return out;
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Declaration small() {
        return new Declaration(Status.SMALL_OR_MICRO, null, null);
    }

    static DomainException refusal(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    /** Weight 30%: 800,000 → 30.00; 1,000,000 → 800/1000 × 30 = 24.00; 1,200,000 → 20.00; 4,000,000 → 6.00. */
    @Test
    void gpl87_art55_priceScoreIsLowestOverBidTimesWeight() {
        var formula = new PriceFormula.LowestPriceFirst(d("0.30"));
        assertThat(ProcurementPricing.priceScores(prices("A", "800000", "B", "1000000", "C", "1200000"), formula))
                .containsExactly(Map.entry("A", d("30.00")), Map.entry("B", d("24.00")), Map.entry("C", d("20.00")));
        // neither the highest nor the lowest is dropped: a fourth, far higher bid changes nobody's score
        assertThat(ProcurementPricing.priceScores(prices("A", "800000", "B", "1000000", "C", "1200000", "D", "4000000"), formula))
                .containsExactly(Map.entry("A", d("30.00")), Map.entry("B", d("24.00")), Map.entry("C", d("20.00")),
                        Map.entry("D", d("6.00")));
    }

    /**
     * A (no preference) 100,000; B (small, documents' rate 10%) 105,000 → evaluated 94,500.00, the reference.
     * A: 94,500 / 100,000 × 30 = 28.35; B: 30.00. Without the deduction A would score 30.00 and B 28.57.
     */
    @Test
    void gpl87_art55_policyDeductionsComeBeforeTheReferencePrice() {
        var rates = RATES_19.inDocuments(d("0.10"), d("0.04"));
        var formula = new PriceFormula.LowestPriceFirst(d("0.30"));
        Map<String, BigDecimal> bids = prices("A", "100000", "B", "105000");
        assertThat(ProcurementPricing.priceScores(bids, Map.of("B", small()), rates, formula))
                .containsExactly(Map.entry("A", d("28.35")), Map.entry("B", d("30.00")));
        assertThat(ProcurementPricing.priceScores(bids, Map.of(), rates, formula))
                .containsExactly(Map.entry("A", d("30.00")), Map.entry("B", d("28.57")));
    }

    @Test
    void gpl87_art55_goodsPriceWeightIsAtLeastThirtyPercent() {
        FLOORS.check(ProcurementSubject.GOODS, false, new PriceFormula.LowestPriceFirst(d("0.30")));
        FLOORS.check(ProcurementSubject.GOODS, false, new PriceFormula.LowestPriceFirst(d("0.60"))); // no upper limit in 87号令
        DomainException e = refusal(() -> FLOORS.check(ProcurementSubject.GOODS, false, new PriceFormula.LowestPriceFirst(d("0.29"))));
        assertThat(e.errorCode()).isEqualTo(EvaluationError.PRICE_WEIGHT_BELOW_FLOOR);
        assertThat(e.arguments()).containsExactly("29%", 0, "30%");
    }

    static EvaluationPlan plan(String weight) {
        return EvaluationPlan.parse(Map.of(
                "qualification", List.of(Map.of("code", "Q1", "text", "营业执照")),
                "technical", List.of(Map.of("code", "T1", "text", "技术方案", "points",
                        BigDecimal.valueOf(100).subtract(new BigDecimal(weight).movePointRight(2)))),
                "commercial", List.of(),
                "price", Map.of("formula", "LOWEST_PRICE_FIRST", "weight", weight),
                "extremeThreshold", "20"), false);
    }

    /** A plan as the purchaser enters it: 30 price points pass for goods, 29 are refused; 10 pass for services. */
    @Test
    void gpl87_art55_planWithPriceWeightBelowTheFloorIsRefused() {
        plan("0.30").checkProcurement(FLOORS, ProcurementSubject.GOODS);
        plan("0.10").checkProcurement(FLOORS, ProcurementSubject.SERVICES);
        assertThat(refusal(() -> plan("0.29").checkProcurement(FLOORS, ProcurementSubject.GOODS)).errorCode())
                .isEqualTo(EvaluationError.PRICE_WEIGHT_BELOW_FLOOR);
        // 最低评标价法 (Art. 54) has no price weight
        EvaluationPlan.parse(Map.of("qualification", List.of(Map.of("code", "Q1", "text", "营业执照"))), true)
                .checkProcurement(FLOORS, ProcurementSubject.GOODS);
    }

    @Test
    void gpl87_art55_servicesPriceWeightIsAtLeastTenPercent() {
        FLOORS.check(ProcurementSubject.SERVICES, false, new PriceFormula.LowestPriceFirst(d("0.10")));
        assertThat(refusal(() -> FLOORS.check(ProcurementSubject.SERVICES, false, new PriceFormula.LowestPriceFirst(d("0.09"))))
                .errorCode()).isEqualTo(EvaluationError.PRICE_WEIGHT_BELOW_FLOOR);
        // the goods floor is not the services floor
        assertThat(refusal(() -> FLOORS.check(ProcurementSubject.GOODS, false, new PriceFormula.LowestPriceFirst(d("0.10"))))
                .errorCode()).isEqualTo(EvaluationError.PRICE_WEIGHT_BELOW_FLOOR);
    }

    @Test
    void gpl87_art55_fixedPriceItemsHaveNoPriceFactorAndPriceIsScoredLowestFirst() {
        FLOORS.check(ProcurementSubject.SERVICES, true, null);
        assertThat(refusal(() -> FLOORS.check(ProcurementSubject.SERVICES, true, new PriceFormula.LowestPriceFirst(d("0.10"))))
                .errorCode()).isEqualTo(EvaluationError.PRICE_FACTOR_ON_FIXED_PRICE);
        var benchmark = new PriceFormula.BenchmarkPrice(0, BigDecimal.ZERO, d("40"), BigDecimal.ONE, BigDecimal.ONE);
        assertThat(refusal(() -> FLOORS.check(ProcurementSubject.GOODS, false, benchmark)).errorCode())
                .isEqualTo(EvaluationError.PRICE_FORMULA_NOT_LOWEST_FIRST);
        assertThatThrownBy(() -> new PriceWeightFloors(BigDecimal.ZERO, d("0.10"))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * 最低评标价法: A 100,000 (none) → 100,000.00; B 108,000 small at 10% → 97,200.00; C 97,200 (none) → 97,200.00.
     * B and C share rank 1 (并列, Art. 56), A is third.
     */
    @Test
    void gpl87_art54_lowestEvaluatedPriceRanksFirst() {
        var rates = RATES_19.inDocuments(d("0.10"), d("0.04"));
        List<Ranking.Ranked> ranked = ProcurementPricing.byLowestEvaluatedPrice(prices("A", "100000", "B", "108000", "C", "97200"),
                Map.of("B", small()), rates);
        assertThat(ranked).containsExactly(new Ranking.Ranked(1, "B", d("97200.00"), true),
                new Ranking.Ranked(1, "C", d("97200.00"), true), new Ranking.Ranked(3, "A", d("100000.00"), false));
    }

    /** The documents' rate lies within the range in force, both ends included; 19号's range is not 46号's. */
    @Test
    void caiku2022_19_smallMicroRateWithinTheDatedRange() {
        PolicyRates after = ratesAt(LocalDate.of(2022, 7, 1));
        after.inDocuments(d("0.10"), d("0.04"));
        after.inDocuments(d("0.20"), d("0.06"));
        DomainException low = refusal(() -> after.inDocuments(d("0.0999"), d("0.04")));
        assertThat(low.errorCode()).isEqualTo(EvaluationError.POLICY_RATE_OUT_OF_RANGE);
        assertThat(low.arguments()).containsExactly("9.99%", "10%", "20%");
        assertThat(refusal(() -> after.inDocuments(d("0.2001"), d("0.04"))).errorCode()).isEqualTo(EvaluationError.POLICY_RATE_OUT_OF_RANGE);
        assertThat(refusal(() -> after.inDocuments(d("0.10"), d("0.03"))).errorCode()).isEqualTo(EvaluationError.POLICY_RATE_OUT_OF_RANGE);
        // the day before, 46号's 6–10% is in force: 20% is refused, 6% accepted
        PolicyRates before = ratesAt(LocalDate.of(2022, 6, 30));
        before.inDocuments(d("0.06"), d("0.02"));
        assertThat(refusal(() -> before.inDocuments(d("0.20"), d("0.04"))).errorCode()).isEqualTo(EvaluationError.POLICY_RATE_OUT_OF_RANGE);
    }

    /** Bid 1,000,000 at 10%: a small/micro enterprise, a prison enterprise, a disabled welfare unit → 900,000.00. */
    @Test
    void caiku2020_46_prisonEnterprisesAndDisabledWelfareUnitsCountAsSmallMicro() {
        var rates = RATES_19.inDocuments(d("0.10"), d("0.04"));
        for (Status s : List.of(Status.SMALL_OR_MICRO, Status.PRISON_ENTERPRISE, Status.DISABLED_WELFARE_UNIT)) {
            assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), new Declaration(s, null, null), rates)).as(s.name())
                    .isEqualByComparingTo("900000.00");
        }
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), Declaration.none(), rates)).isEqualByComparingTo("1000000.00");
    }

    /** Consortium or subcontract: a 30% small/micro share ("30%以上" includes it) → 4%: 960,000.00; 29.99% → none. */
    @Test
    void caiku2020_46_consortiumWithThirtyPercentSmallMicroShareGetsTheLowerRate() {
        var rates = RATES_19.inDocuments(d("0.10"), d("0.04"));
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), new Declaration(Status.CONSORTIUM_OR_SUBCONTRACT, d("0.30"), null), rates))
                .isEqualByComparingTo("960000.00");
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), new Declaration(Status.CONSORTIUM_OR_SUBCONTRACT, d("0.2999"), null), rates))
                .isEqualByComparingTo("1000000.00");
        assertThatThrownBy(() -> new PolicyRates(range("0.10", "0.20"), range("0.04", "0.11"), d("0.30"), null))
                .as("the consortium rate is the lower one").isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Bid 1,000,000 of which 600,000 domestic goods, small at 10%. From 2026-01-01 (20% on the domestic goods,
     * multiplicatively — ⚠ open point): (1,000,000 − 0.20 × 600,000) × 0.90 = 792,000.00 (added instead it would be
     * 780,000). On 2025-12-31 there is no domestic preference: 900,000.00. A non-SME bid of domestic goods only:
     * 800,000.00 from 2026-01-01, 1,000,000.00 the day before.
     */
    @Test
    void gbf2025_34_domesticProductPreferenceFromJanuary2026() {
        var declaration = new Declaration(Status.SMALL_OR_MICRO, null, d("600000"));
        var allDomestic = new Declaration(Status.NONE, null, d("1000000"));
        var from = ratesAt(LocalDate.of(2026, 1, 1)).inDocuments(d("0.10"), d("0.04"));
        var before = ratesAt(LocalDate.of(2025, 12, 31)).inDocuments(d("0.10"), d("0.04"));
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), declaration, from)).isEqualByComparingTo("792000.00");
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), declaration, before)).isEqualByComparingTo("900000.00");
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), allDomestic, from)).isEqualByComparingTo("800000.00");
        assertThat(PolicyDeductions.evaluatedPrice(d("1000000"), allDomestic, before)).isEqualByComparingTo("1000000.00");
        assertThatThrownBy(() -> PolicyDeductions.evaluatedPrice(d("1000"), new Declaration(Status.NONE, null, d("1000.01")), from))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
