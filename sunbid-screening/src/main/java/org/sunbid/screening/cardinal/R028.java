package org.sunbid.screening.cardinal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * R028 Identical bid prices: two submitted bids in a price-comparison process have the same amount and currency but
 * different sets of tenderers. OCID → 1.0; each tenderer of both bids → 1.0.
 */
final class R028 implements Accumulator {

    private record Price(double amount, String currency) {
        Price {
            if (amount == 0) amount = 0.0; // -0.0 equals 0.0, as with OrderedFloat
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Price p && Double.compare(amount, p.amount) == 0 && currency.equals(p.currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Double.doubleToLongBits(amount), currency);
        }
    }

    @Override
    public void add(Process p, Fold fold) {
        if (p.bids() == null || !fold.engine.priceComparison(p)) return;
        Map<Price, Set<String>> prices = null;
        for (Process.Bid b : p.bids()) {
            if (!b.submitted() || b.tenderers() == null || !b.priced()) continue;
            Set<String> ids = new LinkedHashSet<>();
            for (String id : b.tenderers()) if (id != null) ids.add(id);
            if (ids.isEmpty()) continue;
            if (prices == null) prices = new HashMap<>();
            Price price = new Price(b.amount(), b.currency());
            Set<String> other = prices.get(price);
            if (other != null && !ids.equals(other)) {
                fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R028, 1.0);
                for (String id : ids) fold.result(Group.Tenderer, id, p.seq(), Indicator.R028, 1.0);
                for (String id : other) fold.result(Group.Tenderer, id, p.seq(), Indicator.R028, 1.0);
            }
            prices.put(price, ids);
        }
    }

    @Override
    public void merge(Accumulator other) {
    }
}
