package org.sunbid.screening.cardinal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The organisation ids of one {@link Fold}, numbered 0, 1, 2 … in the order they are first met, so that the
 * accumulators keep their counts in arrays indexed by number (R025, R038, R048, the second-lowest-bid ratios)
 * instead of a hash map each. One table per fold (not thread-safe), shared by its accumulators; merging renumbers
 * the other fold's ids through their strings ({@link #renumbering}), so folds merge in any order with the same
 * result.
 *
 * <p>The table is open-addressing (linear probing) over flat arrays. The few ids of the process being folded are
 * looked up by several indicators in turn: a small memo of the last ids asked (compared by hash, then identity or
 * equality) answers those without touching the table.
 */
final class Ids implements Serializable {

    private static final int MEMO = 16;

    /** Per slot, side by side (one cache line for both): the number + 1 (0 empty) and the id's hash. */
    private int[] table = new int[2 * 1024];
    /** Per number: the id. */
    private String[] keys = new String[512];
    private int size;

    private transient String[] memo = new String[MEMO];
    private transient int[] memoHash = new int[MEMO];
    private transient int[] memoNumber = new int[MEMO];
    private transient int memoNext;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        memo = new String[MEMO];
        memoHash = new int[MEMO];
        memoNumber = new int[MEMO];
    }

    /** The number of {@code id} (not null), given it if new. */
    int number(String id) {
        int h = id.hashCode();
        String[] m = memo;
        int[] mh = memoHash;
        for (int k = 1; k <= MEMO; k++) { // the latest first
            int i = (memoNext - k) & (MEMO - 1);
            String s = m[i];
            if (mh[i] == h && s != null && (s == id || s.equals(id))) return memoNumber[i];
        }
        int n = lookup(id, h);
        int at = memoNext;
        m[at] = id;
        memoHash[at] = h;
        memoNumber[at] = n;
        memoNext = (at + 1) & (MEMO - 1);
        return n;
    }

    private int lookup(String id, int h) {
        int[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = slot(h, mask);
        int s;
        while ((s = t[2 * i]) != 0) {
            if (t[2 * i + 1] == h && keys[s - 1].equals(id)) return s - 1;
            i = (i + 1) & mask;
        }
        int n = size++;
        if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
        keys[n] = id;
        t[2 * i] = n + 1;
        t[2 * i + 1] = h;
        if (size * 4 > t.length) grow();
        return n;
    }

    private void grow() {
        int[] old = table;
        int[] t = new int[old.length * 2];
        int mask = (t.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j] == 0) continue;
            int i = slot(old[j + 1], mask);
            while (t[2 * i] != 0) i = (i + 1) & mask;
            t[2 * i] = old[j];
            t[2 * i + 1] = old[j + 1];
        }
        table = t;
    }

    /** The id of a number. */
    String key(int number) {
        return keys[number];
    }

    /** How many ids are numbered. */
    int size() {
        return size;
    }

    /** For each number of {@code other}, the number of the same id here (numbering the ids not yet here). */
    int[] renumbering(Ids other) {
        int[] out = new int[other.size];
        if (other == this) {
            for (int n = 0; n < out.length; n++) out[n] = n;
            return out;
        }
        for (int n = 0; n < out.length; n++) out[n] = lookup(other.keys[n], other.keys[n].hashCode());
        return out;
    }

    /** The home slot of a hash in a table of {@code mask + 1} (a power of two) slots (Fibonacci hashing). */
    static int slot(int hash, int mask) {
        int x = hash * 0x9E3779B9;
        return (x ^ (x >>> 16)) & mask;
    }

    /** The table size of a {@code java.util.HashMap} grown by puts from its default to {@code size} entries. */
    static int hashMapCapacity(int size) {
        int capacity = 16;
        while (size > capacity * 3 / 4) capacity *= 2;
        return capacity;
    }

    /** {@code java.util.HashMap}'s bucket of a key's hash in a table of {@code capacity} buckets. */
    static int bucket(int hash, int capacity) {
        return (hash ^ (hash >>> 16)) & (capacity - 1);
    }

    /**
     * The order of keys when iterating a {@code HashMap} of {@code capacities[0]} buckets, whose entries were put in
     * the iteration order of a {@code HashMap} of {@code capacities[1]} buckets, and so on; keys in the same buckets
     * all along by their natural order. Results found in the final step at the same position are written in the order
     * the accumulators emit them, and they used to iterate such maps: keeping that order keeps the output the same
     * (Cardinal's own order for them is that of its hash maps), and makes it independent of the order of merging.
     */
    static Comparator<String> hashMapOrder(int... capacities) {
        Comparator<String> order = null;
        for (int capacity : capacities) {
            Comparator<String> c = Comparator.comparingInt(k -> bucket(k.hashCode(), capacity));
            order = order == null ? c : order.thenComparing(c);
        }
        return order == null ? Comparator.naturalOrder() : order.thenComparing(Comparator.naturalOrder());
    }
}
