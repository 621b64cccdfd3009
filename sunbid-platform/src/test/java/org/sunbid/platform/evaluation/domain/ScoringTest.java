package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/** Criteria, independent scoring, extreme scores and Reg. 55's award rule. */
class ScoringTest {

    private static final Criteria CRITERIA = new Criteria(
            List.of(new Criteria.Item("Q1", "营业执照及资质证书有效")),
            List.of(new Criteria.Criterion("T1", "施工组织设计", new BigDecimal("30")),
                    new Criteria.Criterion("T2", "项目管理机构", new BigDecimal("10"))),
            List.of(new Criteria.Criterion("C1", "业绩与信誉", new BigDecimal("30"))),
            new PriceFormula.LowestPriceFirst(new BigDecimal("0.30")), BigDecimal.TEN, Ranking.TieRule.LOWER_PRICE);

    private static Map<String, BigDecimal> card(String t1, String t2, String c1) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("T1", new BigDecimal(t1));
        m.put("T2", new BigDecimal(t2));
        m.put("C1", new BigDecimal(c1));
        return m;
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (DomainException e) {
            return e.errorCode().code();
        }
    }

    @Test
    void criteriaAddUpToAHundred() {
        assertThat(CRITERIA.price().maxPoints()).isEqualByComparingTo("30");
        assertThat(code(() -> new Criteria(List.of(), List.of(new Criteria.Criterion("T1", "x", new BigDecimal("39"))),
                List.of(new Criteria.Criterion("C1", "y", new BigDecimal("30"))), new PriceFormula.LowestPriceFirst(new BigDecimal("0.30")),
                BigDecimal.TEN, Ranking.TieRule.LOWER_PRICE))).isEqualTo("CRITERIA_INVALID");
        assertThat(code(() -> new Criteria(List.of(), List.of(new Criteria.Criterion("T1", "x", new BigDecimal("40"))),
                List.of(new Criteria.Criterion("T1", "y", new BigDecimal("30"))), new PriceFormula.LowestPriceFirst(new BigDecimal("0.30")),
                BigDecimal.TEN, Ranking.TieRule.LOWER_PRICE))).as("codes unique").isEqualTo("CRITERIA_INVALID");
    }

    @Test
    void aScoreOutsideItsCriterionsRangeIsRefusedNamingTheRange() {
        assertThat(CRITERIA.check(card("28", "9.5", "27"))).isEqualByComparingTo("64.5");
        DomainException e = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
                () -> CRITERIA.check(card("31", "9", "27")));
        assertThat(e.errorCode()).isEqualTo(EvaluationError.SCORE_OUT_OF_RANGE);
        assertThat(e.getMessage()).contains("T1").contains("30").contains("31");
        assertThat(code(() -> CRITERIA.check(card("-1", "9", "27")))).isEqualTo("SCORE_OUT_OF_RANGE");
        assertThat(code(() -> CRITERIA.check(card("28.125", "9", "27")))).isEqualTo("SCORE_OUT_OF_RANGE");
        assertThat(code(() -> CRITERIA.check(Map.of("T1", BigDecimal.ONE)))).isEqualTo("SCORE_INCOMPLETE");
    }

    /**
     * Three members, two bids. Price scores: A 30.00 (lowest), B 25.00. Totals: A 28+9+27+30 = 94, 27+9+26+30 = 92,
     * 29+10+27+30 = 96 → 94.00; B 25+8+24+25 = 82, 26+8+25+25 = 84, 5+2+5+25 = 37 → 67.67; the third member's 37
     * is 46 below the others' mean (83) → needs a reason before the ranking stands.
     */
    @Test
    void membersScoreIndependentlyOnceAndExtremeScoresNeedAReason() {
        Scoring scoring = new Scoring(CRITERIA, Set.of("m1", "m2", "m3"),
                Map.of("A", new BigDecimal("30.00"), "B", new BigDecimal("25.00")));
        scoring.submit("m1", Map.of("A", card("28", "9", "27"), "B", card("25", "8", "24")), Map.of());
        assertThat(code(() -> scoring.submit("m1", Map.of("A", card("1", "1", "1"), "B", card("1", "1", "1")), Map.of())))
                .isEqualTo("SCORE_ALREADY_SUBMITTED");
        assertThat(code(() -> scoring.submit("m2", Map.of("A", card("27", "9", "26")), Map.of()))).isEqualTo("SCORE_INCOMPLETE");
        scoring.submit("m2", Map.of("A", card("27", "9", "26"), "B", card("26", "8", "25")), Map.of());
        // before everyone has submitted, a member sees only their own scores; a member yet to submit sees nothing
        assertThat(scoring.visibleTo("m1")).containsOnlyKeys("m1");
        assertThat(scoring.visibleTo("m3")).isEmpty();
        Map<String, BigDecimal> prices = Map.of("A", new BigDecimal("1000"), "B", new BigDecimal("1200"));
        Map<String, BigDecimal> technical = Map.of("A", new BigDecimal("37"), "B", new BigDecimal("30"));
        assertThat(scoring.ranking(prices, technical)).isEmpty();

        scoring.submit("m3", Map.of("A", card("29", "10", "27"), "B", card("5", "2", "5")), Map.of());
        assertThat(scoring.visibleTo("m1")).containsOnlyKeys("m1", "m2", "m3");
        assertThat(scoring.unexplainedExtremes()).containsExactly("m3/B");
        assertThat(code(() -> scoring.ranking(prices, technical))).isEqualTo("EXTREME_SCORE_REASON_REQUIRED");
        scoring.explain("m3", "B", "施工组织设计未响应招标文件的工期要求，存在重大缺陷。");
        List<Ranking.Ranked> ranked = scoring.ranking(prices, technical).orElseThrow();
        assertThat(ranked).extracting(Ranking.Ranked::bidderId).containsExactly("A", "B");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("94.00");
        assertThat(ranked.get(1).score()).isEqualByComparingTo("67.67");
    }

    @Test
    void reg55_aStateFundedProjectAwardsTheFirstRanked() {
        List<Ranking.Ranked> candidates = List.of(new Ranking.Ranked(1, "A", new BigDecimal("94"), false),
                new Ranking.Ranked(2, "B", new BigDecimal("90"), false), new Ranking.Ranked(3, "C", new BigDecimal("88"), false));
        assertThatCode(() -> Scoring.checkAward(true, candidates, "A")).doesNotThrowAnyException();
        assertThat(code(() -> Scoring.checkAward(true, candidates, "B"))).isEqualTo("AWARD_NOT_FIRST_RANKED");
        assertThatCode(() -> Scoring.checkAward(false, candidates, "B")).doesNotThrowAnyException();
        assertThat(code(() -> Scoring.checkAward(false, candidates, "Z"))).as("never outside the candidates")
                .isEqualTo("AWARD_NOT_FIRST_RANKED");
        assertThatThrownBy(() -> Scoring.checkAward(true, candidates, "C")).isInstanceOf(DomainException.class);
    }
}
