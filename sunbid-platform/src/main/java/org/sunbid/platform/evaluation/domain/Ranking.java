package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregation and ranking: a bid's score is the mean of the members' totals (0.01, half up); bids are ranked by it,
 * ties broken by the tender's rule; at most three ranked candidates (Reg. 53). Under the lowest evaluated price method
 * the lowest evaluated price ranks first. Members whose score for a bid is far from the others' mean are flagged
 * (打极端分): they must give a written reason, and the case goes to the supervisor.
 */
public final class Ranking {

    /** Reg. 53: the committee recommends at most three ranked candidates. */
    public static final int MAX_CANDIDATES = 3;

    private Ranking() {
    }

    /** How a tie in the score is broken. */
    public enum TieRule {
        /** The lower price ranks first (then the higher technical score). */
        LOWER_PRICE,
        /** The higher technical score ranks first (then the lower price). */
        HIGHER_TECHNICAL
    }

    /** One bid's facts for ranking: its price, the mean technical score, each member's total. */
    public record Bid(String bidderId, BigDecimal price, BigDecimal technical, List<BigDecimal> memberTotals) {
        public Bid {
            Objects.requireNonNull(bidderId);
            Objects.requireNonNull(price);
            technical = technical == null ? BigDecimal.ZERO : technical;
            if (memberTotals == null || memberTotals.isEmpty()) {
                throw new IllegalArgumentException("a bid needs the members' scores");
            }
            memberTotals = List.copyOf(memberTotals);
        }

        /** The mean of the members' totals, 0.01 half up. */
        public BigDecimal score() {
            return mean(memberTotals);
        }
    }

    /**
     * A ranked bid.
     *
     * @param tied true when the tie rule could not separate it from its neighbour (the committee decides)
     */
    public record Ranked(int rank, String bidderId, BigDecimal score, boolean tied) {
    }

    /** Ranks by score (comprehensive scoring, 综合评估法). */
    public static List<Ranked> byScore(List<Bid> bids, TieRule rule) {
        Comparator<Bid> order = Comparator.comparing(Bid::score).reversed();
        order = rule == TieRule.LOWER_PRICE
                ? order.thenComparing(Bid::price).thenComparing(Comparator.comparing(Bid::technical).reversed())
                : order.thenComparing(Comparator.comparing(Bid::technical).reversed()).thenComparing(Bid::price);
        List<Bid> sorted = new ArrayList<>(bids);
        sorted.sort(order.thenComparing(Bid::bidderId));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Bid b = sorted.get(i);
            boolean tiedWithPrevious = i > 0 && order.compare(sorted.get(i - 1), b) == 0;
            boolean tiedWithNext = i + 1 < sorted.size() && order.compare(b, sorted.get(i + 1)) == 0;
            int rank = tiedWithPrevious ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked(rank, b.bidderId(), b.score(), tiedWithPrevious || tiedWithNext));
        }
        return out;
    }

    /** Ranks by evaluated price, lowest first (经评审的最低投标价法); equal prices are ties for the committee. */
    public static List<Ranked> byEvaluatedPrice(Map<String, BigDecimal> evaluatedPrices) {
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(evaluatedPrices.entrySet());
        sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal price = sorted.get(i).getValue();
            boolean prev = i > 0 && sorted.get(i - 1).getValue().compareTo(price) == 0;
            boolean next = i + 1 < sorted.size() && sorted.get(i + 1).getValue().compareTo(price) == 0;
            out.add(new Ranked(prev ? out.get(i - 1).rank() : i + 1, sorted.get(i).getKey(), price, prev || next));
        }
        return out;
    }

    /** The ranked candidates: the first three places at most (Reg. 53). */
    public static List<Ranked> candidates(List<Ranked> ranked) {
        return ranked.stream().filter(r -> r.rank() <= MAX_CANDIDATES).limit(MAX_CANDIDATES).toList();
    }

    /** A member's score that deviates from the other members' mean by more than the threshold. */
    public record ExtremeScore(String member, BigDecimal score, BigDecimal othersMean, BigDecimal deviation) {
    }

    /**
     * The members whose score for one bid is extreme: the member farthest from the mean of the other (not yet
     * flagged) members is flagged while that distance exceeds {@code threshold}, then the rest are looked at again
     * without them — so one outlier does not make everyone else look extreme. At least three scores are compared.
     */
    public static List<ExtremeScore> extremes(Map<String, BigDecimal> scoresByMember, BigDecimal threshold) {
        List<ExtremeScore> out = new ArrayList<>();
        Map<String, BigDecimal> remaining = new LinkedHashMap<>(scoresByMember);
        while (remaining.size() >= 3) {
            BigDecimal total = remaining.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            ExtremeScore farthest = null;
            for (Map.Entry<String, BigDecimal> e : remaining.entrySet()) {
                BigDecimal othersMean = total.subtract(e.getValue())
                        .divide(BigDecimal.valueOf(remaining.size() - 1L), 2, RoundingMode.HALF_UP);
                BigDecimal deviation = e.getValue().subtract(othersMean).abs();
                if (farthest == null || deviation.compareTo(farthest.deviation()) > 0) {
                    farthest = new ExtremeScore(e.getKey(), e.getValue(), othersMean, deviation);
                }
            }
            if (farthest.deviation().compareTo(threshold) <= 0) {
                break;
            }
            out.add(farthest);
            remaining.remove(farthest.member());
        }
        return out;
    }

    static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
