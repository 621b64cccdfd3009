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
        StringBuilder out = new StringBuilder();
        for (CreditRecordView r : barredBy) {
            if (!out.isEmpty()) {
                out.append("；");
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
