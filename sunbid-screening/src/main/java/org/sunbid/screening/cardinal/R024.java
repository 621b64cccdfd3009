package org.sunbid.screening.cardinal;

/**
 * R024 Price close to winning bid: the second-lowest-bid ratio is at or below {@code threshold}, else at or below the
 * lower fence (Q1 - 1.5 IQR) of all ratios; skipped unless Q1 and the fence are positive. OCID → the ratio; the
 * winner and the second-lowest tenderer → 0.0.
 */
final class R024 implements Accumulator {

    private final Double threshold;

    R024(Settings s) throws SettingsException {
        this.threshold = s.doubleValue("R024", "threshold");
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
        double lowerFence;
        double q1;
        if (threshold == null) {
            double[] sorted = r.sortedRatios();
            q1 = Stats.quantileOfSorted(sorted, 0.25);
            double q3 = Stats.quantileOfSorted(sorted, 0.75);
            output.meta(Indicator.R024, "q1", q1);
            output.meta(Indicator.R024, "q3", q3);
            lowerFence = Math.fma(q3 - q1, -1.5, q1);
        } else {
            lowerFence = threshold;
            q1 = 1.0;
        }
        output.meta(Indicator.R024, "lower_fence", lowerFence);
        if (q1 > 0 && lowerFence > 0) {
            for (int i = 0; i < r.size; i++) {
                if (r.ratio[i] <= lowerFence) {
                    output.result(Group.OCID, r.ocid[i], r.seq[i], Indicator.R024, r.ratio[i]);
                    output.result(Group.Tenderer, r.winner(i), r.seq[i], Indicator.R024, 0.0);
                    output.result(Group.Tenderer, r.loser(i), r.seq[i], Indicator.R024, 0.0);
                }
            }
        }
    }
}
