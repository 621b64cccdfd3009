package org.sunbid.platform.intermediaries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.audit.SignedTreeHead;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRecordView;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.intermediaries.domain.DirectThreshold;
import org.sunbid.platform.intermediaries.domain.Eligibility;
import org.sunbid.platform.intermediaries.domain.IntermediaryDraw;
import org.sunbid.platform.intermediaries.domain.QuoteOpening;
import org.sunbid.platform.intermediaries.domain.SealedQuote;
import org.sunbid.crypto.Sm4Gcm;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Selecting an intermediary for an owner's service request (中介服务选取): the owner (招标人/采购人) states the kind,
 * region, budget and service dates and one of three methods —
 * <ul>
 *   <li>RANDOM_DRAW (随机抽取): the platform's verifiable draw ({@link IntermediaryDraw}). Not the owner but the
 *       trading centre's staff of the request's region commits to a secret by its SM3 and names at least two witnesses,
 *       one at least of the centre; the eligible pool is fixed and its hash logged, then a tree head is signed; the
 *       staff reveals the secret before the draw's deadline ({@link #DRAW_WINDOW} after the request; after it the draw
 *       fails, logged), the seed SM3(secret ‖ head root ‖ draw id) ranks the sorted pool and the first not barred by
 *       credit at the reveal is selected. An owner has one open draw per service kind. The published record verifies
 *       with {@code sunbid-verifier verify-draw};</li>
 *   <li>LOWEST_QUOTE (比价选取): eligible intermediaries quote until the deadline, the quotes hidden until it; then the
 *       lowest wins ({@link QuoteOpening});</li>
 *   <li>DIRECT (直接选取): only when the budget is within the threshold in force for the region and kind
 *       ({@link DirectThreshold}), whose basis is kept with the selection.</li>
 * </ul>
 * Eligibility ({@link Eligibility}) is decided when the request is made, and kept with it: registered and
 * approved for the kind and the area, qualification valid on that day, and not barred by credit at
 * {@link Gate#AGENCY_SELECTION} (each left out with the reason, shown to staff and logged sealed with the records'
 * ids). Credit is checked again when a quote is given (refused), when quotes are opened and at the draw's reveal
 * (the barred skipped, logged sealed with the records' ids). Before the quote deadline an intermediary sees only the
 * number of its rivals and the owner not the number of quotes. Quotes are sealed at rest ({@link SealedQuote}): each
 * lowest-quote request has its own SM4 quote key, in the database only wrapped under the {@link QuoteVault} key file;
 * a quote is kept as its ciphertext bound to the request and the intermediary and the SM3 commitment the log carries,
 * never the amount, until the opening decrypts them after the deadline, logs every amount with its ciphertext and
 * publishes the key, so anyone can re-open each committed quote from the log alone. A quote that does not open or does
 * not match its logged commitment (altered or moved in the database) is refused at the opening, logged, not selected.
 * After the service the owner rates it; the rating shows on the intermediary's profile.
 */
@Service
public class Selections {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fewer than this many eligible makes no draw (a "draw" of one is a direct selection). */
    static final int MIN_DRAW_POOL = 2;
    static final int MIN_WITNESSES = 2;
    /** The draw's secret is committed and revealed by the centre's staff within this time of the request, or it fails. */
    static final java.time.Duration DRAW_WINDOW = java.time.Duration.ofDays(3);
    /** The most rows a list shows. */
    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;
    private final Intermediaries intermediaries;
    private final CreditChecks credit;
    private final Organisations organisations;
    private final Accounts accounts;
    private final CreditRefusals refusals;
    private final QuoteVault vault;

    Selections(JdbcClient jdbc, Clock clock, AuditLog log, Intermediaries intermediaries, CreditChecks credit,
            Organisations organisations, Accounts accounts, CreditRefusals refusals, QuoteVault vault) {
        this.refusals = refusals;
        this.vault = vault;
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
        this.intermediaries = intermediaries;
        this.credit = credit;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** How the intermediary is picked. */
    public enum Method {
        /** 随机抽取: the verifiable draw. */
        RANDOM_DRAW,
        /** 比价选取: the lowest quote by the deadline. */
        LOWEST_QUOTE,
        /** 直接选取: within the region's threshold. */
        DIRECT
    }

    /**
     * An owner's request.
     *
     * @param quoteDeadline LOWEST_QUOTE: until when quotes are taken
     * @param directId      DIRECT: the intermediary chosen
     * @param directReason  DIRECT: why this one
     * @param witnesses     not the owner's: the centre's staff names the draw's witnesses when it commits (must be empty)
     * @param secretHash    not the owner's: the centre's staff commits the draw's secret (must be empty)
     */
    public record ServiceRequest(String serviceKind, String regionCode, String title, BigDecimal budget, LocalDate serviceStart,
            LocalDate serviceEnd, Method method, Instant quoteDeadline, UUID directId, String directReason,
            List<String> witnesses, String secretHash) {
    }

    /** An intermediary left out, with the reason (staff only). */
    public record Excluded(UUID organisationId, String name, String reason) {
    }

    /**
     * A quote as shown once the deadline has passed (or the quoting intermediary's own).
     *
     * @param amount     null until the opening (sealed), and for a quote refused at the opening
     * @param commitment SM3 (hex) of the sealed quote, as logged when it was given (null for one given before sealing)
     * @param state      SEALED until the opening, then OPENED or INVALID (did not open: refused); PLAIN for one given
     *                   before quotes were sealed
     */
    public record QuoteView(UUID organisationId, String name, BigDecimal amount, String commitment, String state,
            Instant submittedAt) {
    }

    /**
     * A request as its owner, the centre's staff or an eligible intermediary sees it.
     *
     * @param eligible the eligible pool's names (ids for the owner and staff); before the quote deadline an intermediary
     *                 sees only its own name and the count
     * @param eligibleCount how many are eligible
     * @param excluded who was left out and why: staff only (empty for others)
     * @param quotes   hidden (empty) until the deadline, except the caller's own
     * @param quoteCount how many quotes are in: staff always, the owner only once the deadline has passed (0 before)
     */
    public record RequestView(UUID id, UUID ownerId, String ownerName, String regionCode, String serviceKind, String title,
            BigDecimal budget, LocalDate serviceStart, LocalDate serviceEnd, Method method, String status, Instant quoteDeadline,
            List<Map<String, String>> eligible, List<Excluded> excluded, List<QuoteView> quotes, int eligibleCount, int quoteCount,
            UUID selectedId, String selectedName, BigDecimal selectedAmount, Instant selectedAt, String selectionBasis,
            UUID drawId, Integer ratingScore, String ratingComment, Instant createdAt) {
    }

    /** A published selection result (portal). */
    public record ResultView(UUID requestId, String title, String ownerName, String regionCode, String serviceKind,
            Method method, String selectedName, UUID selectedId, BigDecimal selectedAmount, Instant selectedAt, String basis,
            UUID drawId) {
    }

    // Requesting ---------------------------------------------------------------------------------------------------

    /** The owner requests a service; eligibility is decided now and kept; the method's first step is taken. */
    @Transactional
    public RequestView request(ServiceRequest r, CurrentUser user) {
        if (user.role() != Role.TENDEREE || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Intermediaries.ZONE);
        validate(r, now);
        List<String> lineage = intermediaries.lineage(r.regionCode());
        List<Eligibility.Candidate> candidates = new ArrayList<>();
        Map<UUID, List<String>> creditBars = new java.util.HashMap<>(); // the barring records' ids, logged with the exclusion
        for (Eligibility.Candidate c : intermediaries.candidates()) {
            CreditVerdict v = credit.checkOrganisations(Gate.AGENCY_SELECTION, List.of(c.id()), now);
            candidates.add(new Eligibility.Candidate(c.id(), c.name(), c.approved(), c.areas(), c.qualifications(),
                    v.barred() ? v.reasons() : null));
            if (v.barred()) {
                creditBars.put(c.id(), v.barredBy().stream().map(CreditRecordView::id).map(UUID::toString).toList());
            }
        }
        Eligibility.Outcome outcome = Eligibility.sort(candidates, r.serviceKind(), new LinkedHashSet<>(lineage), today);
        String basis = null;
        UUID selected = null;
        String status;
        switch (r.method()) {
            case RANDOM_DRAW -> {
                // one open draw per owner and kind: an owner cannot keep several and pursue only the one it likes
                if (jdbc.sql("""
                        SELECT count(*) FROM intermediary_request WHERE owner_id = :o AND service_kind = :k
                            AND method = 'RANDOM_DRAW' AND status = 'AWAITING_SECRET'""")
                        .param("o", user.organisationId()).param("k", r.serviceKind()).query(Long.class).single() > 0) {
                    throw new DomainException(IntermediaryError.DRAW_ALREADY_OPEN, r.serviceKind());
                }
                if (outcome.eligible().size() < MIN_DRAW_POOL) {
                    throw new DomainException(IntermediaryError.TOO_FEW_ELIGIBLE, outcome.eligible().size(), MIN_DRAW_POOL);
                }
                status = "AWAITING_SECRET";
            }
            case LOWEST_QUOTE -> {
                if (outcome.eligible().isEmpty()) {
                    throw new DomainException(IntermediaryError.TOO_FEW_ELIGIBLE, 0, 1);
                }
                status = "QUOTING";
            }
            default -> {
                DirectThreshold.Row t = intermediaries.thresholdFor(r.regionCode(), r.serviceKind(), today)
                        .orElseThrow(() -> new DomainException(IntermediaryError.DIRECT_NO_THRESHOLD, r.regionCode(), r.serviceKind()));
                if (!DirectThreshold.allows(t, r.budget())) {
                    throw new DomainException(IntermediaryError.DIRECT_OVER_THRESHOLD, t.maxAmount().toPlainString(), t.basis(),
                            r.budget().toPlainString());
                }
                if (!outcome.eligible().contains(r.directId())) {
                    String why = outcome.excluded().stream().filter(e -> e.id().equals(r.directId())).map(Eligibility.Exclusion::reason)
                            .findFirst().orElse("未登记该服务类别");
                    throw new DomainException(IntermediaryError.DIRECT_NOT_ELIGIBLE, why);
                }
                selected = r.directId();
                basis = "直接选取：预算 " + r.budget().toPlainString() + " 元不超过限额 " + t.maxAmount().toPlainString() + " 元（"
                        + t.basis() + "）；理由：" + r.directReason().strip();
                status = "SELECTED";
            }
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime odt = Intermediaries.utc(now);
        List<Map<String, String>> excludedJson = new ArrayList<>();
        outcome.excluded().forEach(e -> excludedJson.add(Map.of("id", e.id().toString(), "name", e.name(), "reason", e.reason())));
        jdbc.sql("""
                INSERT INTO intermediary_request (id, owner_id, region_code, service_kind, title, budget, service_start, service_end,
                    method, status, quote_deadline, eligible_json, excluded_json, selected_id, selected_at, selection_basis,
                    created_at, created_by, updated_at, updated_by, draw_deadline, quote_key)
                VALUES (:id, :owner, :region, :kind, :title, :budget, :start, :end, :method, :status, :deadline, :eligible,
                    :excluded, :selected, :selectedAt, :basis, :now, :by, :now, :by, :drawDeadline, :quoteKey)""")
                .param("id", id).param("owner", user.organisationId()).param("region", r.regionCode())
                .param("kind", r.serviceKind()).param("title", r.title().strip()).param("budget", r.budget())
                .param("start", r.serviceStart()).param("end", r.serviceEnd()).param("method", r.method().name())
                .param("status", status)
                .param("deadline", r.method() == Method.LOWEST_QUOTE ? Intermediaries.utc(r.quoteDeadline()) : null)
                .param("eligible", CanonicalJson.write(outcome.eligible().stream().map(UUID::toString).toList()))
                .param("excluded", CanonicalJson.write(excludedJson)).param("selected", selected)
                .param("selectedAt", selected == null ? null : odt).param("basis", basis).param("now", odt)
                .param("by", user.username())
                .param("drawDeadline", r.method() == Method.RANDOM_DRAW ? Intermediaries.utc(now.plus(DRAW_WINDOW)) : null)
                // the request's own quote key, here only wrapped under the vault's key file
                .param("quoteKey", r.method() == Method.LOWEST_QUOTE ? vault.wrap(id, Sm4Gcm.newKey()) : null).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", r.serviceKind());
        payload.put("method", r.method().name());
        payload.put("budget", r.budget().toPlainString());
        payload.put("eligible", outcome.eligible().size());
        payload.put("excluded", outcome.excluded().size());
        LogEntry made = log.append(AuditRecord.of("intermediaries.request.made", id.toString(), r.regionCode(), user.actor(), payload));
        jdbc.sql("UPDATE intermediary_request SET made_seq = :seq WHERE id = :id").param("seq", made.seq()).param("id", id).update();
        for (Eligibility.Exclusion e : outcome.excluded()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("organisationId", e.id().toString());
            p.put("reason", e.reason());
            List<String> records = creditBars.getOrDefault(e.id(), List.of());
            if (!records.isEmpty() && e.reason().startsWith("信用受限")) {
                p.put("creditRecords", records);
            }
            // sealed: who was left out, and for which credit record, is for staff, not for every reader of the log
            log.record(AuditRecord.of("intermediaries.request.excluded", id.toString(), r.regionCode(), user.actor(), p).sealed());
        }
        if (r.method() == Method.RANDOM_DRAW) {
            payload = new LinkedHashMap<>();
            payload.put("drawDeadline", now.plus(DRAW_WINDOW).toString());
            log.record(AuditRecord.of("intermediaries.draw.requested", id.toString(), r.regionCode(), user.actor(), payload));
        } else if (r.method() == Method.DIRECT) {
            log.record(AuditRecord.of("intermediaries.selected", id.toString(), r.regionCode(), user.actor(),
                    Map.of("method", "DIRECT", "organisationId", selected.toString(), "basis", basis)));
        }
        return view(id, user);
    }

    private void validate(ServiceRequest r, Instant now) {
        if (r == null || r.method() == null || Intermediaries.blank(r.title(), 200) || r.budget() == null || r.budget().signum() <= 0
                || r.budget().scale() > 2 || r.serviceStart() == null || r.serviceEnd() == null
                || r.serviceEnd().isBefore(r.serviceStart()) || r.regionCode() == null) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "request");
        }
        intermediaries.kind(r.serviceKind());
        if (intermediaries.lineage(r.regionCode()).isEmpty()) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "regionCode");
        }
        switch (r.method()) {
            case LOWEST_QUOTE -> {
                if (r.quoteDeadline() == null || !r.quoteDeadline().isAfter(now)) {
                    throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "quoteDeadline");
                }
            }
            case DIRECT -> {
                if (r.directId() == null || Intermediaries.blank(r.directReason(), 300)) {
                    throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "directReason");
                }
            }
            case RANDOM_DRAW -> {
                // the owner holds no secret of its own draw and names no witnesses: the centre's staff does both
                if (r.secretHash() != null && !r.secretHash().isBlank()) {
                    throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "secretHash");
                }
                if (r.witnesses() != null && r.witnesses().stream().anyMatch(w -> w != null && !w.isBlank())) {
                    throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "witnesses");
                }
            }
        }
    }

    // The draw -----------------------------------------------------------------------------------------------------

    /**
     * The centre's staff of the request's region commits the draw's secret (its SM3, the secret generated off the
     * platform) and names at least two witnesses, at least one of the centre: the commitment, the pool fixed at the
     * request and a signed head are logged. Not the owner, who could otherwise compute the outcome before revealing.
     */
    @Transactional
    public RequestView commitDraw(UUID requestId, String secretHashHex, List<String> witnessNames, CurrentUser user) {
        Row req = drawStaff(requestId, user);
        if (draw(requestId).isPresent()) {
            throw new DomainException(IntermediaryError.REQUEST_STATE, "COMMITTED");
        }
        Instant now = clock.instant();
        if (!now.isBefore(req.drawDeadline())) {
            failDraw(req, now, user.actor(), user.username());
            return view(requestId, user);
        }
        String secretHash = hex64(secretHashHex)
                .orElseThrow(() -> new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "secretHash"));
        List<String> witnesses = witnesses(witnessNames, req.ownerId(), req.regionCode());
        List<String> pool = req.eligible().stream().map(UUID::toString).sorted().toList();
        UUID drawId = UUID.randomUUID();
        String poolHash = IntermediaryDraw.poolHash(pool);
        // the commitment first, then the pool, then the head: the head cannot follow the pool, the secret was fixed before
        LogEntry committed = log.append(AuditRecord.of("intermediaries.draw.committed", requestId.toString(), req.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "secretHash", secretHash, "witnesses", witnesses)));
        LogEntry fixed = log.append(AuditRecord.of("intermediaries.draw.pool-fixed", requestId.toString(), req.regionCode(),
                user.actor(), Map.of("drawId", drawId.toString(), "poolHash", poolHash, "poolSize", pool.size())));
        SignedTreeHead head = log.signHead();
        jdbc.sql("""
                INSERT INTO intermediary_draw (id, request_id, pool_json, pool_hash, pool_seq, secret_hash, commitment_seq,
                    witnesses_json, head_size, head_root, head_timestamp, head_signature, created_at, created_by)
                VALUES (:id, :req, :pool, :hash, :pseq, :secret, :cseq, :wit, :size, :root, :ts, :sig, :now, :by)""")
                .param("id", drawId).param("req", requestId).param("pool", CanonicalJson.write(pool)).param("hash", poolHash)
                .param("pseq", fixed.seq()).param("secret", secretHash).param("cseq", committed.seq())
                .param("wit", CanonicalJson.write(witnesses)).param("size", head.size()).param("root", head.rootHash())
                .param("ts", Intermediaries.utc(head.timestamp())).param("sig", head.signature())
                .param("now", Intermediaries.utc(now)).param("by", user.username()).update();
        return view(requestId, user);
    }

    /** The request's open draw, for the centre's staff of its region only (the owner neither commits nor reveals). */
    private Row drawStaff(UUID requestId, CurrentUser user) {
        Row req = visible(requestId, user, true);
        if (user.role() != Role.CENTRE_STAFF || !intermediaries.staffSees(user, req.regionCode())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (req.method() != Method.RANDOM_DRAW || !"AWAITING_SECRET".equals(req.status())) {
            throw new DomainException(IntermediaryError.REQUEST_STATE, req.status());
        }
        return req;
    }

    /** The draw was not revealed by its deadline: it fails, publicly, and the owner may request again. */
    private void failDraw(Row req, Instant now, Actor actor, String by) {
        jdbc.sql("""
                UPDATE intermediary_request SET status = 'FAILED', updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id AND status = 'AWAITING_SECRET'""")
                .param("now", Intermediaries.utc(now)).param("by", by).param("id", req.id()).update();
        log.record(AuditRecord.of("intermediaries.draw.expired", req.id().toString(), req.regionCode(), actor,
                Map.of("drawDeadline", req.drawDeadline().toString())));
    }

    /** Fails every draw past its deadline (also done by a commit or reveal attempt after it). */
    @Transactional
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "${sunbid.intermediaries.draw-expiry-interval:PT5M}",
            fixedDelayString = "${sunbid.intermediaries.draw-expiry-interval:PT5M}")
    public void expireDraws() {
        Instant now = clock.instant();
        for (UUID id : jdbc.sql("""
                SELECT id FROM intermediary_request WHERE method = 'RANDOM_DRAW' AND status = 'AWAITING_SECRET'
                    AND draw_deadline <= :now ORDER BY draw_deadline LIMIT 100""")
                .param("now", Intermediaries.utc(now)).query(UUID.class).list()) {
            row(id, true).filter(r -> "AWAITING_SECRET".equals(r.status())).ifPresent(r -> failDraw(r, now, Actor.SYSTEM, "system"));
        }
    }

    /** At least two distinct witnesses, at least one of the centre: accounts of the owner's organisation or staff of a centre covering the region. */
    private List<String> witnesses(List<String> usernames, UUID ownerId, String regionCode) {
        List<String> out = new ArrayList<>();
        boolean centre = false;
        for (String u : usernames == null ? List.<String>of() : usernames) {
            String name = u == null ? "" : u.strip();
            CurrentUser account = accounts.findByUsername(name).orElse(null);
            boolean staff = account != null && account.role() == Role.CENTRE_STAFF && intermediaries.staffSees(account, regionCode);
            boolean ok = account != null && (ownerId.equals(account.organisationId()) || staff);
            if (!ok) {
                throw new DomainException(IntermediaryError.DRAW_WITNESS_INVALID, name);
            }
            centre |= staff;
            if (!out.contains(account.username())) {
                out.add(account.username());
            }
        }
        if (out.size() < MIN_WITNESSES || !centre) {
            throw new DomainException(IntermediaryError.DRAW_WITNESS_INVALID, String.join(",", out));
        }
        return out;
    }

    /**
     * The centre's staff reveals the secret before the deadline: it must hash to the commitment (else nothing changes);
     * the ranking is walked and the first not barred by credit now is selected (those barred skipped, logged sealed with
     * the records' ids, and published as declined contacts so the record still verifies). After the deadline the draw fails.
     */
    @Transactional
    public RequestView reveal(UUID requestId, String secretHex, CurrentUser user) {
        Row req = drawStaff(requestId, user);
        DrawRow d = draw(requestId).orElseThrow(() -> new DomainException(IntermediaryError.REQUEST_STATE, "NOT_COMMITTED"));
        Instant now = clock.instant();
        if (!now.isBefore(req.drawDeadline())) {
            failDraw(req, now, user.actor(), user.username());
            return view(requestId, user);
        }
        String hex = hex64(secretHex).filter(h -> Sm3.hex(HexFormat.of().parseHex(h)).equals(d.secretHash()))
                .orElseThrow(() -> new DomainException(IntermediaryError.DRAW_SECRET_MISMATCH));
        byte[] seed = IntermediaryDraw.seed(HexFormat.of().parseHex(hex), d.headRoot(), d.id().toString());
        List<String> ranking = new DrawWalk(seed, IntermediaryDraw.request(d.pool())).ranking(IntermediaryDraw.STREAM);
        String drawn = null;
        List<String> skipped = new ArrayList<>();
        for (String candidate : ranking) {
            CreditVerdict v = credit.checkOrganisations(Gate.AGENCY_SELECTION, List.of(UUID.fromString(candidate)), now);
            if (!v.barred()) {
                drawn = candidate;
                break;
            }
            skipped.add(candidate);
            logBarred("intermediaries.draw.skipped", req, candidate, v, user);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawId", d.id().toString());
        payload.put("secretHash", d.secretHash());
        payload.put("drawn", drawn == null ? "" : drawn);
        payload.put("skipped", skipped.size());
        LogEntry revealed = log.append(AuditRecord.of("intermediaries.draw.revealed", requestId.toString(), req.regionCode(),
                user.actor(), payload));
        log.signHead(); // the reveal in a signed tree, so the verifier can check it came after the seed's head
        jdbc.sql("""
                UPDATE intermediary_draw SET secret_hex = :s, drawn_id = :o, revealed_seq = :seq, drawn_at = :now WHERE id = :id""")
                .param("s", hex).param("o", drawn == null ? null : UUID.fromString(drawn)).param("seq", revealed.seq())
                .param("now", Intermediaries.utc(now)).param("id", d.id()).update();
        if (drawn == null) {
            jdbc.sql("UPDATE intermediary_request SET status = 'FAILED', updated_at = :now, updated_by = :by WHERE id = :id")
                    .param("now", Intermediaries.utc(now)).param("by", user.username()).param("id", requestId).update();
        } else {
            select(req, UUID.fromString(drawn), null, "随机抽取：抽取记录 " + d.id() + "（可用 sunbid-verifier verify-draw 复核）", now,
                    user);
        }
        return view(requestId, user);
    }

    /** An intermediary barred by credit at a later step: logged sealed with the records' ids (staff only). */
    private void logBarred(String action, Row req, String organisationId, CreditVerdict v, CurrentUser user) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("organisationId", organisationId);
        p.put("reason", v.reasons());
        p.put("creditRecords", v.barredBy().stream().map(CreditRecordView::id).map(UUID::toString).toList());
        log.record(AuditRecord.of(action, req.id().toString(), req.regionCode(), user.actor(), p).sealed());
    }

    private void select(Row req, UUID organisationId, BigDecimal amount, String basis, Instant now, CurrentUser user) {
        int updated = jdbc.sql("""
                UPDATE intermediary_request SET status = 'SELECTED', selected_id = :o, selected_amount = :a, selected_at = :now,
                    selection_basis = :b, updated_at = :now, updated_by = :by, version = version + 1
                WHERE id = :id AND status IN ('AWAITING_SECRET', 'QUOTING')""")
                .param("o", organisationId).param("a", amount).param("now", Intermediaries.utc(now)).param("b", basis)
                .param("by", user.username()).param("id", req.id()).update();
        if (updated != 1) {
            throw new DomainException(IntermediaryError.REQUEST_STATE, req.status());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("method", req.method().name());
        payload.put("organisationId", organisationId.toString());
        if (amount != null) {
            payload.put("amount", amount.toPlainString());
        }
        log.record(AuditRecord.of("intermediaries.selected", req.id().toString(), req.regionCode(), user.actor(), payload));
    }

    /**
     * The published draw record, once drawn: every input needed to re-compute the selection, in the shape
     * {@code sunbid-verifier verify-draw} reads (one stream, one contact who is the one selected).
     */
    public Map<String, Object> drawRecord(UUID drawId) {
        DrawRow d = jdbc.sql("SELECT * FROM intermediary_draw WHERE id = :id").param("id", drawId).query(Selections::drawRow)
                .optional().filter(x -> x.secretHex() != null && x.drawnId() != null)
                .orElseThrow(() -> new DomainException(IntermediaryError.INTERMEDIARY_DRAW_NOT_PUBLISHED));
        Row req = row(d.requestId(), false).orElseThrow();
        byte[] seed = IntermediaryDraw.seed(HexFormat.of().parseHex(d.secretHex()), d.headRoot(), d.id().toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", "INTERMEDIARY");
        record.put("drawId", d.id().toString());
        record.put("requestId", req.id().toString());
        record.put("title", req.title());
        record.put("serviceKind", req.serviceKind());
        record.put("secretHash", d.secretHash());
        record.put("commitmentSeq", d.commitmentSeq());
        record.put("poolHash", d.poolHash());
        record.put("poolSeq", d.poolSeq());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("size", d.headSize());
        head.put("rootHash", d.headRoot());
        head.put("timestamp", d.headTimestamp().toString());
        head.put("signature", d.headSignature());
        record.put("head", head);
        record.put("revealedSeq", d.revealedSeq());
        record.put("secret", d.secretHex());
        record.put("seed", HexFormat.of().formatHex(seed));
        record.put("specialties", List.of(Map.of("code", IntermediaryDraw.STREAM, "count", 1, "pool", d.pool())));
        record.put("avoided", List.of());
        // those ranked before the one drawn were barred by credit at the reveal: published as declined contacts
        List<Map<String, String>> contacts = new ArrayList<>();
        for (String c : new DrawWalk(seed, IntermediaryDraw.request(d.pool())).ranking(IntermediaryDraw.STREAM)) {
            boolean accepted = c.equals(d.drawnId().toString());
            contacts.add(Map.of("specialty", IntermediaryDraw.STREAM, "expertId", c, "outcome", accepted ? "ACCEPTED" : "DECLINED"));
            if (accepted) {
                break;
            }
        }
        record.put("contacts", contacts);
        record.put("committee", List.of(Map.of("specialty", IntermediaryDraw.STREAM, "expertId", d.drawnId().toString())));
        record.put("witnesses", d.witnesses());
        record.put("poolNames", Intermediaries.names(organisations, d.pool().stream().map(UUID::fromString).toList())
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue,
                        (a, b) -> a, java.util.TreeMap::new)));
        return record;
    }

    // Quotes --------------------------------------------------------------------------------------------------------

    /** An eligible intermediary quotes (or re-quotes) before the deadline; the quote stays hidden until it. */
    @Transactional
    public QuoteView quote(UUID requestId, BigDecimal amount, CurrentUser user) {
        Row req = row(requestId, true).filter(r -> user.organisationId() != null && r.eligible().contains(user.organisationId()))
                .orElseThrow(() -> new DomainException(IntermediaryError.REQUEST_NOT_FOUND, requestId));
        if (user.role() != Role.AGENCY) {
            throw new DomainException(IntermediaryError.NOT_ELIGIBLE);
        }
        if (req.method() != Method.LOWEST_QUOTE || !"QUOTING".equals(req.status())) {
            throw new DomainException(IntermediaryError.REQUEST_STATE, req.status());
        }
        Instant now = clock.instant();
        if (!now.isBefore(req.quoteDeadline())) {
            throw new DomainException(IntermediaryError.QUOTE_DEADLINE_PASSED, req.quoteDeadline());
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "amount");
        }
        if (amount.compareTo(req.budget()) > 0) {
            throw new DomainException(IntermediaryError.QUOTE_OVER_BUDGET, amount.toPlainString(), req.budget().toPlainString());
        }
        // credit again now: a restriction begun after the request bars the quote (the refusal names the record to the
        // quoting intermediary only, kept as a confidential record)
        CreditVerdict v = credit.checkOrganisations(Gate.AGENCY_SELECTION, List.of(user.organisationId()), now);
        if (v.barred()) {
            throw refusals.refuse(v, requestId.toString(), req.regionCode(), user.actor());
        }
        // sealed at rest: only the ciphertext (bound to this request and this intermediary) and its SM3 commitment are
        // stored, the amount NULL until the opening; the log carries only the commitment, sealed until the deadline too,
        // for who quoted is not for the rivals before it
        byte[] sealed = SealedQuote.seal(quoteKey(req, user.username(), false), requestId, user.organisationId(), amount);
        String commitment = SealedQuote.commitment(sealed);
        LogEntry submitted = log.append(AuditRecord.of("intermediaries.quote.submitted", requestId.toString(), req.regionCode(),
                user.actor(), Map.of("organisationId", user.organisationId().toString(), "commitment", commitment))
                .sealedUntil(req.quoteDeadline()));
        jdbc.sql("""
                INSERT INTO intermediary_quote (request_id, organisation_id, amount, sealed, commitment, submitted_seq, state,
                    submitted_at, submitted_by)
                VALUES (:r, :o, NULL, :s, :c, :seq, 'SEALED', :now, :by)
                ON CONFLICT (request_id, organisation_id) DO UPDATE SET amount = NULL, sealed = :s, commitment = :c,
                    submitted_seq = :seq, state = 'SEALED', submitted_at = :now, submitted_by = :by""")
                .param("r", requestId).param("o", user.organisationId()).param("s", sealed).param("c", commitment)
                .param("seq", submitted.seq()).param("now", Intermediaries.utc(now)).param("by", user.username()).update();
        return new QuoteView(user.organisationId(), null, null, commitment, "SEALED", now);
    }

    /**
     * The request's quote key, unwrapped from the vault (the request row locked); a request made before quotes were
     * sealed gets its key at its first sealed quote.
     */
    private byte[] quoteKey(Row req, String by, boolean opening) {
        if (req.quoteKey() == null && opening) {
            throw new DomainException(IntermediaryError.QUOTE_KEY_INVALID); // sealed quotes, and the key gone from the row
        }
        if (req.quoteKey() == null) {
            byte[] key = Sm4Gcm.newKey();
            jdbc.sql("UPDATE intermediary_request SET quote_key = :k, updated_by = :by WHERE id = :id AND quote_key IS NULL")
                    .param("k", vault.wrap(req.id(), key)).param("by", by).param("id", req.id()).update();
            return key;
        }
        try {
            return vault.unwrap(req.id(), req.quoteKey());
        } catch (RuntimeException e) {
            throw new DomainException(IntermediaryError.QUOTE_KEY_INVALID);
        }
    }

    /** A quote as stored: sealed (or, given before sealing, PLAIN with its amount). */
    private record StoredQuote(UUID organisationId, BigDecimal amount, byte[] sealed, Long submittedSeq, String state,
            Instant submittedAt) {
    }

    /**
     * Whether {@code sealed} is what the log committed for this intermediary's quote on this request: the entry at
     * the quote's sequence is the submission (its details' SM3 the entry's commitment, its payload's SM3 in the details),
     * names the intermediary and carries the ciphertext's SM3. A row altered or moved in the database fails here or in
     * the decryption.
     */
    private boolean committed(UUID requestId, StoredQuote q) {
        if (q.sealed() == null || q.submittedSeq() == null || q.submittedSeq() < 0 || q.submittedSeq() >= log.size()) {
            return false;
        }
        List<LogEntry> entries = log.entries(q.submittedSeq(), q.submittedSeq() + 1);
        if (entries.size() != 1 || entries.get(0).details() == null || entries.get(0).payload() == null) {
            return false;
        }
        LogEntry e = entries.get(0);
        Map<?, ?> details;
        Map<?, ?> payload;
        try {
            details = JSON.readValue(e.details(), Map.class);
            payload = JSON.readValue(e.payload(), Map.class);
        } catch (RuntimeException malformed) {
            return false;
        }
        return Sm3.hex(e.details()).equals(e.commitment()) && Sm3.hex(e.payload()).equals(details.get("payloadHash"))
                && "intermediaries.quote.submitted".equals(details.get("action")) && requestId.toString().equals(details.get("subject"))
                && q.organisationId().toString().equals(payload.get("organisationId"))
                && SealedQuote.commitment(q.sealed()).equals(payload.get("commitment"));
    }

    /**
     * Where the request's quotes start in the log: its own {@code intermediaries.request.made} entry, checked (a
     * database administrator moving it later would hide quotes); 0 (the whole log) for a request made before it was kept.
     */
    private long madeSeq(UUID requestId) {
        Long seq = jdbc.sql("SELECT made_seq FROM intermediary_request WHERE id = :id").param("id", requestId)
                .query(Long.class).optional().orElse(null);
        if (seq == null || seq < 0 || seq >= log.size()) {
            return 0;
        }
        List<LogEntry> entries = log.entries(seq, seq + 1);
        if (entries.size() != 1 || entries.get(0).details() == null) {
            return 0;
        }
        Map<?, ?> details = JSON.readValue(entries.get(0).details(), Map.class);
        return Sm3.hex(entries.get(0).details()).equals(entries.get(0).commitment())
                && "intermediaries.request.made".equals(details.get("action")) && requestId.toString().equals(details.get("subject"))
                ? seq : 0;
    }

    /** After the deadline the owner (or the centre's staff) opens the quotes: the lowest is selected, or none came. */
    @Transactional
    public RequestView openQuotes(UUID requestId, CurrentUser user) {
        Row req = visible(requestId, user, true);
        if (!(user.organisationId() != null && user.organisationId().equals(req.ownerId())) && !intermediaries.staffSees(user, req.regionCode())) {
            throw new DomainException(IntermediaryError.REQUEST_NOT_FOUND, requestId);
        }
        if (req.method() != Method.LOWEST_QUOTE || !"QUOTING".equals(req.status())) {
            throw new DomainException(IntermediaryError.REQUEST_STATE, req.status());
        }
        Instant now = clock.instant();
        if (now.isBefore(req.quoteDeadline())) {
            throw new DomainException(IntermediaryError.QUOTES_HIDDEN, req.quoteDeadline());
        }
        List<StoredQuote> stored = jdbc.sql("""
                SELECT organisation_id, amount, sealed, submitted_seq, state, submitted_at FROM intermediary_quote
                WHERE request_id = :r ORDER BY submitted_at, organisation_id""").param("r", requestId)
                .query((rs, i) -> new StoredQuote(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBytes(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
        // the key is unwrapped only now, after the deadline (QUOTES_HIDDEN above), and published with the amounts below
        byte[] key = stored.stream().anyMatch(q -> !"PLAIN".equals(q.state())) ? quoteKey(req, user.username(), true) : null;
        // what the log committed: each intermediary's last submission (a re-quote replaces the earlier). A row deleted,
        // or put back to an earlier quote with that quote's entry, is caught here: the database cannot rewrite the log.
        Map<UUID, Long> lastSubmitted = new LinkedHashMap<>();
        for (LogEntry e : log.ofSubject("intermediaries.quote.submitted", requestId.toString(), madeSeq(requestId))) {
            Object org = e.payload() == null ? null : JSON.readValue(e.payload(), Map.class).get("organisationId");
            if (org instanceof String id) {
                lastSubmitted.put(UUID.fromString(id), e.seq());
            }
        }
        List<QuoteOpening.Quote> quotes = new ArrayList<>();
        List<Map<String, Object>> openedJson = new ArrayList<>();
        List<Map<String, Object>> refusedJson = new ArrayList<>();
        for (UUID org : lastSubmitted.keySet()) {
            if (stored.stream().noneMatch(q -> q.organisationId().equals(org))) {
                Map<String, Object> refused = new LinkedHashMap<>();
                refused.put("organisationId", org.toString());
                refused.put("commitment", "");
                refused.put("submittedSeq", lastSubmitted.get(org));
                refused.put("reason", "MISSING");
                refusedJson.add(refused);
                log.record(AuditRecord.of("intermediaries.quote.refused", requestId.toString(), req.regionCode(), user.actor(),
                        refused));
            }
        }
        for (StoredQuote q : stored) {
            Optional<BigDecimal> amount = "PLAIN".equals(q.state()) ? Optional.ofNullable(q.amount())
                    : committed(requestId, q) && q.submittedSeq().equals(lastSubmitted.get(q.organisationId()))
                            ? SealedQuote.open(key, requestId, q.organisationId(), q.sealed())
                                    .filter(a -> a.compareTo(req.budget()) <= 0) : Optional.empty();
            String commitment = q.sealed() == null ? null : SealedQuote.commitment(q.sealed());
            if (amount.isEmpty()) {
                // altered or moved in the database: refused, in public, never opened as it stands
                jdbc.sql("""
                        UPDATE intermediary_quote SET state = 'INVALID', amount = NULL WHERE request_id = :r AND organisation_id = :o""")
                        .param("r", requestId).param("o", q.organisationId()).update();
                Map<String, Object> refused = new LinkedHashMap<>();
                refused.put("organisationId", q.organisationId().toString());
                refused.put("commitment", commitment == null ? "" : commitment);
                refused.put("submittedSeq", q.submittedSeq() == null ? -1 : q.submittedSeq());
                refused.put("reason", "NOT_AS_COMMITTED");
                refusedJson.add(refused);
                log.record(AuditRecord.of("intermediaries.quote.refused", requestId.toString(), req.regionCode(), user.actor(),
                        refused));
                continue;
            }
            if (!"PLAIN".equals(q.state())) {
                jdbc.sql("""
                        UPDATE intermediary_quote SET state = 'OPENED', amount = :a WHERE request_id = :r AND organisation_id = :o""")
                        .param("a", amount.get()).param("r", requestId).param("o", q.organisationId()).update();
            }
            Map<String, Object> opened = new LinkedHashMap<>();
            opened.put("organisationId", q.organisationId().toString());
            opened.put("amount", amount.get().setScale(2).toPlainString());
            if (q.sealed() != null) {
                opened.put("sealed", HexFormat.of().formatHex(q.sealed()));
                opened.put("commitment", commitment);
                opened.put("submittedSeq", q.submittedSeq());
            }
            openedJson.add(opened);
            // credit again at the opening: a quote of one barred since is left out (logged sealed with the records)
            CreditVerdict v = credit.checkOrganisations(Gate.AGENCY_SELECTION, List.of(q.organisationId()), now);
            if (v.barred()) {
                logBarred("intermediaries.quote.skipped", req, q.organisationId().toString(), v, user);
            } else {
                quotes.add(new QuoteOpening.Quote(q.organisationId(), amount.get(), q.submittedAt()));
            }
        }
        // every amount with its ciphertext, and the key: anyone re-opens each committed quote from the log alone
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("quoteKey", key == null ? "" : HexFormat.of().formatHex(key));
        opening.put("sealing", "SM4-GCM, sealed = nonce(12) || ciphertext || tag(16); plaintext = amount, 2 decimals, "
                + "left-padded with spaces to " + SealedQuote.PLAIN_LENGTH + " bytes; associated data = "
                + "sunbid/intermediary-quote/v1|<request id>|<organisation id>");
        opening.put("quotes", openedJson);
        opening.put("refused", refusedJson);
        log.record(AuditRecord.of("intermediaries.quote.opened", requestId.toString(), req.regionCode(), user.actor(), opening));
        Optional<QuoteOpening.Quote> lowest = QuoteOpening.lowest(quotes);
        if (!refusedJson.isEmpty()) {
            // A quote altered, moved, deleted or put back in the database: the lowest of the rest is not the lowest quote
            // given (knocking the lowest out would pick the next). No selection; the owner makes a new request.
            String basis = "报价数据与日志承诺不符（" + refusedJson.size() + " 份），本次比价不予选取，须重新选取";
            jdbc.sql("""
                    UPDATE intermediary_request SET status = 'FAILED', selection_basis = :basis, updated_at = :now, updated_by = :by
                    WHERE id = :id""")
                    .param("basis", basis).param("now", Intermediaries.utc(now)).param("by", user.username()).param("id", requestId)
                    .update();
            log.record(AuditRecord.of("intermediaries.quote.tampered", requestId.toString(), req.regionCode(), user.actor(),
                    Map.of("refused", refusedJson.size())));
        } else if (lowest.isEmpty()) {
            jdbc.sql("UPDATE intermediary_request SET status = 'FAILED', updated_at = :now, updated_by = :by WHERE id = :id")
                    .param("now", Intermediaries.utc(now)).param("by", user.username()).param("id", requestId).update();
            log.record(AuditRecord.of("intermediaries.quote.none", requestId.toString(), req.regionCode(), user.actor(), Map.of()));
        } else {
            select(req, lowest.get().organisationId(), lowest.get().amount(), "比价选取：" + quotes.size() + " 家报价，最低价 "
                    + lowest.get().amount().toPlainString() + " 元", now, user);
        }
        return view(requestId, user);
    }

    // Rating ----------------------------------------------------------------------------------------------------------

    /** After the service the owner rates it (once); the request is then completed. */
    @Transactional
    public RequestView rate(UUID requestId, int score, String comment, CurrentUser user) {
        Row req = owned(requestId, user, true);
        if (!"SELECTED".equals(req.status())) {
            throw new DomainException("COMPLETED".equals(req.status()) ? IntermediaryError.INTERMEDIARY_RATING_EXISTS
                    : IntermediaryError.REQUEST_STATE, req.status());
        }
        if (score < 1 || score > 5 || comment != null && comment.length() > 1000) {
            throw new DomainException(IntermediaryError.INTERMEDIARY_FIELD_INVALID, "score");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO intermediary_rating (request_id, organisation_id, score, comment, rated_at, rated_by)
                VALUES (:r, :o, :s, :c, :now, :by)""")
                .param("r", requestId).param("o", req.selectedId()).param("s", score).param("c", comment == null ? null : comment.strip())
                .param("now", Intermediaries.utc(now)).param("by", user.username()).update();
        jdbc.sql("UPDATE intermediary_request SET status = 'COMPLETED', updated_at = :now, updated_by = :by WHERE id = :id")
                .param("now", Intermediaries.utc(now)).param("by", user.username()).param("id", requestId).update();
        log.record(AuditRecord.of("intermediaries.rated", requestId.toString(), req.regionCode(), user.actor(),
                Map.of("organisationId", req.selectedId().toString(), "score", score)));
        return view(requestId, user);
    }

    // Reading ---------------------------------------------------------------------------------------------------------

    /**
     * The requests the caller may see: its own (owner), its region's (staff), those it is eligible for (intermediary).
     * A constant number of queries however many rows: the newest 2,000 requests at once, then what their views need
     * at once ({@link #views}).
     */
    public List<RequestView> list(CurrentUser user) {
        java.util.function.Predicate<String> scope = intermediaries.staffScope(user);
        List<Row> rows = jdbc.sql("SELECT * FROM intermediary_request ORDER BY created_at DESC, id LIMIT 2000")
                .query(Selections::rowOf).list();
        return views(rows.stream().filter(r -> sees(r, user, scope)).limit(LIST_LIMIT).toList(), user, scope);
    }

    /** One request, for those who may see it. */
    public RequestView view(UUID requestId, CurrentUser user) {
        return view(visible(requestId, user, false), user);
    }

    /** The published results: every selection made (portal, 中介服务选取结果公告); three queries however many. */
    public List<ResultView> results() {
        List<Row> rows = jdbc.sql("""
                SELECT * FROM intermediary_request WHERE status IN ('SELECTED', 'COMPLETED') ORDER BY selected_at DESC, id
                LIMIT :limit""").param("limit", LIST_LIMIT).query(Selections::rowOf).list();
        Set<UUID> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.ownerId());
            ids.add(r.selectedId());
        });
        var names = Intermediaries.names(organisations, ids);
        Map<UUID, UUID> draws = draws(rows);
        List<ResultView> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new ResultView(r.id(), r.title(), names.get(r.ownerId()), r.regionCode(), r.serviceKind(), r.method(),
                    names.get(r.selectedId()), r.selectedId(), r.selectedAmount(), r.selectedAt(), r.basis(), draws.get(r.id())));
        }
        return out;
    }

    private boolean sees(Row r, CurrentUser user) {
        return sees(r, user, code -> intermediaries.staffSees(user, code));
    }

    private boolean sees(Row r, CurrentUser user, java.util.function.Predicate<String> staffScope) {
        if (user == null) {
            return false;
        }
        return user.organisationId() != null && (user.organisationId().equals(r.ownerId())
                || user.role() == Role.AGENCY && (r.eligible().contains(user.organisationId())
                        || user.organisationId().equals(r.selectedId())))
                || staffScope.test(r.regionCode());
    }

    private Row visible(UUID requestId, CurrentUser user, boolean lock) {
        return row(requestId, lock).filter(r -> sees(r, user))
                .orElseThrow(() -> new DomainException(IntermediaryError.REQUEST_NOT_FOUND, requestId));
    }

    private Row owned(UUID requestId, CurrentUser user, boolean lock) {
        return row(requestId, lock).filter(r -> user.organisationId() != null && user.organisationId().equals(r.ownerId())
                        && user.role() == Role.TENDEREE)
                .orElseThrow(() -> new DomainException(IntermediaryError.REQUEST_NOT_FOUND, requestId));
    }

    private RequestView view(Row r, CurrentUser user) {
        return views(List.of(r), user, code -> intermediaries.staffSees(user, code)).get(0);
    }

    /**
     * The views of {@code rows} for {@code user}: what they need (names, quotes, ratings, draws) read at once, four
     * queries however many rows.
     */
    private List<RequestView> views(List<Row> rows, CurrentUser user, java.util.function.Predicate<String> staffScope) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = new HashSet<>();
        for (Row r : rows) {
            ids.addAll(r.eligible());
            ids.add(r.ownerId());
            if (r.selectedId() != null) {
                ids.add(r.selectedId());
            }
        }
        var names = Intermediaries.names(organisations, ids);
        String[] requestIds = rows.stream().map(r -> r.id().toString()).toArray(String[]::new);
        Map<UUID, List<QuoteView>> quotes = new HashMap<>();
        if (rows.stream().anyMatch(r -> r.method() == Method.LOWEST_QUOTE)) {
            jdbc.sql("""
                    SELECT request_id, organisation_id, amount, commitment, state, submitted_at FROM intermediary_quote
                    WHERE request_id = ANY(CAST(:ids AS UUID[])) ORDER BY request_id, amount NULLS LAST, submitted_at, organisation_id""")
                    .param("ids", requestIds).query(rs -> {
                        quotes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new QuoteView(
                                rs.getObject(2, UUID.class), null, rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, OffsetDateTime.class).toInstant()));
                    });
        }
        Map<UUID, Object[]> ratings = new HashMap<>();
        jdbc.sql("SELECT request_id, score, comment FROM intermediary_rating WHERE request_id = ANY(CAST(:ids AS UUID[]))")
                .param("ids", requestIds).query(rs -> {
                    ratings.put(rs.getObject(1, UUID.class), new Object[] {rs.getInt(2), rs.getString(3)});
                });
        Map<UUID, UUID> draws = draws(rows);
        Instant now = clock.instant();
        List<RequestView> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(view(r, user, staffScope.test(r.regionCode()), names, r.method() == Method.LOWEST_QUOTE
                    ? quotes.getOrDefault(r.id(), List.of()) : List.of(), ratings.get(r.id()), draws.get(r.id()), now));
        }
        return out;
    }

    /** The draws' ids of {@code rows}, by request (one query). */
    private Map<UUID, UUID> draws(List<Row> rows) {
        Map<UUID, UUID> draws = new HashMap<>();
        if (rows.stream().anyMatch(r -> r.method() == Method.RANDOM_DRAW)) {
            jdbc.sql("SELECT request_id, id FROM intermediary_draw WHERE request_id = ANY(CAST(:ids AS UUID[]))")
                    .param("ids", rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
                    .query(rs -> {
                        draws.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    });
        }
        return draws;
    }

    private RequestView view(Row r, CurrentUser user, boolean staff, Map<UUID, String> names, List<QuoteView> all, Object[] rating,
            UUID drawId, Instant now) {
        boolean owner = user != null && user.organisationId() != null && user.organisationId().equals(r.ownerId());
        boolean open = r.quoteDeadline() != null && !now.isBefore(r.quoteDeadline());
        // before the quote deadline an intermediary sees how many rivals there are, not who they are
        boolean rivalsHidden = r.method() == Method.LOWEST_QUOTE && !open && !owner && !staff;
        List<Map<String, String>> eligible = new ArrayList<>();
        for (UUID e : r.eligible()) {
            if (owner || staff) {
                eligible.add(Map.of("id", e.toString(), "name", names.getOrDefault(e, "?")));
            } else if (!rivalsHidden || user != null && e.equals(user.organisationId())) {
                eligible.add(Map.of("name", names.getOrDefault(e, "?")));
            }
        }
        List<QuoteView> shown = all.stream().filter(q -> open && (owner || staff || user != null && user.role() == Role.AGENCY)
                || user != null && q.organisationId().equals(user.organisationId()))
                .map(q -> new QuoteView(q.organisationId(), names.get(q.organisationId()), q.amount(), q.commitment(), q.state(),
                        q.submittedAt())).toList();
        return new RequestView(r.id(), r.ownerId(), names.get(r.ownerId()), r.regionCode(), r.serviceKind(), r.title(), r.budget(),
                r.serviceStart(), r.serviceEnd(), r.method(), r.status(), r.quoteDeadline(), eligible,
                staff ? r.excluded() : List.of(), shown, r.eligible().size(),
                // the owner learns how many quotes came only once the deadline has passed (before it: pending)
                staff || owner && (open || r.method() != Method.LOWEST_QUOTE) ? all.size() : 0, r.selectedId(),
                r.selectedId() == null ? null : names.get(r.selectedId()), r.selectedAmount(), r.selectedAt(), r.basis(),
                drawId, rating == null ? null : (Integer) rating[0],
                rating == null ? null : (String) rating[1], r.createdAt());
    }

    private record Row(UUID id, UUID ownerId, String regionCode, String serviceKind, String title, BigDecimal budget,
            LocalDate serviceStart, LocalDate serviceEnd, Method method, String status, Instant quoteDeadline,
            List<UUID> eligible, List<Excluded> excluded, UUID selectedId, BigDecimal selectedAmount, Instant selectedAt,
            String basis, Instant createdAt, Instant drawDeadline, byte[] quoteKey) {
    }

    private record DrawRow(UUID id, UUID requestId, List<String> pool, String poolHash, long poolSeq, String secretHash,
            long commitmentSeq, List<String> witnesses, long headSize, String headRoot, Instant headTimestamp,
            String headSignature, String secretHex, UUID drawnId, Long revealedSeq) {
    }

    private Optional<Row> row(UUID id, boolean lock) {
        return jdbc.sql("SELECT * FROM intermediary_request WHERE id = :id" + (lock ? " FOR UPDATE" : "")).param("id", id)
                .query(Selections::rowOf).optional();
    }

    private static Row rowOf(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
                    List<Excluded> excluded = new ArrayList<>();
                    for (Object o : JSON.readValue(rs.getString("excluded_json"), List.class)) {
                        Map<?, ?> m = (Map<?, ?>) o;
                        excluded.add(new Excluded(UUID.fromString((String) m.get("id")), (String) m.get("name"), (String) m.get("reason")));
                    }
                    OffsetDateTime deadline = rs.getObject("quote_deadline", OffsetDateTime.class);
                    OffsetDateTime selectedAt = rs.getObject("selected_at", OffsetDateTime.class);
                    return new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("region_code"),
                            rs.getString("service_kind"), rs.getString("title"), rs.getBigDecimal("budget"),
                            rs.getObject("service_start", LocalDate.class), rs.getObject("service_end", LocalDate.class),
                            Method.valueOf(rs.getString("method")), rs.getString("status"),
                            deadline == null ? null : deadline.toInstant(),
                            strings(rs.getString("eligible_json")).stream().map(UUID::fromString).toList(), excluded,
                            rs.getObject("selected_id", UUID.class), rs.getBigDecimal("selected_amount"),
                            selectedAt == null ? null : selectedAt.toInstant(), rs.getString("selection_basis"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject("draw_deadline", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                    .orElse(null), rs.getBytes("quote_key"));
    }

    private Optional<DrawRow> draw(UUID requestId) {
        return jdbc.sql("SELECT * FROM intermediary_draw WHERE request_id = :r").param("r", requestId).query(Selections::drawRow)
                .optional();
    }

    private static DrawRow drawRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long revealed = rs.getLong("revealed_seq");
        Long revealedSeq = rs.wasNull() ? null : revealed;
        return new DrawRow(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class), strings(rs.getString("pool_json")),
                rs.getString("pool_hash"), rs.getLong("pool_seq"), rs.getString("secret_hash"), rs.getLong("commitment_seq"),
                strings(rs.getString("witnesses_json")), rs.getLong("head_size"), rs.getString("head_root"),
                rs.getObject("head_timestamp", OffsetDateTime.class).toInstant(), rs.getString("head_signature"),
                rs.getString("secret_hex"), rs.getObject("drawn_id", UUID.class), revealedSeq);
    }

    private static List<String> strings(String json) {
        return ((List<?>) JSON.readValue(json, List.class)).stream().map(String::valueOf).toList();
    }

    private static Optional<String> hex64(String text) {
        String hex = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? Optional.of(hex) : Optional.empty();
    }
}
