package org.sunbid.platform.auction.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;

/**
 * An auction lot's schedule and price checked against its procedure's rules at publication (the announcement, 出让公告
 * or 正式披露). Plain Java: every rule is asked of the lot's {@link ProcedureRules}, none by the procedure's name; a rule
 * the procedure lacks is no constraint. Amounts in fen.
 *
 * <p>A re-disclosure (重新披露, 32号令 Art. 18) is a new lot whose terms name the earlier lot of the same asset
 * ({@code previous}); its price is below the earlier one, it keeps the appraisal, and it needs REDISCLOSURE_PERIOD
 * instead of ANNOUNCEMENT_PERIOD and, below APPRAISAL_APPROVAL_BELOW of the appraisal, a recorded written approval.
 *
 * @param format           the lot's format
 * @param startPrice       起始价 / 挂牌起始价 / 转让底价 (public), fen
 * @param deposit          竞买保证金, fen (the tender's deposit)
 * @param appraisal        评估值, fen, or null
 * @param biddingStart     the listing's or auction's start
 * @param freeEnd          the listing's (free bidding's) end, null for an ascending auction
 * @param applicationClose 竞买申请截止: the tender's bid deadline
 * @param previous         the earlier disclosure this one follows, or null for a first disclosure
 * @param approval         the written approval recorded for a price below the approval share, or null
 */
public record Schedule(AuctionFormat format, long startPrice, long deposit, Long appraisal, Instant biddingStart, Instant freeEnd,
        Instant applicationClose, Previous previous, Approval approval) {

    /** The earlier disclosure of the same asset: its start price and when the first disclosure of the chain was published. */
    public record Previous(long startPrice, Instant firstPublishedAt) {
    }

    /** A written approval (书面同意) of a re-disclosure below 90% of the appraisal: who, document number, date, file SM3. */
    public record Approval(String approver, String documentNumber, LocalDate date, String fileSm3) {
    }

    /** Why publishing at {@code publishAt} must be refused under {@code rules}, or empty. Checked in the order below. */
    public Optional<DomainException> publicationRefusal(Instant publishAt, ProcedureRules rules) {
        return Optional.ofNullable(refusal(publishAt, rules));
    }

    private DomainException refusal(Instant publishAt, ProcedureRules rules) {
        if ((format == AuctionFormat.LISTING || format == AuctionFormat.NETWORK) && freeEnd == null) {
            return new DomainException(AuctionError.INVALID_AUCTION_TERMS, "freeEnd");
        }
        DomainException refused = relist(publishAt, rules);
        if (refused == null) {
            refused = announcement(publishAt, rules);
        }
        if (refused == null) {
            refused = listing(rules);
        }
        if (refused == null) {
            refused = applicationClose(rules);
        }
        if (refused == null) {
            refused = deposit(rules);
        }
        if (refused == null) {
            refused = appraisal(rules);
        }
        return refused;
    }

    /** The announcement period that applies: re-disclosure, the asset-transfer value band, or the plain one; null if none. */
    public Limit announcementPeriod(ProcedureRules rules) {
        if (previous != null && rules.find(RuleKeys.REDISCLOSURE_PERIOD).isPresent()) {
            return rules.limit(RuleKeys.REDISCLOSURE_PERIOD); // 32号令 Art. 18
        }
        Limit band = rules.find(RuleKeys.ASSET_NOTICE_BAND).orElse(null);
        if (band != null && rules.find(RuleKeys.ANNOUNCEMENT_PERIOD_LARGE).isPresent()
                && BigDecimal.valueOf(startPrice).compareTo(band.amount().movePointRight(2)) > 0) {
            return rules.limit(RuleKeys.ANNOUNCEMENT_PERIOD_LARGE); // 32号令 Art. 48: above the band, the longer notice
        }
        return rules.find(RuleKeys.ANNOUNCEMENT_PERIOD).orElse(null);
    }

    /** 39号令 Art. 8; 自然资规〔2023〕1号; 32号令 Art. 13, 18, 39, 48: publication → bidding start at least the period. */
    private DomainException announcement(Instant publishAt, ProcedureRules rules) {
        Limit period = announcementPeriod(rules);
        if (period == null || period.atLeast(publishAt, biddingStart, rules.calendar())) {
            return null;
        }
        return new DomainException(AuctionError.AUCTION_ANNOUNCEMENT_TOO_SHORT, period.plain(), unitZh(period), period.article(),
                earliest(period, publishAt, rules).toString(), Limit.beijingDate(biddingStart).toString());
    }

    /** 39号令 Art. 18; 自然资规〔2023〕1号: the listing (biddingStart → freeEnd) at least LISTING_PERIOD. */
    private DomainException listing(ProcedureRules rules) {
        Limit period = rules.find(RuleKeys.LISTING_PERIOD).orElse(null);
        if (period == null || format != AuctionFormat.LISTING || period.atLeast(biddingStart, freeEnd, rules.calendar())) {
            return null;
        }
        return new DomainException(AuctionError.AUCTION_LISTING_TOO_SHORT, period.plain(), unitZh(period), period.article(),
                earliest(period, biddingStart, rules).toString(), Limit.beijingDate(freeEnd).toString());
    }

    /**
     * 39号令 Art. 11: applications close at least APPLICATION_CLOSE before the listing's end; before the auction's or
     * network bidding's start otherwise (the qualified bidders are known when bidding starts).
     */
    private DomainException applicationClose(ProcedureRules rules) {
        Instant reference = format == AuctionFormat.LISTING ? freeEnd : biddingStart;
        Limit period = rules.find(RuleKeys.APPLICATION_CLOSE).orElse(Limit.of(0, LimitUnit.DAY, ""));
        if (!applicationClose.isAfter(reference) && period.atLeast(applicationClose, reference, rules.calendar())) {
            return null;
        }
        return new DomainException(AuctionError.AUCTION_APPLICATION_CLOSE_TOO_LATE, period.plain(), unitZh(period),
                period.article(), applicationClose.toString(), reference.toString());
    }

    /** 国土资发〔2010〕34号: the deposit at least DEPOSIT_MIN of the start price. */
    private DomainException deposit(ProcedureRules rules) {
        Limit min = rules.find(RuleKeys.DEPOSIT_MIN).orElse(null);
        if (min == null) {
            return null;
        }
        long needed = BigDecimal.valueOf(startPrice).multiply(min.amount()).divide(BigDecimal.valueOf(100), 0,
                java.math.RoundingMode.CEILING).longValueExact();
        if (deposit >= needed) {
            return null;
        }
        return new DomainException(AuctionError.AUCTION_DEPOSIT_TOO_LOW, yuan(deposit), min.plain(), yuan(needed), min.article());
    }

    /**
     * 32号令 Art. 17: the first formal disclosure's price at least the appraisal; Art. 18: a re-disclosure lower than the
     * earlier price, and below APPRAISAL_APPROVAL_BELOW of the appraisal only with a recorded written approval.
     */
    private DomainException appraisal(ProcedureRules rules) {
        boolean atLeastAppraisal = rules.holds(RuleKeys.START_AT_LEAST_APPRAISAL);
        if (!atLeastAppraisal && previous == null) {
            return null;
        }
        if (appraisal == null) {
            return atLeastAppraisal ? new DomainException(AuctionError.INVALID_AUCTION_TERMS, "appraisal") : null;
        }
        if (previous == null) {
            if (startPrice < appraisal) {
                return new DomainException(AuctionError.AUCTION_START_BELOW_APPRAISAL, yuan(startPrice), yuan(appraisal),
                        rules.find(RuleKeys.START_AT_LEAST_APPRAISAL).map(Limit::article).orElse(""));
            }
            return null;
        }
        if (startPrice >= previous.startPrice()) {
            return new DomainException(AuctionError.INVALID_AUCTION_TERMS, "startPrice");
        }
        Limit share = rules.find(RuleKeys.APPRAISAL_APPROVAL_BELOW).orElse(null);
        if (share == null || approval != null) {
            return null;
        }
        long threshold = BigDecimal.valueOf(appraisal).multiply(share.amount()).divide(BigDecimal.valueOf(100), 0,
                java.math.RoundingMode.CEILING).longValueExact();
        if (startPrice < threshold) {
            return new DomainException(AuctionError.AUCTION_APPROVAL_REQUIRED, yuan(startPrice), share.plain(), yuan(threshold),
                    share.article());
        }
        return null;
    }

    /** 32号令 Art. 19: more than RELIST_AFTER since the first disclosure without a buyer → audit, appraisal and disclosure anew. */
    private DomainException relist(Instant publishAt, ProcedureRules rules) {
        Limit after = rules.find(RuleKeys.RELIST_AFTER).orElse(null);
        if (previous == null || after == null || previous.firstPublishedAt() == null) {
            return null;
        }
        Instant due = after.endAfter(previous.firstPublishedAt(), rules.calendar());
        if (publishAt.isAfter(due)) {
            return new DomainException(AuctionError.AUCTION_RELIST_REQUIRED, after.plain(), after.article(),
                    Limit.beijingDate(previous.firstPublishedAt()).toString());
        }
        return null;
    }

    /** The first Beijing date on which a period of {@code limit} from {@code start} is satisfied. */
    private static LocalDate earliest(Limit limit, Instant start, ProcedureRules rules) {
        return limit.unit() == LimitUnit.WORKING_DAY ? limit.lastDay(start, rules.calendar())
                : Limit.beijingDate(limit.endAfter(start, rules.calendar()));
    }

    private static String unitZh(Limit limit) {
        return switch (limit.unit()) {
            case WORKING_DAY -> "个工作日";
            case MONTH -> "个月";
            case HOUR -> "小时";
            case MINUTE -> "分钟";
            default -> "日";
        };
    }

    /** Fen as yuan text, 1234500 → 12345.00. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }
}
