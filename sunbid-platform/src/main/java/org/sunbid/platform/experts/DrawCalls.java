package org.sunbid.platform.experts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.experts.ExpertDraws.ReplyAnswer;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calling the drawn experts (通知): each contact is recorded with the expert sealed and called through the
 * {@link Notifier} with a fresh reply code; the gateway's signed replies confirm or decline; a decline or silence past
 * the reply time is replaced by the next expert of the same ranking ({@link DrawWalk#next}); when every place is
 * confirmed the draw is COMPLETE and {@link ExpertsDrawn} is published.
 */
@Service
class DrawCalls {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BEIJING);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Experts experts;
    private final ExpertPool pool;
    private final DrawStore store;
    private final DrawVault vault;
    private final DrawFeasibility feasibility;
    private final ObjectProvider<Notifier> notifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DrawCalls(JdbcClient jdbc, Clock clock, AuditLog log, Experts experts, ExpertPool pool, DrawStore store, DrawVault vault,
            DrawFeasibility feasibility, ObjectProvider<Notifier> notifier, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.experts = experts;
        this.pool = pool;
        this.store = store;
        this.vault = vault;
        this.feasibility = feasibility;
        this.notifier = notifier;
        this.events = events;
        this.tx = tx;
    }

    /** The notifier, or NOTIFIER_MISSING: a draw must not run when nobody can be called. */
    Notifier notifier() {
        Notifier gateway = notifier.getIfAvailable();
        if (gateway == null) {
            throw new DomainException(ExpertsError.NOTIFIER_MISSING);
        }
        return gateway;
    }

    /** The draw's rankings, seeded by SM3(secret ‖ head root ‖ draw id) once the secret is revealed. */
    DrawWalk walk(DrawStore.Row draw) {
        byte[] secret = vault.open(draw.secretSealed(), "secret:" + draw.id());
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(draw.headRoot()), draw.id().toString());
        return new DrawWalk(seed, draw.pool());
    }

    /** Records a contact (the expert sealed) and calls the expert with a fresh reply code. */
    void contact(DrawStore.Row draw, int position, String specialty, UUID expertId, DrawPolicy policy) {
        String phone = pool.phoneOf(expertId);
        Instant now = clock.instant();
        Instant due = now.plus(policy.replyTimeout());
        String code;
        String replyIndex;
        do {
            code = String.format("%06d", RANDOM.nextInt(1_000_000));
            replyIndex = store.replyIndex(phone, code);
        } while (jdbc.sql("SELECT count(*) FROM expert_draw_contact WHERE reply_index = :r").param("r", replyIndex)
                .query(Long.class).single() > 0);
        jdbc.sql("""
                INSERT INTO expert_draw_contact (id, draw_id, position, specialty_code, expert_sealed, expert_index,
                    reply_index, outcome, notified_at, answer_due)
                VALUES (:id, :d, :p, :s, :sealed, :index, :reply, 'PENDING', :now, :due)""")
                .param("id", UUID.randomUUID()).param("d", draw.id()).param("p", position).param("s", specialty)
                .param("sealed", vault.seal(expertId.toString().getBytes(StandardCharsets.UTF_8), "contact:" + draw.id()))
                .param("index", store.expertIndex(expertId)).param("reply", replyIndex).param("now", DrawStore.utc(now))
                .param("due", DrawStore.utc(due)).update();
        notifier.getObject().send(phone, "【阳光交易】您已被随机抽取为评标专家。评标时间：" + WHEN.format(draw.evaluationStart())
                + "，地点：" + draw.venue() + "。确认参加请回复“1 " + code + "”，不能参加请回复“2 " + code + "”，请于 "
                + WHEN.format(due) + " 前答复，逾期视为不参加。项目信息在签到后告知，请勿向他人透露。");
    }

    /**
     * A reply relayed by the gateway: {@code body} is the exact JSON it signed ({phone, text, receivedAt}) and
     * {@code signature} its base64 SM3withSM2 signature.
     */
    @Transactional
    public ReplyAnswer reply(byte[] body, String signature) {
        Notifier gateway = notifier();
        boolean signed;
        try {
            signed = signature != null && Sm2.verify(gateway.certificate().getPublicKey(), body,
                    Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException e) {
            signed = false;
        }
        if (!signed) {
            throw new DomainException(ExpertsError.REPLY_NOT_SIGNED);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            return ReplyAnswer.UNREADABLE;
        }
        String phone = json.path("phone").asString("");
        Optional<ExpertReply> reply = ExpertReply.parse(json.path("text").asString(""));
        if (phone.isEmpty() || reply.isEmpty()) {
            return ReplyAnswer.UNREADABLE;
        }
        String replyIndex = store.replyIndex(phone, reply.get().code());
        Optional<UUID> found = store.drawOfReply(replyIndex);
        if (found.isEmpty()) {
            return ReplyAnswer.UNKNOWN_CODE;
        }
        DrawStore.Row draw = store.lock(found.get());
        DrawStore.ContactRow contact = store.contacts(draw.id()).stream().filter(c -> c.replyIndex().equals(replyIndex))
                .findFirst().orElseThrow();
        if (contact.outcome() != DrawWalk.Outcome.PENDING) {
            return ReplyAnswer.ALREADY_ANSWERED;
        }
        if (!clock.instant().isBefore(contact.answerDue()) || draw.status() != DrawStatus.NOTIFYING) {
            return ReplyAnswer.EXPIRED;
        }
        settle(draw, contact, reply.get().outcome());
        return ReplyAnswer.RECORDED;
    }

    /** Marks unanswered notices past their reply time as no answer and draws their replacements. */
    @Scheduled(fixedDelayString = "${sunbid.experts.reply-check-interval:PT15S}")
    public int expireDue() {
        List<UUID> draws = jdbc.sql("""
                SELECT DISTINCT c.draw_id FROM expert_draw_contact c JOIN expert_draw d ON d.id = c.draw_id
                WHERE c.outcome = 'PENDING' AND c.answer_due <= :now AND d.status = 'NOTIFYING'""")
                .param("now", DrawStore.utc(clock.instant())).query(UUID.class).list();
        int expired = 0;
        for (UUID id : draws) {
            Integer n = tx.execute(s -> {
                DrawStore.Row draw = store.lock(id);
                int count = 0;
                for (DrawStore.ContactRow c : store.contacts(id)) {
                    if (draw.status() == DrawStatus.NOTIFYING && c.outcome() == DrawWalk.Outcome.PENDING
                            && !clock.instant().isBefore(c.answerDue())) {
                        settle(draw, c, DrawWalk.Outcome.NO_ANSWER);
                        draw = store.lock(id);
                        count++;
                    }
                }
                return count;
            });
            expired += n == null ? 0 : n;
        }
        return expired;
    }

    private void settle(DrawStore.Row draw, DrawStore.ContactRow contact, DrawWalk.Outcome outcome) {
        jdbc.sql("UPDATE expert_draw_contact SET outcome = :o, answered_at = :now WHERE id = :id")
                .param("o", outcome.name()).param("now", DrawStore.utc(clock.instant())).param("id", contact.id()).update();
        log.record(AuditRecord.of("experts.draw.replied", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "position", (long) contact.position(),
                        "specialty", contact.specialty(), "outcome", outcome.name())));
        if (outcome != DrawWalk.Outcome.ACCEPTED) {
            replace(draw, contact.specialty());
        }
        completeIfFull(draw.id());
    }

    private void replace(DrawStore.Row draw, String specialty) {
        List<DrawStore.ContactRow> contacts = store.contacts(draw.id());
        Set<String> contacted = new HashSet<>();
        contacts.forEach(c -> contacted.add(store.expertOf(draw.id(), c).toString()));
        Optional<String> next = walk(draw).next(specialty, contacted);
        if (next.isEmpty()) {
            feasibility.markShort(draw, pool.specialtyNames().getOrDefault(specialty, specialty) + "：可抽取的专家已用尽，尚缺 1 名");
            return;
        }
        int position = contacts.stream().mapToInt(DrawStore.ContactRow::position).max().orElse(0) + 1;
        contact(draw, position, specialty, UUID.fromString(next.get()), experts.policyFor(draw.regionCode()));
        log.record(AuditRecord.of("experts.draw.replacement", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "position", (long) position, "specialty", specialty)));
    }

    private void completeIfFull(UUID drawId) {
        DrawStore.Row draw = store.lock(drawId);
        if (draw.status() != DrawStatus.NOTIFYING) {
            return;
        }
        Map<String, Integer> accepted = new HashMap<>();
        store.contacts(drawId).stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED)
                .forEach(c -> accepted.merge(c.specialty(), 1, Integer::sum));
        boolean full = draw.specialties().stream().allMatch(s -> accepted.getOrDefault(s.code(), 0) >= s.count());
        if (!full) {
            return;
        }
        int members = accepted.values().stream().mapToInt(i -> i).sum();
        jdbc.sql("UPDATE expert_draw SET status = 'COMPLETE', completed_at = :now, version = version + 1 WHERE id = :id")
                .param("now", DrawStore.utc(clock.instant())).param("id", drawId).update();
        log.record(AuditRecord.of("experts.draw.completed", drawId.toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", drawId.toString(), "members", (long) members,
                        "representatives", (long) draw.representatives())));
        events.publishEvent(new ExpertsDrawn(drawId, draw.tenderId(), draw.evaluationStart(), members,
                draw.representatives()));
    }
}
