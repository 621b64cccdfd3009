package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tender's evaluation as the caller may see it. A member sees the bids side by side, the plan, their own review and
 * scores; everyone's reviews, scores and the ranking appear only once every member has submitted (null or empty
 * until then). Staff and supervisors see progress the same way; the public sees the result from the publicity on.
 *
 * @param me            the caller's username when a member, else null
 * @param awaiting      what the caller still has to do (REVIEW, SCORE, REASON:bidderId, SIGN; the leader
 *                      PRICE_REVIEW:bidderId for an explained abnormal-price review), members only
 * @param priceReviews  the abnormal-price reviews (87号令 Art. 60): each bidder's triggers, deadline, status, the
 *                      supplier's explanation and evidence, the panel's reason; for the committee and inspectors
 * @param failure       why the evaluation failed (Law 42; 87号令 Art. 44), or null
 */
public record EvaluationView(UUID tenderId, String projectCode, String tenderName, String method, Stage stage,
        Map<String, Object> plan, BigDecimal k, String kSeed, List<Member> members, String leader, String leaderBy,
        String me, List<String> awaiting, List<Bid> bids, Map<String, Object> myReview, Map<String, Object> myScores,
        List<Map<String, Object>> qualification, List<Map<String, Object>> reviews, List<Map<String, Object>> priceScores,
        List<Map<String, Object>> scoreSheets, Map<String, Object> ranking, String reportSm3, Instant reportAt,
        String reportChallenge, Instant startedAt, List<Map<String, Object>> priceReviews, String failure) {

    /** A member, with what they have done. */
    public record Member(String username, String name, String specialty, boolean reviewed, boolean scored, boolean signed,
            int leaderVotes) {
    }

    /** An opened bid as the committee sees it (the files only for members). */
    public record Bid(UUID bidId, UUID bidderId, String bidder, boolean opened, BigDecimal price, Map<String, Object> priceSheet,
            List<String> files, String rejection) {
    }
}
