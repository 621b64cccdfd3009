package org.sunbid.screening.cardinal;

import java.io.Serializable;

/**
 * The mergeable state of one indicator (Cardinal's fold, reduce and finalize): {@link #add} folds one process,
 * {@link #merge} adds another accumulator of the same indicator built from another part of the input, and
 * {@link #finish} turns the merged state into results with the settings. Merging is commutative and associative, so
 * parts can be folded in any order on any number of threads or machines (Spark's {@code mapPartitions} +
 * {@code reduce}).
 * An accumulator keeps only what its final step needs (counts per organisation, one ratio per process), never the
 * processes.
 */
public interface Accumulator extends Serializable {

    /** Folds one process that passed the global filters (string ocid, not cancelled, not excluded). */
    void add(Process process, Fold fold);

    /** Adds the state of {@code other}, an accumulator of the same class made by the same {@link Engine}. */
    void merge(Accumulator other);

    /** Writes the results that need the whole input (quartiles, fences) once all parts are merged. */
    default void finish(Fold fold, Output output) {
    }
}
