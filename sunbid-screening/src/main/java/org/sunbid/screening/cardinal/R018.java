package org.sunbid.screening.cardinal;

import java.util.Set;

/**
 * R018 Single bid received: {@code tender/numberOfTenderers} is 1 in a procedure whose method is in
 * {@code procurement_methods} (default {@code open|selective}). OCID → 1.0.
 */
final class R018 implements Accumulator {

    private final Set<String> methods;

    R018(Settings s) {
        String v = s.raw("R018", "procurement_methods");
        this.methods = Settings.pipes(v == null ? "open|selective" : v);
    }

    @Override
    public void add(Process p, Fold fold) {
        if (p.numberOfTenderers() == 1 && Engine.matchesMethod(p, methods)) {
            fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R018, 1.0);
        }
    }

    @Override
    public void merge(Accumulator other) {
    }
}
