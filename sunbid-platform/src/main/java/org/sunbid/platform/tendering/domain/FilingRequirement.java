package org.sunbid.platform.tendering.domain;

import org.sunbid.platform.deals.domain.Limit;

/**
 * What a tender's region requires of its documents before publication (招标文件备案).
 *
 * @param required   whether the documents must be filed and accepted before publication
 * @param review     the supervisor's time limit (日 / 工作日) and its basis, or null when not required
 * @param regionCode the region whose rule applies (the tender's or the nearest above it), or null when none does
 */
public record FilingRequirement(boolean required, Limit review, String regionCode) {

    /** No region up the tree requires filing: publication proceeds as without this step. */
    public static final FilingRequirement NONE = new FilingRequirement(false, null, null);

    public FilingRequirement {
        if (required && review == null) {
            throw new IllegalArgumentException("a required filing has a time limit");
        }
    }

    /** The legal basis of the requirement, or an empty string. */
    public String basis() {
        return review == null ? "" : review.article();
    }
}
