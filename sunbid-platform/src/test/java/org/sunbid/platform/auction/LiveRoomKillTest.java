package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.platform.auction.domain.AuctionRoom;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.RoomEvent;
import org.sunbid.platform.auction.domain.RoomSnapshot;

/**
 * {@code kill -9} of a process running the live engine (room + journal + sequencer, {@link KillableRoom}) while four
 * bidders bid: every bid it acknowledged is in the journal after the kill, and the recovered room is the room the
 * same bids make without any kill. (The engine only: the whole platform's kill test, AuctionCrashIT, is not built.)
 */
class LiveRoomKillTest {

    @TempDir
    Path dir;

    @Test
    void killNineLosesNoAcknowledgedBidAndTheRecoveredRoomEqualsTheSameBidsWithoutTheKill() throws Exception {
        Path file = dir.resolve("killed.journal");
        UUID lot = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(30);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), KillableRoom.class.getName(), file.toString(), lot.toString(),
                start.toString()).redirectErrorStream(true).start();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("ACK ")) {
                        acknowledged.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process died
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 300 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-write
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        LiveRoom recovered = new LiveRoom(KillableRoom.header(lot, start), d -> Journal.open(file, null, d), Clock.systemUTC());
        List<Bid> bids = recovered.read(r -> List.copyOf(r.bids()));
        for (String ack : acknowledged) {
            String[] f = ack.split(" ");
            Bid bid = bids.get((int) Long.parseLong(f[1]) - 1);
            assertThat(bid.seq()).isEqualTo(Long.parseLong(f[1]));
            assertThat(bid.bidderNumber()).isEqualTo(f[2]);
            assertThat(bid.amount()).isEqualTo(Long.parseLong(f[3]));
            assertThat(bid.receivedAt()).isEqualTo(Instant.parse(f[4]));
        }
        // the same bids, applied to a room with no journal and no kill, make the same room and the same outcome
        AuctionRoom plain = new AuctionRoom(KillableRoom.header(lot, start).terms(), KillableRoom.header(lot, start).bidderNumbers());
        for (RoomEvent e : recovered.journal.replayed()) {
            plain.apply(e);
        }
        Instant after = bids.get(bids.size() - 1).receivedAt().plus(java.time.Duration.ofHours(1));
        RoomSnapshot expected = plain.snapshot(after);
        RoomSnapshot actual = recovered.read(r -> r.snapshot(after));
        assertThat(actual).isEqualTo(expected);
        org.sunbid.platform.auction.domain.AuctionResult outcome = recovered.read(r -> r.result(after, null));
        assertThat(outcome).isEqualTo(plain.result(after, null));
        List<Bid> plainBids = new ArrayList<>(plain.bids());
        assertThat(bids).isEqualTo(plainBids);
        recovered.journal.close();
    }
}
