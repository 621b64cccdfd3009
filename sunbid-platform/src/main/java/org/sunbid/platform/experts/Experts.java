package org.sunbid.platform.experts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * The expert database (专家库): entry by application and review (准入), leave, status with its history (暂停、退出、
 * 黑名单), the region's draw and conduct policy ({@link DrawPolicies}), and the conduct rule that suspends or
 * blacklists after violations. Reading the files is {@link ExpertFiles}'; what the draw needs of the database is
 * {@link ExpertPool}'s.
 */
@Service
public class Experts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Regions regions;
    private final Organisations organisations;
    private final ExpertFiles files;
    private final DrawPolicies policies;
    private final ExpertPool pool;

    private final org.sunbid.platform.credit.CreditRecords credits;

    Experts(JdbcClient jdbc, Clock clock, AuditLog log, Regions regions, Organisations organisations, ExpertFiles files,
            DrawPolicies policies, ExpertPool pool, org.sunbid.platform.credit.CreditRecords credits) {
        this.credits = credits;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.regions = regions;
        this.organisations = organisations;
        this.files = files;
        this.policies = policies;
        this.pool = pool;
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
        return files.detail(id);
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
        log.record(AuditRecord.of("experts.expert." + (status == ExpertStatus.APPLYING ? "applied" : "registered"),
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
        Set<String> leaves = pool.leafSpecialtyCodes();
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
        ExpertProfile p = files.visible(id, user);
        if (p.status() != ExpertStatus.APPLYING) {
            throw new DomainException(ExpertsError.STATUS_CHANGE_NOT_ALLOWED, p.status());
        }
        move(p, approve ? ExpertStatus.ACTIVE : ExpertStatus.REJECTED,
                requireReason(reason, approve ? "准入审核通过" : null), user.actor());
        return files.detail(id);
    }

    /**
     * Suspends, reinstates, blacklists or retires an expert (暂停、恢复、黑名单、退出), with a reason. Staff of the
     * region suspend, reinstate and retire; blacklisting is a supervisor's decision; an expert may retire themself.
     */
    @Transactional
    public ExpertDetail changeStatus(UUID id, ExpertStatus to, String reason, CurrentUser user) {
        ExpertProfile p = user.role() == Role.EXPERT ? ofAccount(user.accountId()).filter(e -> e.id().equals(id))
                .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id)) : files.visible(id, user);
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
        return files.detail(id);
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
        log.record(AuditRecord.of("experts.expert.status-changed", p.id().toString(), p.regionCode(), actor,
                Map.of("from", p.status().name(), "to", to.name(), "reason", reason)));
        if (to == ExpertStatus.BLACKLISTED) {
            blacklistRecord(p, reason, actor);
        }
    }

    /**
     * The expert's credit record (issue 20) when blacklisted, by a supervisor or by the region's conduct rule:
     * 招标投标法实施条例 Art. 71 (情节特别严重的，取消其担任评标委员会成员的资格) — barred from the expert draw without end,
     * class 严重; not published (a natural person, 信用修复管理办法 Art. 12). Once per expert (blacklisting is final).
     */
    private void blacklistRecord(ExpertProfile p, String reason, Actor actor) {
        String issuer = actor.organisationId() == null ? null
                : organisations.find(actor.organisationId()).map(org.sunbid.platform.parties.Organisation::name).orElse(null);
        if (issuer == null) {
            issuer = regions.find(p.regionCode()).map(org.sunbid.platform.catalog.Region::name).orElse(p.regionCode())
                    + " 评标专家库管理机构（专家行为规则）";
        }
        credits.record(new org.sunbid.platform.credit.CreditRecords.NewRecord(
                org.sunbid.platform.credit.CreditSubject.expert(p.id()), p.name(), org.sunbid.platform.credit.CreditClass.SERIOUS,
                "评标专家违规，列入黑名单：" + reason, "《招标投标法实施条例》第七十一条", issuer, null, "platform",
                "experts.blacklisted:" + p.id(), p.regionCode(), java.util.Set.of(org.sunbid.platform.credit.Gate.EXPERT_DRAW),
                clock.instant(), null, null, null), actor);
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
        return files.detail(p.id());
    }

    // ---------------------------------------------------------------------------------------------- conduct

    /** Applies the region's conduct rule after a rating: violations within the window suspend, then blacklist. */
    void applyConductRules(UUID expertId) {
        ExpertProfile p = files.profile(expertId).orElseThrow();
        DrawPolicy policy = policies.policyFor(p.regionCode());
        int violations = files.violationsInWindow(expertId, policy);
        policy.conductOutcome(p.status(), violations).ifPresent(to -> move(p, to, "规则：" + policy.violationWindowDays()
                + " 日内记录违规 " + violations + " 次（" + (to == ExpertStatus.BLACKLISTED ? "黑名单阈值 "
                + policy.blacklistAfterViolations() : "暂停阈值 " + policy.suspendAfterViolations()) + " 次）", Actor.SYSTEM));
    }

    // ---------------------------------------------------------------------------------------------- policy

    /** The draw and conduct policy for region {@code regionCode}: its own, the nearest above it, or the default. */
    public DrawPolicy policyFor(String regionCode) {
        return policies.policyFor(regionCode);
    }

    /** Sets a region's policy (administrators); logged. */
    public DrawPolicy setPolicy(String regionCode, DrawPolicy policy, CurrentUser user) {
        return policies.setPolicy(regionCode, policy, user);
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The profile of the expert who logs in as {@code accountId}. */
    public Optional<ExpertProfile> ofAccount(UUID accountId) {
        return files.ofAccount(accountId);
    }

    /** An expert's file: staff and supervisors of a region above the expert's, administrators, or the expert. */
    public ExpertDetail get(UUID id, CurrentUser user) {
        if (user.role() == Role.EXPERT) {
            ExpertProfile mine = ofAccount(user.accountId()).filter(p -> p.id().equals(id))
                    .orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id));
            return files.detail(mine.id());
        }
        return files.detail(files.visible(id, user).id());
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
        return ofAccount(user.accountId()).map(p -> files.detail(p.id()));
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
        return files.list(status, specialty, name, user);
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

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
