package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * A tender's evaluation plan (评标办法) as data, read from its JSON form: the qualification items, and under
 * comprehensive scoring the scored criteria and the price formula — lowest price first, or a benchmark price whose K
 * is drawn at the opening within the published range. Under the lowest evaluated price method only the items count.
 */
public record EvaluationPlan(boolean stateFunded, boolean lowestEvaluatedPrice, List<Criteria.Item> qualification,
        Criteria criteria, KRange kRange) {

    public EvaluationPlan {
        qualification = List.copyOf(qualification);
        if (qualification.isEmpty()) {
            throw invalid("qualification");
        }
    }

    /** Reads a plan; every fault is refused naming the field. */
    public static EvaluationPlan parse(Map<String, Object> in, boolean lowestEvaluatedPrice) {
        if (in == null) {
            throw invalid("plan");
        }
        boolean stateFunded = Boolean.TRUE.equals(in.get("stateFunded"));
        List<Criteria.Item> items = new ArrayList<>();
        for (Map<String, Object> m : list(in, "qualification")) {
            items.add(new Criteria.Item(text(m, "code", 20), text(m, "text", 500)));
        }
        if (lowestEvaluatedPrice) {
            java.util.Set<String> codes = new java.util.HashSet<>();
            items.forEach(i -> {
                if (!codes.add(i.code())) {
                    throw invalid("code " + i.code());
                }
            });
            return new EvaluationPlan(stateFunded, true, items, null, null);
        }
        List<Criteria.Criterion> technical = criteria(in, "technical");
        List<Criteria.Criterion> commercial = criteria(in, "commercial");
        Priced priced = priced(in.get("price"));
        Ranking.TieRule tieRule;
        try {
            tieRule = Ranking.TieRule.valueOf(String.valueOf(in.getOrDefault("tieRule", "LOWER_PRICE")));
        } catch (IllegalArgumentException e) {
            throw invalid("tieRule");
        }
        Criteria criteria = new Criteria(items, technical, commercial, priced.formula(), number(in, "extremeThreshold"), tieRule);
        return new EvaluationPlan(stateFunded, false, items, criteria, priced.kRange());
    }

    /**
     * Refuses the plan for a government procurement whose price part breaks 财政部令第87号 Art. 55 (the price scored
     * lowest price first with a weight not below the floor in force for {@code subject}); under the lowest evaluated
     * price method (Art. 54) there is no weight to check.
     */
    public void checkProcurement(PriceWeightFloors floors, ProcurementSubject subject) {
        if (!lowestEvaluatedPrice) {
            floors.check(subject, false, criteria.price());
        }
    }

    /** The price formula with K as drawn at the opening (benchmark price), or as planned. */
    public PriceFormula formula(BigDecimal k) {
        if (criteria.price() instanceof PriceFormula.BenchmarkPrice b) {
            return new PriceFormula.BenchmarkPrice(b.dropExtremesFrom(), k, b.maxPoints(), b.pointsPerPercentAbove(),
                    b.pointsPerPercentBelow());
        }
        return criteria.price();
    }

    /** The criteria with the price formula for K (the ones the committee scores by). */
    public Criteria criteriaFor(BigDecimal k) {
        return new Criteria(criteria.qualification(), criteria.technical(), criteria.commercial(), formula(k),
                criteria.extremeThreshold(), criteria.tieRule());
    }

    /**
     * The preview of a price formula (as a plan gives it) over sample prices: the scores at K's lowest and highest
     * value (one column for lowest price first), so the tenderee sees what the formula does before publishing.
     */
    public static Map<String, Object> preview(Object price, List<BigDecimal> prices) {
        Priced p = priced(price);
        if (prices == null || prices.isEmpty() || prices.size() > 500 || prices.stream().anyMatch(x -> x == null || x.signum() <= 0
                || !org.sunbid.platform.kernel.Decimals.fits(x, org.sunbid.platform.kernel.Money.INTEGER_DIGITS, 2))) {
            throw invalid("prices");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxPoints", p.formula().maxPoints());
        if (p.kRange() == null) {
            out.put("scores", p.formula().scores(prices));
        } else {
            List<Map<String, Object>> byK = new ArrayList<>();
            for (BigDecimal k : List.of(p.kRange().min(), p.kRange().max())) {
                PriceFormula.BenchmarkPrice b = (PriceFormula.BenchmarkPrice) p.formula();
                PriceFormula.BenchmarkPrice f = new PriceFormula.BenchmarkPrice(b.dropExtremesFrom(), k, b.maxPoints(),
                        b.pointsPerPercentAbove(), b.pointsPerPercentBelow());
                byK.add(Map.of("k", k, "benchmark", f.benchmark(prices), "scores", f.scores(prices)));
            }
            out.put("byK", byK);
        }
        return out;
    }

    private record Priced(PriceFormula formula, KRange kRange) {
    }

    private static Priced priced(Object priceIn) {
        if (!(priceIn instanceof Map<?, ?> raw)) {
            throw invalid("price");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> price = (Map<String, Object>) raw;
        try {
            switch (String.valueOf(price.get("formula"))) {
                case "LOWEST_PRICE_FIRST":
                    return new Priced(new PriceFormula.LowestPriceFirst(number(price, "weight")), null);
                case "BENCHMARK_PRICE":
                    KRange kRange = new KRange(number(price, "kMin"), number(price, "kMax"), number(price, "kStep"));
                    Object drop = price.getOrDefault("dropExtremesFrom", 0);
                    if (!(drop instanceof Integer n)) {
                        throw invalid("price.dropExtremesFrom");
                    }
                    return new Priced(new PriceFormula.BenchmarkPrice(n, kRange.min(), number(price, "maxPoints"),
                            number(price, "pointsPerPercentAbove"), number(price, "pointsPerPercentBelow")), kRange);
                default:
                    throw invalid("price.formula");
            }
        } catch (IllegalArgumentException e) {
            throw invalid("price: " + e.getMessage());
        }
    }

    private static List<Criteria.Criterion> criteria(Map<String, Object> in, String field) {
        List<Criteria.Criterion> out = new ArrayList<>();
        for (Map<String, Object> m : list(in, field)) {
            out.add(new Criteria.Criterion(text(m, "code", 20), text(m, "text", 500), number(m, "points")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> in, String field) {
        Object v = in.get(field);
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof Map))) {
            throw invalid(field);
        }
        return (List<Map<String, Object>>) l;
    }

    private static String text(Map<String, Object> m, String field, int max) {
        Object v = m.get(field);
        if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
            throw invalid(field);
        }
        return s.strip();
    }

    private static BigDecimal number(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v instanceof Number || v instanceof String) {
            try {
                BigDecimal d = new BigDecimal(String.valueOf(v));
                if (org.sunbid.platform.kernel.Decimals.fits(d.abs(), 12, 8)) { // before any arithmetic on it
                    return d;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw invalid(field);
    }

    private static DomainException invalid(String what) {
        return new DomainException(EvaluationError.CRITERIA_INVALID, what);
    }
}
