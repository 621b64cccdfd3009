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

    /** Per slot: the number + 1 (0 empty) and the id's hash. */
    private int[] slots = new int[1024];
    private int[] hashes = new int[1024];
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
        for (int i = 0; i < MEMO; i++) {
            String s = m[i];
            if (s != null && memoHash[i] == h && (s == id || s.equals(id))) return memoNumber[i];
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
        int mask = slots.length - 1;
        int i = slot(h, mask);
        int s;
        while ((s = slots[i]) != 0) {
            if (hashes[i] == h && keys[s - 1].equals(id)) return s - 1;
            i = (i + 1) & mask;
        }
        int n = size++;
        if (n == keys.length) keys = Arrays.copyOf(keys, n * 2);
        keys[n] = id;
        slots[i] = n + 1;
        hashes[i] = h;
        if (size * 2 > slots.length) grow();
        return n;
    }

    private void grow() {
        int[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new int[slots.length];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == 0) continue;
            int i = slot(oldHashes[j], mask);
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = oldSlots[j];
            hashes[i] = oldHashes[j];
        }
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
        return ((hash * 0x9E3779B9) >>> 16) & mask;
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
