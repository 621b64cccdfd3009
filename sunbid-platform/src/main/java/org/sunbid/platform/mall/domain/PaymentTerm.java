package org.sunbid.platform.mall.domain;

import java.time.LocalDate;

/**
 * When a government buyer must pay (保障中小企业款项支付条例, revised, in force 2025-06-01, domain-2 §4.9 [F:S8]):
 * within 30 days of acceptance (验收) unless the contract says otherwise, and a contract may never say more than 60
 * days. Days are calendar days (日); the day of acceptance is not counted (87号令 Art. 85 counting, domain-2 §0).
 * ⚠ Whether a due day falling on a holiday moves is not settled for this regulation; it does not move here.
 * The regulation protects small and medium enterprises; the mall applies it to every supplier (the stricter reading).
 */
public final class PaymentTerm {

    /** Days after acceptance when the contract says nothing. */
    public static final int DEFAULT_DAYS = 30;
    /** The longest a contract may agree. */
    public static final int MAX_DAYS = 60;

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

    /** Whether an unpaid order due on {@code due} is overdue on {@code today}: the due day itself is still in time. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }
}
