package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.List;

/**
 * What a gate learned from {@link CreditChecks}: whether the subjects are barred at the gate's time, and by which records
 * (to be shown to the refused party and logged with the refusal).
 *
 * @param gate     the gate asked
 * @param at       the gate's time
 * @param barredBy the records in force that bar the subjects there (empty: not barred)
 */
public record CreditVerdict(Gate gate, Instant at, List<CreditRecordView> barredBy) {

    public CreditVerdict {
        barredBy = List.copyOf(barredBy);
    }

    public boolean barred() {
        return !barredBy.isEmpty();
    }

    /** The records named for people: "subject：conduct（basis，issuing body document）", one per record, joined by "；". */
    public String reasons() {
        return reasonsFor(null);
    }

    /**
     * The records named for the refused party, whose own subjects' keys (its credit code) are {@code own}: its own
     * records and those published at the gate's time in full (as {@link #reasons()}); another subject's unpublished
     * record only as "key：在本环节受信用限制" (the key the caller gave, once per subject), without its name, conduct,
     * basis, issuing body or document — a consortium lead must not read a rival's unpublished record by naming it as a
     * member. {@code own} null: every record in full (for the record-keeper, never for another party).
     */
    public String reasonsFor(java.util.Set<String> own) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> restricted = new java.util.HashSet<>();
        for (CreditRecordView r : barredBy) {
            boolean full = own == null || own.contains(r.subject().key()) || r.publishedAt(at);
            if (!full && !restricted.add(r.subject().key())) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("；");
            }
            if (!full) {
                out.append(r.subject().key()).append("：在本环节受信用限制");
                continue;
            }
            out.append(r.subjectName()).append("：").append(r.conduct()).append("（").append(r.legalBasis()).append("，")
                    .append(r.issuingBody());
            if (r.document() != null) {
                out.append(" ").append(r.document());
            }
            out.append("）");
        }
        return out.toString();
    }
}
