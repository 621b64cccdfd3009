package org.sunbid.platform.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.evaluation.domain.Scoring;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the evaluation: the candidates' publicity on the portal (Reg. 54: at once when the report is signed, for 3
 * days), objections during it that pause the award until answered (3 days to answer), the award (Reg. 55: a
 * state-funded project awards the first-ranked), the platform-signed award notice and the result notice, the contract
 * (Law 46: within 30 days, a reminder 5 days before, flagged when overdue) and the deposit refunds (Reg. 57, through
 * the payments context's API in the award's and the contract's transactions: payments cannot listen to
 * {@link LotAwarded} while sealing asks payments whether a deposit is settled, as payments → evaluation → sealing →
 * payments would be a cycle). The award is published as {@link LotAwarded}.
 */
@Service
public class Awards {

    /** Reg. 54: the candidates are publicised for at least 3 days. */
    public static final Duration PUBLICITY = Duration.ofDays(3);
    /** Reg. 54: the tenderee answers an objection within 3 days of receiving it. */
    public static final Duration ANSWER_WITHIN = Duration.ofDays(3);
    /** Law 46: the contract is signed within 30 days of the award notice. */
    public static final Duration CONTRACT_WITHIN = Duration.ofDays(30);
    /** When the contract reminder goes out: this long before it is due. */
    public static final Duration REMIND_BEFORE = Duration.ofDays(5);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final Openings openings;
    private final Deposits deposits;
    private final ApplicationEventPublisher events;
    private final ContractDeadlines deadlines;
    private final AuditLog log;
    private final PlatformIdentity platform;
    private final Clock clock;
    private final JsonMapper json;

    Awards(JdbcClient jdbc, Tenders tenders, Openings openings, Deposits deposits, ApplicationEventPublisher events,
            ContractDeadlines deadlines, AuditLog log, PlatformIdentity platform, Clock clock, JsonMapper json) {
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.openings = openings;
        this.deposits = deposits;
        this.events = events;
        this.log = log;
        this.platform = platform;
        this.clock = clock;
        this.json = json;
    }

    /** Where a tender stands after its evaluation, for everyone once the publicity has started. */
    public record AwardView(UUID tenderId, String projectCode, String tenderName, Stage stage, Instant publicityStarts,
            Instant publicityEnds, List<Map<String, Object>> candidates, List<Objection> objections, Winner winner) {
    }

    /** An objection to the candidates and its answer (who raised it stays off the public view). */
    public record Objection(UUID id, Instant raisedAt, String text, Instant answerDue, String answer, Instant answeredAt,
            boolean mine) {
    }

    /** The award, its signed notice and the contract. */
    public record Winner(UUID bidderId, String bidder, String price, Instant awardedAt, String notice, String noticeSignature,
            Instant contractDue, Instant contractSignedAt, boolean contractOverdue) {
    }

    /** Starts the publicity when every member has signed the report (in that transaction). */
    void startPublicity(UUID tenderId, String region, Map<String, Object> ranking) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("startsAt", now.toString());
        payload.put("endsAt", now.plus(PUBLICITY).toString());
        payload.put("candidates", ranking.get("candidates"));
        payload.put("rule", "《招标投标法实施条例》第五十四条：收到评标报告之日起3日内公示中标候选人，公示期不得少于3日");
        LogEntry entry = log.append(AuditRecord.of("evaluation.publicity.started", tenderId.toString(), region, Actor.SYSTEM, payload));
        jdbc.sql("INSERT INTO candidate_publicity (tender_id, starts_at, ends_at, log_seq) VALUES (:t, :s, :e, :seq)")
                .param("t", tenderId).param("s", EvaluationStore.utc(now)).param("e", EvaluationStore.utc(now.plus(PUBLICITY)))
                .param("seq", entry.seq()).update();
    }

    /**
     * A bidder of the tender objects to the candidates during the publicity (Reg. 54); the award waits for the answer.
     */
    @Transactional
    public AwardView object(UUID tenderId, String text, CurrentUser user) {
        Row row = lock(tenderId);
        if (user.role() != Role.BIDDER || user.organisationId() == null
                || openings.bids(tenderId).stream().noneMatch(b -> b.bidderId().equals(user.organisationId()))) {
            throw new DomainException(EvaluationError.OBJECTION_OUTSIDE_PUBLICITY);
        }
        Instant now = clock.instant();
        if (row.stage() != Stage.PUBLICITY || row.publicityEnds() == null || !now.isBefore(row.publicityEnds())) {
            throw new DomainException(EvaluationError.OBJECTION_OUTSIDE_PUBLICITY);
        }
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.VALIDATION_FAILED, "text");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO award_objection (id, tender_id, organisation_id, raised_by, text, raised_at, answer_due)
                VALUES (:id, :t, :o, :by, :text, :at, :due)""")
                .param("id", id).param("t", tenderId).param("o", user.organisationId()).param("by", user.username())
                .param("text", text.strip()).param("at", EvaluationStore.utc(now)).param("due", EvaluationStore.utc(now.plus(ANSWER_WITHIN)))
                .update();
        log.append(AuditRecord.of("evaluation.objection.raised", tenderId.toString(), row.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "objectionId", id.toString(), "textSm3", Sm3.hex(text.strip()),
                        "answerDue", now.plus(ANSWER_WITHIN).toString(), "rule", "《招标投标法实施条例》第五十四条：作出答复前，应当暂停招标投标活动")));
        return view(tenderId, user);
    }

    /** The tenderee or agency answers an objection; the answer is public. */
    @Transactional
    public AwardView answer(UUID tenderId, UUID objectionId, String answer, CurrentUser user) {
        Row row = lock(tenderId);
        tenders.asOwner(tenderId, user);
        if (answer == null || answer.isBlank() || answer.length() > 4000) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.VALIDATION_FAILED, "text");
        }
        int updated = jdbc.sql("""
                UPDATE award_objection SET answer = :a, answered_at = :at, answered_by = :by
                WHERE id = :id AND tender_id = :t AND answer IS NULL""")
                .param("a", answer.strip()).param("at", EvaluationStore.utc(clock.instant())).param("by", user.username())
                .param("id", objectionId).param("t", tenderId).update();
        if (updated == 0) {
            throw new DomainException(EvaluationError.OBJECTION_NOT_FOUND);
        }
        log.append(AuditRecord.of("evaluation.objection.answered", tenderId.toString(), row.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "objectionId", objectionId.toString(), "answer", answer.strip())));
        return view(tenderId, user);
    }

    /**
     * The tenderee or agency awards (定标) after the publicity, with no objection unanswered; a state-funded project awards
     * the first-ranked candidate (Reg. 55). The award notice is signed by the platform and published; the deposits of
     * the bidders not awarded fall due for refund (Reg. 57).
     */
    @Transactional
    public AwardView award(UUID tenderId, UUID bidderId, CurrentUser user) {
        Row row = lock(tenderId);
        TenderView tender = tenders.asOwner(tenderId, user);
        if (row.stage() != Stage.PUBLICITY) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, row.stage());
        }
        Instant now = clock.instant();
        if (now.isBefore(row.publicityEnds())) {
            throw new DomainException(EvaluationError.PUBLICITY_NOT_OVER, row.publicityEnds().toString());
        }
        if (jdbc.sql("SELECT COUNT(*) FROM award_objection WHERE tender_id = :t AND answer IS NULL").param("t", tenderId)
                .query(Long.class).single() > 0) {
            throw new DomainException(EvaluationError.AWARD_PAUSED_BY_OBJECTION);
        }
        List<Map<String, Object>> candidates = row.candidates();
        List<Ranking.Ranked> ranked = candidates.stream().map(c -> new Ranking.Ranked(((Number) c.get("rank")).intValue(),
                (String) c.get("bidderId"), new java.math.BigDecimal((String) c.get("score")), Boolean.TRUE.equals(c.get("tied"))))
                .toList();
        Scoring.checkAward(row.stateFunded(), ranked, bidderId == null ? "" : bidderId.toString());
        Map<String, Object> chosen = candidates.stream().filter(c -> c.get("bidderId").equals(bidderId.toString())).findFirst()
                .orElseThrow();
        Instant due = now.plus(CONTRACT_WITHIN);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("type", "sunbid.award-notice");
        notice.put("tenderId", tenderId.toString());
        notice.put("projectCode", tender.terms().projectCode());
        notice.put("name", tender.terms().name());
        notice.put("winnerId", bidderId.toString());
        notice.put("winner", chosen.get("bidder"));
        notice.put("rank", chosen.get("rank"));
        notice.put("price", chosen.get("price"));
        notice.put("awardedAt", now.toString());
        notice.put("contractDue", due.toString());
        notice.put("rule", "《招标投标法》第四十五条、第四十六条：中标通知书发出之日起三十日内订立书面合同");
        String noticeJson = CanonicalJson.write(notice);
        String signature = Base64.getEncoder().encodeToString(platform.sign(noticeJson.getBytes(StandardCharsets.UTF_8)));
        LogEntry entry = log.append(AuditRecord.of("evaluation.awarded", tenderId.toString(), row.region(), user.actor(),
                Map.of("notice", noticeJson, "signature", signature)));
        jdbc.sql("""
                INSERT INTO award (tender_id, winner_id, notice, notice_signature, awarded_at, awarded_by, contract_due, log_seq)
                VALUES (:t, :w, :n, :s, :at, :by, :due, :seq)""")
                .param("t", tenderId).param("w", bidderId).param("n", noticeJson).param("s", signature)
                .param("at", EvaluationStore.utc(now)).param("by", user.username()).param("due", EvaluationStore.utc(due))
                .param("seq", entry.seq()).update();
        StageStore.advance(jdbc, tenderId, row.stage(), Stage.AWARDED);
        deposits.refundNotAwarded(tenderId, bidderId, now);
        events.publishEvent(new LotAwarded(tenderId, bidderId, new java.math.BigDecimal(String.valueOf(chosen.get("price"))), now,
                noticeJson));
        return view(tenderId, user);
    }

    /** The tenderee or agency records the signed contract (Law 46); the winner's deposit falls due for refund (Reg. 57). */
    @Transactional
    public AwardView contractSigned(UUID tenderId, String contractSm3, CurrentUser user) {
        Row row = lock(tenderId);
        tenders.asOwner(tenderId, user);
        if (row.stage() != Stage.AWARDED) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, row.stage());
        }
        if (contractSm3 != null && !contractSm3.isBlank() && !contractSm3.strip().matches("[0-9a-fA-F]{64}")) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.VALIDATION_FAILED, "contractSm3");
        }
        Instant now = clock.instant();
        UUID winner = jdbc.sql("SELECT winner_id FROM award WHERE tender_id = :t").param("t", tenderId).query(UUID.class).single();
        String sm3 = contractSm3 == null || contractSm3.isBlank() ? null : contractSm3.strip().toLowerCase();
        jdbc.sql("UPDATE award SET contract_signed_at = :at, contract_sm3 = :s WHERE tender_id = :t")
                .param("at", EvaluationStore.utc(now)).param("s", sm3).param("t", tenderId).update();
        StageStore.advance(jdbc, tenderId, row.stage(), Stage.CONTRACTED);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("winnerId", winner.toString());
        payload.put("signedAt", now.toString());
        payload.put("withinDue", !now.isAfter(row.contractDue()));
        if (sm3 != null) {
            payload.put("contractSm3", sm3);
        }
        log.append(AuditRecord.of("evaluation.contract.signed", tenderId.toString(), row.region(), user.actor(), payload));
        deposits.refundWinner(tenderId, winner, now);
        return view(tenderId, user);
    }

    /**
     * Law 46: reminds the parties 5 days before the contract is due and flags it to the supervisor once overdue, each
     * once, in public log entries ({@code ContractDeadlines}, also on a schedule). Returns how many were logged.
     */
    public int checkContracts() {
        return deadlines.check();
    }

    /** The publicity, objections and award: public once the publicity has started. */
    public AwardView view(UUID tenderId, CurrentUser user) {
        Row row = find(tenderId).filter(r -> r.publicityStarts() != null)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        TenderView tender = tenders.findPublished(tenderId).orElseThrow();
        UUID mine = user != null && user.role() == Role.BIDDER ? user.organisationId() : null;
        List<Objection> objections = jdbc.sql("""
                SELECT id, raised_at, text, answer_due, answer, answered_at, organisation_id FROM award_objection
                WHERE tender_id = :t ORDER BY raised_at, id""").param("t", tenderId)
                .query((rs, i) -> new Objection(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class) == null ? null : rs.getObject(6, OffsetDateTime.class).toInstant(),
                        rs.getObject(7, UUID.class).equals(mine)))
                .list();
        Instant now = clock.instant();
        Winner winner = jdbc.sql("""
                SELECT a.winner_id, b.bidder, a.notice, a.notice_signature, a.awarded_at, a.contract_due, a.contract_signed_at
                FROM award a JOIN evaluation_bid b ON b.tender_id = a.tender_id AND b.bidder_id = a.winner_id
                WHERE a.tender_id = :t""").param("t", tenderId)
                .query((rs, i) -> {
                    Instant due = rs.getObject(6, OffsetDateTime.class).toInstant();
                    OffsetDateTime signed = rs.getObject(7, OffsetDateTime.class);
                    return new Winner(rs.getObject(1, UUID.class), rs.getString(2),
                            String.valueOf(json.readValue(rs.getString(3), MAP).get("price")),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), due,
                            signed == null ? null : signed.toInstant(), signed == null && now.isAfter(due));
                }).optional().orElse(null);
        return new AwardView(tenderId, tender.terms().projectCode(), tender.terms().name(), row.stage(), row.publicityStarts(),
                row.publicityEnds(), row.candidates(), objections, winner);
    }

    /**
     * The caller's organisation's tenders whose award work waits for it: candidates publicised (objections to answer,
     * then the award once the publicity is over — {@link #award}'s rules) or awarded without a signed contract yet.
     * A tenderee's or agency's to-do.
     */
    public List<AwardView> awaitingOwner(CurrentUser user) {
        return tenders.ofMyOrganisation(user).stream()
                .filter(t -> find(t.id()).filter(r -> r.publicityStarts() != null
                        && (r.stage() == Stage.PUBLICITY || r.stage() == Stage.AWARDED)).isPresent())
                .map(t -> view(t.id(), user))
                .filter(a -> a.stage() == Stage.PUBLICITY || (a.winner() != null && a.winner().contractSignedAt() == null))
                .toList();
    }

    /** The tenders whose candidates are publicised or awarded, newest first, for the portal. */
    public List<AwardView> published(int limit) {
        return jdbc.sql("SELECT tender_id FROM candidate_publicity ORDER BY starts_at DESC LIMIT :n").param("n", limit)
                .query(UUID.class).list().stream().map(t -> view(t, null)).toList();
    }


    private record Row(UUID tenderId, String region, Stage stage, boolean stateFunded, List<Map<String, Object>> candidates,
            Instant publicityStarts, Instant publicityEnds, Instant contractDue) {
    }

    /** The tender's region, from tendering (the log entries name it). */
    private String region(UUID tenderId) {
        return tenders.findPublished(tenderId).map(TenderView::regionCode).orElse(null);
    }

    private Optional<Row> find(UUID tenderId) {
        return load(tenderId, "");
    }

    private Row lock(UUID tenderId) {
        return load(tenderId, " FOR UPDATE OF e").orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    @SuppressWarnings("unchecked")
    private Optional<Row> load(UUID tenderId, String lock) {
        return jdbc.sql("""
                SELECT e.stage, e.plan, e.ranking, p.starts_at, p.ends_at, a.contract_due
                FROM evaluation e LEFT JOIN candidate_publicity p ON p.tender_id = e.tender_id LEFT JOIN award a ON a.tender_id = e.tender_id
                WHERE e.tender_id = :t""" + lock).param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Object> ranking = rs.getString(3) == null ? Map.of() : json.readValue(rs.getString(3), MAP);
                    OffsetDateTime starts = rs.getObject(4, OffsetDateTime.class);
                    OffsetDateTime ends = rs.getObject(5, OffsetDateTime.class);
                    OffsetDateTime due = rs.getObject(6, OffsetDateTime.class);
                    return new Row(tenderId, region(tenderId), Stage.valueOf(rs.getString(1)),
                            Boolean.TRUE.equals(json.readValue(rs.getString(2), MAP).get("stateFunded")),
                            (List<Map<String, Object>>) ranking.getOrDefault("candidates", List.of()),
                            starts == null ? null : starts.toInstant(), ends == null ? null : ends.toInstant(),
                            due == null ? null : due.toInstant());
                }).optional();
    }
}
