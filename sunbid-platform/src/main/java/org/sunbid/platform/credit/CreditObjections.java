package org.sunbid.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Objections to a record (异议, 信用修复管理办法 Art. 18): the recorded organisation objects with its reason and documents;
 * a supervisor of the record's region decides within 7 working days; upheld, the record is withdrawn (its publication
 * and any restriction end now). Every step is in the transparency log.
 */
@Service
public class CreditObjections {

    /** Working days to decide (Art. 18). */
    public static final int DECIDE_DAYS = 7;

    /** Where an objection stands. */
    public enum Status {
        /** 已提出: awaiting the decision. */
        FILED,
        /** 异议成立: the record was withdrawn. */
        UPHELD,
        /** 异议不成立: the record stands. */
        DISMISSED
    }

    /** An objection as its parties see it. */
    public record ObjectionView(UUID id, UUID recordId, UUID organisationId, String subjectName, String conduct, CreditClass creditClass,
            String regionCode, String reason, List<String> documents, Status status, Instant filedAt, String filedBy,
            LocalDate decideDue, Instant decidedAt, String decidedBy, String decisionReason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final CreditRecords records;
    private final CreditAccess access;
    private final Calendars calendars;

    CreditObjections(JdbcClient jdbc, Clock clock, AuditLog log, CreditRecords records, CreditAccess access, Calendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.records = records;
        this.access = access;
        this.calendars = calendars;
    }

    /** The recorded organisation objects to its record (not to a withdrawn one). */
    @Transactional
    public ObjectionView file(UUID recordId, String reason, List<String> documents, CurrentUser user) {
        Instant now = clock.instant();
        CreditRecordView r = access.ownRecord(records, recordId, user, now);
        String why = CreditRepairs.text("reason", reason);
        List<String> docs = CreditRepairs.documents(documents);
        if (r.withdrawnAt() != null) {
            throw new DomainException(CreditError.CREDIT_STEP_NOT_ALLOWED, "object", "WITHDRAWN");
        }
        jdbc.sql("SELECT id FROM credit_record WHERE id = :id FOR UPDATE").param("id", recordId).query(UUID.class).single();
        if (jdbc.sql("SELECT COUNT(*) FROM credit_objection WHERE record_id = :r AND status = 'FILED'").param("r", recordId)
                .query(Long.class).single() > 0) {
            throw new DomainException(CreditError.CREDIT_ALREADY_PENDING);
        }
        UUID id = UUID.randomUUID();
        LocalDate due = calendars.workingDays().plus(CreditRepairs.today(now), DECIDE_DAYS);
        jdbc.sql("""
                INSERT INTO credit_objection (id, record_id, organisation_id, reason, documents, status, decide_due, created_by, created_at)
                VALUES (:id, :record, :org, :reason, CAST(:docs AS TEXT[]), 'FILED', :due, :by, :now)""")
                .param("id", id).param("record", recordId).param("org", user.organisationId()).param("reason", why)
                .param("docs", CreditRepairs.pgArray(docs)).param("due", due).param("by", user.username())
                .param("now", OffsetDateTime.now(clock)).update();
        Map<String, Object> payload = CreditRepairs.payload(id, r);
        payload.put("reason", why);
        payload.put("documents", docs);
        payload.put("decideDue", due.toString());
        // sealed like the record it is about (issue 20 fix K)
        log.append(AuditRecord.of("credit.objection.filed", id.toString(), r.regionCode(), user.actor(), payload).sealed());
        return get(id, user);
    }

    /** A supervisor of the record's region decides: upheld withdraws the record now; dismissed leaves it. */
    @Transactional
    public ObjectionView decide(UUID id, boolean upheld, String reason, CurrentUser user) {
        ObjectionView v = get(id, user);
        if (!access.supervises(user, v.regionCode())) {
            throw new DomainException(CreditError.CREDIT_NOT_SUPERVISOR);
        }
        String why = CreditRepairs.text("reason", reason);
        Status status = Status.valueOf(jdbc.sql("SELECT status FROM credit_objection WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).single());
        if (status != Status.FILED) {
            throw new DomainException(CreditError.CREDIT_STEP_NOT_ALLOWED, "decide", status);
        }
        CreditRecordView r = records.find(v.recordId()).orElseThrow();
        Instant now = clock.instant();
        if (upheld) {
            jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = :why WHERE id = :id AND withdrawn_at IS NULL")
                    .param("now", OffsetDateTime.now(clock)).param("why", "异议成立（信用修复管理办法第十八条）：" + why)
                    .param("id", r.id()).update();
            records.changed(r.id(), r.subject());
        }
        jdbc.sql("UPDATE credit_objection SET status = :s, decided_at = :now, decided_by = :by, decision_reason = :why WHERE id = :id")
                .param("s", upheld ? "UPHELD" : "DISMISSED").param("now", OffsetDateTime.now(clock)).param("by", user.username())
                .param("why", why).param("id", id).update();
        Map<String, Object> payload = CreditRepairs.payload(id, r);
        payload.put("reason", why);
        if (upheld) {
            payload.put("withdrawnAt", now.toString());
        }
        log.append(AuditRecord.of(upheld ? "credit.objection.upheld" : "credit.objection.dismissed", id.toString(), r.regionCode(),
                user.actor(), payload).sealed());
        return get(id, user);
    }

    /** The objection, if {@code user} is its organisation's staff or oversees its region; else not found. */
    public ObjectionView get(UUID id, CurrentUser user) {
        return find(id).filter(v -> visible(v, user))
                .orElseThrow(() -> new DomainException(CreditError.CREDIT_OBJECTION_NOT_FOUND, id));
    }

    /** The objections {@code user} sees, newest first. */
    public List<ObjectionView> visibleTo(CurrentUser user) {
        if (user == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (!user.seesAllRegions() && !user.seesRegionSubtree()) { // an organisation's staff: its own
            return user.organisationId() == null ? List.of() : jdbc.sql(SELECT + " WHERE o.organisation_id = :org ORDER BY o.created_at DESC, o.id LIMIT 500")
                    .param("org", user.organisationId()).query(CreditObjections::map).list();
        }
        return jdbc.sql(SELECT + " ORDER BY o.created_at DESC, o.id LIMIT 2000").query(CreditObjections::map).list().stream()
                .filter(v -> visible(v, user)).limit(500).toList();
    }

    private boolean visible(ObjectionView v, CurrentUser user) {
        return user != null && (v.organisationId().equals(user.organisationId()) || access.oversees(user, v.regionCode()));
    }

    private Optional<ObjectionView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(CreditObjections::map).optional();
    }

    private static final String SELECT = """
            SELECT o.id, o.record_id, o.organisation_id, r.subject_name, r.conduct, r.credit_class, r.region_code, o.reason, o.documents, o.status,
                   o.created_at, o.created_by, o.decide_due, o.decided_at, o.decided_by, o.decision_reason
              FROM credit_objection o JOIN credit_record r ON r.id = o.record_id""";

    private static ObjectionView map(ResultSet rs, int i) throws SQLException {
        return new ObjectionView(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("subject_name"),
                rs.getString("conduct"), CreditClass.valueOf(rs.getString("credit_class")), rs.getString("region_code"),
                rs.getString("reason"), CreditRepairs.strings(rs.getArray("documents")), Status.valueOf(rs.getString("status")),
                CreditRepairs.instant(rs, "created_at"), rs.getString("created_by"), rs.getObject("decide_due", LocalDate.class),
                CreditRepairs.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decision_reason"));
    }
}
