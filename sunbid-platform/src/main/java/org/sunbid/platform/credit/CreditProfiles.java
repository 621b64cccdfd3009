package org.sunbid.platform.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * An organisation's credit profile (信用档案): its records in any state with their repairs and objections, its history
 * from other contexts ({@link CreditHistory}) and a score where its region's rules define one (as data,
 * {@code credit_score_rule}: base minus points per class of each record published at the time; the nearest region up
 * the tree that defines a rule applies). Visible to the organisation itself, to administrators, centre staff and
 * supervisors, and to tenderees and agencies (owners evaluating it) who see only the records published or restricting now
 * and no repair applications; to other bidders and experts it is not found.
 */
@Service
public class CreditProfiles {

    /** A region's score rule. */
    public record ScoreRule(String regionCode, LocalDate effectiveFrom, int base, Map<CreditClass, Integer> points, String basis) {
    }

    /** The score and how it was reached. */
    public record Score(int value, ScoreRule rule, Map<CreditClass, Long> counted) {
    }

    /** One record of the profile with its state now. */
    public record ProfileRecord(CreditRecordView record, String state, boolean publishedNow, boolean restrictingNow) {
    }

    /** The profile. */
    public record Profile(UUID organisationId, String name, String creditCode, String regionCode, Instant at,
            List<ProfileRecord> records, List<CreditRepairs.RepairView> repairs, Score score, List<CreditHistory.Entry> history) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Organisations organisations;
    private final Regions regions;
    private final CreditRecords records;
    private final CreditRepairs repairs;
    private final org.springframework.beans.factory.ObjectProvider<CreditHistory> histories;

    CreditProfiles(JdbcClient jdbc, Clock clock, AuditLog log, Organisations organisations, Regions regions, CreditRecords records,
            CreditRepairs repairs, org.springframework.beans.factory.ObjectProvider<CreditHistory> histories) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.organisations = organisations;
        this.regions = regions;
        this.records = records;
        this.repairs = repairs;
        this.histories = histories;
    }

    /** The profile of {@code organisationId} as {@code user} may see it; not found otherwise. */
    public Profile profile(UUID organisationId, CurrentUser user) {
        Organisation o = organisations.find(organisationId).filter(x -> mayView(user, x))
                .orElseThrow(() -> new DomainException(CreditError.CREDIT_PROFILE_NOT_FOUND, organisationId));
        Instant now = clock.instant();
        boolean full = seesEverything(user, o);
        List<CreditRecordView> all = records.of(CreditSubject.organisation(o.creditCode().value()));
        List<ProfileRecord> rows = new ArrayList<>();
        List<CreditRepairs.RepairView> repairList = new ArrayList<>();
        for (CreditRecordView r : all) {
            boolean restricting = r.gates().stream().anyMatch(g -> r.restricts(g, now));
            boolean published = r.publishedAt(now);
            if (!full && !published && !restricting) {
                continue; // an owner evaluating the organisation sees what is public or binding now, not its past
            }
            rows.add(new ProfileRecord(r, state(r, now), published, restricting));
            if (full) {
                repairList.addAll(repairs.ofRecord(r.id()));
            }
        }
        List<CreditHistory.Entry> history = new ArrayList<>();
        for (CreditHistory h : histories.orderedStream().toList()) {
            history.addAll(h.of(organisationId, 100));
        }
        history.sort(Comparator.comparing(CreditHistory.Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Profile(o.id(), o.name(), o.creditCode().value(), o.regionCode(), now, rows, repairList,
                score(o.regionCode(), all, now).orElse(null), history);
    }

    private static String state(CreditRecordView r, Instant now) {
        if (r.withdrawnAt() != null && !now.isBefore(r.withdrawnAt())) {
            return "WITHDRAWN";
        }
        if (r.publishedAt(now)) {
            return "PUBLISHED";
        }
        if (r.publicationFrom() != null && r.publicationUntil() != null && !now.isBefore(r.publicationUntil())) {
            return "ENDED";
        }
        if (r.publicationFrom() != null && now.isBefore(r.publicationFrom())) {
            return "PENDING";
        }
        return "NOT_PUBLISHED";
    }

    /**
     * Whether {@code user} sees the whole profile (records in any state, repair applications): the organisation itself,
     * administrators, and centre staff and supervisors of a region above it (issue 20 fix K). Anyone else allowed to view
     * (tenderees, agencies, staff of other regions) sees only the records published or restricting now, and no applications.
     */
    private boolean seesEverything(CurrentUser user, Organisation o) {
        if (o.id().equals(user.organisationId()) || user.seesAllRegions()) {
            return true;
        }
        return user.seesRegionSubtree() && o.regionCode() != null && user.regionCode() != null
                && regions.isWithin(o.regionCode(), user.regionCode());
    }

    private static boolean mayView(CurrentUser user, Organisation o) {
        if (user == null) {
            return false;
        }
        if (o.id().equals(user.organisationId())) {
            return true;
        }
        return user.role() == Role.ADMINISTRATOR || user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR
                || user.role() == Role.TENDEREE || user.role() == Role.AGENCY;
    }

    /** The score of records {@code all} under the rule of {@code regionCode} (or its nearest ancestor with one) at {@code at}. */
    public Optional<Score> score(String regionCode, List<CreditRecordView> all, Instant at) {
        Optional<ScoreRule> rule = ruleFor(regionCode, at);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Map<CreditClass, Long> counted = new LinkedHashMap<>();
        int value = rule.get().base();
        for (CreditRecordView r : all) {
            if (r.publishedAt(at) || r.gates().stream().anyMatch(g -> r.restricts(g, at))) {
                counted.merge(r.creditClass(), 1L, Long::sum);
                value -= rule.get().points().get(r.creditClass());
            }
        }
        return Optional.of(new Score(Math.max(0, value), rule.get(), counted));
    }

    /** The score rule in force at {@code at} for {@code regionCode}: its own, else the nearest ancestor's. */
    public Optional<ScoreRule> ruleFor(String regionCode, Instant at) {
        LocalDate day = at.atZone(CreditRules.ZONE).toLocalDate();
        String code = regionCode;
        for (int guard = 0; code != null && guard < 10; guard++) {
            Optional<ScoreRule> own = jdbc.sql("""
                    SELECT region_code, effective_from, base, minor_points, general_points, serious_points, basis
                    FROM credit_score_rule WHERE region_code = :r AND effective_from <= :d ORDER BY effective_from DESC LIMIT 1""")
                    .param("r", code).param("d", day)
                    .query((rs, i) -> new ScoreRule(rs.getString("region_code"), rs.getObject("effective_from", LocalDate.class),
                            rs.getInt("base"), Map.of(CreditClass.MINOR, rs.getInt("minor_points"), CreditClass.GENERAL,
                                    rs.getInt("general_points"), CreditClass.SERIOUS, rs.getInt("serious_points")), rs.getString("basis")))
                    .optional();
            if (own.isPresent()) {
                return own;
            }
            code = regions.find(code).map(Region::parentCode).orElse(null);
        }
        return Optional.empty();
    }

    /** Defines (from {@code effectiveFrom}) a region's score rule, logged; an existing rule of that day is kept. */
    @Transactional
    public void defineScoreRule(ScoreRule rule, Actor actor) {
        int n = jdbc.sql("""
                INSERT INTO credit_score_rule (region_code, effective_from, base, minor_points, general_points, serious_points, basis,
                    created_by, created_at)
                VALUES (:r, :d, :base, :minor, :general, :serious, :basis, :by, :now) ON CONFLICT DO NOTHING""")
                .param("r", rule.regionCode()).param("d", rule.effectiveFrom()).param("base", rule.base())
                .param("minor", rule.points().get(CreditClass.MINOR)).param("general", rule.points().get(CreditClass.GENERAL))
                .param("serious", rule.points().get(CreditClass.SERIOUS)).param("basis", rule.basis()).param("by", actor.username())
                .param("now", OffsetDateTime.now(clock)).update();
        if (n > 0) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("effectiveFrom", rule.effectiveFrom().toString());
            payload.put("base", rule.base());
            payload.put("points", Map.of("MINOR", rule.points().get(CreditClass.MINOR), "GENERAL",
                    rule.points().get(CreditClass.GENERAL), "SERIOUS", rule.points().get(CreditClass.SERIOUS)));
            payload.put("basis", rule.basis());
            log.record(AuditRecord.of("credit.score-rule.defined", rule.regionCode(), rule.regionCode(), actor, payload));
        }
    }
}
