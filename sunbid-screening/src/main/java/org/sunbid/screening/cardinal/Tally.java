package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Fractions per organisation (numerator, denominator, first position), added up as mediants: Cardinal's
 * {@code Fraction} maps (R025, R038). Indexed by the fold's organisation numbers ({@link Ids}): three adjacent longs
 * per number, where a {@code HashMap<String, long[]>} chased a node, the key and an array per organisation.
 */
final class Tally implements Serializable {

    private final Ids ids;
    /** {numerator, denominator, first seq} per number. */
    private long[] values = new long[3 * 256];
    private boolean[] present = new boolean[256];
    /** The numbers present, in order of first addition. */
    private int[] members = new int[256];
    private int size;

    Tally(Ids ids) {
        this.ids = ids;
    }

    Ids ids() {
        return ids;
    }

    void add(String id, long seq, long numerator, long denominator) {
        add(ids.number(id), seq, numerator, denominator);
    }

    void add(int number, long seq, long numerator, long denominator) {
        if (number >= present.length) {
            int n = Math.max(number + 1, present.length * 2);
            present = Arrays.copyOf(present, n);
            values = Arrays.copyOf(values, 3 * n);
        }
        int v = 3 * number;
        if (present[number]) {
            values[v] += numerator;
            values[v + 1] += denominator;
            if (seq < values[v + 2]) values[v + 2] = seq;
            return;
        }
        present[number] = true;
        values[v] = numerator;
        values[v + 1] = denominator;
        values[v + 2] = seq;
        if (size == members.length) members = Arrays.copyOf(members, size * 2);
        members[size++] = number;
    }

    /** Adds the other's fractions; {@code renumber} maps the other's numbers to this tally's ({@link Ids#renumbering}). */
    void merge(Tally other, int[] renumber) {
        for (int i = 0; i < other.size; i++) {
            int n = other.members[i];
            int v = 3 * n;
            add(renumber[n], other.values[v + 2], other.values[v], other.values[v + 1]);
        }
    }

    /** The number of organisations. */
    int size() {
        return size;
    }

    /** The numbers present. */
    int[] numbers() {
        return Arrays.copyOf(members, size);
    }

    String key(int number) {
        return ids.key(number);
    }

    long numerator(int number) {
        return values[3 * number];
    }

    long denominator(int number) {
        return values[3 * number + 1];
    }

    long first(int number) {
        return values[3 * number + 2];
    }
}
