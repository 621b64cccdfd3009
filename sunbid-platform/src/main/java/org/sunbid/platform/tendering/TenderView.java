package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tender as shown to someone allowed to see it. Objections never name their objector here: who objected would point
 * at a likely bidder while registrations are anonymous.
 *
 * @param id              the tender
 * @param terms           what was entered
 * @param tendereeId      the tenderee
 * @param agencyId        the agency, if any
 * @param regionCode      its region
 * @param status          where it stands
 * @param bidDeadline     the current deadline (moved by clarifications and suspensions)
 * @param publishedAt     when the notice was published
 * @param clarifications  clarifications issued, oldest first
 * @param objections      objections raised, oldest first, without the objector
 */
public record TenderView(UUID id, TenderTerms terms, UUID tendereeId, UUID agencyId, String regionCode, TenderStatus status,
        Instant bidDeadline, Instant publishedAt, List<Clarification> clarifications, List<ObjectionView> objections) {

    /** An objection without its objector. */
    public record ObjectionView(UUID id, Instant raisedAt, String text, Instant answerDue, Instant answeredAt, String answer,
            boolean late) {

        /** Whether the objection still awaits the tenderee's answer (the procedure stays suspended until it is given). */
        public boolean awaitingAnswer() {
            return answeredAt == null;
        }
    }
}
