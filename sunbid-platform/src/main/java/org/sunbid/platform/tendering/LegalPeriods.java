package org.sunbid.platform.tendering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.sunbid.platform.catalog.WorkingDays;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;

/**
 * The construction tender's periods and limits in whole days (the procedure's rules are maintained as dated data in
 * the deals context, {@code procedure_rule}; this record is the law's floor, for a region's stricter set and for
 * unit tests, turned into rules by {@link #rules}). The periods and limits a tender must respect. A region may set longer periods or a lower deposit ceiling; never
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

    /**
     * These periods as the construction open tender's rules (GCJS_OPEN_TENDER), whole days as 日; dated {@code date}
     * only for the record, since they hold whatever the date.
     */
    public ProcedureRules rules(LocalDate date) {
        return new ProcedureRules("GCJS_OPEN_TENDER", date, Map.of(
                RuleKeys.BIDDING_PERIOD, days(biddingPeriod, "《招标投标法》第二十四条"),
                RuleKeys.DOCUMENT_PERIOD, days(documentPeriod, "《招标投标法实施条例》第十六条"),
                RuleKeys.CLARIFICATION_NOTICE, days(clarificationNotice, "《招标投标法》第二十三条、《实施条例》第二十一条"),
                RuleKeys.OBJECTION_CUTOFF, days(objectionCutoff, "《招标投标法实施条例》第二十二条"),
                RuleKeys.OBJECTION_ANSWER, days(objectionAnswer, "《招标投标法实施条例》第二十二条"),
                RuleKeys.DEPOSIT_MAX, new Limit(maxDepositPercent, LimitUnit.PERCENT, "《招标投标法实施条例》第二十六条")),
                new WorkingDays(Map.of()));
    }

    /** {@link #rules(LocalDate)} at 2000-01-01, when the Law came into force. */
    public ProcedureRules rules() {
        return rules(LocalDate.of(2000, 1, 1));
    }

    private static Limit days(Duration d, String article) {
        return Limit.of(d.toDays(), LimitUnit.DAY, article);
    }
}
