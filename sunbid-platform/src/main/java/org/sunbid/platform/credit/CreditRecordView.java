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
 * @param correctedAt        when its values were last corrected (更正, an objection upheld, 信用修复管理办法 Art. 18), or
 *                           null: the values here are in force from then; those before are its {@link Revision}s
 */
public record CreditRecordView(UUID id, CreditSubject subject, String subjectName, CreditClass creditClass, String conduct,
        String legalBasis, String issuingBody, String document, String source, String sourceRef, String regionCode,
        Set<Gate> gates, Instant restrictionFrom, Instant restrictionUntil, Instant publicationFrom, Instant publicationUntil,
        Instant withdrawnAt, Instant correctedAt) {

    public CreditRecordView {
        gates = Set.copyOf(gates);
    }

    /** A record never corrected. */
    public CreditRecordView(UUID id, CreditSubject subject, String subjectName, CreditClass creditClass, String conduct,
            String legalBasis, String issuingBody, String document, String source, String sourceRef, String regionCode,
            Set<Gate> gates, Instant restrictionFrom, Instant restrictionUntil, Instant publicationFrom, Instant publicationUntil,
            Instant withdrawnAt) {
        this(id, subject, subjectName, creditClass, conduct, legalBasis, issuingBody, document, source, sourceRef, regionCode, gates,
                restrictionFrom, restrictionUntil, publicationFrom, publicationUntil, withdrawnAt, null);
    }

    /**
     * The values a record had before a correction replaced them (更正): in force until {@code replacedAt}.
     *
     * @param revision   which of the record's revisions (0: as recorded)
     * @param replacedAt the correction's instant
     */
    public record Revision(int revision, CreditClass creditClass, String conduct, String document, Instant restrictionUntil,
            Instant publicationUntil, Instant replacedAt) {
    }

    /**
     * The record as it stood at {@code at}: itself from its last correction on; before it, the values of the earliest
     * revision replaced after {@code at} ({@code revisions} in any order). Gates and pages asking about an earlier time
     * see what was in force then.
     */
    public CreditRecordView asOf(Instant at, java.util.List<Revision> revisions) {
        if (correctedAt == null || !at.isBefore(correctedAt)) {
            return this;
        }
        return revisions.stream().filter(v -> at.isBefore(v.replacedAt()))
                .min(java.util.Comparator.comparingInt(Revision::revision))
                .map(v -> new CreditRecordView(id, subject, subjectName, v.creditClass(), v.conduct(), legalBasis, issuingBody,
                        v.document(), source, sourceRef, regionCode, gates, restrictionFrom, v.restrictionUntil(), publicationFrom,
                        v.publicationUntil(), withdrawnAt, null))
                .orElse(this);
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
