package org.sunbid.platform.experts;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * The expert database (专家库): entry by application and review (准入), leave, status with its history (暂停、退出、
 * 黑名单), the region's draw and conduct policy, and the conduct rule that suspends or blacklists after violations.
 */
@Service
public class Experts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Regions regions;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Certificates certificates;

    Experts(JdbcClient jdbc, Clock clock, AuditLog log, Regions regions, Organisations organisations,
            Accounts accounts, Certificates certificates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.regions = regions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.certificates = certificates;
    }

    /** An expert's profile. */
    public record ExpertProfile(UUID id, UUID accountId, String name, UUID employerId, String employer, String regionCode,
            String title, String phone, ExpertStatus status, List<String> specialties) {
    }

    /** An expert's whole file, for staff and for the expert. */
    public record ExpertDetail(ExpertProfile profile, List<StatusChange> history, List<Qualification> qualifications,
            List<LeavePeriod> leave, RatingSummary ratings) {
    }

    /** A status change with its reason. */
    public record StatusChange(ExpertStatus from, ExpertStatus to, String reason, Instant at, String by) {
    }

    /** A professional qualification. */
    public record Qualification(String name, String number, LocalDate validUntil) {
    }

    /** A leave period. */
    public record LeavePeriod(UUID id, Instant start, Instant end, String reason) {
    }

    /** Ratings received: how many, the average score and the violations within the policy's window. */
    public record RatingSummary(int count, Double averageScore, int violationsInWindow) {
    }

    /** A specialty of the taxonomy with how many active experts hold it. */
    public record SpecialtyCount(String code, String name, long experts) {
    }

    /** A specialty of the taxonomy (maintained data): leaves carry a parent. */
    public record Specialty(String code, String name, String parentCode) {
    }

    /** What an applicant enters (入库申请). */
    public record Application(UUID employerId, String regionCode, String title, String phone, List<String> specialties,
            List<Qualification> qualifications) {
    }

    /** A person's name and employer, for a committee member revealed by signing in. */
    record Person(String name, String employer) {
    }

    // ---------------------------------------------------------------------------------------------- entry and status

    /** Adds an active expert directly (bulk import of an existing database, the demo); the history says so. */
    @Transactional
    public UUID register(UUID accountId, UUID employerId, String regionCode, String title, List<String> specialties,
            String phone, Actor actor) {
        UUID id = insert(accountId, new Application(employerId, regionCode, title, phone, specialties, List.of()),
                ExpertStatus.ACTIVE, actor);
        history(id, null, ExpertStatus.ACTIVE, "批量导入（已在库专家）", actor);
        return id;
    }

    /** An expert's account applies to enter the database (入库申请); the entry review follows. */
    @Transactional
    public ExpertDetail apply(Application application, CurrentUser user) {
        if (user.role() != Role.EXPERT) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, "role");
        }
        if (ofAccount(user.accountId()).isPresent()) {
            throw new DomainException(ExpertsError.EXPERT_ALREADY_APPLIED);
        }
        UUID id = insert(user.accountId(), application, ExpertStatus.APPLYING, user.actor());
        history(id, null, ExpertStatus.APPLYING, "提交入库申请", user.actor());
        return detail(id);
    }

    private UUID insert(UUID accountId, Application a, ExpertStatus status, Actor actor) {
        validate(a);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO expert (id, account_id, employer_id, region_code, title, status, phone, created_at, created_by,
                    updated_at, updated_by)
                VALUES (:id, :account, :employer, :region, :title, :status, :phone, :now, :actor, :now, :actor)""")
                .param("id", id).param("account", accountId).param("employer", a.employerId()).param("region", a.regionCode())
                .param("title", a.title().strip()).param("status", status.name()).param("phone", a.phone())
                .param("now", now).param("actor", actor.username()).update();
        for (String code : a.specialties()) {
            jdbc.sql("INSERT INTO expert_specialty (expert_id, specialty_code) VALUES (:id, :code)")
                    .param("id", id).param("code", code).update();
        }
        for (Qualification q : a.qualifications() == null ? List.<Qualification>of() : a.qualifications()) {
            jdbc.sql("INSERT INTO expert_qualification (id, expert_id, name, number, valid_until) VALUES (:id, :e, :n, :no, :v)")
                    .param("id", UUID.randomUUID()).param("e", id).param("n", q.name().strip()).param("no", q.number().strip())
                    .param("v", q.validUntil()).update();
        }
        // The phone number is personal data and never logged.
        log.append(AuditRecord.of("experts.expert." + (status == ExpertStatus.APPLYING ? "applied" : "registered"),
                id.toString(), a.regionCode(), actor, Map.of("accountId", accountId.toString(),
                        "employerId", a.employerId().toString(), "title", a.title().strip(),
                        "specialties", List.copyOf(a.specialties()))));
        return id;
    }

    private void validate(Application a) {
        if (a == null || a.employerId() == null || organisations.find(a.employerId()).isEmpty()) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "employerId");
        }
        if (a.regionCode() == null || regions.find(a.regionCode()).isEmpty()) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "regionCode");
        }
        if (a.title() == null || a.title().isBlank() || a.title().length() > 50) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "title");
        }
        if (a.phone() != null && !a.phone().matches("1[3-9][0-9]{9}")) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "phone");
        }
        Set<String> leaves = leafSpecialtyCodes();
        if (a.specialties() == null || a.specialties().isEmpty() || a.specialties().size() > 5
                || !leaves.containsAll(a.specialties()) || Set.copyOf(a.specialties()).size() != a.specialties().size()) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "specialties");
        }
        for (Qualification q : a.qualifications() == null ? List.<Qualification>of() : a.qualifications()) {
            if (q == null || q.name() == null || q.name().isBlank() || q.name().length() > 100 || q.number() == null
                    || q.number().isBlank() || q.number().length() > 64) {
                throw new DomainException(ExpertsError.EXPERT_INVALID, "qualifications");
            }
        }
    }

    /** The entry review (准入审核) by centre staff of the expert's region: approve or refuse, with a reason. */
    @Transactional
    public ExpertDetail review(UUID id, boolean approve, String reason, CurrentUser user) {
        if (!mayReview(user)) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, "role");
        }
        ExpertProfile p = visible(id, user);
        if (p.status() != ExpertStatus.APPLYING) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, p.status());
        }
        move(p, approve ? ExpertStatus.ACTIVE : ExpertStatus.REJECTED,
                requireReason(reason, approve ? "准入审核通过" : null), user.actor());
        return detail(id);
    }

    /**
     * Suspends, reinstates, blacklists or retires an expert (暂停、恢复、黑名单、退出), with a reason. Staff of the
     * region suspend, reinstate and retire; blacklisting is a supervisor's decision; an expert may retire themself.
     */
    @Transactional
    public ExpertDetail changeStatus(UUID id, ExpertStatus to, String reason, CurrentUser user) {
        ExpertProfile p = user.role() == Role.EXPERT ? ofAccount(user.accountId()).filter(e -> e.id().equals(id))
                .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id)) : visible(id, user);
        boolean allowed = switch (user.role()) {
            case EXPERT -> to == ExpertStatus.RETIRED;
            case CENTRE_STAFF, ADMINISTRATOR -> to == ExpertStatus.SUSPENDED || to == ExpertStatus.ACTIVE || to == ExpertStatus.RETIRED;
            case SUPERVISOR -> to == ExpertStatus.BLACKLISTED || to == ExpertStatus.SUSPENDED || to == ExpertStatus.ACTIVE;
            default -> false;
        };
        if (to == null || !allowed || !p.status().canBecome(to) || p.status() == ExpertStatus.APPLYING) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, p.status());
        }
        move(p, to, requireReason(reason, null), user.actor());
        return detail(id);
    }

    private static String requireReason(String reason, String otherwise) {
        String r = reason == null || reason.isBlank() ? otherwise : reason.strip();
        if (r == null || r.length() > 500) {
            throw new DomainException(ExpertsError.EXPERT_INVALID, "reason");
        }
        return r;
    }

    private void move(ExpertProfile p, ExpertStatus to, String reason, Actor actor) {
        jdbc.sql("UPDATE expert SET status = :s, updated_at = :now, updated_by = :by WHERE id = :id")
                .param("s", to.name()).param("now", OffsetDateTime.now(clock)).param("by", actor.username())
                .param("id", p.id()).update();
        history(p.id(), p.status(), to, reason, actor);
        log.append(AuditRecord.of("experts.expert.status-changed", p.id().toString(), p.regionCode(), actor,
                Map.of("from", p.status().name(), "to", to.name(), "reason", reason)));
    }

    private void history(UUID id, ExpertStatus from, ExpertStatus to, String reason, Actor actor) {
        jdbc.sql("""
                INSERT INTO expert_status_change (expert_id, from_status, to_status, reason, changed_at, changed_by)
                VALUES (:id, :from, :to, :reason, :now, :by)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("reason", reason).param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
    }

    // ---------------------------------------------------------------------------------------------- leave

    /** The signed-in expert takes leave (请假): no draw for an evaluation starting within it. */
    @Transactional
    public ExpertDetail addLeave(Instant start, Instant end, String reason, CurrentUser user) {
        ExpertProfile p = ofAccount(user.accountId()).orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, "me"));
        if (start == null || end == null || !end.isAfter(start) || !end.isAfter(clock.instant())
                || java.time.Duration.between(start, end).toDays() > 366 || reason == null || reason.isBlank()
                || reason.length() > 200) {
            throw new DomainException(ExpertsError.LEAVE_INVALID);
        }
        jdbc.sql("""
                INSERT INTO expert_leave (id, expert_id, starts_at, ends_at, reason, created_at)
                VALUES (:id, :e, :s, :t, :r, :now)""")
                .param("id", UUID.randomUUID()).param("e", p.id()).param("s", utc(start)).param("t", utc(end))
                .param("r", reason.strip()).param("now", OffsetDateTime.now(clock)).update();
        return detail(p.id());
    }

    // ---------------------------------------------------------------------------------------------- conduct

    /** Applies the region's conduct rule after a rating: violations within the window suspend, then blacklist. */
    void applyConductRules(UUID expertId) {
        ExpertProfile p = profile(expertId).orElseThrow();
        DrawPolicy policy = policyFor(p.regionCode());
        int violations = violationsInWindow(expertId, policy);
        policy.conductOutcome(p.status(), violations).ifPresent(to -> move(p, to, "规则：" + policy.violationWindowDays()
                + " 日内记录违规 " + violations + " 次（" + (to == ExpertStatus.BLACKLISTED ? "黑名单阈值 "
                + policy.blacklistAfterViolations() : "暂停阈值 " + policy.suspendAfterViolations()) + " 次）", Actor.SYSTEM));
    }

    private int violationsInWindow(UUID expertId, DrawPolicy policy) {
        Instant from = clock.instant().minus(java.time.Duration.ofDays(policy.violationWindowDays()));
        return jdbc.sql("""
                SELECT COALESCE(sum(json_array_length(CAST(violations AS JSON))), 0) FROM expert_rating
                WHERE expert_id = :e AND rated_at >= :from""")
                .param("e", expertId).param("from", utc(from)).query(Integer.class).single();
    }

    // ---------------------------------------------------------------------------------------------- policy

    /** The draw and conduct policy for region {@code regionCode}: its own, the nearest above it, or the default. */
    public DrawPolicy policyFor(String regionCode) {
        String code = regionCode;
        while (code != null) {
            Optional<DrawPolicy> p = jdbc.sql("""
                    SELECT max_sittings_per_month, max_sittings_per_tenderee, tenderee_window_days, reply_timeout_minutes,
                        draw_lead_minutes, suspend_after_violations, blacklist_after_violations, violation_window_days
                    FROM expert_policy WHERE region_code = :c""").param("c", code)
                    .query((rs, i) -> new DrawPolicy(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), (Integer) rs.getObject(7), rs.getInt(8))).optional();
            if (p.isPresent()) {
                return p.get();
            }
            code = regions.find(code).map(r -> r.parentCode()).orElse(null);
        }
        return DrawPolicy.DEFAULT;
    }

    /** Sets a region's policy (administrators); logged. */
    @Transactional
    public DrawPolicy setPolicy(String regionCode, DrawPolicy policy, CurrentUser user) {
        if (user.role() != Role.ADMINISTRATOR) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, "role");
        }
        regions.get(regionCode);
        jdbc.sql("""
                INSERT INTO expert_policy (region_code, max_sittings_per_month, max_sittings_per_tenderee, tenderee_window_days,
                    reply_timeout_minutes, draw_lead_minutes, suspend_after_violations, blacklist_after_violations,
                    violation_window_days, updated_at, updated_by)
                VALUES (:r, :m, :t, :w, :rt, :lead, :s, :b, :vw, :now, :by)
                ON CONFLICT (region_code) DO UPDATE SET max_sittings_per_month = :m, max_sittings_per_tenderee = :t,
                    tenderee_window_days = :w, reply_timeout_minutes = :rt, draw_lead_minutes = :lead,
                    suspend_after_violations = :s, blacklist_after_violations = :b, violation_window_days = :vw,
                    updated_at = :now, updated_by = :by""")
                .param("r", regionCode).param("m", policy.maxSittingsPerMonth()).param("t", policy.maxSittingsPerTenderee())
                .param("w", policy.tendereeWindowDays()).param("rt", policy.replyTimeoutMinutes())
                .param("lead", policy.drawLeadMinutes()).param("s", policy.suspendAfterViolations())
                .param("b", policy.blacklistAfterViolations()).param("vw", policy.violationWindowDays())
                .param("now", OffsetDateTime.now(clock)).param("by", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("maxSittingsPerMonth", (long) policy.maxSittingsPerMonth());
        payload.put("maxSittingsPerTenderee", (long) policy.maxSittingsPerTenderee());
        payload.put("tendereeWindowDays", (long) policy.tendereeWindowDays());
        payload.put("replyTimeoutMinutes", (long) policy.replyTimeoutMinutes());
        payload.put("drawLeadMinutes", (long) policy.drawLeadMinutes());
        payload.put("suspendAfterViolations", (long) policy.suspendAfterViolations());
        payload.put("blacklistAfterViolations", policy.blacklistAfterViolations() == null ? null : (long) policy.blacklistAfterViolations());
        payload.put("violationWindowDays", (long) policy.violationWindowDays());
        log.append(AuditRecord.of("experts.policy.set", regionCode, regionCode, user.actor(), payload));
        return policyFor(regionCode);
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The profile of the expert who logs in as {@code accountId}. */
    public Optional<ExpertProfile> ofAccount(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE x.account_id = :a").param("a", accountId).query(this::profileRow).optional()
                .map(this::named).map(this::withSpecialties);
    }

    Optional<ExpertProfile> profile(UUID id) {
        return jdbc.sql(SELECT + " WHERE x.id = :id").param("id", id).query(this::profileRow).optional()
                .map(this::named).map(this::withSpecialties);
    }

    /** An expert's file: staff and supervisors of a region above the expert's, administrators, or the expert. */
    public ExpertDetail get(UUID id, CurrentUser user) {
        if (user.role() == Role.EXPERT) {
            ExpertProfile mine = ofAccount(user.accountId()).filter(p -> p.id().equals(id))
                    .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id));
            return detail(mine.id());
        }
        return detail(visible(id, user).id());
    }

    /** Whether {@code user} may decide entry reviews (准入审核): the trading centre's staff and the administrator. */
    private static boolean mayReview(CurrentUser user) {
        return user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR;
    }

    /** The applications in the caller's region subtree awaiting the caller's entry review: a reviewer's to-do. */
    public List<ExpertProfile> awaitingReview(CurrentUser user) {
        return mayReview(user) ? list(ExpertStatus.APPLYING, null, user) : List.of();
    }

    /** The signed-in expert's own file, if they have one. */
    public Optional<ExpertDetail> mine(CurrentUser user) {
        return ofAccount(user.accountId()).map(p -> detail(p.id()));
    }

    /** Experts in the caller's region subtree, optionally of one status and one specialty (staff, supervisors). */
    public List<ExpertProfile> list(ExpertStatus status, String specialty, CurrentUser user) {
        return list(status, specialty, null, user);
    }

    /**
     * The same, narrowed to experts whose name contains {@code name} (case-insensitive, surrounding blanks ignored;
     * null or blank: every name).
     */
    public List<ExpertProfile> list(ExpertStatus status, String specialty, String name, CurrentUser user) {
        if (!(user.seesRegionSubtree() || user.seesAllRegions())) {
            throw new DomainException(ExpertsError.EXPERT_NOT_FOUND, "list");
        }
        String part = name == null || name.isBlank() ? null : name.strip().toLowerCase(java.util.Locale.ROOT);
        List<ExpertProfile> found = jdbc.sql(SELECT + "\n" + """
                 WHERE (CAST(:s AS VARCHAR) IS NULL OR x.status = :s)
                 AND (CAST(:sp AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM expert_specialty e WHERE e.expert_id = x.id
                     AND e.specialty_code = :sp))""")
                .param("s", status == null ? null : status.name()).param("sp", specialty)
                .query(this::profileRow).list().stream()
                .filter(p -> user.seesAllRegions() || regions.isWithin(p.regionCode(), user.regionCode())).toList();
        return named(found).stream()
                .filter(p -> part == null || p.name().toLowerCase(java.util.Locale.ROOT).contains(part))
                .sorted(java.util.Comparator.comparing((ExpertProfile p) -> p.status().name())
                        .thenComparing(ExpertProfile::name).thenComparing(ExpertProfile::id))
                .map(this::withSpecialties).toList();
    }

    private ExpertProfile visible(UUID id, CurrentUser user) {
        ExpertProfile p = profile(id).orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id));
        boolean sees = user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(p.regionCode(), user.regionCode()));
        if (!sees) {
            throw new DomainException(ExpertsError.EXPERT_NOT_FOUND, id);
        }
        return p;
    }

    private ExpertDetail detail(UUID id) {
        ExpertProfile p = profile(id).orElseThrow();
        List<StatusChange> history = jdbc.sql("""
                SELECT from_status, to_status, reason, changed_at, changed_by FROM expert_status_change
                WHERE expert_id = :id ORDER BY id""").param("id", id)
                .query((rs, i) -> new StatusChange(rs.getString(1) == null ? null : ExpertStatus.valueOf(rs.getString(1)),
                        ExpertStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5))).list();
        List<Qualification> qualifications = jdbc.sql(
                "SELECT name, number, valid_until FROM expert_qualification WHERE expert_id = :id ORDER BY name")
                .param("id", id).query((rs, i) -> new Qualification(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list();
        List<LeavePeriod> leave = jdbc.sql("""
                SELECT id, starts_at, ends_at, reason FROM expert_leave WHERE expert_id = :id ORDER BY starts_at DESC""")
                .param("id", id).query((rs, i) -> new LeavePeriod(rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4))).list();
        DrawPolicy policy = policyFor(p.regionCode());
        RatingSummary ratings = jdbc.sql("SELECT count(*), avg(score) FROM expert_rating WHERE expert_id = :id")
                .param("id", id).query((rs, i) -> new RatingSummary(rs.getInt(1),
                        rs.getObject(2) == null ? null : rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue(),
                        violationsInWindow(id, policy))).single();
        return new ExpertDetail(p, history, qualifications, leave, ratings);
    }

    private static final String SELECT = """
            SELECT x.id, x.account_id, x.employer_id, x.region_code, x.title, x.phone, x.status FROM expert x""";

    /** A profile without its name and employer's name, which parties owns ({@link #named}). */
    private ExpertProfile profileRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new ExpertProfile(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), null,
                rs.getObject("employer_id", UUID.class), null, rs.getString("region_code"), rs.getString("title"),
                rs.getString("phone"), ExpertStatus.valueOf(rs.getString("status")), List.of());
    }

    private ExpertProfile named(ExpertProfile p) {
        return named(List.of(p)).get(0);
    }

    /** The profiles with the experts' names (their accounts') and their employers' names, asked of parties. */
    private List<ExpertProfile> named(List<ExpertProfile> profiles) {
        Map<UUID, String> names = new HashMap<>();
        accounts.names(profiles.stream().map(ExpertProfile::accountId).toList())
                .forEach(a -> names.put(a.id(), a.displayName()));
        Map<UUID, String> employers = new HashMap<>();
        organisations.findAll(profiles.stream().map(ExpertProfile::employerId).toList())
                .forEach(o -> employers.put(o.id(), o.name()));
        return profiles.stream().map(p -> new ExpertProfile(p.id(), p.accountId(), names.get(p.accountId()),
                p.employerId(), employers.get(p.employerId()), p.regionCode(), p.title(), p.phone(), p.status(),
                p.specialties())).toList();
    }

    private ExpertProfile withSpecialties(ExpertProfile p) {
        return new ExpertProfile(p.id(), p.accountId(), p.name(), p.employerId(), p.employer(), p.regionCode(), p.title(),
                p.phone(), p.status(), jdbc.sql("""
                        SELECT s.code || ' ' || s.name FROM expert_specialty e JOIN specialty s ON s.code = e.specialty_code
                        WHERE e.expert_id = :id ORDER BY s.code""").param("id", p.id()).query(String.class).list());
    }

    /** The taxonomy, parents before children (public). */
    public List<Specialty> taxonomy() {
        return jdbc.sql("SELECT code, name, parent_code FROM specialty ORDER BY code")
                .query((rs, i) -> new Specialty(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Active experts per leaf specialty: public statistics. */
    public List<SpecialtyCount> countsBySpecialty() {
        return jdbc.sql("""
                SELECT s.code, s.name, count(x.id) AS n FROM specialty s
                LEFT JOIN expert_specialty e ON e.specialty_code = s.code
                LEFT JOIN expert x ON x.id = e.expert_id AND x.status = 'ACTIVE'
                WHERE s.parent_code IS NOT NULL GROUP BY s.code, s.name ORDER BY s.code""")
                .query((rs, i) -> new SpecialtyCount(rs.getString("code"), rs.getString("name"), rs.getLong("n"))).list();
    }

    public long countActive() {
        return jdbc.sql("SELECT count(*) FROM expert WHERE status = 'ACTIVE'").query(Long.class).single();
    }

    Set<String> leafSpecialtyCodes() {
        return Set.copyOf(jdbc.sql("SELECT code FROM specialty WHERE parent_code IS NOT NULL").query(String.class).list());
    }

    Map<String, String> specialtyNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM specialty").query((rs, i) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    /** Experts matching an id or, failing that, an exact name. */
    List<UUID> idsByIdOrName(String idOrName) {
        try {
            UUID id = UUID.fromString(idOrName);
            return profile(id).map(p -> List.of(p.id())).orElse(List.of());
        } catch (IllegalArgumentException e) {
            List<UUID> named = accounts.idsByDisplayName(idOrName);
            return named.isEmpty() ? List.of() : jdbc.sql("SELECT id FROM expert WHERE account_id IN (:a) ORDER BY id")
                    .param("a", named).query(UUID.class).list();
        }
    }

    /**
     * Every expert holding one of {@code codes} whose region lies in one of {@code poolRegions}' subtrees, with
     * what the avoidance rules need (sittings are the draw's to count).
     */
    List<Eligibility.Candidate> candidates(List<String> codes, List<String> poolRegions, Instant start) {
        Map<UUID, Set<String>> specialties = new HashMap<>();
        jdbc.sql("SELECT expert_id, specialty_code FROM expert_specialty WHERE specialty_code IN (:codes)")
                .param("codes", codes)
                .query((rs, i) -> specialties.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
                        .add(rs.getString(2))).list();
        Map<UUID, List<Eligibility.Leave>> leave = new HashMap<>();
        jdbc.sql("SELECT expert_id, starts_at, ends_at FROM expert_leave WHERE ends_at > :start AND starts_at <= :start")
                .param("start", utc(start))
                .query((rs, i) -> leave.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Eligibility.Leave(rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getObject(3, OffsetDateTime.class).toInstant()))).list();
        List<Eligibility.Candidate> out = new ArrayList<>();
        jdbc.sql("SELECT id, employer_id, status, phone, region_code FROM expert ORDER BY id")
                .query((rs, i) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String region = rs.getString(5);
                    if (specialties.containsKey(id) && poolRegions.stream().anyMatch(r -> regions.isWithin(region, r))) {
                        out.add(new Eligibility.Candidate(id, rs.getObject(2, UUID.class),
                                ExpertStatus.valueOf(rs.getString(3)), rs.getString(4) != null,
                                Set.copyOf(specialties.get(id)), leave.getOrDefault(id, List.of()), 0, 0));
                    }
                    return null;
                }).list();
        return out;
    }

    String phoneOf(UUID expertId) {
        return jdbc.sql("SELECT phone FROM expert WHERE id = :id").param("id", expertId).query(String.class).single();
    }

    Person person(UUID expertId) {
        return profile(expertId).map(p -> new Person(p.name(), p.employer())).orElseThrow();
    }

    /** The expert's certificate in force when {@code signature} is theirs over {@code text}. */
    Optional<X509Certificate> signedByAccount(UUID accountId, String text, String signature) {
        return certificates.signedByAccount(accountId, text, signature);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
