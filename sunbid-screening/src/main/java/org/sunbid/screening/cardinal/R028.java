package org.sunbid.screening.cardinal;

/**
 * R028 Identical bid prices: two submitted bids in a price-comparison process have the same amount and currency but
 * different sets of tenderers. OCID → 1.0; each tenderer of both bids → 1.0.
 */
final class R028 implements Accumulator {

    @Override
    public void add(Process p, Fold fold) {
        if (p.bids() == null || !fold.engine.priceComparison(p)) return;
        Process.Bid[] bids = p.bids();
        String[][] ids = null; // per bid: its distinct tenderer ids, or null when the bid has no price or no ids
        for (int i = 0; i < bids.length; i++) {
            Process.Bid b = bids[i];
            if (!b.submitted() || b.tenderers() == null || !b.priced()) continue;
            String[] mine = SmallSet.distinct(b.tenderers());
            if (mine.length == 0) continue;
            if (ids == null) ids = new String[bids.length][];
            ids[i] = mine;
            // The latest earlier bid at the same price (amount, with -0.0 = 0.0, and currency).
            for (int j = i - 1; j >= 0; j--) {
                if (ids[j] == null || bids[j].amount() != b.amount() || !bids[j].currency().equals(b.currency())) {
                    continue;
                }
                String[] other = ids[j];
                if (!SmallSet.sameMembers(mine, other)) {
                    fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R028, 1.0);
                    for (String id : mine) fold.result(Group.Tenderer, id, p.seq(), Indicator.R028, 1.0);
                    for (String id : other) fold.result(Group.Tenderer, id, p.seq(), Indicator.R028, 1.0);
                }
                break;
            }
        }
    }

    @Override
    public void merge(Accumulator other) {
    }
}
