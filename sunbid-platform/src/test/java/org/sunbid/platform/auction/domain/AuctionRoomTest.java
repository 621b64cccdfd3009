package org.sunbid.platform.auction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.auction.AuctionError;

/**
 * The auction room's rules (domain-2 §1–3: 39号令 Art. 15–19 for land, the local rules of Suzhou and Fujian, 32号令
 * Art. 22 for state property), each test named after what it enforces. No Spring, no database; amounts in fen.
 */
class AuctionRoomTest {

    static final UUID LOT = UUID.fromString("00000000-0000-0000-0000-000000000017");
    static final Instant START = Instant.parse("2026-12-01T01:00:00Z"); // 09:00 Beijing time
    static final Instant FREE_END = START.plus(Duration.ofDays(10));
    static final long PRICE = 100_000_000L; // 1,000,000.00 yuan
    static final long INC = 1_000_000L; // 10,000.00 yuan
    static final Duration MIN = Duration.ofMinutes(1);
    static final Set<String> TWO = Set.of("A01", "B02");

    /** Fujian (F:S10 Art. 33–46): no freeze, a 15-minute pause, a 5-minute countdown, ≥ 2 bidders for the timed round. */
    static AuctionTerms fujian(AuctionFormat format, boolean reserve) {
        return new AuctionTerms(LOT, format, PRICE, INC, START, FREE_END, Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofMinutes(5), 2, 1, reserve);
    }

    /** Suzhou SIP (F:S9 Art. 18–25): frozen 1 h before the end, no pause, a 4-minute countdown. */
    static AuctionTerms suzhou() {
        return new AuctionTerms(LOT, AuctionFormat.LISTING, PRICE, INC, START, FREE_END, Duration.ofHours(1),
                Duration.ZERO, Duration.ofMinutes(4), 2, 1, true);
    }

    static AuctionTerms ascending(int minBidders) {
        return new AuctionTerms(LOT, AuctionFormat.ASCENDING, PRICE, INC, START, null, Duration.ZERO, Duration.ZERO,
                Duration.ofMinutes(5), 0, minBidders, true);
    }

    static Bid accepted(BidDecision decision) {
        assertThat(decision).isInstanceOf(BidDecision.Accepted.class);
        return ((BidDecision.Accepted) decision).bid();
    }

    static BidDecision.Refused refused(BidDecision decision, AuctionError code) {
        assertThat(decision).isInstanceOf(BidDecision.Refused.class);
        BidDecision.Refused refused = (BidDecision.Refused) decision;
        assertThat(refused.code()).isEqualTo(code);
        return refused;
    }

    @Test
    void land39_art19_countdownRestartsOnEveryBid() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), TWO);
        accepted(room.bid("A01", PRICE, START.plus(Duration.ofDays(1))));
        Instant timed = FREE_END.plus(Duration.ofMinutes(15));
        assertThat(room.phaseAt(FREE_END)).isEqualTo(Phase.FROZEN);
        assertThat(room.snapshot(timed).phase()).isEqualTo(Phase.TIMED);
        assertThat(room.snapshot(timed).endsAt()).isEqualTo(timed.plus(Duration.ofMinutes(5)));
        assertThat(room.snapshot(timed).minimumNext()).isEqualTo(PRICE + INC); // Art. 19: highest listing bid + one increment

        BidDecision b = room.bid("B02", PRICE + INC, timed.plus(Duration.ofMinutes(3)));
        assertThat(((BidDecision.Accepted) b).endsAt()).isEqualTo(timed.plus(Duration.ofMinutes(8)));
        assertThat(((BidDecision.Accepted) b).bid().phase()).isEqualTo(Phase.TIMED);
        // the first countdown would have run out at +5 min: the bid restarted it
        assertThat(room.phaseAt(timed.plus(Duration.ofMinutes(6)))).isEqualTo(Phase.TIMED);
        BidDecision a = room.bid("A01", PRICE + 3 * INC, timed.plus(Duration.ofMinutes(7)));
        assertThat(((BidDecision.Accepted) a).endsAt()).isEqualTo(timed.plus(Duration.ofMinutes(12)));

        Instant end = timed.plus(Duration.ofMinutes(12));
        assertThat(room.phaseAt(end.minusNanos(1))).isEqualTo(Phase.TIMED);
        assertThat(room.endedAt(end.minusNanos(1))).isNull();
        assertThat(room.phaseAt(end)).isEqualTo(Phase.ENDED);
        assertThat(room.endedAt(end.plus(Duration.ofHours(1)))).isEqualTo(end);
        AuctionResult result = room.result(end, PRICE + 2 * INC);
        assertThat(result.deal()).isTrue();
        assertThat(result.winner().bidderNumber()).isEqualTo("A01");
        assertThat(result.winner().amount()).isEqualTo(PRICE + 3 * INC);
    }

    @Test
    void land39_art19_noBidInTheCountdownHighestListingBidWins() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), TWO);
        accepted(room.bid("A01", PRICE, START.plusSeconds(60)));
        accepted(room.bid("B02", PRICE + 2 * INC, START.plusSeconds(120)));
        Instant end = FREE_END.plus(Duration.ofMinutes(20));
        assertThat(room.endedAt(end)).isEqualTo(end);
        AuctionResult result = room.result(end, PRICE + 2 * INC);
        assertThat(result.deal()).isTrue();
        assertThat(result.winner().bidderNumber()).isEqualTo("B02");
        assertThat(result.winner().phase()).isEqualTo(Phase.FREE);
    }

    @Test
    void tieGoesToTheEarlierReceipt() {
        AuctionRoom room = new AuctionRoom(ascending(1), Set.of("A01", "B02", "C03"));
        accepted(room.bid("A01", PRICE, START.plusSeconds(1)));
        accepted(room.bid("B02", PRICE + INC, START.plusSeconds(2)));
        // C03 sends the same amount a nanosecond later: too low, B02's earlier receipt stands
        BidDecision.Refused tie = refused(room.bid("C03", PRICE + INC, START.plusSeconds(2).plusNanos(1)),
                AuctionError.BID_TOO_LOW);
        assertThat(tie.minimumNext()).isEqualTo(PRICE + 2 * INC);
        assertThat(tie.receivedAt()).isEqualTo(START.plusSeconds(2).plusNanos(1));
        Instant end = START.plusSeconds(2).plus(Duration.ofMinutes(5));
        AuctionResult result = room.result(end, PRICE);
        assertThat(result.winner().bidderNumber()).isEqualTo("B02");
        assertThat(result.winner().seq()).isEqualTo(2);
    }

    @Test
    void land39_art16_highestBelowReserveNoDeal() {
        AuctionRoom room = new AuctionRoom(ascending(2), TWO);
        accepted(room.bid("A01", PRICE, START.plusSeconds(10)));
        accepted(room.bid("B02", PRICE + INC, START.plusSeconds(20)));
        Instant end = START.plusSeconds(20).plus(Duration.ofMinutes(5));
        AuctionResult result = room.result(end, PRICE + 5 * INC);
        assertThat(result.deal()).isFalse();
        assertThat(result.winner()).isNull();
        assertThat(result.reserve()).isEqualTo(PRICE + 5 * INC);
        assertThat(result.reason()).isEqualTo(AuctionResult.NoDeal.BELOW_RESERVE);
        // at the reserve exactly, it is a deal
        assertThat(room.result(end, PRICE + INC).deal()).isTrue();
    }

    /** domain-2 §1 [F:S10 Art 32]: announced with a reserve, none entered = no reserve: the highest bid wins, recorded with none. */
    @Test
    void fujian_art32_reserveAnnouncedButNoneEnteredIsNoReserve() {
        AuctionRoom room = new AuctionRoom(ascending(2), TWO);
        accepted(room.bid("A01", PRICE, START.plusSeconds(10)));
        accepted(room.bid("B02", PRICE + INC, START.plusSeconds(20)));
        Instant end = START.plusSeconds(20).plus(Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> room.result(end, null))
                .isInstanceOf(IllegalArgumentException.class); // a sealed one must be opened first
        AuctionResult result = AuctionRoom.withoutReserve(room.result(end, AuctionRoom.NO_RESERVE_ENTERED));
        assertThat(result.deal()).isTrue();
        assertThat(result.winner().bidderNumber()).isEqualTo("B02");
        assertThat(result.reserve()).isNull();
        assertThat(result.reason()).isNull();
        // no bid at all stays no deal
        AuctionRoom empty = new AuctionRoom(ascending(2), TWO);
        AuctionResult none = AuctionRoom.withoutReserve(empty.result(START.plus(Duration.ofHours(1)), AuctionRoom.NO_RESERVE_ENTERED));
        assertThat(none.deal()).isFalse();
        assertThat(none.reason()).isEqualTo(AuctionResult.NoDeal.NO_VALID_BID);
    }

    @Test
    void land39_art19_singleBidderAtReserveDeals() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), Set.of("A01"));
        accepted(room.bid("A01", PRICE + INC, START.plus(Duration.ofDays(9))));
        // one qualified bidder: no freeze, no timed round, bidding ends at the listing's end
        assertThat(room.phaseAt(FREE_END.minusNanos(1))).isEqualTo(Phase.FREE);
        assertThat(room.phaseAt(FREE_END)).isEqualTo(Phase.ENDED);
        assertThat(room.endedAt(FREE_END)).isEqualTo(FREE_END);
        AuctionResult deal = room.result(FREE_END, PRICE + INC);
        assertThat(deal.deal()).isTrue();
        assertThat(deal.winner().bidderNumber()).isEqualTo("A01");
        assertThat(room.result(FREE_END, PRICE + 2 * INC).reason()).isEqualTo(AuctionResult.NoDeal.BELOW_RESERVE);
    }

    @Test
    void land39_art19_noValidBidNoDeal() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, false), TWO);
        refused(room.bid("A01", PRICE - INC, START.plusSeconds(5)), AuctionError.BID_TOO_LOW);
        Instant end = FREE_END.plus(Duration.ofMinutes(20));
        AuctionResult result = room.result(end, null);
        assertThat(result.deal()).isFalse();
        assertThat(result.reason()).isEqualTo(AuctionResult.NoDeal.NO_VALID_BID);
    }

    @Test
    void lateBidRefusedWithExactServerTimes() {
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        accepted(room.bid("A01", PRICE, START.plusSeconds(30)));
        Instant end = START.plusSeconds(30).plus(Duration.ofMinutes(5));
        RoomSnapshot before = room.snapshot(end);
        List<Bid> bidsBefore = List.copyOf(room.bids());

        Instant late = end.plusNanos(1_000); // a microsecond after the countdown ran out
        BidDecision.Refused refusal = refused(room.bid("B02", PRICE + INC, late), AuctionError.AUCTION_ENDED);
        assertThat(refusal.receivedAt()).isEqualTo(late);
        assertThat(refusal.endedAt()).isEqualTo(end);
        assertThat(refusal.minimumNext()).isZero();
        refused(room.bid("B02", PRICE + INC, end), AuctionError.AUCTION_ENDED); // the end instant itself is late

        // nothing changed but the event count
        assertThat(room.bids()).isEqualTo(bidsBefore);
        RoomSnapshot after = room.snapshot(end);
        assertThat(after.version()).isEqualTo(before.version() + 2);
        assertThat(after).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
        assertThat(room.result(late, PRICE).winner().bidderNumber()).isEqualTo("A01");
    }

    @Test
    void freezeThenTimedRound() {
        AuctionRoom room = new AuctionRoom(suzhou(), TWO);
        Instant freeze = FREE_END.minus(Duration.ofHours(1));
        assertThat(room.snapshot(START).endsAt()).isEqualTo(freeze);
        Bid last = accepted(room.bid("A01", PRICE + INC, freeze.minusMillis(1)));
        assertThat(last.phase()).isEqualTo(Phase.FREE);
        BidDecision.Refused frozen = refused(room.bid("B02", PRICE + 2 * INC, freeze), AuctionError.AUCTION_FROZEN);
        assertThat(frozen.minimumNext()).isZero();
        assertThat(room.snapshot(freeze).phase()).isEqualTo(Phase.FROZEN);
        assertThat(room.snapshot(freeze).endsAt()).isEqualTo(FREE_END);

        // the timed round starts at the listing's end from the highest listing bid + one increment
        refused(room.bid("B02", PRICE + INC, FREE_END), AuctionError.BID_TOO_LOW);
        BidDecision timed = room.bid("B02", PRICE + 2 * INC, FREE_END.plusSeconds(10));
        assertThat(accepted(timed).phase()).isEqualTo(Phase.TIMED);
        assertThat(((BidDecision.Accepted) timed).endsAt()).isEqualTo(FREE_END.plusSeconds(10).plus(Duration.ofMinutes(4)));
        assertThat(room.bids()).extracting(Bid::seq).containsExactly(1L, 2L);
    }

    @Test
    void timedRoundWithoutListingBidsStartsAtTheStartPrice() {
        AuctionRoom room = new AuctionRoom(suzhou(), TWO);
        assertThat(room.snapshot(FREE_END).minimumNext()).isEqualTo(PRICE);
        accepted(room.bid("A01", PRICE, FREE_END.plusSeconds(1)));
    }

    @Test
    void ascendingAuctionTooFewBidders() {
        AuctionRoom room = new AuctionRoom(ascending(3), TWO);
        assertThat(room.phaseAt(START.minusSeconds(1))).isEqualTo(Phase.SCHEDULED);
        assertThat(room.phaseAt(START)).isEqualTo(Phase.ENDED);
        assertThat(room.endedAt(START)).isEqualTo(START);
        BidDecision.Refused refusal = refused(room.bid("A01", PRICE, START.plusSeconds(1)), AuctionError.AUCTION_ENDED);
        assertThat(refusal.endedAt()).isEqualTo(START);
        AuctionResult result = room.result(START, PRICE);
        assertThat(result.deal()).isFalse();
        assertThat(result.reason()).isEqualTo(AuctionResult.NoDeal.TOO_FEW_BIDDERS);
    }

    @Test
    void land39_art15_ascendingCountdownRunsFromTheStartAndEachBid() {
        AuctionRoom room = new AuctionRoom(ascending(2), TWO);
        assertThat(room.snapshot(START).phase()).isEqualTo(Phase.TIMED);
        assertThat(room.snapshot(START).endsAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(room.endedAt(START.plus(Duration.ofMinutes(5)))).isEqualTo(START.plus(Duration.ofMinutes(5)));
        AuctionRoom bidOn = new AuctionRoom(ascending(2), TWO);
        accepted(bidOn.bid("A01", PRICE, START.plus(Duration.ofMinutes(4))));
        assertThat(bidOn.phaseAt(START.plus(Duration.ofMinutes(8)))).isEqualTo(Phase.TIMED);
        assertThat(bidOn.phaseAt(START.plus(Duration.ofMinutes(9)))).isEqualTo(Phase.ENDED);
    }

    @Test
    void gycq32_art22_networkBiddingFreeThenTimedPriceFirstThenTime() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.NETWORK, false), TWO);
        accepted(room.bid("A01", PRICE + 2 * INC, START.plusSeconds(1)));
        refused(room.bid("B02", PRICE + 2 * INC, START.plusSeconds(2)), AuctionError.BID_TOO_LOW);
        refused(room.bid("B02", PRICE + 3 * INC + INC / 2, START.plusSeconds(3)), AuctionError.BID_NOT_WHOLE_INCREMENT);
        Instant timed = FREE_END.plus(Duration.ofMinutes(15));
        Bid b = accepted(room.bid("B02", PRICE + 4 * INC, timed.plusSeconds(1)));
        assertThat(b.phase()).isEqualTo(Phase.TIMED);
        Instant end = timed.plusSeconds(1).plus(Duration.ofMinutes(5));
        assertThat(room.result(end, null).winner()).isEqualTo(b);
    }

    @Test
    void land39_art17_bidsByWholeIncrementsFromTheStartPrice() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), TWO);
        BidDecision.Refused low = refused(room.bid("A01", PRICE - 1, START), AuctionError.BID_TOO_LOW);
        assertThat(low.minimumNext()).isEqualTo(PRICE);
        refused(room.bid("A01", PRICE + 1, START), AuctionError.BID_NOT_WHOLE_INCREMENT);
        accepted(room.bid("A01", PRICE + 3 * INC, START)); // a first bid may jump whole increments
        refused(room.bid("B02", PRICE + 3 * INC + 100, START), AuctionError.BID_TOO_LOW);
        refused(room.bid("B02", PRICE + 4 * INC + 100, START), AuctionError.BID_NOT_WHOLE_INCREMENT);
        accepted(room.bid("B02", PRICE + 5 * INC, START));
        assertThat(room.snapshot(START).currentPrice()).isEqualTo(PRICE + 5 * INC);
        assertThat(room.snapshot(START).leader()).isEqualTo("B02");
        assertThat(room.snapshot(START).minimumNext()).isEqualTo(PRICE + 6 * INC);
    }

    @Test
    void bidderHoldingTheHighestBidIsRefused() {
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        accepted(room.bid("A01", PRICE, START));
        BidDecision.Refused refusal = refused(room.bid("A01", PRICE + INC, START.plusSeconds(1)),
                AuctionError.BID_ALREADY_HIGHEST);
        assertThat(refusal.minimumNext()).isEqualTo(PRICE + INC);
        assertThat(room.bids()).hasSize(1);
        // the countdown was not restarted by the refused bid
        assertThat(room.snapshot(START.plusSeconds(1)).endsAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void unqualifiedAndEarlyBidsAreRefused() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), TWO);
        BidDecision.Refused early = refused(room.bid("A01", PRICE, START.minusSeconds(1)),
                AuctionError.AUCTION_NOT_STARTED);
        assertThat(early.minimumNext()).isZero();
        BidDecision.Refused stranger = refused(room.bid("Z99", PRICE, START), AuctionError.BIDDER_NOT_QUALIFIED);
        assertThat(stranger.minimumNext()).isEqualTo(PRICE);
        refused(room.bid(null, PRICE, START), AuctionError.BIDDER_NOT_QUALIFIED);
        assertThat(room.bids()).isEmpty();
        assertThat(room.version()).isEqualTo(3);
    }

    @Test
    void land39_art18_incrementChangeAppliesToLaterBids() {
        AuctionRoom room = new AuctionRoom(fujian(AuctionFormat.LISTING, true), TWO);
        accepted(room.bid("A01", PRICE, START));
        assertThat(room.apply(new RoomEvent.IncrementChanged(2 * INC, START.plusSeconds(1)))).isNull();
        refused(room.bid("B02", PRICE + INC, START.plusSeconds(2)), AuctionError.BID_TOO_LOW);
        refused(room.bid("B02", PRICE + 3 * INC, START.plusSeconds(2)), AuctionError.BID_NOT_WHOLE_INCREMENT);
        accepted(room.bid("B02", PRICE + 4 * INC, START.plusSeconds(3)));
        assertThat(room.snapshot(START.plusSeconds(3)).increment()).isEqualTo(2 * INC);
        assertThat(room.snapshot(START.plusSeconds(3)).minimumNext()).isEqualTo(PRICE + 6 * INC);
        assertThatThrownBy(() -> room.apply(new RoomEvent.IncrementChanged(0, START.plusSeconds(4))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void suspensionInTheTimedRoundRestartsTheCountdownInFull() {
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        accepted(room.bid("A01", PRICE, START.plus(MIN)));
        Instant down = START.plus(Duration.ofMinutes(5)); // 1 min of the countdown left
        room.apply(new RoomEvent.Suspended("OUTAGE", down));
        // time stops mattering: the countdown's end passes without ending bidding
        assertThat(room.phaseAt(START.plus(Duration.ofHours(2)))).isEqualTo(Phase.SUSPENDED);
        assertThat(room.endedAt(START.plus(Duration.ofHours(2)))).isNull();
        refused(room.bid("B02", PRICE + INC, down.plus(MIN)), AuctionError.AUCTION_SUSPENDED);
        Instant up = START.plus(Duration.ofHours(2));
        room.apply(new RoomEvent.Resumed(up));
        assertThat(room.snapshot(up).phase()).isEqualTo(Phase.TIMED);
        assertThat(room.snapshot(up).endsAt()).isEqualTo(up.plus(Duration.ofMinutes(5)));
        accepted(room.bid("B02", PRICE + INC, up.plus(Duration.ofMinutes(4))));
        assertThat(room.endedAt(up.plus(Duration.ofMinutes(9)))).isEqualTo(up.plus(Duration.ofMinutes(9)));
    }

    @Test
    void suspensionInTheFreePhaseMovesItsEndByTheTimeLost() {
        AuctionRoom room = new AuctionRoom(suzhou(), TWO);
        Instant down = START.plus(Duration.ofDays(2));
        room.apply(new RoomEvent.Suspended("OUTAGE", down));
        room.apply(new RoomEvent.Resumed(down.plus(Duration.ofHours(3))));
        Instant freeze = FREE_END.minus(Duration.ofHours(1)).plus(Duration.ofHours(3));
        assertThat(room.snapshot(down.plus(Duration.ofHours(3))).endsAt()).isEqualTo(freeze);
        assertThat(room.phaseAt(freeze.minusNanos(1))).isEqualTo(Phase.FREE);
        assertThat(room.phaseAt(freeze)).isEqualTo(Phase.FROZEN);
        assertThat(room.phaseAt(FREE_END.plus(Duration.ofHours(3)))).isEqualTo(Phase.TIMED);
        // a resumption without a suspension, and a suspension after the end, change nothing
        room.apply(new RoomEvent.Resumed(down.plus(Duration.ofHours(4))));
        assertThat(room.phaseAt(freeze)).isEqualTo(Phase.FROZEN);
        Instant end = FREE_END.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(4));
        room.apply(new RoomEvent.Suspended("LATE", end));
        assertThat(room.phaseAt(end)).isEqualTo(Phase.ENDED);
    }

    @Test
    void resultWaitsForTheEndAndTheOpenedReserve() {
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        accepted(room.bid("A01", PRICE, START));
        assertThatThrownBy(() -> room.result(START.plusSeconds(1), PRICE)).isInstanceOf(IllegalStateException.class);
        Instant end = START.plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> room.result(end, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventStampedBeforeThePreviousOneIsTakenAtThePreviousTime() {
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        accepted(room.bid("A01", PRICE, START.plusSeconds(10)));
        Bid b = accepted(room.bid("B02", PRICE + INC, START.plusSeconds(9)));
        assertThat(b.receivedAt()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void replayRebuildsTheIdenticalRoom() {
        long accepted = 0;
        long timed = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            Set<String> bidders = Set.of("A01", "B02", "C03", "D04");
            List<String> numbers = List.of("A01", "B02", "C03", "D04", "X00");
            AuctionTerms terms = switch ((int) (seed % 3)) {
                case 0 -> ascending(2);
                case 1 -> suzhou();
                default -> fujian(AuctionFormat.NETWORK, true);
            };
            AuctionRoom live = new AuctionRoom(terms, bidders);
            List<RoomEvent> journal = new ArrayList<>();
            List<BidDecision> decisions = new ArrayList<>();
            Instant t = START.minus(MIN);
            for (int i = 0; i < 400; i++) {
                boolean listing = terms.format() != AuctionFormat.ASCENDING;
                t = t.plusMillis(random.nextInt(listing && i < 300 && i % 50 == 49 ? 36_000_000 : listing ? 120_000 : 20_000));
                if (listing && i == 300) { // resume if need be, then go to 10 min before the freeze (moved by outages)
                    journal.add(new RoomEvent.Resumed(t));
                    decisions.add(live.apply(journal.get(journal.size() - 1)));
                    t = live.snapshot(t).endsAt().minus(Duration.ofMinutes(10));
                }
                RoomEvent event;
                int kind = random.nextInt(100);
                if (kind < 2) {
                    event = new RoomEvent.Suspended("TEST", t);
                } else if (kind < 4) {
                    event = new RoomEvent.Resumed(t);
                } else if (kind < 5) {
                    event = new RoomEvent.IncrementChanged(INC * (1 + random.nextInt(3)), t);
                } else {
                    long base = live.highest() == null ? PRICE : live.highest().amount();
                    long amount = base + live.increment() * (random.nextInt(4) - 1) + (random.nextInt(10) == 0 ? 7 : 0);
                    event = new RoomEvent.BidPlaced(numbers.get(random.nextInt(numbers.size())), amount, t);
                }
                journal.add(event);
                decisions.add(live.apply(event));
            }
            AuctionRoom replayed = AuctionRoom.replay(terms, bidders, journal);
            assertThat(replayed.bids()).isEqualTo(live.bids());
            assertThat(replayed.version()).isEqualTo(journal.size());
            Instant later = t.plus(Duration.ofDays(30));
            for (Instant at : List.of(t, t.plusSeconds(1), FREE_END, FREE_END.plus(Duration.ofMinutes(30)), later)) {
                assertThat(replayed.snapshot(at)).isEqualTo(live.snapshot(at));
                assertThat(replayed.endedAt(at)).isEqualTo(live.endedAt(at));
            }
            if (live.phaseAt(later) == Phase.ENDED) {
                assertThat(replayed.result(later, PRICE + 3 * INC)).isEqualTo(live.result(later, PRICE + 3 * INC));
            }
            // deciding again from the journal gives the same answers, one by one
            AuctionRoom again = new AuctionRoom(terms, bidders);
            for (int i = 0; i < journal.size(); i++) {
                assertThat(again.apply(journal.get(i))).isEqualTo(decisions.get(i));
            }
            accepted += live.bids().size();
            timed += live.bids().stream().filter(b -> b.phase() == Phase.TIMED).count();
        }
        assertThat(accepted).isGreaterThan(500); // the journals did exercise the rules
        assertThat(timed).isGreaterThan(50);
    }

    // ---- admission during the listing (issue 17 part ADMIT: 39号令 Art. 11, 17–19) ----

    @Test
    void land39_art17_bidderAdmittedDuringTheListingBidsFromItsAdmissionOn() {
        AuctionRoom room = AuctionRoom.admitting(suzhou(), Set.of());
        Instant day1 = START.plus(Duration.ofHours(2));
        assertThat(room.phaseAt(day1)).isEqualTo(Phase.FREE); // open with nobody yet: not ended for too few bidders
        refused(room.bid("A01", PRICE, day1), AuctionError.BIDDER_NOT_QUALIFIED); // not admitted yet
        RoomSnapshot before = room.snapshot(day1);
        assertThat(room.apply(new RoomEvent.BidderAdmitted("A01", day1.plusSeconds(1)))).isNull();
        // an admission changes nothing a watcher sees, not even the version
        assertThat(room.snapshot(day1.plusSeconds(1))).isEqualTo(before);
        accepted(room.bid("A01", PRICE, day1.plusSeconds(2)));
        refused(room.bid("B02", PRICE + INC, START.plus(Duration.ofDays(3))), AuctionError.BIDDER_NOT_QUALIFIED);
        room.apply(new RoomEvent.BidderAdmitted("B02", START.plus(Duration.ofDays(4))));
        accepted(room.bid("B02", PRICE + INC, START.plus(Duration.ofDays(4)).plusSeconds(1)));
        assertThat(room.bidderNumbers()).containsExactlyInAnyOrder("A01", "B02");
        assertThat(room.biddersFixed()).isFalse();
    }

    @Test
    void land39_art19_scheduleShowsNoCountUntilTheSetIsFixed() {
        // one bidder or three: the public schedule (the freeze before the end) is the same until applications close
        AuctionRoom one = AuctionRoom.admitting(suzhou(), Set.of("A01"));
        AuctionRoom three = AuctionRoom.admitting(suzhou(), Set.of("A01", "B02", "C03"));
        Instant day2 = START.plus(Duration.ofDays(2));
        assertThat(one.snapshot(day2)).isEqualTo(three.snapshot(day2));
        assertThat(one.snapshot(day2).endsAt()).isEqualTo(FREE_END.minus(Duration.ofHours(1)));
        // the close of applications fixes the set: one bidder, no timed round, no freeze (Art. 19)
        Instant close = FREE_END.minus(Duration.ofDays(2));
        one.apply(new RoomEvent.BiddersFixed(close));
        three.apply(new RoomEvent.BiddersFixed(close));
        assertThat(one.biddersFixed()).isTrue();
        assertThat(one.snapshot(close).endsAt()).isEqualTo(FREE_END);
        assertThat(three.snapshot(close).endsAt()).isEqualTo(FREE_END.minus(Duration.ofHours(1)));
        // an admission after the close changes nothing
        one.apply(new RoomEvent.BidderAdmitted("D04", close.plusSeconds(1)));
        refused(one.bid("D04", PRICE, close.plusSeconds(2)), AuctionError.BIDDER_NOT_QUALIFIED);
    }

    @Test
    void land39_art19_timedRoundMinBiddersCountedOnTheFinalSet() {
        AuctionRoom room = AuctionRoom.admitting(suzhou(), Set.of());
        room.apply(new RoomEvent.BidderAdmitted("A01", START.plusSeconds(10)));
        accepted(room.bid("A01", PRICE, START.plusSeconds(20)));
        room.apply(new RoomEvent.BidderAdmitted("B02", START.plus(Duration.ofDays(5))));
        accepted(room.bid("B02", PRICE + INC, START.plus(Duration.ofDays(5)).plusSeconds(1)));
        room.apply(new RoomEvent.BiddersFixed(FREE_END.minus(Duration.ofDays(2))));
        // two bidders: the timed round is held after the listing's end (Suzhou: no pause, a 4-minute countdown)
        assertThat(room.phaseAt(FREE_END.minus(Duration.ofMinutes(30)))).isEqualTo(Phase.FROZEN);
        assertThat(room.phaseAt(FREE_END)).isEqualTo(Phase.TIMED);
        accepted(room.bid("A01", PRICE + 2 * INC, FREE_END.plusSeconds(60)));
        Instant after = FREE_END.plusSeconds(60).plus(Duration.ofMinutes(4));
        assertThat(room.phaseAt(after)).isEqualTo(Phase.ENDED);
        AuctionResult result = room.result(after, PRICE);
        assertThat(result.deal()).isTrue();
        assertThat(result.winner().bidderNumber()).isEqualTo("A01");
    }

    @Test
    void land39_art19_noBidderAdmittedEndsWithoutDealWhenTheSetIsFixed() {
        AuctionTerms terms = new AuctionTerms(LOT, AuctionFormat.LISTING, PRICE, INC, START, FREE_END, Duration.ofHours(1),
                Duration.ZERO, Duration.ofMinutes(4), 2, 1, false);
        AuctionRoom room = AuctionRoom.admitting(terms, Set.of());
        Instant close = FREE_END.minus(Duration.ofDays(2));
        assertThat(room.phaseAt(close.minusSeconds(1))).isEqualTo(Phase.FREE);
        room.apply(new RoomEvent.BiddersFixed(close));
        assertThat(room.phaseAt(close)).isEqualTo(Phase.ENDED);
        assertThat(room.endedAt(close)).isEqualTo(close); // ended when the set was fixed, not at the start
        assertThat(room.result(close, null).reason()).isEqualTo(AuctionResult.NoDeal.TOO_FEW_BIDDERS);
    }

    @Test
    void admissionsReplayExactly() {
        Random random = new Random(17);
        for (int run = 0; run < 50; run++) {
            AuctionTerms terms = random.nextBoolean() ? suzhou() : fujian(AuctionFormat.LISTING, true);
            AuctionRoom live = AuctionRoom.admitting(terms, Set.of());
            List<RoomEvent> journal = new ArrayList<>();
            List<BidDecision> decisions = new ArrayList<>();
            List<String> numbers = List.of("A01", "B02", "C03", "D04");
            Instant close = FREE_END.minus(Duration.ofDays(2));
            Instant t = START;
            boolean fixed = false;
            for (int i = 0; i < 300; i++) {
                t = t.plusSeconds(1 + random.nextInt(4000));
                RoomEvent event;
                if (!fixed && !t.isBefore(close)) {
                    event = new RoomEvent.BiddersFixed(t);
                    fixed = true;
                } else if (random.nextInt(10) == 0) {
                    event = new RoomEvent.BidderAdmitted(numbers.get(random.nextInt(numbers.size())), t);
                } else {
                    long base = live.highest() == null ? PRICE : live.highest().amount();
                    event = new RoomEvent.BidPlaced(numbers.get(random.nextInt(numbers.size())),
                            base + live.increment() * random.nextInt(3), t);
                }
                journal.add(event);
                decisions.add(live.apply(event));
            }
            AuctionRoom replayed = replayAdmitting(terms, journal);
            assertThat(replayed.bids()).isEqualTo(live.bids());
            assertThat(replayed.bidderNumbers()).isEqualTo(live.bidderNumbers());
            assertThat(replayed.version()).isEqualTo(live.version())
                    .isEqualTo(journal.stream().filter(e -> !(e instanceof RoomEvent.BidderAdmitted)).count());
            for (Instant at : List.of(t, START.plus(Duration.ofDays(1)), FREE_END, FREE_END.plus(Duration.ofDays(30)))) {
                assertThat(replayed.snapshot(at)).isEqualTo(live.snapshot(at));
                assertThat(replayed.endedAt(at)).isEqualTo(live.endedAt(at));
            }
            AuctionRoom again = AuctionRoom.admitting(terms, Set.of());
            for (int i = 0; i < journal.size(); i++) {
                assertThat(again.apply(journal.get(i))).isEqualTo(decisions.get(i));
            }
        }
    }

    private static AuctionRoom replayAdmitting(AuctionTerms terms, List<RoomEvent> journal) {
        AuctionRoom room = AuctionRoom.admitting(terms, Set.of());
        journal.forEach(room::apply);
        return room;
    }

    @Test
    void aLongTimedRoundKeepsEveryBidInOrder() {
        // a sanity check of size, not of speed: 200,000 alternating bids in one countdown-restarting round
        AuctionRoom room = new AuctionRoom(ascending(1), TWO);
        Instant t = START;
        for (int i = 0; i < 200_000; i++) {
            t = t.plusMillis(1);
            accepted(room.bid(i % 2 == 0 ? "A01" : "B02", PRICE + i * INC, t));
        }
        assertThat(room.bids()).hasSize(200_000);
        assertThat(room.bids().get(199_999).seq()).isEqualTo(200_000);
        assertThat(room.snapshot(t).endsAt()).isEqualTo(t.plus(Duration.ofMinutes(5)));
    }
}
