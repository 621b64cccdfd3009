package org.sunbid.platform.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.evaluation.domain.Criteria;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.evaluation.domain.PriceFormula;
import org.sunbid.platform.evaluation.domain.Qualification;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.evaluation.domain.Scoring;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.SeatedCommittee;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation context's API for the committee (电子评标). The plan is set with the tender documents and locked at the
 * deadline. Once the bids are opened and every drawn expert has signed in, the evaluation starts: K is drawn from the
 * signed opening record; each member reviews every bid item by item (a fail needs a majority), then scores the
 * qualified bids once and independently — the price part computed, never typed; nobody sees another's review or
 * scores until all have submitted; extreme scores need a written reason and are flagged to the supervisor; the ranking
 * follows the plan's rules. The leader (elected by the members or appointed by the tenderee) generates the PDF report,
 * every member signs its SM3 with their certificate, and the candidates' publicity starts ({@link Awards}). Each step
 * is in the public log.
 */
@Service
public class Evaluations {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final BidOpenings openings;
    private final ExpertDraws draws;
    private final Certificates certificates;
    private final AuditLog log;
    private final FileStore files;
    private final ReportPdf reportPdf;
    private final Awards awards;
    private final Clock clock;
    private final JsonMapper json;

    Evaluations(JdbcClient jdbc, Tenders tenders, BidOpenings openings, ExpertDraws draws, Certificates certificates,
            AuditLog log, FileStore files, ReportPdf reportPdf, Awards awards, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.openings = openings;
        this.draws = draws;
        this.certificates = certificates;
        this.log = log;
        this.files = files;
        this.reportPdf = reportPdf;
        this.awards = awards;
        this.clock = clock;
        this.json = json;
    }

    /** The text a member signs to sign the report whose SM3 is {@code reportSm3}. */
    public static String reportChallenge(UUID tenderId, String reportSm3) {
        return "阳光交易 评标报告签署 sunbid-evaluation-report:" + tenderId + ":" + reportSm3;
    }

    // ---------------------------------------------------------------------------------------------------- the plan

    /**
     * The tenderee or agency sets the evaluation plan (评标办法) while the tender is a draft or open for bids; it is
     * read and checked as data (the parts adding up to 100, the K range) and logged in public with the documents.
     */
    @Transactional
    public Map<String, Object> setPlan(UUID tenderId, Map<String, Object> input, CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        if (!(tender.status() == TenderStatus.DRAFT || tender.status() == TenderStatus.PUBLISHED
                || tender.status() == TenderStatus.SUSPENDED) || !clock.instant().isBefore(tender.terms().bidDeadline())) {
            throw new DomainException(EvaluationError.PLAN_LOCKED);
        }
        EvaluationPlan.parse(input, lowestEvaluatedPrice(tender));
        String plan = CanonicalJson.write(input);
        LogEntry entry = log.append(AuditRecord.of("evaluation.plan.set", tenderId.toString(), tender.regionCode(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "planSm3", Sm3.hex(plan), "plan", json.readValue(plan, MAP))));
        jdbc.sql("""
                INSERT INTO evaluation_plan (tender_id, plan, set_at, set_by, log_seq) VALUES (:t, :p, :at, :by, :seq)
                ON CONFLICT (tender_id) DO UPDATE SET plan = :p, set_at = :at, set_by = :by, log_seq = :seq""")
                .param("t", tenderId).param("p", plan).param("at", utc(clock.instant())).param("by", user.username())
                .param("seq", entry.seq()).update();
        return plan(tenderId, user);
    }

    /** The plan: public once the tender is published; a draft's only for those who may see the draft. */
    public Map<String, Object> plan(UUID tenderId, CurrentUser user) {
        tenders.get(tenderId, user);
        return jdbc.sql("SELECT plan FROM evaluation_plan WHERE tender_id = :t").param("t", tenderId).query(String.class)
                .optional().map(p -> json.readValue(p, MAP))
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    private static boolean lowestEvaluatedPrice(TenderView tender) {
        return tender.terms().evaluationMethod() == EvaluationMethod.LOWEST_EVALUATED_PRICE;
    }

    // ---------------------------------------------------------------------------------------------------- start

    /**
     * Starts the evaluation: the bids are opened, the plan is set, and every expert who accepted has signed in. A member
     * or the region's centre staff starts it; K (benchmark price) is drawn from the SM3 of the signed opening record.
     */
    @Transactional
    public EvaluationView start(UUID tenderId, CurrentUser user) {
        TenderView tender = tenders.findPublished(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        SeatedCommittee committee = draws.seated(tenderId).orElse(null);
        boolean member = committee != null && committee.signedIn().stream().anyMatch(m -> m.username().equals(user.username()));
        boolean staff = (user.role() == Role.CENTRE_STAFF || user.role() == Role.ADMINISTRATOR) && tenders.mayInspect(tenderId, user);
        if (!member && !staff) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        jdbc.sql("SELECT id FROM tender WHERE id = :t FOR UPDATE").param("t", tenderId).query(UUID.class).single();
        if (exists(tenderId)) {
            return view(tenderId, user);
        }
        String record = openings.view(tenderId).record();
        if (openings.openedBids(tenderId).isEmpty() || record == null) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_READY, "bids not opened");
        }
        String planJson = jdbc.sql("SELECT plan FROM evaluation_plan WHERE tender_id = :t").param("t", tenderId)
                .query(String.class).optional()
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_READY, "no evaluation plan"));
        if (committee == null || !committee.complete()) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_READY, committee == null ? "no committee"
                    : "signed in " + committee.signedIn().size() + "/" + committee.accepted());
        }
        EvaluationPlan plan = EvaluationPlan.parse(json.readValue(planJson, MAP), lowestEvaluatedPrice(tender));
        String kSeed = Sm3.hex(record);
        BigDecimal k = plan.kRange() == null ? null : plan.kRange().draw(Sm3.hash(record.getBytes(StandardCharsets.UTF_8)));
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO evaluation (tender_id, draw_id, stage, plan, k, started_at, started_by)
                VALUES (:t, :d, 'QUALIFICATION', :p, :k, :at, :by)""")
                .param("t", tenderId).param("d", committee.drawId()).param("p", planJson).param("k", k)
                .param("at", utc(now)).param("by", user.username()).update();
        int position = 0;
        for (SeatedCommittee.Member m : committee.signedIn()) {
            jdbc.sql("""
                    INSERT INTO evaluation_member (tender_id, username, account_id, expert_id, name, specialty, position)
                    VALUES (:t, :u, :a, :e, :n, :s, :p)""")
                    .param("t", tenderId).param("u", m.username()).param("a", m.accountId()).param("e", m.expertId())
                    .param("n", m.name()).param("s", m.specialty()).param("p", ++position).update();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("drawId", committee.drawId().toString());
        payload.put("members", (long) committee.signedIn().size());
        payload.put("planSm3", Sm3.hex(planJson));
        payload.put("openingRecordSm3", kSeed);
        if (k != null) {
            payload.put("k", k.toPlainString());
            payload.put("kRange", Map.of("min", plan.kRange().min().toPlainString(), "max", plan.kRange().max().toPlainString(),
                    "step", plan.kRange().step().toPlainString()));
            payload.put("kRule", "K = min + j × step, j = SM3-DRBG(SM3(opening record)) uniform over every step of the range");
        }
        log.append(AuditRecord.of("evaluation.started", tenderId.toString(), tender.regionCode(), user.actor(), payload));
        return view(tenderId, user);
    }

    // ---------------------------------------------------------------------------------------------------- leader

    /**
     * A member votes for the leader (组长) — a majority elects — or the tenderee's side appoints one of the members.
     * Either way once: a leader, once chosen, stays.
     */
    @Transactional
    public EvaluationView chooseLeader(UUID tenderId, String candidate, CurrentUser user) {
        Loaded ev = lock(tenderId);
        if (ev.leader() != null) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, "leader " + ev.leader());
        }
        if (!ev.members().contains(candidate)) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        if (ev.members().contains(user.username())) {
            jdbc.sql("""
                    INSERT INTO evaluation_leader_vote (tender_id, voter, candidate, voted_at) VALUES (:t, :v, :c, :at)
                    ON CONFLICT (tender_id, voter) DO UPDATE SET candidate = :c, voted_at = :at""")
                    .param("t", tenderId).param("v", user.username()).param("c", candidate).param("at", utc(clock.instant())).update();
            long votes = jdbc.sql("SELECT COUNT(*) FROM evaluation_leader_vote WHERE tender_id = :t AND candidate = :c")
                    .param("t", tenderId).param("c", candidate).query(Long.class).single();
            if (votes * 2 > ev.members().size()) {
                setLeader(ev, candidate, "ELECTED", user);
            }
        } else if (tenders.owns(tenderId, user)) {
            setLeader(ev, candidate, "APPOINTED", user);
        } else {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        return view(tenderId, user);
    }

    private void setLeader(Loaded ev, String leader, String how, CurrentUser user) {
        jdbc.sql("UPDATE evaluation SET leader = :l, leader_by = :h, version = version + 1 WHERE tender_id = :t")
                .param("l", leader).param("h", how).param("t", ev.tenderId()).update();
        log.append(AuditRecord.of("evaluation.leader", ev.tenderId().toString(), ev.region(), user.actor(),
                Map.of("tenderId", ev.tenderId().toString(), "leader", nameOf(ev.tenderId(), leader), "how", how)));
    }

    // ---------------------------------------------------------------------------------------------------- review

    /** A member's qualification review: every opened bid, every item; once. The last one fixes the results. */
    @Transactional
    public EvaluationView review(UUID tenderId, Map<String, Map<String, ReviewVote>> input, CurrentUser user) {
        Map<String, Map<String, Qualification.Vote>> votes = new LinkedHashMap<>();
        if (input != null) {
            input.forEach((bidder, items) -> {
                Map<String, Qualification.Vote> v = new LinkedHashMap<>();
                if (items != null) {
                    items.forEach((item, vote) -> v.put(item, vote == null ? null : new Qualification.Vote(vote.pass(), vote.reason())));
                }
                votes.put(bidder, v);
            });
        }
        Loaded ev = lock(tenderId);
        String member = requireMember(ev, user);
        requireStage(ev, Stage.QUALIFICATION);
        Qualification q = qualification(ev);
        q.submit(member, votes);
        jdbc.sql("INSERT INTO evaluation_review (tender_id, member, votes, submitted_at) VALUES (:t, :m, :v, :at)")
                .param("t", tenderId).param("m", member).param("v", CanonicalJson.write(votesJson(votes)))
                .param("at", utc(clock.instant())).update();
        log.append(AuditRecord.of("evaluation.reviewed", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "reviewSm3", Sm3.hex(CanonicalJson.write(votesJson(votes))))));
        if (q.complete()) {
            concludeQualification(ev, q);
        }
        return view(tenderId, user);
    }

    private static Map<String, Object> votesJson(Map<String, Map<String, Qualification.Vote>> votes) {
        Map<String, Object> out = new LinkedHashMap<>();
        votes.forEach((bidder, v) -> {
            Map<String, Object> items = new LinkedHashMap<>();
            v.forEach((item, vote) -> items.put(item, vote.pass() ? Map.of("pass", true)
                    : Map.of("pass", false, "reason", vote.reason().strip())));
            out.put(bidder, items);
        });
        return out;
    }

    private void concludeQualification(Loaded ev, Qualification q) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<OpenedBid> qualified = new ArrayList<>();
        for (Qualification.Result r : q.results()) {
            OpenedBid bid = ev.bid(r.bidderId());
            boolean passed = r.passed() && bid.price() != null && bid.price().signum() > 0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bidderId", r.bidderId());
            m.put("bidder", bid.bidder());
            m.put("passed", passed);
            m.put("failed", r.failed().stream().map(f -> Map.of("item", f.item(), "failVotes", (long) f.failVotes(),
                    "reasons", f.reasons())).toList());
            if (r.passed() && !passed) {
                m.put("note", "no valid total price in the price sheet");
            }
            results.add(m);
            if (passed) {
                qualified.add(bid);
            }
        }
        String resultsJson = CanonicalJson.write(results);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", ev.tenderId().toString());
        payload.put("members", (long) ev.members().size());
        payload.put("rule", "不通过须经评标委员会成员过半数同意");
        payload.put("results", results);
        log.append(AuditRecord.of("evaluation.qualification.completed", ev.tenderId().toString(), ev.region(),
                Actor.SYSTEM, payload));
        if (qualified.isEmpty()) {
            jdbc.sql("UPDATE evaluation SET qualification = :q WHERE tender_id = :t").param("q", resultsJson)
                    .param("t", ev.tenderId()).update();
            StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.FAILED);
            log.append(AuditRecord.of("evaluation.failed", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                    Map.of("tenderId", ev.tenderId().toString(), "rule", "《招标投标法》第四十二条：所有投标被否决的，招标人应当依法重新招标")));
            return;
        }
        if (ev.plan().lowestEvaluatedPrice()) {
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            qualified.forEach(b -> prices.put(b.bidderId().toString(), b.price()));
            List<Ranking.Ranked> ranked = Ranking.byEvaluatedPrice(prices);
            jdbc.sql("UPDATE evaluation SET qualification = :q WHERE tender_id = :t").param("q", resultsJson)
                    .param("t", ev.tenderId()).update();
            fixRanking(lock(ev.tenderId()), ranked, List.of());
            return;
        }
        PriceFormula formula = ev.plan().formula(ev.k());
        List<BigDecimal> prices = qualified.stream().map(OpenedBid::price).toList();
        List<BigDecimal> scores = formula.scores(prices);
        List<Map<String, Object>> priceScores = new ArrayList<>();
        for (int i = 0; i < qualified.size(); i++) {
            priceScores.add(Map.of("bidderId", qualified.get(i).bidderId().toString(), "bidder", qualified.get(i).bidder(),
                    "price", prices.get(i).toPlainString(), "score", scores.get(i).toPlainString()));
        }
        Map<String, Object> priced = new LinkedHashMap<>();
        priced.put("tenderId", ev.tenderId().toString());
        priced.put("formula", ev.planJson().get("price"));
        if (formula instanceof PriceFormula.BenchmarkPrice b) {
            priced.put("k", ev.k().toPlainString());
            priced.put("benchmark", b.benchmark(prices).toPlainString());
        }
        priced.put("scores", priceScores);
        jdbc.sql("""
                UPDATE evaluation SET qualification = :q, price_scores = :p WHERE tender_id = :t""")
                .param("q", resultsJson).param("p", CanonicalJson.write(priced)).param("t", ev.tenderId()).update();
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.SCORING);
        log.append(AuditRecord.of("evaluation.price-scores", ev.tenderId().toString(), ev.region(),
                Actor.SYSTEM, priced));
    }

    // ---------------------------------------------------------------------------------------------------- scoring

    /**
     * A member's scores for every qualified bid (criterion by criterion, within each criterion's range) with reasons
     * for any score they know to be unusual; once. The last submission — or the last missing reason — fixes the ranking.
     */
    @Transactional
    public EvaluationView score(UUID tenderId, Map<String, Map<String, BigDecimal>> scores, Map<String, String> reasons,
            CurrentUser user) {
        Loaded ev = lock(tenderId);
        String member = requireMember(ev, user);
        requireStage(ev, Stage.SCORING);
        Scoring scoring = scoring(ev);
        scoring.submit(member, scores, reasons);
        Map<String, String> cleanReasons = new LinkedHashMap<>();
        if (reasons != null) {
            reasons.forEach((b, r) -> {
                if (r != null && !r.isBlank()) {
                    cleanReasons.put(b, r.strip());
                }
            });
        }
        String scoresJson = CanonicalJson.write(stringScores(scores));
        jdbc.sql("""
                INSERT INTO evaluation_score_sheet (tender_id, member, scores, reasons, submitted_at) VALUES (:t, :m, :s, :r, :at)""")
                .param("t", tenderId).param("m", member).param("s", scoresJson)
                .param("r", CanonicalJson.write(cleanReasons)).param("at", utc(clock.instant())).update();
        log.append(AuditRecord.of("evaluation.scored", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "scoresSm3", Sm3.hex(scoresJson))));
        tryRanking(lock(tenderId));
        return view(tenderId, user);
    }

    /** A member gives the written reason for an extreme score of theirs (the score itself stays). */
    @Transactional
    public EvaluationView explain(UUID tenderId, String bidderId, String reason, CurrentUser user) {
        Loaded ev = lock(tenderId);
        String member = requireMember(ev, user);
        requireStage(ev, Stage.SCORING);
        Scoring scoring = scoring(ev);
        scoring.explain(member, bidderId, reason);
        Map<String, Object> mine = new LinkedHashMap<>(json.readValue(jdbc.sql(
                "SELECT reasons FROM evaluation_score_sheet WHERE tender_id = :t AND member = :m")
                .param("t", tenderId).param("m", member).query(String.class).single(), MAP));
        mine.put(bidderId, reason.strip());
        jdbc.sql("UPDATE evaluation_score_sheet SET reasons = :r WHERE tender_id = :t AND member = :m")
                .param("r", CanonicalJson.write(mine)).param("t", tenderId).param("m", member).update();
        tryRanking(lock(tenderId));
        return view(tenderId, user);
    }

    private static Map<String, Object> stringScores(Map<String, Map<String, BigDecimal>> scores) {
        Map<String, Object> out = new LinkedHashMap<>();
        scores.forEach((b, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            s.forEach((c, v) -> m.put(c, v.stripTrailingZeros().toPlainString()));
            out.put(b, m);
        });
        return out;
    }

    private void tryRanking(Loaded ev) {
        Scoring scoring = scoring(ev);
        if (!scoring.complete() || !scoring.unexplainedExtremes().isEmpty()) {
            return;
        }
        Criteria criteria = ev.plan().criteriaFor(ev.k());
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Map<String, BigDecimal> technical = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = sheets(ev.tenderId());
        for (String bidder : ev.priceScores().keySet()) {
            prices.put(bidder, ev.bid(bidder).price());
            List<BigDecimal> t = new ArrayList<>();
            sheets.values().forEach(s -> t.add(criteria.technical().stream().map(c -> s.get(bidder).get(c.code()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add)));
            technical.put(bidder, t.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(t.size()), 2, RoundingMode.HALF_UP));
        }
        List<Ranking.Ranked> ranked = scoring.ranking(prices, technical).orElseThrow();
        fixRanking(ev, ranked, extremes(ev, criteria, sheets));
    }

    private List<Map<String, Object>> extremes(Loaded ev, Criteria criteria, Map<String, Map<String, Map<String, BigDecimal>>> sheets) {
        Map<String, Map<String, Object>> reasons = new LinkedHashMap<>();
        jdbc.sql("SELECT member, reasons FROM evaluation_score_sheet WHERE tender_id = :t").param("t", ev.tenderId())
                .query((rs, i) -> reasons.put(rs.getString(1), json.readValue(rs.getString(2), MAP))).list();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String bidder : ev.priceScores().keySet()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            sheets.forEach((m, s) -> totals.put(m, criteria.total(s.get(bidder), ev.priceScores().get(bidder))));
            for (Ranking.ExtremeScore e : Ranking.extremes(totals, criteria.extremeThreshold())) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("member", e.member());
                x.put("name", nameOf(ev.tenderId(), e.member()));
                x.put("bidderId", bidder);
                x.put("bidder", ev.bid(bidder).bidder());
                x.put("total", e.score().toPlainString());
                x.put("othersMean", e.othersMean().toPlainString());
                x.put("deviation", e.deviation().toPlainString());
                x.put("threshold", criteria.extremeThreshold().toPlainString());
                x.put("reason", String.valueOf(reasons.getOrDefault(e.member(), Map.of()).get(bidder)));
                out.add(x);
            }
        }
        return out;
    }

    private void fixRanking(Loaded ev, List<Ranking.Ranked> ranked, List<Map<String, Object>> extremes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Ranking.Ranked r : ranked) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", (long) r.rank());
            m.put("bidderId", r.bidderId());
            m.put("bidder", ev.bid(r.bidderId()).bidder());
            m.put("price", ev.bid(r.bidderId()).price().toPlainString());
            m.put("score", r.score().toPlainString());
            m.put("tied", r.tied());
            rows.add(m);
        }
        Map<String, Object> ranking = new LinkedHashMap<>();
        ranking.put("tenderId", ev.tenderId().toString());
        ranking.put("method", ev.plan().lowestEvaluatedPrice() ? "LOWEST_EVALUATED_PRICE" : "COMPREHENSIVE");
        ranking.put("ranked", rows);
        ranking.put("candidates", rows.subList(0, Math.min(rows.size(), Ranking.candidates(ranked).size())));
        ranking.put("extremes", extremes);
        ranking.put("rule", "《招标投标法实施条例》第五十三条：推荐的中标候选人应当不超过3个，并标明排序");
        String rankingJson = CanonicalJson.write(ranking);
        jdbc.sql("UPDATE evaluation SET ranking = :r WHERE tender_id = :t").param("r", rankingJson).param("t", ev.tenderId()).update();
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.RANKED);
        log.append(AuditRecord.of("evaluation.ranked", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                ranking));
        for (Map<String, Object> x : extremes) { // flagged to the region's supervisor
            Map<String, Object> flag = new LinkedHashMap<>(x);
            flag.put("tenderId", ev.tenderId().toString());
            flag.put("to", "SUPERVISOR");
            log.append(AuditRecord.of("evaluation.extreme-score", ev.tenderId().toString(), ev.region(),
                    Actor.SYSTEM, flag));
        }
    }

    // ---------------------------------------------------------------------------------------------------- report

    /** The leader generates the report once the ranking stands; its SM3 goes into the log. */
    @Transactional
    public EvaluationView generateReport(UUID tenderId, CurrentUser user) {
        Loaded ev = lock(tenderId);
        String member = requireMember(ev, user);
        if (!member.equals(ev.leader())) {
            throw new DomainException(EvaluationError.NOT_THE_LEADER);
        }
        requireStage(ev, Stage.RANKED);
        Instant now = clock.instant();
        byte[] pdf = reportPdf.render(reportContent(ev, now));
        FileStore.Stored stored;
        try (FileStore.Upload upload = files.store(new ByteArrayInputStream(pdf), pdf.length + 1L)) {
            stored = upload.stored();
            files.reference(stored.sm3(), "evaluation.report:" + tenderId); // in this transaction
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LogEntry entry = log.append(AuditRecord.of("evaluation.report.generated", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "reportSm3", stored.sm3(), "bytes", stored.size(),
                        "signers", (long) ev.members().size())));
        jdbc.sql("""
                UPDATE evaluation SET report_sm3 = :s, report_seq = :seq, report_at = :at WHERE tender_id = :t""")
                .param("s", stored.sm3()).param("seq", entry.seq()).param("at", utc(now)).param("t", tenderId).update();
        StageStore.advance(jdbc, tenderId, ev.stage(), Stage.REPORTED);
        return view(tenderId, user);
    }

    private ReportPdf.Content reportContent(Loaded ev, Instant at) {
        TenderView tender = tenders.findPublished(ev.tenderId()).orElseThrow();
        List<ReportPdf.Person> members = new ArrayList<>();
        jdbc.sql("SELECT username, name, specialty FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                .param("t", ev.tenderId())
                .query((rs, i) -> members.add(new ReportPdf.Person(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(1).equals(ev.leader())))).list();
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = ev.plan().lowestEvaluatedPrice() ? Map.of() : sheets(ev.tenderId());
        return new ReportPdf.Content(tender.terms().projectCode(), tender.terms().name(), ev.plan().lowestEvaluatedPrice(),
                at, members, ev.plan(), ev.planJson(), ev.k(), ev.bids(), json.readValue(ev.qualificationJson(), List.class),
                ev.priceScores(), sheets, json.readValue(ev.rankingJson(), MAP));
    }

    /** The report PDF: for the committee, owners, the region's staff and supervisors; public from the publicity on. */
    public byte[] report(UUID tenderId, CurrentUser user) {
        Loaded ev = find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        if (ev.reportSm3() == null || !mayReadReport(ev, user)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        try {
            return Files.readAllBytes(files.find(ev.reportSm3()).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean mayReadReport(Loaded ev, CurrentUser user) {
        return ev.stage().compareTo(Stage.PUBLICITY) >= 0 && ev.stage() != Stage.FAILED
                || user != null && (ev.members().contains(user.username()) || tenders.mayInspect(ev.tenderId(), user));
    }

    /** A member signs the report: a signature over {@link #reportChallenge} with their certificate in force. */
    @Transactional
    public EvaluationView signReport(UUID tenderId, String signature, CurrentUser user) {
        Loaded ev = lock(tenderId);
        String member = requireMember(ev, user);
        requireStage(ev, Stage.REPORTED);
        if (jdbc.sql("SELECT COUNT(*) FROM evaluation_report_signature WHERE tender_id = :t AND member = :m")
                .param("t", tenderId).param("m", member).query(Long.class).single() > 0) {
            return view(tenderId, user);
        }
        String text = reportChallenge(tenderId, ev.reportSm3());
        X509Certificate certificate = certificates.signedByAccount(user.accountId(), text, signature)
                .orElseThrow(() -> new DomainException(EvaluationError.REPORT_SIGNATURE_INVALID));
        String pem = Pem.encode(certificate);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("reportSm3", ev.reportSm3());
        payload.put("member", member);
        payload.put("name", nameOf(tenderId, member));
        payload.put("text", text);
        payload.put("signature", signature.strip());
        payload.put("certificatePem", pem);
        LogEntry entry = log.append(AuditRecord.of("evaluation.report.signed", tenderId.toString(), ev.region(), user.actor(), payload));
        jdbc.sql("""
                INSERT INTO evaluation_report_signature (tender_id, member, certificate_pem, signature, signed_at, log_seq)
                VALUES (:t, :m, :c, :s, :at, :seq)""")
                .param("t", tenderId).param("m", member).param("c", pem).param("s", signature.strip())
                .param("at", utc(clock.instant())).param("seq", entry.seq()).update();
        long signed = jdbc.sql("SELECT COUNT(*) FROM evaluation_report_signature WHERE tender_id = :t").param("t", tenderId)
                .query(Long.class).single();
        if (signed == ev.members().size()) {
            StageStore.advance(jdbc, tenderId, ev.stage(), Stage.PUBLICITY);
            awards.startPublicity(tenderId, ev.region(), json.readValue(ev.rankingJson(), MAP));
            draws.publishAfterEvaluation(ev.drawId());
        }
        return view(tenderId, user);
    }

    /**
     * The report's SM3, where it is in the log, and every member's signature with their certificate: what
     * {@code sunbid-verifier verify-report} checks. Same access as the report.
     */
    public Map<String, Object> reportSignatures(UUID tenderId, CurrentUser user) {
        Loaded ev = find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        if (ev.reportSm3() == null || !mayReadReport(ev, user)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenderId", tenderId.toString());
        out.put("reportSm3", ev.reportSm3());
        out.put("reportSeq", ev.reportSeq());
        out.put("members", ev.members().size());
        out.put("signatures", jdbc.sql("""
                SELECT s.member, m.name, s.certificate_pem, s.signature, s.signed_at, s.log_seq FROM evaluation_report_signature s
                JOIN evaluation_member m ON m.tender_id = s.tender_id AND m.username = s.member
                WHERE s.tender_id = :t ORDER BY m.position""").param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("member", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("certificatePem", rs.getString(3));
                    m.put("signature", rs.getString(4));
                    m.put("text", reportChallenge(tenderId, ev.reportSm3()));
                    m.put("signedAt", rs.getObject(5, OffsetDateTime.class).toInstant().toString());
                    m.put("logSeq", rs.getLong(6));
                    return m;
                }).list());
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- views

    /**
     * The evaluation's stage, for the deal's overall status shown to everyone (which stage it is in is not a secret; what
     * the committee has written is); empty before the evaluation starts.
     */
    public java.util.Optional<Stage> stage(UUID tenderId) {
        return jdbc.sql("SELECT stage FROM evaluation WHERE tender_id = :t").param("t", tenderId).query(String.class)
                .optional().map(Stage::valueOf);
    }

    /** Whether the tender's evaluation has started. */
    public boolean exists(UUID tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation WHERE tender_id = :t").param("t", tenderId).query(Long.class).single() > 0;
    }

    /** A decrypted file of an opened bid, for the committee's members only. */
    public BidFile bidFile(UUID tenderId, UUID bidId, String name, CurrentUser user) {
        if (view(tenderId, user).me() == null) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        return new BidFile(openings.openedFile(tenderId, bidId, name).filter(Files::isRegularFile)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND)));
    }

    /** A bid's decrypted file on disk, and the HTTP answer that sends it (the API and the workspace page alike). */
    public record BidFile(java.nio.file.Path file) {

        public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> asAttachment() {
            return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(file.getFileName().toString(), StandardCharsets.UTF_8).build().toString())
                    .body(new org.springframework.core.io.FileSystemResource(file));
        }
    }

    /** The evaluations the signed-in expert sits on, newest first (tender ids). */
    public List<UUID> mine(CurrentUser user) {
        return jdbc.sql("""
                SELECT e.tender_id FROM evaluation_member m JOIN evaluation e ON e.tender_id = m.tender_id
                WHERE m.username = :u ORDER BY e.started_at DESC""").param("u", user.username()).query(UUID.class).list();
    }

    /**
     * The evaluations where the signed-in member still has something to do (review, score, give a reason, sign the
     * report: {@link EvaluationView#awaiting()}). An expert's to-do.
     */
    public List<EvaluationView> awaitingMember(CurrentUser user) {
        return mine(user).stream().map(t -> view(t, user)).filter(v -> v.awaiting() != null && !v.awaiting().isEmpty()).toList();
    }

    /** The evaluation as {@code user} may see it (see {@link EvaluationView}). */
    public EvaluationView view(UUID tenderId, CurrentUser user) {
        Loaded ev = find(tenderId).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        String me = user != null && ev.members().contains(user.username()) ? user.username() : null;
        boolean inspector = user != null && tenders.mayInspect(tenderId, user)
                && (user.role() == Role.CENTRE_STAFF || user.role() == Role.SUPERVISOR || user.role() == Role.ADMINISTRATOR);
        boolean after = ev.stage().compareTo(Stage.PUBLICITY) >= 0 && ev.stage() != Stage.FAILED;
        boolean owner = user != null && tenders.owns(tenderId, user);
        if (me == null && !inspector && !after && !(owner && ev.stage() == Stage.FAILED)) {
            throw new DomainException(EvaluationError.EVALUATION_NOT_FOUND);
        }
        TenderView tender = tenders.findPublished(tenderId).orElseThrow();
        Qualification q = qualification(ev);
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = sheets(tenderId);
        Set<String> signed = new LinkedHashSet<>(jdbc.sql("SELECT member FROM evaluation_report_signature WHERE tender_id = :t")
                .param("t", tenderId).query(String.class).list());
        Map<String, Long> votes = new LinkedHashMap<>();
        jdbc.sql("SELECT candidate, COUNT(*) FROM evaluation_leader_vote WHERE tender_id = :t GROUP BY candidate")
                .param("t", tenderId).query((rs, i) -> votes.put(rs.getString(1), rs.getLong(2))).list();
        List<EvaluationView.Member> members = jdbc.sql(
                "SELECT username, name, specialty FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                .param("t", tenderId)
                .query((rs, i) -> new EvaluationView.Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        q.submitted(rs.getString(1)), sheets.containsKey(rs.getString(1)), signed.contains(rs.getString(1)),
                        votes.getOrDefault(rs.getString(1), 0L).intValue()))
                .list();
        List<String> awaiting = new ArrayList<>();
        if (me != null) {
            if (ev.stage() == Stage.QUALIFICATION && !q.submitted(me)) {
                awaiting.add("REVIEW");
            }
            if (ev.stage() == Stage.SCORING && !sheets.containsKey(me)) {
                awaiting.add("SCORE");
            }
            if (ev.stage() == Stage.SCORING && sheets.containsKey(me)) {
                scoring(ev).unexplainedExtremes().stream().filter(x -> x.startsWith(me + "/"))
                        .forEach(x -> awaiting.add("REASON:" + x.substring(me.length() + 1)));
            }
            if (ev.stage() == Stage.REPORTED && !signed.contains(me)) {
                awaiting.add("SIGN");
            }
        }
        boolean workspace = me != null || inspector;
        List<EvaluationView.Bid> bids = workspace ? ev.bids().stream().map(b -> new EvaluationView.Bid(b.bidId(), b.bidderId(),
                b.bidder(), b.opened(), b.price(), b.priceSheet(), me != null ? b.files() : List.of(), b.rejection())).toList()
                : List.of();
        Map<String, Object> myReview = null;
        Map<String, Object> myScores = null;
        if (me != null) {
            myReview = jdbc.sql("SELECT votes FROM evaluation_review WHERE tender_id = :t AND member = :m").param("t", tenderId)
                    .param("m", me).query(String.class).optional().map(v -> json.readValue(v, MAP)).orElse(null);
            myScores = jdbc.sql("SELECT scores, reasons FROM evaluation_score_sheet WHERE tender_id = :t AND member = :m")
                    .param("t", tenderId).param("m", me)
                    .query((rs, i) -> Map.<String, Object>of("scores", json.readValue(rs.getString(1), MAP),
                            "reasons", json.readValue(rs.getString(2), MAP)))
                    .optional().orElse(null);
        }
        List<Map<String, Object>> reviews = List.of();
        if (workspace && q.complete()) {
            reviews = jdbc.sql("SELECT member, votes FROM evaluation_review WHERE tender_id = :t ORDER BY submitted_at")
                    .param("t", tenderId).query((rs, i) -> Map.<String, Object>of("member", rs.getString(1),
                            "votes", json.readValue(rs.getString(2), MAP))).list();
        }
        List<Map<String, Object>> scoreSheets = List.of();
        if ((workspace || after) && !ev.plan().lowestEvaluatedPrice() && ev.stage() != Stage.QUALIFICATION
                && ev.stage() != Stage.FAILED && scoring(ev).complete()) {
            scoreSheets = jdbc.sql("SELECT member, scores, reasons FROM evaluation_score_sheet WHERE tender_id = :t ORDER BY submitted_at")
                    .param("t", tenderId).query((rs, i) -> Map.<String, Object>of("member", rs.getString(1),
                            "scores", json.readValue(rs.getString(2), MAP), "reasons", json.readValue(rs.getString(3), MAP)))
                    .list();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> qualification = ev.qualificationJson() == null ? null
                : json.readValue(ev.qualificationJson(), List.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> priceScores = ev.priceScoresJson() == null ? null
                : (List<Map<String, Object>>) json.readValue(ev.priceScoresJson(), MAP).get("scores");
        Map<String, Object> ranking = ev.rankingJson() == null ? null : json.readValue(ev.rankingJson(), MAP);
        return new EvaluationView(tenderId, tender.terms().projectCode(), tender.terms().name(),
                tender.terms().evaluationMethod().name(), ev.stage(), ev.planJson(), ev.k(),
                ev.k() == null ? null : Sm3.hex(openings.view(tenderId).record()), members, ev.leader(), ev.leaderBy(), me,
                awaiting, bids, myReview, myScores, qualification, reviews, priceScores, scoreSheets, ranking, ev.reportSm3(),
                ev.reportAt(), ev.reportSm3() == null ? null : reportChallenge(tenderId, ev.reportSm3()), ev.startedAt());
    }

    // ---------------------------------------------------------------------------------------------------- loading

    /** The evaluation row with what every step needs. */
    record Loaded(UUID tenderId, UUID drawId, String region, Stage stage, Map<String, Object> planJson, EvaluationPlan plan,
            BigDecimal k, String leader, String leaderBy, String qualificationJson, String priceScoresJson, String rankingJson,
            String reportSm3, Long reportSeq, Instant reportAt, Instant startedAt, List<String> members, List<OpenedBid> bids,
            Map<String, BigDecimal> priceScoreMap) {

        OpenedBid bid(String bidderId) {
            return bids.stream().filter(b -> b.bidderId().toString().equals(bidderId)).findFirst().orElseThrow();
        }

        /** Each qualified bid's computed price score, by bidder, in the bids' order. */
        Map<String, BigDecimal> priceScores() {
            return priceScoreMap;
        }
    }

    private Optional<Loaded> find(UUID tenderId) {
        return load(tenderId, "");
    }

    private Loaded lock(UUID tenderId) {
        return load(tenderId, " FOR UPDATE").orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    private Optional<Loaded> load(UUID tenderId, String lock) {
        Optional<Map<String, Object>> row = jdbc.sql(
                "SELECT e.*, t.region_code FROM evaluation e JOIN tender t ON t.id = e.tender_id WHERE e.tender_id = :t" + lock)
                .param("t", tenderId).query().listOfRows().stream().findFirst();
        return row.map(r -> {
            TenderView tender = tenders.findPublished(tenderId).orElseThrow();
            Map<String, Object> planJson = json.readValue((String) r.get("plan"), MAP);
            return new Loaded(tenderId, (UUID) r.get("draw_id"), (String) r.get("region_code"), Stage.valueOf((String) r.get("stage")),
                    planJson, EvaluationPlan.parse(planJson, lowestEvaluatedPrice(tender)), (BigDecimal) r.get("k"),
                    (String) r.get("leader"), (String) r.get("leader_by"), (String) r.get("qualification"),
                    (String) r.get("price_scores"), (String) r.get("ranking"), (String) r.get("report_sm3"),
                    (Long) r.get("report_seq"), instant(r.get("report_at")), instant(r.get("started_at")),
                    jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = :t ORDER BY position")
                            .param("t", tenderId).query(String.class).list(),
                    openings.openedBids(tenderId), priceScores((String) r.get("price_scores")));
        });
    }

    private static Instant instant(Object timestamp) {
        if (timestamp == null) {
            return null;
        }
        return timestamp instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) timestamp).toInstant();
    }

    private Map<String, BigDecimal> priceScores(String priceScoresJson) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (priceScoresJson != null) {
            for (Object o : (List<?>) json.readValue(priceScoresJson, MAP).get("scores")) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.put((String) m.get("bidderId"), new BigDecimal((String) m.get("score")));
            }
        }
        return out;
    }

    private Qualification qualification(Loaded ev) {
        List<String> bidders = ev.bids().stream().map(b -> b.bidderId().toString()).toList();
        Qualification q = new Qualification(Set.copyOf(ev.members()), bidders, ev.plan().qualification());
        jdbc.sql("SELECT member, votes FROM evaluation_review WHERE tender_id = :t ORDER BY submitted_at").param("t", ev.tenderId())
                .query((rs, i) -> {
                    Map<String, Map<String, Qualification.Vote>> votes = new LinkedHashMap<>();
                    json.readValue(rs.getString(2), MAP).forEach((bidder, items) -> {
                        Map<String, Qualification.Vote> v = new LinkedHashMap<>();
                        ((Map<?, ?>) items).forEach((item, vote) -> {
                            Map<?, ?> m = (Map<?, ?>) vote;
                            v.put((String) item, new Qualification.Vote(Boolean.TRUE.equals(m.get("pass")), (String) m.get("reason")));
                        });
                        votes.put(bidder, v);
                    });
                    q.submit(rs.getString(1), votes);
                    return null;
                }).list();
        return q;
    }

    private Scoring scoring(Loaded ev) {
        Scoring scoring = new Scoring(ev.plan().criteriaFor(ev.k()), Set.copyOf(ev.members()), ev.priceScores());
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = sheets(ev.tenderId());
        Map<String, Map<String, Object>> reasons = new LinkedHashMap<>();
        jdbc.sql("SELECT member, reasons FROM evaluation_score_sheet WHERE tender_id = :t").param("t", ev.tenderId())
                .query((rs, i) -> reasons.put(rs.getString(1), json.readValue(rs.getString(2), MAP))).list();
        sheets.forEach((member, s) -> {
            Map<String, String> r = new LinkedHashMap<>();
            reasons.getOrDefault(member, Map.of()).forEach((b, v) -> r.put(b, String.valueOf(v)));
            scoring.submit(member, s, r);
        });
        return scoring;
    }

    private Map<String, Map<String, Map<String, BigDecimal>>> sheets(UUID tenderId) {
        Map<String, Map<String, Map<String, BigDecimal>>> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.member, s.scores FROM evaluation_score_sheet s
                JOIN evaluation_member m ON m.tender_id = s.tender_id AND m.username = s.member
                WHERE s.tender_id = :t ORDER BY m.position""").param("t", tenderId)
                .query((rs, i) -> {
                    Map<String, Map<String, BigDecimal>> byBidder = new LinkedHashMap<>();
                    json.readValue(rs.getString(2), MAP).forEach((bidder, scores) -> {
                        Map<String, BigDecimal> s = new LinkedHashMap<>();
                        ((Map<?, ?>) scores).forEach((c, v) -> s.put((String) c, new BigDecimal(String.valueOf(v))));
                        byBidder.put(bidder, s);
                    });
                    return out.put(rs.getString(1), byBidder);
                }).list();
        return out;
    }

    private String requireMember(Loaded ev, CurrentUser user) {
        if (user == null || !ev.members().contains(user.username())) {
            throw new DomainException(EvaluationError.NOT_A_MEMBER);
        }
        return user.username();
    }


    private static void requireStage(Loaded ev, Stage expected) {
        if (ev.stage() != expected) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, ev.stage());
        }
    }

    private String nameOf(UUID tenderId, String member) {
        return jdbc.sql("SELECT name FROM evaluation_member WHERE tender_id = :t AND username = :u").param("t", tenderId)
                .param("u", member).query(String.class).optional().orElse(member);
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
