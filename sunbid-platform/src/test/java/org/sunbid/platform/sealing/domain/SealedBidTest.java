package org.sunbid.platform.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.ErrorCode;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.sealing.SealingError;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderingError;

/** The rules of bid submission, each test named after the article it enforces. No Spring, no database. */
class SealedBidTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");
    static final Instant DEADLINE = NOW.plus(Duration.ofDays(20));
    static final UUID TENDER = UUID.randomUUID();
    static final UUID BIDDER = UUID.randomUUID();
    static final SealedBid.Bidder ELIGIBLE = new SealedBid.Bidder(BIDDER, true, true);
    static final int MAX = 10;

    static DepositTerms terms(TenderStatus status) {
        return new DepositTerms(TENDER, "YZ-2026-001", "云州市第一中学教学楼新建工程", "990100", UUID.randomUUID(),
                Money.yuan("200000"), DEADLINE, 90, status);
    }

    static final DepositTerms OPEN = terms(TenderStatus.PUBLISHED);

    static SealedBid none() {
        return SealedBid.restore(TENDER, BIDDER, List.of());
    }

    private static ErrorCode code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    private static String sm3(int n) {
        return String.format("%064x", n);
    }

    @Test
    void aFirstEnvelopeIsReceivedAndLive() {
        SealedBid bid = none();
        SealedBid.Envelope e = bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        assertThat(e.status()).isEqualTo(EnvelopeStatus.VALID);
        assertThat(bid.live()).contains(e);
        assertThat(bid.received()).contains(e);
        assertThat(bid.changes()).isEmpty();
    }

    @Test
    void law28_anEnvelopeAtDeadlineMinusOneMillisecondIsIn() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, DEADLINE.minusMillis(1), MAX);
        assertThat(bid.live()).isPresent();
    }

    @Test
    void law28_anEnvelopeAtTheDeadlineIsOutAndChangesNothing() {
        SealedBid bid = none();
        assertThat(code(() -> bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, DEADLINE, MAX)))
                .isEqualTo(SealingError.BIDDING_CLOSED);
        assertThat(code(() -> bid.checkAcceptable(OPEN, ELIGIBLE, DEADLINE.plusSeconds(1), MAX)))
                .isEqualTo(SealingError.BIDDING_CLOSED);
        assertThat(bid.envelopes()).isEmpty();
        assertThat(bid.received()).isEmpty();
    }

    @Test
    void reg22_noBidWhileTheTenderIsSuspended() {
        SealedBid bid = none();
        assertThat(code(() -> bid.receive(UUID.randomUUID(), sm3(1), terms(TenderStatus.SUSPENDED), ELIGIBLE, NOW, MAX)))
                .isEqualTo(SealingError.BIDDING_SUSPENDED);
        assertThat(bid.envelopes()).isEmpty();
    }

    @Test
    void reg22_noWithdrawalWhileTheTenderIsSuspended() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        assertThat(code(() -> bid.withdraw(sm3(1), terms(TenderStatus.SUSPENDED), NOW.plusSeconds(1))))
                .isEqualTo(SealingError.BIDDING_SUSPENDED);
        assertThat(bid.live()).isPresent();
    }

    @Test
    void aSuspendedTenderWhoseDeadlinePassedIsClosedNotSuspended() {
        assertThat(code(() -> none().checkAcceptable(terms(TenderStatus.SUSPENDED), ELIGIBLE, DEADLINE, MAX)))
                .isEqualTo(SealingError.BIDDING_CLOSED);
    }

    @Test
    void law28_noBidOnceBiddingClosed() {
        assertThat(code(() -> none().checkAcceptable(terms(TenderStatus.BIDDING_CLOSED), ELIGIBLE, NOW, MAX)))
                .isEqualTo(SealingError.BIDDING_CLOSED);
    }

    @Test
    void onlyARegisteredBidderMayBid() {
        assertThat(code(() -> none().receive(UUID.randomUUID(), sm3(1), OPEN, new SealedBid.Bidder(BIDDER, false, true), NOW, MAX)))
                .isEqualTo(TenderingError.NOT_REGISTERED);
        assertThat(code(() -> none().checkAcceptable(OPEN, new SealedBid.Bidder(UUID.randomUUID(), true, true), NOW, MAX)))
                .isEqualTo(TenderingError.NOT_REGISTERED); // another bidder's bid
    }

    @Test
    void reg26_onlyABidderWithASettledDepositMayBid() {
        SealedBid bid = none();
        assertThat(code(() -> bid.receive(UUID.randomUUID(), sm3(1), OPEN, new SealedBid.Bidder(BIDDER, true, false), NOW, MAX)))
                .isEqualTo(SealingError.DEPOSIT_NOT_SETTLED);
        assertThat(bid.envelopes()).isEmpty();
    }

    @Test
    void aNewerEnvelopeReplacesTheLiveOneAndTheLastCounts() {
        SealedBid bid = none();
        SealedBid.Envelope first = bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        SealedBid stored = SealedBid.restore(TENDER, BIDDER, bid.envelopes());
        SealedBid.Envelope second = stored.receive(UUID.randomUUID(), sm3(2), OPEN, ELIGIBLE, NOW.plusSeconds(60), MAX);
        assertThat(stored.live()).contains(second);
        assertThat(stored.changes()).containsExactly(
                new SealedBid.StatusChange(first.id(), EnvelopeStatus.REPLACED, NOW.plusSeconds(60)));
        assertThat(stored.envelopes()).extracting(SealedBid.Envelope::status)
                .containsExactly(EnvelopeStatus.REPLACED, EnvelopeStatus.VALID);
        assertThat(stored.envelopes().stream().filter(SealedBid.Envelope::live)).hasSize(1); // one live bid per bidder
    }

    @Test
    void theSameEnvelopeIsNeverReceivedTwice() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        assertThat(code(() -> bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW.plusSeconds(1), MAX)))
                .isEqualTo(SealingError.ENVELOPE_ALREADY_RECEIVED);
        assertThat(bid.envelopes()).hasSize(1);
        assertThat(bid.changes()).isEmpty();
    }

    @Test
    void theFirstBidAndAtMostMaxReplacementsThenRefusedAndNothingChanges() {
        SealedBid bid = none();
        for (int i = 0; i <= MAX; i++) { // the bid and ten replacements
            bid.receive(UUID.randomUUID(), sm3(i), OPEN, ELIGIBLE, NOW.plusSeconds(i), MAX);
        }
        List<SealedBid.Envelope> before = bid.envelopes();
        assertThat(code(() -> bid.checkAcceptable(OPEN, ELIGIBLE, NOW.plusSeconds(100), MAX)))
                .isEqualTo(SealingError.BID_REPLACEMENTS_EXHAUSTED);
        assertThat(code(() -> bid.receive(UUID.randomUUID(), sm3(99), OPEN, ELIGIBLE, NOW.plusSeconds(100), MAX)))
                .isEqualTo(SealingError.BID_REPLACEMENTS_EXHAUSTED);
        assertThat(bid.envelopes()).isEqualTo(before);
    }

    @Test
    void withdrawnEnvelopesCountTowardsTheReplacements() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, 1);
        bid.withdraw(sm3(1), OPEN, NOW.plusSeconds(1));
        bid.receive(UUID.randomUUID(), sm3(2), OPEN, ELIGIBLE, NOW.plusSeconds(2), 1);
        assertThat(code(() -> bid.checkAcceptable(OPEN, ELIGIBLE, NOW.plusSeconds(3), 1)))
                .isEqualTo(SealingError.BID_REPLACEMENTS_EXHAUSTED);
    }

    @Test
    void law29_theLiveEnvelopeIsWithdrawnBeforeTheDeadline() {
        SealedBid bid = none();
        SealedBid.Envelope e = bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        SealedBid stored = SealedBid.restore(TENDER, BIDDER, bid.envelopes());
        SealedBid.Envelope withdrawn = stored.withdraw(sm3(1), OPEN, DEADLINE.minusMillis(1));
        assertThat(withdrawn.status()).isEqualTo(EnvelopeStatus.WITHDRAWN);
        assertThat(stored.live()).isEmpty();
        assertThat(stored.changes()).containsExactly(
                new SealedBid.StatusChange(e.id(), EnvelopeStatus.WITHDRAWN, DEADLINE.minusMillis(1)));
        // withdrawn is final: nothing left to withdraw
        assertThat(code(() -> stored.withdraw(sm3(1), OPEN, DEADLINE.minusMillis(1)))).isEqualTo(SealingError.BID_NOT_FOUND);
    }

    @Test
    void law29_noWithdrawalAtTheDeadline() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        assertThat(code(() -> bid.withdraw(sm3(1), OPEN, DEADLINE))).isEqualTo(SealingError.BIDDING_CLOSED);
        assertThat(bid.live()).isPresent();
    }

    @Test
    void aStatementSignedForAReplacedEnvelopeWithdrawsNothing() {
        SealedBid bid = none();
        bid.receive(UUID.randomUUID(), sm3(1), OPEN, ELIGIBLE, NOW, MAX);
        bid.receive(UUID.randomUUID(), sm3(2), OPEN, ELIGIBLE, NOW.plusSeconds(1), MAX);
        assertThat(code(() -> bid.withdraw(sm3(1), OPEN, NOW.plusSeconds(2)))).isEqualTo(SealingError.WITHDRAWAL_INVALID);
        assertThat(bid.live().orElseThrow().sm3()).isEqualTo(sm3(2));
    }

    @Test
    void withoutABidThereIsNothingToWithdraw() {
        assertThat(code(() -> none().withdraw(sm3(1), OPEN, NOW))).isEqualTo(SealingError.BID_NOT_FOUND);
    }

    @Test
    void aStoredBidWithTwoLiveEnvelopesIsNotRestored() {
        SealedBid.Envelope a = new SealedBid.Envelope(UUID.randomUUID(), sm3(1), NOW, EnvelopeStatus.VALID, NOW);
        SealedBid.Envelope b = new SealedBid.Envelope(UUID.randomUUID(), sm3(2), NOW, EnvelopeStatus.VALID, NOW);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedBid.restore(TENDER, BIDDER, List.of(a, b)))
                .isInstanceOf(IllegalStateException.class);
    }
}
