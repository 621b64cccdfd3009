package org.sunbid.platform.deals.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Regions' local versions of procedure rules (e.g. Fujian's 5-minute countdown and 15-minute pause, 闽 F:S10 Art.
 * 33–46) laid over the procedure chain's national values. For a lot in region R, each rule key is decided by the
 * nearest region up R's tree (R itself first) that has a version of the key in force on the event's date; among that
 * region's rows, by the nearest procedure up the procedure's {@code inherits} chain. Where no region has one in force
 * that day, the procedure chain's value stands. The versions of one (region, procedure, key) must follow one another
 * without overlap or gap, exactly as {@link RuleBook} demands (it checks them), so a wrongly maintained local rule stops
 * the platform rather than letting it pick one.
 */
public final class RegionalRuleBook {

    /** One dated version of {@code regionCode}'s local rule ({@code version.procedureCode()}: the procedure it is set for). */
    public record RegionRule(String regionCode, RuleVersion version) {

        public RegionRule {
            Objects.requireNonNull(regionCode);
            Objects.requireNonNull(version);
        }
    }

    private final RuleBook book;
    private final List<RegionRule> rules;
    private final Set<String> keys = new LinkedHashSet<>();

    public RegionalRuleBook(List<RegionRule> rules) {
        this.rules = List.copyOf(rules);
        // RuleBook keeps one series per "procedure code": the series here is region and procedure together
        this.book = new RuleBook(this.rules.stream().map(r -> new RuleVersion(series(r.regionCode(), r.version().procedureCode()),
                r.version().key(), r.version().limit(), r.version().effectiveFrom(), r.version().effectiveTo())).toList());
        this.rules.forEach(r -> keys.add(r.version().key()));
    }

    /**
     * {@code base} (the procedure chain's rules on its date) with the local rules of {@code regionsUpwards} (the lot's
     * region, then its parent, … up to the root) laid over it; {@code procedureChain} is the procedure, then the one it
     * inherits from, and so on.
     */
    public ProcedureRules over(ProcedureRules base, List<String> regionsUpwards, List<String> procedureChain) {
        Map<String, Limit> limits = new LinkedHashMap<>(base.limits());
        for (String key : keys) {
            local(key, base.date(), regionsUpwards, procedureChain).ifPresent(limit -> limits.put(key, limit));
        }
        return new ProcedureRules(base.procedureCode(), base.date(), limits, base.calendar());
    }

    /** The local version of {@code key} in force on {@code date} for a lot in the first of {@code regionsUpwards}, if any. */
    public Optional<Limit> local(String key, LocalDate date, List<String> regionsUpwards, List<String> procedureChain) {
        for (String region : regionsUpwards) {
            for (String procedure : procedureChain) {
                Optional<Limit> limit = book.limit(series(region, procedure), key, date);
                if (limit.isPresent()) {
                    return limit;
                }
            }
        }
        return Optional.empty();
    }

    /** Every local version, as maintained. */
    public List<RegionRule> rules() {
        return rules;
    }

    private static String series(String region, String procedure) {
        return procedure + "@" + region;
    }
}
