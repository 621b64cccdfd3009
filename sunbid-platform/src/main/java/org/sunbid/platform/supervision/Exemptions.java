package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Role;

/**
 * Exemptions (不进场交易): a project the catalogue requires to trade on the platform may trade elsewhere only when the
 * owner applies with the reason and the legal basis, and the region's supervisor approves it, one by one; approved
 * exemptions are published on the portal. Every step is in the transparency log.
 */
@Service
public class Exemptions {

    static final String COLUMNS = """
            id, region_code, owner_id, owner_name, kind, category, item_code, project_code, project_name, value, reason,
            basis, catalogue_basis, status, created_at, created_by, decided_at, decided_by, decision_reason""";

    private final JdbcClient jdbc;
    private final MustTradeCatalogue catalogue;
    private final Scope scope;
    private final Clock clock;
    private final AuditLog log;

    Exemptions(JdbcClient jdbc, MustTradeCatalogue catalogue, Scope scope, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.scope = scope;
        this.clock = clock;
        this.log = log;
    }

    /** The project an owner applies for, with the reason and legal basis (理由和法律依据). */
    public record Application(DealKind kind, Category category, String itemCode, String projectCode, String projectName,
            String regionCode, BigDecimal value, String reason, String basis) {
    }

    /**
     * An owner (招标人/采购人 staff) applies for an exemption. Refused: without reason or basis
     * (EXEMPTION_BASIS_REQUIRED), or for a project the catalogue does not require (EXEMPTION_NOT_NEEDED: report it).
     */
    @Transactional
    public ExemptionView apply(Application a, CurrentUser user) {
        Organisation owner = scope.owner(user);
        Projects.check(a.kind(), a.category(), a.projectCode(), a.projectName(), a.regionCode(), a.value(), a.itemCode());
        scope.region(a.regionCode());
        if (blank(a.reason()) || blank(a.basis())) {
            throw new DomainException(SupervisionError.EXEMPTION_BASIS_REQUIRED);
        }
        MustTradeCatalogue.Answer answer = catalogue.decide(a.kind(), a.category(), a.value(), a.regionCode(), null);
        if (!answer.required()) {
            throw new DomainException(SupervisionError.EXEMPTION_NOT_NEEDED,
                    answer.basis() == null ? "—" : answer.basis());
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO must_trade_exemption (id, region_code, owner_id, owner_name, kind, category, item_code, project_code,
                    project_name, value, reason, basis, catalogue_basis, status, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :region, :owner, :ownerName, :kind, :category, :item, :code, :name, :value, :reason, :basis,
                    :catalogueBasis, 'APPLIED', :now, :actor, :now, :actor)""")
                .param("id", id).param("region", a.regionCode()).param("owner", owner.id()).param("ownerName", owner.name())
                .param("kind", a.kind().name()).param("category", a.category().name()).param("item", Projects.item(a.itemCode()))
                .param("code", a.projectCode().strip()).param("name", a.projectName().strip()).param("value", a.value())
                .param("reason", a.reason().strip()).param("basis", a.basis().strip()).param("catalogueBasis", answer.basis())
                .param("now", now).param("actor", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("owner", owner.name());
        payload.put("kind", a.kind().name());
        payload.put("category", a.category().name());
        payload.put("projectCode", a.projectCode().strip());
        payload.put("projectName", a.projectName().strip());
        payload.put("value", a.value().toPlainString());
        payload.put("reason", a.reason().strip());
        payload.put("basis", a.basis().strip());
        payload.put("catalogueBasis", answer.basis());
        log.record(AuditRecord.of("supervision.exemption.applied", id.toString(), a.regionCode(), user.actor(), payload));
        return find(id).orElseThrow();
    }

    /** The region's supervisor approves an exemption (the reason is optional). */
    @Transactional
    public ExemptionView approve(UUID id, String reason, CurrentUser user) {
        return decide(id, ExemptionView.Status.APPROVED, reason, user);
    }

    /** The region's supervisor returns an exemption with a reason (RETURN_REASON_REQUIRED without one). */
    @Transactional
    public ExemptionView returnIt(UUID id, String reason, CurrentUser user) {
        if (blank(reason)) {
            get(id, user);
            throw new DomainException(SupervisionError.RETURN_REASON_REQUIRED);
        }
        return decide(id, ExemptionView.Status.RETURNED, reason, user);
    }

    /** Whether {@code user} may decide this exemption now: the same predicate the decision checks. */
    public boolean awaitsDecisionBy(ExemptionView e, CurrentUser user) {
        return e.status() == ExemptionView.Status.APPLIED && scope.supervises(user, e.regionCode());
    }

    private ExemptionView decide(UUID id, ExemptionView.Status to, String reason, CurrentUser user) {
        ExemptionView e = jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_exemption WHERE id = :id FOR UPDATE")
                .param("id", id).query(Exemptions::map).optional()
                .filter(x -> scope.sees(user, x.ownerId(), x.regionCode()))
                .orElseThrow(() -> new DomainException(SupervisionError.EXEMPTION_NOT_FOUND, id));
        if (user.role() != Role.SUPERVISOR || !scope.supervises(user, e.regionCode())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (e.status() != ExemptionView.Status.APPLIED) {
            throw new DomainException(SupervisionError.EXEMPTION_ALREADY_DECIDED, e.status());
        }
        String why = blank(reason) ? null : reason.strip();
        jdbc.sql("""
                UPDATE must_trade_exemption SET status = :status, decided_at = :now, decided_by = :actor, decision_reason = :reason,
                    updated_at = :now, updated_by = :actor WHERE id = :id""")
                .param("status", to.name()).param("now", OffsetDateTime.now(clock)).param("actor", user.username())
                .param("reason", why).param("id", id).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("projectCode", e.projectCode());
        payload.put("projectName", e.projectName());
        payload.put("reason", why);
        log.record(AuditRecord.of(to == ExemptionView.Status.APPROVED ? "supervision.exemption.approved"
                : "supervision.exemption.returned", id.toString(), e.regionCode(), user.actor(), payload));
        return find(id).orElseThrow();
    }

    /** The exemption if {@code user} may see it; EXEMPTION_NOT_FOUND otherwise. */
    public ExemptionView get(UUID id, CurrentUser user) {
        return find(id).filter(e -> scope.sees(user, e.ownerId(), e.regionCode()))
                .orElseThrow(() -> new DomainException(SupervisionError.EXEMPTION_NOT_FOUND, id));
    }

    /** What {@code user} may see: its own organisation's, or the region subtree's for staff and supervisors; newest first. */
    public List<ExemptionView> visibleTo(CurrentUser user) {
        List<String> watched = scope.watched(user);
        if (watched != null && watched.isEmpty()) {
            return user.organisationId() == null ? List.of()
                    : jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_exemption WHERE owner_id = :owner ORDER BY created_at DESC, id")
                            .param("owner", user.organisationId()).query(Exemptions::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_exemption"
                        + " WHERE (CAST(:all AS BOOLEAN) OR region_code = ANY(:scope)) ORDER BY created_at DESC, id")
                .param("all", watched == null).param("scope", watched == null ? new String[0] : watched.toArray(String[]::new))
                .query(Exemptions::map).list();
    }

    /** Exemptions awaiting {@code user}'s decision (a supervisor's to-do). */
    public List<ExemptionView> awaitingDecision(CurrentUser user) {
        if (user.role() != Role.SUPERVISOR) {
            return List.of();
        }
        return visibleTo(user).stream().filter(e -> awaitsDecisionBy(e, user)).toList();
    }

    /** The approved exemptions, as the portal publishes them (newest decision first). */
    public List<ExemptionView> published() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_exemption WHERE status = 'APPROVED' ORDER BY decided_at DESC, id")
                .query(Exemptions::map).list();
    }

    /** One approved exemption, or EXEMPTION_NOT_FOUND. */
    public ExemptionView publishedOne(UUID id) {
        return find(id).filter(e -> e.status() == ExemptionView.Status.APPROVED)
                .orElseThrow(() -> new DomainException(SupervisionError.EXEMPTION_NOT_FOUND, id));
    }

    /**
     * The exemption without a scope check: for other contexts naming a log entry's subject (the log's own payload
     * already publishes its project code and name) and for supervision itself.
     */
    public java.util.Optional<ExemptionView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM must_trade_exemption WHERE id = :id").param("id", id)
                .query(Exemptions::map).optional();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static ExemptionView map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new ExemptionView(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getObject("owner_id", UUID.class),
                rs.getString("owner_name"), DealKind.valueOf(rs.getString("kind")), Category.valueOf(rs.getString("category")),
                rs.getString("item_code"), rs.getString("project_code"), rs.getString("project_name"), rs.getBigDecimal("value"),
                rs.getString("reason"), rs.getString("basis"), rs.getString("catalogue_basis"),
                ExemptionView.Status.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
                rs.getString("decision_reason"));
    }
}
