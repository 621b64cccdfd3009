package org.sunbid.platform.evaluation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.sunbid.platform.payments.DepositInterest;

/**
 * The time limits after a government procurement award (政府采购公开招标, 财政部令第87号 and 政府采购法), each counted
 * with the caller's {@link WorkingDayCalendar}; the start day is never counted and "内" includes the last day. Dated
 * data: the caller passes the version in force at the date of the award. Current values:
 * <ul>
 *   <li>{@code noticeWorkingDays} <b>2</b>: the result notice (中标结果公告) within 2 working days of the award, the
 *       award notice (中标通知书) sent with it — 87号令 Art. 69;</li>
 *   <li>{@code noticePeriodWorkingDays} <b>1</b>: the result notice runs 1 working day — 87号令 Art. 69;</li>
 *   <li>{@code contractDays} <b>30</b> (calendar days): the contract within 30 days of the award notice — 政府采购法
 *       Art. 46; a last day that is not a working day moves to the next working day (民法典 Art. 203);</li>
 *   <li>{@code contractPublicationWorkingDays} <b>2</b>: the contract published within 2 working days of signing —
 *       政府采购法实施条例 Art. 50;</li>
 *   <li>{@code refundWorkingDays} <b>5</b>: deposits refunded within 5 working days of the award notice (losing
 *       suppliers) or of the contract (the winner) — 87号令 Art. 38;</li>
 *   <li>{@code lateRefundMarkup} <b>0.20</b>: a late refund carries a charge at the People's Bank benchmark loan rate
 *       for the period raised by 20% (同期贷款基准利率上浮20%) — 87号令 Art. 38.</li>
 * </ul>
 */
public record ResultRules(int noticeWorkingDays, int noticePeriodWorkingDays, int contractDays, int contractPublicationWorkingDays,
        int refundWorkingDays, BigDecimal lateRefundMarkup) {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public ResultRules {
        if (noticeWorkingDays < 0 || noticePeriodWorkingDays < 1 || contractDays < 1 || contractPublicationWorkingDays < 0
                || refundWorkingDays < 0 || lateRefundMarkup == null || lateRefundMarkup.signum() < 0) {
            throw new IllegalArgumentException("87号令 Art. 38/69, 法 Art. 46, 条例 Art. 50: time limits and markup not negative");
        }
    }

    /** 87号令 Art. 69: the last day to publish the result notice, for an award decided on {@code awarded}. */
    public LocalDate noticeDue(LocalDate awarded, WorkingDayCalendar days) {
        return days.plusWorkingDays(awarded, noticeWorkingDays);
    }

    /** 87号令 Art. 69: the last day of the notice period of a result notice published on {@code published}. */
    public LocalDate noticePeriodEnds(LocalDate published, WorkingDayCalendar days) {
        return days.plusWorkingDays(published, noticePeriodWorkingDays);
    }

    /**
     * 政府采购法 Art. 46: the last day to sign the contract, for an award notice sent on {@code noticeSent} — calendar
     * days, a last day that is not a working day moving to the next working day (民法典 Art. 203).
     */
    public LocalDate contractDue(LocalDate noticeSent, WorkingDayCalendar days) {
        LocalDate last = noticeSent.plusDays(contractDays);
        while (!days.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** 条例 Art. 50: the last day to publish a contract signed on {@code signed}. */
    public LocalDate contractPublicationDue(LocalDate signed, WorkingDayCalendar days) {
        return days.plusWorkingDays(signed, contractPublicationWorkingDays);
    }

    /**
     * 87号令 Art. 38: the last day to refund a deposit — counted from the award notice for a losing supplier, from the
     * contract for the winner (whose {@code contractSigned} must then be known).
     */
    public LocalDate refundDue(boolean winner, LocalDate noticeSent, LocalDate contractSigned, WorkingDayCalendar days) {
        LocalDate from = winner ? contractSigned : noticeSent;
        if (from == null) {
            throw new IllegalArgumentException(winner ? "the winner's refund runs from the contract" : "the award notice date");
        }
        return days.plusWorkingDays(from, refundWorkingDays);
    }

    /**
     * 87号令 Art. 38: the charge on a refund made after {@code due} (超期资金占用费): the benchmark loan rate raised by
     * the markup, simple interest over the calendar days after the due day up to the refund (Beijing time), on a
     * 360-day year, to the fen — {@link DepositInterest}'s arithmetic. Zero when refunded by the due day.
     *
     * @param benchmarkLoanRate the annual benchmark loan rate for the period (e.g. 0.0435); ⚠ since the 2019 LPR reform
     *                          the People's Bank publishes no new benchmark rate — which rate stands in is the caller's
     */
    public BigDecimal lateRefundCharge(BigDecimal amount, BigDecimal benchmarkLoanRate, LocalDate due, Instant refunded) {
        BigDecimal rate = benchmarkLoanRate.multiply(BigDecimal.ONE.add(lateRefundMarkup));
        return DepositInterest.of(amount, rate, due.atStartOfDay(BEIJING).toInstant(), refunded);
    }

    /**
     * What one supplier is told of the result.
     *
     * @param rank     its own rank, if its bid was ranked
     * @param score    its own score, if ranked under comprehensive scoring
     * @param failures why its bid failed the qualification or compliance review, if it did: each item with the
     *                 panel's reasons
     */
    public record OwnResult(String bidderId, Optional<Integer> rank, Optional<BigDecimal> score, List<Qualification.Failed> failures) {
        public OwnResult {
            failures = List.copyOf(failures);
        }
    }

    /**
     * 87号令 Art. 69: what {@code supplier} may see besides the public notice — its own rank and (综合评分法) its own
     * score, or, when its bid failed the review, the reasons; nothing of any other supplier's (the winner and the
     * winning price are in the public notice). Empty for a supplier with no bid in either.
     *
     * @param scored whether the ranking is by score (综合评分法); under 最低评标价法 only the rank is told
     * @param review the qualification and compliance review's results
     */
    public static Optional<OwnResult> visibleTo(String supplier, List<Ranking.Ranked> ranking, boolean scored,
            List<Qualification.Result> review) {
        Optional<OwnResult> ranked = ranking.stream().filter(r -> r.bidderId().equals(supplier)).findFirst()
                .map(r -> new OwnResult(r.bidderId(), Optional.of(r.rank()), scored ? Optional.of(r.score()) : Optional.empty(), List.of()));
        if (ranked.isPresent()) {
            return ranked;
        }
        return review.stream().filter(r -> r.bidderId().equals(supplier) && !r.passed()).findFirst()
                .map(r -> new OwnResult(supplier, Optional.empty(), Optional.empty(), r.failed()));
    }
}
