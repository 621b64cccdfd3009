package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/** The qualification review: a fail needs a reason and a majority; once per member; hidden until all have reviewed. */
class QualificationTest {

    private static final List<Criteria.Item> ITEMS = List.of(new Criteria.Item("Q1", "资质"), new Criteria.Item("Q2", "保证金"));
    private static final Set<String> FIVE = Set.of("m1", "m2", "m3", "m4", "m5");

    private static Map<String, Map<String, Qualification.Vote>> votes(boolean failBQ2) {
        Map<String, Map<String, Qualification.Vote>> v = new LinkedHashMap<>();
        v.put("A", Map.of("Q1", new Qualification.Vote(true, null), "Q2", new Qualification.Vote(true, null)));
        v.put("B", Map.of("Q1", new Qualification.Vote(true, null), "Q2", failBQ2 ? new Qualification.Vote(false, "未缴纳")
                : new Qualification.Vote(true, null)));
        return v;
    }

    @Test
    void aFailNeedsAMajorityOfTheCommittee() {
        Qualification q = new Qualification(FIVE, List.of("A", "B"), ITEMS);
        q.submit("m1", votes(true));
        q.submit("m2", votes(true));
        assertThat(q.visibleTo("m3")).isEmpty();
        assertThat(q.visibleTo("m1")).containsOnlyKeys("m1");
        q.submit("m3", votes(false));
        q.submit("m4", votes(false));
        q.submit("m5", votes(false));
        assertThat(q.results()).extracting(Qualification.Result::passed).containsExactly(true, true); // 2 of 5: no majority

        Qualification q2 = new Qualification(FIVE, List.of("A", "B"), ITEMS);
        for (String m : List.of("m1", "m2", "m3")) {
            q2.submit(m, votes(true));
        }
        q2.submit("m4", votes(false));
        q2.submit("m5", votes(false));
        Qualification.Result b = q2.results().get(1);
        assertThat(b.passed()).isFalse();
        assertThat(b.failed()).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo("Q2");
            assertThat(f.failVotes()).isEqualTo(3);
            assertThat(f.reasons()).containsOnly("未缴纳");
        });
        assertThat(q2.visibleTo("m1")).hasSize(5);
    }

    @Test
    void aFailWithoutReasonAnIncompleteReviewAndASecondReviewAreRefused() {
        Qualification q = new Qualification(FIVE, List.of("A", "B"), ITEMS);
        Map<String, Map<String, Qualification.Vote>> noReason = votes(false);
        noReason.put("B", Map.of("Q1", new Qualification.Vote(false, " "), "Q2", new Qualification.Vote(true, null)));
        assertThatThrownBy(() -> q.submit("m1", noReason)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.errorCode()).isEqualTo(EvaluationError.FAIL_REASON_REQUIRED));
        Map<String, Map<String, Qualification.Vote>> missing = votes(false);
        missing.put("B", Map.of("Q1", new Qualification.Vote(true, null)));
        assertThatThrownBy(() -> q.submit("m1", missing)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.errorCode()).isEqualTo(EvaluationError.REVIEW_INCOMPLETE));
        q.submit("m1", votes(false));
        assertThatThrownBy(() -> q.submit("m1", votes(false))).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.errorCode()).isEqualTo(EvaluationError.REVIEW_ALREADY_SUBMITTED));
    }
}
