package org.sunbid.screening.cardinal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * R048 Heterogeneous supplier: per supplier of active single-supplier awards in at least
 * {@code minimum_contracting_processes} processes (default 20), the number of distinct item classification prefixes
 * ({@code digits} characters, default 2) at or above {@code threshold}, else the upper fence (Q3 + 1.5 IQR).
 * Tenderer → the number of prefixes.
 *
 * <p>The prefixes are numbered as they are met (a small table, looked up without cutting the code), and each supplier
 * keeps the set of its prefix numbers as bits, in arrays indexed by the fold's organisation numbers ({@link Ids}).
 * Merging renumbers the other part's prefixes and organisations through their strings.
 */
final class R048 implements Accumulator {

    private final int digits;
    private final Long threshold;
    private final long minimumContractingProcesses;

    private final Ids ids;
    /** Per organisation number: processes (0 when not a supplier here), first seq and prefix bits. */
    private long[] processes = new long[256];
    private long[] firstSeqs = new long[256];
    private long[][] codes = new long[256][];
    private int size;

    /** Prefixes: number → string, and an open-addressing table of numbers (-1 empty). */
    private String[] prefixes = new String[16];
    private int prefixCount;
    private int[] prefixTable = filled(32);

    private transient SmallSet scratch = new SmallSet();

    private Object readResolve() {
        scratch = new SmallSet();
        return this;
    }

    R048(Settings s, Ids ids) throws SettingsException {
        this.ids = ids;
        Long d = s.unsigned("R048", "digits");
        this.digits = d == null ? 2 : (int) Math.min(d, Integer.MAX_VALUE);
        this.threshold = s.unsigned("R048", "threshold");
        Long m = s.unsigned("R048", "minimum_contracting_processes");
        this.minimumContractingProcesses = m == null ? 20 : m;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    @Override
    public void add(Process p, Fold fold) {
        if (p.awards() == null) return;
        SmallSet observed = scratch;
        observed.clear();
        for (Process.Award a : p.awards()) {
            String[] s = a.suppliers();
            String[] items = a.itemClassifications();
            if (a.status() != Process.ACTIVE || items == null || s == null || s.length != 1 || s[0] == null) {
                continue;
            }
            int slot = -1;
            for (String code : items) {
                if (code == null) continue;
                if (slot < 0) {
                    slot = slot(s[0], p.seq());
                    if (observed.add(s[0])) processes[slot]++;
                }
                set(slot, prefix(code));
            }
        }
    }

    /** The slot (organisation number) of a supplier, with {@code seq} as its first position if new. */
    private int slot(String id, long seq) {
        return slot(ids.number(id), seq);
    }

    private int slot(int number, long seq) {
        if (number >= processes.length) {
            int n = Math.max(number + 1, processes.length * 2);
            processes = Arrays.copyOf(processes, n);
            firstSeqs = Arrays.copyOf(firstSeqs, n);
            codes = Arrays.copyOf(codes, n);
        }
        if (codes[number] == null) { // new here: the caller sets a prefix bit next
            size++;
            firstSeqs[number] = seq;
        } else if (seq < firstSeqs[number]) {
            firstSeqs[number] = seq;
        }
        return number;
    }

    private void set(int slot, int prefix) {
        long[] bits = codes[slot];
        int word = prefix >>> 6;
        if (bits == null || bits.length <= word) {
            bits = bits == null ? new long[word + 1] : Arrays.copyOf(bits, word + 1);
            codes[slot] = bits;
        }
        bits[word] |= 1L << prefix;
    }

    /** The number of the code's first {@code digits} code points (the whole code when shorter). */
    private int prefix(String code) {
        int end;
        if (code.length() <= digits) {
            end = code.length();
        } else {
            end = digits;
            for (int i = 0; i < digits; i++) {
                if (Character.isSurrogate(code.charAt(i))) {
                    end = code.offsetByCodePoints(0, Math.min(digits, code.codePointCount(0, code.length())));
                    break;
                }
            }
        }
        int h = 0;
        for (int i = 0; i < end; i++) h = 31 * h + code.charAt(i);
        int mask = prefixTable.length - 1;
        int i = Ids.slot(h, mask);
        int number;
        while ((number = prefixTable[i]) >= 0) {
            String known = prefixes[number];
            if (known.length() == end && code.regionMatches(0, known, 0, end)) return number;
            i = (i + 1) & mask;
        }
        return newPrefix(end == code.length() ? code : code.substring(0, end));
    }

    private int newPrefix(String prefix) {
        if (prefixCount == prefixes.length) prefixes = Arrays.copyOf(prefixes, prefixCount * 2);
        int number = prefixCount++;
        prefixes[number] = prefix;
        if (prefixCount * 2 > prefixTable.length) {
            prefixTable = filled(prefixTable.length * 2);
            for (int n = 0; n < prefixCount; n++) place(n);
        } else {
            place(number);
        }
        return number;
    }

    private void place(int number) {
        int mask = prefixTable.length - 1;
        int i = Ids.slot(prefixes[number].hashCode(), mask);
        while (prefixTable[i] >= 0) i = (i + 1) & mask;
        prefixTable[i] = number;
    }

    private int prefixNumber(String prefix) {
        int mask = prefixTable.length - 1;
        int i = Ids.slot(prefix.hashCode(), mask);
        int number;
        while ((number = prefixTable[i]) >= 0) {
            if (prefixes[number].equals(prefix)) return number;
            i = (i + 1) & mask;
        }
        return newPrefix(prefix);
    }

    @Override
    public void merge(Accumulator other) {
        R048 o = (R048) other;
        int[] renumber = new int[o.prefixCount];
        for (int n = 0; n < o.prefixCount; n++) renumber[n] = prefixNumber(o.prefixes[n]);
        int[] organisations = ids.renumbering(o.ids);
        for (int j = 0; j < o.processes.length; j++) {
            if (o.codes[j] == null) continue;
            int slot = slot(organisations[j], o.firstSeqs[j]);
            processes[slot] += o.processes[j];
            long[] bits = o.codes[j];
            if (bits == null) continue;
            for (int w = 0; w < bits.length; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) set(slot, renumber[(w << 6) + Long.numberOfTrailingZeros(b)]);
            }
        }
    }

    private int distinctPrefixes(int slot) {
        int n = 0;
        long[] bits = codes[slot];
        if (bits != null) for (long b : bits) n += Long.bitCount(b);
        return n;
    }

    @Override
    public void finish(Fold fold, Output output) {
        int[] kept = new int[size];
        int n = 0;
        for (int j = 0; j < processes.length; j++) {
            if (codes[j] != null && processes[j] >= minimumContractingProcesses) kept[n++] = j;
        }
        double upperFence;
        if (threshold == null) {
            double[] lengths = new double[n];
            for (int i = 0; i < n; i++) lengths[i] = distinctPrefixes(kept[i]);
            double[] sorted = Stats.sorted(lengths);
            double q1 = Stats.quantileOfSorted(sorted, 0.25);
            double q3 = Stats.quantileOfSorted(sorted, 0.75);
            output.meta(Indicator.R048, "q1", q1);
            output.meta(Indicator.R048, "q3", q3);
            upperFence = Math.fma(q3 - q1, 1.5, q3);
        } else {
            upperFence = threshold;
        }
        output.meta(Indicator.R048, "upper_fence", upperFence);
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < n; i++) if (distinctPrefixes(kept[i]) >= upperFence) flagged.add(kept[i]);
        Comparator<String> order = Ids.hashMapOrder(Ids.hashMapCapacity(n), Ids.hashMapCapacity(size));
        flagged.sort((a, b) -> order.compare(ids.key(a), ids.key(b)));
        for (int slot : flagged) {
            output.result(Group.Tenderer, ids.key(slot), firstSeqs[slot], Indicator.R048, distinctPrefixes(slot));
        }
    }
}
