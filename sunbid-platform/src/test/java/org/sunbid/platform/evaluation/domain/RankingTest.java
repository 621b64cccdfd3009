package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Aggregation (mean of members' totals), ranking with tie rules, Reg. 53's three candidates, extreme scores. */
class RankingTest {

    private static Ranking.Bid bid(String id, String price, String technical, String... totals) {
        return new Ranking.Bid(id, new BigDecimal(price), new BigDecimal(technical),
                java.util.Arrays.stream(totals).map(BigDecimal::new).toList());
    }

    /** Means: A (90+86+88)/3 = 88.00; B (91+85+87)/3 = 87.67; C 87.67 too but dearer; D 80.00; E 70.33. */
    @Test
    void reg53_meanOfMembersRankedWithTieRuleAndAtMostThreeCandidates() {
        List<Ranking.Bid> bids = List.of(
                bid("C", "1020", "40", "88", "87", "88"),
                bid("A", "1000", "41", "90", "86", "88"),
                bid("B", "990", "39", "91", "85", "87"),
                bid("D", "950", "30", "80", "80", "80"),
                bid("E", "900", "25", "70", "71", "70"));
        List<Ranking.Ranked> ranked = Ranking.byScore(bids, Ranking.TieRule.LOWER_PRICE);
        assertThat(ranked).extracting(Ranking.Ranked::bidderId).containsExactly("A", "B", "C", "D", "E");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("88.00");
        assertThat(ranked.get(1).score()).isEqualByComparingTo("87.67");
        assertThat(ranked.get(2).score()).isEqualByComparingTo("87.67");
        assertThat(ranked).extracting(Ranking.Ranked::tied).containsOnly(false);
        assertThat(Ranking.candidates(ranked)).extracting(Ranking.Ranked::bidderId).containsExactly("A", "B", "C");
        // the other rule puts the better technical score (C: 40) before the cheaper bid (B: 39)
        assertThat(Ranking.byScore(bids, Ranking.TieRule.HIGHER_TECHNICAL)).extracting(Ranking.Ranked::bidderId)
                .containsExactly("A", "C", "B", "D", "E");
    }

    @Test
    void aTieTheRulesCannotBreakIsMarkedForTheCommittee() {
        List<Ranking.Ranked> ranked = Ranking.byScore(List.of(bid("X", "1000", "40", "85"), bid("Y", "1000", "40", "85"),
                bid("Z", "1100", "35", "80")), Ranking.TieRule.LOWER_PRICE);
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 1, 3);
        assertThat(ranked).extracting(Ranking.Ranked::tied).containsExactly(true, true, false);
        // fewer than three bids: every bid is a candidate; with four tied for first, still three at most
        assertThat(Ranking.candidates(Ranking.byScore(List.of(bid("P", "1", "1", "1")), Ranking.TieRule.LOWER_PRICE))).hasSize(1);
        assertThat(Ranking.candidates(Ranking.byScore(List.of(bid("P", "1", "1", "1"), bid("Q", "1", "1", "1"),
                bid("R", "1", "1", "1"), bid("S", "1", "1", "1")), Ranking.TieRule.LOWER_PRICE))).hasSize(3);
    }

    @Test
    void lowestEvaluatedPriceRanksFirst() {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        prices.put("A", new BigDecimal("1000.00"));
        prices.put("B", new BigDecimal("980.50"));
        prices.put("C", new BigDecimal("1000.00"));
        List<Ranking.Ranked> ranked = Ranking.byEvaluatedPrice(prices);
        assertThat(ranked).extracting(Ranking.Ranked::bidderId).containsExactly("B", "A", "C");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 2);
        assertThat(ranked).extracting(Ranking.Ranked::tied).containsExactly(false, true, true);
    }

    /** Scores 80, 82, 81, 79, 50 with a 10-point threshold: 50 vs the others' mean 80.50 → 30.50, flagged alone. */
    @Test
    void anExtremeScoreIsFlaggedWithItsDeviation() {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        scores.put("m1", new BigDecimal("80"));
        scores.put("m2", new BigDecimal("82"));
        scores.put("m3", new BigDecimal("81"));
        scores.put("m4", new BigDecimal("79"));
        scores.put("m5", new BigDecimal("50"));
        List<Ranking.ExtremeScore> flags = Ranking.extremes(scores, BigDecimal.TEN);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0).member()).isEqualTo("m5");
        assertThat(flags.get(0).othersMean()).isEqualByComparingTo("80.50");
        assertThat(flags.get(0).deviation()).isEqualByComparingTo("30.50");
        assertThat(Ranking.extremes(scores, new BigDecimal("31"))).isEmpty();
        assertThat(Ranking.extremes(Map.of("alone", BigDecimal.ONE), BigDecimal.ZERO)).isEmpty();
        // two outliers on either side are both caught, one after the other: 95 and 40 around 70, 71, 69
        Map<String, BigDecimal> two = new LinkedHashMap<>();
        two.put("a", new BigDecimal("70"));
        two.put("b", new BigDecimal("71"));
        two.put("c", new BigDecimal("69"));
        two.put("d", new BigDecimal("95"));
        two.put("e", new BigDecimal("40"));
        assertThat(Ranking.extremes(two, BigDecimal.TEN)).extracting(Ranking.ExtremeScore::member).containsExactlyInAnyOrder("d", "e");
    }
}
