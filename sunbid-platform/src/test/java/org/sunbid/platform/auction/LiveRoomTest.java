package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomEvent;
import org.sunbid.platform.auction.domain.RoomSnapshot;

/** The engine's core without Spring: the sequencer, fsync before acknowledgement, replay after a restart. */
class LiveRoomTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final Instant start = clock.instant().minusSeconds(60);
    private final Journal.Header header = new Journal.Header(new AuctionTerms(UUID.randomUUID(), AuctionFormat.ASCENDING,
            1_000_000_00L, 100_00L, start, null, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), 0, 1, false),
            Set.of("11", "22", "33", "44"));

    private LiveRoom open(Path file) {
        return new LiveRoom(header, d -> Journal.open(file, header, d), clock);
    }

    @Test
    void concurrentBidsAreSequencedAcknowledgedWhenDurableAndTheReplayedRoomIsIdentical() throws Exception {
        Path file = dir.resolve("room.journal");
        LiveRoom live = open(file);
        List<RoomSnapshot> watched = new java.util.concurrent.CopyOnWriteArrayList<>();
        live.watch(watched::add);
        ConcurrentLinkedQueue<BidDecision.Accepted> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        String[] numbers = {"11", "22", "33", "44"};
        for (int t = 0; t < 4; t++) {
            String number = numbers[t];
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    RoomSnapshot now = live.read(r -> r.snapshot(clock.instant()));
                    long amount = now.minimumNext();
                    LiveRoom.Applied a = live.submit(clock, at -> new RoomEvent.BidPlaced(number, amount, at)).join();
                    // acknowledged only after the journal's fsync: the journal already counts it as durable
                    assertThat(live.journal.syncs()).isPositive();
                    if (a.decision() instanceof BidDecision.Accepted acc) {
                        acknowledged.add(acc);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Bid> bids = live.read(r -> List.copyOf(r.bids()));
        RoomSnapshot before = live.read(r -> r.snapshot(bids.get(bids.size() - 1).receivedAt()));
        live.journal.close();

        assertThat(acknowledged).isNotEmpty().allSatisfy(a -> assertThat(bids).contains(a.bid()));
        for (int i = 1; i < bids.size(); i++) { // receipt order = seq order, server times never go backwards
            assertThat(bids.get(i).seq()).isEqualTo(bids.get(i - 1).seq() + 1);
            assertThat(bids.get(i).receivedAt()).isAfterOrEqualTo(bids.get(i - 1).receivedAt());
            assertThat(bids.get(i).amount()).isGreaterThan(bids.get(i - 1).amount());
        }
        assertThat(live.journal.syncs()).isLessThan(1200); // group commit: fewer fsyncs than events

        LiveRoom reopened = new LiveRoom(header, d -> Journal.open(file, null, d), clock);
        List<Bid> replayed = reopened.read(r -> List.copyOf(r.bids()));
        RoomSnapshot after = reopened.read(r -> r.snapshot(bids.get(bids.size() - 1).receivedAt()));
        assertThat(replayed).isEqualTo(bids);
        assertThat(after).isEqualTo(before);
        assertThat(reopened.takeUnlogged(0)).isEqualTo(bids);
        reopened.journal.close();
    }

    @Test
    void aReconnectingWatcherGetsExactlyTheDurableStatesAfterItsLastEventId() throws Exception {
        LiveRoom live = open(dir.resolve("resume.journal"));
        for (int i = 0; i < 5; i++) {
            long amount = 1_000_000_00L + i * 100_00L;
            String number = i % 2 == 0 ? "11" : "22";
            live.submit(clock, at -> new RoomEvent.BidPlaced(number, amount, at)).join();
        }
        RoomSnapshot latest = live.durableSnapshot();
        assertThat(latest.version()).isEqualTo(5);
        assertThat(latest.leader()).isEqualTo("11");
        List<RoomSnapshot> after2 = live.since(2);
        assertThat(after2).isNotEmpty().allSatisfy(s -> assertThat(s.version()).isGreaterThan(2));
        assertThat(after2.get(after2.size() - 1)).isEqualTo(latest);
        assertThat(live.since(5)).isEmpty();
        live.journal.close();
    }

    @Test
    void anAdmittingListingRoomReplaysItsAdmissionsAfterARestartAndNoWatcherSeesThem() throws Exception {
        // a listing open while applications are (39号令 Art. 17–19): no bidder in the header, admitted by journal records
        Journal.Header admitting = new Journal.Header(new AuctionTerms(UUID.randomUUID(), AuctionFormat.LISTING,
                1_000_000_00L, 100_00L, start, start.plus(Duration.ofDays(10)), Duration.ofHours(1), Duration.ZERO,
                Duration.ofMinutes(4), 2, 1, false), Set.of(), true);
        Path file = dir.resolve("admitting.journal");
        LiveRoom live = new LiveRoom(admitting, d -> Journal.open(file, admitting, d), clock);
        assertThat(live.submit(clock, at -> new RoomEvent.BidPlaced("11", 1_000_000_00L, at)).join().decision())
                .isInstanceOf(BidDecision.Refused.class); // not admitted yet
        RoomSnapshot beforeAdmission = live.durableSnapshot();
        live.submit(clock, at -> new RoomEvent.BidderAdmitted("11", at)).join();
        assertThat(live.durableSnapshot()).isEqualTo(beforeAdmission); // the admission changed no public state
        assertThat(live.submit(clock, at -> new RoomEvent.BidPlaced("11", 1_000_000_00L, at)).join().decision())
                .isInstanceOf(BidDecision.Accepted.class);
        live.submit(clock, at -> new RoomEvent.BidderAdmitted("22", at)).join();
        assertThat(live.submit(clock, at -> new RoomEvent.BidPlaced("22", 1_000_100_00L, at)).join().decision())
                .isInstanceOf(BidDecision.Accepted.class);
        List<Bid> bids = live.read(r -> List.copyOf(r.bids()));
        Instant now = clock.instant();
        RoomSnapshot before = live.read(r -> r.snapshot(now));
        live.journal.close();

        LiveRoom reopened = new LiveRoom(Journal.open(file, null, null).header(), d -> Journal.open(file, null, d), clock);
        boolean fixedAtReopen = reopened.read(r -> r.biddersFixed());
        Set<String> admitted = reopened.read(r -> Set.copyOf(r.bidderNumbers()));
        List<Bid> replayed = reopened.read(r -> List.copyOf(r.bids()));
        RoomSnapshot after = reopened.read(r -> r.snapshot(now));
        assertThat(fixedAtReopen).isFalse();
        assertThat(admitted).containsExactlyInAnyOrder("11", "22");
        assertThat(replayed).isEqualTo(bids);
        assertThat(after).isEqualTo(before);
        // the close of applications fixes the set: two bidders, so the timed round is held
        reopened.submit(clock, RoomEvent.BiddersFixed::new).join();
        boolean fixed = reopened.read(r -> r.biddersFixed());
        assertThat(fixed).isTrue();
        reopened.journal.close();
    }
}
