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

    private static final int INDICATORS = Indicator.values().length;

    @SuppressWarnings("unchecked")
    private final HashMap<String, Entry>[] groups = new HashMap[Group.values().length];

    public Findings() {
        for (int i = 0; i < groups.length; i++) groups[i] = new HashMap<>();
    }

    static final class Entry implements Serializable {
        long seq;
        long sub;
        final double[] values = new double[INDICATORS];
        final long[] valueSeq = new long[INDICATORS];
        int present;

        Entry(long seq, long sub) {
            this.seq = seq;
            this.sub = sub;
        }

        void put(Indicator indicator, long at, double value) {
            int i = indicator.ordinal();
            if ((present & (1 << i)) == 0 || at >= valueSeq[i]) {
                values[i] = value;
                valueSeq[i] = at;
                present |= 1 << i;
            }
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
                    if ((src.present & (1 << i.ordinal())) != 0) {
                        e.put(i, src.valueSeq[i.ordinal()], src.values[i.ordinal()]);
                    }
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
                    if ((e.getValue().present & (1 << i.ordinal())) != 0) values.put(i, e.getValue().values[i.ordinal()]);
                }
                keys.put(e.getKey(), values);
            }
            out.put(g, keys);
        }
        return out;
    }
}
