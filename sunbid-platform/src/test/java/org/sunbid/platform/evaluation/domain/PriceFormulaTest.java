package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Price formulas against hand-computed tables (see each test's comment for the arithmetic). */
class PriceFormulaTest {

    private static List<BigDecimal> d(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** 87号 Art. 55, weight 30%: 100 → 100/100×30 = 30.00; 120 → 25.00; 150 → 20.00; a tie at the lowest → both 30.00. */
    @Test
    void art55_lowestPriceFirst() {
        PriceFormula f = new PriceFormula.LowestPriceFirst(new BigDecimal("0.30"));
        assertThat(f.scores(d("100", "120", "150", "100"))).isEqualTo(d("30.00", "25.00", "20.00", "30.00"));
        assertThat(f.scores(d("3456789.12"))).as("a single valid bid is the benchmark").isEqualTo(d("30.00"));
        // 1/3 rounds half up at the fen: 100/300×30 = 10.00; 100/301×30 = 9.9668 → 9.97
        assertThat(f.scores(d("100", "300", "301"))).isEqualTo(d("30.00", "10.00", "9.97"));
    }

    /**
     * Five prices 980 … 1060, extremes dropped from 5: mean(1000, 1020, 1040) = 1020, K = 2% → benchmark 999.60.
     * 60 points, −1 per percent above, −0.5 per percent below:
     * 980: −1.9608% → 60 − 0.9804 = 59.02; 1000: +0.0400% → 59.96; 1020: +2.0408% → 57.96; 1040: +4.0416% → 55.96;
     * 1060: +6.0424% → 53.96.
     */
    @Test
    void benchmarkPriceWithExtremesDropped() {
        PriceFormula.BenchmarkPrice f = new PriceFormula.BenchmarkPrice(5, new BigDecimal("0.02"), new BigDecimal("60"),
                BigDecimal.ONE, new BigDecimal("0.5"));
        List<BigDecimal> prices = d("980", "1000", "1020", "1040", "1060");
        assertThat(f.benchmark(prices)).isEqualByComparingTo("999.60");
        assertThat(f.scores(prices)).isEqualTo(d("59.02", "59.96", "57.96", "55.96", "53.96"));
        // four prices: nothing dropped: mean 1010 × 0.98 = 989.80
        assertThat(f.benchmark(d("980", "1000", "1020", "1040"))).isEqualByComparingTo("989.80");
    }

    /**
     * K at the bounds of its range [0, 5%], prices 900, 1000, 1100 (nothing dropped):
     * K = 0: benchmark 1000.00 → 900: −10% → 55.00; 1000: 60.00; 1100: +10% → 50.00.
     * K = 5%: benchmark 950.00 → 900: −5.2632% → 57.37; 1000: +5.2632% → 54.74; 1100: +15.7895% → 44.21.
     */
    @Test
    void benchmarkPriceWithKAtItsBounds() {
        List<BigDecimal> prices = d("900", "1000", "1100");
        assertThat(new PriceFormula.BenchmarkPrice(5, BigDecimal.ZERO, new BigDecimal("60"), BigDecimal.ONE, new BigDecimal("0.5"))
                .scores(prices)).isEqualTo(d("55.00", "60.00", "50.00"));
        assertThat(new PriceFormula.BenchmarkPrice(5, new BigDecimal("0.05"), new BigDecimal("60"), BigDecimal.ONE,
                new BigDecimal("0.5")).scores(prices)).isEqualTo(d("57.37", "54.74", "44.21"));
    }

    /** One valid bid: benchmark = 1000 × 0.95 = 950 → +5.2632% → 54.74; far above the benchmark the score stops at 0. */
    @Test
    void benchmarkPriceSingleBidAndFloor() {
        PriceFormula.BenchmarkPrice f = new PriceFormula.BenchmarkPrice(5, new BigDecimal("0.05"), new BigDecimal("60"),
                BigDecimal.ONE, new BigDecimal("0.5"));
        assertThat(f.scores(d("1000"))).isEqualTo(d("54.74"));
        PriceFormula.BenchmarkPrice noK = new PriceFormula.BenchmarkPrice(0, BigDecimal.ZERO, new BigDecimal("60"),
                BigDecimal.ONE, new BigDecimal("0.5"));
        // mean(1000, 1000, 2200) = 1400: 2200 is +57.14% → 60 − 57.14 = 2.86; 1000 is −28.57% → 60 − 14.29 = 45.71
        assertThat(noK.scores(d("1000", "1000", "2200"))).isEqualTo(d("45.71", "45.71", "2.86"));
        assertThat(noK.scores(d("1000", "3000"))).as("+50% → 10.00; −50% → 35.00").isEqualTo(d("35.00", "10.00"));
        assertThat(noK.scores(d("100", "1000", "1000", "1000", "10000")).get(4)).as("never below zero").isEqualByComparingTo("0.00");
    }

    @Test
    void formulasRefuseNonsense() {
        assertThatThrownBy(() -> new PriceFormula.LowestPriceFirst(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceFormula.BenchmarkPrice(5, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceFormula.LowestPriceFirst(BigDecimal.ONE).scores(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PriceFormula.LowestPriceFirst(BigDecimal.ONE).scores(d("100", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** K is drawn uniformly over every step of its range, at both bounds too, and the same seed gives the same K. */
    @Test
    void kIsDrawnOverItsWholeRange() {
        KRange range = new KRange(new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("0.01"));
        assertThat(range.values()).isEqualTo(6);
        Map<BigDecimal, Integer> seen = new HashMap<>();
        for (int i = 0; i < 6000; i++) {
            byte[] seed = org.sunbid.crypto.Sm3.hash(("opening-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            seen.merge(range.draw(seed), 1, Integer::sum);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(d("0.00", "0.01", "0.02", "0.03", "0.04", "0.05"));
        assertThat(seen.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
        byte[] seed = new byte[32];
        assertThat(range.draw(seed)).isEqualTo(range.draw(seed));
        assertThatThrownBy(() -> new KRange(new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("0.02")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
