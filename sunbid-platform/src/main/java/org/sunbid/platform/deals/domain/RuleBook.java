package org.sunbid.platform.deals.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sunbid.platform.catalog.WorkingDays;

/**
 * Every procedure's rules with their dated versions. A rule's versions must follow one another without overlap (two
 * answers for one day) or gap (a day with none between two versions); the book refuses to be built otherwise, so a
 * wrongly maintained rule stops the platform from applying it rather than letting it pick one at random.
 */
public final class RuleBook {

    private final Map<String, List<RuleVersion>> byRule = new LinkedHashMap<>();

    public RuleBook(List<RuleVersion> versions) {
        for (RuleVersion v : versions) {
            byRule.computeIfAbsent(v.procedureCode() + "/" + v.key(), k -> new ArrayList<>()).add(v);
        }
        for (Map.Entry<String, List<RuleVersion>> e : byRule.entrySet()) {
            List<RuleVersion> list = e.getValue();
            list.sort(Comparator.comparing(RuleVersion::effectiveFrom));
            for (int i = 1; i < list.size(); i++) {
                RuleVersion before = list.get(i - 1);
                RuleVersion after = list.get(i);
                if (before.effectiveTo() == null || !before.effectiveTo().isBefore(after.effectiveFrom())) {
                    throw new IllegalArgumentException("rule " + e.getKey() + ": versions from " + before.effectiveFrom()
                            + " and " + after.effectiveFrom() + " overlap");
                }
                if (!before.effectiveTo().plusDays(1).equals(after.effectiveFrom())) {
                    throw new IllegalArgumentException("rule " + e.getKey() + ": no version in force from "
                            + before.effectiveTo().plusDays(1) + " to " + after.effectiveFrom().minusDays(1));
                }
            }
        }
    }

    /** The version of {@code procedureCode}'s rule {@code key} in force on {@code date}, if any. */
    public Optional<Limit> limit(String procedureCode, String key, LocalDate date) {
        List<RuleVersion> list = byRule.get(procedureCode + "/" + key);
        if (list == null) {
            return Optional.empty();
        }
        return list.stream().filter(v -> v.inForceOn(date)).map(RuleVersion::limit).findFirst();
    }

    /** Every rule of {@code procedureCode} in force on {@code date}, with the calendar that counts its working days. */
    public ProcedureRules rules(String procedureCode, LocalDate date, WorkingDays calendar) {
        Map<String, Limit> inForce = new LinkedHashMap<>();
        for (List<RuleVersion> list : byRule.values()) {
            for (RuleVersion v : list) {
                if (v.procedureCode().equals(procedureCode) && v.inForceOn(date)) {
                    inForce.put(v.key(), v.limit());
                }
            }
        }
        return new ProcedureRules(procedureCode, date, inForce, calendar);
    }

    /** Every version of every rule of {@code procedureCode}, by rule and date. */
    public List<RuleVersion> versions(String procedureCode) {
        return byRule.values().stream().flatMap(List::stream).filter(v -> v.procedureCode().equals(procedureCode)).toList();
    }
}
