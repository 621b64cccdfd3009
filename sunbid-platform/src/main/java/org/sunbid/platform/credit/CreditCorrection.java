package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.sunbid.platform.kernel.DomainException;

/**
 * A correction of a credit record (更正) decided on an upheld objection (信用修复管理办法 Art. 18): the record was wrong in
 * its class, the end of its restriction or of its publication, its conduct or its decision document. A null field keeps
 * the record's value. Plain Java: {@link #applyTo} checks the corrected record against the rules and returns it; the
 * record keeps its id, and the values it had are kept as a {@link CreditRecordView.Revision}.
 *
 * @param creditClass      the corrected class, or null
 * @param restrictionUntil the corrected end (exclusive) of the restriction, or null
 * @param publicationUntil the corrected end (exclusive) of the publication, or null
 * @param conduct          the corrected conduct, or null
 * @param document         the corrected decision document's number, or null
 */
public record CreditCorrection(CreditClass creditClass, Instant restrictionUntil, Instant publicationUntil, String conduct,
        String document) {

    public CreditCorrection {
        conduct = blankToNull(conduct);
        document = blankToNull(document);
    }

    /**
     * {@code r} with this correction applied, checked: the restriction's end after its start (only where it has a
     * restriction), the publication's end after its start (only where it is published) and not beyond the maximum of the
     * corrected class by the rule of the decision's day (Art. 12; a record for false material: Art. 25's period), and at
     * least one value changed.
     */
    public CreditRecordView applyTo(CreditRecordView r, Instant decidedAt, boolean falseMaterial, Instant now) {
        List<String> invalid = new ArrayList<>();
        if (restrictionUntil != null && (r.restrictionFrom() == null || !restrictionUntil.isAfter(r.restrictionFrom()))) {
            invalid.add("restrictionUntil");
        }
        if (publicationUntil != null && (r.publicationFrom() == null || !publicationUntil.isAfter(r.publicationFrom()))) {
            invalid.add("publicationUntil");
        }
        if (conduct != null) {
            CreditRepairs.limit("conduct", conduct);
        }
        if (document != null) {
            CreditRepairs.limit("document", document);
        }
        if (!invalid.isEmpty()) {
            throw new DomainException(CreditError.CREDIT_FIELD_INVALID, String.join(", ", invalid));
        }
        CreditRecordView c = new CreditRecordView(r.id(), r.subject(), r.subjectName(), or(creditClass, r.creditClass()),
                or(conduct, r.conduct()), r.legalBasis(), r.issuingBody(), or(document, r.document()), r.source(), r.sourceRef(),
                r.regionCode(), r.gates(), r.restrictionFrom(), or(restrictionUntil, r.restrictionUntil()), r.publicationFrom(),
                or(publicationUntil, r.publicationUntil()), r.withdrawnAt(), now);
        if (c.creditClass() == r.creditClass() && c.conduct().equals(r.conduct()) && Objects.equals(c.document(), r.document())
                && Objects.equals(c.restrictionUntil(), r.restrictionUntil()) && Objects.equals(c.publicationUntil(), r.publicationUntil())) {
            throw new DomainException(CreditError.CREDIT_CORRECTION_EMPTY);
        }
        if (c.publicationFrom() != null && (publicationUntil != null || creditClass != null)) {
            CreditRules.Rule rule = CreditRules.ruleAt(decidedAt);
            CreditRules.Band band = falseMaterial && rule.falseMaterial() != null ? rule.falseMaterial() : rule.band(c.creditClass());
            Instant maximum = CreditRules.plus(c.publicationFrom(), band.maximum());
            if (c.publicationUntil() == null || c.publicationUntil().isAfter(maximum)) {
                throw new DomainException(CreditError.CREDIT_CORRECTION_BEYOND_MAXIMUM, c.creditClass().name(),
                        CreditRepairs.day(maximum.minusSeconds(1)), band.article());
            }
        }
        return c;
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
