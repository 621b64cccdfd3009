package org.sunbid.platform.deals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

/**
 * Trading projects (交易项目) and their lots: registration under a unified deal code, and queries. Who may register a
 * project is decided by the context that runs its procedure (tendering for the tenders); this one checks the
 * project itself (kind, procedure, region, owner, amounts, lots) and logs the registration.
 */
@Service
public class Projects {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final Procedures procedures;
    private final Regions regions;
    private final Organisations organisations;
    private final AuditLog auditLog;
    private final Clock clock;
    private final UnifiedSocialCreditCode platformCode;

    Projects(JdbcClient jdbc, Procedures procedures, Regions regions, Organisations organisations, AuditLog auditLog,
            Clock clock, @Value("${sunbid.platform.credit-code}") String platformCode) {
        this.jdbc = jdbc;
        this.procedures = procedures;
        this.regions = regions;
        this.organisations = organisations;
        this.auditLog = auditLog;
        this.clock = clock;
        this.platformCode = UnifiedSocialCreditCode.of(platformCode); // a wrong setting stops the start (GB 32100)
    }

    /** The platform's own 统一社会信用代码, the second part of every deal code. */
    public UnifiedSocialCreditCode platformCode() {
        return platformCode;
    }

    /**
     * Registers a project and its lots under a new deal code, numbered 1, 2, … in the order given, and logs it.
     * Refused: an unknown kind ({@code DEALS_UNKNOWN_KIND}) or procedure ({@code DEALS_UNKNOWN_PROCEDURE}), a procedure
     * of another kind or one the platform cannot run yet, an unknown region or owner, a missing name, a budget or lot
     * budget not positive, a price cap above the budget, no lot.
     */
    @Transactional
    public ProjectView register(NewProject p, Actor actor) {
        DealKind kind = p.kind() == null ? null : DealKind.ofPrefix(p.kind().strip());
        if (kind == null) {
            throw new DomainException(DealsError.DEALS_UNKNOWN_KIND, String.valueOf(p.kind()));
        }
        ProcedureView procedure = procedures.get(p.procedureCode());
        if (procedure.kind() != kind) {
            throw new DomainException(DealsError.DEALS_PROCEDURE_OF_OTHER_KIND, procedure.code(), kind.name());
        }
        if (!procedure.runnable()) {
            throw new DomainException(DealsError.DEALS_PROCEDURE_NOT_RUNNABLE, procedure.code());
        }
        require(p.name() != null && !p.name().isBlank() && p.name().strip().length() <= 200, "name");
        require(p.regionCode() != null && regions.find(p.regionCode()).isPresent(), "regionCode");
        require(p.ownerId() != null && organisations.find(p.ownerId()).isPresent(), "ownerId");
        require(p.agencyId() == null || organisations.find(p.agencyId()).isPresent(), "agencyId");
        require(p.budget() != null && p.budget().yuan().signum() > 0, "budget");
        require(p.priceCap() == null || (p.priceCap().yuan().signum() > 0 && !p.priceCap().isGreaterThan(p.budget())), "priceCap");
        require(p.category() != null, "category");
        require(p.itemCode() == null || p.itemCode().matches("[A-Za-z0-9.]{1,40}"), "itemCode");
        require(p.lots() != null && !p.lots().isEmpty() && p.lots().size() <= 999, "lots");
        for (NewProject.NewLot lot : p.lots()) {
            require(lot != null && lot.name() != null && !lot.name().isBlank() && lot.name().strip().length() <= 200, "lots.name");
            require(lot.budget() != null && lot.budget().yuan().signum() > 0, "lots.budget");
        }

        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String dealCode = nextDealCode(kind, Limit.beijingDate(now));
        jdbc.sql("""
                INSERT INTO deal_project (id, deal_code, kind, procedure_code, name, region_code, owner_id, agency_id, budget,
                    price_cap, category, item_code, created_at, created_by)
                VALUES (:id, :code, :kind, :procedure, :name, :region, :owner, :agency, :budget, :cap, :category, :item, :at, :by)""")
                .param("id", id).param("code", dealCode).param("kind", kind.name()).param("procedure", procedure.code())
                .param("name", p.name().strip()).param("region", p.regionCode()).param("owner", p.ownerId())
                .param("agency", p.agencyId()).param("budget", p.budget().yuan())
                .param("cap", p.priceCap() == null ? null : p.priceCap().yuan()).param("category", p.category().name())
                .param("item", p.itemCode()).param("at", Timestamp.from(now)).param("by", actor.username()).update();
        List<Map<String, Object>> lots = new ArrayList<>();
        int no = 0;
        for (NewProject.NewLot lot : p.lots()) {
            no++;
            UUID lotId = lot.id() != null ? lot.id() : UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO deal_lot (id, project_id, lot_no, name, budget, created_at, created_by)
                    VALUES (:id, :project, :no, :name, :budget, :at, :by)""")
                    .param("id", lotId).param("project", id).param("no", no).param("name", lot.name().strip())
                    .param("budget", lot.budget().yuan()).param("at", Timestamp.from(now)).param("by", actor.username())
                    .update();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("lotId", lotId.toString());
            l.put("lotCode", dealCode + "-" + no);
            l.put("name", lot.name().strip());
            l.put("budget", lot.budget().toString());
            lots.add(l);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dealCode", dealCode);
        payload.put("kind", kind.name());
        payload.put("procedure", procedure.code());
        payload.put("name", p.name().strip());
        payload.put("ownerId", p.ownerId().toString());
        payload.put("agencyId", p.agencyId() == null ? null : p.agencyId().toString());
        payload.put("budget", p.budget().toString());
        payload.put("priceCap", p.priceCap() == null ? null : p.priceCap().toString());
        payload.put("category", p.category().name());
        payload.put("itemCode", p.itemCode());
        payload.put("lots", lots);
        auditLog.record(AuditRecord.of("deals.project.registered", id.toString(), p.regionCode(), actor, payload));
        return find(id).orElseThrow();
    }

    /**
     * A lot's name and budget follow its draft tender's revised terms; a project of one lot follows too (it was made
     * from that tender). Logged; an unknown lot changes nothing.
     */
    @Transactional
    public void reviseLot(UUID lotId, String name, Money budget, Actor actor) {
        ProjectView project = ofLot(lotId).orElse(null);
        if (project == null) {
            return;
        }
        require(name != null && !name.isBlank() && name.strip().length() <= 200, "name");
        require(budget != null && budget.yuan().signum() > 0, "budget");
        jdbc.sql("UPDATE deal_lot SET name = :name, budget = :budget WHERE id = :id").param("name", name.strip())
                .param("budget", budget.yuan()).param("id", lotId).update();
        if (project.lots().size() == 1) {
            require(project.priceCap() == null || !project.priceCap().isGreaterThan(budget), "priceCap");
            jdbc.sql("UPDATE deal_project SET name = :name, budget = :budget WHERE id = :id").param("name", name.strip())
                    .param("budget", budget.yuan()).param("id", project.id()).update();
        }
        auditLog.record(AuditRecord.of("deals.lot.revised", project.id().toString(), project.regionCode(), actor,
                Map.of("lotId", lotId.toString(), "name", name.strip(), "budget", budget.toString())));
    }

    /**
     * The owner (or its agency) publishes the project's procurement intention (采购意向公开, 财库〔2020〕10号) now: the
     * project's name and budget with the requirement summary and the expected month. Refused for a procedure without
     * the rule PROCUREMENT_INTENTION, for anyone but the project's owner or agency staff, without summary or month, and
     * once an intention or exemption is recorded (never changed). Logged.
     */
    @Transactional
    public ProcurementIntention publishIntention(UUID projectId, String summary, java.time.YearMonth expected, CurrentUser user) {
        ProjectView project = intentionProject(projectId, user);
        if (summary == null || summary.isBlank() || summary.strip().length() > 2000) {
            throw new DomainException(DealsError.DEALS_INVALID_INTENTION, "summary");
        }
        if (expected == null) {
            throw new DomainException(DealsError.DEALS_INVALID_INTENTION, "expected");
        }
        Instant now = clock.instant();
        insertIntention(projectId, now, summary.strip(), expected, null, null, now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dealCode", project.dealCode());
        payload.put("name", project.name());
        payload.put("budget", project.budget().toString());
        payload.put("summary", summary.strip());
        payload.put("expected", expected.toString());
        auditLog.record(AuditRecord.of("deals.intention.published", projectId.toString(), project.regionCode(),
                user.actor(), payload));
        return intention(projectId).orElseThrow();
    }

    /**
     * The owner (or its agency) records why the project publishes no procurement intention (财库〔2020〕10号: urgent
     * procurement the budget unit could not foresee, or classified procurement): the ground and the reason, both
     * required. Refused as {@link #publishIntention}. Logged.
     */
    @Transactional
    public ProcurementIntention exemptFromIntention(UUID projectId, ProcurementIntention.ExemptionGround ground, String reason,
            CurrentUser user) {
        ProjectView project = intentionProject(projectId, user);
        if (ground == null) {
            throw new DomainException(DealsError.DEALS_INVALID_INTENTION, "ground");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            throw new DomainException(DealsError.DEALS_INVALID_INTENTION, "reason");
        }
        Instant now = clock.instant();
        insertIntention(projectId, null, null, null, ground, reason.strip(), now, user.username());
        auditLog.record(AuditRecord.of("deals.intention.exempted", projectId.toString(), project.regionCode(), user.actor(),
                Map.of("dealCode", project.dealCode(), "ground", ground.name(), "reason", reason.strip())));
        return intention(projectId).orElseThrow();
    }

    /** The project's procurement intention or exemption, if recorded. Public once recorded. */
    public Optional<ProcurementIntention> intention(UUID projectId) {
        return jdbc.sql("SELECT * FROM deal_intention WHERE project_id = :id").param("id", projectId)
                .query((rs, i) -> {
                    Timestamp published = rs.getTimestamp("published_at");
                    String expected = rs.getString("expected");
                    String ground = rs.getString("ground");
                    return new ProcurementIntention(rs.getObject("project_id", UUID.class),
                            published == null ? null : published.toInstant(), rs.getString("summary"),
                            expected == null ? null : java.time.YearMonth.parse(expected),
                            ground == null ? null : ProcurementIntention.ExemptionGround.valueOf(ground), rs.getString("reason"),
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
                }).optional();
    }

    /** The procurement intention or exemption of the project a lot belongs to, if recorded. */
    public Optional<ProcurementIntention> intentionOfLot(UUID lotId) {
        return jdbc.sql("SELECT project_id FROM deal_lot WHERE id = :lot").param("lot", lotId).query(UUID.class).optional()
                .flatMap(this::intention);
    }

    private ProjectView intentionProject(UUID projectId, CurrentUser user) {
        ProjectView project = get(projectId, user);
        if (user.organisationId() == null
                || !(user.organisationId().equals(project.ownerId()) || user.organisationId().equals(project.agencyId()))) {
            throw new DomainException(DealsError.DEALS_NOT_PROJECT_OWNER);
        }
        if (procedures.rulesAt(project.procedureCode(), clock.instant()).find(
                org.sunbid.platform.deals.domain.RuleKeys.PROCUREMENT_INTENTION).isEmpty()) {
            throw new DomainException(DealsError.DEALS_INTENTION_NOT_APPLICABLE, project.dealCode());
        }
        if (intention(projectId).isPresent()) {
            throw new DomainException(DealsError.DEALS_INTENTION_ALREADY_RECORDED, project.dealCode());
        }
        return project;
    }

    private void insertIntention(UUID projectId, Instant publishedAt, String summary, java.time.YearMonth expected,
            ProcurementIntention.ExemptionGround ground, String reason, Instant at, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO deal_intention (project_id, published_at, summary, expected, ground, reason, recorded_at, recorded_by)
                    VALUES (:project, :published, :summary, :expected, :ground, :reason, :at, :by)""")
                    .param("project", projectId).param("published", publishedAt == null ? null : Timestamp.from(publishedAt))
                    .param("summary", summary).param("expected", expected == null ? null : expected.toString())
                    .param("ground", ground == null ? null : ground.name()).param("reason", reason)
                    .param("at", Timestamp.from(at)).param("by", by).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new DomainException(DealsError.DEALS_INTENTION_ALREADY_RECORDED, projectId);
        }
    }

    /** The project {@code id}, with its lots. */
    public Optional<ProjectView> find(UUID id) {
        return jdbc.sql("SELECT * FROM deal_project WHERE id = :id").param("id", id).query(this::row).optional()
                .map(this::withLots);
    }

    /** The project a lot (or the tender running it) belongs to. */
    public Optional<ProjectView> ofLot(UUID lotId) {
        return jdbc.sql("SELECT p.* FROM deal_project p JOIN deal_lot l ON l.project_id = p.id WHERE l.id = :lot")
                .param("lot", lotId).query(this::row).optional().map(this::withLots);
    }

    /** The procedure a lot runs, or empty for an unknown lot. */
    public Optional<String> procedureOfLot(UUID lotId) {
        String known = lotProcedures.get(lotId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> code = jdbc.sql("SELECT p.procedure_code FROM deal_project p JOIN deal_lot l ON l.project_id = p.id WHERE l.id = :lot")
                .param("lot", lotId).query(String.class).optional();
        code.ifPresent(c -> {
            if (lotProcedures.size() >= LOT_PROCEDURES_MAX) {
                lotProcedures.clear(); // bounded: at worst a few more reads
            }
            lotProcedures.put(lotId, c);
        });
        return code;
    }

    /**
     * The procedure of each lot once read (issue 21: every bid upload asks it, one connection borrow each in a surge).
     * Safe to keep: a project's procedure is fixed when it is created (no path updates {@code deal_project.procedure_code},
     * lots are never deleted); an unknown lot is not kept.
     */
    private final java.util.concurrent.ConcurrentHashMap<UUID, String> lotProcedures = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int LOT_PROCEDURES_MAX = 10_000;

    /** The project {@code id} as {@code user} may see it: its owner's and agency's staff, and staff of its region. */
    public ProjectView get(UUID id, CurrentUser user) {
        return find(id).filter(p -> mayView(p, user))
                .orElseThrow(() -> new DomainException(DealsError.DEALS_PROJECT_NOT_FOUND, id));
    }

    /**
     * Filters for {@link #list}; each null means any.
     *
     * @param kind          GCJS, ZFCG, … (an unknown one is refused)
     * @param procedureCode a procedure (an unknown one is refused)
     * @param regionCode    the region and everything inside it
     * @param from          registered on or after this Beijing date
     * @param to            registered on or before this Beijing date
     */
    public record Filter(String kind, String procedureCode, String regionCode, LocalDate from, LocalDate to) {
    }

    /** The projects {@code user} may see that match {@code filter}, newest first, at most {@code limit}. */
    public List<ProjectView> list(Filter filter, CurrentUser user, int limit) {
        return matching(filter).stream().filter(p -> mayView(p, user)).limit(Math.max(1, Math.min(limit, 500)))
                .map(this::withLots).toList();
    }

    /**
     * Every project that matches {@code filter} (refused as by {@link #list}), newest first, with its lots, whatever
     * state its lots are in: for a context that decides itself what it shows (the portal shows only the projects with
     * a published lot, and only those lots). Read-only.
     */
    public List<ProjectView> listAll(Filter filter) {
        return matching(filter).stream().map(this::withLots).toList();
    }

    private List<ProjectView> matching(Filter filter) {
        if (filter.kind() != null && DealKind.ofPrefix(filter.kind()) == null) {
            throw new DomainException(DealsError.DEALS_UNKNOWN_KIND, filter.kind());
        }
        if (filter.procedureCode() != null) {
            procedures.get(filter.procedureCode());
        }
        List<String> subtree = filter.regionCode() == null ? null : regions.subtreeCodes(filter.regionCode());
        Instant from = filter.from() == null ? Instant.EPOCH : filter.from().atStartOfDay(Limit.BEIJING).toInstant();
        Instant to = filter.to() == null ? Instant.parse("9999-01-01T00:00:00Z")
                : filter.to().plusDays(1).atStartOfDay(Limit.BEIJING).toInstant();
        return jdbc.sql("""
                SELECT * FROM deal_project
                WHERE (CAST(:kind AS VARCHAR) IS NULL OR kind = :kind)
                  AND (CAST(:procedure AS VARCHAR) IS NULL OR procedure_code = :procedure)
                  AND created_at >= :from AND created_at < :to
                ORDER BY created_at DESC, deal_code DESC""")
                .param("kind", filter.kind()).param("procedure", filter.procedureCode())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(this::row).list().stream()
                .filter(p -> subtree == null || subtree.contains(p.regionCode()))
                .toList();
    }

    /**
     * Every project of {@code kind} that names a 政府采购品目 (item code), in {@code regionCodes} (null: every region),
     * without a scope check: for the split-purchase check of supervision (政府采购法实施条例 Art. 28), which applies its
     * own scope. Lots are not loaded.
     */
    public List<ProjectView> withItemCode(DealKind kind, java.util.Collection<String> regionCodes) {
        return jdbc.sql("""
                SELECT * FROM deal_project WHERE kind = :kind AND item_code IS NOT NULL
                  AND (CAST(:all AS BOOLEAN) OR region_code = ANY(:regions))
                ORDER BY created_at, deal_code""")
                .param("kind", kind.name()).param("all", regionCodes == null)
                .param("regions", regionCodes == null ? new String[0] : regionCodes.toArray(String[]::new))
                .query(this::row).list();
    }

    private boolean mayView(ProjectView p, CurrentUser user) {
        if (user == null) {
            return false;
        }
        if (user.organisationId() != null
                && (user.organisationId().equals(p.ownerId()) || user.organisationId().equals(p.agencyId()))) {
            return true;
        }
        return user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(p.regionCode(), user.regionCode()));
    }

    /** {@code KIND-<credit code>-<yyyyMMdd>-<serial of the day, 6 digits>}; the serial is locked per day. */
    private String nextDealCode(DealKind kind, LocalDate day) {
        int serial = jdbc.sql("""
                INSERT INTO deal_code_serial (day, last) VALUES (:day, 1)
                ON CONFLICT (day) DO UPDATE SET last = deal_code_serial.last + 1 RETURNING last""")
                .param("day", day).query(Integer.class).single();
        return kind.name() + "-" + platformCode.value() + "-" + DAY.format(day) + "-" + String.format("%06d", serial);
    }

    private ProjectView withLots(ProjectView p) {
        List<LotView> lots = jdbc.sql("SELECT * FROM deal_lot WHERE project_id = :id ORDER BY lot_no").param("id", p.id())
                .query((rs, i) -> new LotView(rs.getObject("id", UUID.class), p.id(), rs.getInt("lot_no"),
                        p.dealCode() + "-" + rs.getInt("lot_no"), rs.getString("name"), new Money(rs.getBigDecimal("budget"))))
                .list();
        return new ProjectView(p.id(), p.dealCode(), p.kind(), p.procedureCode(), p.name(), p.regionCode(), p.ownerId(),
                p.agencyId(), p.budget(), p.priceCap(), p.category(), p.itemCode(), p.createdAt(), lots);
    }

    private ProjectView row(ResultSet rs, int i) throws SQLException {
        BigDecimal cap = rs.getBigDecimal("price_cap");
        return new ProjectView(rs.getObject("id", UUID.class), rs.getString("deal_code"), DealKind.valueOf(rs.getString("kind")),
                rs.getString("procedure_code"), rs.getString("name"), rs.getString("region_code"),
                rs.getObject("owner_id", UUID.class), rs.getObject("agency_id", UUID.class),
                new Money(rs.getBigDecimal("budget")), cap == null ? null : new Money(cap),
                ProjectCategory.valueOf(rs.getString("category")), rs.getString("item_code"),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new DomainException(DealsError.DEALS_INVALID_PROJECT, field);
        }
    }
}
