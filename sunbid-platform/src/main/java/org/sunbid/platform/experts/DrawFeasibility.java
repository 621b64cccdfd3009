package org.sunbid.platform.experts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Whether a draw can be met: the avoidance rules ({@link Eligibility}, {@link AvoidanceRule}) applied to the pool
 * regions' experts, and Hall's condition over the requested specialties ({@link Eligibility#shortfall}). Checked at the
 * request, again when bidding closes (the bidders' employers then count) and at the draw.
 */
@Component
class DrawFeasibility {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final DrawStore store;
    private final Experts experts;
    private final ExpertPool pool;
    private final Tenders tenders;
    private final Registrations registrations;
    private final AuditLog log;
    private final org.sunbid.platform.credit.CreditChecks credit;
    private final java.time.Clock clock;

    DrawFeasibility(JdbcClient jdbc, DrawStore store, Experts experts, ExpertPool pool, Tenders tenders, Registrations registrations,
            AuditLog log, org.sunbid.platform.credit.CreditChecks credit, java.time.Clock clock) {
        this.credit = credit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.store = store;
        this.experts = experts;
        this.pool = pool;
        this.tenders = tenders;
        this.registrations = registrations;
        this.log = log;
    }

    /**
     * The eligible pools per specialty and who was avoided why. {@code withBidders}: whether the bidders' employers are
     * avoided (only once registrations are disclosed); {@code excludeDraw}: the draw itself, whose sittings do not count.
     */
    Eligibility.Pools pools(TenderView tender, List<SpecialtyCount> specialties, List<String> poolRegions,
            List<String> manual, Instant start, DrawPolicy policy, boolean withBidders, UUID excludeDraw) {
        Set<UUID> bidders = withBidders ? registrations.registrantsForConflictCheck(tender.id()) : Set.of();
        List<String> codes = specialties.stream().map(SpecialtyCount::code).toList();
        Sittings sittings = sittings(start, tender.tendereeId(), policy, excludeDraw);
        List<Eligibility.Candidate> candidates = pool.candidates(codes, poolRegions, start).stream()
                .map(c -> {
                    String index = store.expertIndex(c.id());
                    return c.withSittings(sittings.inMonth(index), sittings.withTenderee(index));
                }).toList();
        Eligibility.Conflicts conflicts = new Eligibility.Conflicts(tender.tendereeId(), tender.agencyId(), bidders,
                manual.stream().map(UUID::fromString).collect(Collectors.toSet()),
                creditBarred(candidates.stream().map(Eligibility.Candidate::id).toList(), clock.instant()));
        return Eligibility.pools(codes, candidates, conflicts, policy, start);
    }

    /**
     * Issue 20: the experts among {@code experts} whose own credit record bars them from draws at {@code at}
     * ({@code Gate.EXPERT_DRAW}, the draw's own time).
     */
    Set<UUID> creditBarred(List<UUID> experts, Instant at) {
        return creditVerdict(experts, at).barredBy().stream().map(r -> UUID.fromString(r.subject().key()))
                .collect(Collectors.toSet());
    }

    /** The verdict over {@code experts} at the expert draw's gate at {@code at}. */
    org.sunbid.platform.credit.CreditVerdict creditVerdict(java.util.Collection<UUID> experts, Instant at) {
        return credit.check(org.sunbid.platform.credit.Gate.EXPERT_DRAW,
                experts.stream().map(org.sunbid.platform.credit.CreditSubject::expert).toList(), at);
    }

    /** The pools of a stored draw, with the bidders' employers avoided. */
    Eligibility.Pools pools(DrawStore.Row draw) {
        TenderView tender = tenders.findPublished(draw.tenderId()).orElseThrow();
        return pools(tender, draw.specialties(), draw.poolRegions(), draw.manual(), draw.evaluationStart(),
                experts.policyFor(draw.regionCode()), true, draw.id());
    }

    /** DRAW_POOL_SHORT with the shortfall named when the pools cannot seat the request. */
    void refuseShortfall(List<SpecialtyCount> specialties, Eligibility.Pools pools) {
        shortfall(specialties, pools).ifPresent(message -> {
            throw new DomainException(ExpertsError.DRAW_POOL_SHORT, message);
        });
    }

    /** The shortfall in words (which specialties, how many needed, how many eligible), if the pools fall short. */
    Optional<String> shortfall(List<SpecialtyCount> specialties, Eligibility.Pools pools) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        specialties.forEach(s -> counts.put(s.code(), s.count()));
        return Eligibility.shortfall(counts, pools.eligible()).map(s -> {
            Map<String, String> names = pool.specialtyNames();
            List<String> labels = s.specialties().stream().map(c -> c + " " + names.getOrDefault(c, "")).toList();
            return String.join("、", labels) + "：需 " + s.needed() + " 名，符合条件的仅 " + s.available() + " 名";
        });
    }

    /** The draw cannot be met: SHORT, logged with the shortfall. */
    void markShort(DrawStore.Row draw, String message) {
        store.markShort(draw.id(), message);
        log.record(AuditRecord.of("experts.draw.short", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "shortfall", message)));
    }

    /**
     * Rechecks the requests on a tender when bidding closes and its bidders' employers count. Runs after tendering has
     * committed the close (the disclosed registrations are only visible then), in its own transaction, recorded in the
     * event publication registry so a crash in between re-runs it on restart; marking a draw SHORT twice is not
     * possible (only REQUESTED and SCHEDULED draws are checked, under their lock).
     */
    @ApplicationModuleListener
    void on(BiddingClosed closed) {
        List<UUID> pending = jdbc.sql("""
                SELECT id FROM expert_draw WHERE tender_id = :t AND status IN ('REQUESTED', 'SCHEDULED')""")
                .param("t", closed.tenderId()).query(UUID.class).list();
        for (UUID id : pending) {
            DrawStore.Row draw = store.lock(id);
            if (draw.status() == DrawStatus.REQUESTED || draw.status() == DrawStatus.SCHEDULED) {
                shortfall(draw.specialties(), pools(draw)).ifPresent(m -> markShort(draw, m));
            }
        }
    }

    private record Sittings(Map<String, Integer> month, Map<String, Integer> tenderee) {
        int inMonth(String index) {
            return month.getOrDefault(index, 0);
        }

        int withTenderee(String index) {
            return tenderee.getOrDefault(index, 0);
        }
    }

    /** Confirmed sittings per expert (by index) in the evaluation's month and with this tenderee in the window. */
    private Sittings sittings(Instant start, UUID tendereeId, DrawPolicy policy, UUID excludeDraw) {
        YearMonth month = YearMonth.from(start.atZone(BEIJING));
        Instant monthStart = month.atDay(1).atStartOfDay(BEIJING).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(BEIJING).toInstant();
        Instant windowStart = start.minus(Duration.ofDays(policy.tendereeWindowDays()));
        Instant from = windowStart.isBefore(monthStart) ? windowStart : monthStart;
        Map<String, Integer> inMonth = new HashMap<>();
        Map<String, Integer> withTenderee = new HashMap<>();
        jdbc.sql("""
                SELECT c.expert_index, d.evaluation_start, d.tenderee_id FROM expert_draw_contact c
                JOIN expert_draw d ON d.id = c.draw_id
                WHERE c.outcome = 'ACCEPTED' AND d.status <> 'CANCELLED' AND d.id <> :self
                AND d.evaluation_start >= :from AND d.evaluation_start < :to""")
                .param("self", excludeDraw == null ? new UUID(0, 0) : excludeDraw).param("from", DrawStore.utc(from))
                .param("to", DrawStore.utc(monthEnd.isAfter(start) ? monthEnd : start))
                .query((rs, i) -> {
                    String index = rs.getString(1);
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    if (!at.isBefore(monthStart) && at.isBefore(monthEnd)) {
                        inMonth.merge(index, 1, Integer::sum);
                    }
                    if (tendereeId.equals(rs.getObject(3, UUID.class)) && !at.isBefore(windowStart) && at.isBefore(start)) {
                        withTenderee.merge(index, 1, Integer::sum);
                    }
                    return null;
                }).list();
        return new Sittings(inMonth, withTenderee);
    }
}
