package org.sunbid.platform.experts;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.Experts.ExpertDetail;
import org.sunbid.platform.experts.Experts.ExpertProfile;
import org.sunbid.platform.experts.Experts.LeavePeriod;
import org.sunbid.platform.experts.Experts.Qualification;
import org.sunbid.platform.experts.Experts.RatingSummary;
import org.sunbid.platform.experts.Experts.StatusChange;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;

/**
 * The experts' files as stored (read-only): profiles with their specialties, and what an expert's file shows
 * (status history, qualifications, leave, ratings). Names and employers are parties' data, asked of {@link Accounts}
 * and {@link Organisations}.
 */
@Repository
class ExpertFiles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Regions regions;
    private final Accounts accounts;
    private final Organisations organisations;
    private final DrawPolicies policies;

    ExpertFiles(JdbcClient jdbc, Clock clock, Regions regions, Accounts accounts, Organisations organisations,
            DrawPolicies policies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.regions = regions;
        this.accounts = accounts;
        this.organisations = organisations;
        this.policies = policies;
    }

    /** The profile of the expert who logs in as {@code accountId}. */
    Optional<ExpertProfile> ofAccount(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE x.account_id = :a").param("a", accountId).query(this::profileRow).optional()
                .map(this::named).map(this::withSpecialties);
    }

    Optional<ExpertProfile> profile(UUID id) {
        return jdbc.sql(SELECT + " WHERE x.id = :id").param("id", id).query(this::profileRow).optional()
                .map(this::named).map(this::withSpecialties);
    }

    /**
     * Experts in the caller's region subtree, optionally of one status and one specialty, whose name contains {@code
     * name} (case-insensitive; null: every name), by status, name and id.
     */
    List<ExpertProfile> list(ExpertStatus status, String specialty, String name, CurrentUser user) {
        if (!(user.seesRegionSubtree() || user.seesAllRegions())) {
            throw new DomainException(ExpertsError.EXPERT_NOT_FOUND, "list");
        }
        String part = name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
        List<ExpertProfile> found = jdbc.sql(SELECT + "\n" + """
                 WHERE (CAST(:s AS VARCHAR) IS NULL OR x.status = :s)
                 AND (CAST(:sp AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM expert_specialty e WHERE e.expert_id = x.id
                     AND e.specialty_code = :sp))""")
                .param("s", status == null ? null : status.name()).param("sp", specialty)
                .query(this::profileRow).list().stream()
                .filter(p -> user.seesAllRegions() || regions.isWithin(p.regionCode(), user.regionCode())).toList();
        return named(found).stream()
                .filter(p -> part == null || p.name().toLowerCase(Locale.ROOT).contains(part))
                .sorted(Comparator.comparing((ExpertProfile p) -> p.status().name())
                        .thenComparing(ExpertProfile::name).thenComparing(ExpertProfile::id))
                .map(this::withSpecialties).toList();
    }

    /** The expert if {@code user} sees the expert's region; else EXPERT_NOT_FOUND. */
    ExpertProfile visible(UUID id, CurrentUser user) {
        ExpertProfile p = profile(id).orElseThrow(() -> new DomainException(ExpertsError.EXPERT_NOT_FOUND, id));
        boolean sees = user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(p.regionCode(), user.regionCode()));
        if (!sees) {
            throw new DomainException(ExpertsError.EXPERT_NOT_FOUND, id);
        }
        return p;
    }

    ExpertDetail detail(UUID id) {
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
        DrawPolicy policy = policies.policyFor(p.regionCode());
        RatingSummary ratings = jdbc.sql("SELECT count(*), avg(score) FROM expert_rating WHERE expert_id = :id")
                .param("id", id).query((rs, i) -> new RatingSummary(rs.getInt(1),
                        rs.getObject(2) == null ? null : rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP).doubleValue(),
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

    /** Violations recorded against the expert within the policy's window. */
    int violationsInWindow(UUID expertId, DrawPolicy policy) {
        Instant from = clock.instant().minus(java.time.Duration.ofDays(policy.violationWindowDays()));
        return jdbc.sql("""
                SELECT COALESCE(sum(json_array_length(CAST(violations AS JSON))), 0) FROM expert_rating
                WHERE expert_id = :e AND rated_at >= :from""")
                .param("e", expertId).param("from", utc(from)).query(Integer.class).single();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
