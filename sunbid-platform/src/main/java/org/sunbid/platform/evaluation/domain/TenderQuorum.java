package org.sunbid.platform.evaluation.domain;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.kernel.DomainException;

/**
 * How many suppliers a government procurement open tender needs, 财政部令第87号: fewer than {@code minimumBidders}
 * (<b>3</b>) bids by the deadline and the bids are not opened (Art. 41; the construction rule, Law 28, is already
 * enforced at the opening in {@code sealing}); fewer than {@code minimumQualified} (<b>3</b>) bids passing the
 * qualification and compliance review and the evaluation does not go on (Art. 44) — the tender fails (废标, 法 Art. 36)
 * and is re-tendered or, with approval, another method is used (Art. 43). "不足3家" excludes the number: exactly three
 * is enough. Dated data: the caller passes the version in force at the date of the opening.
 */
public record TenderQuorum(int minimumBidders, int minimumQualified) {

    public TenderQuorum {
        if (minimumBidders < 1 || minimumQualified < 1 || minimumQualified > minimumBidders) {
            throw new IllegalArgumentException("87号令 Art. 41/44: 1 ≤ minimumQualified ≤ minimumBidders");
        }
    }

    /** Art. 41: whether {@code bids} bids may be opened. */
    public boolean mayOpen(int bids) {
        return bids >= minimumBidders;
    }

    /** Art. 44: whether the evaluation goes on with {@code qualified} bids that passed the review. */
    public boolean mayEvaluate(int qualified) {
        return qualified >= minimumQualified;
    }

    /**
     * The stage after the qualification and compliance review (for the stage machine): {@link Stage#FAILED} with too
     * few qualified bids (Art. 44), else scoring under 综合评分法 or straight to the ranking under 最低评标价法.
     */
    public Stage afterReview(int qualified, boolean scored) {
        if (!mayEvaluate(qualified)) {
            return Stage.FAILED;
        }
        return scored ? Stage.SCORING : Stage.RANKED;
    }

    /** Art. 44: refuses to go on to the detailed evaluation with too few qualified bids. */
    public void checkEvaluation(int qualified) {
        if (!mayEvaluate(qualified)) {
            throw new DomainException(EvaluationError.TOO_FEW_QUALIFIED, qualified, minimumQualified);
        }
    }
}
