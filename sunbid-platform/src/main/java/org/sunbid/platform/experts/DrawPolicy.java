package org.sunbid.platform.experts;

import java.time.Duration;

import org.sunbid.platform.kernel.DomainException;

/**
 * A region's draw and conduct rules (maintained data, nearest region up the tree, else {@link #DEFAULT}).
 *
 * @param maxSittingsPerMonth     evaluations one expert may sit in a calendar month (Beijing time)
 * @param maxSittingsPerTenderee  evaluations one expert may sit for the same tenderee within {@code tendereeWindowDays}
 * @param tendereeWindowDays      the window of the per-tenderee limit
 * @param replyTimeoutMinutes     how long a drawn expert has to confirm before a replacement is drawn
 * @param drawLeadMinutes         how long before the evaluation starts the draw runs (default one hour)
 * @param suspendAfterViolations  violations within the window after which an active expert is suspended
 * @param blacklistAfterViolations violations within the window after which an expert is blacklisted; null: never by rule
 * @param violationWindowDays     the window violations are counted in
 */
public record DrawPolicy(int maxSittingsPerMonth, int maxSittingsPerTenderee, int tendereeWindowDays,
        int replyTimeoutMinutes, int drawLeadMinutes, int suspendAfterViolations, Integer blacklistAfterViolations,
        int violationWindowDays) {

    /** The platform's defaults. */
    public static final DrawPolicy DEFAULT = new DrawPolicy(4, 2, 90, 15, 60, 3, 5, 365);

    public DrawPolicy {
        if (maxSittingsPerMonth < 1 || maxSittingsPerTenderee < 1 || tendereeWindowDays < 1 || replyTimeoutMinutes < 1
                || drawLeadMinutes < 10 || suspendAfterViolations < 1 || violationWindowDays < 1
                || (blacklistAfterViolations != null && blacklistAfterViolations < suspendAfterViolations)
                || replyTimeoutMinutes * 2 > drawLeadMinutes) {
            throw new DomainException(ExpertsError.POLICY_INVALID);
        }
    }

    /**
     * The conduct rule: where {@code violations} (within the window) take an expert now in {@code status} — blacklisted
     * at the blacklist threshold, suspended (if active) at the suspension threshold — or empty if nowhere.
     */
    public java.util.Optional<ExpertStatus> conductOutcome(ExpertStatus status, int violations) {
        if (blacklistAfterViolations != null && violations >= blacklistAfterViolations
                && status.canBecome(ExpertStatus.BLACKLISTED)) {
            return java.util.Optional.of(ExpertStatus.BLACKLISTED);
        }
        if (violations >= suspendAfterViolations && status == ExpertStatus.ACTIVE) {
            return java.util.Optional.of(ExpertStatus.SUSPENDED);
        }
        return java.util.Optional.empty();
    }

    public Duration replyTimeout() {
        return Duration.ofMinutes(replyTimeoutMinutes);
    }

    public Duration drawLead() {
        return Duration.ofMinutes(drawLeadMinutes);
    }
}
