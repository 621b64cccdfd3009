package org.sunbid.platform.credit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * The credit records: recorded once per source + reference (a decision or an import delivered twice records nothing new),
 * each in the transparency log, read by subject. Contexts whose decisions make a record (supervision's sanctions,
 * complaints' findings, refused awards, forfeited deposits, experts' violations, auction defaults) call
 * {@link #record(NewRecord, Actor)} in their own transaction: credit depends on none of them.
 */
@Service
public class CreditRecords {

    static final String COLUMNS = """
            id, subject_kind, subject_key, subject_name, credit_class, conduct, legal_basis, issuing_body, document, source,
            source_ref, region_code, gates, restriction_from, restriction_until, publication_from, publication_until,
            withdrawn_at, corrected_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final ApplicationEventPublisher events;

    CreditRecords(JdbcClient jdbc, Clock clock, AuditLog log, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.events = events;
    }

    /**
     * A record to make. Periods end exclusive; a null end means without end; a null start means none (no restriction,
     * not published).
     */
    public record NewRecord(CreditSubject subject, String subjectName, CreditClass creditClass, String conduct, String legalBasis,
            String issuingBody, String document, String source, String sourceRef, String regionCode, Set<Gate> gates,
            Instant restrictionFrom, Instant restrictionUntil, Instant publicationFrom, Instant publicationUntil) {
    }

    /** Records {@code r} once; a second call with the same source and reference returns the first record's id unchanged. */
    @Transactional
    public UUID record(NewRecord r, Actor actor) {
        validate(r);
        Optional<UUID> known = jdbc.sql("SELECT id FROM credit_record WHERE source = :s AND source_ref = :r")
                .param("s", r.source()).param("r", r.sourceRef()).query(UUID.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO credit_record (id, subject_kind, subject_key, subject_name, credit_class, conduct, legal_basis,
                    issuing_body, document, source, source_ref, region_code, gates, restriction_from, restriction_until,
                    publication_from, publication_until, created_by, created_at)
                VALUES (:id, :kind, :key, :name, :class, :conduct, :basis, :body, :doc, :source, :ref, :region,
                    CAST(:gates AS TEXT[]), :rf, :ru, :pf, :pu, :by, :now)
                ON CONFLICT (source, source_ref) DO NOTHING""")
                .param("id", id).param("kind", r.subject().kind().name()).param("key", r.subject().key())
                .param("name", r.subjectName()).param("class", r.creditClass().name()).param("conduct", r.conduct())
                .param("basis", r.legalBasis()).param("body", r.issuingBody()).param("doc", r.document())
                .param("source", r.source()).param("ref", r.sourceRef()).param("region", r.regionCode())
                .param("gates", "{" + String.join(",", r.gates().stream().map(Gate::name).sorted().toList()) + "}")
                .param("rf", odt(r.restrictionFrom())).param("ru", odt(r.restrictionUntil()))
                .param("pf", odt(r.publicationFrom())).param("pu", odt(r.publicationUntil()))
                .param("by", actor.username()).param("now", OffsetDateTime.now(clock)).update();
        if (inserted == 0) { // a concurrent call recorded it first
            return jdbc.sql("SELECT id FROM credit_record WHERE source = :s AND source_ref = :r")
                    .param("s", r.source()).param("r", r.sourceRef()).query(UUID.class).single();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectKind", r.subject().kind().name());
        payload.put("subject", r.subject().key());
        payload.put("subjectName", r.subjectName());
        payload.put("class", r.creditClass().name());
        payload.put("conduct", r.conduct());
        payload.put("legalBasis", r.legalBasis());
        payload.put("issuingBody", r.issuingBody());
        payload.put("document", r.document());
        payload.put("source", r.source());
        payload.put("sourceRef", r.sourceRef());
        payload.put("gates", r.gates().stream().map(Gate::name).sorted().toList());
        payload.put("restrictionFrom", str(r.restrictionFrom()));
        payload.put("restrictionUntil", str(r.restrictionUntil()));
        payload.put("publicationFrom", str(r.publicationFrom()));
        payload.put("publicationUntil", str(r.publicationUntil()));
        // sealed for good (issue 20 fix K): a public log entry never expires, but a record is published only on the /credit
        // page and only for its period (never a natural person's or a minor one, 信用修复管理办法 Art. 12); the log keeps
        // the commitment as proof and the full entry for the authorities
        long seq = log.append(AuditRecord.of("credit.record.made", id.toString(), r.regionCode(), actor, payload).sealed()).seq();
        jdbc.sql("UPDATE credit_record SET log_seq = :seq WHERE id = :id").param("seq", seq).param("id", id).update();
        changed(id, r.subject());
        return id;
    }

    /**
     * Records {@code r} once, with the time of its decision (the date that picks the publication rule:
     * {@link CreditRules#ruleAt}) and whether it is for false repair material (信用修复管理办法 Art. 25: never repaired).
     * Derive {@code r}'s publication with {@link CreditRules#publication}.
     */
    @Transactional
    public UUID record(NewRecord r, Instant decidedAt, boolean falseMaterial, Actor actor) {
        UUID id = record(r, actor);
        jdbc.sql("UPDATE credit_record SET decided_at = :d, false_material = :f WHERE id = :id AND decided_at IS NULL")
                .param("d", odt(decidedAt)).param("f", falseMaterial).param("id", id).update();
        return id;
    }

    /** Tells those keeping the subject's records in memory (a live auction room) that record {@code id} was made, corrected or withdrawn. */
    void changed(UUID id, CreditSubject subject) {
        events.publishEvent(new CreditRecordChanged(id, subject));
    }

    /** When the record's decision was taken (else its publication's or restriction's start, else when recorded). */
    public Instant decidedAt(UUID id) {
        return jdbc.sql("SELECT coalesce(decided_at, publication_from, restriction_from, created_at) FROM credit_record WHERE id = :id")
                .param("id", id).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                .orElseThrow(() -> new DomainException(CreditError.CREDIT_RECORD_NOT_FOUND, id));
    }

    /** Whether the record is for false repair material (Art. 25). */
    public boolean falseMaterial(UUID id) {
        return jdbc.sql("SELECT false_material FROM credit_record WHERE id = :id").param("id", id).query(Boolean.class)
                .optional().orElse(false);
    }

    /**
     * Corrects record {@code id} now (更正, on objection {@code objectionId} upheld, 信用修复管理办法 Art. 18): the record
     * keeps its id and shows the corrected values from now; the values it had are kept as a revision replaced now (gates
     * asked about an earlier time use them), and the correction is logged with both, sealed like the record. A withdrawn
     * record is not corrected. Call inside the deciding step's transaction.
     */
    @Transactional
    CreditRecordView correct(UUID id, CreditCorrection correction, UUID objectionId, Actor actor) {
        Integer revision = jdbc.sql("SELECT revision FROM credit_record WHERE id = :id FOR UPDATE").param("id", id).query(Integer.class)
                .optional().orElseThrow(() -> new DomainException(CreditError.CREDIT_RECORD_NOT_FOUND, id));
        CreditRecordView r = find(id).orElseThrow();
        if (r.withdrawnAt() != null) {
            throw new DomainException(CreditError.CREDIT_STEP_NOT_ALLOWED, "correct", "WITHDRAWN");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        CreditRecordView c = correction.applyTo(r, decidedAt(id), falseMaterial(id), now.toInstant());
        jdbc.sql("""
                INSERT INTO credit_record_revision (record_id, revision, credit_class, conduct, document, restriction_until,
                    publication_until, publication_end_seq, replaced_at, objection_id, created_by, created_at)
                SELECT id, revision, credit_class, conduct, document, restriction_until, publication_until, publication_end_seq,
                    :now, :objection, :by, :now
                  FROM credit_record WHERE id = :id""")
                .param("now", now).param("objection", objectionId).param("by", actor.username()).param("id", id).update();
        // a publication moved past now is published again and its end logged again when it comes
        jdbc.sql("""
                UPDATE credit_record SET credit_class = :class, conduct = :conduct, document = :doc, restriction_until = :ru,
                    publication_until = :pu, corrected_at = :now, revision = revision + 1,
                    publication_end_seq = CASE WHEN CAST(:pu AS TIMESTAMPTZ) IS NULL OR :pu > :now THEN NULL ELSE publication_end_seq END
                 WHERE id = :id""")
                .param("class", c.creditClass().name()).param("conduct", c.conduct()).param("doc", c.document())
                .param("ru", odt(c.restrictionUntil())).param("pu", odt(c.publicationUntil())).param("now", now).param("id", id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("record", id.toString());
        payload.put("objection", objectionId.toString());
        payload.put("subjectName", r.subjectName());
        payload.put("revision", revision + 1);
        payload.put("before", values(r));
        payload.put("after", values(c));
        payload.put("basis", "信用修复管理办法第十八条：异议成立，予以更正");
        // sealed like the record (issue 20 fix K): it names the subject and the conduct
        long seq = log.append(AuditRecord.of("credit.record.corrected", id.toString(), r.regionCode(), actor, payload).sealed()).seq();
        jdbc.sql("UPDATE credit_record_revision SET log_seq = :seq WHERE record_id = :id AND revision = :rev")
                .param("seq", seq).param("id", id).param("rev", revision).update();
        return find(id).orElseThrow();
    }

    private static Map<String, Object> values(CreditRecordView r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("class", r.creditClass().name());
        v.put("conduct", r.conduct());
        v.put("document", r.document());
        v.put("restrictionUntil", str(r.restrictionUntil()));
        v.put("publicationUntil", str(r.publicationUntil()));
        return v;
    }

    /** Every record of {@code subject}, newest first, whatever its state. */
    public List<CreditRecordView> of(CreditSubject subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE subject_kind = :k AND subject_key = :key ORDER BY created_at DESC, id")
                .param("k", subject.kind().name()).param("key", subject.key()).query(CreditRecords::map).list();
    }

    /** The record {@code id}, if any. */
    public Optional<CreditRecordView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM credit_record WHERE id = :id").param("id", id).query(CreditRecords::map).optional();
    }

    /**
     * {@code records} as they stood at {@code at} ({@link CreditRecordView#asOf}): a record corrected after {@code at} with
     * the values it had then. One query for all the corrected ones.
     */
    public List<CreditRecordView> asOf(List<CreditRecordView> records, Instant at) {
        List<UUID> corrected = records.stream().filter(r -> r.correctedAt() != null && at.isBefore(r.correctedAt()))
                .map(CreditRecordView::id).toList();
        if (corrected.isEmpty()) {
            return records;
        }
        Map<UUID, List<CreditRecordView.Revision>> revisions = jdbc.sql("""
                SELECT record_id, revision, credit_class, conduct, document, restriction_until, publication_until, replaced_at
                  FROM credit_record_revision WHERE record_id = ANY(:ids)""")
                .param("ids", corrected.toArray(new UUID[0]))
                .query((rs, i) -> Map.entry(rs.getObject("record_id", UUID.class), revision(rs))).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(Map.Entry::getValue, java.util.stream.Collectors.toList())));
        return records.stream().map(r -> r.asOf(at, revisions.getOrDefault(r.id(), List.of()))).toList();
    }

    /** The values {@code id} had before each of its corrections, oldest first. */
    public List<CreditRecordView.Revision> revisions(UUID id) {
        return jdbc.sql("""
                SELECT revision, credit_class, conduct, document, restriction_until, publication_until, replaced_at
                  FROM credit_record_revision WHERE record_id = :id ORDER BY revision""").param("id", id)
                .query((rs, i) -> revision(rs)).list();
    }

    private static CreditRecordView.Revision revision(ResultSet rs) throws SQLException {
        return new CreditRecordView.Revision(rs.getInt("revision"), CreditClass.valueOf(rs.getString("credit_class")),
                rs.getString("conduct"), rs.getString("document"), instant(rs, "restriction_until"),
                instant(rs, "publication_until"), instant(rs, "replaced_at"));
    }

    private static void validate(NewRecord r) {
        List<String> missing = new ArrayList<>();
        if (r.subject() == null) {
            missing.add("subject");
        }
        for (Object[] f : new Object[][] {{"subjectName", r.subjectName()}, {"conduct", r.conduct()}, {"legalBasis", r.legalBasis()},
                {"issuingBody", r.issuingBody()}, {"source", r.source()}, {"sourceRef", r.sourceRef()}}) {
            if (f[1] == null || ((String) f[1]).isBlank()) {
                missing.add((String) f[0]);
            }
        }
        if (r.creditClass() == null) {
            missing.add("creditClass");
        }
        if (r.gates() == null || !r.gates().isEmpty() && r.restrictionFrom() == null) {
            missing.add("restrictionFrom");
        }
        if (r.restrictionUntil() != null && (r.restrictionFrom() == null || !r.restrictionUntil().isAfter(r.restrictionFrom()))) {
            missing.add("restrictionUntil");
        }
        if (r.publicationUntil() != null && (r.publicationFrom() == null || !r.publicationUntil().isAfter(r.publicationFrom()))) {
            missing.add("publicationUntil");
        }
        if (!missing.isEmpty()) {
            throw new DomainException(CreditError.CREDIT_FIELD_INVALID, String.join(", ", missing));
        }
    }

    static CreditRecordView map(ResultSet rs, int row) throws SQLException {
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        Array array = rs.getArray("gates");
        if (array != null) {
            for (Object g : (Object[]) array.getArray()) {
                gates.add(Gate.valueOf((String) g));
            }
        }
        return new CreditRecordView(rs.getObject("id", UUID.class),
                new CreditSubject(CreditSubject.Kind.valueOf(rs.getString("subject_kind")), rs.getString("subject_key")),
                rs.getString("subject_name"), CreditClass.valueOf(rs.getString("credit_class")), rs.getString("conduct"),
                rs.getString("legal_basis"), rs.getString("issuing_body"), rs.getString("document"), rs.getString("source"),
                rs.getString("source_ref"), rs.getString("region_code"), gates, instant(rs, "restriction_from"),
                instant(rs, "restriction_until"), instant(rs, "publication_from"), instant(rs, "publication_until"),
                instant(rs, "withdrawn_at"), instant(rs, "corrected_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
