package org.sunbid.platform.intermediaries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.intermediaries.domain.DirectThreshold;
import org.sunbid.platform.intermediaries.domain.Eligibility;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * The register of intermediaries (中介服务机构库): an intermediary's staff register its service kinds, qualifications
 * (certificate, grade, validity) and service areas; the trading centre's staff of a region containing the
 * intermediary's own region approve or reject it; the public sees approved intermediaries with their ratings. Direct
 * selection thresholds are maintained here too (dated data per region with their basis).
 */
@Service
public class Intermediaries {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Organisations organisations;
    private final Regions regions;

    Intermediaries(JdbcClient jdbc, Clock clock, AuditLog log, Organisations organisations, Regions regions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.organisations = organisations;
        this.regions = regions;
    }

    /** A service kind (maintained data). */
    public record ServiceKind(String code, String nameZh, String nameEn) {
    }

    /** A qualification as registered. */
    public record QualificationForm(String serviceKind, String certificateNo, String grade, LocalDate validFrom,
            LocalDate validUntil) {
    }

    /** What an intermediary registers (a new registration replaces the previous one and awaits review again). */
    public record Registration(String contact, String phone, String introduction, List<QualificationForm> qualifications,
            List<String> areas) {
    }

    /** An intermediary's profile: registration, qualifications, areas, and the owners' ratings. */
    public record Profile(UUID organisationId, String name, String creditCode, String regionCode, String status,
            String contact, String phone, String introduction, String reviewNote, List<QualificationForm> qualifications,
            List<String> areas, List<RatingView> ratings, Double averageScore) {
    }

    /** One rating as shown on the profile. */
    public record RatingView(UUID requestId, String title, int score, String comment, Instant ratedAt) {
    }

    /** A direct-selection threshold row. */
    public record Threshold(UUID id, String regionCode, String serviceKind, BigDecimal maxAmount, LocalDate validFrom,
            LocalDate validUntil, String basis) {
    }

    /** The active service kinds. */
    public List<ServiceKind> serviceKinds() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM intermediary_service_kind WHERE active ORDER BY code")
                .query((rs, i) -> new ServiceKind(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    ServiceKind kind(String code) {
        return serviceKinds().stream().filter(k -> k.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainException(IntermediaryError.SERVICE_KIND_UNKNOWN, String.valueOf(code)));
    }

    /** The caller's organisation (an intermediary or agency) registers or re-registers; it then awaits review. */
    @Transactional
    public Profile register(Registration form, CurrentUser user) {
        if (user.role() != Role.AGENCY || user.organisationId() == null) {
            throw new DomainException(IntermediaryError.NOT_AN_INTERMEDIARY);
        }
        return register(user.organisationId(), form, user.actor());
    }

    /** Registers {@code organisationId} as {@code actor} (demo data, or the organisation's own staff). */
    @Transactional
    public Profile register(UUID organisationId, Registration form, Actor actor) {
        Organisation org = organisations.find(organisationId)
                .orElseThrow(() -> new DomainException(IntermediaryError.INTERMEDIARY_NOT_FOUND, organisationId));
        if (org.kind() != OrganisationKind.INTERMEDIARY && org.kind() != OrganisationKind.AGENCY) {
            throw new DomainException(IntermediaryError.NOT_AN_INTERMEDIARY);
        }
        validate(form);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("DELETE FROM intermediary_qualification WHERE organisation_id = :o").param("o", organisationId).update();
        jdbc.sql("DELETE FROM intermediary_area WHERE organisation_id = :o").param("o", organisationId).update();
        jdbc.sql("""
                INSERT INTO intermediary (organisation_id, status, contact, phone, introduction, created_at, created_by,
                    updated_at, updated_by)
                VALUES (:o, 'PENDING', :c, :p, :i, :now, :by, :now, :by)
                ON CONFLICT (organisation_id) DO UPDATE SET status = 'PENDING', contact = :c, phone = :p, introduction = :i,
                    review_note = NULL, reviewed_by = NULL, reviewed_at = NULL, updated_at = :now, updated_by = :by""")
                .param("o", organisationId).param("c", form.contact().strip()).param("p", form.phone().strip())
                .param("i", form.introduction()).param("now", now).param("by", actor.username()).update();
        for (QualificationForm q : form.qualifications()) {
            jdbc.sql("""
                    INSERT INTO intermediary_qualification (id, organisation_id, service_kind, certificate_no, grade, valid_from,
                        valid_until, created_at, created_by)
                    VALUES (:id, :o, :k, :c, :g, :f, :u, :now, :by)""")
                    .param("id", UUID.randomUUID()).param("o", organisationId).param("k", q.serviceKind())
                    .param("c", q.certificateNo().strip()).param("g", q.grade().strip()).param("f", q.validFrom())
                    .param("u", q.validUntil()).param("now", now).param("by", actor.username()).update();
        }
        for (String area : new LinkedHashSet<>(form.areas())) {
            jdbc.sql("""
                    INSERT INTO intermediary_area (organisation_id, region_code, created_at, created_by)
                    VALUES (:o, :r, :now, :by)""")
                    .param("o", organisationId).param("r", area).param("now", now).param("by", actor.username()).update();
        }
        log.record(AuditRecord.of("intermediaries.registered", organisationId.toString(), org.regionCode(), actor,
                Map.of("kinds", form.qualifications().stream().map(QualificationForm::serviceKind).distinct().toList(),
                        "certificates", form.qualifications().stream().map(QualificationForm::certificateNo).toList(),
                        "areas", List.copyOf(new LinkedHashSet<>(form.areas())))));
        return profileOf(organisationId).orElseThrow();
    }

    private void validate(Registration form) {
        if (form == null || blank(form.contact(), 100) || blank(form.phone(), 40)
                || form.introduction() != null && form.introduction().length() > 2000) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "contact");
        }
        if (form.qualifications() == null || form.qualifications().isEmpty() || form.qualifications().size() > 50) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "qualifications");
        }
        for (QualificationForm q : form.qualifications()) {
            if (q == null || blank(q.certificateNo(), 100) || blank(q.grade(), 50) || q.validFrom() == null
                    || q.validUntil() == null || q.validUntil().isBefore(q.validFrom())) {
                throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "qualifications");
            }
            kind(q.serviceKind());
        }
        if (form.areas() == null || form.areas().isEmpty() || form.areas().size() > 50) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "areas");
        }
        for (String a : form.areas()) {
            if (a == null || regions.find(a).isEmpty()) {
                throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "areas");
            }
        }
    }

    static boolean blank(String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    /** Staff of a region containing the intermediary's region (or the administrator) approve or reject it. */
    @Transactional
    public Profile review(UUID organisationId, boolean approve, String note, CurrentUser user) {
        Profile p = profileOf(organisationId).filter(x -> staffSees(user, x.regionCode()))
                .orElseThrow(() -> new DomainException(IntermediaryError.INTERMEDIARY_NOT_FOUND, organisationId));
        if (!"PENDING".equals(p.status())) {
            throw new DomainException(IntermediaryError.REGISTRATION_NOT_PENDING, p.status());
        }
        if (note != null && note.length() > 500 || !approve && (note == null || note.isBlank())) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "note");
        }
        jdbc.sql("""
                UPDATE intermediary SET status = :s, review_note = :n, reviewed_by = :by, reviewed_at = :now, updated_at = :now,
                    updated_by = :by WHERE organisation_id = :o AND status = 'PENDING'""")
                .param("s", approve ? "APPROVED" : "REJECTED").param("n", note).param("by", user.username())
                .param("now", OffsetDateTime.now(clock)).param("o", organisationId).update();
        log.record(AuditRecord.of(approve ? "intermediaries.approved" : "intermediaries.rejected", organisationId.toString(),
                p.regionCode(), user.actor(), note == null ? Map.of() : Map.of("note", note)));
        return profileOf(organisationId).orElseThrow();
    }

    /** Whether {@code user} is staff seeing {@code regionCode} (the administrator sees all). */
    boolean staffSees(CurrentUser user, String regionCode) {
        return user != null && (user.seesAllRegions()
                || user.role() == Role.CENTRE_STAFF && regions.isWithin(regionCode, user.regionCode()));
    }

    /** Registrations for the staff: all in the staff member's region subtree, pending first. */
    public List<Profile> registrations(CurrentUser user) {
        if (!user.seesAllRegions() && user.role() != Role.CENTRE_STAFF) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        java.util.function.Predicate<String> scope = staffScope(user);
        return all().stream().filter(p -> scope.test(p.regionCode()))
                .sorted((a, b) -> Boolean.compare(!"PENDING".equals(a.status()), !"PENDING".equals(b.status()))).toList();
    }

    /** The public list: approved intermediaries, optionally offering {@code kind} and serving {@code regionCode}. */
    public List<Profile> published(String kind, String regionCode) {
        Set<String> lineage = regionCode == null || regionCode.isBlank() ? null : new LinkedHashSet<>(lineage(regionCode));
        return all().stream().filter(p -> "APPROVED".equals(p.status()))
                .filter(p -> kind == null || kind.isBlank() || p.qualifications().stream().anyMatch(q -> q.serviceKind().equals(kind)))
                .filter(p -> lineage == null || p.areas().stream().anyMatch(lineage::contains)).toList();
    }

    /** One profile: public when approved; the intermediary's own staff and the staff of its region see it always. */
    public Profile profile(UUID organisationId, CurrentUser user) {
        return profileOf(organisationId)
                .filter(p -> "APPROVED".equals(p.status()) || user != null && (organisationId.equals(user.organisationId())
                        || staffSees(user, p.regionCode())))
                .orElseThrow(() -> new DomainException(IntermediaryError.INTERMEDIARY_NOT_FOUND, organisationId));
    }

    /** The region {@code code} and its ancestors, nearest first. */
    List<String> lineage(String code) {
        List<String> out = new ArrayList<>();
        Optional<Region> r = regions.find(code);
        while (r.isPresent()) {
            out.add(r.get().code());
            r = r.get().parentCode() == null ? Optional.empty() : regions.find(r.get().parentCode());
        }
        return out;
    }

    /** Every registered intermediary's profile, by name. */
    private List<Profile> all() {
        List<Profile> out = profiles(null);
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The candidates registered in the market, as the eligibility rule reads them (credit bar filled by the caller). */
    List<Eligibility.Candidate> candidates() {
        List<Eligibility.Candidate> out = new ArrayList<>();
        for (Profile p : all()) {
            out.add(new Eligibility.Candidate(p.organisationId(), p.name(), "APPROVED".equals(p.status()),
                    new LinkedHashSet<>(p.areas()), p.qualifications().stream().map(q -> new Eligibility.Qualification(
                            q.serviceKind(), q.certificateNo(), q.grade(), q.validFrom(), q.validUntil())).toList(), null));
        }
        return out;
    }

    Optional<Profile> profileOf(UUID organisationId) {
        return profiles(List.of(organisationId)).stream().findFirst();
    }

    /**
     * The profiles of {@code ids} (every registered intermediary when null), in no particular order: five queries however
     * many there are (the registrations, their organisations, then all their qualifications, areas and ratings at once).
     */
    private List<Profile> profiles(List<UUID> ids) {
        Map<UUID, String[]> registered = new LinkedHashMap<>();
        String select = "SELECT organisation_id, status, contact, phone, introduction, review_note FROM intermediary";
        (ids == null ? jdbc.sql(select) : jdbc.sql(select + " WHERE organisation_id = ANY(CAST(:ids AS UUID[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)))
                .query(rs -> {
                    registered.put(rs.getObject(1, UUID.class),
                            new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                });
        if (registered.isEmpty()) {
            return new ArrayList<>();
        }
        String[] keys = registered.keySet().stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, List<QualificationForm>> quals = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, service_kind, certificate_no, grade, valid_from, valid_until FROM intermediary_qualification
                WHERE organisation_id = ANY(CAST(:ids AS UUID[])) ORDER BY organisation_id, service_kind, valid_until""")
                .param("ids", keys).query(rs -> {
                    quals.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new QualificationForm(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class)));
                });
        Map<UUID, List<String>> areas = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, region_code FROM intermediary_area WHERE organisation_id = ANY(CAST(:ids AS UUID[]))
                ORDER BY organisation_id, region_code""").param("ids", keys)
                .query(rs -> {
                    areas.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<UUID, List<RatingView>> ratings = new HashMap<>();
        jdbc.sql("""
                SELECT r.organisation_id, r.request_id, q.title, r.score, r.comment, r.rated_at FROM intermediary_rating r
                JOIN intermediary_request q ON q.id = r.request_id WHERE r.organisation_id = ANY(CAST(:ids AS UUID[]))
                ORDER BY r.organisation_id, r.rated_at DESC""").param("ids", keys)
                .query(rs -> {
                    ratings.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new RatingView(
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant()));
                });
        List<Profile> out = new ArrayList<>();
        for (Organisation o : organisations.findAll(registered.keySet())) {
            String[] row = registered.get(o.id());
            List<RatingView> rated = ratings.getOrDefault(o.id(), List.of());
            Double avg = rated.isEmpty() ? null : Math.round(rated.stream().mapToInt(RatingView::score).average().orElse(0) * 10) / 10.0;
            out.add(new Profile(o.id(), o.name(), o.creditCode().value(), o.regionCode(), row[0], row[1], row[2], row[3], row[4],
                    quals.getOrDefault(o.id(), List.of()), areas.getOrDefault(o.id(), List.of()), rated, avg));
        }
        return out;
    }

    /** Which regions {@code user} sees as staff ({@link #staffSees}), with at most two queries: for checking many rows. */
    java.util.function.Predicate<String> staffScope(CurrentUser user) {
        if (user == null) {
            return code -> false;
        }
        if (user.seesAllRegions()) {
            return code -> true;
        }
        if (user.role() != Role.CENTRE_STAFF || user.regionCode() == null || regions.find(user.regionCode()).isEmpty()) {
            return code -> false;
        }
        Set<String> codes = new java.util.HashSet<>(regions.subtreeCodes(user.regionCode()));
        return codes::contains;
    }

    // Direct selection thresholds ---------------------------------------------------------------------------------

    /** Defines a threshold (the administrator, or the system for the demo). */
    @Transactional
    public Threshold defineThreshold(Threshold t, Actor actor) {
        if (t == null || t.regionCode() == null || regions.find(t.regionCode()).isEmpty() || t.maxAmount() == null
                || t.maxAmount().signum() < 0 || t.validFrom() == null
                || t.validUntil() != null && t.validUntil().isBefore(t.validFrom()) || blank(t.basis(), 500)) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "threshold");
        }
        if (t.serviceKind() != null) {
            kind(t.serviceKind());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO intermediary_direct_threshold (id, region_code, service_kind, max_amount, valid_from, valid_until,
                    basis, created_at, created_by) VALUES (:id, :r, :k, :m, :f, :u, :b, :now, :by)""")
                .param("id", id).param("r", t.regionCode()).param("k", t.serviceKind()).param("m", t.maxAmount())
                .param("f", t.validFrom()).param("u", t.validUntil()).param("b", t.basis().strip())
                .param("now", OffsetDateTime.now(clock)).param("by", actor.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("region", t.regionCode());
        payload.put("kind", t.serviceKind() == null ? "*" : t.serviceKind());
        payload.put("maxAmount", t.maxAmount().toPlainString());
        payload.put("validFrom", t.validFrom().toString());
        payload.put("basis", t.basis().strip());
        log.record(AuditRecord.of("intermediaries.threshold.defined", id.toString(), t.regionCode(), actor, payload));
        return new Threshold(id, t.regionCode(), t.serviceKind(), t.maxAmount(), t.validFrom(), t.validUntil(), t.basis().strip());
    }

    /** The administrator defines a threshold. */
    public Threshold defineThreshold(Threshold t, CurrentUser user) {
        if (!user.seesAllRegions()) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return defineThreshold(t, user.actor());
    }

    /** Every threshold (public data). */
    public List<Threshold> thresholds() {
        return jdbc.sql("""
                SELECT id, region_code, service_kind, max_amount, valid_from, valid_until, basis FROM intermediary_direct_threshold
                ORDER BY region_code, service_kind NULLS LAST, valid_from""")
                .query((rs, i) -> new Threshold(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .list();
    }

    /** The threshold applying to a request on {@code day}. */
    Optional<DirectThreshold.Row> thresholdFor(String regionCode, String kind, LocalDate day) {
        List<DirectThreshold.Row> rows = thresholds().stream().map(t -> new DirectThreshold.Row(t.regionCode(), t.serviceKind(),
                t.maxAmount(), t.validFrom(), t.validUntil(), t.basis())).toList();
        return DirectThreshold.applicable(rows, lineage(regionCode), kind, day);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Map<UUID, String> names(Organisations organisations, java.util.Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        organisations.findAll(ids).forEach(o -> out.put(o.id(), o.name()));
        return out;
    }
}
