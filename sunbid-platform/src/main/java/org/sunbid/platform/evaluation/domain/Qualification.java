package org.sunbid.platform.evaluation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The qualification and compliance review (资格审查/符合性审查): every member judges every opened bid item by item,
 * pass or fail, a written reason for each fail, once; nobody sees another's judgement until all have reviewed. A bid
 * fails an item when a majority of the committee fails it (the committee decides by majority, Reg. 53's pattern); a bid
 * failing any item is not scored.
 */
public final class Qualification {

    /** One member's judgement of one item of one bid. */
    public record Vote(boolean pass, String reason) {
    }

    /** An item a bid failed, with how many members failed it and their reasons. */
    public record Failed(String item, int failVotes, List<String> reasons) {
    }

    /** A bid's result. */
    public record Result(String bidderId, boolean passed, List<Failed> failed) {
    }

    private final Set<String> members;
    private final List<String> bidders;
    private final List<Criteria.Item> items;
    private final Map<String, Map<String, Map<String, Vote>>> reviews = new LinkedHashMap<>();

    public Qualification(Set<String> members, List<String> bidders, List<Criteria.Item> items) {
        this.members = Set.copyOf(members);
        this.bidders = List.copyOf(bidders);
        this.items = List.copyOf(items);
    }

    /** A member's review: bidder → item → vote, for every bid and item. */
    public void submit(String member, Map<String, Map<String, Vote>> votes) {
        if (!members.contains(member)) {
            throw new IllegalArgumentException(member + " is not a member of this committee");
        }
        if (reviews.containsKey(member)) {
            throw new DomainException(EvaluationError.REVIEW_ALREADY_SUBMITTED, member);
        }
        int expected = bidders.size() * items.size();
        if (votes == null || !votes.keySet().equals(Set.copyOf(bidders))) {
            throw new DomainException(EvaluationError.REVIEW_INCOMPLETE, expected, count(votes));
        }
        for (String bidder : bidders) {
            Map<String, Vote> v = votes.get(bidder);
            if (v == null || v.size() != items.size() || items.stream().anyMatch(i -> v.get(i.code()) == null)) {
                throw new DomainException(EvaluationError.REVIEW_INCOMPLETE, expected, count(votes));
            }
            for (Criteria.Item i : items) {
                Vote vote = v.get(i.code());
                if (!vote.pass() && (vote.reason() == null || vote.reason().isBlank())) {
                    throw new DomainException(EvaluationError.FAIL_REASON_REQUIRED, i.code() + " " + i.text());
                }
            }
        }
        Map<String, Map<String, Vote>> copy = new LinkedHashMap<>();
        votes.forEach((b, v) -> copy.put(b, Map.copyOf(v)));
        reviews.put(member, copy);
    }

    private static int count(Map<String, Map<String, Vote>> votes) {
        return votes == null ? 0 : votes.values().stream().mapToInt(v -> v == null ? 0 : v.size()).sum();
    }

    public boolean submitted(String member) {
        return reviews.containsKey(member);
    }

    public boolean complete() {
        return reviews.keySet().containsAll(members);
    }

    /** What {@code member} may see: their own review; everyone's once all have reviewed. */
    public Map<String, Map<String, Map<String, Vote>>> visibleTo(String member) {
        if (complete()) {
            return Map.copyOf(reviews);
        }
        return reviews.containsKey(member) ? Map.of(member, reviews.get(member)) : Map.of();
    }

    /** Each bid's result, in the bids' order, once every member has reviewed. */
    public List<Result> results() {
        if (!complete()) {
            throw new IllegalStateException("the review is not complete");
        }
        List<Result> out = new ArrayList<>();
        for (String bidder : bidders) {
            List<Failed> failed = new ArrayList<>();
            for (Criteria.Item i : items) {
                List<String> reasons = new ArrayList<>();
                reviews.values().forEach(r -> {
                    Vote v = r.get(bidder).get(i.code());
                    if (!v.pass()) {
                        reasons.add(v.reason().strip());
                    }
                });
                if (reasons.size() * 2 > members.size()) {
                    failed.add(new Failed(i.code(), reasons.size(), reasons));
                }
            }
            out.add(new Result(bidder, failed.isEmpty(), failed));
        }
        return out;
    }
}
