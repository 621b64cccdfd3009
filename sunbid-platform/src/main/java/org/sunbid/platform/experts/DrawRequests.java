package org.sunbid.platform.experts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.experts.ExpertDraws.DrawRequest;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The first two steps of a draw: the tender's owners or centre staff request a committee (its form, its composition by
 * the lot's procedure — Law 37 by {@link Committee}, 87号令 Art. 47 by {@link PanelRule} — feasibility by
 * {@link DrawFeasibility}), and a supervisor of the region commits to
 * the secret their own tool generated (only its SM3 reaches the platform).
 */
@Service
class DrawRequests {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Tenders tenders;
    private final Regions regions;
    private final Experts experts;
    private final ExpertPool pool;
    private final DrawStore store;
    private final DrawFeasibility feasibility;
    private final DrawQueries queries;
    private final Projects projects;
    private final Procedures procedures;

    DrawRequests(JdbcClient jdbc, Clock clock, AuditLog log, Tenders tenders, Regions regions, Experts experts, ExpertPool pool,
            DrawStore store, DrawFeasibility feasibility, DrawQueries queries, Projects projects, Procedures procedures) {
        this.projects = projects;
        this.procedures = procedures;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.tenders = tenders;
        this.regions = regions;
        this.experts = experts;
        this.pool = pool;
        this.store = store;
        this.feasibility = feasibility;
        this.queries = queries;
    }

    /** Requests a committee for a tender's evaluation; refused with the shortfall named when it could not be met. */
    @Transactional
    public DrawView request(UUID tenderId, DrawRequest input, CurrentUser user) {
        TenderView tender = tenders.get(tenderId, user);
        boolean staff = user.role() == Role.CENTRE_STAFF && tenders.mayInspect(tenderId, user);
        if (!tenders.owns(tenderId, user) && !staff) {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, tenderId);
        }
        if (tender.status() == TenderStatus.TERMINATED || tender.status() == TenderStatus.DRAFT) {
            throw new DomainException(ExpertsError.DRAW_STATE, tender.status().name());
        }
        Instant now = clock.instant();
        DrawRequestCheck.invalidField(input, pool.leafSpecialtyCodes(), r -> regions.find(r).isPresent())
                .ifPresent(field -> {
                    throw new DomainException(ExpertsError.DRAW_INVALID, field);
                });
        if (!input.evaluationStart().isAfter(tender.bidDeadline())) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        DrawPolicy policy = experts.policyFor(tender.regionCode());
        Instant drawAt = input.evaluationStart().minus(policy.drawLead());
        if (!drawAt.isAfter(now)) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        int total = input.specialties().stream().mapToInt(SpecialtyCount::count).sum();
        checkComposition(tenderId, total, input.representatives(), now);
        if (jdbc.sql("SELECT count(*) FROM expert_draw WHERE tender_id = :t AND status NOT IN ('CANCELLED', 'SHORT')")
                .param("t", tenderId).query(Long.class).single() > 0) {
            throw new DomainException(ExpertsError.DRAW_EXISTS);
        }
        List<String> manual = resolveAvoidance(input.avoid());
        // While registrations are anonymous the feasibility check leaves bidders' employers out: a refusal that
        // depended on them would tell the requester something about who registered. They count at the draw.
        boolean closed = tender.status() == TenderStatus.BIDDING_CLOSED;
        Eligibility.Pools pools = feasibility.pools(tender, input.specialties(), input.poolRegions(), manual,
                input.evaluationStart(), policy, closed, null);
        feasibility.refuseShortfall(input.specialties(), pools);

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO expert_draw (id, tender_id, tenderee_id, region_code, evaluation_start, evaluation_venue, draw_at,
                    representatives, specialties, pool_regions, manual_avoidance, status, requested_at, requested_by)
                VALUES (:id, :t, :tenderee, :region, :start, :venue, :drawAt, :reps, :specs, :pools, :manual, 'REQUESTED',
                    :now, :by)""")
                .param("id", id).param("t", tenderId).param("tenderee", tender.tendereeId())
                .param("region", tender.regionCode())
                .param("start", DrawStore.utc(input.evaluationStart())).param("venue", input.evaluationVenue().strip())
                .param("drawAt", DrawStore.utc(drawAt)).param("reps", input.representatives())
                .param("specs", CanonicalJson.write(DrawStore.specialtiesJson(input.specialties())))
                .param("pools", CanonicalJson.write(List.copyOf(input.poolRegions())))
                .param("manual", CanonicalJson.write(List.copyOf(manual))).param("now", DrawStore.utc(now))
                .param("by", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawId", id.toString());
        payload.put("tenderId", tenderId.toString());
        payload.put("evaluationStart", input.evaluationStart().toString());
        payload.put("drawAt", drawAt.toString());
        payload.put("representatives", (long) input.representatives());
        payload.put("specialties", DrawStore.specialtiesJson(input.specialties()));
        payload.put("poolRegions", List.copyOf(input.poolRegions()));
        payload.put("manualAvoidanceCount", (long) manual.size());
        log.record(AuditRecord.of("experts.draw.requested", id.toString(), tender.regionCode(), user.actor(), payload));
        return queries.view(id);
    }

    /**
     * The committee's composition under the lot's procedure, with its rules in force at the request. A government
     * procurement lot (its rules carry the purchaser's award decision, 条例 Art. 43, and a PANEL_MIN) is checked by
     * {@link PanelRule#of} its rules — 87号令 Art. 47 for the open tender, 74号令 Art. 7 for 谈判 and 询价 (≥ 3, ≥ 5 at or
     * above the open-tender threshold), 财库〔2014〕214号 Art. 14 for 磋商, the PANEL_MIN of 单一来源 — odd, experts ≥ 2/3
     * ({@code PANEL_COMPOSITION}, naming the rule's article); the construction tender by Law 37 ({@link Committee},
     * {@code COMMITTEE_COMPOSITION}).
     */
    private void checkComposition(UUID tenderId, int experts, int representatives, Instant now) {
        ProjectView project = projects.ofLot(tenderId).orElse(null);
        ProcedureRules rules = project == null ? null : procedures.rulesAt(project.procedureCode(), now);
        if (rules == null || rules.find(RuleKeys.AWARD_DECISION).isEmpty() || rules.find(RuleKeys.PANEL_MIN).isEmpty()) {
            Committee.check(experts, representatives);
            return;
        }
        BigDecimal budget = project.lots().stream().filter(l -> l.id().equals(tenderId)).findFirst()
                .map(l -> l.budget().yuan()).orElse(project.budget().yuan());
        PanelRule.of(rules).check(experts, representatives, budget, false, rules.limit(RuleKeys.PANEL_MIN).article());
    }

    /** The manual avoidance list as expert ids: each entry an id or an exact name (all experts of that name). */
    private List<String> resolveAvoidance(List<String> avoid) {
        Set<String> ids = new TreeSet<>();
        for (String entry : avoid == null ? List.<String>of() : avoid) {
            String e = entry == null ? "" : entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            List<UUID> found = pool.idsByIdOrName(e);
            if (found.isEmpty()) {
                throw new DomainException(ExpertsError.DRAW_INVALID, "avoid: " + e);
            }
            found.forEach(f -> ids.add(f.toString()));
        }
        return List.copyOf(ids);
    }

    /**
     * A supervisor of the tender's region commits to the draw's secret by its SM3 ({@code secretHash}, 64 hex digits),
     * logged under their account, strictly before the draw time. The secret stays on the supervisor's machine until
     * the reveal ({@link DrawRuns#reveal}).
     */
    @Transactional
    public DrawView commit(UUID drawId, String secretHash, CurrentUser user) {
        DrawStore.Row draw = store.lock(drawId);
        if (!queries.isTheSupervisor(draw.regionCode(), user)) {
            throw new DomainException(ExpertsError.NOT_THE_SUPERVISOR);
        }
        if (draw.status() != DrawStatus.REQUESTED) {
            throw new DomainException(ExpertsError.DRAW_STATE, draw.status());
        }
        if (!queries.commitmentStillOpen(draw.drawAt())) {
            throw new DomainException(ExpertsError.DRAW_STATE, "LATE");
        }
        String hash = DrawRequestCheck.hex64(secretHash)
                .orElseThrow(() -> new DomainException(ExpertsError.SECRET_HASH_INVALID));
        LogEntry entry = log.append(AuditRecord.of("experts.draw.committed", drawId.toString(), draw.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "secretHash", hash)));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'SCHEDULED', secret_hash = :hash,
                    commitment_seq = :seq, committed_by = :by, version = version + 1 WHERE id = :id""")
                .param("hash", hash).param("seq", entry.seq()).param("by", user.username()).param("id", drawId).update();
        return queries.view(drawId);
    }
}
