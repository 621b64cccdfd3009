package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.sunbid.platform.deals.DealKind;

/**
 * A deal made off the platform (场外交易) as its owner declared and reported it.
 *
 * @param resultExpectedOn when the owner expects the result (the report is due 20 days after it)
 * @param exemptionId      the approved exemption it trades under, if the catalogue requires it
 * @param mustTrade        whether the catalogue required it to trade on the platform (at declaration)
 * @param mustTradeBasis   the catalogue entry that decided, if any
 * @param status           DECLARED (report awaited) or REPORTED (published, final)
 * @param reportedLate     whether the report came more than 20 days after the result
 */
public record OffPlatformDealView(UUID id, String regionCode, UUID ownerId, String ownerName, DealKind kind,
        Category category, String itemCode, String projectCode, String projectName, BigDecimal value,
        LocalDate resultExpectedOn, UUID exemptionId, boolean mustTrade, String mustTradeBasis, Status status,
        LocalDate resultOn, BigDecimal resultValue, String counterparty, String resultSummary, Instant reportedAt,
        Boolean reportedLate, Instant declaredAt) {

    /** Days from the result within which it is reported (场外交易结果应在20日内报告). */
    public static final int REPORT_DAYS = 20;

    /** Where an off-platform deal stands. */
    public enum Status {
        /** 待报告: declared, result not yet reported. */
        DECLARED,
        /** 已报告并公开: its result reported and published; never changed. */
        REPORTED
    }

    /** The last day of the report period after the expected result, or null without one. */
    public LocalDate reportDue() {
        LocalDate result = resultOn != null ? resultOn : resultExpectedOn;
        return result == null ? null : result.plusDays(REPORT_DAYS);
    }

    /** Whether it must trade here but has no approved exemption. */
    public boolean unexempted() {
        return mustTrade && exemptionId == null;
    }
}
