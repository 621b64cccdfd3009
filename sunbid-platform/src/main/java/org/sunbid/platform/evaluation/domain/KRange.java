package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;

import org.sunbid.crypto.draw.Sm3Drbg;

/**
 * The published range of the downward factor K (下浮系数) and its draw at opening: K = min + j × step with j uniform
 * over every step in the range, from an SM3 DRBG seeded by a value fixed in the opening record, so anyone can
 * recompute it.
 */
public record KRange(BigDecimal min, BigDecimal max, BigDecimal step) {

    public KRange {
        if (min == null || max == null || step == null || min.signum() < 0 || max.compareTo(BigDecimal.ONE) >= 0
                || min.compareTo(max) > 0 || step.signum() <= 0
                || max.subtract(min).remainder(step).signum() != 0) {
            throw new IllegalArgumentException("K range: 0 ≤ min ≤ max < 1, the range a whole number of steps");
        }
    }

    /** How many values K can take. */
    public long values() {
        return max.subtract(min).divide(step).longValueExact() + 1;
    }

    /** K drawn from {@code seed}. */
    public BigDecimal draw(byte[] seed) {
        long j = new Sm3Drbg(seed).nextBelow(values());
        return min.add(step.multiply(BigDecimal.valueOf(j)));
    }
}
