package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * A tender's evaluation criteria (评标办法) under comprehensive scoring: the qualification and compliance items
 * (pass/fail), the technical and commercial criteria each with its points, and the price part computed by its formula.
 * Points add up to 100.
 */
public record Criteria(List<Item> qualification, List<Criterion> technical, List<Criterion> commercial,
        PriceFormula price, BigDecimal extremeThreshold, Ranking.TieRule tieRule) {

    /** A pass/fail item of the qualification and compliance review. */
    public record Item(String code, String text) {
    }

    /** A scored criterion: 0 … {@code points}, at most two decimals. */
    public record Criterion(String code, String text, BigDecimal points) {
    }

    public Criteria {
        qualification = List.copyOf(qualification);
        technical = List.copyOf(technical);
        commercial = List.copyOf(commercial);
        Set<String> codes = new HashSet<>();
        for (Item i : qualification) {
            require(i.code() != null && codes.add(i.code()), "code " + i.code());
        }
        BigDecimal total = price == null ? BigDecimal.ZERO : price.maxPoints();
        for (Criterion c : scored(technical, commercial)) {
            require(c.code() != null && codes.add(c.code()), "code " + c.code());
            require(c.points() != null && c.points().signum() > 0 && c.points().scale() <= 2, "points " + c.code());
            total = total.add(c.points());
        }
        require(price != null, "price");
        require(total.compareTo(BigDecimal.valueOf(100)) == 0, "total " + total.stripTrailingZeros().toPlainString());
        require(extremeThreshold != null && extremeThreshold.signum() > 0, "extremeThreshold");
        require(tieRule != null, "tieRule");
    }

    private static List<Criterion> scored(List<Criterion> technical, List<Criterion> commercial) {
        return java.util.stream.Stream.concat(technical.stream(), commercial.stream()).toList();
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new DomainException(EvaluationError.CRITERIA_INVALID, what);
        }
    }

    /**
     * Checks one member's scores for one bid: every criterion scored, nothing else, each within its range. Returns
     * the member's total of the scored parts (the price part is the system's, added by {@link #total}).
     */
    public BigDecimal check(Map<String, BigDecimal> scores) {
        List<Criterion> all = scored(technical, commercial);
        if (scores == null || scores.size() != all.size()) {
            throw new DomainException(EvaluationError.SCORE_INCOMPLETE, all.size(), scores == null ? 0 : scores.size());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion c : all) {
            BigDecimal s = scores.get(c.code());
            if (s == null) {
                throw new DomainException(EvaluationError.SCORE_INCOMPLETE, all.size(), scores.size());
            }
            if (s.signum() < 0 || s.compareTo(c.points()) > 0 || s.stripTrailingZeros().scale() > 2) {
                throw new DomainException(EvaluationError.SCORE_OUT_OF_RANGE, c.code() + " " + c.text(),
                        c.points().stripTrailingZeros().toPlainString(), s.toPlainString());
            }
            sum = sum.add(s);
        }
        return sum;
    }

    /** A member's total for a bid: their scored parts plus the bid's computed price score. */
    public BigDecimal total(Map<String, BigDecimal> scores, BigDecimal priceScore) {
        return check(scores).add(priceScore);
    }
}
