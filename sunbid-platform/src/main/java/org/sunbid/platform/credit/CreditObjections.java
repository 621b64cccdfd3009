package org.sunbid.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
 * Objections to a record (异议, 信用修复管理办法 Art. 18): the recorded organisation objects with its reason and documents;
 * a supervisor of the record's region decides within 7 working days. Upheld, the record is either withdrawn (its
 * publication and any restriction end now) or corrected (更正: its class, the end of its restriction or publication, its
 * conduct or its decision document; the record keeps its id, its former values are kept as a revision, and the gates use
 * the corrected values from the decision's instant). Every step is in the transparency log, sealed.
 */
@Service
public class CreditObjections {

    /** Working days to decide (Art. 18). */
    public static final int DECIDE_DAYS = CreditCase.OBJECTION.decideDays();

    /** Where an objection stands. */
    public enum Status {
        /** 已提出: awaiting the decision. */
        FILED,
        /** 异议成立: the record was withdrawn or corrected ({@link Outcome}). */
        UPHELD,
        /** 异议不成立: the record stands. */
        DISMISSED;

        /** The stage of the case's state machine. */
        public CreditCase.Stage stage() {
            return switch (this) {
                case FILED -> CreditCase.Stage.AWAITING_DECISION;
                case UPHELD -> CreditCase.Stage.GRANTED;
                case DISMISSED -> CreditCase.Stage.REFUSED;
            };
        }
    }

    /** What an upheld objection did to the record. */
    public enum Outcome {
        /** 撤销: the record's publication and restriction ended at the decision. */
        WITHDRAW,
        /** 更正: the record's values were corrected from the decision on. */
        CORRECT
    }

    /** An objection as its parties see it; {@code outcome} only once upheld. */
    public record ObjectionView(UUID id, UUID recordId, UUID organisationId, String subjectName, String conduct, CreditClass creditClass,
            String regionCode, String reason, List<String> documents, Status status, Instant filedAt, String filedBy,
            LocalDate decideDue, Instant decidedAt, String decidedBy, String decisionReason, Outcome outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final CreditRecords records;
    private final CreditAccess access;
    private final CaseRows<ObjectionView> rows;

    CreditObjections(JdbcClient jdbc, Clock clock, AuditLog log, CreditRecords records, CreditAccess access, Calendars calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.records = records;
        this.access = access;
        this.rows = new CaseRows<>(jdbc, access, records, calendars, clock, CreditCase.OBJECTION, SELECT,
                "SELECT status, CAST(NULL AS DATE) AS accept_due, decide_due FROM credit_objection WHERE id = :id FOR UPDATE",
                CreditObjections::map, s -> Status.valueOf(s).stage(), ObjectionView::organisationId, ObjectionView::regionCode,
                ObjectionView::recordId, CreditError.CREDIT_OBJECTION_NOT_FOUND);
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
        rows.refuseIfOpen(recordId, "SELECT COUNT(*) FROM credit_objection WHERE record_id = :r AND status = 'FILED'");
        UUID id = UUID.randomUUID();
        LocalDate due = rows.file().decideDue();
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
        log.record(AuditRecord.of("credit.objection.filed", id.toString(), r.regionCode(), user.actor(), payload).sealed());
        return get(id, user);
    }

    /** A supervisor of the record's region decides: upheld withdraws the record now; dismissed leaves it. */
    @Transactional
    public ObjectionView decide(UUID id, boolean upheld, String reason, CurrentUser user) {
        return decide(id, upheld, reason, null, user);
    }

    /**
     * A supervisor of the record's region decides (Art. 18): dismissed leaves the record; upheld without a
     * {@code correction} withdraws it now; upheld with one corrects it now ({@link CreditCorrection#applyTo} checks the
     * corrected values). A correction with a dismissal is refused.
     */
    @Transactional
    public ObjectionView decide(UUID id, boolean upheld, String reason, CreditCorrection correction, CurrentUser user) {
        CaseRows.Locked<ObjectionView> l = rows.lock(id, user);
        String why = CreditRepairs.text("reason", reason);
        if (!upheld && correction != null) {
            throw new DomainException(CreditError.CREDIT_PARAMETER_INVALID, "correction", "DISMISS");
        }
        try {
            l.creditCase().decide(upheld);
        } catch (CreditCase.StepNotAllowed e) {
            throw CaseRows.refused(e, "decide", l.view().status());
        }
        CreditRecordView r = l.record();
        Instant now = clock.instant();
        Outcome outcome = !upheld ? null : correction == null ? Outcome.WITHDRAW : Outcome.CORRECT;
        CreditRecordView corrected = null;
        if (outcome == Outcome.CORRECT) {
            corrected = records.correct(r.id(), correction, id, user.actor());
            records.changed(r.id(), r.subject()); // a live room keeping the subject's standing reads the corrected values
        } else if (outcome == Outcome.WITHDRAW) {
            jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = :why WHERE id = :id AND withdrawn_at IS NULL")
                    .param("now", OffsetDateTime.now(clock)).param("why", "异议成立（信用修复管理办法第十八条）：" + why)
                    .param("id", r.id()).update();
            records.changed(r.id(), r.subject());
        }
        jdbc.sql("""
                UPDATE credit_objection SET status = :s, outcome = :o, decided_at = :now, decided_by = :by, decision_reason = :why
                 WHERE id = :id""")
                .param("s", upheld ? "UPHELD" : "DISMISSED").param("o", outcome == null ? null : outcome.name())
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).param("why", why).param("id", id).update();
        Map<String, Object> payload = CreditRepairs.payload(id, r);
        payload.put("reason", why);
        if (outcome == Outcome.WITHDRAW) {
            payload.put("withdrawnAt", now.toString());
        } else if (outcome == Outcome.CORRECT) {
            payload.put("outcome", Outcome.CORRECT.name());
            payload.put("correctedAt", corrected.correctedAt().toString());
        }
        log.record(AuditRecord.of(upheld ? "credit.objection.upheld" : "credit.objection.dismissed", id.toString(), r.regionCode(),
                user.actor(), payload).sealed());
        return get(id, user);
    }

    /** The objection, if {@code user} is its organisation's staff or oversees its region; else not found. */
    public ObjectionView get(UUID id, CurrentUser user) {
        return rows.get(id, user);
    }

    /** The objections {@code user} sees, newest first. */
    public List<ObjectionView> visibleTo(CurrentUser user) {
        return rows.visibleTo(user);
    }

    /**
     * The objections awaiting {@code user}'s decision as a supervisor of their record's region (subtree), each with its
     * working-day due (Art. 18) and whether it is overdue; for anyone else none.
     */
    public List<CreditCaseAwaiting> awaitingSupervisor(CurrentUser user) {
        return rows.awaitingSupervisor(user, "{FILED}").stream().map(v -> {
            CreditCase c = rows.creditCase(v.status().name(), null, v.decideDue());
            return new CreditCaseAwaiting("objection-decision", v.id(), v.subjectName(), c.due(), c.deadline(), c.overdue());
        }).toList();
    }

    private static final String SELECT = """
            SELECT c.id, c.record_id, c.organisation_id, r.subject_name, r.conduct, r.credit_class, r.region_code, c.reason, c.documents, c.status,
                   c.created_at, c.created_by, c.decide_due, c.decided_at, c.decided_by, c.decision_reason, c.outcome
              FROM credit_objection c JOIN credit_record r ON r.id = c.record_id""";

    private static ObjectionView map(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ObjectionView(rs.getObject("id", UUID.class), rs.getObject("record_id", UUID.class),
                rs.getObject("organisation_id", UUID.class), rs.getString("subject_name"),
                rs.getString("conduct"), CreditClass.valueOf(rs.getString("credit_class")), rs.getString("region_code"),
                rs.getString("reason"), CreditRepairs.strings(rs.getArray("documents")), Status.valueOf(rs.getString("status")),
                CreditRepairs.instant(rs, "created_at"), rs.getString("created_by"), rs.getObject("decide_due", LocalDate.class),
                CreditRepairs.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decision_reason"),
                outcome == null ? null : Outcome.valueOf(outcome));
    }
}
