package org.sunbid.screening.cardinal;

import java.util.Arrays;

/**
 * A small insertion-ordered set of strings for the few bids and awards of one process: a linear scan beats hashing
 * at these sizes and allocates one array. Reused per accumulator; not thread-safe.
 */
final class SmallSet {

    private String[] items = new String[16];
    private int size;

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    /** Adds a non-null string; true if it was not there. */
    boolean add(String s) {
        if (contains(s)) return false;
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = s;
        return true;
    }

    boolean contains(String s) {
        for (int i = 0; i < size; i++) if (items[i].equals(s)) return true;
        return false;
    }

    int size() {
        return size;
    }

    String get(int i) {
        return items[i];
    }

    /** Same members, in any order. */
    boolean sameMembers(SmallSet other) {
        if (other.size != size) return false;
        for (int i = 0; i < size; i++) if (!other.contains(items[i])) return false;
        return true;
    }

    /** The distinct non-null ids of an array, in order of first appearance. */
    static String[] distinct(String[] ids) {
        int n = 0;
        String[] out = null;
        for (String id : ids) {
            if (id == null) continue;
            boolean seen = false;
            for (int i = 0; i < n && !seen; i++) seen = out[i].equals(id);
            if (seen) continue;
            if (out == null) out = new String[ids.length];
            out[n++] = id;
        }
        if (n == 0) return new String[0];
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    static boolean sameMembers(String[] a, String[] b) {
        if (a.length != b.length) return false;
        outer:
        for (String x : a) {
            for (String y : b) if (x.equals(y)) continue outer;
            return false;
        }
        return true;
    }
}
