package org.sunbid.platform.tendering;

import java.time.Instant;

import org.sunbid.platform.kernel.DomainException;

/**
 * What publishing a draft now would do, from the same rules {@link Tenders#publish} applies: whether it may (the
 * first refusal, or null), how many tender documents it would issue, and the dates publication fixes.
 *
 * @param refusal              why publishing now is refused (documents missing, a legal period too short...), or null
 * @param documents            the tender documents uploaded so far
 * @param publishAt            when the notice would be published and the documents issued (now)
 * @param documentsAvailableUntil end of the document period (Reg. 16: at least 5 days)
 * @param bidDeadline          the bid deadline and opening (Law 24: at least 20 days after issuing the documents)
 * @param clarificationCutoff  after this a clarification affecting bid preparation moves the deadline (Law 23, Reg. 21)
 * @param objectionCutoff      bidders may object to the documents until then (Reg. 22)
 * @param objectionAnswerDays  the owner answers an objection within this many days (Reg. 22)
 * @param filingRequired       whether the region requires the documents to be filed with the supervisor first (备案)
 * @param filingAccepted       whether the documents as they are now are filed and accepted (or need not be)
 */
public record PublicationCheck(DomainException refusal, int documents, Instant publishAt, Instant documentsAvailableUntil,
        Instant bidDeadline, Instant clarificationCutoff, Instant objectionCutoff, long objectionAnswerDays,
        boolean filingRequired, boolean filingAccepted) {

    public boolean allowed() {
        return refusal == null;
    }

    public boolean documentsMissing() {
        return documents <= 0;
    }
}
