package org.sunbid.platform.experts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.Tenders;

/**
 * Rating a committee member's conduct after the evaluation (评价): the tender's owners rate as the tenderee's side,
 * centre staff as the centre; once per side and member. Violations feed the region's status rule
 * ({@link Experts#applyConductRules}).
 */
@Service
class DrawRatings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Tenders tenders;
    private final Experts experts;
    private final DrawStore store;

    DrawRatings(JdbcClient jdbc, Clock clock, AuditLog log, Tenders tenders, Experts experts, DrawStore store) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.tenders = tenders;
        this.experts = experts;
        this.store = store;
    }

    @Transactional
    public void rate(UUID drawId, UUID expertId, int score, List<Violation> violations, String note, CurrentUser user) {
        DrawStore.Row draw = store.lock(drawId);
        String side;
        if (tenders.owns(draw.tenderId(), user)) {
            side = "TENDEREE";
        } else if (user.role() == Role.CENTRE_STAFF && tenders.mayInspect(draw.tenderId(), user)) {
            side = "CENTRE";
        } else {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId);
        }
        if (draw.status() != DrawStatus.PUBLISHED) {
            throw new DomainException(ExpertsError.DRAW_STATE, draw.status());
        }
        boolean member = store.contacts(drawId).stream()
                .anyMatch(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED && expertId.equals(c.revealedExpertId()));
        if (!member || score < 1 || score > 5 || (note != null && note.length() > 500)) {
            throw new DomainException(ExpertsError.RATING_INVALID);
        }
        List<String> codes = (violations == null ? List.<Violation>of() : violations).stream().distinct()
                .map(Violation::name).sorted().toList();
        int inserted = jdbc.sql("""
                INSERT INTO expert_rating (id, draw_id, expert_id, rater_role, rated_by, score, violations, note, rated_at)
                VALUES (:id, :d, :e, :side, :by, :score, :v, :note, :now) ON CONFLICT (draw_id, expert_id, rater_role) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("d", drawId).param("e", expertId).param("side", side)
                .param("by", user.username()).param("score", score).param("v", CanonicalJson.write(codes))
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("now", DrawStore.utc(clock.instant())).update();
        if (inserted == 0) {
            throw new DomainException(ExpertsError.RATING_EXISTS);
        }
        log.record(AuditRecord.of("experts.expert.rated", expertId.toString(), draw.regionCode(), user.actor(),
                Map.of("drawId", drawId.toString(), "side", side, "score", (long) score, "violations", codes)));
        experts.applyConductRules(expertId);
    }
}
