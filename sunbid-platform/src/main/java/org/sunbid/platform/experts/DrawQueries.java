package org.sunbid.platform.experts;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * What each party sees of the draws (read-only): the tender's owners, the region's staff and supervisors see a draw's
 * counts and states ({@link DrawView}, never who was drawn before the sign-in), an expert their own notices
 * ({@link MyDraw}), everyone the published records; and the to-do lists of supervisors and experts.
 */
@Service
class DrawQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DrawStore store;
    private final Tenders tenders;
    private final Regions regions;
    private final Experts experts;
    private final ExpertPool pool;

    DrawQueries(JdbcClient jdbc, Clock clock, DrawStore store, Tenders tenders, Regions regions, Experts experts, ExpertPool pool) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.tenders = tenders;
        this.regions = regions;
        this.experts = experts;
        this.pool = pool;
    }

    /** A draw as its tender's owners, the region's staff and supervisors may see it. */
    DrawView get(UUID drawId, CurrentUser user) {
        DrawStore.Row draw = store.get(drawId);
        if (!tenders.mayInspect(draw.tenderId(), user)) {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId);
        }
        return view(drawId);
    }

    /** The draws of a tender, newest first, for its owners and the region's staff and supervisors. */
    List<DrawView> ofTender(UUID tenderId, CurrentUser user) {
        tenders.get(tenderId, user);
        if (!tenders.mayInspect(tenderId, user)) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM expert_draw WHERE tender_id = :t ORDER BY requested_at DESC, id")
                .param("t", tenderId).query(UUID.class).list().stream().map(this::view).toList();
    }

    /** Whether {@code user} is a supervisor of the draw's region, who commits to and reveals its secret. */
    boolean isTheSupervisor(String drawRegion, CurrentUser user) {
        return user.role() == Role.SUPERVISOR && regions.isWithin(drawRegion, user.regionCode());
    }

    /** Whether a commitment may still be made: strictly before the draw time. */
    boolean commitmentStillOpen(Instant drawAt) {
        return drawAt.isAfter(clock.instant());
    }

    /**
     * The draws waiting for the signed-in supervisor, soonest first: those requested and awaiting the commitment to a
     * secret (until the draw time) and those whose pool is fixed and await the secret's reveal. A supervisor's to-do.
     */
    List<DrawView> awaitingSupervisor(CurrentUser user) {
        if (user.role() != Role.SUPERVISOR) {
            return List.of();
        }
        record Waiting(UUID id, String regionCode, DrawStatus status, Instant drawAt) {
        }
        return jdbc.sql("SELECT id, region_code, status, draw_at FROM expert_draw"
                        + " WHERE status IN ('REQUESTED', 'AWAITING_SECRET') ORDER BY draw_at")
                .query((rs, i) -> new Waiting(rs.getObject(1, UUID.class), rs.getString(2),
                        DrawStatus.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list().stream()
                .filter(w -> isTheSupervisor(w.regionCode(), user))
                .filter(w -> w.status() != DrawStatus.REQUESTED || commitmentStillOpen(w.drawAt()))
                .map(w -> view(w.id())).toList();
    }

    /** The draws that contacted the signed-in expert, newest first. */
    List<MyDraw> mine(CurrentUser user) {
        Experts.ExpertProfile profile = experts.ofAccount(user.accountId()).orElse(null);
        if (profile == null) {
            return List.of();
        }
        String index = store.expertIndex(profile.id());
        return jdbc.sql("""
                SELECT d.id, d.evaluation_start, d.evaluation_venue, d.tender_id, s.name, c.outcome, c.answer_due, c.signed_in_at
                FROM expert_draw_contact c JOIN expert_draw d ON d.id = c.draw_id JOIN specialty s ON s.code = c.specialty_code
                WHERE c.expert_index = :i ORDER BY d.evaluation_start DESC, d.requested_at DESC, d.id, c.position""")
                .param("i", index)
                .query((rs, i) -> {
                    UUID drawId = rs.getObject("id", UUID.class);
                    OffsetDateTime signedIn = rs.getObject("signed_in_at", OffsetDateTime.class);
                    TenderView tender = signedIn == null ? null : tenders.findPublished(rs.getObject("tender_id", UUID.class)).orElse(null);
                    return new MyDraw(drawId, rs.getObject("evaluation_start", OffsetDateTime.class).toInstant(),
                            rs.getString("evaluation_venue"), rs.getString("name"),
                            DrawWalk.Outcome.valueOf(rs.getString("outcome")),
                            rs.getObject("answer_due", OffsetDateTime.class).toInstant(),
                            signedIn == null ? null : signedIn.toInstant(), tender == null ? null : tender.id(),
                            tender == null ? null : tender.terms().projectCode(), tender == null ? null : tender.terms().name(),
                            ExpertDraws.challenge(drawId, user.username()));
                }).list();
    }

    /**
     * The signed-in expert's draws that wait for them: a notice to answer before its answer time, or, once accepted, the
     * sign-in at the evaluation (until the evaluation has begun). An expert's to-do.
     */
    List<MyDraw> awaitingExpert(CurrentUser user) {
        Instant now = clock.instant();
        return mine(user).stream().filter(d -> (d.outcome() == DrawWalk.Outcome.PENDING && d.answerDue().isAfter(now))
                || (d.outcome() == DrawWalk.Outcome.ACCEPTED && d.signedInAt() == null && d.evaluationStart().isAfter(now)))
                .toList();
    }

    /** Draws in the caller's region subtree (staff, supervisors), newest evaluation first. */
    List<DrawView> inMyRegion(CurrentUser user) {
        if (!(user.seesRegionSubtree() || user.seesAllRegions())) {
            return List.of();
        }
        record InRegion(UUID id, String regionCode) {
        }
        return jdbc.sql("SELECT id, region_code FROM expert_draw ORDER BY evaluation_start DESC, requested_at DESC, id LIMIT 200")
                .query((rs, i) -> new InRegion(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .filter(r -> user.seesAllRegions() || regions.isWithin(r.regionCode(), user.regionCode()))
                .map(r -> view(r.id())).toList();
    }

    /** The published draw records, newest first (public). */
    List<DrawView> published(int limit) {
        return jdbc.sql("SELECT id FROM expert_draw WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id LIMIT :n")
                .param("n", Math.max(1, Math.min(limit, 200))).query(UUID.class).list().stream()
                .map(this::view).toList();
    }

    /** One published draw (public), its committee by name. */
    DrawView publishedView(UUID drawId) {
        DrawStore.Row draw = store.get(drawId);
        if (draw.status() != DrawStatus.PUBLISHED) {
            throw new DomainException(ExpertsError.DRAW_NOT_PUBLISHED);
        }
        return view(drawId);
    }

    /** The view of a draw, without an access check (the caller has made it). */
    DrawView view(UUID drawId) {
        DrawStore.Row d = store.find(drawId).orElseThrow();
        TenderView tender = tenders.findPublished(d.tenderId()).orElseThrow();
        List<DrawStore.ContactRow> contacts = store.contacts(drawId);
        Map<String, String> names = pool.specialtyNames();
        List<DrawView.SpecialtyProgress> progress = d.specialties().stream().map(s -> {
            int[] n = new int[4];
            contacts.stream().filter(c -> c.specialty().equals(s.code())).forEach(c -> n[c.outcome().ordinal()]++);
            return new DrawView.SpecialtyProgress(s.code(), names.getOrDefault(s.code(), s.code()), s.count(),
                    n[DrawWalk.Outcome.ACCEPTED.ordinal()], n[DrawWalk.Outcome.PENDING.ordinal()],
                    n[DrawWalk.Outcome.DECLINED.ordinal()], n[DrawWalk.Outcome.NO_ANSWER.ordinal()]);
        }).toList();
        List<DrawView.Member> members = new ArrayList<>();
        for (DrawStore.ContactRow c : contacts) {
            if (c.revealedExpertId() != null && c.outcome() == DrawWalk.Outcome.ACCEPTED && c.signedInAt() != null) {
                Experts.Person person = pool.person(c.revealedExpertId());
                members.add(new DrawView.Member(names.getOrDefault(c.specialty(), c.specialty()), c.revealedExpertId(),
                        person.name(), person.employer(), c.signedInAt()));
            }
        }
        Map<String, Integer> poolSizes = new LinkedHashMap<>();
        if (d.pool() != null) {
            d.pool().forEach(s -> poolSizes.put(s.code(), s.pool().size()));
        }
        Map<String, Integer> avoidedCounts = new TreeMap<>();
        if (d.avoidedJson() != null) {
            for (Object o : DrawStore.readJson(d.avoidedJson())) {
                avoidedCounts.merge(String.valueOf(((Map<?, ?>) o).get("rule")), 1, Integer::sum);
            }
        }
        return new DrawView(d.id(), d.tenderId(), tender.terms().projectCode(), tender.terms().name(), d.status(),
                d.evaluationStart(), d.venue(), d.drawAt(), d.representatives(), progress, d.poolRegions(),
                d.manual().size(), d.shortfall(), d.secretHash(), d.commitmentSeq(), d.poolHash(), d.poolSeq(),
                d.headSize(), d.headRoot(), poolSizes, avoidedCounts, members, d.publishedSeq());
    }
}
