package org.sunbid.platform.tendering.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the filing rule (招标文件备案) that applies to a tender: walking up the region tree from the tender's region,
 * the first region with a rule in force on the date that names the tender's procedure decides (within one region the
 * most specific: the procedure, then its kind, then every procedure). A region may so turn off what a region above it
 * requires. Without any, nothing is required (the platform's behaviour before the rule existed).
 */
public final class FilingRules {

    private FilingRules() {
    }

    /**
     * @param upwards       the tender's region and its ancestors, nearest first
     * @param rules         the rules of those regions (any order; others are ignored)
     * @param procedureCode the procedure the tender's lot runs
     * @param date          the Beijing date of the event judged (filing or publication)
     */
    public static FilingRequirement resolve(List<String> upwards, List<FilingRule> rules, String procedureCode, LocalDate date) {
        for (String region : upwards) {
            Optional<FilingRule> rule = rules.stream()
                    .filter(r -> r.regionCode().equals(region) && r.inForceOn(date) && r.specificity(procedureCode) >= 0)
                    .max(Comparator.comparingInt(r -> r.specificity(procedureCode)));
            if (rule.isPresent()) {
                FilingRule r = rule.get();
                return r.required() ? new FilingRequirement(true, r.review(), r.regionCode())
                        : new FilingRequirement(false, r.review(), r.regionCode());
            }
        }
        return FilingRequirement.NONE;
    }
}
