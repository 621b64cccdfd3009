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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.evaluation.domain.Qualification;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.evaluation.domain.ResultRules;
import org.sunbid.platform.evaluation.domain.Scoring;
import org.sunbid.platform.evaluation.domain.WorkingDayCalendar;
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
 *
 * <p>One path for every procedure: the lot's procedure's rules ({@code deals.Procedures}, in force at the event's
 * date) decide inside. A procedure with a candidates' publicity (construction, Reg. 54) publicises; one with an award
 * decision instead (government procurement open tender) delivers the report to the purchaser, who awards within 5
 * working days (政府采购法实施条例 Art. 43; otherwise the first-ranked is deemed chosen, {@link #checkAwardDecisions});
 * its result notice is published at the award with a 1-working-day period and the documents' reference (87号令
 * Art. 69), each supplier learns only its own score and rank ({@link #myResult}), the contract is due within 30 days
 * (政府采购法 Art. 46) and published within 2 working days of signing ({@link #publishContract}, 条例 Art. 50), and
 * deposits come back within 5 working days (87号令 Art. 38, in payments) — the time limits counted by {@link ResultRules}.
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
    private final Projects projects;
    private final Procedures procedures;
    private final List<ContractHolds> holds;

    Awards(JdbcClient jdbc, Tenders tenders, Openings openings, Deposits deposits, ApplicationEventPublisher events,
            ContractDeadlines deadlines, AuditLog log, PlatformIdentity platform, Clock clock, JsonMapper json,
            Projects projects, Procedures procedures, List<ContractHolds> holds) {
        this.holds = List.copyOf(holds);
        this.projects = projects;
        this.procedures = procedures;
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

    /**
     * Where a tender stands after its evaluation, for everyone once the publicity has started (construction) or the
     * result notice is published (government procurement; before it, for the purchaser and the region's staff only).
     *
     * @param candidates    the ranked candidates; in government procurement only for the purchaser and the region's
     *                      staff — a supplier learns its own score and rank from {@link #myResult} (87号令 Art. 69)
     * @param procedureCode the lot's procedure
     * @param decisionDue   government procurement: the end of the purchaser's award decision (条例 Art. 43)
     * @param resultNotice  government procurement: the result notice (87号令 Art. 69), once published
     */
    public record AwardView(UUID tenderId, String projectCode, String tenderName, Stage stage, Instant publicityStarts,
            Instant publicityEnds, List<Map<String, Object>> candidates, List<Objection> objections, Winner winner,
            String procedureCode, Instant decisionDue, ResultNotice resultNotice) {
    }

    /**
     * The result notice (中标结果公告, 87号令 Art. 69): published at the award (due within 2 working days of it), its
     * notice period (1 working day) and the reference of the procurement documents published with it.
     */
    public record ResultNotice(Instant publishedAt, Instant due, Instant periodEnds, String documents) {
    }

    /** An objection to the candidates and its answer (who raised it stays off the public view). */
    public record Objection(UUID id, Instant raisedAt, String text, Instant answerDue, String answer, Instant answeredAt,
            boolean mine) {
    }

    /**
     * The award, its signed notice and the contract.
     *
     * @param deemed                     government procurement: the purchaser did not decide in time and the
     *                                   first-ranked was deemed chosen (条例 Art. 43)
     * @param contractPublicationDue     government procurement: the contract is published by then (条例 Art. 50)
     * @param contractPublishedAt        when it was published
     * @param contractPublicationOverdue whether its publication is overdue (flagged to the supervisor)
     */
    public record Winner(UUID bidderId, String bidder, String price, Instant awardedAt, String notice, String noticeSignature,
            Instant contractDue, Instant contractSignedAt, boolean contractOverdue, boolean deemed, Instant contractPublicationDue,
            Instant contractPublishedAt, boolean contractPublicationOverdue) {
    }

    /**
     * The first hold on the lot from any {@link ContractHolds} (a challenge that may change the result, 政府采购法实施条例
     * Art. 54; a complaint's suspension, 政府采购法 Art. 57), or empty.
     */
    private Optional<String> heldBy(UUID tenderId) {
        for (ContractHolds h : holds) {
            Optional<String> reason = h.holdOn(tenderId);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    /** Refuses the step while the lot is held ({@code CONTRACT_HELD}, carrying the holder's reason code). */
    private void requireNotHeld(UUID tenderId) {
        Optional<String> reason = heldBy(tenderId);
        if (reason.isPresent()) {
            throw new DomainException(EvaluationError.CONTRACT_HELD, reason.get());
        }
    }

    /** The lot's procedure (a tender created before projects is a construction tender). */
    private String procedureOf(UUID tenderId) {
        return projects.procedureOfLot(tenderId).orElse("GCJS_OPEN_TENDER");
    }

    /** The procurement result rules in force at the event, where the procedure has a result notice (87号令 Art. 69). */
    static Optional<ResultRules> resultRules(ProcedureRules rules) {
        return rules.find(RuleKeys.RESULT_NOTICE).map(n -> new ResultRules(n.whole(), rules.limit(RuleKeys.RESULT_NOTICE_PERIOD).whole(),
                rules.limit(RuleKeys.CONTRACT_PERIOD).whole(), rules.limit(RuleKeys.CONTRACT_PUBLICATION).whole(),
                rules.limit(RuleKeys.DEPOSIT_REFUND).whole(),
                rules.find(RuleKeys.LATE_REFUND_MARKUP).map(m -> m.amount().movePointLeft(2)).orElse(java.math.BigDecimal.ZERO)));
    }

    /** The rules' working-day calendar for the plain-Java rules. */
    static WorkingDayCalendar calendar(ProcedureRules rules) {
        return WorkingDayCalendar.of(rules.calendar()::isWorkingDay, rules.calendar()::plus);
    }

    /** 24:00 (Beijing) of {@code day}: a period "within" a day ends then (87号令 Art. 85). */
    static Instant endOf(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant();
    }

    /**
     * Every member has signed the report (in that transaction): the procedure's next step. With a candidates' publicity
     * (Reg. 54) it starts; with an award decision instead (条例 Art. 43) the report goes to the purchaser.
     */
    void reportSigned(UUID tenderId, String region, Stage stage, Map<String, Object> ranking) {
        Instant now = clock.instant();
        String procedure = procedureOf(tenderId);
        ProcedureRules rules = procedures.rulesAt(procedure, now);
        Optional<Limit> decision = rules.find(RuleKeys.AWARD_DECISION);
        if (rules.find(RuleKeys.CANDIDATE_PUBLICITY).isEmpty() && decision.isPresent()) {
            StageStore.advance(jdbc, tenderId, stage, Stage.DECISION);
            Instant due = decision.get().endAfter(now, rules.calendar());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("tenderId", tenderId.toString());
            payload.put("deliveredAt", now.toString());
            payload.put("decisionDue", due.toString());
            payload.put("rule", decision.get().article() + "：采购人应当自收到评审报告之日起" + decision.get().plain()
                    + "个工作日内确定中标供应商；逾期未确定且不提出异议的，视为确定评审报告提出的排序第一的供应商为中标供应商");
            LogEntry entry = log.append(AuditRecord.of("evaluation.report.delivered", tenderId.toString(), region, Actor.SYSTEM, payload));
            jdbc.sql("""
                    INSERT INTO award_decision (tender_id, procedure, delivered_at, decision_due, log_seq)
                    VALUES (:t, :p, :at, :due, :seq)""")
                    .param("t", tenderId).param("p", procedure).param("at", EvaluationStore.utc(now))
                    .param("due", EvaluationStore.utc(due)).param("seq", entry.seq()).update();
            return;
        }
        StageStore.advance(jdbc, tenderId, stage, Stage.PUBLICITY);
        startPublicity(tenderId, region, ranking, rules.limit(RuleKeys.CANDIDATE_PUBLICITY).endAfter(now, rules.calendar()));
    }

    /** Starts the publicity (Reg. 54), ending at {@code ends}. */
    private void startPublicity(UUID tenderId, String region, Map<String, Object> ranking, Instant ends) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("startsAt", now.toString());
        payload.put("endsAt", ends.toString());
        payload.put("candidates", ranking.get("candidates"));
        payload.put("rule", "《招标投标法实施条例》第五十四条：收到评标报告之日起3日内公示中标候选人，公示期不得少于3日");
        LogEntry entry = log.append(AuditRecord.of("evaluation.publicity.started", tenderId.toString(), region, Actor.SYSTEM, payload));
        jdbc.sql("INSERT INTO candidate_publicity (tender_id, starts_at, ends_at, log_seq) VALUES (:t, :s, :e, :seq)")
                .param("t", tenderId).param("s", EvaluationStore.utc(now)).param("e", EvaluationStore.utc(ends))
                .param("seq", entry.seq()).update();
        events.publishEvent(new PublicityStarted(tenderId, now, ends));
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
        log.record(AuditRecord.of("evaluation.objection.raised", tenderId.toString(), row.region(), user.actor(),
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
        log.record(AuditRecord.of("evaluation.objection.answered", tenderId.toString(), row.region(), user.actor(),
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
        requireNotHeld(tenderId);
        List<Ranking.Ranked> ranked = ranked(row.candidates());
        if (row.stage() == Stage.DECISION) {
            // 财政部令第87号第六十八条: the purchaser awards in the order of the report's candidates
            if (bidderId == null || ranked.stream().filter(c -> c.rank() == 1).noneMatch(c -> c.bidderId().equals(bidderId.toString()))) {
                throw new DomainException(EvaluationError.GP_AWARD_NOT_FIRST_RANKED, String.valueOf(bidderId));
            }
            decide(row, tender, bidderId, user.actor(), user.username(), false);
            return view(tenderId, user);
        }
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
        Scoring.checkAward(row.stateFunded(), ranked, bidderId == null ? "" : bidderId.toString());
        decide(row, tender, bidderId, user.actor(), user.username(), false);
        return view(tenderId, user);
    }

    private static List<Ranking.Ranked> ranked(List<Map<String, Object>> candidates) {
        return candidates.stream().map(c -> new Ranking.Ranked(((Number) c.get("rank")).intValue(),
                (String) c.get("bidderId"), new java.math.BigDecimal((String) c.get("score")), Boolean.TRUE.equals(c.get("tied"))))
                .toList();
    }

    /**
     * 政府采购法实施条例 Art. 43: a purchaser that has not decided within 5 working days of receiving the report (and
     * raised no objection) is deemed to have chosen the first-ranked candidate — awarded here by the platform, each
     * once, with the same notice, result notice and refunds as a decided award. On a schedule; returns how many.
     */
    @Scheduled(fixedDelayString = "${sunbid.evaluation.award-decision-interval:PT1H}")
    @Transactional
    public int checkAwardDecisions() {
        List<UUID> due = jdbc.sql("""
                SELECT d.tender_id FROM award_decision d JOIN evaluation e ON e.tender_id = d.tender_id
                WHERE e.stage = 'DECISION' AND d.decision_due <= :now ORDER BY d.decision_due""")
                .param("now", EvaluationStore.utc(clock.instant())).query(UUID.class).list();
        int n = 0;
        for (UUID tenderId : due) {
            Row row = lock(tenderId);
            if (row.stage() != Stage.DECISION || heldBy(tenderId).isPresent()) {
                continue; // a held lot is not deemed awarded while the hold lasts (条例 Art. 54; 法 Art. 57)
            }
            Optional<Ranking.Ranked> first = ranked(row.candidates()).stream().filter(c -> c.rank() == 1).findFirst();
            if (first.isEmpty()) {
                continue;
            }
            decide(row, tenders.findPublished(tenderId).orElseThrow(), UUID.fromString(first.get().bidderId()), Actor.SYSTEM,
                    "system", true);
            n++;
        }
        return n;
    }

    /**
     * The award itself, for every procedure: the platform-signed award notice, the contract's due time, (government
     * procurement) the result notice, the refunds of the bidders not awarded, and {@link LotAwarded}.
     */
    private void decide(Row row, TenderView tender, UUID bidderId, Actor actor, String by, boolean deemed) {
        UUID tenderId = row.tenderId();
        List<Map<String, Object>> candidates = row.candidates();
        Map<String, Object> chosen = candidates.stream().filter(c -> c.get("bidderId").equals(bidderId.toString())).findFirst()
                .orElseThrow();
        Instant now = clock.instant();
        ProcedureRules rules = procedures.rulesAt(procedureOf(tenderId), now);
        Optional<ResultRules> gp = resultRules(rules);
        java.time.LocalDate day = Limit.beijingDate(now);
        Limit contractPeriod = rules.limit(RuleKeys.CONTRACT_PERIOD);
        // 政府采购法 Art. 46 with 民法典 Art. 203 (a last day off work moves on); Law 46: 30 days from the notice
        Instant due = gp.map(r -> endOf(r.contractDue(day, calendar(rules)))).orElse(now.plus(contractPeriod.duration()));
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
        Instant resultNoticeDue = null;
        Instant periodEnds = null;
        if (gp.isPresent()) {
            // 87号令 Art. 69: the result notice goes out with the award notice — at once, so within its 2 working days
            resultNoticeDue = endOf(gp.get().noticeDue(day, calendar(rules)));
            periodEnds = endOf(gp.get().noticePeriodEnds(day, calendar(rules)));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("publishedAt", now.toString());
            result.put("due", resultNoticeDue.toString());
            result.put("periodEnds", periodEnds.toString());
            result.put("documents", documentsOf(tenderId));
            notice.put("resultNotice", result);
            if (deemed) {
                notice.put("deemed", true);
            }
            notice.put("rule", "《政府采购法》第四十六条：中标通知书发出之日起三十日内签订政府采购合同；财政部令第87号第六十九条："
                    + "中标结果公告与中标通知书同时发出，公告期限为" + gp.get().noticePeriodWorkingDays() + "个工作日"
                    + (deemed ? "；《政府采购法实施条例》第四十三条：逾期未确定的，视为确定排序第一的中标候选人" : ""));
        } else {
            notice.put("rule", "《招标投标法》第四十五条、第四十六条：中标通知书发出之日起三十日内订立书面合同");
        }
        String noticeJson = CanonicalJson.write(notice);
        String signature = Base64.getEncoder().encodeToString(platform.sign(noticeJson.getBytes(StandardCharsets.UTF_8)));
        LogEntry entry = log.append(AuditRecord.of("evaluation.awarded", tenderId.toString(), row.region(), actor,
                Map.of("notice", noticeJson, "signature", signature)));
        jdbc.sql("""
                INSERT INTO award (tender_id, winner_id, notice, notice_signature, awarded_at, awarded_by, contract_due, log_seq,
                                   deemed, result_notice_due, result_notice_period_ends, contract_rule)
                VALUES (:t, :w, :n, :s, :at, :by, :due, :seq, :deemed, :noticeDue, :periodEnds, :contractRule)""")
                .param("t", tenderId).param("w", bidderId).param("n", noticeJson).param("s", signature)
                .param("at", EvaluationStore.utc(now)).param("by", by).param("due", EvaluationStore.utc(due))
                .param("seq", entry.seq()).param("deemed", deemed)
                .param("noticeDue", resultNoticeDue == null ? null : EvaluationStore.utc(resultNoticeDue))
                .param("periodEnds", periodEnds == null ? null : EvaluationStore.utc(periodEnds))
                .param("contractRule", contractPeriod.article()).update();
        StageStore.advance(jdbc, tenderId, row.stage(), Stage.AWARDED);
        deposits.refundNotAwarded(tenderId, bidderId, now);
        events.publishEvent(new LotAwarded(tenderId, bidderId, new java.math.BigDecimal(String.valueOf(chosen.get("price"))), now,
                noticeJson));
    }

    /** The reference of the tender's procurement documents, published with the result notice (87号令 Art. 69). */
    private static String documentsOf(UUID tenderId) {
        return "/api/v1/tenders/" + tenderId + "/documents";
    }

    /** The tenderee or agency records the signed contract (Law 46); the winner's deposit falls due for refund (Reg. 57). */
    @Transactional
    public AwardView contractSigned(UUID tenderId, String contractSm3, CurrentUser user) {
        Row row = lock(tenderId);
        tenders.asOwner(tenderId, user);
        if (row.stage() != Stage.AWARDED) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, row.stage());
        }
        requireNotHeld(tenderId);
        if (AwardRefusals.refused(jdbc, tenderId)) { // 条例 Art. 74: the refusing winner's 中标资格 is cancelled
            throw new DomainException(EvaluationError.AWARD_REFUSED);
        }
        if (contractSm3 != null && !contractSm3.isBlank() && !contractSm3.strip().matches("[0-9a-fA-F]{64}")) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.VALIDATION_FAILED, "contractSm3");
        }
        Instant now = clock.instant();
        UUID winner = jdbc.sql("SELECT winner_id FROM award WHERE tender_id = :t").param("t", tenderId).query(UUID.class).single();
        String sm3 = contractSm3 == null || contractSm3.isBlank() ? null : contractSm3.strip().toLowerCase();
        // 政府采购法实施条例 Art. 50: a procurement contract is published within 2 working days of signing
        ProcedureRules rules = procedures.rulesAt(procedureOf(tenderId), now);
        Instant publicationDue = resultRules(rules)
                .map(r -> endOf(r.contractPublicationDue(Limit.beijingDate(now), calendar(rules)))).orElse(null);
        jdbc.sql("UPDATE award SET contract_signed_at = :at, contract_sm3 = :s, contract_publication_due = :pd WHERE tender_id = :t")
                .param("at", EvaluationStore.utc(now)).param("s", sm3)
                .param("pd", publicationDue == null ? null : EvaluationStore.utc(publicationDue)).param("t", tenderId).update();
        StageStore.advance(jdbc, tenderId, row.stage(), Stage.CONTRACTED);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("winnerId", winner.toString());
        payload.put("signedAt", now.toString());
        payload.put("withinDue", !now.isAfter(row.contractDue()));
        if (sm3 != null) {
            payload.put("contractSm3", sm3);
        }
        if (publicationDue != null) {
            payload.put("publicationDue", publicationDue.toString());
        }
        log.record(AuditRecord.of("evaluation.contract.signed", tenderId.toString(), row.region(), user.actor(), payload));
        deposits.refundWinner(tenderId, winner, now);
        return view(tenderId, user);
    }

    /**
     * 政府采购法实施条例 Art. 50: the purchaser publishes the signed contract on the portal, within 2 working days of
     * signing (a step only procurement has; a later publication is still recorded, and was flagged to the supervisor
     * once overdue by {@link #checkContracts}).
     */
    @Transactional
    public AwardView publishContract(UUID tenderId, CurrentUser user) {
        Row row = lock(tenderId);
        tenders.asOwner(tenderId, user);
        if (row.stage() != Stage.CONTRACTED || row.contractPublicationDue() == null || row.contractPublishedAt() != null) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, row.stage());
        }
        requireNotHeld(tenderId);
        Instant now = clock.instant();
        jdbc.sql("UPDATE award SET contract_published_at = :at WHERE tender_id = :t").param("at", EvaluationStore.utc(now))
                .param("t", tenderId).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("publishedAt", now.toString());
        payload.put("due", row.contractPublicationDue().toString());
        payload.put("withinDue", !now.isAfter(row.contractPublicationDue()));
        jdbc.sql("SELECT contract_sm3 FROM award WHERE tender_id = :t").param("t", tenderId).query(String.class).optional()
                .ifPresent(sm3 -> payload.put("contractSm3", sm3));
        payload.put("rule", "《政府采购法实施条例》第五十条：采购人应当自政府采购合同签订之日起2个工作日内，将政府采购合同在指定媒体上公告");
        log.record(AuditRecord.of("evaluation.contract.published", tenderId.toString(), row.region(), user.actor(), payload));
        return view(tenderId, user);
    }

    /**
     * 87号令 Art. 69: what the calling supplier may learn of the result besides the public notice — its own rank and
     * (综合评分法) its own score, or why its bid failed the review; never another supplier's. {@code bidderId}, when
     * given, must be the caller's own organisation: asking for another's gets nothing ({@code EVALUATION_NOT_FOUND}),
     * as does a caller without a bid or a lot whose result notice is not out.
     */
    public ResultRules.OwnResult myResult(UUID tenderId, UUID bidderId, CurrentUser user) {
        Row row = find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null
                || (bidderId != null && !bidderId.equals(user.organisationId())) || row.decisionDue() == null
                || (row.stage() != Stage.AWARDED && row.stage() != Stage.CONTRACTED)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        String[] stored = jdbc.sql("SELECT ranking, qualification FROM evaluation WHERE tender_id = :t").param("t", tenderId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        Map<String, Object> ranking = json.readValue(stored[0], MAP);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) ranking.getOrDefault("ranked", List.of());
        List<Qualification.Result> review = stored[1] == null ? List.of()
                : json.readValue(stored[1], new TypeReference<List<Map<String, Object>>>() {
                }).stream().map(Awards::reviewResult).toList();
        return ResultRules.visibleTo(user.organisationId().toString(), ranked(all), "COMPREHENSIVE".equals(ranking.get("method")), review)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    @SuppressWarnings("unchecked")
    private static Qualification.Result reviewResult(Map<String, Object> m) {
        List<Map<String, Object>> failed = (List<Map<String, Object>>) m.getOrDefault("failed", List.of());
        return new Qualification.Result((String) m.get("bidderId"), Boolean.TRUE.equals(m.get("passed")), failed.stream()
                .map(f -> new Qualification.Failed((String) f.get("item"), ((Number) f.get("failVotes")).intValue(),
                        (List<String>) f.get("reasons"))).toList());
    }

    /**
     * Law 46: reminds the parties 5 days before the contract is due and flags it to the supervisor once overdue, each
     * once, in public log entries ({@code ContractDeadlines}, also on a schedule). Returns how many were logged.
     */
    public int checkContracts() {
        return deadlines.check();
    }

    /** Whether {@code user} sees a procurement lot's report before its result notice: the purchaser's side and staff. */
    private boolean insider(UUID tenderId, CurrentUser user) {
        return user != null && tenders.mayInspect(tenderId, user);
    }

    /** The publicity, objections and award: public once the publicity has started. */
    public AwardView view(UUID tenderId, CurrentUser user) {
        Row row = find(tenderId).filter(r -> r.publicityStarts() != null
                        || (r.decisionDue() != null && (r.stage() != Stage.DECISION || insider(tenderId, user))))
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        TenderView tender = tenders.findPublished(tenderId).orElseThrow();
        boolean procurement = row.decisionDue() != null;
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
        ResultNotice[] notice = new ResultNotice[1];
        Winner winner = jdbc.sql("""
                SELECT a.winner_id, b.bidder, a.notice, a.notice_signature, a.awarded_at, a.contract_due, a.contract_signed_at,
                       a.deemed, a.contract_publication_due, a.contract_published_at, a.result_notice_due, a.result_notice_period_ends
                FROM award a JOIN evaluation_bid b ON b.tender_id = a.tender_id AND b.bidder_id = a.winner_id
                WHERE a.tender_id = :t""").param("t", tenderId)
                .query((rs, i) -> {
                    Instant due = rs.getObject(6, OffsetDateTime.class).toInstant();
                    OffsetDateTime signed = rs.getObject(7, OffsetDateTime.class);
                    Instant awardedAt = rs.getObject(5, OffsetDateTime.class).toInstant();
                    Instant publicationDue = instant(rs.getObject(9, OffsetDateTime.class));
                    Instant published = instant(rs.getObject(10, OffsetDateTime.class));
                    if (rs.getObject(11) != null) {
                        notice[0] = new ResultNotice(awardedAt, instant(rs.getObject(11, OffsetDateTime.class)),
                                instant(rs.getObject(12, OffsetDateTime.class)), documentsOf(tenderId));
                    }
                    return new Winner(rs.getObject(1, UUID.class), rs.getString(2),
                            String.valueOf(json.readValue(rs.getString(3), MAP).get("price")),
                            awardedAt, rs.getString(3), rs.getString(4), due,
                            signed == null ? null : signed.toInstant(), signed == null && now.isAfter(due), rs.getBoolean(8),
                            publicationDue, published, publicationDue != null && published == null && now.isAfter(publicationDue));
                }).optional().orElse(null);
        // 87号令 Art. 69: in procurement the ranking is the purchaser's; each supplier learns only its own (myResult)
        List<Map<String, Object>> candidates = procurement && !insider(tenderId, user) ? List.of() : row.candidates();
        return new AwardView(tenderId, tender.terms().projectCode(), tender.terms().name(), row.stage(), row.publicityStarts(),
                row.publicityEnds(), candidates, objections, winner, procureCode(row, tenderId), row.decisionDue(), notice[0]);
    }

    private String procureCode(Row row, UUID tenderId) {
        return row.procedure() != null ? row.procedure() : procedureOf(tenderId);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The caller's organisation's tenders whose award work waits for it: candidates publicised (objections to answer,
     * then the award once the publicity is over — {@link #award}'s rules) or awarded without a signed contract yet.
     * A tenderee's or agency's to-do.
     */
    public List<AwardView> awaitingOwner(CurrentUser user) {
        return tenders.ofMyOrganisation(user).stream()
                .filter(t -> find(t.id()).filter(r -> (r.publicityStarts() != null || r.decisionDue() != null)
                        && (r.stage() == Stage.PUBLICITY || r.stage() == Stage.DECISION || r.stage() == Stage.AWARDED
                                || r.stage() == Stage.CONTRACTED)).isPresent())
                .map(t -> view(t.id(), user))
                .filter(a -> a.stage() == Stage.PUBLICITY || a.stage() == Stage.DECISION
                        || (a.winner() != null && a.winner().contractSignedAt() == null)
                        || (a.winner() != null && a.winner().contractPublicationDue() != null && a.winner().contractPublishedAt() == null))
                .toList();
    }

    /** The tenders whose candidates are publicised or awarded, newest first, for the portal. */
    public List<AwardView> published(int limit) {
        return jdbc.sql("SELECT tender_id FROM candidate_publicity ORDER BY starts_at DESC, tender_id LIMIT :n").param("n", limit)
                .query(UUID.class).list().stream().map(t -> view(t, null)).toList();
    }


    private record Row(UUID tenderId, String region, Stage stage, boolean stateFunded, List<Map<String, Object>> candidates,
            Instant publicityStarts, Instant publicityEnds, Instant contractDue, String procedure, Instant decisionDue,
            Instant contractPublicationDue, Instant contractPublishedAt) {
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
                SELECT e.stage, e.plan, e.ranking, p.starts_at, p.ends_at, a.contract_due, d.procedure, d.decision_due,
                       a.contract_publication_due, a.contract_published_at
                FROM evaluation e LEFT JOIN candidate_publicity p ON p.tender_id = e.tender_id LEFT JOIN award a ON a.tender_id = e.tender_id
                LEFT JOIN award_decision d ON d.tender_id = e.tender_id
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
                            due == null ? null : due.toInstant(), rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)),
                            instant(rs.getObject(9, OffsetDateTime.class)), instant(rs.getObject(10, OffsetDateTime.class)));
                }).optional();
    }
}
