package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How price scores are computed by the system, never typed (价格分由系统计算). A formula is data configured per tender
 * and previewed before publication; {@link #scores} gives each valid price its score, rounded to 0.01 (half up).
 */
public sealed interface PriceFormula {

    /** The scores of {@code validPrices}, in the same order. At least one price; every price positive. */
    List<BigDecimal> scores(List<BigDecimal> validPrices);

    /** The most points the price part can give. */
    BigDecimal maxPoints();

    /**
     * Lowest price first (低价优先法, 财政部令87号 Art. 55): benchmark = the lowest valid price; score = benchmark / price
     * × weight × 100.
     *
     * @param weight the price part's weight, 0 &lt; weight ≤ 1 (e.g. 0.30 for 30 points)
     */
    record LowestPriceFirst(BigDecimal weight) implements PriceFormula {
        public LowestPriceFirst {
            if (weight == null || weight.signum() <= 0 || weight.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("the price weight must be in (0, 1]");
            }
        }

        @Override
        public BigDecimal maxPoints() {
            return weight.multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        }

        @Override
        public List<BigDecimal> scores(List<BigDecimal> validPrices) {
            check(validPrices);
            BigDecimal lowest = validPrices.stream().min(Comparator.naturalOrder()).orElseThrow();
            BigDecimal full = weight.multiply(BigDecimal.valueOf(100));
            return validPrices.stream()
                    .map(p -> lowest.multiply(full).divide(p, 10, RoundingMode.HALF_UP).setScale(2, RoundingMode.HALF_UP))
                    .toList();
        }
    }

    /**
     * Benchmark price (基准价法) as construction tenders use it: benchmark = mean of the valid prices — without the
     * highest and the lowest when there are at least {@code dropExtremesFrom} of them — times (1 − K), rounded to the
     * fen; each percent above the benchmark costs {@code pointsPerPercentAbove}, each percent below
     * {@code pointsPerPercentBelow}, from {@code maxPoints}, never below zero.
     *
     * @param dropExtremesFrom       how many valid prices there must be for the extremes to be dropped (0: never)
     * @param k                      the downward factor K drawn at opening within the published range, 0 ≤ K &lt; 1
     */
    record BenchmarkPrice(int dropExtremesFrom, BigDecimal k, BigDecimal maxPoints, BigDecimal pointsPerPercentAbove,
            BigDecimal pointsPerPercentBelow) implements PriceFormula {
        public BenchmarkPrice {
            if (dropExtremesFrom < 0 || (dropExtremesFrom > 0 && dropExtremesFrom < 3) || k == null || k.signum() < 0
                    || k.compareTo(BigDecimal.ONE) >= 0 || maxPoints == null || maxPoints.signum() <= 0
                    || pointsPerPercentAbove == null || pointsPerPercentAbove.signum() < 0
                    || pointsPerPercentBelow == null || pointsPerPercentBelow.signum() < 0) {
                throw new IllegalArgumentException("invalid benchmark-price formula");
            }
        }

        /** The benchmark price for {@code validPrices}. */
        public BigDecimal benchmark(List<BigDecimal> validPrices) {
            check(validPrices);
            List<BigDecimal> counted = new ArrayList<>(validPrices);
            counted.sort(Comparator.naturalOrder());
            if (dropExtremesFrom > 0 && counted.size() >= dropExtremesFrom) {
                counted = counted.subList(1, counted.size() - 1);
            }
            BigDecimal sum = counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = sum.divide(BigDecimal.valueOf(counted.size()), 10, RoundingMode.HALF_UP);
            return mean.multiply(BigDecimal.ONE.subtract(k)).setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public List<BigDecimal> scores(List<BigDecimal> validPrices) {
            BigDecimal benchmark = benchmark(validPrices);
            BigDecimal hundred = BigDecimal.valueOf(100);
            return validPrices.stream().map(p -> {
                BigDecimal deviation = p.subtract(benchmark).multiply(hundred).divide(benchmark, 10, RoundingMode.HALF_UP);
                BigDecimal loss = deviation.signum() >= 0 ? deviation.multiply(pointsPerPercentAbove)
                        : deviation.negate().multiply(pointsPerPercentBelow);
                BigDecimal score = maxPoints.subtract(loss);
                return (score.signum() < 0 ? BigDecimal.ZERO : score).setScale(2, RoundingMode.HALF_UP);
            }).toList();
        }
    }

    private static void check(List<BigDecimal> prices) {
        if (prices == null || prices.isEmpty() || prices.stream().anyMatch(p -> p == null || p.signum() <= 0)) {
            throw new IllegalArgumentException("at least one valid, positive price");
        }
    }
}
