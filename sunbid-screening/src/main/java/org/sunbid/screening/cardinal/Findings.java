package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results found so far: per {@link Group}, per key (ocid or organisation id), the value of each indicator.
 *
 * <p>Merging is commutative and associative: a key keeps the smallest position at which it was found (so the output
 * lists keys in the order a sequential run over the file first met them), and for one key and indicator the value
 * found at the later position wins (as a later line overwrites an earlier one in Cardinal).
 */
public final class Findings implements Serializable {

    @SuppressWarnings("unchecked")
    private final HashMap<String, Entry>[] groups = new HashMap[Group.values().length];

    public Findings() {
        for (int i = 0; i < groups.length; i++) groups[i] = new HashMap<>();
    }

    /** One key: its first position and the value (and position of the value) of each indicator found. */
    static final class Entry implements Serializable {
        private static final double[] NO_VALUES = {};
        private static final long[] NO_POSITIONS = {};

        long seq;
        long sub;
        /** Bit i set: indicator i has a value, at slot bitCount(present below i). */
        int present;
        double[] values = NO_VALUES;
        long[] valueSeq = NO_POSITIONS;

        Entry(long seq, long sub) {
            this.seq = seq;
            this.sub = sub;
        }

        void put(Indicator indicator, long at, double value) {
            int bit = 1 << indicator.ordinal();
            int slot = Integer.bitCount(present & (bit - 1));
            if ((present & bit) != 0) {
                if (at >= valueSeq[slot]) {
                    values[slot] = value;
                    valueSeq[slot] = at;
                }
                return;
            }
            int n = values.length;
            double[] v = new double[n + 1];
            long[] a = new long[n + 1];
            System.arraycopy(values, 0, v, 0, slot);
            System.arraycopy(valueSeq, 0, a, 0, slot);
            System.arraycopy(values, slot, v, slot + 1, n - slot);
            System.arraycopy(valueSeq, slot, a, slot + 1, n - slot);
            v[slot] = value;
            a[slot] = at;
            values = v;
            valueSeq = a;
            present |= bit;
        }

        boolean has(Indicator indicator) {
            return (present & (1 << indicator.ordinal())) != 0;
        }

        double value(Indicator indicator) {
            return values[Integer.bitCount(present & ((1 << indicator.ordinal()) - 1))];
        }

        long valueSeq(Indicator indicator) {
            return valueSeq[Integer.bitCount(present & ((1 << indicator.ordinal()) - 1))];
        }
    }

    /**
     * Records a result.
     *
     * @param seq the position of the process that produced it (or the first position of the organisation)
     * @param sub a tie-breaker among keys found at the same position (the order of finding)
     */
    public void put(Group group, String key, long seq, long sub, Indicator indicator, double value) {
        Entry e = groups[group.ordinal()].get(key);
        if (e == null) {
            e = new Entry(seq, sub);
            groups[group.ordinal()].put(key, e);
        } else if (seq < e.seq || (seq == e.seq && sub < e.sub)) {
            e.seq = seq;
            e.sub = sub;
        }
        e.put(indicator, seq, value);
    }

    /** Adds the other's findings to these. */
    public void merge(Findings other) {
        for (int g = 0; g < groups.length; g++) {
            for (Map.Entry<String, Entry> o : other.groups[g].entrySet()) {
                Entry src = o.getValue();
                Entry e = groups[g].get(o.getKey());
                if (e == null) {
                    groups[g].put(o.getKey(), src);
                    continue;
                }
                if (src.seq < e.seq || (src.seq == e.seq && src.sub < e.sub)) {
                    e.seq = src.seq;
                    e.sub = src.sub;
                }
                for (Indicator i : Indicator.values()) {
                    if (src.has(i)) e.put(i, src.valueSeq(i), src.value(i));
                }
            }
        }
    }

    /** The results in output order: groups in {@link Group} order, keys in order of first finding. */
    public Map<Group, Map<String, Map<Indicator, Double>>> ordered() {
        Map<Group, Map<String, Map<Indicator, Double>>> out = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            HashMap<String, Entry> entries = groups[g.ordinal()];
            if (entries.isEmpty()) continue;
            List<Map.Entry<String, Entry>> list = new ArrayList<>(entries.entrySet());
            list.sort(Comparator.<Map.Entry<String, Entry>>comparingLong(e -> e.getValue().seq)
                    .thenComparingLong(e -> e.getValue().sub));
            Map<String, Map<Indicator, Double>> keys = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : list) {
                Map<Indicator, Double> values = new EnumMap<>(Indicator.class);
                for (Indicator i : Indicator.values()) {
                    if (e.getValue().has(i)) values.put(i, e.getValue().value(i));
                }
                keys.put(e.getKey(), values);
            }
            out.put(g, keys);
        }
        return out;
    }
}
