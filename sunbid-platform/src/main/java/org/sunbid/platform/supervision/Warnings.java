package org.sunbid.platform.supervision;

import java.util.UUID;

/**
 * The supervisors' warning queue (监督预警), as other contexts and supervision's own screens feed it: every source
 * (bid screens, 招标投标法实施条例 Art. 40 evidence found at an opening, the co-bidding network, overdue legal steps,
 * catalogue breaches, complaints, far-off scores) raises a {@link WarningDraft}; the warning lands in the queue of the
 * supervisors whose region subtree holds its region, with its evidence, and moves from there through triage and
 * investigation to a decision (dismissed, corrected, referred, sanctioned) with its legal basis, each step in the
 * transparency log. A warning is a flag for people, never an automatic rejection of a bid.
 */
public interface Warnings {

    /**
     * Raises {@code draft} once: a later draft with the same {@link WarningDraft#source()} and
     * {@link WarningDraft#key()} changes nothing and gives the first one's id (so a screen that runs again, or an event
     * delivered twice, raises no second warning). Runs in the caller's transaction when there is one.
     *
     * @return the warning's id
     */
    UUID raise(WarningDraft draft);
}
