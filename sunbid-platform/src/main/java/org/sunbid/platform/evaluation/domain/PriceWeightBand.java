package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;

import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/**
 * The band the price weight must lie in where the method's rules set an upper limit as well as a floor: 竞争性磋商,
 * 财库〔2014〕214号 Art. 24 — goods <b>30%–60%</b>, services <b>10%–30%</b>, both ends included ("不得低于", "不得高于";
 * other values need the finance department's approval, which the platform does not record). Dated data: the caller
 * passes the bands in force at the documents' date (PRICE_WEIGHT_*_MIN / *_MAX).
 *
 * @param goodsMin    the goods floor, a share in (0, 1]
 * @param goodsMax    the goods ceiling, ≥ the floor
 * @param servicesMin the services floor
 * @param servicesMax the services ceiling, ≥ the floor
 * @param article     the article setting the band, named in the refusal
 */
public record PriceWeightBand(BigDecimal goodsMin, BigDecimal goodsMax, BigDecimal servicesMin, BigDecimal servicesMax,
        String article) {

    public PriceWeightBand {
        if (!PriceWeightFloors.share(goodsMin) || !PriceWeightFloors.share(goodsMax) || !PriceWeightFloors.share(servicesMin)
                || !PriceWeightFloors.share(servicesMax) || goodsMax.compareTo(goodsMin) < 0
                || servicesMax.compareTo(servicesMin) < 0) {
            throw new IllegalArgumentException("price-weight bands are shares in (0, 1], floor ≤ ceiling");
        }
    }

    /** Refuses a weight outside the band of {@code subject} ({@code PRICE_WEIGHT_OUTSIDE_BAND}, naming the article). */
    public void check(ProcurementSubject subject, BigDecimal weight) {
        BigDecimal min = subject == ProcurementSubject.GOODS ? goodsMin : servicesMin;
        BigDecimal max = subject == ProcurementSubject.GOODS ? goodsMax : servicesMax;
        if (weight == null || weight.compareTo(min) < 0 || weight.compareTo(max) > 0) {
            throw new DomainException(EvaluationError.PRICE_WEIGHT_OUTSIDE_BAND, weight == null ? "-" : PriceWeightFloors.percent(weight),
                    subject.ordinal(), PriceWeightFloors.percent(min), PriceWeightFloors.percent(max), article);
        }
    }
}
