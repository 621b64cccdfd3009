package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
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
import org.sunbid.platform.evaluation.domain.PriceFormula;
import org.sunbid.platform.evaluation.domain.Qualification;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * The qualification review (资格审查): each member judges every item of every opened bid, once (a fail needs a reason and
 * a majority to carry). The last review fixes the results; then the abnormal-price reviews open where the procedure
 * has them, or the qualified bids go on at once ({@link PriceReviews#openOrProceed}, {@link PriceScores#proceed}).
 */
@Component
class QualificationReviews {

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final PriceReviews priceReviews;
    private final AuditLog log;
    private final Clock clock;
    private final ProcurementRules procurementRules;
    private final PriceScores priceScores;

    QualificationReviews(JdbcClient jdbc, EvaluationStore store, EvaluationQueries queries, PriceReviews priceReviews, AuditLog log,
            Clock clock, ProcurementRules procurementRules, PriceScores priceScores) {
        this.priceScores = priceScores;
        this.procurementRules = procurementRules;
        this.jdbc = jdbc;
        this.store = store;
        this.queries = queries;
        this.priceReviews = priceReviews;
        this.log = log;
        this.clock = clock;
    }

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
        Loaded ev = store.lock(tenderId);
        String member = EvaluationStore.requireMember(ev, user);
        EvaluationStore.requireStage(ev, Stage.QUALIFICATION);
        Qualification q = store.qualification(ev);
        q.submit(member, votes);
        jdbc.sql("INSERT INTO evaluation_review (tender_id, member, votes, submitted_at) VALUES (:t, :m, :v, :at)")
                .param("t", tenderId).param("m", member).param("v", CanonicalJson.write(votesJson(votes)))
                .param("at", EvaluationStore.utc(clock.instant())).update();
        log.record(AuditRecord.of("evaluation.reviewed", tenderId.toString(), ev.region(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "reviewSm3", Sm3.hex(CanonicalJson.write(votesJson(votes))))));
        if (q.complete()) {
            conclude(ev, q);
        }
        return queries.view(tenderId, user);
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

    private void conclude(Loaded ev, Qualification q) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<OpenedBid> qualified = new ArrayList<>();
        // 财政部令第87号 Art. 63(4): a bid above the 采购预算 or the 最高限价 is invalid, whatever the committee voted; the
        // lot's cap is the project's 最高限价, or its budget where it has none (Art. 12; 财库〔2026〕2号).
        // A method with negotiation rounds prices on the final offers, not on the first response: its budget rule is
        // applied at the close (74号令 Art. 43, BUDGET_STOPS), so the first response is not held to the cap here.
        java.util.Optional<ProcurementRules.Gp> gp = procurementRules.at(ev.tenderId(), clock.instant());
        boolean rounds = gp.map(ProcurementRules.Gp::rounds).orElse(false);
        java.math.BigDecimal cap = rounds ? null : gp.map(ProcurementRules.Gp::cap).orElse(null);
        for (Qualification.Result r : q.results()) {
            OpenedBid bid = ev.bid(r.bidderId());
            boolean aboveCap = cap != null && bid.price() != null && bid.price().compareTo(cap) > 0;
            boolean passed = r.passed() && bid.price() != null && bid.price().signum() > 0 && !aboveCap;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bidderId", r.bidderId());
            m.put("bidder", bid.bidder());
            m.put("passed", passed);
            m.put("failed", r.failed().stream().map(f -> Map.of("item", f.item(), "failVotes", (long) f.failVotes(),
                    "reasons", f.reasons())).toList());
            if (aboveCap) {
                m.put("invalidPrice", "财政部令第87号第六十三条第（四）项：投标报价 " + bid.price().toPlainString()
                        + " 元超过采购预算或最高限价 " + cap.toPlainString() + " 元，投标无效");
            } else if (r.passed() && !passed) {
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
        log.record(AuditRecord.of("evaluation.qualification.completed", ev.tenderId().toString(), ev.region(),
                Actor.SYSTEM, payload));
        jdbc.sql("UPDATE evaluation SET qualification = :q WHERE tender_id = :t").param("q", resultsJson)
                .param("t", ev.tenderId()).update();
        if (rounds) {
            negotiate(ev, qualified, gp.get());
            return;
        }
        priceReviews.openOrProceed(ev, qualified);
    }

    /**
     * A method with negotiation rounds: the qualified suppliers go into the negotiation (its rounds of sealed final
     * offers are sealing's); fewer than the final-offer minimum already stop it (74号令 Art. 37; 214号 Art. 21).
     */
    private void negotiate(Loaded ev, List<OpenedBid> qualified, ProcurementRules.Gp gp) {
        org.sunbid.platform.evaluation.domain.FinalOffers.StopRules stop = gp.stopRules();
        if (qualified.size() < stop.minimum()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("qualified", (long) qualified.size());
            details.put("minimum", (long) stop.minimum());
            priceScores.fail(ev, stop.minimumArticle() + "：符合要求的供应商不足" + stop.minimum() + "家的，终止采购", details);
            return;
        }
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.NEGOTIATION);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", ev.tenderId().toString());
        payload.put("suppliers", qualified.stream().map(b -> b.bidderId().toString()).toList());
        payload.put("rule", gp.rules().limit(org.sunbid.platform.deals.domain.RuleKeys.NEGOTIATION_ROUNDS).article()
                + "：谈判小组所有成员集中与单一供应商分别进行谈判；谈判结束后，要求所有继续参加谈判的供应商在规定时间内提交最后报价");
        log.record(AuditRecord.of("evaluation.negotiation.started", ev.tenderId().toString(), ev.region(), Actor.SYSTEM, payload));
    }
}
