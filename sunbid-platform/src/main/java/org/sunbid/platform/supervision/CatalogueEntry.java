package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.deals.DealKind;

/**
 * One entry of the must-trade catalogue (应进必进目录): deals of {@code kind} and {@code category} in {@code regionCode}
 * (and below it, unless a region below sets its own entry for the same kind and category) whose value reaches
 * {@code threshold} must trade on the platform, from {@code effectiveFrom} to {@code effectiveTo} (inclusive).
 *
 * @param id            the entry
 * @param regionCode    the region that set it; null for the national entries every region starts from
 * @param kind          the deal's kind
 * @param category      what it buys or grants; {@link Category#ANY} for every category of the kind
 * @param threshold     in yuan, the value from which the deal must trade here; null when every deal of the kind must
 * @param basis         the legal basis (法律依据), e.g. 必须招标的工程项目规定（发改委令第16号）第五条
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or null while in force
 */
public record CatalogueEntry(UUID id, String regionCode, DealKind kind, Category category, BigDecimal threshold,
        String basis, LocalDate effectiveFrom, LocalDate effectiveTo) {

    public CatalogueEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    }

    /** Whether the entry is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Whether it speaks about deals of {@code kind} and {@code category}. */
    public boolean covers(DealKind kind, Category category) {
        return this.kind == kind && (this.category == Category.ANY || this.category == category);
    }

    /** Whether a deal of {@code value} reaches the threshold (every deal, without one). */
    public boolean reachedBy(BigDecimal value) {
        return threshold == null || (value != null && value.compareTo(threshold) >= 0);
    }
}
