package org.sunbid.screening.cardinal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a run: results per group and key, the {@code Meta} block (quartiles and fences per indicator) and
 * warnings (for standard error). {@link #toJson} writes Cardinal's output byte for byte in format (key order within a
 * group is the order of first finding, which Cardinal leaves to its hash maps).
 */
public final class Output {

    private final Findings findings;
    private final Map<Indicator, Map<String, Double>> meta = new EnumMap<>(Indicator.class);
    private final List<String> warnings = new ArrayList<>();
    private long sub = Long.MAX_VALUE / 2;

    Output(Findings findings) {
        this.findings = findings;
    }

    /** Records a result of the final step. */
    public void result(Group group, String key, long seq, Indicator indicator, double value) {
        findings.put(group, key, seq, sub++, indicator, value);
    }

    /** Records a quartile or fence (rounded to 4 decimals on output). */
    public void meta(Indicator indicator, String key, double value) {
        meta.computeIfAbsent(indicator, k -> new LinkedHashMap<>()).put(key, value);
    }

    public void warn(String message) {
        warnings.add(message);
    }

    /** Groups in {@link Group} order; keys in order of first finding; indicators in {@link Indicator} order. */
    public Map<Group, Map<String, Map<Indicator, Double>>> results() {
        return findings.ordered();
    }

    /** Quartiles and fences per indicator, unrounded. */
    public Map<Indicator, Map<String, Double>> meta() {
        return Collections.unmodifiableMap(meta);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Cardinal's JSON (without the final newline); {@code withMeta} false is Cardinal's {@code --no-meta}. */
    public String toJson(boolean withMeta) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        boolean firstGroup = true;
        for (Map.Entry<Group, Map<String, Map<Indicator, Double>>> g : results().entrySet()) {
            if (!firstGroup) out.append(',');
            firstGroup = false;
            Json.string(out, g.getKey().name());
            out.append(":{");
            boolean firstKey = true;
            for (Map.Entry<String, Map<Indicator, Double>> k : g.getValue().entrySet()) {
                if (!firstKey) out.append(',');
                firstKey = false;
                Json.string(out, k.getKey());
                out.append(":{");
                boolean firstValue = true;
                for (Map.Entry<Indicator, Double> v : k.getValue().entrySet()) {
                    if (!firstValue) out.append(',');
                    firstValue = false;
                    Json.string(out, v.getKey().name());
                    out.append(':');
                    Json.number(out, v.getValue());
                }
                out.append('}');
            }
            out.append('}');
        }
        if (withMeta) {
            if (!firstGroup) out.append(',');
            out.append("\"Meta\":{");
            boolean firstIndicator = true;
            for (Map.Entry<Indicator, Map<String, Double>> m : meta.entrySet()) {
                if (!firstIndicator) out.append(',');
                firstIndicator = false;
                Json.string(out, m.getKey().name());
                out.append(":{");
                boolean firstKey = true;
                for (Map.Entry<String, Double> v : m.getValue().entrySet()) {
                    if (!firstKey) out.append(',');
                    firstKey = false;
                    Json.string(out, v.getKey());
                    out.append(':');
                    Json.number(out, Json.round4(v.getValue()));
                }
                out.append('}');
            }
            out.append('}');
        }
        out.append('}');
        return out.toString();
    }
}
