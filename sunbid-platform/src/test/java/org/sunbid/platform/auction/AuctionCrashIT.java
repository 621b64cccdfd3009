package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.platform.auction.domain.AuctionRoom;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.Phase;
import org.sunbid.platform.auction.domain.RoomEvent;
import org.sunbid.platform.auction.domain.RoomSnapshot;

/**
 * Issue 17, acceptance 3: {@code kill -9} of the whole platform mid-auction loses no acknowledged bid, and the auction
 * goes on exactly as a run without the kill. The platform runs as its own JVM ({@link PlatformProcess}: {@code --demo},
 * the demo's live land auction YZ-2026-TD-0032 starting 2 s after the demo loads, the scripted rival off, bidders 1 and
 * 2 qualified besides 5 and 6); four bidders bid over HTTP as fast as they are answered; the JVM is killed while they
 * do (its embedded PostgreSQL is left running and recovered by the next start); the platform starts again on the same
 * data directory.
 *
 * <p>"A run without the kill" is the journal's events applied to a fresh {@link AuctionRoom} (the plain-Java rules):
 * every acknowledged bid is among its accepted bids with the same seq, number, amount and server time; the restarted
 * platform's room shows exactly its state (price, leader, count, countdown end recomputed from the journal, version);
 * a bid after the restart is decided by the platform exactly as the unkilled room decides it (39号令 Art. 16-17: the
 * highest bid when the countdown runs out wins).
 */
class AuctionCrashIT {

    @TempDir
    Path tmp;

    @Test
    void land39_art17_killMinus9MidAuctionLosesNoAcknowledgedBidAndTheOutcomeIsTheUnkilledRunsOutcome() throws Exception {
        Path data = tmp.resolve("data");
        try (PlatformProcess platform = new PlatformProcess(data, List.of("--sunbid.demo.live-auction-delay=PT2S",
                "--sunbid.demo.live-auction-bidders=bidder1,bidder2"))) {
            platform.start(Duration.ofSeconds(240));
            String lot = platform.liveLot();
            String roomPath = "/api/v1/auctions/" + lot + "/room";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String room = platform.get(roomPath, null).body();
            while (PlatformProcess.field(room, "minimumNext") == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                room = platform.get(roomPath, null).body();
            }
            assertThat(PlatformProcess.field(room, "phase")).as(room).isEqualTo(Phase.TIMED.name());

            // four bidders bid as fast as they are answered, each at the least acceptable amount it last learned
            List<String> accounts = List.of("bidder5", "bidder6", "bidder1", "bidder2");
            Map<String, String> tokens = new ConcurrentHashMap<>();
            for (String a : accounts) {
                tokens.put(a, platform.token(a));
            }
            Map<String, String> numbers = new ConcurrentHashMap<>();
            long increment = fen(PlatformProcess.field(room, "increment"));
            AtomicLong minimum = new AtomicLong(fen(PlatformProcess.field(room, "minimumNext")));
            List<String[]> acknowledged = new CopyOnWriteArrayList<>(); // seq, number, amount (fen), receivedAt
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (String account : accounts) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            long amount = minimum.get();
                            HttpResponse<String> r = platform.post("/api/v1/auctions/" + lot + "/bids",
                                    "{\"amount\":\"" + yuan(amount) + "\"}", tokens.get(account));
                            if (r.statusCode() == 200) {
                                String number = PlatformProcess.field(r.body(), "bidderNumber");
                                numbers.put(account, number);
                                acknowledged.add(new String[] {PlatformProcess.field(r.body(), "seq"), number,
                                        Long.toString(fen(PlatformProcess.field(r.body(), "amount"))),
                                        PlatformProcess.field(r.body(), "receivedAt")});
                                minimum.accumulateAndGet(amount + increment, Math::max);
                            } else {
                                String next = PlatformProcess.field(r.body(), "minimumNext");
                                if (next != null) {
                                    minimum.accumulateAndGet(fen(next), Math::max);
                                }
                            }
                        } catch (Exception gone) {
                            return; // the platform was killed under us
                        }
                    }
                }, "bidder-" + account);
                t.start();
                threads.add(t);
            }
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            platform.kill(); // mid-auction, bids in flight
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
            assertThat(acknowledged).as("bids acknowledged before the kill").hasSizeGreaterThanOrEqualTo(10);

            // the unkilled run: the journal's events in a fresh room
            Path file = data.resolve("auction").resolve(lot + ".journal");
            AuctionRoom unkilled;
            try (Journal journal = Journal.open(file, null, null)) {
                unkilled = AuctionRoom.replay(journal.header().terms(), journal.header().bidderNumbers(), journal.replayed());
            }
            List<Bid> bids = unkilled.bids();
            for (String[] ack : acknowledged) {
                Bid b = bids.get(Integer.parseInt(ack[0]) - 1);
                assertThat(new String[] {Long.toString(b.seq()), b.bidderNumber(), Long.toString(b.amount()),
                        b.receivedAt().toString()}).as("acknowledged bid " + String.join(" ", ack)).containsExactly(ack);
            }

            // the restarted platform's room is the unkilled room, its countdown recomputed from the journal's times
            platform.start(Duration.ofSeconds(180));
            String after = platform.get(roomPath, null).body();
            Instant now = Instant.parse(PlatformProcess.field(after, "serverTime"));
            RoomSnapshot expected = unkilled.snapshot(now);
            assertThat(expected.phase()).isEqualTo(Phase.TIMED);
            assertRoom(after, expected);

            // and it goes on deciding exactly as the unkilled room does
            String leader = expected.leader();
            String account = accounts.stream().filter(a -> numbers.containsKey(a) && !numbers.get(a).equals(leader))
                    .findFirst().orElseThrow();
            HttpResponse<String> next = platform.post("/api/v1/auctions/" + lot + "/bids",
                    "{\"amount\":\"" + yuan(expected.minimumNext()) + "\"}", platform.token(account));
            assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
            Instant receivedAt = Instant.parse(PlatformProcess.field(next.body(), "receivedAt"));
            BidDecision decision = unkilled.apply(new RoomEvent.BidPlaced(numbers.get(account), expected.minimumNext(), receivedAt));
            assertThat(decision).isInstanceOf(BidDecision.Accepted.class);
            BidDecision.Accepted accepted = (BidDecision.Accepted) decision;
            assertThat(Long.parseLong(PlatformProcess.field(next.body(), "seq"))).isEqualTo(accepted.bid().seq());
            assertThat(PlatformProcess.field(next.body(), "endsAt")).isEqualTo(accepted.endsAt().toString());
            String last = platform.get(roomPath, null).body();
            assertRoom(last, unkilled.snapshot(Instant.parse(PlatformProcess.field(last, "serverTime"))));
            // the outcome when the countdown runs out: the same winner and price in both runs
            assertThat(unkilled.result(accepted.endsAt().plusSeconds(1), null).winner().bidderNumber())
                    .isEqualTo(numbers.get(account)).isEqualTo(PlatformProcess.field(last, "leader"));
        } finally {
            if (Files.isDirectory(data)) {
                try (var logs = Files.list(data)) {
                    logs.filter(p -> p.getFileName().toString().endsWith(".log"))
                            .forEach(p -> System.out.println("== " + p.getFileName() + "\n" + PlatformProcess.tail(p)));
                }
            }
        }
    }

    private static void assertRoom(String json, RoomSnapshot expected) {
        assertThat(PlatformProcess.field(json, "phase")).as(json).isEqualTo(expected.phase().name());
        assertThat(fen(PlatformProcess.field(json, "currentPrice"))).as(json).isEqualTo(expected.currentPrice());
        assertThat(PlatformProcess.field(json, "leader")).as(json).isEqualTo(expected.leader());
        assertThat(Long.parseLong(PlatformProcess.field(json, "bids"))).as(json).isEqualTo(expected.bids());
        assertThat(PlatformProcess.field(json, "endsAt")).as(json).isEqualTo(expected.endsAt().toString());
        assertThat(Long.parseLong(PlatformProcess.field(json, "version"))).as(json).isEqualTo(expected.version());
    }

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
