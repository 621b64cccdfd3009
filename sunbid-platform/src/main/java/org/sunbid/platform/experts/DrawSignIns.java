package org.sunbid.platform.experts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The sign-in at the evaluation (签到): a confirmed member signs {@link ExpertDraws#challenge} with their personal
 * certificate, which reveals who they are; the seated committee is what the evaluation context asks for.
 */
@Service
class DrawSignIns {

    /** Signing in is possible from the draw time until this long after the evaluation's start. */
    static final Duration SIGN_IN_AFTER_START = Duration.ofHours(12);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Experts experts;
    private final ExpertPool pool;
    private final Accounts accounts;
    private final DrawStore store;
    private final DrawQueries queries;

    DrawSignIns(JdbcClient jdbc, Clock clock, AuditLog log, Experts experts, ExpertPool pool, Accounts accounts, DrawStore store,
            DrawQueries queries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.experts = experts;
        this.pool = pool;
        this.accounts = accounts;
        this.store = store;
        this.queries = queries;
    }

    /**
     * A confirmed member signs in at the evaluation with their certificate: the signature over the challenge must
     * verify with the expert's personal certificate in force. Signing in reveals the name.
     */
    @Transactional
    public MyDraw signIn(UUID drawId, String signature, CurrentUser user) {
        Experts.ExpertProfile profile = experts.ofAccount(user.accountId())
                .orElseThrow(() -> new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED));
        DrawStore.Row draw = store.lock(drawId);
        String index = store.expertIndex(profile.id());
        DrawStore.ContactRow contact = store.contacts(drawId).stream()
                .filter(c -> c.expertIndex().equals(index) && c.outcome() == DrawWalk.Outcome.ACCEPTED).findFirst()
                .orElseThrow(() -> new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED));
        Instant now = clock.instant();
        if (draw.status() != DrawStatus.COMPLETE || now.isBefore(draw.drawAt())
                || now.isAfter(draw.evaluationStart().plus(SIGN_IN_AFTER_START))) {
            throw new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED);
        }
        if (contact.signedInAt() == null) {
            if (pool.signedByAccount(user.accountId(), ExpertDraws.challenge(drawId, user.username()), signature).isEmpty()) {
                throw new DomainException(ExpertsError.SIGN_IN_INVALID);
            }
            jdbc.sql("UPDATE expert_draw_contact SET signed_in_at = :now, revealed_expert_id = :e WHERE id = :id")
                    .param("now", DrawStore.utc(now)).param("e", profile.id()).param("id", contact.id()).update();
            log.record(AuditRecord.of("experts.draw.signed-in", drawId.toString(), draw.regionCode(), user.actor(),
                    Map.of("drawId", drawId.toString(), "position", (long) contact.position(), "expertId",
                            profile.id().toString(), "name", user.displayName(), "specialty", contact.specialty())));
        }
        return queries.mine(user).stream().filter(d -> d.drawId().equals(drawId)).findFirst().orElseThrow();
    }

    /**
     * The tender's committee at the evaluation (for the evaluation context): its newest complete or published draw,
     * with the experts who have signed in. Empty while no draw of the tender is complete.
     */
    public Optional<SeatedCommittee> seated(UUID tenderId) {
        record Completed(UUID drawId, Instant evaluationStart) {
        }
        record SignedIn(UUID expertId, UUID accountId, String specialty, Instant at) {
        }
        return jdbc.sql("""
                SELECT id, evaluation_start FROM expert_draw WHERE tender_id = :t AND status IN ('COMPLETE', 'PUBLISHED')
                ORDER BY requested_at DESC LIMIT 1""").param("t", tenderId)
                .query((rs, i) -> new Completed(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional().map(draw -> {
                    int accepted = jdbc.sql("SELECT COUNT(*) FROM expert_draw_contact WHERE draw_id = :d AND outcome = 'ACCEPTED'")
                            .param("d", draw.drawId()).query(Integer.class).single();
                    List<SignedIn> signedIn = jdbc.sql("""
                            SELECT x.id, x.account_id, s.name, c.signed_in_at
                            FROM expert_draw_contact c JOIN expert x ON x.id = c.revealed_expert_id
                            JOIN specialty s ON s.code = c.specialty_code
                            WHERE c.draw_id = :d AND c.outcome = 'ACCEPTED' AND c.signed_in_at IS NOT NULL
                            ORDER BY c.position""").param("d", draw.drawId())
                            .query((rs, i) -> new SignedIn(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                    rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant()))
                            .list();
                    Map<UUID, Accounts.AccountName> names = accounts.names(signedIn.stream().map(SignedIn::accountId).toList())
                            .stream().collect(Collectors.toMap(Accounts.AccountName::id, Function.identity()));
                    List<SeatedCommittee.Member> members = signedIn.stream().map(s -> {
                        Accounts.AccountName a = names.get(s.accountId());
                        return new SeatedCommittee.Member(s.expertId(), s.accountId(), a.username(), a.displayName(),
                                s.specialty(), s.at());
                    }).toList();
                    return new SeatedCommittee(draw.drawId(), draw.evaluationStart(), accepted, members);
                });
    }
}
