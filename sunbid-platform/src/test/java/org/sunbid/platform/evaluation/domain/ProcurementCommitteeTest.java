package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.kernel.DomainException;

/** Quorum and leadership in a government procurement open tender (财政部令第87号 Art. 41/44/45). */
class ProcurementCommitteeTest {

    static final TenderQuorum QUORUM = new TenderQuorum(3, 3);

    /** "不足3家" excludes three: three bids are opened, two are not. */
    @Test
    void gpl87_art41_fewerThanThreeBidsAreNotOpened() {
        assertThat(QUORUM.mayOpen(3)).isTrue();
        assertThat(QUORUM.mayOpen(2)).isFalse();
    }

    @Test
    void gpl87_art44_fewerThanThreeQualifiedBidsAreNotEvaluated() {
        QUORUM.checkEvaluation(3);
        DomainException e = ProcurementPricingTest.refusal(() -> QUORUM.checkEvaluation(2));
        assertThat(e.errorCode()).isEqualTo(EvaluationError.TOO_FEW_QUALIFIED);
        assertThat(e.arguments()).containsExactly(2, 3);
        assertThat(QUORUM.mayEvaluate(0)).isFalse();
        // what the stage machine does after the review
        assertThat(QUORUM.afterReview(2, true)).isEqualTo(Stage.FAILED);
        assertThat(QUORUM.afterReview(3, true)).isEqualTo(Stage.SCORING);
        assertThat(QUORUM.afterReview(3, false)).isEqualTo(Stage.RANKED);
        assertThat(Stage.QUALIFICATION.mayBecome(QUORUM.afterReview(2, false))).isTrue();
    }

    @Test
    void gpl87_art45_purchasersRepresentativeMayNotLead() {
        Set<String> members = Set.of("e1", "e2", "e3", "e4", "rep");
        CommitteeLeader.check("e1", members, Set.of("rep"), true);
        DomainException e = ProcurementPricingTest.refusal(() -> CommitteeLeader.check("rep", members, Set.of("rep"), true));
        assertThat(e.errorCode()).isEqualTo(EvaluationError.PURCHASER_REPRESENTATIVE_MAY_NOT_LEAD);
        // a construction tender has no such rule; nobody outside the committee leads either way
        CommitteeLeader.check("rep", members, Set.of("rep"), false);
        assertThat(ProcurementPricingTest.refusal(() -> CommitteeLeader.check("x", members, Set.of("rep"), false)).errorCode())
                .isEqualTo(EvaluationError.NOT_A_MEMBER);
    }
}
