package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A record of bad behaviour (失信记录) as the gates and pages read it.
 *
 * @param id                 the record's id
 * @param subject            whom it is about
 * @param subjectName        the subject's name as the record gives it
 * @param creditClass        轻微/一般/严重
 * @param conduct            what was done (the behaviour recorded)
 * @param legalBasis         the article the decision rests on
 * @param issuingBody        the body that decided it (认定单位)
 * @param document           the decision document's number (决定文书号), or null
 * @param source             {@code platform} for the platform's own decisions, else the external list's name
 * @param sourceRef          the record's key within its source (idempotency: one record per source + ref)
 * @param regionCode         the region of the issuing body, or null for a national list
 * @param gates              the gates it bars while its restriction is in force (empty: a record without restriction)
 * @param restrictionFrom    the restriction's start, or null if none
 * @param restrictionUntil   the restriction's end (exclusive), or null if none or without end
 * @param publicationFrom    publication's start, or null if not published
 * @param publicationUntil   publication's end (exclusive), or null if not published
 * @param withdrawnAt        when it was withdrawn early (repair, objection upheld), or null
 */
public record CreditRecordView(UUID id, CreditSubject subject, String subjectName, CreditClass creditClass, String conduct,
        String legalBasis, String issuingBody, String document, String source, String sourceRef, String regionCode,
        Set<Gate> gates, Instant restrictionFrom, Instant restrictionUntil, Instant publicationFrom, Instant publicationUntil,
        Instant withdrawnAt) {

    public CreditRecordView {
        gates = Set.copyOf(gates);
    }

    /** Whether it bars {@code gate} at {@code at}: its restriction covers the gate and is in force then, and it was not withdrawn before. */
    public boolean restricts(Gate gate, Instant at) {
        return gates.contains(gate) && restrictionFrom != null && !at.isBefore(restrictionFrom)
                && (restrictionUntil == null || at.isBefore(restrictionUntil)) && (withdrawnAt == null || at.isBefore(withdrawnAt));
    }

    /** Whether it is published on the portal at {@code at}. */
    public boolean publishedAt(Instant at) {
        return publicationFrom != null && !at.isBefore(publicationFrom) && (publicationUntil == null || at.isBefore(publicationUntil))
                && (withdrawnAt == null || at.isBefore(withdrawnAt));
    }
}
