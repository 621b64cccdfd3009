package org.sunbid.platform.procurement;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import tools.jackson.databind.json.JsonMapper;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.SignedTreeHead;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.procurement.domain.InvitationRule;
import org.sunbid.platform.procurement.domain.SupplierDraw;
import org.sunbid.platform.tendering.InvitationView;
import org.sunbid.platform.tendering.TenderInvitations;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Invitations to a lot whose method is by invitation only (邀请招标, 竞争性谈判, 竞争性磋商, 询价): the purchaser's (or its
 * agency's) own written recommendations (74号令 Art. 12: at most half) and suppliers drawn at random from a pool — the
 * platform's supplier database or a prequalified list (87号令 Art. 14: a database or recommendation pool at least twice
 * the number drawn; the draw witnessed by at least two of the purchaser's staff), all by the lot's rules
 * ({@link InvitationRule}).
 *
 * <p>The draw is the expert draw's ({@link SupplierDraw}): with the request the purchaser commits to a secret by its SM3;
 * the pool is then fixed and its hash logged and a tree head signed over the log, so neither the pool nor the head can
 * follow the secret; the purchaser reveals the secret, it must match the commitment, and the seed SM3(secret ‖ head
 * root ‖ draw id) ranks the sorted pool. The invitees go to tendering's invitation list. Who was invited stays sealed
 * until bidding closes (the other suppliers must not learn who may respond); then the whole record — pool, secret,
 * head, drawn, recommendations with their recommenders, witnesses — is public, so anyone can re-compute the draw. That is
 * also when 87号令 Art. 69 wants the recommenders published "with the result": the result notice comes after the deadline,
 * and publishing at the draw would tell every supplier who its competitors are.
 */
@Service
public class Invitations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Tenders tenders;
    private final TenderInvitations invitations;
    private final Procedures procedures;
    private final Projects projects;
    private final Organisations organisations;
    private final Accounts accounts;
    private final InvitationCredit credit;

    Invitations(JdbcClient jdbc, Clock clock, AuditLog log, Tenders tenders, TenderInvitations invitations,
            Procedures procedures, Projects projects, Organisations organisations, Accounts accounts, InvitationCredit credit) {
        this.credit = credit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.tenders = tenders;
        this.invitations = invitations;
        this.procedures = procedures;
        this.projects = projects;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** A supplier the purchaser recommends in writing, and who recommended it (published with the draw record). */
    public record Recommendation(UUID supplierId, String recommender) {
    }

    /**
     * What the purchaser asks for.
     *
     * @param recommended  the purchaser's written recommendations (invited directly, within RECOMMENDED_MAX)
     * @param drawCount    how many to draw
     * @param poolSource   DATABASE (the platform's suppliers, optionally of {@code poolRegion}) or PREQUALIFIED
     * @param prequalified the prequalified suppliers' ids (PREQUALIFIED only)
     * @param poolRegion   a region code limiting the database pool, or null for every supplier on the platform
     * @param witnesses    usernames of the purchaser's or agency's staff witnessing the draw
     * @param secretHash   SM3 (hex) of the purchaser's 32-byte secret, generated off the platform
     */
    public record DrawRequest(List<Recommendation> recommended, int drawCount, PoolSource poolSource,
            List<UUID> prequalified, String poolRegion, List<String> witnesses, String secretHash) {
    }

    /**
     * The owner requests the draw: the rules are checked, the commitment and the pool's hash are logged and a tree head
     * is signed. Nothing is drawn yet: the draw waits for the secret ({@link #reveal}).
     */
    @Transactional
    public InvitationDrawRecord requestDraw(UUID tenderId, DrawRequest request, CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        Instant now = clock.instant();
        if (tender.status() != TenderStatus.DRAFT && tender.status() != TenderStatus.PUBLISHED
                || !now.isBefore(tender.bidDeadline())) {
            throw new DomainException(ProcurementError.INVITATION_DRAW_STATE, tender.status());
        }
        String procedureCode = projects.procedureOfLot(tenderId)
                .orElseThrow(() -> new DomainException(ProcurementError.NOT_BY_INVITATION, tenderId));
        ProcedureRules rules = procedures.rulesAt(procedureCode, now);
        if (!rules.holds(RuleKeys.INVITATION_ONLY)) {
            throw new DomainException(ProcurementError.NOT_BY_INVITATION, tenderId);
        }
        // one draw at a time: a new one only once the last has FAILED (decided by the platform at its reveal, never asked for)
        if (jdbc.sql("SELECT count(*) FROM invitation_draw WHERE tender_id = :t AND status <> 'FAILED'").param("t", tenderId)
                .query(Long.class).single() > 0) {
            throw new DomainException(ProcurementError.INVITATION_DRAW_EXISTS, tenderId);
        }
        String secretHash = hex64(request.secretHash())
                .orElseThrow(() -> new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "secretHash"));
        // a failed draw's secret is revealed (in its record and the public log): a new draw commits to a new one
        long failedBefore = jdbc.sql("SELECT count(*) FROM invitation_draw WHERE tender_id = :t").param("t", tenderId)
                .query(Long.class).single();
        if (jdbc.sql("SELECT count(*) FROM invitation_draw WHERE tender_id = :t AND secret_hash = :h").param("t", tenderId)
                .param("h", secretHash).query(Long.class).single() > 0) {
            throw new DomainException(ProcurementError.INVITATION_SECRET_REUSED);
        }
        PoolSource source = request.poolSource() == null ? PoolSource.DATABASE : request.poolSource();
        List<Recommendation> recommended = request.recommended() == null ? List.of() : request.recommended();
        Set<UUID> recommendedIds = new LinkedHashSet<>();
        for (Recommendation r : recommended) {
            if (r.supplierId() == null || r.recommender() == null || r.recommender().isBlank() || r.recommender().length() > 100
                    || !recommendedIds.add(r.supplierId())) {
                throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "recommended");
            }
        }
        requireSuppliers(recommendedIds);
        credit.require(recommendedIds, now, tenderId.toString(), tender.regionCode(), user.actor()); // issue 20
        if (source != PoolSource.DATABASE && request.prequalified() != null) {
            credit.require(request.prequalified().stream().filter(java.util.Objects::nonNull).toList(), now, tenderId.toString(),
                    tender.regionCode(), user.actor());
        }
        List<String> pool = pool(source, request, recommendedIds);
        // a database pool leaves out whoever a record bars now; the records' ids go into the pool's log entry
        CreditVerdict poolVerdict = credit.verdict(pool.stream().map(UUID::fromString).toList(), now);
        if (poolVerdict.barred()) {
            Set<UUID> barred = credit.barred(pool.stream().map(UUID::fromString).toList(), poolVerdict);
            pool = pool.stream().filter(id -> !barred.contains(UUID.fromString(id))).toList();
        }
        List<String> witnesses = witnesses(request.witnesses(), tender);
        InvitationRule.of(rules).refusal(recommendedIds.size(), request.drawCount(), pool.size(), source, witnesses.size())
                .ifPresent(e -> {
                    throw e;
                });

        UUID drawId = UUID.randomUUID();
        String poolHash = SupplierDraw.poolHash(request.drawCount(), pool);
        // the commitment first, then the pool, then the head: the head cannot follow the pool, the secret was fixed before
        Map<String, Object> committed = new java.util.LinkedHashMap<>(Map.of("drawId", drawId.toString(), "secretHash", secretHash,
                "witnesses", witnesses, "drawCount", request.drawCount(), "recommendedCount", recommendedIds.size()));
        if (failedBefore > 0) { // a new draw after failed ones (each in the log with its reason)
            committed.put("failedBefore", failedBefore);
        }
        log.record(AuditRecord.of("procurement.invitation-draw.committed", tenderId.toString(), tender.regionCode(),
                user.actor(), committed));
        LogEntry poolEntry = log.append(AuditRecord.of("procurement.invitation-draw.pool-fixed", tenderId.toString(),
                tender.regionCode(), user.actor(), poolFixed(drawId, poolHash, source, pool.size(), poolVerdict)));
        SignedTreeHead head = log.signHead();
        List<Map<String, Object>> recommendedJson = new ArrayList<>();
        for (Recommendation r : recommended) {
            recommendedJson.add(Map.of("supplierId", r.supplierId().toString(), "recommender", r.recommender().strip()));
        }
        jdbc.sql("""
                INSERT INTO invitation_draw (id, tender_id, region_code, procedure_code, status, pool_source, draw_count, pool_json,
                    pool_hash, pool_seq, recommended_json, witnesses_json, secret_hash, head_size, head_root, head_timestamp,
                    head_signature, created_at, created_by)
                VALUES (:id, :t, :region, :proc, 'AWAITING_SECRET', :source, :count, :pool, :hash, :seq, :rec, :wit, :secret,
                    :size, :root, :ts, :sig, :now, :by)""")
                .param("id", drawId).param("t", tenderId).param("region", tender.regionCode()).param("proc", procedureCode)
                .param("source", source.name()).param("count", request.drawCount()).param("pool", CanonicalJson.write(pool))
                .param("hash", poolHash).param("seq", poolEntry.seq()).param("rec", CanonicalJson.write(recommendedJson))
                .param("wit", CanonicalJson.write(witnesses)).param("secret", secretHash).param("size", head.size())
                .param("root", head.rootHash()).param("ts", utc(head.timestamp())).param("sig", head.signature())
                .param("now", utc(now)).param("by", user.username()).update();
        return view(tenderId);
    }

    /**
     * The owner reveals the secret: it must hash to the commitment (else nothing changes); the pool is ranked by the
     * seed, the first {@code drawCount} are drawn, and they and the recommended suppliers are invited.
     *
     * <p>If suppliers barred by credit since the request leave the ranking unable to yield {@code drawCount}, or the
     * list below the method's minimum (法 Art. 34, 87号令 Art. 14), the draw ends {@code FAILED} (nobody invited): the
     * secret and the walk are recorded so the draw re-computes, the failure is logged in public with its reason and
     * counts (who was barred only in the sealed entries the credit check keeps), and the lot may have a new draw with a
     * new commitment. The platform decides this at the reveal from the records in force; the owner cannot ask for it,
     * and no deadline fails a draw whose secret is withheld — the owner, who holds the secret, could otherwise see the
     * outcome, withhold it and draw again.
     */
    @Transactional
    public InvitationDrawRecord reveal(UUID tenderId, String secretHex, CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        Row draw = current(tenderId, true).orElseThrow(() -> rows(tenderId).isEmpty()
                ? new DomainException(ProcurementError.INVITATION_DRAW_NOT_FOUND, tenderId)
                : new DomainException(ProcurementError.INVITATION_DRAW_STATE, "FAILED"));
        if (!"AWAITING_SECRET".equals(draw.status())) {
            throw new DomainException(ProcurementError.INVITATION_DRAW_STATE, draw.status());
        }
        String hex = hex64(secretHex).filter(h -> Sm3.hex(HexFormat.of().parseHex(h)).equals(draw.secretHash()))
                .orElseThrow(() -> new DomainException(ProcurementError.INVITATION_SECRET_MISMATCH));
        byte[] secret = HexFormat.of().parseHex(hex);
        List<String> drawn = new ArrayList<>(SupplierDraw.drawn(secret, draw.headRoot(), draw.id().toString(), draw.drawCount(),
                draw.pool()));
        Instant now = clock.instant();
        List<TenderInvitations.Invitee> recommended = new ArrayList<>();
        draw.recommended().forEach(r -> recommended.add(new TenderInvitations.Invitee(r.supplierId(), "RECOMMENDED", r.recommender())));
        // issue 20: one restricted since the draw was requested is left off the list at the reveal (a confidential record)
        // and, if drawn, replaced by the next of the same ranking (the walk anyone re-computes), so that the list keeps
        // its size (法 Art. 34, 87号令 Art. 14); the pool running out fails the draw (FAILED, nobody invited)
        List<UUID> asked = new ArrayList<>(recommended.stream().map(TenderInvitations.Invitee::supplierId).toList());
        drawn.forEach(id -> asked.add(UUID.fromString(id)));
        Set<UUID> barred = new HashSet<>();
        List<String> ranking = null;
        while (true) {
            CreditVerdict verdict = credit.verdict(asked, now);
            if (verdict.barred()) {
                barred.addAll(credit.barred(asked, verdict));
                credit.leftOff(verdict, tenderId.toString(), tender.regionCode(), user.actor());
            }
            long kept = drawn.stream().filter(id -> !barred.contains(UUID.fromString(id))).count();
            if (kept >= draw.drawCount()) {
                break;
            }
            if (ranking == null) {
                ranking = SupplierDraw.ranking(secret, draw.headRoot(), draw.id().toString(), draw.drawCount(), draw.pool());
            }
            asked.clear();
            for (int i = drawn.size(); i < ranking.size() && kept + asked.size() < draw.drawCount(); i++) {
                drawn.add(ranking.get(i));
                asked.add(UUID.fromString(ranking.get(i)));
            }
            if (asked.isEmpty()) {
                return fail(tender, draw, hex, drawn, ProcurementError.INVITATION_POOL_EXHAUSTED, draw.drawCount(), (int) kept,
                        now, user);
            }
        }
        List<TenderInvitations.Invitee> invitees = new ArrayList<>();
        recommended.stream().filter(i -> !barred.contains(i.supplierId())).forEach(invitees::add);
        drawn.stream().map(UUID::fromString).filter(id -> !barred.contains(id))
                .forEach(id -> invitees.add(new TenderInvitations.Invitee(id, "DRAWN", draw.id().toString())));
        String procedureCode = projects.procedureOfLot(tenderId).orElse(null);
        if (procedureCode != null) { // a barred recommendation is not replaced: the list must still hold the minimum
            int min = InvitationRule.of(procedures.rulesAt(procedureCode, now)).invitedMin();
            if (invitees.size() < min) {
                return fail(tender, draw, hex, drawn, ProcurementError.INVITED_TOO_FEW, min, invitees.size(), now, user);
            }
        }
        jdbc.sql("""
                UPDATE invitation_draw SET status = 'DRAWN', secret_hex = :secret, drawn_json = :drawn, drawn_at = :now,
                    drawn_by = :by, version = version + 1 WHERE id = :id AND status = 'AWAITING_SECRET'""")
                .param("secret", hex).param("drawn", CanonicalJson.write(drawn)).param("now", utc(now))
                .param("by", user.username()).param("id", draw.id()).update();
        // who was drawn stays sealed until bidding closes; the public sees that the draw was made, on which head
        log.record(AuditRecord.of("procurement.invitation-draw.drawn", tenderId.toString(), tender.regionCode(), user.actor(),
                Map.of("drawId", draw.id().toString(), "headSize", draw.headSize(), "headRoot", draw.headRoot(),
                        "secretHash", draw.secretHash(), "drawnCount", draw.drawCount())));
        if (!invitees.isEmpty()) {
            invitations.invite(tenderId, invitees, user.actor());
        }
        return view(tenderId);
    }

    /**
     * The revealed draw cannot yield the minimum: it ends FAILED with the secret and the walk (so it re-computes), the
     * public entry gives the reason and the counts only (which suppliers were barred is in the credit check's sealed
     * entries), and nobody is invited.
     */
    private InvitationDrawRecord fail(TenderView tender, Row draw, String secretHex, List<String> walked, ProcurementError reason,
            int required, int available, Instant now, CurrentUser user) {
        int updated = jdbc.sql("""
                UPDATE invitation_draw SET status = 'FAILED', secret_hex = :secret, drawn_json = :drawn, drawn_at = :now,
                    drawn_by = :by, failure_reason = :reason, failure_required = :required, failure_available = :available,
                    version = version + 1 WHERE id = :id AND status = 'AWAITING_SECRET'""")
                .param("secret", secretHex).param("drawn", CanonicalJson.write(walked)).param("now", utc(now))
                .param("by", user.username()).param("reason", reason.name()).param("required", required)
                .param("available", available).param("id", draw.id()).update();
        if (updated != 1) {
            throw new DomainException(ProcurementError.INVITATION_DRAW_STATE, draw.status());
        }
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("drawId", draw.id().toString());
        payload.put("headSize", draw.headSize());
        payload.put("headRoot", draw.headRoot());
        payload.put("secretHash", draw.secretHash());
        payload.put("secret", secretHex); // matches the commitment: the failure followed a genuine reveal
        payload.put("reason", reason.name());
        payload.put("required", required);
        payload.put("available", available);
        payload.put("drawCount", draw.drawCount());
        payload.put("poolSize", draw.pool().size());
        log.record(AuditRecord.of("procurement.invitation-draw.failed", tender.id().toString(), tender.regionCode(), user.actor(),
                payload));
        return view(tender.id());
    }

    /**
     * The draw record: for the tender's owners at any time; for anyone else once bidding has closed (before, the pool
     * hash, the commitment and the head are in the public log, and the record is refused as sealed).
     */
    public InvitationDrawRecord record(UUID tenderId, CurrentUser user) {
        boolean owner = user != null && tenders.owns(tenderId, user);
        if (!owner) {
            TenderView tender = tenders.findPublished(tenderId)
                    .orElseThrow(() -> new DomainException(ProcurementError.INVITATION_DRAW_NOT_FOUND, tenderId));
            if (tender.status() != TenderStatus.BIDDING_CLOSED && tender.status() != TenderStatus.TERMINATED) {
                throw new DomainException(ProcurementError.INVITATION_DRAW_SEALED);
            }
        }
        return view(tenderId);
    }

    /** The tender's invitation list, for its owners only (the purchaser knows whom it invited). */
    public List<InvitationView> invitees(UUID tenderId, CurrentUser user) {
        tenders.asOwner(tenderId, user);
        return invitations.ofTender(tenderId);
    }

    /** The caller's organisation's own invitations (我的邀请), with each response deadline. */
    public List<InvitationView> mine(CurrentUser user) {
        return invitations.mine(user);
    }

    /** The lot's current draw (the open one, else the latest failed one), with the failed ones before it. */
    private InvitationDrawRecord view(UUID tenderId) {
        List<Row> rows = rows(tenderId);
        Row current = rows.stream().filter(r -> !"FAILED".equals(r.status())).findFirst()
                .or(() -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1)))
                .orElseThrow(() -> new DomainException(ProcurementError.INVITATION_DRAW_NOT_FOUND, tenderId));
        List<InvitationDrawRecord> earlier = rows.stream().filter(r -> r != current).map(r -> view(tenderId, r, List.of())).toList();
        return view(tenderId, current, earlier);
    }

    private InvitationDrawRecord view(UUID tenderId, Row r, List<InvitationDrawRecord> earlier) {
        Set<UUID> ids = new HashSet<>();
        r.drawn().forEach(d -> ids.add(UUID.fromString(d)));
        r.recommended().forEach(x -> ids.add(x.supplierId()));
        Map<UUID, String> names = new HashMap<>();
        organisations.findAll(ids).forEach(o -> names.put(o.id(), o.name()));
        List<InvitationDrawRecord.Invitee> drawn = r.drawn().stream()
                .map(d -> new InvitationDrawRecord.Invitee(UUID.fromString(d), names.get(UUID.fromString(d)), null)).toList();
        List<InvitationDrawRecord.Invitee> recommended = r.recommended().stream()
                .map(x -> new InvitationDrawRecord.Invitee(x.supplierId(), names.get(x.supplierId()), x.recommender())).toList();
        List<String> witnessNames = r.witnesses().stream()
                .map(w -> accounts.findByUsername(w).map(CurrentUser::displayName).orElse(w)).toList();
        return new InvitationDrawRecord(r.id(), tenderId, r.status(), r.poolSource(), r.drawCount(), r.pool(), r.poolHash(),
                r.poolSeq(), r.secretHash(), r.secret(), r.headSize(), r.headRoot(), r.headTimestamp(), r.headSignature(), drawn,
                recommended, witnessNames, r.drawnAt(), r.failureReason() == null ? null
                        : new InvitationDrawRecord.Failure(r.failureReason(), r.failureRequired(), r.failureAvailable()),
                r.createdAt(), earlier);
    }

    private List<String> pool(PoolSource source, DrawRequest request, Set<UUID> recommended) {
        List<String> pool = new ArrayList<>();
        if (source == PoolSource.DATABASE) {
            if (request.prequalified() != null && !request.prequalified().isEmpty()) {
                throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "prequalified");
            }
            String region = request.poolRegion() == null || request.poolRegion().isBlank() ? null : request.poolRegion().strip();
            for (Organisation o : organisations.suppliers(region)) {
                if (!recommended.contains(o.id())) {
                    pool.add(o.id().toString());
                }
            }
        } else {
            Set<UUID> listed = new LinkedHashSet<>(request.prequalified() == null ? List.of() : request.prequalified());
            if (listed.size() != (request.prequalified() == null ? 0 : request.prequalified().size()) || listed.contains(null)) {
                throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "prequalified");
            }
            requireSuppliers(listed);
            listed.stream().filter(id -> !recommended.contains(id)).forEach(id -> pool.add(id.toString()));
        }
        return pool.stream().sorted().toList();
    }

    private static Map<String, Object> poolFixed(UUID drawId, String poolHash, PoolSource source, int size, CreditVerdict verdict) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("drawId", drawId.toString());
        m.put("poolHash", poolHash);
        m.put("poolSource", source.name());
        m.put("poolSize", size);
        if (verdict.barred()) { // left out of the pool: the records, and the time they were asked at
            m.put("creditExcluded", InvitationCredit.recordIds(verdict));
            m.put("creditCheckedAt", verdict.at().toString());
        }
        return m;
    }

    private void requireSuppliers(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<Organisation> found = organisations.findAll(ids);
        if (found.size() != ids.size() || found.stream().anyMatch(o -> o.kind() != OrganisationKind.BIDDER || o.blacklisted())) {
            throw new DomainException(ProcurementError.INVALID_INVITATION_REQUEST, "supplier");
        }
    }

    /** The witnesses: distinct accounts of the tender's tenderee or agency (87号令 Art. 14: 采购人工作人员). */
    private List<String> witnesses(List<String> usernames, TenderView tender) {
        List<String> out = new ArrayList<>();
        for (String u : usernames == null ? List.<String>of() : usernames) {
            String name = u == null ? "" : u.strip();
            CurrentUser account = accounts.findByUsername(name).orElse(null);
            if (account == null || account.organisationId() == null
                    || !(account.organisationId().equals(tender.tendereeId()) || account.organisationId().equals(tender.agencyId()))) {
                throw new DomainException(ProcurementError.DRAW_WITNESS_UNKNOWN, name);
            }
            if (!out.contains(account.username())) {
                out.add(account.username());
            }
        }
        return out;
    }

    private record Row(UUID id, String status, String poolSource, int drawCount, List<String> pool, String poolHash,
            long poolSeq, List<Recommendation> recommended, List<String> witnesses, String secretHash, String secret,
            long headSize, String headRoot, Instant headTimestamp, String headSignature, List<String> drawn, Instant drawnAt,
            String failureReason, int failureRequired, int failureAvailable, Instant createdAt) {
    }

    /** The lot's draw not FAILED (at most one: a unique index), locked for the reveal. */
    private Optional<Row> current(UUID tenderId, boolean lock) {
        return jdbc.sql("SELECT * FROM invitation_draw WHERE tender_id = :t AND status <> 'FAILED'" + (lock ? " FOR UPDATE" : ""))
                .param("t", tenderId).query(Invitations::row).optional();
    }

    /** Every draw of the lot, oldest first. */
    private List<Row> rows(UUID tenderId) {
        return jdbc.sql("SELECT * FROM invitation_draw WHERE tender_id = :t ORDER BY created_at, id").param("t", tenderId)
                .query(Invitations::row).list();
    }

    @SuppressWarnings("unchecked")
    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        List<Recommendation> recommended = new ArrayList<>();
        for (Object o : (List<Object>) JSON.readValue(rs.getString("recommended_json"), List.class)) {
            Map<String, Object> m = (Map<String, Object>) o;
            recommended.add(new Recommendation(UUID.fromString((String) m.get("supplierId")), (String) m.get("recommender")));
        }
        String drawnJson = rs.getString("drawn_json");
        OffsetDateTime drawnAt = rs.getObject("drawn_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("pool_source"),
                rs.getInt("draw_count"), strings(rs.getString("pool_json")), rs.getString("pool_hash"),
                rs.getLong("pool_seq"), recommended, strings(rs.getString("witnesses_json")),
                rs.getString("secret_hash"), rs.getString("secret_hex"), rs.getLong("head_size"),
                rs.getString("head_root"), rs.getObject("head_timestamp", OffsetDateTime.class).toInstant(),
                rs.getString("head_signature"), drawnJson == null ? List.of() : strings(drawnJson),
                drawnAt == null ? null : drawnAt.toInstant(), rs.getString("failure_reason"),
                rs.getInt("failure_required"), rs.getInt("failure_available"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String json) {
        return ((List<Object>) JSON.readValue(json, List.class)).stream().map(String.class::cast).toList();
    }

    private static Optional<String> hex64(String text) {
        String hex = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
