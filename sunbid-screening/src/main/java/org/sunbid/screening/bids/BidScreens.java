package org.sunbid.screening.bids;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The bid screens of one lot (投标报价离散度筛查), computed from its opened prices sorted b1 ≤ b2 ≤ … ≤ bn. Only for
 * lots with at least {@link #MINIMUM_BIDS} bids (kurtosis needs four; fewer bids say nothing about a distribution).
 *
 * <p>Estimators: μ is the mean; σ is the <b>sample</b> standard deviation (divisor n − 1), for all bids and for the
 * losing bids b2…bn; skewness is the bias-corrected sample skewness
 * G1 = n / ((n − 1)(n − 2)) · Σ((x − μ)/σ)³ and kurtosis the bias-corrected sample <b>excess</b> kurtosis
 * G2 = n(n + 1) / ((n − 1)(n − 2)(n − 3)) · Σ((x − μ)/σ)⁴ − 3(n − 1)² / ((n − 2)(n − 3)) (the estimators of Excel's
 * SKEW and KURT, SAS and SPSS). RDNOR divides b2 − b1 by the mean of the n − 1 adjacent gaps of all bids,
 * (bn − b1)/(n − 1). A screen whose formula divides by zero (all bids equal, equal losing bids) is left out
 * ({@link #value} gives null) rather than invented.
 *
 * <p>Sub-group screens (Imhof's screens for partial cartels): of every window of k consecutive sorted bids, the one
 * with the lowest CV stands for a possible sub-group of k colluders among honest bidders; {@link Screen#SUB3_CV} for
 * k = 3 (lots of four or more bids) and {@link Screen#SUB4_CV} for k = 4 (five or more).
 */
public final class BidScreens {

    /** The fewest bids a lot needs to be screened. */
    public static final int MINIMUM_BIDS = 4;

    private final double[] sorted;
    private final Map<Screen, Double> values;
    private final int[] tightest3;
    private final int[] tightest4;

    private BidScreens(double[] sorted) {
        this.sorted = sorted;
        Map<Screen, Double> v = new EnumMap<>(Screen.class);
        int n = sorted.length;
        double b1 = sorted[0];
        double b2 = sorted[1];
        double bn = sorted[n - 1];
        double mean = mean(sorted, 0, n);
        double sd = sd(sorted, 0, n);
        double gap = b2 - b1;
        put(v, Screen.CV, sd / mean);
        put(v, Screen.SPD, (bn - b1) / b1);
        put(v, Screen.DIFFP, gap / b1);
        put(v, Screen.RD, gap / sd(sorted, 1, n));
        put(v, Screen.RDNOR, gap / ((bn - b1) / (n - 1)));
        if (sd > 0) {
            double m3 = 0;
            double m4 = 0;
            for (double x : sorted) {
                double z = (x - mean) / sd;
                m3 += z * z * z;
                m4 += z * z * z * z;
            }
            put(v, Screen.SKEWNESS, n / ((n - 1.0) * (n - 2.0)) * m3);
            put(v, Screen.KURTOSIS, n * (n + 1.0) / ((n - 1.0) * (n - 2.0) * (n - 3.0)) * m4
                    - 3.0 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0)));
        }
        tightest3 = tightestWindow(sorted, 3);
        tightest4 = n >= 5 ? tightestWindow(sorted, 4) : null;
        if (tightest3 != null) {
            put(v, Screen.SUB3_CV, cv(sorted, tightest3[0], tightest3[0] + 3));
        }
        if (tightest4 != null) {
            put(v, Screen.SUB4_CV, cv(sorted, tightest4[0], tightest4[0] + 4));
        }
        this.values = Collections.unmodifiableMap(v);
    }

    /** The screens of a lot's opened prices (in any order); at least {@link #MINIMUM_BIDS}, all positive. */
    public static BidScreens of(Collection<BigDecimal> prices) {
        return of(prices.stream().mapToDouble(BigDecimal::doubleValue).toArray());
    }

    /** The screens of a lot's opened prices (in any order); at least {@link #MINIMUM_BIDS}, all positive. */
    public static BidScreens of(double... prices) {
        if (prices.length < MINIMUM_BIDS) {
            throw new IllegalArgumentException("a lot is screened from " + MINIMUM_BIDS + " bids, not " + prices.length);
        }
        double[] sorted = prices.clone();
        Arrays.sort(sorted);
        if (!(sorted[0] > 0) || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("prices must be positive and finite");
        }
        return new BidScreens(sorted);
    }

    /** Whether a lot with {@code bids} bids is screened. */
    public static boolean screens(int bids) {
        return bids >= MINIMUM_BIDS;
    }

    /** The number of bids. */
    public int bids() {
        return sorted.length;
    }

    /** The prices, lowest first. */
    public double[] sorted() {
        return sorted.clone();
    }

    /** The value of {@code screen}, or null where it is undefined for this lot. */
    public Double value(Screen screen) {
        return values.get(screen);
    }

    /** Every defined screen's value. */
    public Map<Screen, Double> values() {
        return values;
    }

    /**
     * The first index (into {@link #sorted}) of the {@code k} closest consecutive bids that {@code screen}'s sub-group
     * stands for, or -1 for a screen that is not a sub-group screen or not defined here.
     */
    public int subgroupStart(Screen screen) {
        int[] w = screen == Screen.SUB3_CV ? tightest3 : screen == Screen.SUB4_CV ? tightest4 : null;
        return w == null ? -1 : w[0];
    }

    private static void put(Map<Screen, Double> v, Screen s, double x) {
        if (Double.isFinite(x)) {
            v.put(s, x);
        }
    }

    /** The window of {@code k} consecutive sorted bids with the lowest CV (the first on ties); null if none defined. */
    private static int[] tightestWindow(double[] sorted, int k) {
        int best = -1;
        double bestCv = Double.POSITIVE_INFINITY;
        for (int i = 0; i + k <= sorted.length; i++) {
            double c = cv(sorted, i, i + k);
            if (c < bestCv) {
                bestCv = c;
                best = i;
            }
        }
        return best < 0 ? null : new int[] {best};
    }

    private static double cv(double[] x, int from, int to) {
        return sd(x, from, to) / mean(x, from, to);
    }

    static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    /** Sample standard deviation (divisor n − 1) of x[from, to). */
    static double sd(double[] x, int from, int to) {
        double m = mean(x, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (x[i] - m) * (x[i] - m);
        }
        return Math.sqrt(s / (to - from - 1));
    }
}
