package org.sunbid.screening.bids;

import java.util.Arrays;

/**
 * The quartiles of one screen over the comparable lots and its Tukey fences: lower Q1 − 1.5·IQR, upper Q3 + 1.5·IQR
 * (as Cardinal's R024 uses the lower fence). Quartiles by linear interpolation between order statistics (R's type 7,
 * numpy's default): the q-quantile of sorted x0 … x(m−1) is at position h = (m − 1)·q.
 *
 * @param screen the screen
 * @param lots   how many comparable lots gave a value
 * @param q1     the first quartile
 * @param q3     the third quartile
 * @param lower  Q1 − 1.5·IQR
 * @param upper  Q3 + 1.5·IQR
 */
public record Fence(Screen screen, int lots, double q1, double q3, double lower, double upper) {

    /** The fences of {@code screen} over {@code values} (at least one). */
    public static Fence of(Screen screen, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double q1 = quantile(x, 0.25);
        double q3 = quantile(x, 0.75);
        double iqr = q3 - q1;
        return new Fence(screen, x.length, q1, q3, q1 - 1.5 * iqr, q3 + 1.5 * iqr);
    }

    /** The q-quantile of sorted {@code x} (type 7). */
    static double quantile(double[] x, double q) {
        double h = (x.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, x.length - 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    /**
     * Whether {@code value} lies beyond the fence in the direction collusion pushes the screen. RD is also held to its
     * signature: flagged only above 1 as well as above the fence.
     */
    public boolean flags(double value) {
        return switch (screen.collusion()) {
            case LOW -> value < lower;
            case HIGH -> value > upper && (screen != Screen.RD || value > 1.0);
        };
    }
}
