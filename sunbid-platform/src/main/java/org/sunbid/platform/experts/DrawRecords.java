package org.sunbid.platform.experts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The draw's public record (公示): once the evaluation is under way and every member has signed in
 * ({@link DrawPublication}), the secret, the seed, the pools, who was avoided why and every contact are published in a
 * log entry, from which {@code sunbid-verifier verify-draw} recomputes the committee.
 */
@Service
class DrawRecords {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Tenders tenders;
    private final DrawStore store;
    private final DrawVault vault;
    private final DrawQueries queries;

    DrawRecords(JdbcClient jdbc, Clock clock, AuditLog log, Tenders tenders, DrawStore store, DrawVault vault,
            DrawQueries queries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.tenders = tenders;
        this.store = store;
        this.vault = vault;
        this.queries = queries;
    }

    /** Publishes the record as centre staff, a supervisor or an administrator who may inspect the tender. */
    @Transactional
    public DrawView publish(UUID drawId, CurrentUser user) {
        DrawStore.Row draw = store.lock(drawId);
        if (!(user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR || user.role() == Role.ADMINISTRATOR)
                || !tenders.mayInspect(draw.tenderId(), user)) {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId);
        }
        return publish(draw, user.actor());
    }

    /** Whether the draw's record may be published now (the rule {@link #publish} enforces). */
    boolean mayPublish(UUID drawId) {
        DrawStore.Row draw = store.get(drawId);
        return publication(draw, store.contacts(drawId)).allowed(clock.instant());
    }

    /** Publishes the record as the platform (after the evaluation ends, for the evaluation context). */
    @Transactional
    public DrawView publishAfterEvaluation(UUID drawId) {
        DrawStore.Row draw = store.lock(drawId);
        return draw.status() == DrawStatus.PUBLISHED ? queries.view(drawId) : publish(draw, Actor.SYSTEM);
    }

    private static DrawPublication publication(DrawStore.Row draw, List<DrawStore.ContactRow> contacts) {
        int accepted = (int) contacts.stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED).count();
        int signedIn = (int) contacts.stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED && c.signedInAt() != null)
                .count();
        return new DrawPublication(draw.status(), draw.evaluationStart(), accepted, signedIn);
    }

    private DrawView publish(DrawStore.Row draw, Actor actor) {
        List<DrawStore.ContactRow> contacts = store.contacts(draw.id());
        publication(draw, contacts).refusal(clock.instant()).ifPresent(why -> {
            throw new DomainException(ExpertsError.DRAW_STATE, why);
        });
        for (DrawStore.ContactRow c : contacts) {
            jdbc.sql("UPDATE expert_draw_contact SET revealed_expert_id = :e WHERE id = :id")
                    .param("e", store.expertOf(draw.id(), c)).param("id", c.id()).update();
        }
        Map<String, Object> record = recordOf(draw, contacts);
        LogEntry entry = log.append(AuditRecord.of("experts.draw.published", draw.id().toString(), draw.regionCode(),
                actor, record));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'PUBLISHED', published_at = :now, published_seq = :seq,
                    version = version + 1 WHERE id = :id""")
                .param("now", DrawStore.utc(clock.instant())).param("seq", entry.seq()).param("id", draw.id()).update();
        return queries.view(draw.id());
    }

    /** The published draw record (public), from which {@code sunbid-verifier verify-draw} recomputes the committee. */
    Map<String, Object> record(UUID drawId) {
        DrawStore.Row draw = store.get(drawId);
        if (draw.status() != DrawStatus.PUBLISHED) {
            throw new DomainException(ExpertsError.DRAW_NOT_PUBLISHED);
        }
        return recordOf(draw, store.contacts(drawId));
    }

    /** The record's fields in the order the verifier reads them (signed into the log as canonical JSON). */
    private Map<String, Object> recordOf(DrawStore.Row draw, List<DrawStore.ContactRow> contacts) {
        byte[] secret = vault.open(draw.secretSealed(), "secret:" + draw.id());
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(draw.headRoot()), draw.id().toString());
        TenderView tender = tenders.findPublished(draw.tenderId()).orElseThrow();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("drawId", draw.id().toString());
        record.put("tenderId", draw.tenderId().toString());
        record.put("projectCode", tender.terms().projectCode());
        record.put("secretHash", draw.secretHash());
        record.put("commitmentSeq", draw.commitmentSeq());
        record.put("poolHash", draw.poolHash());
        record.put("poolSeq", draw.poolSeq());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("size", draw.headSize());
        head.put("rootHash", draw.headRoot());
        head.put("timestamp", draw.headTimestamp().toString());
        head.put("signature", draw.headSignature());
        record.put("head", head);
        if (draw.revealedSeq() != null) { // drawn before supervisors revealed their own secrets: no such entry
            record.put("revealedSeq", draw.revealedSeq());
        }
        record.put("secret", HexFormat.of().formatHex(secret));
        record.put("seed", HexFormat.of().formatHex(seed));
        record.put("specialties", DrawStore.poolJson(draw.pool()));
        record.put("avoided", DrawStore.readJson(draw.avoidedJson()));
        List<Object> contactList = new ArrayList<>();
        List<Object> committee = new ArrayList<>();
        for (DrawStore.ContactRow c : contacts) {
            String expert = store.expertOf(draw.id(), c).toString();
            contactList.add(Map.of("specialty", c.specialty(), "expertId", expert, "outcome", c.outcome().name()));
            if (c.outcome() == DrawWalk.Outcome.ACCEPTED) {
                committee.add(Map.of("specialty", c.specialty(), "expertId", expert));
            }
        }
        record.put("contacts", contactList);
        record.put("committee", committee);
        return record;
    }
}
