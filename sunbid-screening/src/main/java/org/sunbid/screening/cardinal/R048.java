package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * R048 Heterogeneous supplier: per supplier of active single-supplier awards in at least
 * {@code minimum_contracting_processes} processes (default 20), the number of distinct item classification prefixes
 * ({@code digits} characters, default 2) at or above {@code threshold}, else the upper fence (Q3 + 1.5 IQR).
 * Tenderer → the number of prefixes.
 */
final class R048 implements Accumulator {

    private final int digits;
    private final Long threshold;
    private final long minimumContractingProcesses;
    private final HashMap<String, Supplier> suppliers = new HashMap<>();
    private transient SmallSet scratch = new SmallSet();

    private Object readResolve() {
        scratch = new SmallSet();
        return this;
    }

    static final class Supplier implements Serializable {
        long processes;
        long firstSeq;
        final Set<String> codes = new HashSet<>();

        Supplier(long firstSeq) {
            this.firstSeq = firstSeq;
        }
    }

    R048(Settings s) throws SettingsException {
        Long d = s.unsigned("R048", "digits");
        this.digits = d == null ? 2 : (int) Math.min(d, Integer.MAX_VALUE);
        this.threshold = s.unsigned("R048", "threshold");
        Long m = s.unsigned("R048", "minimum_contracting_processes");
        this.minimumContractingProcesses = m == null ? 20 : m;
    }

    @Override
    public void add(Process p, Fold fold) {
        if (p.awards() == null) return;
        SmallSet observed = scratch;
        observed.clear();
        for (Process.Award a : p.awards()) {
            String[] s = a.suppliers();
            if (a.status() != Process.ACTIVE || a.itemClassifications() == null || s == null || s.length != 1
                    || s[0] == null) {
                continue;
            }
            for (String code : a.itemClassifications()) {
                if (code == null) continue;
                Supplier supplier = suppliers.get(s[0]);
                if (supplier == null) {
                    supplier = new Supplier(p.seq());
                    suppliers.put(s[0], supplier);
                }
                if (observed.add(s[0])) supplier.processes++;
                supplier.codes.add(prefix(code));
            }
        }
    }

    private String prefix(String code) {
        if (code.length() <= digits) return code;
        int end = code.offsetByCodePoints(0, Math.min(digits, code.codePointCount(0, code.length())));
        return code.substring(0, end);
    }

    @Override
    public void merge(Accumulator other) {
        for (Map.Entry<String, Supplier> e : ((R048) other).suppliers.entrySet()) {
            Supplier o = e.getValue();
            Supplier s = suppliers.get(e.getKey());
            if (s == null) {
                suppliers.put(e.getKey(), o);
                continue;
            }
            s.processes += o.processes;
            s.firstSeq = Math.min(s.firstSeq, o.firstSeq);
            s.codes.addAll(o.codes);
        }
    }

    @Override
    public void finish(Fold fold, Output output) {
        Map<String, Supplier> kept = new HashMap<>();
        for (Map.Entry<String, Supplier> e : suppliers.entrySet()) {
            if (e.getValue().processes >= minimumContractingProcesses) kept.put(e.getKey(), e.getValue());
        }
        double upperFence;
        if (threshold == null) {
            double[] lengths = new double[kept.size()];
            int i = 0;
            for (Supplier s : kept.values()) lengths[i++] = s.codes.size();
            double q1 = Stats.lowerQuartile(lengths);
            double q3 = Stats.upperQuartile(lengths);
            output.meta(Indicator.R048, "q1", q1);
            output.meta(Indicator.R048, "q3", q3);
            upperFence = Math.fma(q3 - q1, 1.5, q3);
        } else {
            upperFence = threshold;
        }
        output.meta(Indicator.R048, "upper_fence", upperFence);
        for (Map.Entry<String, Supplier> e : kept.entrySet()) {
            double length = e.getValue().codes.size();
            if (length >= upperFence) {
                output.result(Group.Tenderer, e.getKey(), e.getValue().firstSeq, Indicator.R048, length);
            }
        }
    }
}
