package org.sunbid.platform.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.ErrorCode;
import org.sunbid.platform.sealing.SealingError;

/**
 * A round of sealed final offers (最后报价): OPEN → OPENED; offers once per supplier of the round, replaceable strictly
 * before the deadline; opened only when all are in or the time is up (74号令 Art. 33). No Spring, no database.
 */
class OfferRoundTest {

    static final Instant NOW = Instant.parse("2026-12-14T02:00:00Z");
    static final Instant DEADLINE = NOW.plus(Duration.ofHours(1));
    static final UUID LOT = UUID.randomUUID();
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID RIVAL = UUID.randomUUID();

    private static ErrorCode code(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.errorCode();
        }
        throw new AssertionError("expected a refusal");
    }

    static OfferRound round() {
        return OfferRound.open(LOT, 1, 0, true, DEADLINE, new LinkedHashSet<>(List.of(A, B)), 2, NOW);
    }

    @Test
    void roundsAreNumberedFromOneEachOnceAfterThePreviousWasOpened() {
        assertThat(round().status()).isEqualTo(OfferRound.Status.OPEN);
        assertThat(code(() -> OfferRound.open(LOT, 2, 0, true, DEADLINE, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.open(LOT, 1, 1, true, DEADLINE, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.open(LOT, 2, 1, false, DEADLINE, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.open(LOT, 1, 0, true, DEADLINE, Set.of(), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.open(LOT, 1, 0, true, NOW, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(OfferRound.open(LOT, 2, 1, true, DEADLINE, Set.of(A), 2, NOW).round()).isEqualTo(2);
    }

    @Test
    void gpl74_art33_anOfferOneMillisecondBeforeTheDeadlineCountsAtTheDeadlineItIsLate() {
        OfferRound r = round();
        r.offer(UUID.randomUUID(), A, "sm3-a", DEADLINE.minusMillis(1));
        assertThat(r.offerOf(A)).isPresent();
        assertThat(code(() -> r.offer(UUID.randomUUID(), B, "sm3-b", DEADLINE))).isEqualTo(SealingError.OFFER_LATE);
        assertThat(r.offerOf(B)).isEmpty();
        assertThat(r.newOffers()).hasSize(1);
    }

    @Test
    void onlyTheRoundsSuppliersOffer() {
        OfferRound r = round();
        assertThat(code(() -> r.offer(UUID.randomUUID(), RIVAL, "sm3-x", NOW))).isEqualTo(SealingError.OFFER_NOT_INVITED);
        assertThat(code(() -> r.offer(UUID.randomUUID(), null, "sm3-x", NOW))).isEqualTo(SealingError.OFFER_NOT_INVITED);
        assertThat(r.newOffers()).isEmpty();
    }

    @Test
    void aLaterOfferBeforeTheDeadlineReplacesTheEarlierOne() {
        OfferRound r = round();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        r.offer(first, A, "sm3-1", NOW.plusSeconds(10));
        r.offer(second, A, "sm3-2", NOW.plusSeconds(20));
        assertThat(r.offerOf(A).orElseThrow().id()).isEqualTo(second);
        assertThat(r.allIn()).isFalse();
        // Restored from storage in arrival order, the latest still counts.
        OfferRound restored = OfferRound.restore(LOT, 1, DEADLINE, List.of(A, B), r.newOffers(),
                new ShareReleases(2, List.of(), Map.of()), null, null, null);
        assertThat(restored.offerOf(A).orElseThrow().envelopeSm3()).isEqualTo("sm3-2");
    }

    @Test
    void gpl74_art33_theRoundOpensOnlyWhenAllAreInOrTheTimeIsUp() {
        OfferRound r = round();
        r.offer(UUID.randomUUID(), A, "sm3-a", NOW.plusSeconds(1));
        assertThat(r.due(NOW.plusSeconds(2))).isFalse();
        assertThat(code(() -> r.release(1, "share-1", NOW.plusSeconds(2), "centre"))).isEqualTo(SealingError.ROUND_NOT_DUE);
        assertThat(r.newReleases()).isEmpty();
        assertThat(r.due(DEADLINE)).isTrue(); // the time is up with one offer missing
        r.offer(UUID.randomUUID(), B, "sm3-b", NOW.plusSeconds(3));
        assertThat(r.allIn()).isTrue();
        assertThat(r.due(NOW.plusSeconds(4))).isTrue(); // all in before the deadline
    }

    @Test
    void onceASharesIsReleasedNoOfferIsTakenAndTheRecordIsWrittenOnce() {
        OfferRound r = round();
        r.offer(UUID.randomUUID(), A, "sm3-a", NOW.plusSeconds(1));
        r.offer(UUID.randomUUID(), B, "sm3-b", NOW.plusSeconds(2));
        assertThat(r.release(1, "share-1", NOW.plusSeconds(3), "centre")).isTrue();
        assertThat(r.release(1, "share-1", NOW.plusSeconds(3), "centre")).isFalse(); // the same share again: nothing new
        assertThat(code(() -> r.release(1, "other", NOW.plusSeconds(3), "centre"))).isEqualTo(SealingError.SHARE_ALREADY_RELEASED);
        assertThat(code(() -> r.offer(UUID.randomUUID(), A, "sm3-late", NOW.plusSeconds(4)))).isEqualTo(SealingError.OFFER_LATE);
        assertThat(r.thresholdReached()).isFalse();
        assertThat(code(() -> r.open(NOW.plusSeconds(5), "{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
        r.release(2, "share-2", NOW.plusSeconds(5), "supervisor");
        assertThat(r.thresholdReached()).isTrue();
        r.open(NOW.plusSeconds(6), "{\"record\":1}", "sig");
        assertThat(r.status()).isEqualTo(OfferRound.Status.OPENED);
        assertThat(r.releasedShares()).isEmpty(); // the plaintext shares do not outlive their use
        assertThat(r.recordWritten()).isTrue();
        assertThat(code(() -> r.open(NOW.plusSeconds(7), "{}", "sig"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(code(() -> r.release(3, "share-3", NOW.plusSeconds(7), "tenderee"))).isEqualTo(SealingError.OPENING_NOT_READY);
        assertThat(code(() -> r.offer(UUID.randomUUID(), A, "sm3-x", NOW.plusSeconds(7)))).isEqualTo(SealingError.OFFER_LATE);
    }

    @Test
    void aCompetitionRoundIsNumberedByItsOwnerNeedsNoPreviousRoundAndKeepsItsSupplierSet() {
        OfferRound c = OfferRound.openCompetition(LOT, 3, DEADLINE, new LinkedHashSet<>(List.of(A, B)), 2, NOW);
        assertThat(c.kind()).isEqualTo(OfferRound.Kind.COMPETITION);
        assertThat(c.round()).isEqualTo(3);
        assertThat(c.openToAny()).isFalse();
        assertThat(code(() -> c.offer(UUID.randomUUID(), RIVAL, "sm3-r", NOW.plusSeconds(1)))).isEqualTo(SealingError.OFFER_NOT_INVITED);
        c.offer(UUID.randomUUID(), A, "sm3-a", NOW.plusSeconds(1));
        assertThat(c.due(NOW.plusSeconds(2))).isFalse();
        assertThat(code(() -> c.release(1, "s", NOW.plusSeconds(2), "centre"))).isEqualTo(SealingError.ROUND_NOT_DUE);
        c.offer(UUID.randomUUID(), B, "sm3-b", NOW.plusSeconds(2));
        assertThat(c.allIn()).isTrue(); // as a negotiation's round: every supplier of the list has offered
        assertThat(code(() -> OfferRound.openCompetition(LOT, 1, NOW, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.openCompetition(LOT, 1, DEADLINE, Set.of(), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
        assertThat(code(() -> OfferRound.openCompetition(LOT, 0, DEADLINE, Set.of(A), 2, NOW))).isEqualTo(SealingError.ROUND_INVALID);
    }

    @Test
    void anOpenCompetitionRoundTakesAnySupplierItsOwnerAdmitsAndIsDueOnlyAtItsDeadline() {
        OfferRound open = OfferRound.openCompetition(LOT, 1, DEADLINE, null, 2, NOW);
        assertThat(open.openToAny()).isTrue();
        assertThat(open.suppliers()).isEmpty();
        open.offer(UUID.randomUUID(), A, "sm3-a", NOW.plusSeconds(1));
        open.offer(UUID.randomUUID(), RIVAL, "sm3-r", NOW.plusSeconds(2));
        assertThat(open.suppliers()).containsExactly(A, RIVAL); // the record lists those that offered
        assertThat(open.allIn()).isFalse(); // no list to be complete: never "all in"
        assertThat(open.due(DEADLINE.minusSeconds(1))).isFalse();
        assertThat(code(() -> open.release(1, "s", DEADLINE.minusSeconds(1), "centre"))).isEqualTo(SealingError.ROUND_NOT_DUE);
        assertThat(code(() -> open.offer(UUID.randomUUID(), B, "sm3-b", DEADLINE))).isEqualTo(SealingError.OFFER_LATE);
        assertThat(open.due(DEADLINE)).isTrue();
        assertThat(open.release(1, "s1", DEADLINE, "centre")).isTrue();
        OfferRound restored = OfferRound.restore(OfferRound.Kind.COMPETITION, LOT, 1, DEADLINE, null, open.newOffers(),
                new ShareReleases(2, List.of(), Map.of()), null, null, null);
        assertThat(restored.openToAny()).isTrue();
        assertThat(restored.offerOf(RIVAL)).isPresent();
    }

    @Test
    void onlyACompetitionRoundMayBeOpenToAnySupplier() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OfferRound.restore(LOT, 1, DEADLINE, null, List.of(),
                new ShareReleases(2, List.of(), Map.of()), null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
