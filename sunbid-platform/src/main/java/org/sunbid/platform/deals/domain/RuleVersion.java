package org.sunbid.platform.deals.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a procedure's rule, in force from {@code effectiveFrom} through {@code effectiveTo} (both dates
 * included; null: still in force).
 */
public record RuleVersion(String procedureCode, String key, Limit limit, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public RuleVersion {
        Objects.requireNonNull(procedureCode);
        Objects.requireNonNull(key);
        Objects.requireNonNull(limit);
        Objects.requireNonNull(effectiveFrom);
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(procedureCode + "/" + key + " ends before it begins");
        }
    }

    /** Whether this version is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
