package org.sunbid.screening.cardinal;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cardinal's settings file for the {@code indicators} command: top-level {@code currency},
 * {@code no_price_comparison_procurement_methods}, {@code price_comparison_procurement_methods}, the sections
 * {@code [exclusions]}, {@code [output]} and one section per indicator ({@code [R003]} ... {@code [R058]}, with
 * {@code [R003.procurement_method_details]}). An indicator runs if and only if its section is present. The sections
 * of the {@code prepare} command ({@code [defaults]}, {@code [redactions]}, {@code [corrections]},
 * {@code [modifications]}, {@code [codelists.*]}) are accepted and ignored. Unknown sections or keys and values of
 * the wrong type are errors, as in Cardinal. Immutable.
 */
public final class Settings implements Serializable {

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|(?i:inf|infinity|nan))");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private static final Map<String, Set<String>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("", Set.of("currency", "no_price_comparison_procurement_methods",
                "price_comparison_procurement_methods"));
        KNOWN.put("output", Set.of("info_currency_mismatches"));
        KNOWN.put("exclusions", Set.of("procurement_method_details"));
        KNOWN.put("codelists", Set.of()); // only its sub-sections hold keys
        KNOWN.put("defaults", Set.of("currency", "item_classification_scheme", "bid_status", "award_status",
                "party_roles"));
        KNOWN.put("redactions", Set.of("amount", "organization_id"));
        KNOWN.put("corrections", Set.of("award_status_by_contract_status"));
        KNOWN.put("modifications", Set.of("move_auctions", "prefix_buyer_or_procuring_entity_id",
                "prefix_tenderer_or_supplier_id", "split_procurement_method_details"));
        KNOWN.put("R003", Set.of("threshold", "procurement_methods"));
        KNOWN.put("R018", Set.of("procurement_methods"));
        KNOWN.put("R024", Set.of("threshold"));
        KNOWN.put("R025", Set.of("percentile", "threshold"));
        KNOWN.put("R028", Set.of());
        KNOWN.put("R030", Set.of());
        KNOWN.put("R035", Set.of("threshold"));
        KNOWN.put("R036", Set.of());
        KNOWN.put("R038", Set.of("threshold", "minimum_submitted_bids", "minimum_contracting_processes"));
        KNOWN.put("R048", Set.of("digits", "threshold", "minimum_contracting_processes"));
        KNOWN.put("R058", Set.of("threshold"));
    }

    private final Set<Indicator> enabled;
    private final String currency;
    private final Set<String> noPriceComparisonProcurementMethods;
    private final Set<String> priceComparisonProcurementMethods;
    private final Set<String> excludedProcurementMethodDetails;
    private final boolean infoCurrencyMismatches;
    private final Map<String, Map<String, String>> sections;

    private Settings(Map<String, Map<String, String>> sections) throws SettingsException {
        this.sections = sections;
        EnumSet<Indicator> on = EnumSet.noneOf(Indicator.class);
        for (String name : sections.keySet()) {
            String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            for (Indicator i : Indicator.values()) if (i.name().equals(base)) on.add(i);
        }
        this.enabled = Collections.unmodifiableSet(on);
        this.currency = raw("", "currency");
        this.noPriceComparisonProcurementMethods = pipes(raw("", "no_price_comparison_procurement_methods"));
        this.priceComparisonProcurementMethods = pipes(raw("", "price_comparison_procurement_methods"));
        this.excludedProcurementMethodDetails = pipes(raw("exclusions", "procurement_method_details"));
        Boolean info = bool("output", "info_currency_mismatches");
        this.infoCurrencyMismatches = info != null && info;
        // Check every typed value now, so that a bad file fails before any data is read.
        bool("defaults", "party_roles");
        bool("corrections", "award_status_by_contract_status");
        bool("modifications", "move_auctions");
        integer("R003", "threshold");
        r003ProcurementMethodDetails();
        doubleValue("R024", "threshold");
        unsigned("R025", "percentile");
        doubleValue("R025", "threshold");
        unsigned("R035", "threshold");
        doubleValue("R038", "threshold");
        unsigned("R038", "minimum_submitted_bids");
        unsigned("R038", "minimum_contracting_processes");
        unsigned("R048", "digits");
        unsigned("R048", "threshold");
        unsigned("R048", "minimum_contracting_processes");
        doubleValue("R058", "threshold");
    }

    /** Settings with no indicator enabled (Cardinal's defaults). */
    public static Settings empty() {
        try {
            return new Settings(new LinkedHashMap<>());
        } catch (SettingsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a settings file. */
    public static Settings read(Path file) throws IOException, SettingsException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses the text of a settings file. */
    public static Settings parse(String ini) throws SettingsException {
        Map<String, Map<String, String>> sections = Ini.parse(ini);
        for (Map.Entry<String, Map<String, String>> section : sections.entrySet()) {
            String name = section.getKey();
            Set<String> keys = KNOWN.get(name);
            if (keys == null) {
                boolean free = name.equals("R003.procurement_method_details")
                        || name.equals("codelists.bid_status") || name.equals("codelists.award_status");
                if (!free) throw new SettingsException("unknown section [" + name + "]");
                continue;
            }
            for (String key : section.getValue().keySet()) {
                if (!keys.contains(key)) {
                    throw new SettingsException("unknown key `" + key + "`"
                            + (name.isEmpty() ? " at the top level" : " in [" + name + "]"));
                }
            }
        }
        return new Settings(sections);
    }

    /** The indicators whose section is present. */
    public Set<Indicator> enabled() {
        return enabled;
    }

    public boolean isEnabled(Indicator indicator) {
        return enabled.contains(indicator);
    }

    /** {@code currency}: the currency of the amounts compared; {@code null} means the first currency observed. */
    public String currency() {
        return currency;
    }

    public Set<String> noPriceComparisonProcurementMethods() {
        return noPriceComparisonProcurementMethods;
    }

    public Set<String> priceComparisonProcurementMethods() {
        return priceComparisonProcurementMethods;
    }

    /** {@code [exclusions] procurement_method_details}: processes with these details are left out entirely. */
    public Set<String> excludedProcurementMethodDetails() {
        return excludedProcurementMethodDetails;
    }

    /** {@code [output] info_currency_mismatches}: report currency mismatches as information, not warnings. */
    public boolean infoCurrencyMismatches() {
        return infoCurrencyMismatches;
    }

    /** A raw value, or {@code null} when absent. */
    public String raw(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s == null ? null : s.get(key);
    }

    /** An integer value ({@code i64} in Cardinal), or {@code null} when absent. */
    public Long integer(String section, String key) throws SettingsException {
        String v = raw(section, key);
        return v == null ? null : parseInteger(section, key, v, false);
    }

    /** A non-negative integer value ({@code usize} in Cardinal), or {@code null} when absent. */
    public Long unsigned(String section, String key) throws SettingsException {
        String v = raw(section, key);
        return v == null ? null : parseInteger(section, key, v, true);
    }

    /** A floating-point value, or {@code null} when absent. */
    public Double doubleValue(String section, String key) throws SettingsException {
        String v = raw(section, key);
        if (v == null) return null;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes":
                return 1.0;
            case "false", "off", "no":
                return 0.0;
            default:
                break;
        }
        if (!FLOAT.matcher(v).matches()) throw wrongType(section, key, v, "a number");
        String l = v.toLowerCase(Locale.ROOT);
        if (l.endsWith("nan")) return Double.NaN;
        if (l.endsWith("inf") || l.endsWith("infinity")) {
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(v);
    }

    /** A boolean value, or {@code null} when absent. */
    public Boolean bool(String section, String key) throws SettingsException {
        String v = raw(section, key);
        if (v == null) return null;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "on", "yes" -> true;
            case "0", "false", "off", "no" -> false;
            default -> throw wrongType(section, key, v, "a boolean");
        };
    }

    /** {@code [R003.procurement_method_details]}: a threshold in days per procurement method details. */
    public Map<String, Long> r003ProcurementMethodDetails() throws SettingsException {
        Map<String, String> s = sections.get("R003.procurement_method_details");
        Map<String, Long> out = new LinkedHashMap<>();
        if (s != null) {
            for (Map.Entry<String, String> e : s.entrySet()) {
                out.put(e.getKey(), parseInteger("R003.procurement_method_details", e.getKey(), e.getValue(), false));
            }
        }
        return out;
    }

    /** Cardinal's pipe-separated list ({@code a|b}); an empty or absent value is the empty set. */
    public static Set<String> pipes(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isEmpty()) return out;
        String v = value.endsWith("|") ? value.substring(0, value.length() - 1) : value;
        int start = 0;
        while (true) {
            int bar = v.indexOf('|', start);
            if (bar < 0) {
                out.add(v.substring(start));
                return out;
            }
            out.add(v.substring(start, bar));
            start = bar + 1;
        }
    }

    private static long parseInteger(String section, String key, String v, boolean unsigned) throws SettingsException {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes":
                return 1;
            case "false", "off", "no":
                return 0;
            default:
                break;
        }
        if (!INTEGER.matcher(v).matches()) {
            throw wrongType(section, key, v, unsigned ? "a non-negative integer" : "an integer");
        }
        try {
            long n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
            if (unsigned && n < 0) throw wrongType(section, key, v, "a non-negative integer");
            return n;
        } catch (NumberFormatException e) {
            throw wrongType(section, key, v, "an integer in range");
        }
    }

    private static SettingsException wrongType(String section, String key, String value, String expected) {
        return new SettingsException("`" + (section.isEmpty() ? "" : section + ".") + key + "` must be " + expected
                + ", found `" + value + "`");
    }
}
