package org.sunbid.platform.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * A bidder's deposit for one tender: where to pay, how much, and what happened. Shown to the bidder itself, and to the
 * tender's owners and staff once bidding has closed.
 *
 * @param sharedPayerAccount whether a payer account of this deposit also paid another bidder's deposit in the same
 *                           tender (Reg. 40(6): deemed collusion); only computed for owners and staff after closing
 */
public record DepositView(UUID tenderId, UUID bidderId, String bidderName, String bankName, String subAccount,
        Money amount, DepositStatus status, Instant dueBefore, List<Payment> payments, Guarantee guarantee,
        List<Refund> refunds, boolean sharedPayerAccount) {

    /** A credit the bank notified, and what became of it. */
    public record Payment(String bankTxnId, Money amount, String payerName, String payerAccount, Instant bookedAt,
            PaymentOutcome outcome) {
    }

    /**
     * An accepted electronic guarantee.
     *
     * @param coversBidValidity whether it still lasts through the bid validity period counted from the current deadline
     *                          (false once the deadline moved beyond what it covers: the bidder must bring a new one)
     */
    public record Guarantee(String guaranteeNo, String issuer, Money amount, Instant validUntil, String documentSm3,
            boolean coversBidValidity) {
    }

    /**
     * A refund instruction and where it stands.
     *
     * @param lateCharge the charge for a refund made (or still not made) after it fell due, up to its completion or now
     *                   (87号令 Art. 38: the benchmark loan rate raised by 20%); zero in time or where the procedure has
     *                   no such charge (construction, Reg. 57)
     * @param rule       the article that set the due time
     */
    public record Refund(UUID id, Money amount, Money interest, String payeeAccount, RefundReason reason, RefundStatus status,
            Instant dueAt, Instant completedAt, boolean overdue, Money lateCharge, String rule) {
    }
}
