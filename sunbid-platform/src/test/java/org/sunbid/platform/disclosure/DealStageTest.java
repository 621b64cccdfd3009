package org.sunbid.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.payments.DepositStatus;
import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.RefundReason;
import org.sunbid.platform.payments.RefundStatus;
import org.sunbid.platform.tendering.TenderStatus;

/** The one rule for a deal's status and a registration's: later parts of the procedure win over earlier ones. */
class DealStageTest {

    @Test
    void theLaterPartOfTheProcedureDecides() {
        assertThat(DealStage.of(TenderStatus.DRAFT, false, null, null)).isEqualTo(DealStage.DRAFT);
        assertThat(DealStage.of(TenderStatus.PUBLISHED, false, null, null)).isEqualTo(DealStage.PUBLISHED);
        // The deadline alone closes bidding, before the closing job has run.
        assertThat(DealStage.of(TenderStatus.PUBLISHED, true, null, null)).isEqualTo(DealStage.BIDDING_CLOSED);
        assertThat(DealStage.of(TenderStatus.SUSPENDED, true, null, null)).isEqualTo(DealStage.SUSPENDED);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "AWAITING_SHARES", null)).isEqualTo(DealStage.BIDDING_CLOSED);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "FAILED_TOO_FEW_BIDS", null)).isEqualTo(DealStage.FAILED);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "OPENED", null)).isEqualTo(DealStage.OPENED);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "OPENED", Stage.SCORING)).isEqualTo(DealStage.EVALUATING);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "OPENED", Stage.PUBLICITY)).isEqualTo(DealStage.PUBLICITY);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "OPENED", Stage.CONTRACTED)).isEqualTo(DealStage.CONTRACTED);
        assertThat(DealStage.of(TenderStatus.BIDDING_CLOSED, true, "OPENED", Stage.FAILED)).isEqualTo(DealStage.FAILED);
        assertThat(DealStage.of(TenderStatus.TERMINATED, true, "OPENED", Stage.SCORING)).isEqualTo(DealStage.TERMINATED);
    }

    @Test
    void onlyAnOpenDealAcceptsBidsAndOnlyAClosedOneAwaitsKeys() {
        for (DealStage stage : DealStage.values()) {
            assertThat(stage.acceptsBids()).as(stage.name()).isEqualTo(stage == DealStage.PUBLISHED);
            assertThat(stage.awaitsKeyShares()).as(stage.name()).isEqualTo(stage == DealStage.BIDDING_CLOSED);
        }
    }

    private static DepositView deposit(DepositStatus status, List<RefundStatus> refunds) {
        return deposit(status, refunds, RefundReason.NOT_AWARDED);
    }

    private static DepositView deposit(DepositStatus status, List<RefundStatus> refunds, RefundReason reason) {
        Money amount = new Money(new BigDecimal("10000.00"));
        return new DepositView(UUID.randomUUID(), UUID.randomUUID(), "示范公司", "沙箱银行", "1", amount, status, Instant.EPOCH,
                List.of(), null, refunds.stream().map(r -> new DepositView.Refund(UUID.randomUUID(), amount, amount, "1",
                        reason, r, Instant.EPOCH, null, false, new Money(BigDecimal.ZERO), null)).toList(), false);
    }

    @Test
    void aRefundWinsOverPaid() {
        assertThat(RegistrationStage.of(deposit(DepositStatus.AWAITING, List.of()))).isEqualTo(RegistrationStage.AWAITING_DEPOSIT);
        assertThat(RegistrationStage.of(deposit(DepositStatus.PAID, List.of()))).isEqualTo(RegistrationStage.DEPOSIT_PAID);
        assertThat(RegistrationStage.of(deposit(DepositStatus.PAID, List.of(RefundStatus.SUBMITTED)))).isEqualTo(RegistrationStage.REFUNDING);
        assertThat(RegistrationStage.of(deposit(DepositStatus.PAID, List.of(RefundStatus.COMPLETED)))).isEqualTo(RegistrationStage.REFUNDED);
        assertThat(RegistrationStage.of(deposit(DepositStatus.PAID, List.of(RefundStatus.COMPLETED, RefundStatus.FAILED))))
                .isEqualTo(RegistrationStage.REFUND_FAILED);
        // A payment from the wrong account went back; the deposit itself is still paid.
        assertThat(RegistrationStage.of(deposit(DepositStatus.PAID, List.of(RefundStatus.COMPLETED), RefundReason.NOT_BASIC_ACCOUNT)))
                .isEqualTo(RegistrationStage.DEPOSIT_PAID);
    }
}
