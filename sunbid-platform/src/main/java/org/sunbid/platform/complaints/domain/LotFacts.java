package org.sunbid.platform.complaints.domain;

import java.time.Instant;

/**
 * What the lot's own records say about the steps a challenge's period starts from (实施条例 Art. 53), as the service
 * reads them from tendering and evaluation; null where the step has not happened.
 *
 * @param documentsReceivedAt    when the supplier obtained the documents (its registration gives them)
 * @param documentsPeriodEnds    the end of the documents' notice period
 * @param responseDeadline       the end of the response step (the bid deadline, then the opening)
 * @param awardedAt              the end of the evaluation and award decision step
 * @param resultNoticePeriodEnds the end of the result notice period
 */
public record LotFacts(Instant documentsReceivedAt, Instant documentsPeriodEnds, Instant responseDeadline, Instant awardedAt,
        Instant resultNoticePeriodEnds) {

    /** A step of the procurement process a supplier may challenge (Art. 53(2)). */
    public enum Step {
        /** 响应/投标截止及开启: ends at the response deadline. */
        RESPONSES,
        /** 评审及确定中标、成交供应商: ends at the award decision. */
        EVALUATION
    }

    /** The end of {@code step}, null while it has not ended. */
    public Instant endOf(Step step) {
        return switch (step) {
            case RESPONSES -> responseDeadline;
            case EVALUATION -> awardedAt;
        };
    }
}
