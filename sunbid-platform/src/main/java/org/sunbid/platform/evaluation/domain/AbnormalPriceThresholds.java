package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.time.Duration;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * When an abnormally low price (异常低价) must be reviewed, 财库〔2026〕2号 Part 2, in force from <b>2026-02-01</b>: a
 * bid below {@code ofMean} (<b>50%</b>) of the mean of every bid that passed the compliance review, below
 * {@code ofNextLowest} (<b>50%</b>) of the next-lowest compliant bid, or below {@code ofCap} (<b>45%</b>) of the
 * 最高限价 (the budget where there is no cap), besides the panel's own judgement (财政部令第87号 Art. 60). The purchaser
 * may raise the first three in its documents, each to at most {@code raiseCeiling} (<b>65%</b>). The supplier gets at
 * least {@code minimumExplanationTime} (<b>30 minutes</b>, "一般不少于30分钟") to explain in writing with its cost
 * evidence. Dated data: before 2026-02-01 there are no thresholds (the caller has none) and only the panel's
 * judgement starts a review, with a reasonable time to explain (Art. 60).
 *
 * @param ofNextLowest compared with the price of the supplier whose compliant bid is the next lowest
 */
public record AbnormalPriceThresholds(BigDecimal ofMean, BigDecimal ofNextLowest, BigDecimal ofCap, BigDecimal raiseCeiling,
        Duration minimumExplanationTime) {

    public AbnormalPriceThresholds {
        if (!PriceWeightFloors.share(raiseCeiling) || !within(ofMean, raiseCeiling) || !within(ofNextLowest, raiseCeiling)
                || !within(ofCap, raiseCeiling) || minimumExplanationTime == null || minimumExplanationTime.isNegative()) {
            throw new IllegalArgumentException("财库〔2026〕2号: thresholds in (0, ceiling], the ceiling in (0, 1], "
                    + "an explanation time ≥ 0");
        }
    }

    private static boolean within(BigDecimal x, BigDecimal ceiling) {
        return x != null && x.signum() > 0 && x.compareTo(ceiling) <= 0;
    }

    /**
     * The thresholds a purchaser's documents set: each at least the one in force ("提高") and at most the ceiling
     * ("最高不得超过65%", the number included); refused otherwise.
     */
    public AbnormalPriceThresholds raisedTo(BigDecimal mean, BigDecimal nextLowest, BigDecimal cap) {
        check(mean, ofMean);
        check(nextLowest, ofNextLowest);
        check(cap, ofCap);
        return new AbnormalPriceThresholds(mean, nextLowest, cap, raiseCeiling, minimumExplanationTime);
    }

    private void check(BigDecimal raised, BigDecimal inForce) {
        if (raised == null || raised.compareTo(inForce) < 0 || raised.compareTo(raiseCeiling) > 0) {
            throw new DomainException(EvaluationError.ABNORMAL_THRESHOLD_INVALID,
                    raised == null ? "—" : PriceWeightFloors.percent(raised), PriceWeightFloors.percent(inForce),
                    PriceWeightFloors.percent(raiseCeiling));
        }
    }
}
