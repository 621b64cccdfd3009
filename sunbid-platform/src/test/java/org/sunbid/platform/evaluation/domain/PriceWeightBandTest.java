package org.sunbid.platform.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.kernel.DomainException;

/** 竞争性磋商 price-weight bands, 财库〔2014〕214号 Art. 24: goods 30–60%, services 10–30%, both ends included. */
class PriceWeightBandTest {

    static final PriceWeightBand BAND_214 = new PriceWeightBand(new BigDecimal("0.30"), new BigDecimal("0.60"),
            new BigDecimal("0.10"), new BigDecimal("0.30"), "财库〔2014〕214号第二十四条");

    static EvaluationError refusal(ProcurementSubject subject, String weight) {
        try {
            BAND_214.check(subject, new BigDecimal(weight));
            return null;
        } catch (DomainException e) {
            return (EvaluationError) e.errorCode();
        }
    }

    @Test
    void cgk2014_214_art24_goodsThirtyToSixtyPercent() {
        assertThat(refusal(ProcurementSubject.GOODS, "0.2999")).isEqualTo(EvaluationError.PRICE_WEIGHT_OUTSIDE_BAND);
        assertThat(refusal(ProcurementSubject.GOODS, "0.30")).isNull();
        assertThat(refusal(ProcurementSubject.GOODS, "0.60")).isNull();
        assertThat(refusal(ProcurementSubject.GOODS, "0.6001")).isEqualTo(EvaluationError.PRICE_WEIGHT_OUTSIDE_BAND);
    }

    @Test
    void cgk2014_214_art24_servicesTenToThirtyPercent() {
        assertThat(refusal(ProcurementSubject.SERVICES, "0.0999")).isEqualTo(EvaluationError.PRICE_WEIGHT_OUTSIDE_BAND);
        assertThat(refusal(ProcurementSubject.SERVICES, "0.10")).isNull();
        assertThat(refusal(ProcurementSubject.SERVICES, "0.30")).isNull();
        assertThat(refusal(ProcurementSubject.SERVICES, "0.31")).isEqualTo(EvaluationError.PRICE_WEIGHT_OUTSIDE_BAND);
    }

    /** The refusal names the article that sets the band. */
    @Test
    void cgk2014_214_art24_refusalNamesTheArticle() {
        try {
            BAND_214.check(ProcurementSubject.GOODS, new BigDecimal("0.70"));
        } catch (DomainException e) {
            assertThat(e.arguments()).contains("财库〔2014〕214号第二十四条");
            return;
        }
        throw new AssertionError("refused");
    }
}
