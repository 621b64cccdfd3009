package org.sunbid.screening.cardinal;


/**
 * R035 All except winning bid disqualified: all awards final, exactly one tenderer with valid bids, the suppliers of
 * the active awards are exactly that tenderer, and at least {@code threshold} (default 1) other tenderers have
 * disqualified bids. OCID → the number of those tenderers; the winner → 0.0.
 */
final class R035 implements Accumulator {

    private final long threshold;
    private transient SmallSet[] scratch = {new SmallSet(), new SmallSet(), new SmallSet()};

    private Object readResolve() {
        scratch = new SmallSet[] {new SmallSet(), new SmallSet(), new SmallSet()};
        return this;
    }

    R035(Settings s) throws SettingsException {
        Long t = s.unsigned("R035", "threshold");
        this.threshold = t == null ? 1 : Math.max(t, 1);
    }

    @Override
    public void add(Process p, Fold fold) {
        if (!Engine.awardsFinal(p)) return;
        SmallSet suppliers = scratch[0];
        SmallSet valid = scratch[1];
        SmallSet disqualified = scratch[2];
        suppliers.clear();
        valid.clear();
        disqualified.clear();
        for (Process.Award a : p.awards()) {
            if (a.status() != Process.ACTIVE || a.suppliers() == null) continue;
            for (String id : a.suppliers()) if (id != null) suppliers.add(id);
        }
        for (Process.Bid b : p.bids()) {
            if (b.tenderers() == null) continue;
            SmallSet set = switch (b.status()) {
                case Process.VALID -> valid;
                case Process.DISQUALIFIED -> disqualified;
                default -> null;
            };
            if (set == null) continue;
            for (String id : b.tenderers()) if (id != null) set.add(id);
        }
        if (valid.size() != 1 || !valid.sameMembers(suppliers)) return;
        String winner = valid.get(0);
        long difference = 0;
        for (int i = 0; i < disqualified.size(); i++) if (!disqualified.get(i).equals(winner)) difference++;
        if (difference >= threshold) {
            fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R035, difference);
            fold.result(Group.Tenderer, winner, p.seq(), Indicator.R035, 0.0);
        }
    }

    @Override
    public void merge(Accumulator other) {
    }
}
