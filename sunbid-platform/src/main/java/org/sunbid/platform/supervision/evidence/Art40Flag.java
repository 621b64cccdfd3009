package org.sunbid.platform.supervision.evidence;

import java.util.List;
import java.util.UUID;

/**
 * One Art. 40 finding on a lot, as the committee and the supervisors see it: the item, its legal basis, the bidders
 * (named: public from the opening) and the evidence with every personal value hashed. A flag, never a rejection.
 *
 * @param item       the item of 招标投标法实施条例 Art. 40 (SAME_PREPARER, SAME_AGENT, SAME_PROJECT_MANAGER,
 *                   ABNORMALLY_SIMILAR, MIXED_UP, SAME_DEPOSIT_ACCOUNT)
 * @param legalBasis e.g. 招标投标法实施条例第四十条第（一）项
 * @param text       the item's words in the regulation
 * @param severity   HIGH or MEDIUM
 * @param bidders    the bidders concerned
 * @param evidence   what was found
 * @param warningId  the supervisors' warning it raised, or null where no warning queue runs
 */
public record Art40Flag(String item, String legalBasis, String text, String severity, List<String> bidders,
        List<Evidence> evidence, UUID warningId) {

    public Art40Flag {
        bidders = List.copyOf(bidders);
        evidence = List.copyOf(evidence);
    }

    /** One fact: the bidder it is about (null: the lot), what and what was found. */
    public record Evidence(String bidder, String label, String value) {
    }
}
