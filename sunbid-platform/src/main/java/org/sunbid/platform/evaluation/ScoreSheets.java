package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.Criteria;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.evaluation.domain.Scoring;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Independent scoring (详细评审) and the ranking: each member scores the qualified bids once, criterion by criterion (the
 * price part computed, never typed); a total far from the others' needs the member's written reason and is flagged to
 * the supervisor; with every sheet in and every extreme explained the ranking stands with at most 3 candidates (Reg. 53).
 */
@Component
class ScoreSheets {

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final AuditLog log;
    private final Clock clock;

    private final ProcurementRules procurement;

    ScoreSheets(JdbcClient jdbc, EvaluationStore store, EvaluationQueries queries, AuditLog log, Clock clock,
            ProcurementRules procurement) {
        this.procurement = procurement;
        this.jdbc = jdbc;
        this.store = store;
        this.queries = queries;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public EvaluationView score(UUID tenderId, Map<String, Map<String, BigDecimal>> scores, Map<String, String> reasons,
            CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        String member = EvaluationStore.requireMember(ev, user);
        EvaluationStore.requireStage(ev, Stage.SCORING);
        Scoring scoring = store.scoring(ev);
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
                .param("r", CanonicalJson.write(cleanReasons)).param("at", EvaluationStore.utc(clock.instant())).update();
        log.record(AuditRecord.of("evaluation.scored", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "scoresSm3", Sm3.hex(scoresJson))));
        tryRanking(store.lock(tenderId));
        return queries.view(tenderId, user);
    }

    @Transactional
    public EvaluationView explain(UUID tenderId, String bidderId, String reason, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        String member = EvaluationStore.requireMember(ev, user);
        EvaluationStore.requireStage(ev, Stage.SCORING);
        Scoring scoring = store.scoring(ev);
        scoring.explain(member, bidderId, reason);
        Map<String, Object> mine = new LinkedHashMap<>(store.readMap(jdbc.sql(
                "SELECT reasons FROM evaluation_score_sheet WHERE tender_id = :t AND member = :m")
                .param("t", tenderId).param("m", member).query(String.class).single()));
        mine.put(bidderId, reason.strip());
        jdbc.sql("UPDATE evaluation_score_sheet SET reasons = :r WHERE tender_id = :t AND member = :m")
                .param("r", CanonicalJson.write(mine)).param("t", tenderId).param("m", member).update();
        tryRanking(store.lock(tenderId));
        return queries.view(tenderId, user);
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
        Scoring scoring = store.scoring(ev);
        if (!scoring.complete() || !scoring.unexplainedExtremes().isEmpty()) {
            return;
        }
        Criteria criteria = ev.plan().criteriaFor(ev.k());
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Map<String, BigDecimal> technical = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, BigDecimal>>> sheets = store.sheets(ev.tenderId());
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
        Map<String, Map<String, Object>> reasons = store.reasons(ev.tenderId());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String bidder : ev.priceScores().keySet()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            sheets.forEach((m, s) -> totals.put(m, criteria.total(s.get(bidder), ev.priceScores().get(bidder))));
            for (Ranking.ExtremeScore e : Ranking.extremes(totals, criteria.extremeThreshold())) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("member", e.member());
                x.put("name", store.nameOf(ev.tenderId(), e.member()));
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

    /** Fixes the ranking (Reg. 53: at most 3 candidates, in order) and flags each extreme score to the supervisor. */
    void fixRanking(Loaded ev, List<Ranking.Ranked> ranked, List<Map<String, Object>> extremes) {
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
        // the lowest-price methods (74号令 Art. 35 谈判, Art. 48 询价) rank every compliant offer by price, lowest first
        ranking.put("rule", procurement.at(ev.tenderId(), clock.instant()).filter(ProcurementRules.Gp::lowestPriceOnly)
                .map(gp -> gp.rules().limit(org.sunbid.platform.deals.domain.RuleKeys.LOWEST_PRICE_ONLY).article()
                        + "：从质量和服务均能满足采购文件实质性响应要求的供应商中，按照最后报价由低到高的顺序提出成交候选人，最低报价者成交")
                .orElse("《招标投标法实施条例》第五十三条：推荐的中标候选人应当不超过3个，并标明排序"));
        String rankingJson = CanonicalJson.write(ranking);
        jdbc.sql("UPDATE evaluation SET ranking = :r WHERE tender_id = :t").param("r", rankingJson).param("t", ev.tenderId()).update();
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.RANKED);
        log.record(AuditRecord.of("evaluation.ranked", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                ranking));
        for (Map<String, Object> x : extremes) { // flagged to the region's supervisor
            Map<String, Object> flag = new LinkedHashMap<>(x);
            flag.put("tenderId", ev.tenderId().toString());
            flag.put("to", "SUPERVISOR");
            log.record(AuditRecord.of("evaluation.extreme-score", ev.tenderId().toString(), ev.region(),
                    Actor.SYSTEM, flag));
        }
    }
}
