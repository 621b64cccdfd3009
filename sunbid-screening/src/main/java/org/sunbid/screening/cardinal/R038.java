package org.sunbid.screening.cardinal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * R038 Excessive disqualified bids: the share of disqualified among submitted bids per buyer and procuring entity
 * (with at least {@code minimum_contracting_processes} submitted bids, default 2) and per tenderer (at least
 * {@code minimum_submitted_bids}, default 2), at or above {@code threshold}, else the upper fence (Q3 + 1.5 IQR) of
 * the group; skipped unless the fence is positive. Buyer / ProcuringEntity / Tenderer → the share.
 */
final class R038 implements Accumulator {

    private final Double threshold;
    private final long minimumSubmittedBids;
    private final long minimumContractingProcesses;
    private final Ids ids;
    private final Tally buyers;
    private final Tally procuringEntities;
    private final Tally tenderers;

    R038(Settings s, Ids ids) throws SettingsException {
        this.ids = ids;
        this.buyers = new Tally(ids);
        this.procuringEntities = new Tally(ids);
        this.tenderers = new Tally(ids);
        this.threshold = s.doubleValue("R038", "threshold");
        Long bids = s.unsigned("R038", "minimum_submitted_bids");
        Long processes = s.unsigned("R038", "minimum_contracting_processes");
        this.minimumSubmittedBids = bids == null ? 2 : bids;
        this.minimumContractingProcesses = processes == null ? 2 : processes;
    }

    @Override
    public void add(Process p, Fold fold) {
        if (p.bids() == null) return;
        long submitted = 0;
        long disqualified = 0;
        for (Process.Bid b : p.bids()) {
            if (!b.submitted()) continue;
            submitted++;
            long increment = b.status() == Process.DISQUALIFIED ? 1 : 0;
            disqualified += increment;
            if (b.tenderers() != null) {
                for (String id : b.tenderers()) if (id != null) tenderers.add(id, p.seq(), increment, 1);
            }
        }
        if (submitted == 0) return;
        if (p.buyerId() != null) buyers.add(p.buyerId(), p.seq(), disqualified, submitted);
        if (p.procuringEntityId() != null) {
            procuringEntities.add(p.procuringEntityId(), p.seq(), disqualified, submitted);
        }
    }

    @Override
    public void merge(Accumulator other) {
        R038 o = (R038) other;
        int[] renumber = ids.renumbering(o.ids);
        buyers.merge(o.buyers, renumber);
        procuringEntities.merge(o.procuringEntities, renumber);
        tenderers.merge(o.tenderers, renumber);
    }

    @Override
    public void finish(Fold fold, Output output) {
        flag(output, buyers, minimumContractingProcesses, Group.Buyer);
        flag(output, procuringEntities, minimumContractingProcesses, Group.ProcuringEntity);
        flag(output, tenderers, minimumSubmittedBids, Group.Tenderer);
    }

    private void flag(Output output, Tally tally, long minimum, Group group) {
        int[] slots = tally.numbers();
        double[] ratios = new double[slots.length];
        int n = 0;
        for (int slot : slots) {
            if (tally.denominator(slot) >= minimum) {
                slots[n] = slot;
                ratios[n++] = (double) tally.numerator(slot) / tally.denominator(slot);
            }
        }
        if (n == 0) return;
        double upperFence;
        if (threshold == null) {
            double[] sorted = Stats.sorted(Arrays.copyOf(ratios, n));
            double q1 = Stats.quantileOfSorted(sorted, 0.25);
            double q3 = Stats.quantileOfSorted(sorted, 0.75);
            output.meta(Indicator.R038, group.name() + "_q1", q1);
            output.meta(Indicator.R038, group.name() + "_q3", q3);
            upperFence = Math.fma(q3 - q1, 1.5, q3);
        } else {
            upperFence = threshold;
        }
        output.meta(Indicator.R038, group.name() + "_upper_fence", upperFence);
        if (upperFence > 0) {
            List<Integer> flagged = new ArrayList<>();
            for (int i = 0; i < n; i++) if (ratios[i] >= upperFence) flagged.add(i);
            Comparator<String> order = Ids.hashMapOrder(Ids.hashMapCapacity(tally.size()));
            flagged.sort((a, b) -> order.compare(tally.key(slots[a]), tally.key(slots[b])));
            for (int i : flagged) {
                output.result(group, tally.key(slots[i]), tally.first(slots[i]), Indicator.R038, ratios[i]);
            }
        }
    }
}
