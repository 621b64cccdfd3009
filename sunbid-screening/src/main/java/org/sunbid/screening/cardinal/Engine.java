package org.sunbid.screening.cardinal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cardinal's {@code indicators} command as a fold: {@code Engine} holds the settings and makes {@link Fold}s;
 * {@link #finish} turns the merged fold into the {@link Output}. Immutable and serializable, so one engine serves all
 * threads (and can be shipped to Spark executors).
 *
 * <pre>{@code
 * Engine engine = new Engine(Settings.read(path));
 * Fold fold = engine.newFold();
 * for (each line) fold.add(reader.read(bytes, off, len, seq));   // per thread or partition
 * Output out = engine.finish(fold.merge(otherFold));
 * System.out.println(out.toJson(true));
 * }</pre>
 */
public final class Engine implements Serializable {

    private final Settings settings;

    public Engine(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** An empty fold with one accumulator per enabled indicator. */
    public Fold newFold() {
        List<Accumulator> list = new ArrayList<>();
        Ids ids = new Ids();
        try {
            if (settings.isEnabled(Indicator.R024) || settings.isEnabled(Indicator.R058)) {
                list.add(new SecondLowestBidRatios(ids));
            }
            for (Indicator i : settings.enabled()) {
                switch (i) {
                    case R003 -> list.add(new R003(settings));
                    case R018 -> list.add(new R018(settings));
                    case R024 -> list.add(new R024(settings));
                    case R025 -> list.add(new R025(settings, ids));
                    case R028 -> list.add(new R028());
                    case R030 -> list.add(new R030());
                    case R035 -> list.add(new R035(settings));
                    case R036 -> list.add(new R036());
                    case R038 -> list.add(new R038(settings, ids));
                    case R048 -> list.add(new R048(settings, ids));
                    case R058 -> list.add(new R058(settings));
                }
            }
        } catch (SettingsException e) {
            throw new IllegalStateException("settings were checked when read", e);
        }
        return new Fold(this, list.toArray(new Accumulator[0]));
    }

    /** The results of the merged fold of the whole input. The fold must not be used afterwards. */
    public Output finish(Fold fold) {
        Output output = new Output(fold.findings);
        for (Accumulator a : fold.accumulators) a.finish(fold, output);
        return output;
    }

    /** Cardinal's global filter: a string ocid, a tender not cancelled, details not excluded. */
    boolean accepts(Process p) {
        if (p.ocid() == null || p.cancelled()) return false;
        String details = p.procurementMethodDetails();
        return details == null || !settings.excludedProcurementMethodDetails().contains(details);
    }

    /** Whether prices are comparable: {@code price_comparison_procurement_methods} / {@code no_price_...}. */
    boolean priceComparison(Process p) {
        return matchesDetails(p.procurementMethodDetails(), settings.priceComparisonProcurementMethods(),
                settings.noPriceComparisonProcurementMethods());
    }

    static boolean matchesDetails(String details, Set<String> include, Set<String> exclude) {
        if (details != null) return include.isEmpty() ? !exclude.contains(details) : include.contains(details);
        return include.isEmpty();
    }

    /** {@code tender/procurementMethod} in the set, or the set empty. */
    static boolean matchesMethod(Process p, Set<String> methods) {
        return methods.isEmpty() || (p.procurementMethod() != null && methods.contains(p.procurementMethod()));
    }

    /**
     * Whether the process has awards and bids and every award with a status is final (active, cancelled or
     * unsuccessful): Cardinal's precondition for reading the active awards as complete.
     */
    static boolean awardsFinal(Process p) {
        if (p.awards() == null || p.bids() == null) return false;
        for (Process.Award a : p.awards()) if (a.status() == Process.OTHER) return false;
        return true;
    }

    /** The single supplier id of the only active award, when the awards are final; else {@code null}. */
    static String soleSupplier(Process p) {
        if (!awardsFinal(p)) return null;
        Process.Award only = null;
        for (Process.Award a : p.awards()) {
            if (a.status() != Process.ACTIVE) continue;
            if (only != null) return null;
            only = a;
        }
        if (only == null) return null;
        String[] suppliers = only.suppliers();
        if (suppliers == null || suppliers.length != 1) return null;
        return suppliers[0];
    }
}
