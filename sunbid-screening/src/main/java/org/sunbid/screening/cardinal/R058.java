package org.sunbid.screening.cardinal;

/**
 * R058 Heavily discounted bid: the second-lowest-bid ratio is at or above {@code threshold}, else at or above the
 * upper fence (Q3 + 1.5 IQR) of all ratios; skipped unless the fence is positive. OCID → the ratio; the winner → 0.0.
 */
final class R058 implements Accumulator {

    private final Double threshold;

    R058(Settings s) throws SettingsException {
        this.threshold = s.doubleValue("R058", "threshold");
    }

    @Override
    public void add(Process p, Fold fold) {
    }

    @Override
    public void merge(Accumulator other) {
    }

    @Override
    public void finish(Fold fold, Output output) {
        SecondLowestBidRatios.Ratios r = fold.secondLowestBidRatios().ratios(fold);
        double upperFence;
        if (threshold == null) {
            double[] sorted = r.sortedRatios();
            double q1 = Stats.quantileOfSorted(sorted, 0.25);
            double q3 = Stats.quantileOfSorted(sorted, 0.75);
            output.meta(Indicator.R058, "q1", q1);
            output.meta(Indicator.R058, "q3", q3);
            upperFence = Math.fma(q3 - q1, 1.5, q3);
        } else {
            upperFence = threshold;
        }
        output.meta(Indicator.R058, "upper_fence", upperFence);
        if (upperFence > 0) {
            for (int i = 0; i < r.size; i++) {
                if (r.ratio[i] >= upperFence) {
                    output.result(Group.OCID, r.ocid[i], r.seq[i], Indicator.R058, r.ratio[i]);
                    output.result(Group.Tenderer, r.winner(i), r.seq[i], Indicator.R058, 0.0);
                }
            }
        }
    }
}
