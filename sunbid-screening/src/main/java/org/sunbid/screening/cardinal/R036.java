package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * R036 Lowest bid disqualified: in a price-comparison process with an active award, the lowest submitted bid (in the
 * run's currency) is disqualified while a valid bid with an amount exists. OCID → 1.0.
 *
 * <p>The currency is the configured one, else the first met in the input; since a part does not know it, each part
 * keeps its flagged processes per currency and {@link #finish} keeps those of the run's currency.
 */
final class R036 implements Accumulator {

    /** Flagged processes per currency: seq and ocid. */
    private final Map<String, Flagged> byCurrency = new HashMap<>(4);
    private final Map<String, long[]> bids = new HashMap<>(4);

    static final class Flagged implements Serializable {
        final List<Long> seq = new ArrayList<>();
        final List<String> ocid = new ArrayList<>();
    }

    @Override
    public void add(Process p, Fold fold) {
        if (!fold.engine.priceComparison(p) || p.awards() == null || p.bids() == null) return;
        boolean active = false;
        for (Process.Award a : p.awards()) active |= a.status() == Process.ACTIVE;
        if (!active) return;
        String first = null;
        List<String> others = null;
        for (Process.Bid b : p.bids()) {
            if (!b.submitted() || !b.priced()) continue;
            bids.computeIfAbsent(b.currency(), k -> new long[1])[0]++;
            if (first == null) {
                first = b.currency();
                fold.observeCurrency(p.seq(), first);
            } else if (!first.equals(b.currency())) {
                if (others == null) others = new ArrayList<>(2);
                if (!others.contains(b.currency())) others.add(b.currency());
            }
        }
        if (first == null) return;
        check(p, first);
        if (others != null) for (String c : others) check(p, c);
    }

    private void check(Process p, String currency) {
        boolean found = false;
        double lowest = 0;
        boolean lowestDisqualified = false;
        boolean validWithAmount = false;
        for (Process.Bid b : p.bids()) {
            if (!b.submitted() || !b.priced() || !b.currency().equals(currency)) continue;
            if (!found || b.amount() < lowest) {
                found = true;
                lowest = b.amount();
                lowestDisqualified = b.status() == Process.DISQUALIFIED;
            }
            if (b.status() == Process.VALID) validWithAmount = true;
        }
        if (validWithAmount && lowestDisqualified) {
            Flagged f = byCurrency.computeIfAbsent(currency, k -> new Flagged());
            f.seq.add(p.seq());
            f.ocid.add(p.ocid());
        }
    }

    @Override
    public void merge(Accumulator other) {
        R036 o = (R036) other;
        for (Map.Entry<String, Flagged> e : o.byCurrency.entrySet()) {
            Flagged f = byCurrency.computeIfAbsent(e.getKey(), k -> new Flagged());
            f.seq.addAll(e.getValue().seq);
            f.ocid.addAll(e.getValue().ocid);
        }
        for (Map.Entry<String, long[]> e : o.bids.entrySet()) {
            bids.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue()[0];
        }
    }

    @Override
    public void finish(Fold fold, Output output) {
        String currency = fold.currency();
        Flagged f = currency == null ? null : byCurrency.get(currency);
        if (f != null) {
            for (int i = 0; i < f.seq.size(); i++) {
                output.result(Group.OCID, f.ocid.get(i), f.seq.get(i), Indicator.R036, 1.0);
            }
        }
        long skipped = 0;
        for (Map.Entry<String, long[]> e : bids.entrySet()) {
            if (!e.getKey().equals(currency)) skipped += e.getValue()[0];
        }
        if (skipped > 0 && !fold.engine.settings().infoCurrencyMismatches()) {
            output.warn(skipped + " submitted bid amount(s) not in " + currency + " skipped by R036");
        }
    }
}
