package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The rule for the mall's competitive order modes in force in a region from a date (dated rule data, like
 * {@link MallRule}): how many suppliers must hold a valid bid (反拍) or quote (团购) for a winner, how far each reverse
 * auction bid must go below the bidder's own previous one (a share of the ceiling), the shortest bidding window in
 * working days, and how many buyers a group purchase needs. ⚠ Our reading: no national text fixes these figures for the
 * e-mall; live 电子卖场 rules (浙江、政采云 反向竞价) ask for at least three responding suppliers as 询价 does
 * (政府采购法 Art. 40) and publish the auction for at least a working day; the demo row says so and is to be replaced
 * by the region's published rule.
 *
 * @param regionCode           the region whose subtree it covers ("" for every region)
 * @param effectiveFrom        the first day it applies (Beijing)
 * @param minBidders           the least number of different suppliers with a valid bid or quote
 * @param minDecrementRate     the least step down, as a share of the ceiling (e.g. 0.001 = 0.1 %)
 * @param minWindowWorkingDays the least number of working days between opening and closing
 * @param minGroupBuyers       the least number of buyers in a group purchase
 * @param basis                the published document it rests on
 */
public record BiddingRule(String regionCode, LocalDate effectiveFrom, int minBidders, BigDecimal minDecrementRate,
                          int minWindowWorkingDays, int minGroupBuyers, String basis) {

    public BiddingRule {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(minDecrementRate, "minDecrementRate");
        if (minBidders < 1 || minGroupBuyers < 1 || minWindowWorkingDays < 0 || minDecrementRate.signum() <= 0
                || minDecrementRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("minBidders, minGroupBuyers >= 1; 0 < minDecrementRate < 1");
        }
    }

    /** The least decrement for a ceiling: its share, rounded up to the fen, at least one fen. */
    public BigDecimal minDecrement(BigDecimal ceiling) {
        BigDecimal d = ceiling.multiply(minDecrementRate).setScale(2, RoundingMode.CEILING);
        return d.signum() > 0 ? d : new BigDecimal("0.01");
    }
}
