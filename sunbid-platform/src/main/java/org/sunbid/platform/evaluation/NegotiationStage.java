package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.FinalOffers;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * The negotiation stage of the methods whose rules hold NEGOTIATION_ROUNDS (竞争性谈判 74号令 Art. 31–33, 竞争性磋商
 * 财库〔2014〕214号 Art. 17–21, 单一来源 74号令 Art. 42): the evaluation keeps its own copy of every opened round of sealed
 * final offers, taken from sealing's {@link OffersOpened} (never sealing's tables); the panel's leader closes the
 * negotiation, and the last round's offers of the qualified suppliers still in it become their prices
 * ({@link FinalOffers}): too few stop the procurement, an offer above the budget stops it where BUDGET_STOPS holds
 * (74号令 Art. 43); otherwise the abnormal-price review and the policy deductions apply as the rules say and the lot is
 * ranked by price (LOWEST_PRICE_ONLY, 74号令 Art. 35–36) or scored ({@link PriceReviews#openOrProceed}).
 */
@Component
class NegotiationStage {

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final EvaluationQueries queries;
    private final PriceReviews priceReviews;
    private final PriceScores priceScores;
    private final ProcurementRules procurement;
    private final AuditLog log;
    private final Clock clock;

    NegotiationStage(JdbcClient jdbc, EvaluationStore store, EvaluationQueries queries, PriceReviews priceReviews, PriceScores priceScores,
            ProcurementRules procurement, AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.queries = queries;
        this.priceReviews = priceReviews;
        this.priceScores = priceScores;
        this.procurement = procurement;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Keeps an opened round's offers. Runs after sealing's transaction committed, in its own, from the event publication
     * registry: a second delivery of the same round changes nothing.
     */
    @ApplicationModuleListener
    public void on(OffersOpened opened) {
        if (!opened.negotiation()) {
            return; // another context's competition round (issue 22): no evaluation's offers
        }
        int position = 0;
        for (OffersOpened.Offer o : opened.offers()) {
            jdbc.sql("""
                    INSERT INTO evaluation_offer (lot_id, round, bidder_id, position, price, price_sheet, record_sm3, opened_at, copied_at)
                    VALUES (:l, :r, :b, :p, :price, :sheet, :sm3, :o, :at) ON CONFLICT (lot_id, round, bidder_id) DO NOTHING""")
                    .param("l", opened.lotId()).param("r", opened.round()).param("b", o.bidderId()).param("p", ++position)
                    .param("price", o.price()).param("sheet", o.priceSheet() == null ? "{}" : o.priceSheet())
                    .param("sm3", opened.recordSm3()).param("o", EvaluationStore.utc(opened.openedAt()))
                    .param("at", EvaluationStore.utc(clock.instant())).update();
        }
    }

    /** Every opened round of the lot: round → supplier → offered price, in the rounds' order. */
    Map<Integer, Map<String, BigDecimal>> rounds(UUID lotId) {
        Map<Integer, Map<String, BigDecimal>> out = new TreeMap<>();
        jdbc.sql("SELECT round, bidder_id, price FROM evaluation_offer WHERE lot_id = :l ORDER BY round, position")
                .param("l", lotId)
                .query((rs, i) -> out.computeIfAbsent(rs.getInt(1), r -> new LinkedHashMap<>())
                        .put(rs.getObject(2, UUID.class).toString(), rs.getBigDecimal(3)))
                .list();
        return out;
    }

    /**
     * The leader closes the negotiation: the last opened round's offers are final. Refused: not the leader
     * ({@code NOT_THE_LEADER}), not in the negotiation ({@code EVALUATION_STAGE}), no round opened yet
     * ({@code NO_FINAL_OFFERS}).
     */
    @Transactional
    public EvaluationView close(UUID tenderId, CurrentUser user) {
        Loaded ev = store.lock(tenderId);
        EvaluationStore.requireMember(ev, user);
        if (!user.username().equals(ev.leader())) {
            throw new DomainException(EvaluationError.NOT_THE_LEADER);
        }
        EvaluationStore.requireStage(ev, Stage.NEGOTIATION);
        Instant now = clock.instant();
        ProcurementRules.Gp gp = procurement.at(tenderId, now)
                .orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_STAGE, ev.stage()));
        Map<Integer, Map<String, BigDecimal>> rounds = rounds(tenderId);
        if (rounds.isEmpty()) {
            throw new DomainException(EvaluationError.NO_FINAL_OFFERS);
        }
        int last = ((TreeMap<Integer, Map<String, BigDecimal>>) rounds).lastKey();
        List<String> qualified = new ArrayList<>();
        for (Map<String, Object> q : store.readList(ev.qualificationJson())) {
            if (Boolean.TRUE.equals(q.get("passed"))) {
                qualified.add((String) q.get("bidderId"));
            }
        }
        Map<String, BigDecimal> finals = FinalOffers.lastRound(rounds, qualified);
        FinalOffers.StopRules stopRules = gp.stopRules();
        FinalOffers.Outcome outcome = FinalOffers.decide(finals, stopRules);
        jdbc.sql("""
                UPDATE evaluation SET final_round = :r, negotiation_closed_at = :at, negotiation_closed_by = :by
                WHERE tender_id = :t""")
                .param("r", last).param("at", EvaluationStore.utc(now)).param("by", user.username()).param("t", tenderId).update();
        String recordSm3 = jdbc.sql("SELECT record_sm3 FROM evaluation_offer WHERE lot_id = :l AND round = :r LIMIT 1")
                .param("l", tenderId).param("r", last).query(String.class).single();
        List<Map<String, Object>> offers = new ArrayList<>();
        finals.forEach((b, p) -> offers.add(Map.of("bidderId", b, "bidder", ev.bid(b).bidder(), "price", p.toPlainString())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("round", (long) last);
        payload.put("rounds", (long) rounds.size());
        payload.put("roundRecordSm3", recordSm3);
        payload.put("finalOffers", offers);
        payload.put("withdrawn", qualified.stream().filter(q -> !finals.containsKey(q)).toList());
        payload.put("rule", "财政部令第74号第三十三条：已提交响应文件的供应商，在提交最后报价之前，可以根据谈判情况退出谈判；"
                + "未在规定时间内提交最后报价的，视为退出");
        log.record(AuditRecord.of("evaluation.negotiation.closed", tenderId.toString(), ev.region(), user.actor(), payload));
        if (outcome.stopped()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("finalOffers", (long) finals.size());
            details.put("minimum", (long) stopRules.minimum());
            String rule;
            if (outcome.stop() == FinalOffers.Stop.ABOVE_BUDGET) {
                details.put("budget", stopRules.budget().toPlainString());
                rule = outcome.article() + "：报价超过采购预算（" + stopRules.budget().toPlainString() + " 元）的，终止采购";
            } else {
                rule = outcome.article() + "：提交最后报价的供应商不足" + stopRules.minimum() + "家的，终止采购";
            }
            priceScores.fail(store.lock(tenderId), rule, details);
            return queries.view(tenderId, user);
        }
        Loaded closed = store.lock(tenderId);
        List<OpenedBid> valid = outcome.prices().keySet().stream().map(closed::bid).toList();
        priceReviews.openOrProceed(closed, valid);
        return queries.view(tenderId, user);
    }
}
