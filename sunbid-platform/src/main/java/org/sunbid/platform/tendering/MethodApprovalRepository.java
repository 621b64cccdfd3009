package org.sunbid.platform.tendering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.domain.MethodApproval;

/** Method approval requests with their decision, single-source publicity and objections, over append-only tables. */
@Repository
class MethodApprovalRepository {

    private static final String REQUEST = """
            SELECT r.*, d.approved, d.reasons AS decision_reasons, d.decided_at, d.decided_by,
                   p.supplier_name, p.expert_opinions, p.starts_at, p.ends_at, p.review_amount, p.review_unit, p.publicity_rule,
                   p.review_rule
            FROM method_approval_request r
            LEFT JOIN method_approval_decision d ON d.request_id = r.id
            LEFT JOIN single_source_publicity p ON p.request_id = r.id""";

    private final JdbcClient jdbc;

    MethodApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lot's requests, the latest first. */
    List<MethodApproval> ofLot(UUID lotId) {
        return jdbc.sql(REQUEST + " WHERE r.lot_id = :lot ORDER BY r.number DESC").param("lot", lotId).query(this::map).list();
    }

    Optional<MethodApproval> latest(UUID lotId) {
        return ofLot(lotId).stream().findFirst();
    }

    Optional<MethodApproval> find(UUID requestId) {
        return jdbc.sql(REQUEST + " WHERE r.id = :id").param("id", requestId).query(this::map).optional();
    }

    /** The requests sent to {@code departmentId}, undecided first (soonest publicity end first), then the latest decided. */
    List<MethodApproval> sentTo(UUID departmentId, boolean pendingOnly, int limit) {
        return jdbc.sql(REQUEST + "\n" + """
                 WHERE r.department_id = :dep AND (NOT :pending OR d.request_id IS NULL)
                 ORDER BY d.decided_at DESC NULLS FIRST, p.ends_at NULLS FIRST, r.requested_at LIMIT :limit""")
                .param("dep", departmentId).param("pending", pendingOnly).param("limit", limit).query(this::map).list();
    }

    /** The requests whose single-source publicity is still running at {@code now}, soonest end first. */
    List<MethodApproval> runningPublicities(Instant now, int limit) {
        return jdbc.sql(REQUEST + " WHERE p.ends_at > :now AND d.request_id IS NULL ORDER BY p.ends_at LIMIT :limit")
                .param("now", at(now)).param("limit", limit).query(this::map).list();
    }

    void insert(MethodApproval a) {
        jdbc.sql("""
                INSERT INTO method_approval_request (id, lot_id, number, procedure_code, conditions, reasons, budget, threshold,
                    approval_required, basis, department_id, requested_at, requested_by, requester_id)
                VALUES (:id, :lot, :n, :proc, :conditions, :reasons, :budget, :threshold, :required, :basis, :dep, :at, :by, :org)""")
                .param("id", a.id()).param("lot", a.lotId()).param("n", a.number()).param("proc", a.procedureCode())
                .param("conditions", a.conditions().toArray(String[]::new)).param("reasons", a.reasons())
                .param("budget", a.budget().yuan()).param("threshold", a.threshold() == null ? null : a.threshold().yuan())
                .param("required", a.approvalRequired()).param("basis", a.basis()).param("dep", a.departmentId())
                .param("at", at(a.requestedAt())).param("by", a.requestedBy()).param("org", a.requesterId()).update();
        MethodApproval.Publicity p = a.publicity();
        if (p != null) {
            jdbc.sql("""
                    INSERT INTO single_source_publicity (request_id, supplier_name, expert_opinions, starts_at, ends_at,
                        review_amount, review_unit, publicity_rule, review_rule)
                    VALUES (:id, :supplier, :opinions, :starts, :ends, :amount, :unit, :rule, :reviewRule)""")
                    .param("id", a.id()).param("supplier", p.supplierName()).param("opinions", p.expertOpinions())
                    .param("starts", at(p.startsAt())).param("ends", at(p.endsAt())).param("amount", p.review().amount())
                    .param("unit", p.review().unit().name()).param("rule", p.publicityRule())
                    .param("reviewRule", p.review().article()).update();
        }
    }

    void insertDecision(MethodApproval a) {
        MethodApproval.Decision d = a.decision();
        jdbc.sql("""
                INSERT INTO method_approval_decision (request_id, approved, reasons, decided_at, decided_by)
                VALUES (:id, :ok, :reasons, :at, :by)""")
                .param("id", a.id()).param("ok", d.approved()).param("reasons", d.reasons()).param("at", at(d.decidedAt()))
                .param("by", d.decidedBy()).update();
    }

    void insertObjection(UUID requestId, MethodApproval.Objection o) {
        jdbc.sql("""
                INSERT INTO single_source_objection (id, request_id, objector_id, objector_name, reasons, raised_at, raised_by, review_due)
                VALUES (:id, :req, :org, :name, :reasons, :at, :by, :due)""")
                .param("id", o.id()).param("req", requestId).param("org", o.objectorId()).param("name", o.objectorName())
                .param("reasons", o.reasons()).param("at", at(o.raisedAt())).param("by", o.raisedBy())
                .param("due", at(o.reviewDue())).update();
    }

    void insertReview(MethodApproval.Objection o) {
        MethodApproval.Review r = o.review();
        jdbc.sql("""
                INSERT INTO single_source_review (objection_id, upheld, outcome, reviewed_at, reviewed_by, overdue)
                VALUES (:id, :upheld, :outcome, :at, :by, :late)""")
                .param("id", o.id()).param("upheld", r.upheld()).param("outcome", r.outcome()).param("at", at(r.reviewedAt()))
                .param("by", r.reviewedBy()).param("late", r.overdue()).update();
    }

    /** An unreviewed objection past its due time, flagged once. */
    record OverdueReview(UUID objectionId, UUID requestId, UUID lotId, Instant due) {
    }

    /** Marks every unreviewed objection past its due time at {@code now} as flagged, once; returns the newly flagged. */
    List<OverdueReview> flagOverdue(Instant now) {
        return jdbc.sql("""
                WITH flagged AS (
                    INSERT INTO single_source_review_flag (objection_id, flagged_at)
                    SELECT o.id, :now FROM single_source_objection o
                    WHERE o.review_due <= :now
                      AND NOT EXISTS (SELECT 1 FROM single_source_review v WHERE v.objection_id = o.id)
                      AND NOT EXISTS (SELECT 1 FROM single_source_review_flag f WHERE f.objection_id = o.id)
                    ON CONFLICT DO NOTHING
                    RETURNING objection_id)
                SELECT o.id, o.request_id, r.lot_id, o.review_due FROM flagged f
                JOIN single_source_objection o ON o.id = f.objection_id JOIN method_approval_request r ON r.id = o.request_id""")
                .param("now", at(now))
                .query((rs, i) -> new OverdueReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    private List<MethodApproval.Objection> objections(UUID requestId) {
        return jdbc.sql("""
                SELECT o.*, v.upheld, v.outcome, v.reviewed_at, v.reviewed_by, v.overdue
                FROM single_source_objection o LEFT JOIN single_source_review v ON v.objection_id = o.id
                WHERE o.request_id = :r ORDER BY o.raised_at, o.id""")
                .param("r", requestId)
                .query((rs, i) -> {
                    OffsetDateTime reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
                    return new MethodApproval.Objection(rs.getObject("id", UUID.class), rs.getObject("objector_id", UUID.class),
                            rs.getString("objector_name"), rs.getString("reasons"),
                            rs.getObject("raised_at", OffsetDateTime.class).toInstant(), rs.getString("raised_by"),
                            rs.getObject("review_due", OffsetDateTime.class).toInstant(),
                            reviewedAt == null ? null : new MethodApproval.Review(rs.getBoolean("upheld"), rs.getString("outcome"),
                                    reviewedAt.toInstant(), rs.getString("reviewed_by"), rs.getBoolean("overdue")));
                })
                .list();
    }

    private MethodApproval map(ResultSet rs, int i) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        OffsetDateTime endsAt = rs.getObject("ends_at", OffsetDateTime.class);
        MethodApproval.Publicity publicity = endsAt == null ? null
                : new MethodApproval.Publicity(rs.getString("supplier_name"), rs.getString("expert_opinions"),
                        rs.getObject("starts_at", OffsetDateTime.class).toInstant(), endsAt.toInstant(),
                        new Limit(rs.getBigDecimal("review_amount"), LimitUnit.valueOf(rs.getString("review_unit")),
                                rs.getString("review_rule")),
                        rs.getString("publicity_rule"));
        java.math.BigDecimal threshold = rs.getBigDecimal("threshold");
        return MethodApproval.restore(id, rs.getObject("lot_id", UUID.class), rs.getInt("number"), rs.getString("procedure_code"),
                Arrays.asList((String[]) rs.getArray("conditions").getArray()), rs.getString("reasons"),
                new Money(rs.getBigDecimal("budget")), threshold == null ? null : new Money(threshold),
                rs.getBoolean("approval_required"), rs.getString("basis"), rs.getObject("department_id", UUID.class),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("requested_by"),
                rs.getObject("requester_id", UUID.class), publicity, publicity == null ? List.of() : objections(id),
                decidedAt == null ? null : new MethodApproval.Decision(rs.getBoolean("approved"), rs.getString("decision_reasons"),
                        decidedAt.toInstant(), rs.getString("decided_by")));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
