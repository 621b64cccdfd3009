package org.sunbid.platform.experts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.SignedTreeHead;
import org.sunbid.platform.experts.ExpertDraws.SpecialtyCount;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The draw run: at the draw time the avoidance rules fix the eligible pool, its hash is logged and a tree head signed
 * over the log (pool and head fixed before anyone but the supervisor knows the secret); then the supervisor reveals
 * the secret, it is checked against the commitment, and the seed SM3(secret ‖ head root ‖ draw id) walks each
 * specialty's ranking ({@link DrawWalk}) to the first round of experts, who are called ({@link DrawCalls}).
 */
@Service
class DrawRuns {

    private static final Logger logger = LoggerFactory.getLogger(DrawRuns.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Experts experts;
    private final ExpertPool pool;
    private final DrawStore store;
    private final DrawVault vault;
    private final DrawFeasibility feasibility;
    private final DrawCalls calls;
    private final DrawQueries queries;
    private final TransactionTemplate tx;
    private final org.sunbid.platform.credit.CreditRefusals refusals;

    DrawRuns(JdbcClient jdbc, Clock clock, AuditLog log, Experts experts, ExpertPool pool, DrawStore store, DrawVault vault,
            DrawFeasibility feasibility, DrawCalls calls, DrawQueries queries, TransactionTemplate tx,
            org.sunbid.platform.credit.CreditRefusals refusals) {
        this.refusals = refusals;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.experts = experts;
        this.pool = pool;
        this.store = store;
        this.vault = vault;
        this.feasibility = feasibility;
        this.calls = calls;
        this.queries = queries;
        this.tx = tx;
    }

    /** Runs every committed draw whose time has come; each in its own transaction. Returns how many ran. */
    @Scheduled(fixedDelayString = "${sunbid.experts.draw-interval:PT20S}", initialDelayString = "${sunbid.experts.draw-interval:PT20S}")
    public int runDue() {
        List<UUID> due = jdbc.sql("SELECT id FROM expert_draw WHERE status = 'SCHEDULED' AND draw_at <= :now ORDER BY draw_at")
                .param("now", DrawStore.utc(clock.instant())).query(UUID.class).list();
        int ran = 0;
        for (UUID id : due) {
            try {
                tx.executeWithoutResult(s -> fixPool(id));
                ran++;
            } catch (RuntimeException e) {
                logger.error("draw {} could not run", id, e);
            }
        }
        return ran;
    }

    /** Fixes the pool and signs the head; the draw then awaits the supervisor's secret. */
    private void fixPool(UUID drawId) {
        DrawStore.Row draw = store.lock(drawId);
        if (draw.status() != DrawStatus.SCHEDULED) {
            return;
        }
        calls.notifier();
        Eligibility.Pools pools = feasibility.pools(draw);
        // issue 20: experts barred by their own credit record are avoided like blacklisted ones; the public entry counts
        // them (CREDIT_RESTRICTED in avoidedCounts) without naming anyone, the records' ids go into a confidential record
        List<UUID> creditAvoided = pools.avoided().entrySet().stream()
                .filter(e -> e.getValue() == AvoidanceRule.CREDIT_RESTRICTED).map(Map.Entry::getKey).toList();
        if (!creditAvoided.isEmpty()) {
            org.sunbid.platform.credit.CreditVerdict verdict = feasibility.creditVerdict(creditAvoided, clock.instant());
            if (verdict.barred()) {
                refusals.record(verdict, drawId.toString(), draw.regionCode(), Actor.SYSTEM);
            }
        }
        Optional<String> short_ = feasibility.shortfall(draw.specialties(), pools);
        if (short_.isPresent()) {
            feasibility.markShort(draw, short_.get());
            return;
        }
        List<DrawWalk.Specialty> specialties = draw.specialties().stream()
                .map(s -> new DrawWalk.Specialty(s.code(), s.count(), List.copyOf(pools.eligible().get(s.code())))).toList();
        String poolHash = DrawWalk.poolHash(specialties);
        Map<String, Object> sizes = new LinkedHashMap<>();
        specialties.forEach(s -> sizes.put(s.code(), (long) s.pool().size()));
        Map<String, Object> avoidedCounts = new TreeMap<>();
        pools.avoided().values().forEach(r -> avoidedCounts.merge(r.name(), 1L, (a, b) -> (Long) a + (Long) b));
        LogEntry poolEntry = log.append(AuditRecord.of("experts.draw.pool-fixed", drawId.toString(), draw.regionCode(),
                Actor.SYSTEM, Map.of("drawId", drawId.toString(), "poolHash", poolHash, "poolSizes", sizes,
                        "avoidedCounts", avoidedCounts)));
        // Signed over the log with the pool fixed (the pool cannot follow the head) and before the secret is revealed
        // (the head cannot follow the secret): the seed's inputs are fixed in this order, then the draw waits.
        SignedTreeHead head = log.signHead();
        List<Map<String, Object>> avoided = new ArrayList<>();
        pools.avoided().forEach((expert, rule) -> avoided.add(Map.of("expertId", expert.toString(), "rule", rule.name())));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'AWAITING_SECRET', pool_json = :pool, avoided_json = :avoided, pool_hash = :hash,
                    pool_seq = :seq, head_size = :size, head_root = :root, head_timestamp = :ts, head_signature = :sig,
                    version = version + 1 WHERE id = :id""")
                .param("pool", CanonicalJson.write(DrawStore.poolJson(specialties))).param("avoided", CanonicalJson.write(avoided))
                .param("hash", poolHash).param("seq", poolEntry.seq()).param("size", head.size())
                .param("root", head.rootHash()).param("ts", DrawStore.utc(head.timestamp())).param("sig", head.signature())
                .param("id", drawId).update();
    }

    /**
     * The supervisor reveals the draw's secret (64 hex digits) once the pool is fixed and the head signed: it must hash to
     * the commitment, else nothing changes. Then the rankings are walked and the first round of experts is called. The
     * secret is kept sealed until the record is published.
     */
    @Transactional
    public DrawView reveal(UUID drawId, String secretHex, CurrentUser user) {
        DrawStore.Row draw = store.lock(drawId);
        if (!queries.isTheSupervisor(draw.regionCode(), user)) {
            throw new DomainException(ExpertsError.NOT_THE_SUPERVISOR);
        }
        if (draw.status() != DrawStatus.AWAITING_SECRET) {
            // Before the pool and head are fixed, a revealed secret would let the platform choose the head.
            throw new DomainException(ExpertsError.DRAW_STATE, draw.status());
        }
        String hex = DrawRequestCheck.hex64(secretHex)
                .filter(h -> Sm3.hex(HexFormat.of().parseHex(h)).equals(draw.secretHash()))
                .orElseThrow(() -> new DomainException(ExpertsError.SECRET_MISMATCH));
        calls.notifier();
        byte[] secret = HexFormat.of().parseHex(hex);
        LogEntry entry = log.append(AuditRecord.of("experts.draw.revealed", drawId.toString(), draw.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "secretHash", draw.secretHash())));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'NOTIFYING', secret_sealed = :sealed, revealed_seq = :seq, revealed_by = :by,
                    drawn_at = :now, version = version + 1 WHERE id = :id""")
                .param("sealed", vault.seal(secret, "secret:" + drawId)).param("seq", entry.seq())
                .param("by", user.username()).param("now", DrawStore.utc(clock.instant())).param("id", drawId).update();
        Arrays.fill(secret, (byte) 0);
        callFirstRound(store.lock(drawId), experts.policyFor(draw.regionCode()));
        return queries.view(drawId);
    }

    /** With the secret revealed: walks the rankings and calls the first round of experts. */
    private void callFirstRound(DrawStore.Row draw, DrawPolicy policy) {
        UUID drawId = draw.id();
        List<DrawWalk.Contact> first = calls.walk(draw).firstRound();
        int position = 0;
        for (DrawWalk.Contact c : first) {
            calls.contact(draw, ++position, c.specialty(), UUID.fromString(c.expertId()), policy);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        first.forEach(c -> counts.merge(c.specialty(), 1L, (a, b) -> (Long) a + (Long) b));
        log.record(AuditRecord.of("experts.draw.drawn", drawId.toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", drawId.toString(), "headSize", draw.headSize(), "headRoot", draw.headRoot(),
                        "notified", counts)));
        Map<String, Integer> contacted = new HashMap<>();
        first.forEach(c -> contacted.merge(c.specialty(), 1, Integer::sum));
        for (SpecialtyCount s : draw.specialties()) {
            if (contacted.getOrDefault(s.code(), 0) < s.count()) {
                feasibility.markShort(draw, pool.specialtyNames().getOrDefault(s.code(), s.code()) + "：可抽取的专家已用尽");
                return;
            }
        }
    }
}
