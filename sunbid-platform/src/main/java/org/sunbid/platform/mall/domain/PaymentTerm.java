package org.sunbid.platform.mall.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a government buyer must pay (保障中小企业款项支付条例, 国务院令第802号 revision, in force 2025-06-01; text read in
 * Theonefkguy/Chinese-Laws, 行政法规/保障中小企业款项支付条例(2025-03-17).md, quoted in STATUS-R.md):
 * <ul>
 * <li>Art. 9: 机关、事业单位 pay "自货物、工程、服务交付之日起30日内"; a contract may agree otherwise, "但付款期限最长不得超过60日".</li>
 * <li>Art. 10: where the contract makes passing the inspection or acceptance (检验或者验收合格) the condition of payment,
 * "付款期限应当自检验或者验收合格之日起算" — the mall's case: payment falls due from the recorded acceptance (验收).
 * ⚠ Art. 10 also says a buyer who delays acceptance starts the term at the end of the agreed acceptance period; the
 * mall has no agreed acceptance period yet, so a delayed acceptance is not caught here.</li>
 * <li>Art. 17: late payment bears interest; with no agreed rate "按照每日利率万分之五支付逾期利息" ({@link #lateInterest}).
 * An agreed rate may not be below the 1-year LPR at signature; the mall stores none, so the statutory rate applies.</li>
 * </ul>
 * Days are calendar days (日); the day of acceptance is not counted (87号令 Art. 85 counting, domain-2 §0).
 * ⚠ Whether a due day falling on a holiday moves is not settled for this regulation; it does not move here.
 * The regulation protects small and medium enterprises; the mall applies it to every supplier (the stricter reading).
 */
public final class PaymentTerm {

    /** Days after acceptance when the contract says nothing. */
    public static final int DEFAULT_DAYS = 30;
    /** The longest a contract may agree. */
    public static final int MAX_DAYS = 60;
    /** Art. 17: the daily late-payment interest rate when none was agreed, 万分之五. */
    public static final BigDecimal DAILY_LATE_RATE = new BigDecimal("0.0005");

    private PaymentTerm() {
    }

    /** Whether a contract may agree {@code days}. */
    public static boolean valid(int days) {
        return days >= 1 && days <= MAX_DAYS;
    }

    /** The last day to pay after acceptance on {@code accepted}. */
    public static LocalDate due(LocalDate accepted, int days) {
        if (!valid(days)) {
            throw new IllegalArgumentException("1 to " + MAX_DAYS + " days");
        }
        return accepted.plusDays(days);
    }

    /**
     * The interest owed (Art. 17, no agreed rate) on {@code amount} paid on {@code paid} for a payment due on
     * {@code due}: 0.05 % a day for each day after the due day, in yuan to the fen (half up); zero when in time.
     */
    public static BigDecimal lateInterest(BigDecimal amount, LocalDate due, LocalDate paid) {
        if (due == null || !paid.isAfter(due)) {
            return BigDecimal.ZERO.setScale(2);
        }
        long days = ChronoUnit.DAYS.between(due, paid);
        return amount.multiply(DAILY_LATE_RATE).multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether an unpaid order due on {@code due} is overdue on {@code today}: the due day itself is still in time. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }
}
