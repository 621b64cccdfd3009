package org.sunbid.screening.cardinal;

import java.util.Comparator;

/** Helpers for the string-keyed open-addressing tables of the accumulators ({@link Tally}, R048). */
final class Ids {

    private Ids() {
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
     * The order of keys when iterating a {@code HashMap} of {@code capacities[0]} buckets would, whose entries were put in
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
