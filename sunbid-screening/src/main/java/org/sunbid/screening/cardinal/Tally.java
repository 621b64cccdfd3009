package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Fractions per organisation (numerator, denominator, first position), added up as mediants: Cardinal's
 * {@code Fraction} maps (R025, R038).
 */
final class Tally implements Serializable {

    /** {numerator, denominator, first seq}. */
    final HashMap<String, long[]> fractions = new HashMap<>();

    void add(String id, long seq, long numerator, long denominator) {
        long[] f = fractions.get(id);
        if (f == null) {
            fractions.put(id, new long[] {numerator, denominator, seq});
        } else {
            f[0] += numerator;
            f[1] += denominator;
            if (seq < f[2]) f[2] = seq;
        }
    }

    void merge(Tally other) {
        for (Map.Entry<String, long[]> e : other.fractions.entrySet()) {
            long[] o = e.getValue();
            add(e.getKey(), o[2], o[0], o[1]);
        }
    }
}
