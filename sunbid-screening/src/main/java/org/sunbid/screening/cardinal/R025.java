package org.sunbid.screening.cardinal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R025 Excessive unsuccessful bids: per tenderer, the share of processes (sole active award with one supplier, all
 * awards final) in which its valid bid won. Flagged when it bid in at least the {@code percentile}-th percentile
 * (default 75) of processes and its share is at or below {@code threshold}, else the lower fence of all shares;
 * skipped unless Q1 and the fence are positive. Tenderer → the share.
 */
final class R025 implements Accumulator {

    private final long percentile;
    private final Double threshold;
    private final Tally tally;
    private transient SmallSet scratch = new SmallSet();

    R025(Settings s, Ids ids) throws SettingsException {
        this.tally = new Tally(ids);
        Long p = s.unsigned("R025", "percentile");
        this.percentile = p == null ? 75 : p;
        this.threshold = s.doubleValue("R025", "threshold");
    }

    @Override
    public void add(Process p, Fold fold) {
        String supplier = Engine.soleSupplier(p);
        if (supplier == null) return;
        SmallSet valid = scratch;
        valid.clear();
        for (Process.Bid b : p.bids()) {
            String[] t = b.tenderers();
            if (b.status() == Process.VALID && t != null && t.length == 1 && t[0] != null) valid.add(t[0]);
        }
        for (int i = 0; i < valid.size(); i++) {
            String id = valid.get(i);
            tally.add(id, p.seq(), supplier.equals(id) ? 1 : 0, 1);
        }
    }

    private Object readResolve() {
        scratch = new SmallSet();
        return this;
    }

    @Override
    public void merge(Accumulator other) {
        Tally o = ((R025) other).tally;
        tally.merge(o, tally.ids().renumbering(o.ids()));
    }

    @Override
    public void finish(Fold fold, Output output) {
        int[] slots = tally.numbers();
        int n = slots.length;
        double[] denominators = new double[n];
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            denominators[i] = tally.denominator(slots[i]);
            ratios[i] = (double) tally.numerator(slots[i]) / tally.denominator(slots[i]);
        }
        double upperFence = Stats.percentile(denominators, percentile);
        double lowerFence;
        double q1;
        if (threshold == null) {
            double[] sorted = Stats.sorted(ratios.clone());
            q1 = Stats.quantileOfSorted(sorted, 0.25);
            double q3 = Stats.quantileOfSorted(sorted, 0.75);
            output.meta(Indicator.R025, "q1", q1);
            output.meta(Indicator.R025, "q3", q3);
            lowerFence = Math.fma(q3 - q1, -1.5, q1);
        } else {
            lowerFence = threshold;
            q1 = 1.0;
        }
        output.meta(Indicator.R025, "upper_fence", upperFence);
        output.meta(Indicator.R025, "lower_fence", lowerFence);
        if (q1 > 0 && lowerFence > 0) {
            List<Integer> flagged = new ArrayList<>();
            for (int i = 0; i < n; i++) if (denominators[i] >= upperFence && ratios[i] <= lowerFence) flagged.add(i);
            Comparator<String> order = Ids.hashMapOrder(Ids.hashMapCapacity(n));
            flagged.sort((a, b) -> order.compare(tally.key(slots[a]), tally.key(slots[b])));
            for (int i : flagged) {
                output.result(Group.Tenderer, tally.key(slots[i]), tally.first(slots[i]), Indicator.R025, ratios[i]);
            }
        }
    }
}
