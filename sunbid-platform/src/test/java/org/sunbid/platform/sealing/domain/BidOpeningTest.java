package org.sunbid.platform.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.ErrorCode;
import org.sunbid.platform.sealing.SealingError;

/** The opening's state machine, each rule named after the article it enforces. No Spring, no database. */
class BidOpeningTest {

    static final Instant CLOSED = Instant.parse("2026-12-14T01:30:00Z");
    static final Duration WINDOW = Duration.ofHours(2);
    static final UUID TENDER = UUID.randomUUID();

    private static ErrorCode code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    static BidOpening awaiting() {
        BidOpening o = BidOpening.close(TENDER, 4, 2, CLOSED);
        assertThat(o.status()).isEqualTo(OpeningStatus.AWAITING_SHARES);
        return o;
    }

    static BidOpening opened() {
        BidOpening o = awaiting();
        o.release(1, "share-1", CLOSED.plusSeconds(60), "centre");
        o.release(2, "share-2", CLOSED.plusSeconds(120), "supervisor");
        o.startOpening();
        o.open(CLOSED.plusSeconds(121), "{\"record\":1}", "sig");
        return o;
    }

    @Test
    void issue21_withTheThresholdInTheOpeningIsOpeningOnceAcceptsNoMoreSharesAndIsNotFinalUntilTheRecord() {
        BidOpening o = awaiting();
        o.release(1, "share-1", CLOSED.plusSeconds(60), "centre");
        assertThat(code(o::startOpening)).isEqualTo(SealingError.OPENING_NOT_READY); // one share is not the threshold
        o.release(2, "share-2", CLOSED.plusSeconds(120), "supervisor");
        o.startOpening();
        assertThat(o.status()).isEqualTo(OpeningStatus.OPENING);
        assertThat(o.status().isFinal()).isFalse();
        assertThat(o.openingStarted()).isTrue();
        assertThat(o.releasedShares()).hasSize(2); // kept until the record is written: a restart resumes from them
        assertThat(code(o::startOpening)).isEqualTo(SealingError.OPENING_NOT_READY); // a second trigger does nothing
        assertThat(code(() -> o.release(3, "share-3", CLOSED.plusSeconds(130), "tenderee"))).isEqualTo(SealingError.OPENING_NOT_READY);
        // A stored OPENING opening (after a restart) is completed once.
        BidOpening stored = BidOpening.restore(TENDER, OpeningStatus.OPENING, 4, 2, CLOSED, null, null, null, List.of(1, 2),
                Map.of(1, "share-1", 2, "share-2"), List.of());
        stored.open(CLOSED.plusSeconds(200), "{}", "sig");
        assertThat(stored.status()).isEqualTo(OpeningStatus.OPENED);
        assertThat(stored.recordWritten()).isTrue();
        assertThat(code(() -> stored.open(CLOSED.plusSeconds(201), "{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
    }

    @Test
    void law28_withFewerThanThreeValidEnvelopesTheOpeningFailsAtOnce() {
        BidOpening o = BidOpening.close(TENDER, 2, 2, CLOSED);
        assertThat(o.status()).isEqualTo(OpeningStatus.FAILED_TOO_FEW_BIDS);
        assertThat(o.openedAt()).isEqualTo(CLOSED);
        assertThat(code(o::checkAcceptsShares)).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(code(() -> o.release(1, "share-1", CLOSED.plusSeconds(1), "centre"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(o.newReleases()).isEmpty();
    }

    @Test
    void gpl_art31_aSingleSourceLotOpensWithOneResponseWhereItsRulesSayOne() {
        assertThat(BidOpening.close(TENDER, 1, 1, 2, CLOSED).status()).isEqualTo(OpeningStatus.AWAITING_SHARES);
        assertThat(BidOpening.close(TENDER, 0, 1, 2, CLOSED).status()).isEqualTo(OpeningStatus.FAILED_TOO_FEW_BIDS);
        assertThat(BidOpening.close(TENDER, 2, 3, 2, CLOSED).status()).isEqualTo(OpeningStatus.FAILED_TOO_FEW_BIDS);
    }

    @Test
    void law28_threeValidEnvelopesAwaitTheShares() {
        assertThat(BidOpening.close(TENDER, 3, 2, CLOSED).status()).isEqualTo(OpeningStatus.AWAITING_SHARES);
        assertThat(BidOpening.close(TENDER, 0, 2, CLOSED).status()).isEqualTo(OpeningStatus.FAILED_TOO_FEW_BIDS);
    }

    @Test
    void law28_theFailureRecordIsWrittenOnce() {
        BidOpening o = BidOpening.close(TENDER, 1, 2, CLOSED);
        o.recordFailure("{\"result\":\"FAILED_TOO_FEW_BIDS\"}", "sig");
        assertThat(o.recordWritten()).isTrue();
        assertThat(code(() -> o.recordFailure("{}", "other"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(o.record()).contains("FAILED_TOO_FEW_BIDS");
        assertThat(code(() -> awaiting().recordFailure("{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
    }

    @Test
    void sharesAreCountedUntilTheThresholdIsReached() {
        BidOpening o = awaiting();
        assertThat(o.release(1, "share-1", CLOSED.plusSeconds(1), "centre")).isTrue();
        assertThat(o.thresholdReached()).isFalse();
        assertThat(o.release(2, "share-2", CLOSED.plusSeconds(2), "supervisor")).isTrue();
        assertThat(o.thresholdReached()).isTrue();
        assertThat(o.released()).containsExactly(1, 2);
        assertThat(o.newReleases()).extracting(ShareReleases.Release::shareIndex).containsExactly(1, 2);
    }

    @Test
    void theSameShareAgainChangesNothingAndADifferentOneIsRefused() {
        BidOpening o = awaiting();
        o.release(1, "share-1", CLOSED.plusSeconds(1), "centre");
        assertThat(o.release(1, "share-1", CLOSED.plusSeconds(2), "centre")).isFalse();
        assertThat(code(() -> o.release(1, "another", CLOSED.plusSeconds(3), "centre"))).isEqualTo(SealingError.SHARE_ALREADY_RELEASED);
        assertThat(o.newReleases()).hasSize(1);
        assertThat(o.releasedShares()).containsExactly("share-1");
    }

    @Test
    void theRecordIsCompletedOnceAndTheSharesAreNotKept() {
        BidOpening o = opened();
        assertThat(o.status()).isEqualTo(OpeningStatus.OPENED);
        assertThat(o.openedAt()).isEqualTo(CLOSED.plusSeconds(121));
        assertThat(o.recordWritten()).isTrue();
        assertThat(o.releasedShares()).isEmpty();
        assertThat(o.released()).containsExactly(1, 2); // who released stays on record
        assertThat(code(() -> o.open(CLOSED.plusSeconds(200), "{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(code(() -> o.release(3, "share-3", CLOSED.plusSeconds(200), "tenderee"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(o.record()).isEqualTo("{\"record\":1}");
    }

    @Test
    void noOpeningBeforeTheThresholdIsReached() {
        BidOpening o = awaiting();
        o.release(1, "share-1", CLOSED.plusSeconds(1), "centre");
        assertThat(code(() -> o.open(CLOSED.plusSeconds(2), "{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(o.status()).isEqualTo(OpeningStatus.AWAITING_SHARES);
    }

    @Test
    void aStoredOpenedOpeningStaysFinal() {
        BidOpening o = BidOpening.restore(TENDER, OpeningStatus.OPENED, 4, 2, CLOSED, CLOSED.plusSeconds(60), "{}", "sig",
                List.of(1, 3), Map.of(), List.of());
        assertThat(code(o::checkAcceptsShares)).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(o.recordWritten()).isFalse();
    }

    @Test
    void reg44_aBidderWhoseBidWasOpenedConfirmsOrObjectsOnceWithinTheWindow() {
        BidOpening o = opened();
        Instant openedAt = o.openedAt();
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        assertThat(o.respond(b1, null, true, false, openedAt.plus(WINDOW), WINDOW, "bidder1").objected()).isFalse();
        assertThat(code(() -> o.respond(b1, "again", true, false, openedAt.plusSeconds(1), WINDOW, "bidder1")))
                .isEqualTo(SealingError.OPENING_ALREADY_RESPONDED);
        assertThat(code(() -> o.respond(b2, "late", true, false, openedAt.plus(WINDOW).plusMillis(1), WINDOW, "bidder2")))
                .isEqualTo(SealingError.OPENING_RESPONSE_CLOSED);
        BidOpening.Response objection = o.respond(b2, "  报价唱标有误  ", true, false, openedAt.plusSeconds(5), WINDOW, "bidder2");
        assertThat(objection.objection()).isEqualTo("报价唱标有误");
        assertThat(o.objectionAwaitingAnswer()).isTrue();
        assertThat(o.newResponses()).hasSize(2);
    }

    @Test
    void reg44_noResponseBeforeTheBidsAreOpened() {
        assertThat(code(() -> awaiting().respond(UUID.randomUUID(), null, true, false, CLOSED, WINDOW, "bidder1")))
                .isEqualTo(SealingError.OPENING_RESPONSE_CLOSED);
    }

    @Test
    void aBidderWithoutABidMayOnlyObjectOnAPlatformSignedReceipt() {
        BidOpening o = opened();
        Instant t = o.openedAt().plusSeconds(1);
        assertThat(code(() -> o.respond(UUID.randomUUID(), "lost", false, false, t, WINDOW, "x")))
                .isEqualTo(SealingError.OPENING_RESPONSE_CLOSED);
        assertThat(code(() -> o.respond(UUID.randomUUID(), null, false, true, t, WINDOW, "x")))
                .isEqualTo(SealingError.OPENING_RESPONSE_CLOSED); // a receipt lets it object, not confirm
        assertThat(o.respond(UUID.randomUUID(), "my bid is missing", false, true, t, WINDOW, "x").objected()).isTrue();
    }

    @Test
    void law28_aBidderWhoseBidWentMissingObjectsToAFailedOpeningOnItsReceipt() {
        BidOpening failed = BidOpening.close(TENDER, 2, 2, CLOSED);
        assertThat(code(() -> failed.respond(UUID.randomUUID(), null, true, false, CLOSED, WINDOW, "b")))
                .isEqualTo(SealingError.OPENING_RESPONSE_CLOSED); // nothing was opened to confirm
        assertThat(failed.respond(UUID.randomUUID(), "我单位已投标", false, true, CLOSED.plusSeconds(1), WINDOW, "b").objected()).isTrue();
    }

    @Test
    void reg44_theTendereeAnswersAnObjectionOnce() {
        BidOpening o = opened();
        UUID bidder = UUID.randomUUID();
        UUID confirmer = UUID.randomUUID();
        o.respond(bidder, "有误", true, false, o.openedAt(), WINDOW, "bidder2");
        o.respond(confirmer, null, true, false, o.openedAt(), WINDOW, "bidder1");
        assertThat(code(() -> o.answer(confirmer, "?", o.openedAt(), "tenderee"))).isEqualTo(SealingError.OPENING_OBJECTION_NOT_FOUND);
        BidOpening.Response answered = o.answer(bidder, " 无误。 ", o.openedAt().plusSeconds(30), "tenderee");
        assertThat(answered.answer()).isEqualTo("无误。");
        assertThat(o.objectionAwaitingAnswer()).isFalse();
        assertThat(code(() -> o.answer(bidder, "again", o.openedAt().plusSeconds(60), "tenderee")))
                .isEqualTo(SealingError.OPENING_OBJECTION_NOT_FOUND);
        assertThat(o.newAnswers()).hasSize(1);
    }
}
