package org.sunbid.screening.cardinal;

import java.util.Map;
import java.util.Set;

/**
 * R003 Short submission period: the tender period (whole days, start to end) is shorter than {@code threshold}
 * (default 15), or than the threshold for its procurement method details
 * ({@code [R003.procurement_method_details]}); only for {@code procurement_methods} if set. OCID → 1.0.
 */
final class R003 implements Accumulator {

    private final long threshold;
    private final Set<String> methods;
    private final Map<String, Long> byDetails;

    R003(Settings s) throws SettingsException {
        Long t = s.integer("R003", "threshold");
        this.threshold = t == null ? 15 : t;
        this.methods = Settings.pipes(s.raw("R003", "procurement_methods"));
        this.byDetails = s.r003ProcurementMethodDetails();
    }

    @Override
    public void add(Process p, Fold fold) {
        if (!Engine.matchesMethod(p, methods)) return;
        long[] start = Rfc3339.parse(p.tenderStartDate());
        if (start == null) return;
        long[] end = Rfc3339.parse(p.tenderEndDate());
        if (end == null) return;
        String details = p.procurementMethodDetails();
        Long specific = details == null ? null : byDetails.get(details);
        long limit = specific != null ? specific : threshold;
        if (Rfc3339.days(start, end) < limit) fold.result(Group.OCID, p.ocid(), p.seq(), Indicator.R003, 1.0);
    }

    @Override
    public void merge(Accumulator other) {
    }
}
