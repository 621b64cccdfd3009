package org.sunbid.platform.auction;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomEvent;

/**
 * A process that runs one live room on a journal and bids into it from several threads, printing each acknowledged
 * bid ({@code ACK seq number amount receivedAt}) only after its acknowledgement — for {@link LiveRoomKillTest}, which
 * kills it with {@code kill -9} and checks the journal.
 */
public final class KillableRoom {

    static Journal.Header header(UUID lot, Instant start) {
        return new Journal.Header(new AuctionTerms(lot, AuctionFormat.ASCENDING, 1_000_000_00L, 100_00L, start, null,
                Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), 0, 1, false), Set.of("11", "22", "33", "44"));
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Journal.Header header = header(UUID.fromString(args[1]), Instant.parse(args[2]));
        Clock clock = Clock.systemUTC();
        LiveRoom live = new LiveRoom(header, d -> Journal.open(file, header, d), clock);
        String[] numbers = {"11", "22", "33", "44"};
        for (String number : numbers) {
            Thread t = new Thread(() -> {
                while (true) {
                    long amount = live.read(r -> r.snapshot(clock.instant()).minimumNext());
                    LiveRoom.Applied a = live.submit(clock, at -> new RoomEvent.BidPlaced(number, amount, at)).join();
                    if (a.decision() instanceof BidDecision.Accepted acc) {
                        synchronized (System.out) {
                            System.out.println("ACK " + acc.bid().seq() + " " + acc.bid().bidderNumber() + " "
                                    + acc.bid().amount() + " " + acc.bid().receivedAt());
                            System.out.flush();
                        }
                    }
                }
            });
            t.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
