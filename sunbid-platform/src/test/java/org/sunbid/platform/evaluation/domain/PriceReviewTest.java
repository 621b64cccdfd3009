package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.domain.AbnormalPrice.Trigger;
import org.sunbid.platform.evaluation.domain.PriceReview.Status;
import org.sunbid.platform.kernel.DomainException;

/** The abnormal-price review's state machine (财政部令第87号 Art. 60; 财库〔2026〕2号). */
class PriceReviewTest {

    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final Duration THIRTY_MINUTES = AbnormalPriceTest.CAIKU_2026_2.minimumExplanationTime();

    static PriceReview requested() {
        return PriceReview.request("A", Set.of(Trigger.BELOW_MEAN), NOW, NOW.plus(THIRTY_MINUTES), THIRTY_MINUTES);
    }

    static DomainException refused(Runnable r) {
        return ProcurementPricingTest.refusal(r);
    }

    @Test
    void caiku2026_2_supplierGetsAtLeastThirtyMinutesToExplain() {
        assertThat(requested().deadline()).isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
        DomainException e = refused(() -> PriceReview.request("A", Set.of(Trigger.BELOW_MEAN), NOW,
                NOW.plus(THIRTY_MINUTES).minusSeconds(1), THIRTY_MINUTES));
        assertThat(e.errorCode()).isEqualTo(EvaluationError.PRICE_REVIEW_DEADLINE_TOO_SHORT);
        assertThat(e.arguments()).containsExactly(30L);
    }

    /** Before 2026-02-01 (no minimum in force) a reasonable time is the panel's: ten minutes will do, none will not. */
    @Test
    void gpl87_art60_beforeFebruary2026TheTimeIsThePanels() {
        PriceReview.request("A", Set.of(Trigger.PANEL_JUDGEMENT), NOW, NOW.plus(Duration.ofMinutes(10)), Duration.ZERO);
        assertThat(refused(() -> PriceReview.request("A", Set.of(Trigger.PANEL_JUDGEMENT), NOW, NOW, Duration.ZERO)).errorCode())
                .isEqualTo(EvaluationError.PRICE_REVIEW_DEADLINE_TOO_SHORT);
    }

    @Test
    void gpl87_art60_writtenExplanationWithCostEvidenceThenThePanelAccepts() {
        PriceReview review = requested();
        review.explain("成本测算：自有库存，无运输成本。", List.of("file-1"), NOW.plus(THIRTY_MINUTES)); // the deadline itself is in time
        assertThat(review.status()).isEqualTo(Status.EXPLAINED);
        review.accept("成本测算可信，价格合理。");
        assertThat(review.status()).isEqualTo(Status.ACCEPTED);
        assertThat(review.status().invalidatesBid()).isFalse();
        assertThat(refused(() -> review.reject("改变主意")).errorCode()).isEqualTo(EvaluationError.PRICE_REVIEW_STATE);
    }

    @Test
    void gpl87_art60_unprovenPriceMakesTheBidInvalid() {
        PriceReview review = requested();
        assertThat(refused(() -> review.accept("太早")).errorCode()).as("no decision before the explanation")
                .isEqualTo(EvaluationError.PRICE_REVIEW_STATE);
        review.explain("说明", List.of("file-1"), NOW.plusSeconds(60));
        assertThat(refused(() -> review.reject(" ")).errorCode()).isEqualTo(EvaluationError.PRICE_DECISION_REASON_REQUIRED);
        review.reject("成本测算缺少人工费用，不能证明报价合理。");
        assertThat(review.status()).isEqualTo(Status.REJECTED);
        assertThat(review.status().invalidatesBid()).isTrue();
    }

    @Test
    void gpl87_art60_explanationIsWrittenWithCostEvidence() {
        PriceReview review = requested();
        assertThat(refused(() -> review.explain("说明", List.of(), NOW)).errorCode()).isEqualTo(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
        assertThat(refused(() -> review.explain(" ", List.of("file-1"), NOW)).errorCode()).isEqualTo(EvaluationError.PRICE_EXPLANATION_INCOMPLETE);
        assertThat(review.status()).isEqualTo(Status.REQUESTED);
    }

    @Test
    void gpl87_art60_noExplanationByTheDeadlineMakesTheBidInvalid() {
        PriceReview review = requested();
        assertThat(review.lapseIfDue(NOW.plus(THIRTY_MINUTES))).isEqualTo(Status.REQUESTED);
        assertThat(refused(() -> review.explain("迟到的说明", List.of("file-1"), NOW.plus(THIRTY_MINUTES).plusSeconds(1))).errorCode())
                .isEqualTo(EvaluationError.PRICE_REVIEW_STATE);
        assertThat(review.status()).isEqualTo(Status.LAPSED);
        assertThat(review.status().invalidatesBid()).isTrue();
    }
}
