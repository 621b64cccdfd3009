package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The committee's independent scoring of the bids that passed the qualification review: each member submits once,
 * for every bid; nobody (the leader included) sees another member's scores until every member has submitted; then the
 * totals are aggregated and ranked, and extreme scores must carry a written reason.
 */
public final class Scoring {

    private final Criteria criteria;
    private final Set<String> members;
    private final Map<String, BigDecimal> priceScores;
    private final Map<String, Map<String, Map<String, BigDecimal>>> submitted = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> reasons = new LinkedHashMap<>();

    /**
     * @param members     the committee's members (experts and representatives) who score
     * @param priceScores each qualified bid's computed price score, by bidder
     */
    public Scoring(Criteria criteria, Set<String> members, Map<String, BigDecimal> priceScores) {
        this.criteria = criteria;
        this.members = Set.copyOf(members);
        this.priceScores = Map.copyOf(priceScores);
    }

    /**
     * A member submits scores for every qualified bid ({@code scores}: bidder → criterion → score) and the written
     * reasons for any score they know to be unusual (bidder → reason). Checked against the criteria; once only.
     */
    public void submit(String member, Map<String, Map<String, BigDecimal>> scores, Map<String, String> reasons) {
        if (!members.contains(member)) {
            throw new IllegalArgumentException(member + " is not a member of this committee");
        }
        if (submitted.containsKey(member)) {
            throw new DomainException(EvaluationError.SCORE_ALREADY_SUBMITTED, member);
        }
        if (scores == null || !scores.keySet().equals(priceScores.keySet())) {
            throw new DomainException(EvaluationError.SCORE_INCOMPLETE, priceScores.size(), scores == null ? 0 : scores.size());
        }
        scores.values().forEach(criteria::check);
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        scores.forEach((bidder, s) -> copy.put(bidder, Map.copyOf(s)));
        submitted.put(member, copy);
        this.reasons.put(member, reasons == null ? Map.of() : Map.copyOf(reasons));
    }

    /** Whether every member has submitted. */
    public boolean complete() {
        return submitted.keySet().containsAll(members);
    }

    /** What {@code member} may see: their own scores always; everyone's only once all have submitted. */
    public Map<String, Map<String, Map<String, BigDecimal>>> visibleTo(String member) {
        if (complete()) {
            return Map.copyOf(submitted);
        }
        return submitted.containsKey(member) ? Map.of(member, submitted.get(member)) : Map.of();
    }

    /** The extreme scores still lacking a written reason (to be given before the ranking is final). */
    public List<String> unexplainedExtremes() {
        List<String> missing = new ArrayList<>();
        for (String bidder : priceScores.keySet()) {
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            submitted.forEach((member, s) -> totals.put(member, criteria.total(s.get(bidder), priceScores.get(bidder))));
            for (Ranking.ExtremeScore e : Ranking.extremes(totals, criteria.extremeThreshold())) {
                String reason = reasons.getOrDefault(e.member(), Map.of()).get(bidder);
                if (reason == null || reason.isBlank()) {
                    missing.add(e.member() + "/" + bidder);
                }
            }
        }
        return missing;
    }

    /** A member adds the written reason for an extreme score; the score itself cannot change. */
    public void explain(String member, String bidder, String reason) {
        if (!submitted.containsKey(member) || reason == null || reason.isBlank()) {
            throw new DomainException(EvaluationError.EXTREME_SCORE_REASON_REQUIRED, member, bidder);
        }
        Map<String, String> mine = new LinkedHashMap<>(reasons.getOrDefault(member, Map.of()));
        mine.put(bidder, reason.strip());
        reasons.put(member, mine);
    }

    /** The ranking, once every member has submitted and every extreme score is explained. */
    public Optional<List<Ranking.Ranked>> ranking(Map<String, BigDecimal> prices, Map<String, BigDecimal> technicalMeans) {
        if (!complete()) {
            return Optional.empty();
        }
        List<String> missing = unexplainedExtremes();
        if (!missing.isEmpty()) {
            throw new DomainException(EvaluationError.EXTREME_SCORE_REASON_REQUIRED, String.join(", ", missing));
        }
        List<Ranking.Bid> bids = new ArrayList<>();
        for (String bidder : priceScores.keySet()) {
            List<BigDecimal> totals = new ArrayList<>();
            submitted.values().forEach(s -> totals.add(criteria.total(s.get(bidder), priceScores.get(bidder))));
            bids.add(new Ranking.Bid(bidder, prices.get(bidder), technicalMeans.get(bidder), totals));
        }
        return Optional.of(Ranking.byScore(bids, criteria.tieRule()));
    }

    /** Reg. 55: a state-funded project (依法必须进行招标且国有资金占控股或主导地位) awards the first-ranked candidate. */
    public static void checkAward(boolean stateFunded, List<Ranking.Ranked> candidates, String chosen) {
        if (candidates.stream().noneMatch(c -> c.bidderId().equals(chosen))) {
            throw new DomainException(EvaluationError.AWARD_NOT_FIRST_RANKED, chosen);
        }
        if (stateFunded && candidates.stream().filter(c -> c.rank() == 1).noneMatch(c -> c.bidderId().equals(chosen))) {
            throw new DomainException(EvaluationError.AWARD_NOT_FIRST_RANKED, chosen);
        }
    }
}
