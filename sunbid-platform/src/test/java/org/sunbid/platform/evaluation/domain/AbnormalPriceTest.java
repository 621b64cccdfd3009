package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.domain.AbnormalPrice.Trigger;
import org.sunbid.platform.kernel.DomainException;

/** The abnormally-low-price triggers (财政部令第87号 Art. 60; 财库〔2026〕2号 from 2026-02-01), hand-computed. */
class AbnormalPriceTest {

    static final AbnormalPriceThresholds CAIKU_2026_2 = new AbnormalPriceThresholds(new BigDecimal("0.50"),
            new BigDecimal("0.50"), new BigDecimal("0.45"), new BigDecimal("0.65"), Duration.ofMinutes(30));

    /** What a caller's dated store gives: nothing before 2026-02-01. */
    static Optional<AbnormalPriceThresholds> thresholdsAt(LocalDate date) {
        return date.isBefore(LocalDate.of(2026, 2, 1)) ? Optional.empty() : Optional.of(CAIKU_2026_2);
    }

    static final Optional<AbnormalPriceThresholds> IN_FORCE = thresholdsAt(LocalDate.of(2026, 2, 1));

    static Map<String, Set<Trigger>> triggers(Map<String, BigDecimal> prices, String cap, Optional<AbnormalPriceThresholds> t) {
        return AbnormalPrice.triggers(prices, new BigDecimal(cap), t, Set.of());
    }

    /**
     * A 49.99, B 75, C 175.01: mean 100.00, half 50 → A is below; next-lowest 75 × 50% = 37.50 and cap 100 × 45% = 45
     * are not reached. At exactly half the mean (A 50, C 175) nothing triggers: "低于" is strict.
     */
    @Test
    void caiku2026_2_belowHalfTheMeanTriggersReview() {
        assertThat(triggers(ProcurementPricingTest.prices("A", "49.99", "B", "75", "C", "175.01"), "100", IN_FORCE))
                .isEqualTo(Map.of("A", Set.of(Trigger.BELOW_MEAN)));
        assertThat(triggers(ProcurementPricingTest.prices("A", "50", "B", "75", "C", "175"), "100", IN_FORCE)).isEmpty();
    }

    /** A 49.99, B 100, C 100: mean 83.33 (half 41.67) and cap 45 not reached; half the next-lowest (100) is 50 → A. */
    @Test
    void caiku2026_2_belowHalfTheNextLowestTriggersReview() {
        assertThat(triggers(ProcurementPricingTest.prices("A", "49.99", "B", "100", "C", "100"), "100", IN_FORCE))
                .isEqualTo(Map.of("A", Set.of(Trigger.BELOW_NEXT_LOWEST)));
        assertThat(triggers(ProcurementPricingTest.prices("A", "50", "B", "100", "C", "100"), "100", IN_FORCE)).isEmpty();
        // two bids tied at the lowest: the next-lowest supplier's price is the same, nothing triggers
        assertThat(triggers(ProcurementPricingTest.prices("A", "40", "B", "40", "C", "60"), "80", IN_FORCE)).isEmpty();
    }

    /** Cap 100: A 44.99 → below 45; B, C 60: mean 54.997 (half 27.50), next-lowest 60 (half 30) not reached. */
    @Test
    void caiku2026_2_belowFortyFivePercentOfTheCapTriggersReview() {
        assertThat(triggers(ProcurementPricingTest.prices("A", "44.99", "B", "60", "C", "60"), "100", IN_FORCE))
                .isEqualTo(Map.of("A", Set.of(Trigger.BELOW_CAP)));
        assertThat(triggers(ProcurementPricingTest.prices("A", "45", "B", "60", "C", "60"), "100", IN_FORCE)).isEmpty();
    }

    /** The same prices on 2026-01-31: no thresholds are in force, only the panel's judgement starts a review. */
    @Test
    void gpl87_art60_beforeFebruary2026OnlyThePanelsJudgement() {
        var prices = ProcurementPricingTest.prices("A", "30", "B", "100", "C", "100");
        assertThat(triggers(prices, "100", thresholdsAt(LocalDate.of(2026, 2, 1))))
                .isEqualTo(Map.of("A", Set.of(Trigger.BELOW_MEAN, Trigger.BELOW_NEXT_LOWEST, Trigger.BELOW_CAP)));
        assertThat(triggers(prices, "100", thresholdsAt(LocalDate.of(2026, 1, 31)))).isEmpty();
        assertThat(AbnormalPrice.triggers(prices, new BigDecimal("100"), thresholdsAt(LocalDate.of(2026, 1, 31)), Set.of("B")))
                .isEqualTo(Map.of("B", Set.of(Trigger.PANEL_JUDGEMENT)));
    }

    /**
     * The documents may raise the thresholds up to 65% (included), never lower them. Raised to 65% of the mean:
     * A 64.99, B 100, C 135.01 → mean 100, A below 65 (not below 50% of the next-lowest, 50, nor 45% of the cap
     * 140, 63); with the thresholds in force it is below none.
     */
    @Test
    void caiku2026_2_purchaserMayRaiseTheThresholdsToSixtyFivePercent() {
        AbnormalPriceThresholds raised = CAIKU_2026_2.raisedTo(new BigDecimal("0.65"), new BigDecimal("0.50"), new BigDecimal("0.45"));
        var prices = ProcurementPricingTest.prices("A", "64.99", "B", "100", "C", "135.01");
        assertThat(triggers(prices, "140", Optional.of(raised))).isEqualTo(Map.of("A", Set.of(Trigger.BELOW_MEAN)));
        assertThat(triggers(prices, "140", IN_FORCE)).isEmpty();

        DomainException above = refused(() -> CAIKU_2026_2.raisedTo(new BigDecimal("0.6501"), new BigDecimal("0.50"), new BigDecimal("0.45")));
        assertThat(above.errorCode()).isEqualTo(EvaluationError.ABNORMAL_THRESHOLD_INVALID);
        assertThat(above.arguments()).containsExactly("65.01%", "50%", "65%");
        assertThat(refused(() -> CAIKU_2026_2.raisedTo(new BigDecimal("0.50"), new BigDecimal("0.50"), new BigDecimal("0.44")))
                .errorCode()).isEqualTo(EvaluationError.ABNORMAL_THRESHOLD_INVALID);
        assertThatThrownBy(() -> new AbnormalPriceThresholds(new BigDecimal("0.50"), new BigDecimal("0.50"), new BigDecimal("0.70"),
                new BigDecimal("0.65"), Duration.ofMinutes(30))).isInstanceOf(IllegalArgumentException.class);
    }

    static DomainException refused(Runnable r) {
        return ProcurementPricingTest.refusal(r);
    }
}
