package org.sunbid.platform.tendering;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The periods and limits a tender must respect. A region may set longer periods or a lower deposit ceiling; never
 * less than the law allows, which the constructor enforces.
 *
 * @param biddingPeriod       from issuing the documents to the bid deadline, at least 20 days (Law 24)
 * @param documentPeriod      documents available for at least 5 days (Reg. 16)
 * @param clarificationNotice clarifications that affect bid preparation at least 15 days before the deadline (Law 23, Reg. 21)
 * @param objectionCutoff     objections to the documents up to 10 days before the deadline (Reg. 22)
 * @param objectionAnswer     the tenderee answers an objection within 3 days (Reg. 22)
 * @param maxDepositPercent   deposit at most 2% of the estimated price (Reg. 26)
 */
public record LegalPeriods(Duration biddingPeriod, Duration documentPeriod, Duration clarificationNotice,
        Duration objectionCutoff, Duration objectionAnswer, BigDecimal maxDepositPercent) {

    /** The law's own values. */
    public static final LegalPeriods LAW = new LegalPeriods(Duration.ofDays(20), Duration.ofDays(5), Duration.ofDays(15),
            Duration.ofDays(10), Duration.ofDays(3), new BigDecimal("2"));

    public LegalPeriods {
        if (biddingPeriod.compareTo(Duration.ofDays(20)) < 0 || documentPeriod.compareTo(Duration.ofDays(5)) < 0
                || clarificationNotice.compareTo(Duration.ofDays(15)) < 0 || objectionCutoff.compareTo(Duration.ofDays(10)) < 0
                || objectionAnswer.compareTo(Duration.ofDays(3)) > 0 || maxDepositPercent.compareTo(new BigDecimal("2")) > 0
                || maxDepositPercent.signum() < 0) {
            throw new IllegalArgumentException("legal periods below the law's floor: " + biddingPeriod + ", " + documentPeriod
                    + ", " + clarificationNotice + ", " + objectionCutoff + ", " + objectionAnswer + ", " + maxDepositPercent + "%");
        }
    }
}
