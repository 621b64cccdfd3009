package org.sunbid.platform.complaints;

import java.time.Instant;
import java.util.UUID;

/**
 * An inquiry (询问) as its supplier and the purchaser or agency see it, with its countdown.
 *
 * @param answerDue the end of the answer period (实施条例 Art. 52)
 * @param overdue   whether the answer is awaited past it
 */
public record InquiryView(UUID id, UUID lotId, String lotCode, String lotName, String supplier, String question,
        Instant askedAt, Instant answerDue, String answer, Instant answeredAt, boolean overdue) {

    /** The open step's due instant, null once answered. */
    public Instant due() {
        return answeredAt == null ? answerDue : null;
    }
}
