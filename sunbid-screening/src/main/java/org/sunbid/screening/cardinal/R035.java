package org.sunbid.screening.cardinal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * R035 All except winning bid disqualified: all awards final, exactly one tenderer with valid bids, the suppliers of
 * the active awards are exactly that tenderer, and at least {@code threshold} (default 1) other tenderers have
 * disqualified bids. OCID → the number of those tenderers; the winner → 0.0.
 */
final class R035 implements Accumulator {

    private final long threshold;

    R035(Settings s) throws SettingsException {
        Long t = s.unsigned("R035", "threshold");
        this.threshold = t == null ? 1 : Math.max(t, 1);
    }

    @Override
    public void add(Process p, Fold fold) {
        List<Process.Award> complete = Engine.completeAwards(p);
        if (complete == null) return;
        Set<String> suppliers = new LinkedHashSet<>();
        for (Process.Award a : complete) {
            if (a.suppliers() == null) continue;
            for (String id : a.suppliers()) if (id != null) suppliers.add(id);
        }
        Set<String> valid = new LinkedHashSet<>();
        Set<String> disqualified = new LinkedHashSet<>();
        for (Process.Bid b : p.bids()) {
            if (b.tenderers() == null) continue;
            Set<String> set = switch (b.status()) {
                case Process.VALID -> valid;
                case Process.DISQUALIFIED -> disqualified;
                default -> null;
            };
            if (set == null) continue;
            for (String id : b.tenderers()) if (id != null) set.add(id);
        }
        if (valid.size() != 1 || !valid.equals(suppliers)) return;
        String winner = valid.iterator().next();
        long difference = disqualified.stream().filter(id -> !id.equals(winner)).count();
        if (difference >= threshold) {
            fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R035, difference);
            fold.result(Group.Tenderer, winner, p.seq(), Indicator.R035, 0.0);
        }
    }

    @Override
    public void merge(Accumulator other) {
    }
}
