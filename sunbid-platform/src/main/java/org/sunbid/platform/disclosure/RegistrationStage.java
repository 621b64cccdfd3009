package org.sunbid.platform.disclosure;

import java.util.List;

import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.RefundReason;
import org.sunbid.platform.payments.RefundStatus;

/**
 * A registration's one status as its bidder sees it (报名状态), the same in the list and on the tender page: the
 * deposit's, with its return (Reg. 57) taking precedence once instructed.
 */
public enum RegistrationStage {
    /** 已报名，待缴保证金. */
    AWAITING_DEPOSIT,
    /** 保证金已缴纳. */
    DEPOSIT_PAID,
    /** 电子保函. */
    GUARANTEED,
    /** 无需保证金. */
    NOT_REQUIRED,
    /** 保证金退还中. */
    REFUNDING,
    /** 保证金已退还. */
    REFUNDED,
    /** 退款失败. */
    REFUND_FAILED;

    /** The registration's stage from its deposit (null: registered, no deposit account). */
    public static RegistrationStage of(DepositView deposit) {
        if (deposit == null) {
            return AWAITING_DEPOSIT;
        }
        // Only the deposit's own return counts (Reg. 57); money sent back for a wrong, late or duplicate payment is not it.
        List<DepositView.Refund> refunds = (deposit.refunds() == null ? List.<DepositView.Refund>of() : deposit.refunds()).stream()
                .filter(r -> r.reason() == RefundReason.NOT_AWARDED || r.reason() == RefundReason.AWARDED_CONTRACT_SIGNED).toList();
        if (!refunds.isEmpty()) {
            if (refunds.stream().anyMatch(r -> r.status() == RefundStatus.FAILED)) {
                return REFUND_FAILED;
            }
            return refunds.stream().allMatch(r -> r.status() == RefundStatus.COMPLETED) ? REFUNDED : REFUNDING;
        }
        return switch (deposit.status()) {
            case AWAITING -> AWAITING_DEPOSIT;
            case PAID -> DEPOSIT_PAID;
            case GUARANTEED -> GUARANTEED;
            case NOT_REQUIRED -> NOT_REQUIRED;
        };
    }

    /** The tag's colour class. */
    public String tone() {
        return switch (this) {
            case AWAITING_DEPOSIT, REFUNDING -> "";
            case REFUND_FAILED -> "tag-bad";
            default -> "tag-ok";
        };
    }
}
