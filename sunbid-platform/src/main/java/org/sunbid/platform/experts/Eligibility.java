package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may be drawn (回避规则), in plain Java: each candidate holding a requested specialty in the pool regions is
 * either eligible or avoided by the first {@link AvoidanceRule} that holds.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** A leave period. */
    record Leave(Instant start, Instant end) {
        boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /**
     * What the rules need to know of one expert.
     *
     * @param sittingsInMonth      confirmed evaluations in the calendar month of this evaluation
     * @param sittingsWithTenderee confirmed evaluations for this tenderee within the policy's window
     */
    record Candidate(UUID id, UUID employerId, ExpertStatus status, boolean reachable, Set<String> specialties,
            List<Leave> leave, int sittingsInMonth, int sittingsWithTenderee) {

        /** The same candidate with their confirmed sittings counted. */
        Candidate withSittings(int inMonth, int withTenderee) {
            return new Candidate(id, employerId, status, reachable, specialties, leave, inMonth, withTenderee);
        }
    }

    /** Who the tender's experts must not be connected with, and whom it names for avoidance. */
    record Conflicts(UUID tendereeId, UUID agencyId, Set<UUID> bidders, Set<UUID> manual, Set<UUID> creditBarred) {

        Conflicts(UUID tendereeId, UUID agencyId, Set<UUID> bidders, Set<UUID> manual) {
            this(tendereeId, agencyId, bidders, manual, Set.of());
        }
    }

    /** The first rule that keeps {@code c} out of a draw for an evaluation starting at {@code start}, if any. */
    static Optional<AvoidanceRule> avoided(Candidate c, Conflicts conflicts, DrawPolicy policy, Instant start) {
        if (c.status() != ExpertStatus.ACTIVE) {
            return Optional.of(AvoidanceRule.NOT_ACTIVE);
        }
        if (conflicts.creditBarred().contains(c.id())) {
            return Optional.of(AvoidanceRule.CREDIT_RESTRICTED);
        }
        if (!c.reachable()) {
            return Optional.of(AvoidanceRule.UNREACHABLE);
        }
        if (c.leave().stream().anyMatch(l -> l.covers(start))) {
            return Optional.of(AvoidanceRule.ON_LEAVE);
        }
        if (conflicts.manual().contains(c.id())) {
            return Optional.of(AvoidanceRule.MANUAL_LIST);
        }
        if (c.employerId().equals(conflicts.tendereeId())) {
            return Optional.of(AvoidanceRule.SAME_EMPLOYER_AS_TENDEREE);
        }
        if (c.employerId().equals(conflicts.agencyId())) {
            return Optional.of(AvoidanceRule.SAME_EMPLOYER_AS_AGENCY);
        }
        if (conflicts.bidders().contains(c.employerId())) {
            return Optional.of(AvoidanceRule.SAME_EMPLOYER_AS_BIDDER);
        }
        if (c.sittingsInMonth() >= policy.maxSittingsPerMonth()) {
            return Optional.of(AvoidanceRule.MONTHLY_LIMIT);
        }
        if (c.sittingsWithTenderee() >= policy.maxSittingsPerTenderee()) {
            return Optional.of(AvoidanceRule.TENDEREE_LIMIT);
        }
        return Optional.empty();
    }

    /** The outcome of applying the rules: eligible ids per requested specialty, and who was avoided why. */
    record Pools(Map<String, Set<String>> eligible, Map<UUID, AvoidanceRule> avoided) {
    }

    /** Applies the rules to every candidate for the requested specialties (request order kept). */
    static Pools pools(List<String> specialties, List<Candidate> candidates, Conflicts conflicts, DrawPolicy policy,
            Instant start) {
        Map<String, Set<String>> eligible = new LinkedHashMap<>();
        specialties.forEach(s -> eligible.put(s, new java.util.TreeSet<>()));
        Map<UUID, AvoidanceRule> avoided = new java.util.TreeMap<>();
        for (Candidate c : candidates) {
            if (specialties.stream().noneMatch(c.specialties()::contains)) {
                continue;
            }
            Optional<AvoidanceRule> rule = avoided(c, conflicts, policy, start);
            if (rule.isPresent()) {
                avoided.put(c.id(), rule.get());
                continue;
            }
            for (String s : specialties) {
                if (c.specialties().contains(s)) {
                    eligible.get(s).add(c.id().toString());
                }
            }
        }
        return new Pools(eligible, avoided);
    }

    /** A specialty (or group of specialties) that cannot be staffed: what it needs and how many could sit. */
    record Shortfall(List<String> specialties, int needed, int available) {
    }

    /**
     * Whether the counts can be met by distinct experts (Hall's condition over every group of requested
     * specialties, so an expert holding two specialties is not counted twice); the first shortfall, if any.
     */
    static Optional<Shortfall> shortfall(Map<String, Integer> counts, Map<String, Set<String>> eligible) {
        List<String> codes = new ArrayList<>(counts.keySet());
        int n = codes.size();
        Shortfall worst = null;
        for (int mask = 1; mask < (1 << n); mask++) {
            int needed = 0;
            Set<String> union = new HashSet<>();
            List<String> group = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    group.add(codes.get(i));
                    needed += counts.get(codes.get(i));
                    union.addAll(eligible.getOrDefault(codes.get(i), Set.of()));
                }
            }
            if (union.size() < needed && (worst == null || group.size() < worst.specialties().size())) {
                worst = new Shortfall(group, needed, union.size());
            }
        }
        return Optional.ofNullable(worst);
    }
}
