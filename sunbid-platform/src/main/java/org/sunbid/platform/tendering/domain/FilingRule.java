package org.sunbid.platform.tendering.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;

/**
 * One version of a region's rule on filing tender documents (招标文件备案) before publication: whether filing is
 * required for the procedures it applies to, and the supervisor's time limit to decide, with its unit (日 or 工作日)
 * and legal basis, in force from {@code effectiveFrom} through {@code effectiveTo} (Beijing dates, both included; null:
 * still in force). Maintained data per region, inherited down the region tree ({@link FilingRules}).
 *
 * @param regionCode    the region that sets it
 * @param appliesTo     a procedure code ({@code GCJS_OPEN_TENDER}), a kind prefix ({@code GCJS}) or {@code *}
 * @param required      whether a tender must be filed and accepted before publication
 * @param review        the supervisor's time limit from the filing (日 or 工作日), with its basis as the article
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or null
 */
public record FilingRule(String regionCode, String appliesTo, boolean required, Limit review, LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    /** What any procedure matches. */
    public static final String EVERY_PROCEDURE = "*";

    /** The longest time limit a rule may set (a year of days), so that a slip of the keyboard is refused. */
    static final java.math.BigDecimal MAX_REVIEW = java.math.BigDecimal.valueOf(365);

    public FilingRule {
        Objects.requireNonNull(regionCode);
        Objects.requireNonNull(review);
        Objects.requireNonNull(effectiveFrom);
        if (appliesTo == null || appliesTo.isBlank() || appliesTo.length() > 40) {
            throw new IllegalArgumentException("appliesTo");
        }
        if (review.unit() != LimitUnit.DAY && review.unit() != LimitUnit.WORKING_DAY) {
            throw new IllegalArgumentException("the supervisor's time limit is in 日 or 工作日");
        }
        if (review.amount().signum() <= 0 || review.amount().compareTo(MAX_REVIEW) > 0 || review.article() == null
                || review.article().isBlank() || review.article().length() > 300) {
            throw new IllegalArgumentException("review");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveTo");
        }
    }

    /** Whether this version is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /**
     * How specifically this rule names {@code procedureCode}: 2 the procedure itself, 1 its kind (the code's prefix
     * before the first underscore), 0 every procedure, -1 not at all.
     */
    public int specificity(String procedureCode) {
        if (appliesTo.equals(procedureCode)) {
            return 2;
        }
        int i = procedureCode.indexOf('_');
        if (i > 0 && appliesTo.equals(procedureCode.substring(0, i))) {
            return 1;
        }
        return EVERY_PROCEDURE.equals(appliesTo) ? 0 : -1;
    }
}
