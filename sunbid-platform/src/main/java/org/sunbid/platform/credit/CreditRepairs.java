package org.sunbid.platform.credit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.sunbid.platform.credit.domain.CreditCase;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Credit repair (信用修复, 信用修复管理办法 Art. 16): the recorded organisation applies with its reason and documents; a
 * supervisor of the record's region (the issuing body's) accepts within 3 working days and decides within 7 more;
 * approval ends the record's publication early (withdrawn_at) — only where {@link CreditRules#repairRefusal} allows,
 * checked when applying and again when approving. Every step is in the transparency log.
 */
@Service
public class CreditRepairs {

    /** Working days to accept an application (Art. 16). */
    public static final int ACCEPT_DAYS = 3;
    /** Working days to decide an accepted application (Art. 16). */
    public static final int DECIDE_DAYS = 7;
    static final int MAX_TEXT = 4000;

    /** Where an application stands. */
    public enum Status {
        /** 已申请: awaiting acceptance. */
        APPLIED,
        /** 已受理: awaiting the decision. */
        ACCEPTED,
        /** 准予修复: the record's publication ended early. */
        APPROVED,
        /** 不予修复: refused (at intake or on the merits). */
        REFUSED;

        /** The stage of the case's state machine. */
        public CreditCase.Stage stage() {
            return switch (this) {
                case APPLIED -> CreditCase.Stage.AWAITING_ACCEPTANCE;
                case ACCEPTED -> CreditCase.Stage.AWAITING_DECISION;
                case APPROVED -> CreditCase.Stage.GRANTED;
                case REFUSED -> CreditCase.Stage.REFUSED;
            };
        }
    }

    /** An application as its parties see it. */
    public record RepairView(UUID id, UUID recordId, UUID organisationId, String subjectName, String conduct, CreditClass creditClass,
            String regionCode, String reason, List<String> documents, Status status, Instant appliedAt, String appliedBy,
            LocalDate acceptDue, Instant acceptedAt, LocalDate decideDue, Instant decidedAt, String decidedBy,
            String decisionReason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final CreditRecords records;
    private final CreditAccess access;
    private final CaseRows<RepairView> rows;

    CreditRepairs(JdbcClient jdbc, Clock clock, AuditLog log, CreditRecords records, CreditAccess access, Calendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.records = records;
        this.rows = new CaseRows<>(jdbc, access, records, calendars, clock, CreditCase.REPAIR, SELECT,
                "SELECT status, accept_due, decide_due FROM credit_repair WHERE id = :id FOR UPDATE", CreditRepairs::map,
                s -> Status.valueOf(s).stage(), RepairView::organisationId, RepairView::regionCode, RepairView::recordId,
                CreditError.CREDIT_REPAIR_NOT_FOUND);
        this.access = access;
    }

    /** The recorded organisation applies for repair of its record (Art. 16), refused where Art. 12/25 forbid it. */
    @Transactional
    public RepairView apply(UUID recordId, String reason, List<String> documents, CurrentUser user) {
        Instant now = clock.instant();
        CreditRecordView r = access.ownRecord(records, recordId, user, now);
        String why = text("reason", reason);
        List<String> docs = documents(documents);
        refuseUnlessRepairable(r, now);
        rows.refuseIfOpen(recordId, "SELECT COUNT(*) FROM credit_repair WHERE record_id = :r AND status IN ('APPLIED', 'ACCEPTED')");
        UUID id = UUID.randomUUID();
        LocalDate acceptDue = rows.file().acceptDue();
        jdbc.sql("""
                INSERT INTO credit_repair (id, record_id, organisation_id, reason, documents, status, accept_due, created_by, created_at)
                VALUES (:id, :record, :org, :reason, CAST(:docs AS TEXT[]), 'APPLIED', :due, :by, :now)""")
                .param("id", id).param("record", recordId).param("org", user.organisationId()).param("reason", why)
                .param("docs", pgArray(docs)).param("due", acceptDue).param("by", user.username())
                .param("now", OffsetDateTime.now(clock)).update();
        Map<String, Object> payload = payload(id, r);
        payload.put("reason", why);
        payload.put("documents", docs);
        payload.put("acceptDue", acceptDue.toString());
        // repairs and objections name the record's subject and conduct: sealed like the record (issue 20 fix K)
        log.record(AuditRecord.of("credit.repair.applied", id.toString(), r.regionCode(), user.actor(), payload).sealed());
        return get(id, user);
    }

    /** A supervisor of the record's region accepts the application (受理, ≤3 working days): the decision is due in 7. */
    @Transactional
    public RepairView accept(UUID id, String note, CurrentUser user) {
        CaseRows.Locked<RepairView> l = rows.lock(id, user);
        LocalDate due;
        try {
            due = l.creditCase().accept();
        } catch (CreditCase.StepNotAllowed e) {
            throw CaseRows.refused(e, "accept", l.view().status());
        }
        jdbc.sql("UPDATE credit_repair SET status = 'ACCEPTED', accepted_at = :now, accepted_by = :by, decide_due = :due WHERE id = :id")
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).param("due", due).param("id", id).update();
        Map<String, Object> payload = payload(id, l.record());
        payload.put("decideDue", due.toString());
        if (note != null && !note.isBlank()) {
            payload.put("note", limit("note", note.strip()));
        }
        log.record(AuditRecord.of("credit.repair.accepted", id.toString(), l.record().regionCode(), user.actor(), payload).sealed());
        return get(id, user);
    }

    /**
     * The supervisor decides (≤7 working days after acceptance): approval (only of an accepted application) ends the
     * record's publication now, if the rules allow it now; refusal (also at intake, 不予受理) changes nothing on the record.
     */
    @Transactional
    public RepairView decide(UUID id, boolean approve, String reason, CurrentUser user) {
        CaseRows.Locked<RepairView> l = rows.lock(id, user);
        String why = text("reason", reason);
        try {
            l.creditCase().decide(approve);
        } catch (CreditCase.StepNotAllowed e) {
            throw CaseRows.refused(e, approve ? "approve" : "refuse", l.view().status());
        }
        Instant now = clock.instant();
        CreditRecordView r = l.record();
        if (approve) {
            refuseUnlessRepairable(r, now);
            jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = :why WHERE id = :id AND withdrawn_at IS NULL")
                    .param("now", OffsetDateTime.now(clock)).param("why", "信用修复（信用修复管理办法第十六条）：" + why)
                    .param("id", r.id()).update();
            records.changed(r.id(), r.subject());
        }
        jdbc.sql("""
                UPDATE credit_repair SET status = :status, decided_at = :now, decided_by = :by, decision_reason = :why WHERE id = :id""")
                .param("status", approve ? "APPROVED" : "REFUSED").param("now", OffsetDateTime.now(clock))
                .param("by", user.username()).param("why", why).param("id", id).update();
        Map<String, Object> payload = payload(id, r);
        payload.put("reason", why);
        if (approve) {
            payload.put("withdrawnAt", now.toString());
            payload.put("publicationUntil", r.publicationUntil() == null ? null : r.publicationUntil().toString());
        }
        log.record(AuditRecord.of(approve ? "credit.repair.approved" : "credit.repair.refused", id.toString(), r.regionCode(),
                user.actor(), payload).sealed());
        return get(id, user);
    }

    /** The application, if {@code user} is its applicant organisation's staff or oversees its region; else not found. */
    public RepairView get(UUID id, CurrentUser user) {
        return rows.get(id, user);
    }

    /** The applications {@code user} sees: its organisation's, or those of the regions it oversees; newest first. */
    public List<RepairView> visibleTo(CurrentUser user) {
        return rows.visibleTo(user);
    }

    /**
     * The applications awaiting {@code user}'s acceptance or decision as a supervisor of their record's region (subtree),
     * each with its working-day due (Art. 16) and whether it is overdue; for anyone else none.
     */
    public List<CreditCaseAwaiting> awaitingSupervisor(CurrentUser user) {
        return rows.awaitingSupervisor(user, "{APPLIED,ACCEPTED}").stream().map(v -> {
            CreditCase c = rows.creditCase(v.status().name(), v.acceptDue(), v.decideDue());
            return new CreditCaseAwaiting(v.status() == Status.APPLIED ? "repair-acceptance" : "repair-decision", v.id(),
                    v.subjectName(), c.due(), c.deadline(), c.overdue());
        }).toList();
    }

    /** The applications for one record, newest first (for its profile). */
    List<RepairView> ofRecord(UUID recordId) {
        return jdbc.sql(SELECT + " WHERE c.record_id = :r ORDER BY c.created_at DESC, c.id").param("r", recordId)
                .query(CreditRepairs::map).list();
    }

    private void refuseUnlessRepairable(CreditRecordView r, Instant now) {
        Instant decided = records.decidedAt(r.id());
        Optional<CreditRules.Refusal> refusal = CreditRules.repairRefusal(r, decided, records.falseMaterial(r.id()), now);
        if (refusal.isEmpty()) {
            return;
        }
        switch (refusal.get()) {
            case NOT_PUBLISHED -> throw new DomainException(CreditError.CREDIT_REPAIR_NOT_PUBLISHED);
            case FALSE_MATERIAL -> throw new DomainException(CreditError.CREDIT_REPAIR_FALSE_MATERIAL);
            case BEFORE_MINIMUM -> throw new DomainException(CreditError.CREDIT_REPAIR_TOO_EARLY,
                    day(CreditRules.plus(decided, CreditRules.ruleAt(decided).band(r.creditClass()).minimum())));
            case PENALTY_RUNNING -> throw new DomainException(CreditError.CREDIT_REPAIR_PENALTY_RUNNING,
                    r.restrictionUntil() == null ? "—" : day(r.restrictionUntil()));
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.record_id, c.organisation_id, r.subject_name, r.conduct, r.credit_class, r.region_code, c.reason, c.documents, c.status,
                   c.created_at, c.created_by, c.accept_due, c.accepted_at, c.decide_due, c.decided_at, c.decided_by,
                   c.decision_reason
              FROM credit_repair c JOIN credit_record r ON r.id = c.record_id""";

    private static RepairView map(ResultSet rs, int i) throws SQLException {
        return new RepairView(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("subject_name"),
                rs.getString("conduct"), CreditClass.valueOf(rs.getString("credit_class")), rs.getString("region_code"),
                rs.getString("reason"), strings(rs.getArray("documents")), Status.valueOf(rs.getString("status")),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getObject("accept_due", LocalDate.class),
                instant(rs, "accepted_at"), rs.getObject("decide_due", LocalDate.class), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("decision_reason"));
    }

    static List<String> strings(Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add((String) o);
            }
        }
        return List.copyOf(out);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Map<String, Object> payload(UUID id, CreditRecordView r) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id.toString());
        payload.put("record", r.id().toString());
        payload.put("subjectName", r.subjectName());
        payload.put("class", r.creditClass().name());
        return payload;
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException(CreditError.CREDIT_TEXT_REQUIRED, field);
        }
        return limit(field, value.strip());
    }

    static String limit(String field, String value) {
        if (value.length() > MAX_TEXT) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, field, value.substring(0, 20) + "…");
        }
        return value;
    }

    /** Document references (attachments' names or stored-file references), blank ones dropped, at most 20. */
    static List<String> documents(List<String> documents) {
        List<String> out = new ArrayList<>();
        if (documents != null) {
            for (String d : documents) {
                if (d != null && !d.isBlank()) {
                    out.add(limit("documents", d.strip()));
                }
            }
        }
        if (out.size() > 20) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "documents", out.size());
        }
        return List.copyOf(out);
    }

    /** A PostgreSQL array literal of {@code values}, each quoted (a bound parameter: no SQL is built from it). */
    static String pgArray(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    static LocalDate today(Instant now) {
        return CreditCase.today(now);
    }

    static String day(Instant at) {
        return today(at).toString();
    }
}
