package org.sunbid.screening.cardinal;

import java.io.Serializable;

/**
 * Fractions per organisation (numerator, denominator, first position), added up as mediants: Cardinal's
 * {@code Fraction} maps (R025, R038).
 *
 * <p>An open-addressing table (linear probing) with the id's hash, the id and its three numbers in flat arrays: one
 * lookup touches a slot of {@code hashes}, the id (only on an equal hash) and three adjacent longs, where a
 * {@code HashMap<String, long[]>} chased a node, the key and a separate array per organisation. The ids are read back
 * by slot ({@link #slots()}, in {@link Ids#hashMapOrder} order when the order of results matters).
 */
final class Tally implements Serializable {

    /** The id's {@link String#hashCode()} per slot (any value; a slot is used when its key is not null). */
    private int[] hashes = new int[64];
    private String[] keys = new String[64];
    /** {numerator, denominator, first seq} per slot. */
    private long[] values = new long[3 * 64];
    private int size;

    void add(String id, long seq, long numerator, long denominator) {
        int h = id.hashCode();
        int mask = keys.length - 1;
        int i = Ids.slot(h, mask);
        String k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == h && k.equals(id)) {
                int v = 3 * i;
                values[v] += numerator;
                values[v + 1] += denominator;
                if (seq < values[v + 2]) values[v + 2] = seq;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        hashes[i] = h;
        int v = 3 * i;
        values[v] = numerator;
        values[v + 1] = denominator;
        values[v + 2] = seq;
        if (++size * 2 > keys.length) grow();
    }

    private void grow() {
        int[] oldHashes = hashes;
        String[] oldKeys = keys;
        long[] oldValues = values;
        int n = oldKeys.length * 2;
        hashes = new int[n];
        keys = new String[n];
        values = new long[3 * n];
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == null) continue;
            int i = Ids.slot(oldHashes[j], mask);
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            hashes[i] = oldHashes[j];
            System.arraycopy(oldValues, 3 * j, values, 3 * i, 3);
        }
    }

    void merge(Tally other) {
        for (int j = 0; j < other.keys.length; j++) {
            if (other.keys[j] == null) continue;
            int v = 3 * j;
            add(other.keys[j], other.values[v + 2], other.values[v], other.values[v + 1]);
        }
    }

    /** The number of organisations. */
    int size() {
        return size;
    }

    /** The used slots, in table order. */
    int[] slots() {
        int[] out = new int[size];
        int n = 0;
        for (int j = 0; j < keys.length; j++) if (keys[j] != null) out[n++] = j;
        return out;
    }

    String key(int slot) {
        return keys[slot];
    }

    long numerator(int slot) {
        return values[3 * slot];
    }

    long denominator(int slot) {
        return values[3 * slot + 1];
    }

    long first(int slot) {
        return values[3 * slot + 2];
    }
}
