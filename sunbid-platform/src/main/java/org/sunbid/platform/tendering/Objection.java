package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * An objection to the tender documents (异议, Reg. 22), which suspends the procedure until answered.
 *
 * @param id          its identity
 * @param raisedAt    when it was raised
 * @param objectorId  the organisation that raised it (kept from the tenderee while registrations are anonymous)
 * @param text        what it says
 * @param answerDue   by when the tenderee must answer (3 days)
 * @param answeredAt  when it was answered, null while open
 * @param answer      the answer, null while open
 */
public record Objection(UUID id, Instant raisedAt, UUID objectorId, String text, Instant answerDue, Instant answeredAt,
        String answer) {

    public boolean open() {
        return answeredAt == null;
    }

    /** Whether the answer came, or is still missing, after the three days of Reg. 22. */
    public boolean late(Instant now) {
        return (answeredAt == null ? now : answeredAt).isAfter(answerDue);
    }
}
