package org.sunbid.screening.cardinal;

import java.util.Arrays;

/** The order statistics Cardinal uses (statrs: quantiles by Hyndman and Fan's definition 8). */
final class Stats {

    private Stats() {
    }

    /** The tau-quantile of the data (median-unbiased, type 8); NaN when empty or tau outside [0, 1]. */
    static double quantile(double[] data, double tau) {
        if (tau < 0 || tau > 1 || data.length == 0) return Double.NaN;
        return quantileOfSorted(sorted(data.clone()), tau);
    }

    /** Sorts {@code data} in place and returns it. */
    static double[] sorted(double[] data) {
        Arrays.sort(data);
        return data;
    }

    /** {@link #quantile} of data already sorted ascending (one sort for several quantiles). */
    static double quantileOfSorted(double[] sorted, double tau) {
        if (tau < 0 || tau > 1 || sorted.length == 0) return Double.NaN;
        int n = sorted.length;
        double h = (n + 1.0 / 3.0) * tau + 1.0 / 3.0;
        long hf = (long) h;
        if (hf <= 0 || tau == 0) return sorted[0];
        if (hf >= n || tau == 1.0) return sorted[n - 1];
        double a = sorted[(int) hf - 1];
        double b = sorted[(int) hf];
        return a + (h - hf) * (b - a);
    }

    static double lowerQuartile(double[] data) {
        return quantile(data, 0.25);
    }

    static double upperQuartile(double[] data) {
        return quantile(data, 0.75);
    }

    /** {@code p}-th percentile ({@code p} a non-negative integer). */
    static double percentile(double[] data, long p) {
        return quantile(data, p / 100.0);
    }
}
