package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Per process, the difference between the lowest valid non-winning bid and the winning bid, relative to the winning
 * bid (Cardinal's {@code SecondLowestBidRatio}, shared by R024 and R058). Only price-comparison processes whose sole
 * active award (all awards final) has a single supplier count; only valid bids by one tenderer with an amount and a
 * currency. Amounts are compared within one currency; since the currency is not known before the whole input is
 * read (the configured one, else the first met), each part keeps the ratios per currency met.
 */
final class SecondLowestBidRatios implements Accumulator {

    private final Map<String, Ratios> byCurrency = new HashMap<>(4);
    private final Map<String, long[]> bids = new HashMap<>(4);
    private transient Ratios finished;
    private final Ids ids;

    SecondLowestBidRatios(Ids ids) {
        this.ids = ids;
    }

    /** Parallel arrays, one row per process. */
    static final class Ratios implements Serializable {
        long[] seq = new long[16];
        String[] ocid = new String[16];
        double[] ratio = new double[16];
        /** The winner's and the second-lowest tenderer's organisation numbers ({@link #ids}). */
        int[] winner = new int[16];
        int[] loser = new int[16];
        final Ids ids;
        int size;
        /** The ratios sorted ascending, made once for R024 and R058. */
        private transient double[] sorted;

        double[] sortedRatios() {
            if (sorted == null) sorted = Stats.sorted(Arrays.copyOf(ratio, size));
            return sorted;
        }

        Ratios(Ids ids) {
            this.ids = ids;
        }

        String winner(int i) {
            return ids.key(winner[i]);
        }

        String loser(int i) {
            return ids.key(loser[i]);
        }

        void add(long s, String o, double r, int w, int l) {
            if (size == seq.length) {
                int n = size * 2;
                seq = Arrays.copyOf(seq, n);
                ocid = Arrays.copyOf(ocid, n);
                ratio = Arrays.copyOf(ratio, n);
                winner = Arrays.copyOf(winner, n);
                loser = Arrays.copyOf(loser, n);
            }
            seq[size] = s;
            ocid[size] = o;
            ratio[size] = r;
            winner[size] = w;
            loser[size] = l;
            size++;
        }

        void addAll(Ratios o, int[] renumber) {
            for (int i = 0; i < o.size; i++) {
                add(o.seq[i], o.ocid[i], o.ratio[i], renumber[o.winner[i]], renumber[o.loser[i]]);
            }
        }
    }

    @Override
    public void add(Process p, Fold fold) {
        if (!fold.engine.priceComparison(p)) return;
        String supplier = Engine.soleSupplier(p);
        if (supplier == null) return;
        String first = null;
        String[] others = null; // further currencies, rare
        int otherCount = 0;
        for (Process.Bid b : p.bids()) {
            if (!counts(b)) continue;
            String c = b.currency();
            bids.computeIfAbsent(c, k -> new long[1])[0]++;
            if (first == null) {
                first = c;
                fold.observeCurrency(p.seq(), c);
            } else if (!first.equals(c)) {
                boolean seen = false;
                for (int i = 0; i < otherCount; i++) seen |= others[i].equals(c);
                if (!seen) {
                    if (others == null) others = new String[4];
                    if (otherCount == others.length) others = Arrays.copyOf(others, otherCount * 2);
                    others[otherCount++] = c;
                }
            }
        }
        if (first == null) return;
        compute(p, supplier, first);
        for (int i = 0; i < otherCount; i++) compute(p, supplier, others[i]);
    }

    private static boolean counts(Process.Bid b) {
        String[] t = b.tenderers();
        return b.status() == Process.VALID && b.priced() && t != null && t.length == 1 && t[0] != null;
    }

    private void compute(Process p, String supplier, String currency) {
        String winner = null;
        double winnerAmount = 0;
        String loser = null;
        double loserAmount = 0;
        for (Process.Bid b : p.bids()) {
            if (!counts(b) || !b.currency().equals(currency)) continue;
            String id = b.tenderers()[0];
            double amount = b.amount();
            if (supplier.equals(id)) {
                if (winner == null || amount < winnerAmount) {
                    winner = id;
                    winnerAmount = amount;
                }
            } else if (loser == null || amount < loserAmount) {
                loser = id;
                loserAmount = amount;
            }
        }
        if (winner != null && loser != null && loserAmount >= winnerAmount) {
            byCurrency.computeIfAbsent(currency, k -> new Ratios(ids)).add(p.seq(), p.ocid(),
                    (loserAmount - winnerAmount) / winnerAmount, ids.number(winner), ids.number(loser));
        }
    }

    @Override
    public void merge(Accumulator other) {
        SecondLowestBidRatios o = (SecondLowestBidRatios) other;
        int[] renumber = ids.renumbering(o.ids);
        for (Map.Entry<String, Ratios> e : o.byCurrency.entrySet()) {
            byCurrency.computeIfAbsent(e.getKey(), k -> new Ratios(ids)).addAll(e.getValue(), renumber);
        }
        for (Map.Entry<String, long[]> e : o.bids.entrySet()) {
            bids.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue()[0];
        }
    }

    @Override
    public void finish(Fold fold, Output output) {
        String currency = fold.currency();
        long skipped = 0;
        for (Map.Entry<String, long[]> e : bids.entrySet()) {
            if (!e.getKey().equals(currency)) skipped += e.getValue()[0];
        }
        if (skipped > 0 && !fold.engine.settings().infoCurrencyMismatches()) {
            output.warn(skipped + " valid bid amount(s) not in " + currency + " skipped by R024/R058");
        }
    }

    /** The rows by position in the input (ties by row: a stable sort), without boxing when positions allow. */
    private static int[] inputOrder(Ratios all) {
        int n = all.size;
        int indexBits = 32 - Integer.numberOfLeadingZeros(Math.max(n, 1));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, all.seq[i]);
            max = Math.max(max, all.seq[i]);
        }
        int[] order = new int[n];
        if (n > 0 && min >= 0 && max < (1L << (63 - indexBits))) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = all.seq[i] << indexBits | i;
            Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & mask);
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        long[] seq = all.seq;
        Arrays.sort(boxed, (a, b) -> Long.compare(seq[a], seq[b]));
        for (int i = 0; i < n; i++) order[i] = boxed[i];
        return order;
    }

    /**
     * The ratios in the run's currency, one per ocid (a later line replaces an earlier one with the same ocid), in
     * input order.
     */
    Ratios ratios(Fold fold) {
        if (finished != null) return finished;
        Ratios all = fold.currency() == null ? null : byCurrency.get(fold.currency());
        Ratios out = new Ratios(ids);
        if (all != null) {
            int[] order = inputOrder(all);
            // the last row of each ocid in input order (open addressing over the ocids: row + 1, 0 empty)
            boolean[] last = new boolean[all.size];
            int[] table = new int[Integer.highestOneBit(Math.max(all.size, 1) * 2) * 2];
            int mask = table.length - 1;
            for (int i : order) {
                String ocid = all.ocid[i];
                int h = ocid.hashCode();
                int at = Ids.slot(h, mask);
                int row;
                while ((row = table[at]) != 0 && !all.ocid[row - 1].equals(ocid)) at = (at + 1) & mask;
                if (row != 0) last[row - 1] = false;
                table[at] = i + 1;
                last[i] = true;
            }
            for (int i : order) {
                if (last[i]) out.add(all.seq[i], all.ocid[i], all.ratio[i], all.winner[i], all.loser[i]);
            }
        }
        finished = out;
        return out;
    }
}
