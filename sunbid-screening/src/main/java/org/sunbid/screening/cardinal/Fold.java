package org.sunbid.screening.cardinal;

import java.io.Serializable;

/**
 * The state of a run over part of the input: one {@link Accumulator} per enabled indicator, the results found while
 * folding, and the first currency observed. Make one per thread or partition with {@link Engine#newFold()},
 * {@link #add} every process of the part, {@link #merge} the parts (in any order), then {@link Engine#finish}.
 * Not thread-safe; serializable (for Spark).
 */
public final class Fold implements Serializable {

    final Engine engine;
    final Accumulator[] accumulators;
    final Findings findings = new Findings();
    private long sub;
    private long currencySeq = Long.MAX_VALUE;
    private String currency;
    private long processes;

    Fold(Engine engine, Accumulator[] accumulators) {
        this.engine = engine;
        this.accumulators = accumulators;
    }

    /** Folds one process (processes that Cardinal skips are skipped here). */
    public void add(Process process) {
        if (process == null) return;
        processes++;
        if (!engine.accepts(process)) return;
        for (Accumulator a : accumulators) a.add(process, this);
    }

    /** Adds another part's state to this one and returns this. */
    public Fold merge(Fold other) {
        if (other.accumulators.length != accumulators.length) {
            throw new IllegalArgumentException("folds of different engines");
        }
        for (int i = 0; i < accumulators.length; i++) accumulators[i].merge(other.accumulators[i]);
        findings.merge(other.findings);
        if (other.currencySeq < currencySeq) {
            currencySeq = other.currencySeq;
            currency = other.currency;
        }
        processes += other.processes;
        return this;
    }

    /** The number of processes added (including those skipped). */
    public long processes() {
        return processes;
    }

    /** Records a result found while folding the process at {@code seq}. */
    public void result(Group group, String key, long seq, Indicator indicator, double value) {
        findings.put(group, key, seq, sub++, indicator, value);
    }

    /**
     * Records that a price comparison met {@code currency} in the process at {@code seq}; without a configured
     * currency, Cardinal compares amounts in the first currency it meets.
     */
    public void observeCurrency(long seq, String currency) {
        if (seq < currencySeq) {
            currencySeq = seq;
            this.currency = currency;
        }
    }

    /** The configured currency, else the first observed, else {@code null}. */
    public String currency() {
        String configured = engine.settings().currency();
        return configured != null ? configured : currency;
    }

    /** The shared second-lowest-bid ratios (R024, R058), or {@code null} when neither is enabled. */
    SecondLowestBidRatios secondLowestBidRatios() {
        for (Accumulator a : accumulators) if (a instanceof SecondLowestBidRatios s) return s;
        return null;
    }
}
