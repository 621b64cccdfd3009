package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.evaluation.EvaluationStore.Loaded;
import org.sunbid.platform.evaluation.domain.PolicyDeductions;
import org.sunbid.platform.evaluation.domain.PolicyRates;
import org.sunbid.platform.evaluation.domain.PriceFormula;
import org.sunbid.platform.evaluation.domain.ProcurementPricing;
import org.sunbid.platform.evaluation.domain.Ranking;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * After the qualification review (and, in government procurement, once every abnormal-price review is decided): the
 * valid bids go on. Too few fail the evaluation — none (Law 42), or fewer than the procedure's quorum (87号令 Art. 44,
 * {@code TenderQuorum.afterReview}); under the lowest evaluated price method they are ranked at once; under
 * comprehensive scoring each gets its price score computed from the plan. In government procurement the policy
 * deductions come first (87号令 Art. 55; the bidder's declaration read from its opened price sheet — see
 * {@link #declaration}), then {@code ProcurementPricing} scores or ranks by the evaluated price.
 */
@Component
class PriceScores {

    /** Price-sheet field: the supplier's SME status (a {@code PolicyDeductions.Status} name; absent: NONE). */
    static final String SME_DECLARATION = "smeDeclaration";
    /** Price-sheet field: for a consortium or subcontract, the small/micro enterprises' share of the contract (0–1). */
    static final String SMALL_MICRO_SHARE = "smallMicroShare";
    /** Price-sheet field: the part of the bid price that is domestic products (本国产品), in yuan. */
    static final String DOMESTIC_GOODS_PRICE = "domesticGoodsPrice";

    private final JdbcClient jdbc;
    private final EvaluationStore store;
    private final ScoreSheets scoring;
    private final ProcurementRules procurement;
    private final AuditLog log;
    private final Clock clock;

    PriceScores(JdbcClient jdbc, EvaluationStore store, ScoreSheets scoring, ProcurementRules procurement, AuditLog log,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.scoring = scoring;
        this.procurement = procurement;
        this.log = log;
        this.clock = clock;
    }

    /** The valid bids go on from the evaluation's stage (QUALIFICATION); the qualification results are stored already. */
    void proceed(Loaded ev, List<OpenedBid> valid) {
        Optional<ProcurementRules.Gp> gp = procurement.at(ev.tenderId(), clock.instant());
        if (valid.isEmpty()) {
            fail(ev, "《招标投标法》第四十二条：所有投标被否决的，招标人应当依法重新招标", Map.of());
            return;
        }
        if (gp.isPresent() && gp.get().quorum().afterReview(valid.size(), true) == Stage.FAILED) {
            fail(ev, gp.get().quorumArticle() + (gp.get().rounds() ? "：提交最后报价的供应商不足" : "：合格投标人不足")
                    + gp.get().quorum().minimumQualified() + (gp.get().rounds() ? "家的，终止采购" : "家的，不得评标"),
                    Map.of("qualified", (long) valid.size(), "minimum", (long) gp.get().quorum().minimumQualified()));
            return;
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        valid.forEach(b -> prices.put(b.bidderId().toString(), b.price()));
        PolicyRates.InDocuments rates = gp.isPresent() ? rates(ev) : null;
        Map<String, PolicyDeductions.Declaration> declarations = new LinkedHashMap<>();
        if (rates != null) {
            valid.forEach(b -> declarations.put(b.bidderId().toString(), declaration(b)));
        }
        if (ev.plan().lowestEvaluatedPrice()) {
            List<Ranking.Ranked> ranked = rates == null ? Ranking.byEvaluatedPrice(prices)
                    : ProcurementPricing.byLowestEvaluatedPrice(prices, declarations, rates);
            if (rates != null) {
                log.record(AuditRecord.of("evaluation.evaluated-prices", ev.tenderId().toString(), ev.region(), Actor.SYSTEM,
                        evaluatedPrices(ev, valid, declarations, rates)));
            }
            scoring.fixRanking(store.lock(ev.tenderId()), ranked, List.of());
            return;
        }
        PriceFormula formula = ev.plan().formula(ev.k());
        Map<String, BigDecimal> scores;
        if (rates != null) {
            scores = ProcurementPricing.priceScores(prices, declarations, rates, (PriceFormula.LowestPriceFirst) formula);
        } else {
            List<BigDecimal> list = formula.scores(List.copyOf(prices.values()));
            scores = new LinkedHashMap<>();
            int i = 0;
            for (String bidder : prices.keySet()) {
                scores.put(bidder, list.get(i++));
            }
        }
        List<Map<String, Object>> priceScores = new ArrayList<>();
        for (OpenedBid b : valid) {
            String id = b.bidderId().toString();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bidderId", id);
            m.put("bidder", b.bidder());
            m.put("price", b.price().toPlainString());
            m.put("score", scores.get(id).toPlainString());
            if (rates != null) {
                PolicyDeductions.Declaration d = declarations.get(id);
                m.put("evaluatedPrice", PolicyDeductions.evaluatedPrice(b.price(), d, rates).toPlainString());
                m.put("smeDeclaration", d.status().name());
                m.put("smeRate", PolicyDeductions.smeRate(d, rates).stripTrailingZeros().toPlainString());
                m.put("domesticGoodsPrice", d.domesticGoodsPrice().toPlainString());
            }
            priceScores.add(m);
        }
        Map<String, Object> priced = new LinkedHashMap<>();
        priced.put("tenderId", ev.tenderId().toString());
        priced.put("formula", ev.planJson().get("price"));
        if (formula instanceof PriceFormula.BenchmarkPrice b) {
            priced.put("k", ev.k().toPlainString());
            priced.put("benchmark", b.benchmark(List.copyOf(prices.values())).toPlainString());
        }
        if (rates != null) {
            priced.put("policy", ev.planJson().get("policy"));
            priced.put("rule", "财政部令第87号第五十五条：价格分 = 评标基准价（满足要求且价格扣除后的最低评标价）÷ 评标价 × 价格权值 × 100");
        }
        priced.put("scores", priceScores);
        jdbc.sql("UPDATE evaluation SET price_scores = :p WHERE tender_id = :t").param("p", CanonicalJson.write(priced))
                .param("t", ev.tenderId()).update();
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.SCORING);
        log.record(AuditRecord.of("evaluation.price-scores", ev.tenderId().toString(), ev.region(), Actor.SYSTEM, priced));
    }

    private Map<String, Object> evaluatedPrices(Loaded ev, List<OpenedBid> valid, Map<String, PolicyDeductions.Declaration> declarations,
            PolicyRates.InDocuments rates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OpenedBid b : valid) {
            PolicyDeductions.Declaration d = declarations.get(b.bidderId().toString());
            rows.add(Map.of("bidderId", b.bidderId().toString(), "price", b.price().toPlainString(),
                    "evaluatedPrice", PolicyDeductions.evaluatedPrice(b.price(), d, rates).toPlainString(),
                    "smeDeclaration", d.status().name()));
        }
        return Map.of("tenderId", ev.tenderId().toString(), "policy", ev.planJson().get("policy"), "bids", rows,
                "rule", "财政部令第87号第五十四条：最低评标价法，价格扣除后评标价最低的排名第一");
    }

    /** The evaluation fails: the reason stored with it and logged. */
    void fail(Loaded ev, String rule, Map<String, Object> details) {
        jdbc.sql("UPDATE evaluation SET failure = :f WHERE tender_id = :t").param("f", rule).param("t", ev.tenderId()).update();
        StageStore.advance(jdbc, ev.tenderId(), ev.stage(), Stage.FAILED);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", ev.tenderId().toString());
        payload.put("rule", rule);
        payload.putAll(details);
        log.record(AuditRecord.of("evaluation.failed", ev.tenderId().toString(), ev.region(), Actor.SYSTEM, payload));
    }

    /** The rates the plan settled at its date (its {@code policy}: see {@code EvaluationPlans}). */
    private static PolicyRates.InDocuments rates(Loaded ev) {
        Map<?, ?> policy = ev.planJson().get("policy") instanceof Map<?, ?> m ? m : Map.of();
        Object domestic = policy.get("domesticPreference");
        return new PolicyRates.InDocuments(decimal(policy.get("smeRate"), BigDecimal.ZERO),
                decimal(policy.get("consortiumRate"), BigDecimal.ZERO), decimal(policy.get("shareThreshold"), new BigDecimal("0.3")),
                domestic == null ? null : decimal(domestic, null));
    }

    private static BigDecimal decimal(Object v, BigDecimal fallback) {
        return v == null ? fallback : new BigDecimal(String.valueOf(v));
    }

    /**
     * A bidder's policy declaration from its opened price sheet: {@value #SME_DECLARATION} ({@code SMALL_OR_MICRO} —
     * also written {@code SMALL}, {@code MICRO}, 小型企业, 微型企业 or 小微企业 —
     * {@code PRISON_ENTERPRISE}, {@code DISABLED_WELFARE_UNIT}, {@code CONSORTIUM_OR_SUBCONTRACT} with
     * {@value #SMALL_MICRO_SHARE}, or {@code NONE}) and {@value #DOMESTIC_GOODS_PRICE}. What the bidder declared is what
     * counts (中小企业声明函); a value that cannot be read — an unknown status, a share outside 0–1, a domestic price
     * that is not an amount or exceeds the bid — counts as no declaration of that part.
     */
    static PolicyDeductions.Declaration declaration(OpenedBid bid) {
        Map<String, Object> sheet = bid.priceSheet();
        PolicyDeductions.Status status = PolicyDeductions.Status.NONE;
        try {
            Object s = sheet.get(SME_DECLARATION);
            if (s != null) {
                String declared = String.valueOf(s).strip().toUpperCase(java.util.Locale.ROOT);
                status = switch (declared) {
                    case "SMALL", "MICRO", "小型企业", "微型企业", "小微企业" -> PolicyDeductions.Status.SMALL_OR_MICRO;
                    default -> PolicyDeductions.Status.valueOf(declared);
                };
            }
        } catch (IllegalArgumentException e) {
            status = PolicyDeductions.Status.NONE;
        }
        BigDecimal share = amount(sheet.get(SMALL_MICRO_SHARE));
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            share = BigDecimal.ZERO;
        }
        BigDecimal domestic = amount(sheet.get(DOMESTIC_GOODS_PRICE));
        if (domestic == null || domestic.signum() < 0 || bid.price() == null || domestic.compareTo(bid.price()) > 0) {
            domestic = BigDecimal.ZERO;
        }
        return new PolicyDeductions.Declaration(status, share, domestic);
    }

    private static BigDecimal amount(Object v) {
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(String.valueOf(v).strip());
            return org.sunbid.platform.kernel.Decimals.fits(d.abs(), 16, 6) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
