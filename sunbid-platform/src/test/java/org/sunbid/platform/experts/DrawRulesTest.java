package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.kernel.DomainException;

/** The committee rule (Law 37), the avoidance rules (回避), feasibility and the uniformity of the whole draw. */
class DrawRulesTest {

    private static final Instant START = Instant.parse("2026-12-15T01:00:00Z");
    private static final UUID TENDEREE = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID BIDDER = UUID.randomUUID();
    private static final UUID UNIVERSITY = UUID.randomUUID();

    @Test
    void law37_committeeOfFiveOrMoreOddMembersWithExpertsAtLeastTwoThirds() {
        assertThatCode(() -> Committee.check(5, 0)).doesNotThrowAnyException();
        assertThatCode(() -> Committee.check(4, 1)).doesNotThrowAnyException();
        assertThatCode(() -> Committee.check(7, 2)).doesNotThrowAnyException();
        assertThatCode(() -> Committee.check(6, 3)).doesNotThrowAnyException(); // exactly two thirds
        assertThatThrownBy(() -> Committee.check(3, 0)).isInstanceOf(DomainException.class); // fewer than five
        assertThatThrownBy(() -> Committee.check(4, 0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Committee.check(6, 0)).isInstanceOf(DomainException.class); // even
        assertThatThrownBy(() -> Committee.check(3, 2)).isInstanceOf(DomainException.class); // experts 3/5 < 2/3
        assertThatThrownBy(() -> Committee.check(5, 4)).isInstanceOf(DomainException.class); // 5/9 < 2/3
    }

    @Test
    void everyAvoidanceRuleKeepsItsExpertOut() {
        DrawPolicy policy = DrawPolicy.DEFAULT;
        Eligibility.Conflicts conflicts = new Eligibility.Conflicts(TENDEREE, AGENCY, Set.of(BIDDER), Set.of());
        assertThat(avoided(candidate(UNIVERSITY, ExpertStatus.ACTIVE), conflicts, policy)).isNull();
        assertThat(avoided(candidate(UNIVERSITY, ExpertStatus.SUSPENDED), conflicts, policy)).isEqualTo(AvoidanceRule.NOT_ACTIVE);
        assertThat(avoided(candidate(UNIVERSITY, ExpertStatus.RETIRED), conflicts, policy)).isEqualTo(AvoidanceRule.NOT_ACTIVE);
        assertThat(avoided(candidate(TENDEREE, ExpertStatus.ACTIVE), conflicts, policy)).isEqualTo(AvoidanceRule.SAME_EMPLOYER_AS_TENDEREE);
        assertThat(avoided(candidate(AGENCY, ExpertStatus.ACTIVE), conflicts, policy)).isEqualTo(AvoidanceRule.SAME_EMPLOYER_AS_AGENCY);
        assertThat(avoided(candidate(BIDDER, ExpertStatus.ACTIVE), conflicts, policy)).isEqualTo(AvoidanceRule.SAME_EMPLOYER_AS_BIDDER);
        Eligibility.Candidate named = candidate(UNIVERSITY, ExpertStatus.ACTIVE);
        assertThat(avoided(named, new Eligibility.Conflicts(TENDEREE, AGENCY, Set.of(), Set.of(named.id())), policy))
                .isEqualTo(AvoidanceRule.MANUAL_LIST);
        Eligibility.Candidate unreachable = new Eligibility.Candidate(UUID.randomUUID(), UNIVERSITY, ExpertStatus.ACTIVE,
                false, Set.of("A01"), List.of(), 0, 0);
        assertThat(avoided(unreachable, conflicts, policy)).isEqualTo(AvoidanceRule.UNREACHABLE);
        Eligibility.Candidate onLeave = new Eligibility.Candidate(UUID.randomUUID(), UNIVERSITY, ExpertStatus.ACTIVE, true,
                Set.of("A01"), List.of(new Eligibility.Leave(START.minus(Duration.ofDays(1)), START.plus(Duration.ofHours(1)))), 0, 0);
        assertThat(avoided(onLeave, conflicts, policy)).isEqualTo(AvoidanceRule.ON_LEAVE);
        Eligibility.Candidate leaveEnded = new Eligibility.Candidate(UUID.randomUUID(), UNIVERSITY, ExpertStatus.ACTIVE, true,
                Set.of("A01"), List.of(new Eligibility.Leave(START.minus(Duration.ofDays(3)), START)), 0, 0);
        assertThat(avoided(leaveEnded, conflicts, policy)).isNull();
        Eligibility.Candidate busy = new Eligibility.Candidate(UUID.randomUUID(), UNIVERSITY, ExpertStatus.ACTIVE, true,
                Set.of("A01"), List.of(), policy.maxSittingsPerMonth(), 0);
        assertThat(avoided(busy, conflicts, policy)).isEqualTo(AvoidanceRule.MONTHLY_LIMIT);
        Eligibility.Candidate regular = new Eligibility.Candidate(UUID.randomUUID(), UNIVERSITY, ExpertStatus.ACTIVE, true,
                Set.of("A01"), List.of(), policy.maxSittingsPerMonth() - 1, policy.maxSittingsPerTenderee());
        assertThat(avoided(regular, conflicts, policy)).isEqualTo(AvoidanceRule.TENDEREE_LIMIT);
    }

    /**
     * Issue 20 (招标投标法实施条例 Art. 71–72, 政府采购法实施条例 Art. 75): an expert barred by their own credit record at the
     * draw time is avoided like a blacklisted one, counted under CREDIT_RESTRICTED, and never in the eligible pool.
     */
    @Test
    void reg71_anExpertBarredByTheirOwnCreditRecordIsAvoidedLikeABlacklistedOne() {
        DrawPolicy policy = DrawPolicy.DEFAULT;
        Eligibility.Candidate barred = candidate(UNIVERSITY, ExpertStatus.ACTIVE);
        Eligibility.Candidate clean = candidate(UNIVERSITY, ExpertStatus.ACTIVE);
        Eligibility.Conflicts conflicts = new Eligibility.Conflicts(TENDEREE, AGENCY, Set.of(), Set.of(), Set.of(barred.id()));
        assertThat(avoided(barred, conflicts, policy)).isEqualTo(AvoidanceRule.CREDIT_RESTRICTED);
        assertThat(avoided(clean, conflicts, policy)).isNull();
        // a blacklisted status is still the first reason: the record changes nothing for an expert already out
        assertThat(avoided(candidate(UNIVERSITY, ExpertStatus.SUSPENDED), new Eligibility.Conflicts(TENDEREE, AGENCY, Set.of(),
                Set.of(), Set.of(barred.id())), policy)).isEqualTo(AvoidanceRule.NOT_ACTIVE);
        Eligibility.Pools pools = Eligibility.pools(List.copyOf(barred.specialties()), List.of(barred, clean), conflicts, policy, START);
        assertThat(pools.avoided()).containsExactly(java.util.Map.entry(barred.id(), AvoidanceRule.CREDIT_RESTRICTED));
        assertThat(pools.eligible().values()).allSatisfy(ids -> assertThat(ids).containsExactly(clean.id().toString()));
    }

    @Test
    void feasibilityCountsAnExpertOfTwoSpecialtiesOnce() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("A01", 2);
        counts.put("A05", 2);
        // three experts in all, one of them holding both specialties: each specialty alone has enough, together not
        Map<String, Set<String>> eligible = Map.of("A01", Set.of("x", "both"), "A05", Set.of("y", "both"));
        Eligibility.Shortfall s = Eligibility.shortfall(counts, eligible).orElseThrow();
        assertThat(s.specialties()).containsExactly("A01", "A05");
        assertThat(s.needed()).isEqualTo(4);
        assertThat(s.available()).isEqualTo(3);
        assertThat(Eligibility.shortfall(Map.of("A01", 3), Map.of("A01", Set.of("a", "b"))).orElseThrow().available()).isEqualTo(2);
        assertThat(Eligibility.shortfall(counts, Map.of("A01", Set.of("x", "both"), "A05", Set.of("y", "z")))).isEmpty();
    }

    /**
     * Acceptance 3: over 10,000 draws of 3 from a pool where 4 of 14 experts must be avoided, each eligible expert's
     * frequency is within chi-square tolerance of uniform, and an avoided expert is never chosen.
     */
    @Test
    void tenThousandDrawsAreUniformOverTheEligibleAndNeverPickTheAvoided() {
        List<Eligibility.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            candidates.add(candidate(UNIVERSITY, ExpertStatus.ACTIVE));
        }
        Eligibility.Candidate ofTenderee = candidate(TENDEREE, ExpertStatus.ACTIVE);
        Eligibility.Candidate ofBidder = candidate(BIDDER, ExpertStatus.ACTIVE);
        Eligibility.Candidate named = candidate(UNIVERSITY, ExpertStatus.ACTIVE);
        Eligibility.Candidate suspended = candidate(UNIVERSITY, ExpertStatus.SUSPENDED);
        candidates.addAll(List.of(ofTenderee, ofBidder, named, suspended));
        Eligibility.Pools pools = Eligibility.pools(List.of("A01"), candidates,
                new Eligibility.Conflicts(TENDEREE, AGENCY, Set.of(BIDDER), Set.of(named.id())), DrawPolicy.DEFAULT, START);
        assertThat(pools.avoided()).hasSize(4);
        List<DrawWalk.Specialty> specialties = List.of(new DrawWalk.Specialty("A01", 3, List.copyOf(pools.eligible().get("A01"))));
        Set<String> avoided = new java.util.HashSet<>();
        pools.avoided().keySet().forEach(id -> avoided.add(id.toString()));

        SecureRandom random = new SecureRandom();
        Map<String, Integer> chosen = new HashMap<>();
        int draws = 10_000;
        for (int d = 0; d < draws; d++) {
            byte[] secret = new byte[32];
            byte[] head = new byte[32];
            random.nextBytes(secret);
            random.nextBytes(head);
            byte[] seed = VerifiableDraw.seed(secret, head, UUID.randomUUID().toString());
            for (DrawWalk.Contact c : new DrawWalk(seed, specialties).firstRound()) {
                assertThat(avoided).doesNotContain(c.expertId());
                chosen.merge(c.expertId(), 1, Integer::sum);
            }
        }
        assertThat(chosen.keySet()).hasSize(10);
        double expected = draws * 3 / 10.0;
        double chiSquare = chosen.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
        // 9 degrees of freedom: P(chi2 > 27.88) = 0.001
        assertThat(chiSquare).isLessThan(27.88);
    }

    @Test
    void policyRefusesNonsense() {
        assertThatThrownBy(() -> new DrawPolicy(0, 2, 90, 15, 60, 3, 5, 365)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new DrawPolicy(4, 2, 90, 40, 60, 3, 5, 365)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new DrawPolicy(4, 2, 90, 15, 60, 3, 2, 365)).isInstanceOf(DomainException.class);
        assertThat(new DrawPolicy(4, 2, 90, 15, 60, 3, null, 365).blacklistAfterViolations()).isNull();
    }

    @Test
    void violationsSuspendThenBlacklistByTheRegionsRule() {
        DrawPolicy policy = new DrawPolicy(4, 2, 90, 15, 60, 3, 5, 365);
        assertThat(policy.conductOutcome(ExpertStatus.ACTIVE, 2)).isEmpty();
        assertThat(policy.conductOutcome(ExpertStatus.ACTIVE, 3)).contains(ExpertStatus.SUSPENDED);
        assertThat(policy.conductOutcome(ExpertStatus.SUSPENDED, 4)).isEmpty();
        assertThat(policy.conductOutcome(ExpertStatus.SUSPENDED, 5)).contains(ExpertStatus.BLACKLISTED);
        assertThat(policy.conductOutcome(ExpertStatus.ACTIVE, 7)).contains(ExpertStatus.BLACKLISTED);
        assertThat(policy.conductOutcome(ExpertStatus.RETIRED, 9)).isEmpty();
        assertThat(new DrawPolicy(4, 2, 90, 15, 60, 3, null, 365).conductOutcome(ExpertStatus.SUSPENDED, 99)).isEmpty();
    }

    @Test
    void statusChangesFollowTheLifecycle() {
        assertThat(ExpertStatus.APPLYING.canBecome(ExpertStatus.ACTIVE)).isTrue();
        assertThat(ExpertStatus.APPLYING.canBecome(ExpertStatus.SUSPENDED)).isFalse();
        assertThat(ExpertStatus.ACTIVE.canBecome(ExpertStatus.SUSPENDED)).isTrue();
        assertThat(ExpertStatus.SUSPENDED.canBecome(ExpertStatus.ACTIVE)).isTrue();
        assertThat(ExpertStatus.BLACKLISTED.canBecome(ExpertStatus.ACTIVE)).isFalse();
        assertThat(ExpertStatus.RETIRED.canBecome(ExpertStatus.ACTIVE)).isFalse();
    }

    private static AvoidanceRule avoided(Eligibility.Candidate c, Eligibility.Conflicts conflicts, DrawPolicy policy) {
        return Eligibility.avoided(c, conflicts, policy, START).orElse(null);
    }

    private static Eligibility.Candidate candidate(UUID employer, ExpertStatus status) {
        return new Eligibility.Candidate(UUID.randomUUID(), employer, status, true, Set.of("A01"), List.of(), 0, 0);
    }
}
