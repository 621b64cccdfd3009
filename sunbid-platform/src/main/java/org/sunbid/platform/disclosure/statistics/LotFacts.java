package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.sunbid.platform.deals.DealKind;

/**
 * What the public knows of one published lot, for the statistics. Amounts in yuan.
 *
 * @param lotCode       the lot's code (统一交易标识码-n)
 * @param kind          the deal's kind
 * @param procedureCode its procedure
 * @param regionPath    the region's path in the tree ({@code /990000/990100/}), for the drill-down
 * @param noticeAt      when its notice (announcement) was published
 * @param outcome       where it stands
 * @param failReason    why it failed (a {@link FailReason}), null unless failed
 * @param budget        its budget (预算/估算价), null where unknown
 * @param startPrice    an auction lot's start price (起始价), null for others
 * @param price         the award or deal price, null unless a deal
 * @param bidders       how many took part, null while that is not public (registrations still sealed)
 * @param dealtAt       when the award (中标通知) or the auction's outcome was decided, null unless a deal
 */
record LotFacts(String lotCode, DealKind kind, String procedureCode, String regionPath, Instant noticeAt, Outcome outcome,
        FailReason failReason, BigDecimal budget, BigDecimal startPrice, BigDecimal price, Integer bidders, Instant dealtAt) {

    /** Where a lot stands, for the statistics. */
    enum Outcome {
        /** Still running (notice out, no award or result yet). */
        IN_PROGRESS,
        /** 成交: awarded, or an auction lot sold. */
        DEAL,
        /** 流标/流拍/终止. */
        FAILED
    }

    /** Why a deal failed. */
    enum FailReason {
        /** 流标: fewer valid bids than the procedure's minimum at the opening. */
        TOO_FEW_BIDS,
        /** 流标: the committee rejected every bid or stopped the negotiation. */
        EVALUATION_FAILED,
        /** 终止: the tender was terminated. */
        TERMINATED,
        /** 流拍: no valid bid in the room. */
        NO_VALID_BID,
        /** 流拍: the best bid stayed below the reserve. */
        BELOW_RESERVE,
        /** 流拍: fewer bidders than required. */
        TOO_FEW_BIDDERS
    }

    LotFacts {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(regionPath);
        Objects.requireNonNull(noticeAt);
        Objects.requireNonNull(outcome);
        if (outcome == Outcome.DEAL && price == null) {
            throw new IllegalArgumentException("a deal has a price: " + lotCode);
        }
        if ((outcome == Outcome.FAILED) != (failReason != null)) {
            throw new IllegalArgumentException("a failed lot, and only one, has a reason: " + lotCode);
        }
        if (bidders != null && bidders < 0) {
            throw new IllegalArgumentException("bidders: " + bidders);
        }
    }
}
