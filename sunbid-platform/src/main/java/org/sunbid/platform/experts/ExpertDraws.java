package org.sunbid.platform.experts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.SignedTreeHead;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifiable expert draw (专家随机抽取):
 * <ol>
 *   <li>the tender's owners or centre staff request a committee (experts per specialty, pool regions, tenderee
 *       representatives, evaluation start; Law 37 checked, feasibility checked);</li>
 *   <li>a supervisor of the region commits to a secret their own tool generated ({@code sunbid-bidder draw-secret}):
 *       only its SM3 reaches the platform, logged under the supervisor's account;</li>
 *   <li>at the draw time (default one hour before the start) the avoidance rules are applied, the eligible pool's hash is
 *       logged and a tree head is signed over the log: pool and head are fixed before anyone but the supervisor knows
 *       the secret, so a modified platform cannot try secrets or heads. The draw then waits for the supervisor;</li>
 *   <li>the supervisor reveals the secret; the platform checks it against the commitment, and the seed
 *       SM3(secret ‖ head root ‖ draw id) walks each specialty's ranking ({@link DrawWalk});</li>
 *   <li>drawn experts are called through the {@link Notifier} with a reply code; a decline or silence past the reply
 *       time is replaced by the next of the same ranking. Who was drawn is kept encrypted ({@link DrawVault});
 *       the log and staff see positions, specialties and outcomes only;</li>
 *   <li>experts sign in at the evaluation with their certificate, which reveals their names;</li>
 *   <li>after the evaluation the secret, seed, pool, avoidances and contacts are published, and
 *       {@code sunbid-verifier verify-draw} recomputes the committee from them.</li>
 * </ol>
 */
@Service
public class ExpertDraws {

    private static final Logger logger = LoggerFactory.getLogger(ExpertDraws.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(BEIJING);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_SPECIALTIES = 6;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Tenders tenders;
    private final Registrations registrations;
    private final Regions regions;
    private final Experts experts;
    private final DrawVault vault;
    private final ObjectProvider<Notifier> notifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    ExpertDraws(JdbcClient jdbc, Clock clock, AuditLog log, Tenders tenders, Registrations registrations, Regions regions,
            Experts experts, DrawVault vault, ObjectProvider<Notifier> notifier, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.tenders = tenders;
        this.registrations = registrations;
        this.regions = regions;
        this.experts = experts;
        this.vault = vault;
        this.notifier = notifier;
        this.events = events;
        this.tx = tx;
    }

    /** A requested number of experts of one specialty. */
    public record SpecialtyCount(String code, int count) {
    }

    /**
     * What a draw request asks for.
     *
     * @param avoid the manual avoidance list: expert ids or exact names (every expert of that name is avoided)
     */
    public record DrawRequest(Instant evaluationStart, String evaluationVenue, int representatives,
            List<SpecialtyCount> specialties, List<String> poolRegions, List<String> avoid) {
    }

    // ------------------------------------------------------------------------------------------------------ request

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
        validate(input);
        if (!input.evaluationStart().isAfter(tender.bidDeadline())) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        DrawPolicy policy = experts.policyFor(tender.regionCode());
        Instant drawAt = input.evaluationStart().minus(policy.drawLead());
        if (!drawAt.isAfter(now)) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        int total = input.specialties().stream().mapToInt(SpecialtyCount::count).sum();
        Committee.check(total, input.representatives());
        if (jdbc.sql("SELECT count(*) FROM expert_draw WHERE tender_id = :t AND status NOT IN ('CANCELLED', 'SHORT')")
                .param("t", tenderId).query(Long.class).single() > 0) {
            throw new DomainException(ExpertsError.DRAW_EXISTS);
        }
        List<String> manual = resolveAvoidance(input.avoid());
        // While registrations are anonymous the feasibility check leaves bidders' employers out: a refusal that
        // depended on them would tell the requester something about who registered. They count at the draw.
        boolean closed = tender.status() == TenderStatus.BIDDING_CLOSED;
        Eligibility.Pools pools = pools(tender, input.specialties(), input.poolRegions(), manual, input.evaluationStart(),
                policy, closed, null);
        refuseShortfall(input.specialties(), pools);

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO expert_draw (id, tender_id, region_code, evaluation_start, evaluation_venue, draw_at,
                    representatives, specialties, pool_regions, manual_avoidance, status, requested_at, requested_by)
                VALUES (:id, :t, :region, :start, :venue, :drawAt, :reps, :specs, :pools, :manual, 'REQUESTED', :now, :by)""")
                .param("id", id).param("t", tenderId).param("region", tender.regionCode())
                .param("start", utc(input.evaluationStart())).param("venue", input.evaluationVenue().strip())
                .param("drawAt", utc(drawAt)).param("reps", input.representatives())
                .param("specs", CanonicalJson.write(specialtiesJson(input.specialties())))
                .param("pools", CanonicalJson.write(List.copyOf(input.poolRegions())))
                .param("manual", CanonicalJson.write(List.copyOf(manual))).param("now", utc(now))
                .param("by", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawId", id.toString());
        payload.put("tenderId", tenderId.toString());
        payload.put("evaluationStart", input.evaluationStart().toString());
        payload.put("drawAt", drawAt.toString());
        payload.put("representatives", (long) input.representatives());
        payload.put("specialties", specialtiesJson(input.specialties()));
        payload.put("poolRegions", List.copyOf(input.poolRegions()));
        payload.put("manualAvoidanceCount", (long) manual.size());
        log.append(AuditRecord.of("experts.draw.requested", id.toString(), tender.regionCode(), user.actor(), payload));
        return view(id, user);
    }

    private void validate(DrawRequest input) {
        if (input == null || input.evaluationStart() == null) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationStart");
        }
        if (input.evaluationVenue() == null || input.evaluationVenue().isBlank() || input.evaluationVenue().length() > 200) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "evaluationVenue");
        }
        if (input.specialties() == null || input.specialties().isEmpty() || input.specialties().size() > MAX_SPECIALTIES) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "specialties");
        }
        Set<String> seen = new HashSet<>();
        Set<String> leaves = experts.leafSpecialtyCodes();
        for (SpecialtyCount s : input.specialties()) {
            if (s == null || s.code() == null || !leaves.contains(s.code()) || !seen.add(s.code()) || s.count() < 1
                    || s.count() > 50) {
                throw new DomainException(ExpertsError.DRAW_INVALID, "specialties");
            }
        }
        if (input.poolRegions() == null || input.poolRegions().isEmpty() || input.poolRegions().size() > 10
                || input.poolRegions().stream().anyMatch(r -> r == null || regions.find(r).isEmpty())) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "poolRegions");
        }
        if (input.representatives() < 0 || input.representatives() > 50) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "representatives");
        }
        if (input.avoid() != null && input.avoid().size() > 200) {
            throw new DomainException(ExpertsError.DRAW_INVALID, "avoid");
        }
    }

    private List<String> resolveAvoidance(List<String> avoid) {
        Set<String> ids = new java.util.TreeSet<>();
        for (String entry : avoid == null ? List.<String>of() : avoid) {
            String e = entry == null ? "" : entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            List<UUID> found = experts.idsByIdOrName(e);
            if (found.isEmpty()) {
                throw new DomainException(ExpertsError.DRAW_INVALID, "avoid: " + e);
            }
            found.forEach(f -> ids.add(f.toString()));
        }
        return List.copyOf(ids);
    }

    private void refuseShortfall(List<SpecialtyCount> specialties, Eligibility.Pools pools) {
        shortfall(specialties, pools).ifPresent(message -> {
            throw new DomainException(ExpertsError.DRAW_POOL_SHORT, message);
        });
    }

    private Optional<String> shortfall(List<SpecialtyCount> specialties, Eligibility.Pools pools) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        specialties.forEach(s -> counts.put(s.code(), s.count()));
        return Eligibility.shortfall(counts, pools.eligible()).map(s -> {
            Map<String, String> names = experts.specialtyNames();
            List<String> labels = s.specialties().stream().map(c -> c + " " + names.getOrDefault(c, "")).toList();
            return String.join("、", labels) + "：需 " + s.needed() + " 名，符合条件的仅 " + s.available() + " 名";
        });
    }

    // ------------------------------------------------------------------------------------------------------ commit

    /**
     * A supervisor of the tender's region commits to the draw's secret by its SM3 ({@code secretHash}, 64 hex digits),
     * logged under their account. The secret itself stays on the supervisor's machine until {@link #reveal}.
     */
    @Transactional
    public DrawView commit(UUID drawId, String secretHash, CurrentUser user) {
        Row draw = lock(drawId);
        if (!isTheSupervisor(draw.regionCode(), user)) {
            throw new DomainException(ExpertsError.NOT_THE_SUPERVISOR);
        }
        if (draw.status() != DrawStatus.REQUESTED) {
            throw new DomainException(ExpertsError.DRAW_STATE, draw.status());
        }
        if (!commitmentStillOpen(draw.drawAt())) {
            throw new DomainException(ExpertsError.DRAW_STATE, "LATE");
        }
        String hash = secretHash == null ? "" : secretHash.strip().toLowerCase(java.util.Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new DomainException(ExpertsError.SECRET_HASH_INVALID);
        }
        LogEntry entry = log.append(AuditRecord.of("experts.draw.committed", drawId.toString(), draw.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "secretHash", hash)));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'SCHEDULED', secret_hash = :hash,
                    commitment_seq = :seq, committed_by = :by, version = version + 1 WHERE id = :id""")
                .param("hash", hash).param("seq", entry.seq()).param("by", user.username()).param("id", drawId).update();
        return view(drawId, user);
    }

    /**
     * The supervisor reveals the draw's secret (64 hex digits) once the pool is fixed and the head signed: it must hash to
     * the commitment, else nothing changes. Then the draw runs: the seed SM3(secret ‖ head root ‖ draw id) walks the
     * rankings and the first round of experts is called. The secret is kept sealed until the record is published.
     */
    @Transactional
    public DrawView reveal(UUID drawId, String secretHex, CurrentUser user) {
        Row draw = lock(drawId);
        if (!isTheSupervisor(draw.regionCode(), user)) {
            throw new DomainException(ExpertsError.NOT_THE_SUPERVISOR);
        }
        if (draw.status() != DrawStatus.AWAITING_SECRET) {
            // Before the pool and head are fixed, a revealed secret would let the platform choose the head.
            throw new DomainException(ExpertsError.DRAW_STATE, draw.status());
        }
        String hex = secretHex == null ? "" : secretHex.strip().toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}") || !Sm3.hex(HexFormat.of().parseHex(hex)).equals(draw.secretHash())) {
            throw new DomainException(ExpertsError.SECRET_MISMATCH);
        }
        if (notifier.getIfAvailable() == null) {
            throw new DomainException(ExpertsError.NOTIFIER_MISSING);
        }
        byte[] secret = HexFormat.of().parseHex(hex);
        LogEntry entry = log.append(AuditRecord.of("experts.draw.revealed", drawId.toString(), draw.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "secretHash", draw.secretHash())));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'NOTIFYING', secret_sealed = :sealed, revealed_seq = :seq, revealed_by = :by,
                    drawn_at = :now, version = version + 1 WHERE id = :id""")
                .param("sealed", vault.seal(secret, "secret:" + drawId)).param("seq", entry.seq())
                .param("by", user.username()).param("now", utc(clock.instant())).param("id", drawId).update();
        java.util.Arrays.fill(secret, (byte) 0);
        draw(lock(drawId), experts.policyFor(draw.regionCode()));
        return view(drawId, user);
    }

    // ------------------------------------------------------------------------------------------------------ draw

    /** Runs every committed draw whose time has come; each in its own transaction. Returns how many ran. */
    @Scheduled(fixedDelayString = "${sunbid.experts.draw-interval:PT20S}", initialDelayString = "${sunbid.experts.draw-interval:PT20S}")
    public int runDue() {
        List<UUID> due = jdbc.sql("SELECT id FROM expert_draw WHERE status = 'SCHEDULED' AND draw_at <= :now ORDER BY draw_at")
                .param("now", utc(clock.instant())).query(UUID.class).list();
        int ran = 0;
        for (UUID id : due) {
            try {
                tx.executeWithoutResult(s -> run(id));
                ran++;
            } catch (RuntimeException e) {
                logger.error("draw {} could not run", id, e);
            }
        }
        return ran;
    }

    private void run(UUID drawId) {
        Row draw = lock(drawId);
        if (draw.status() != DrawStatus.SCHEDULED) {
            return;
        }
        if (notifier.getIfAvailable() == null) {
            throw new DomainException(ExpertsError.NOTIFIER_MISSING);
        }
        TenderView tender = tenders.findPublished(draw.tenderId()).orElseThrow();
        DrawPolicy policy = experts.policyFor(draw.regionCode());
        Eligibility.Pools pools = pools(tender, draw.specialties(), draw.poolRegions(), draw.manual(),
                draw.evaluationStart(), policy, true, drawId);
        Optional<String> short_ = shortfall(draw.specialties(), pools);
        if (short_.isPresent()) {
            markShort(draw, short_.get());
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
                .param("pool", CanonicalJson.write(poolJson(specialties))).param("avoided", CanonicalJson.write(avoided))
                .param("hash", poolHash).param("seq", poolEntry.seq()).param("size", head.size())
                .param("root", head.rootHash()).param("ts", utc(head.timestamp())).param("sig", head.signature())
                .param("id", drawId).update();
    }

    /** With the secret revealed: walks the rankings and calls the first round of experts. */
    private void draw(Row draw, DrawPolicy policy) {
        UUID drawId = draw.id();
        DrawWalk walk = walk(draw);
        List<DrawWalk.Contact> first = walk.firstRound();
        int position = 0;
        for (DrawWalk.Contact c : first) {
            contact(draw, ++position, c.specialty(), UUID.fromString(c.expertId()), policy);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        first.forEach(c -> counts.merge(c.specialty(), 1L, (a, b) -> (Long) a + (Long) b));
        log.append(AuditRecord.of("experts.draw.drawn", drawId.toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", drawId.toString(), "headSize", draw.headSize(), "headRoot", draw.headRoot(),
                        "notified", counts)));
        Map<String, Integer> contacted = new HashMap<>();
        first.forEach(c -> contacted.merge(c.specialty(), 1, Integer::sum));
        for (SpecialtyCount s : draw.specialties()) {
            if (contacted.getOrDefault(s.code(), 0) < s.count()) {
                markShort(draw, experts.specialtyNames().getOrDefault(s.code(), s.code()) + "：可抽取的专家已用尽");
                return;
            }
        }
    }

    private void markShort(Row draw, String message) {
        jdbc.sql("UPDATE expert_draw SET status = 'SHORT', shortfall = :m, version = version + 1 WHERE id = :id")
                .param("m", message).param("id", draw.id()).update();
        log.append(AuditRecord.of("experts.draw.short", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "shortfall", message)));
    }

    /** Rechecks feasibility of the requests on a tender when bidding closes and its bidders' employers count. */
    @org.springframework.transaction.event.TransactionalEventListener
    void on(org.sunbid.platform.tendering.BiddingClosed closed) {
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<UUID> pending = jdbc.sql("""
                SELECT id FROM expert_draw WHERE tender_id = :t AND status IN ('REQUESTED', 'SCHEDULED')""")
                .param("t", closed.tenderId()).query(UUID.class).list();
        for (UUID id : pending) {
            own.executeWithoutResult(s -> {
                Row draw = lock(id);
                TenderView tender = tenders.findPublished(draw.tenderId()).orElseThrow();
                Eligibility.Pools pools = pools(tender, draw.specialties(), draw.poolRegions(), draw.manual(),
                        draw.evaluationStart(), experts.policyFor(draw.regionCode()), true, id);
                shortfall(draw.specialties(), pools).ifPresent(m -> markShort(draw, m));
            });
        }
    }

    private Eligibility.Pools pools(TenderView tender, List<SpecialtyCount> specialties, List<String> poolRegions,
            List<String> manual, Instant start, DrawPolicy policy, boolean withBidders, UUID excludeDraw) {
        Set<UUID> bidders = withBidders ? registrations.registrantsForConflictCheck(tender.id()) : Set.of();
        Eligibility.Conflicts conflicts = new Eligibility.Conflicts(tender.tendereeId(), tender.agencyId(), bidders,
                manual.stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet()));
        List<String> codes = specialties.stream().map(SpecialtyCount::code).toList();
        Sittings sittings = sittings(start, tender.tendereeId(), policy, excludeDraw);
        List<Eligibility.Candidate> candidates = experts.candidates(codes, poolRegions, start).stream()
                .map(c -> {
                    String index = expertIndex(c.id());
                    return c.withSittings(sittings.inMonth(index), sittings.withTenderee(index));
                }).toList();
        return Eligibility.pools(codes, candidates, conflicts, policy, start);
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
        Instant windowStart = start.minus(java.time.Duration.ofDays(policy.tendereeWindowDays()));
        Instant from = windowStart.isBefore(monthStart) ? windowStart : monthStart;
        Map<String, Integer> inMonth = new HashMap<>();
        Map<String, Integer> withTenderee = new HashMap<>();
        jdbc.sql("""
                SELECT c.expert_index, d.evaluation_start, t.tenderee_id FROM expert_draw_contact c
                JOIN expert_draw d ON d.id = c.draw_id JOIN tender t ON t.id = d.tender_id
                WHERE c.outcome = 'ACCEPTED' AND d.status <> 'CANCELLED' AND d.id <> :self
                AND d.evaluation_start >= :from AND d.evaluation_start < :to""")
                .param("self", excludeDraw == null ? new UUID(0, 0) : excludeDraw).param("from", utc(from))
                .param("to", utc(monthEnd.isAfter(start) ? monthEnd : start))
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

    private DrawWalk walk(Row draw) {
        byte[] secret = vault.open(draw.secretSealed(), "secret:" + draw.id());
        byte[] seed = VerifiableDraw.seed(secret, HexFormat.of().parseHex(draw.headRoot()), draw.id().toString());
        return new DrawWalk(seed, draw.pool());
    }

    /** Records a contact (the expert sealed) and calls the expert with a fresh reply code. */
    private void contact(Row draw, int position, String specialty, UUID expertId, DrawPolicy policy) {
        String phone = experts.phoneOf(expertId);
        Instant now = clock.instant();
        Instant due = now.plus(policy.replyTimeout());
        String code;
        String replyIndex;
        do {
            code = String.format("%06d", RANDOM.nextInt(1_000_000));
            replyIndex = replyIndex(phone, code);
        } while (jdbc.sql("SELECT count(*) FROM expert_draw_contact WHERE reply_index = :r").param("r", replyIndex)
                .query(Long.class).single() > 0);
        UUID contactId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO expert_draw_contact (id, draw_id, position, specialty_code, expert_sealed, expert_index,
                    reply_index, outcome, notified_at, answer_due)
                VALUES (:id, :d, :p, :s, :sealed, :index, :reply, 'PENDING', :now, :due)""")
                .param("id", contactId).param("d", draw.id()).param("p", position).param("s", specialty)
                .param("sealed", vault.seal(expertId.toString().getBytes(StandardCharsets.UTF_8), "contact:" + draw.id()))
                .param("index", expertIndex(expertId)).param("reply", replyIndex).param("now", utc(now))
                .param("due", utc(due)).update();
        notifier.getObject().send(phone, "【阳光交易】您已被随机抽取为评标专家。评标时间：" + WHEN.format(draw.evaluationStart())
                + "，地点：" + draw.venue() + "。确认参加请回复“1 " + code + "”，不能参加请回复“2 " + code + "”，请于 "
                + WHEN.format(due) + " 前答复，逾期视为不参加。项目信息在签到后告知，请勿向他人透露。");
    }

    // ------------------------------------------------------------------------------------------------------ replies

    /** What the platform answers the gateway for one reply. */
    public enum ReplyAnswer {
        /** Taken: the expert's confirmation or decline was recorded. */
        RECORDED,
        /** No pending notice has this code for this number (forged, mistyped or another number): nothing changed. */
        UNKNOWN_CODE,
        /** The notice was already answered (a reused code): nothing changed. */
        ALREADY_ANSWERED,
        /** The reply came after the reply time; a replacement is (or will be) drawn: nothing changed. */
        EXPIRED,
        /** The text is not "1 code" or "2 code": nothing changed. */
        UNREADABLE
    }

    /**
     * A reply relayed by the gateway: {@code body} is the exact JSON it signed ({phone, text, receivedAt}) and
     * {@code signature} its base64 SM3withSM2 signature.
     */
    @Transactional
    public ReplyAnswer reply(byte[] body, String signature) {
        Notifier gateway = notifier.getIfAvailable();
        if (gateway == null) {
            throw new DomainException(ExpertsError.NOTIFIER_MISSING);
        }
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
        String text = json.path("text").asString("").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([12])\\s*(\\d{6})$").matcher(text);
        if (phone.isEmpty() || !m.matches()) {
            return ReplyAnswer.UNREADABLE;
        }
        String replyIndex = replyIndex(phone, m.group(2));
        Optional<UUID> found = jdbc.sql("SELECT draw_id FROM expert_draw_contact WHERE reply_index = :r")
                .param("r", replyIndex).query(UUID.class).optional();
        if (found.isEmpty()) {
            return ReplyAnswer.UNKNOWN_CODE;
        }
        Row draw = lock(found.get());
        ContactRow contact = contacts(draw.id()).stream().filter(c -> c.replyIndex().equals(replyIndex)).findFirst().orElseThrow();
        if (contact.outcome() != DrawWalk.Outcome.PENDING) {
            return ReplyAnswer.ALREADY_ANSWERED;
        }
        if (!clock.instant().isBefore(contact.answerDue()) || draw.status() != DrawStatus.NOTIFYING) {
            return ReplyAnswer.EXPIRED;
        }
        DrawWalk.Outcome outcome = m.group(1).equals("1") ? DrawWalk.Outcome.ACCEPTED : DrawWalk.Outcome.DECLINED;
        settle(draw, contact, outcome);
        return ReplyAnswer.RECORDED;
    }

    /** Marks unanswered notices past their reply time as no answer and draws their replacements. */
    @Scheduled(fixedDelayString = "${sunbid.experts.reply-check-interval:PT15S}")
    public int expireDue() {
        List<UUID> draws = jdbc.sql("""
                SELECT DISTINCT c.draw_id FROM expert_draw_contact c JOIN expert_draw d ON d.id = c.draw_id
                WHERE c.outcome = 'PENDING' AND c.answer_due <= :now AND d.status = 'NOTIFYING'""")
                .param("now", utc(clock.instant())).query(UUID.class).list();
        int expired = 0;
        for (UUID id : draws) {
            Integer n = tx.execute(s -> {
                Row draw = lock(id);
                int count = 0;
                for (ContactRow c : contacts(id)) {
                    if (draw.status() == DrawStatus.NOTIFYING && c.outcome() == DrawWalk.Outcome.PENDING
                            && !clock.instant().isBefore(c.answerDue())) {
                        settle(draw, c, DrawWalk.Outcome.NO_ANSWER);
                        draw = lock(id);
                        count++;
                    }
                }
                return count;
            });
            expired += n == null ? 0 : n;
        }
        return expired;
    }

    private void settle(Row draw, ContactRow contact, DrawWalk.Outcome outcome) {
        jdbc.sql("UPDATE expert_draw_contact SET outcome = :o, answered_at = :now WHERE id = :id")
                .param("o", outcome.name()).param("now", utc(clock.instant())).param("id", contact.id()).update();
        log.append(AuditRecord.of("experts.draw.replied", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "position", (long) contact.position(),
                        "specialty", contact.specialty(), "outcome", outcome.name())));
        if (outcome != DrawWalk.Outcome.ACCEPTED) {
            replace(draw, contact.specialty());
        }
        completeIfFull(draw.id());
    }

    private void replace(Row draw, String specialty) {
        List<ContactRow> contacts = contacts(draw.id());
        Set<String> contacted = new HashSet<>();
        contacts.forEach(c -> contacted.add(expertOf(draw.id(), c).toString()));
        Optional<String> next = walk(draw).next(specialty, contacted);
        if (next.isEmpty()) {
            markShort(draw, experts.specialtyNames().getOrDefault(specialty, specialty) + "：可抽取的专家已用尽，尚缺 1 名");
            return;
        }
        int position = contacts.stream().mapToInt(ContactRow::position).max().orElse(0) + 1;
        contact(draw, position, specialty, UUID.fromString(next.get()), experts.policyFor(draw.regionCode()));
        log.append(AuditRecord.of("experts.draw.replacement", draw.id().toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", draw.id().toString(), "position", (long) position, "specialty", specialty)));
    }

    private void completeIfFull(UUID drawId) {
        Row draw = lock(drawId);
        if (draw.status() != DrawStatus.NOTIFYING) {
            return;
        }
        Map<String, Integer> accepted = new HashMap<>();
        contacts(drawId).stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED)
                .forEach(c -> accepted.merge(c.specialty(), 1, Integer::sum));
        boolean full = draw.specialties().stream().allMatch(s -> accepted.getOrDefault(s.code(), 0) >= s.count());
        if (!full) {
            return;
        }
        jdbc.sql("UPDATE expert_draw SET status = 'COMPLETE', completed_at = :now, version = version + 1 WHERE id = :id")
                .param("now", utc(clock.instant())).param("id", drawId).update();
        log.append(AuditRecord.of("experts.draw.completed", drawId.toString(), draw.regionCode(), Actor.SYSTEM,
                Map.of("drawId", drawId.toString(), "members", (long) accepted.values().stream().mapToInt(i -> i).sum(),
                        "representatives", (long) draw.representatives())));
        events.publishEvent(new ExpertsDrawn(drawId, draw.tenderId(), draw.evaluationStart()));
    }

    // ------------------------------------------------------------------------------------------------------ sign-in

    /** The text an expert signs to sign in to draw {@code drawId}. */
    public static String challenge(UUID drawId, String username) {
        return "阳光交易 评标专家签到 sunbid-expert-sign-in:" + drawId + ":" + username;
    }

    /** The draws that contacted the signed-in expert, newest first. */
    public List<MyDraw> mine(CurrentUser user) {
        Experts.ExpertProfile profile = experts.ofAccount(user.accountId()).orElse(null);
        if (profile == null) {
            return List.of();
        }
        String index = expertIndex(profile.id());
        return jdbc.sql("""
                SELECT d.id, d.evaluation_start, d.evaluation_venue, d.tender_id, s.name, c.outcome, c.answer_due, c.signed_in_at
                FROM expert_draw_contact c JOIN expert_draw d ON d.id = c.draw_id JOIN specialty s ON s.code = c.specialty_code
                WHERE c.expert_index = :i ORDER BY d.evaluation_start DESC, c.position""")
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
                            challenge(drawId, user.username()));
                }).list();
    }

    /**
     * A confirmed member signs in at the evaluation with their certificate: the signature over
     * {@link #challenge} must verify with the expert's personal certificate in force. Signing in reveals the name.
     */
    @Transactional
    public MyDraw signIn(UUID drawId, String signature, CurrentUser user) {
        Experts.ExpertProfile profile = experts.ofAccount(user.accountId())
                .orElseThrow(() -> new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED));
        Row draw = lock(drawId);
        String index = expertIndex(profile.id());
        ContactRow contact = contacts(drawId).stream()
                .filter(c -> c.expertIndex().equals(index) && c.outcome() == DrawWalk.Outcome.ACCEPTED).findFirst()
                .orElseThrow(() -> new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED));
        Instant now = clock.instant();
        if (draw.status() != DrawStatus.COMPLETE || now.isBefore(draw.drawAt())
                || now.isAfter(draw.evaluationStart().plus(java.time.Duration.ofHours(12)))) {
            throw new DomainException(ExpertsError.SIGN_IN_NOT_ALLOWED);
        }
        if (contact.signedInAt() == null) {
            if (experts.signedByAccount(user.accountId(), challenge(drawId, user.username()), signature).isEmpty()) {
                throw new DomainException(ExpertsError.SIGN_IN_INVALID);
            }
            jdbc.sql("UPDATE expert_draw_contact SET signed_in_at = :now, revealed_expert_id = :e WHERE id = :id")
                    .param("now", utc(now)).param("e", profile.id()).param("id", contact.id()).update();
            log.append(AuditRecord.of("experts.draw.signed-in", drawId.toString(), draw.regionCode(), user.actor(),
                    Map.of("drawId", drawId.toString(), "position", (long) contact.position(), "expertId",
                            profile.id().toString(), "name", user.displayName(), "specialty", contact.specialty())));
        }
        return mine(user).stream().filter(d -> d.drawId().equals(drawId)).findFirst().orElseThrow();
    }

    /**
     * The tender's committee at the evaluation (for the evaluation context): its newest complete or published draw,
     * with the experts who have signed in. Empty while no draw of the tender is complete.
     */
    public java.util.Optional<SeatedCommittee> seated(UUID tenderId) {
        return jdbc.sql("""
                SELECT id, evaluation_start FROM expert_draw WHERE tender_id = :t AND status IN ('COMPLETE', 'PUBLISHED')
                ORDER BY requested_at DESC LIMIT 1""").param("t", tenderId)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant()})
                .optional().map(row -> {
                    UUID drawId = (UUID) row[0];
                    int accepted = jdbc.sql("SELECT COUNT(*) FROM expert_draw_contact WHERE draw_id = :d AND outcome = 'ACCEPTED'")
                            .param("d", drawId).query(Integer.class).single();
                    List<SeatedCommittee.Member> members = jdbc.sql("""
                            SELECT x.id, a.id, a.username, a.display_name, s.name, c.signed_in_at
                            FROM expert_draw_contact c JOIN expert x ON x.id = c.revealed_expert_id
                            JOIN account a ON a.id = x.account_id JOIN specialty s ON s.code = c.specialty_code
                            WHERE c.draw_id = :d AND c.outcome = 'ACCEPTED' AND c.signed_in_at IS NOT NULL
                            ORDER BY c.position""").param("d", drawId)
                            .query((rs, i) -> new SeatedCommittee.Member(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                    rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getObject(6, OffsetDateTime.class).toInstant()))
                            .list();
                    return new SeatedCommittee(drawId, (Instant) row[1], accepted, members);
                });
    }

    // ------------------------------------------------------------------------------------------------------ publication

    /**
     * Publishes the draw record once the evaluation is under way and every member has signed in: the secret, the
     * seed, the pools, who was avoided why and every contact, in a public log entry and at {@link #record}.
     */
    @Transactional
    public DrawView publish(UUID drawId, CurrentUser user) {
        Row draw = lock(drawId);
        if (!(user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR || user.role() == Role.ADMINISTRATOR)
                || !tenders.mayInspect(draw.tenderId(), user)) {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId);
        }
        return publish(draw, user.actor());
    }

    /** Whether draw {@code drawId}'s record may be published now (the same rule {@link #publish} enforces). */
    public boolean mayPublish(UUID drawId) {
        Row draw = find(drawId).orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId));
        return publication(draw, contacts(drawId)).allowed(clock.instant());
    }

    private static DrawPublication publication(Row draw, List<ContactRow> contacts) {
        int accepted = (int) contacts.stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED).count();
        int signedIn = (int) contacts.stream().filter(c -> c.outcome() == DrawWalk.Outcome.ACCEPTED && c.signedInAt() != null)
                .count();
        return new DrawPublication(draw.status(), draw.evaluationStart(), accepted, signedIn);
    }

    /** Publishes the record as the platform (after the evaluation ends, for the evaluation context). */
    @Transactional
    public DrawView publishAfterEvaluation(UUID drawId) {
        Row draw = lock(drawId);
        return draw.status() == DrawStatus.PUBLISHED ? view(drawId, null) : publish(draw, Actor.SYSTEM);
    }

    private DrawView publish(Row draw, Actor actor) {
        List<ContactRow> contacts = contacts(draw.id());
        publication(draw, contacts).refusal(clock.instant()).ifPresent(why -> {
            throw new DomainException(ExpertsError.DRAW_STATE, why);
        });
        for (ContactRow c : contacts) {
            jdbc.sql("UPDATE expert_draw_contact SET revealed_expert_id = :e WHERE id = :id")
                    .param("e", expertOf(draw.id(), c)).param("id", c.id()).update();
        }
        Map<String, Object> record = recordOf(draw, contacts);
        LogEntry entry = log.append(AuditRecord.of("experts.draw.published", draw.id().toString(), draw.regionCode(),
                actor, record));
        jdbc.sql("""
                UPDATE expert_draw SET status = 'PUBLISHED', published_at = :now, published_seq = :seq,
                    version = version + 1 WHERE id = :id""")
                .param("now", utc(clock.instant())).param("seq", entry.seq()).param("id", draw.id()).update();
        return view(draw.id(), null);
    }

    /** The published draw record (public), from which {@code sunbid-verifier verify-draw} recomputes the committee. */
    public Map<String, Object> record(UUID drawId) {
        Row draw = find(drawId).orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId));
        if (draw.status() != DrawStatus.PUBLISHED) {
            throw new DomainException(ExpertsError.DRAW_NOT_PUBLISHED);
        }
        return recordOf(draw, contacts(drawId));
    }

    private Map<String, Object> recordOf(Row draw, List<ContactRow> contacts) {
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
        record.put("specialties", poolJson(draw.pool()));
        record.put("avoided", readJson(draw.avoidedJson()));
        List<Object> contactList = new ArrayList<>();
        List<Object> committee = new ArrayList<>();
        for (ContactRow c : contacts) {
            String expert = expertOf(draw.id(), c).toString();
            contactList.add(Map.of("specialty", c.specialty(), "expertId", expert, "outcome", c.outcome().name()));
            if (c.outcome() == DrawWalk.Outcome.ACCEPTED) {
                committee.add(Map.of("specialty", c.specialty(), "expertId", expert));
            }
        }
        record.put("contacts", contactList);
        record.put("committee", committee);
        return record;
    }

    // ------------------------------------------------------------------------------------------------------ ratings

    /**
     * Rates a committee member's conduct after the evaluation (评价): the tender's owners rate as the tenderee's side,
     * centre staff as the centre; once per side and member. Violations feed the region's status rule.
     */
    @Transactional
    public void rate(UUID drawId, UUID expertId, int score, List<Violation> violations, String note, CurrentUser user) {
        Row draw = lock(drawId);
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
        boolean member = contacts(drawId).stream()
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
                .param("note", note == null || note.isBlank() ? null : note.strip()).param("now", utc(clock.instant())).update();
        if (inserted == 0) {
            throw new DomainException(ExpertsError.RATING_EXISTS);
        }
        log.append(AuditRecord.of("experts.expert.rated", expertId.toString(), draw.regionCode(), user.actor(),
                Map.of("drawId", drawId.toString(), "side", side, "score", (long) score, "violations", codes)));
        experts.applyConductRules(expertId);
    }

    // ------------------------------------------------------------------------------------------------------ views

    /** A draw as its tender's owners, the region's staff and supervisors may see it. */
    public DrawView get(UUID drawId, CurrentUser user) {
        Row draw = find(drawId).orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId));
        if (!tenders.mayInspect(draw.tenderId(), user)) {
            throw new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId);
        }
        return view(drawId, user);
    }

    /** The draws of a tender, newest first, for its owners and the region's staff and supervisors. */
    public List<DrawView> ofTender(UUID tenderId, CurrentUser user) {
        tenders.get(tenderId, user);
        if (!tenders.mayInspect(tenderId, user)) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM expert_draw WHERE tender_id = :t ORDER BY requested_at DESC")
                .param("t", tenderId).query(UUID.class).list().stream().map(id -> view(id, user)).toList();
    }

    /** Whether {@code user} is a supervisor of the draw's region, who commits to and reveals its secret. */
    private boolean isTheSupervisor(String drawRegion, CurrentUser user) {
        return user.role() == Role.SUPERVISOR && regions.isWithin(drawRegion, user.regionCode());
    }

    /** Whether a commitment may still be made: strictly before the draw time. */
    private boolean commitmentStillOpen(Instant drawAt) {
        return drawAt.isAfter(clock.instant());
    }

    /**
     * The draws waiting for the signed-in supervisor, soonest first: those requested and awaiting the commitment to a
     * secret (until the draw time, by {@link #commit}'s rules) and those whose pool is fixed and await the secret's
     * reveal ({@link #reveal}). A supervisor's to-do.
     */
    public List<DrawView> awaitingSupervisor(CurrentUser user) {
        if (user.role() != Role.SUPERVISOR) {
            return List.of();
        }
        return jdbc.sql("SELECT id, region_code, status, draw_at FROM expert_draw"
                        + " WHERE status IN ('REQUESTED', 'AWAITING_SECRET') ORDER BY draw_at")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()}).list().stream()
                .filter(r -> isTheSupervisor((String) r[1], user))
                .filter(r -> !"REQUESTED".equals(r[2]) || commitmentStillOpen((Instant) r[3]))
                .map(r -> view((UUID) r[0], user)).toList();
    }

    /**
     * The signed-in expert's draws that wait for them: a notice to answer before its answer time, or, once accepted, the
     * sign-in at the evaluation (until the evaluation has begun). An expert's to-do.
     */
    public List<MyDraw> awaitingExpert(CurrentUser user) {
        Instant now = clock.instant();
        return mine(user).stream().filter(d -> (d.outcome() == DrawWalk.Outcome.PENDING && d.answerDue().isAfter(now))
                || (d.outcome() == DrawWalk.Outcome.ACCEPTED && d.signedInAt() == null && d.evaluationStart().isAfter(now)))
                .toList();
    }

    /** Draws in the caller's region subtree (staff, supervisors), newest evaluation first. */
    public List<DrawView> inMyRegion(CurrentUser user) {
        if (!(user.seesRegionSubtree() || user.seesAllRegions())) {
            return List.of();
        }
        return jdbc.sql("SELECT id, tender_id, region_code FROM expert_draw ORDER BY evaluation_start DESC LIMIT 200")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(3)}).list().stream()
                .filter(r -> user.seesAllRegions() || regions.isWithin((String) r[1], user.regionCode()))
                .map(r -> view((UUID) r[0], user)).toList();
    }

    /** The published draw records, newest first (public). */
    public List<DrawView> published(int limit) {
        return jdbc.sql("SELECT id FROM expert_draw WHERE status = 'PUBLISHED' ORDER BY published_at DESC LIMIT :n")
                .param("n", Math.max(1, Math.min(limit, 200))).query(UUID.class).list().stream()
                .map(id -> view(id, null)).toList();
    }

    /** One published draw (public), its committee by name. */
    public DrawView publishedView(UUID drawId) {
        Row draw = find(drawId).orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, drawId));
        if (draw.status() != DrawStatus.PUBLISHED) {
            throw new DomainException(ExpertsError.DRAW_NOT_PUBLISHED);
        }
        return view(drawId, null);
    }

    private DrawView view(UUID drawId, CurrentUser user) {
        Row d = find(drawId).orElseThrow();
        TenderView tender = tenders.findPublished(d.tenderId()).orElseThrow();
        List<ContactRow> contacts = contacts(drawId);
        Map<String, String> names = experts.specialtyNames();
        List<DrawView.SpecialtyProgress> progress = d.specialties().stream().map(s -> {
            int[] n = new int[4];
            contacts.stream().filter(c -> c.specialty().equals(s.code())).forEach(c -> n[c.outcome().ordinal()]++);
            return new DrawView.SpecialtyProgress(s.code(), names.getOrDefault(s.code(), s.code()), s.count(),
                    n[DrawWalk.Outcome.ACCEPTED.ordinal()], n[DrawWalk.Outcome.PENDING.ordinal()],
                    n[DrawWalk.Outcome.DECLINED.ordinal()], n[DrawWalk.Outcome.NO_ANSWER.ordinal()]);
        }).toList();
        List<DrawView.Member> members = new ArrayList<>();
        for (ContactRow c : contacts) {
            if (c.revealedExpertId() != null && c.outcome() == DrawWalk.Outcome.ACCEPTED && c.signedInAt() != null) {
                Experts.Person person = experts.person(c.revealedExpertId());
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
            for (Object o : readJson(d.avoidedJson())) {
                avoidedCounts.merge(String.valueOf(((Map<?, ?>) o).get("rule")), 1, Integer::sum);
            }
        }
        return new DrawView(d.id(), d.tenderId(), tender.terms().projectCode(), tender.terms().name(), d.status(),
                d.evaluationStart(), d.venue(), d.drawAt(), d.representatives(), progress, d.poolRegions(),
                d.manual().size(), d.shortfall(), d.secretHash(), d.commitmentSeq(), d.poolHash(), d.poolSeq(),
                d.headSize(), d.headRoot(), poolSizes, avoidedCounts, members, d.publishedSeq());
    }

    // ------------------------------------------------------------------------------------------------------ rows

    private record Row(UUID id, UUID tenderId, String regionCode, Instant evaluationStart, String venue, Instant drawAt,
            int representatives, List<SpecialtyCount> specialties, List<String> poolRegions, List<String> manual,
            DrawStatus status, String shortfall, byte[] secretSealed, String secretHash, Long commitmentSeq,
            List<DrawWalk.Specialty> pool, String avoidedJson, String poolHash, Long poolSeq, Long headSize,
            String headRoot, Instant headTimestamp, String headSignature, Long publishedSeq, Long revealedSeq) {
    }

    private record ContactRow(UUID id, int position, String specialty, byte[] expertSealed, String expertIndex,
            String replyIndex, DrawWalk.Outcome outcome, Instant answerDue, Instant signedInAt, UUID revealedExpertId) {
    }

    private static final String SELECT_DRAW = """
            SELECT id, tender_id, region_code, evaluation_start, evaluation_venue, draw_at, representatives, specialties,
                pool_regions, manual_avoidance, status, shortfall, secret_sealed, secret_hash, commitment_seq, pool_json,
                avoided_json, pool_hash, pool_seq, head_size, head_root, head_timestamp, head_signature, published_seq,
                revealed_seq
            FROM expert_draw WHERE id = :id""";

    private Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT_DRAW).param("id", id).query(this::row).optional();
    }

    private Row lock(UUID id) {
        return jdbc.sql(SELECT_DRAW + " FOR UPDATE").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new DomainException(ExpertsError.DRAW_NOT_FOUND, id));
    }

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<SpecialtyCount> specialties = new ArrayList<>();
        for (Object o : readJson(rs.getString("specialties"))) {
            Map<?, ?> m = (Map<?, ?>) o;
            specialties.add(new SpecialtyCount((String) m.get("code"), ((Number) m.get("count")).intValue()));
        }
        List<DrawWalk.Specialty> pool = null;
        String poolJson = rs.getString("pool_json");
        if (poolJson != null) {
            pool = new ArrayList<>();
            for (Object o : readJson(poolJson)) {
                Map<?, ?> m = (Map<?, ?>) o;
                pool.add(new DrawWalk.Specialty((String) m.get("code"), ((Number) m.get("count")).intValue(),
                        ((List<?>) m.get("pool")).stream().map(String::valueOf).toList()));
            }
        }
        OffsetDateTime headTs = rs.getObject("head_timestamp", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tender_id", UUID.class), rs.getString("region_code"),
                rs.getObject("evaluation_start", OffsetDateTime.class).toInstant(), rs.getString("evaluation_venue"),
                rs.getObject("draw_at", OffsetDateTime.class).toInstant(), rs.getInt("representatives"), specialties,
                readJson(rs.getString("pool_regions")).stream().map(String::valueOf).toList(),
                readJson(rs.getString("manual_avoidance")).stream().map(String::valueOf).toList(),
                DrawStatus.valueOf(rs.getString("status")), rs.getString("shortfall"), rs.getBytes("secret_sealed"),
                rs.getString("secret_hash"), (Long) rs.getObject("commitment_seq"), pool, rs.getString("avoided_json"),
                rs.getString("pool_hash"), (Long) rs.getObject("pool_seq"), (Long) rs.getObject("head_size"),
                rs.getString("head_root"), headTs == null ? null : headTs.toInstant(), rs.getString("head_signature"),
                (Long) rs.getObject("published_seq"), (Long) rs.getObject("revealed_seq"));
    }

    private List<ContactRow> contacts(UUID drawId) {
        return jdbc.sql("""
                SELECT id, position, specialty_code, expert_sealed, expert_index, reply_index, outcome, answer_due,
                    signed_in_at, revealed_expert_id
                FROM expert_draw_contact WHERE draw_id = :d ORDER BY position""")
                .param("d", drawId)
                .query((rs, i) -> {
                    OffsetDateTime signed = rs.getObject("signed_in_at", OffsetDateTime.class);
                    return new ContactRow(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("specialty_code"),
                            rs.getBytes("expert_sealed"), rs.getString("expert_index"), rs.getString("reply_index"),
                            DrawWalk.Outcome.valueOf(rs.getString("outcome")),
                            rs.getObject("answer_due", OffsetDateTime.class).toInstant(),
                            signed == null ? null : signed.toInstant(), rs.getObject("revealed_expert_id", UUID.class));
                }).list();
    }

    /** The keyed index of a reply code sent to a number: a code is only ever valid from the number it was sent to. */
    private String replyIndex(String phone, String code) {
        return vault.index("reply:" + phone + ":" + code);
    }

    /** The keyed index under which an expert's contacts are found (who they are stays sealed). */
    private String expertIndex(UUID expertId) {
        return vault.index("expert:" + expertId);
    }

    private UUID expertOf(UUID drawId, ContactRow c) {
        return UUID.fromString(new String(vault.open(c.expertSealed(), "contact:" + drawId), StandardCharsets.UTF_8));
    }

    private static List<Object> specialtiesJson(List<SpecialtyCount> specialties) {
        List<Object> out = new ArrayList<>();
        for (SpecialtyCount s : specialties) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("count", (long) s.count());
            out.add(m);
        }
        return out;
    }

    private static List<Object> poolJson(List<DrawWalk.Specialty> specialties) {
        List<Object> out = new ArrayList<>();
        for (DrawWalk.Specialty s : specialties) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", s.code());
            m.put("count", (long) s.count());
            m.put("pool", List.copyOf(s.pool()));
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> readJson(String json) {
        return json == null ? List.of() : JSON.readValue(json, List.class);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
