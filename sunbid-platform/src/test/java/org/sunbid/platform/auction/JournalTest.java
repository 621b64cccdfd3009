package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.RoomEvent;

class JournalTest {

    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00.123456789Z");

    @TempDir
    Path dir;

    private final Journal.Header header = new Journal.Header(new AuctionTerms(UUID.randomUUID(), AuctionFormat.LISTING,
            100_000_00L, 1_000_00L, T0, T0.plus(Duration.ofDays(10)), Duration.ZERO, Duration.ofMinutes(5),
            Duration.ofMinutes(4), 2, 1, true), Set.of("A017", "B203", "C555"));

    private List<RoomEvent> events(int n) {
        List<RoomEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant at = T0.plusNanos(i * 1_000_001L);
            events.add(switch (i % 7) {
                case 3 -> new RoomEvent.IncrementChanged(2_000_00L + i, at);
                case 5 -> new RoomEvent.Suspended("OUTAGE", at);
                case 6 -> new RoomEvent.Resumed(at);
                default -> new RoomEvent.BidPlaced(i % 2 == 0 ? "A017" : "B203", 100_000_00L + i * 1_000_00L, at);
            });
        }
        return events;
    }

    @Test
    void anAdmittingHeaderAndItsAdmissionsReplay() throws Exception {
        // a listing room opened before the close of applications (39号令 Art. 17–19): no bidder fixed in the header
        Journal.Header admitting = new Journal.Header(header.terms(), Set.of(), true);
        Path file = dir.resolve("admitting.journal");
        List<RoomEvent> events = List.of(new RoomEvent.BidderAdmitted("123456", T0.plusSeconds(1)),
                new RoomEvent.BidPlaced("123456", 100_000_00L, T0.plusSeconds(2)),
                new RoomEvent.BidderAdmitted("654321", T0.plusSeconds(3)), new RoomEvent.BiddersFixed(T0.plusSeconds(4)));
        try (Journal journal = Journal.open(file, admitting, null)) {
            for (RoomEvent e : events) {
                journal.append(e, null).get(10, TimeUnit.SECONDS);
            }
        }
        try (Journal reopened = Journal.open(file, null, null)) {
            assertThat(reopened.header()).isEqualTo(admitting);
            assertThat(reopened.header().admitting()).isTrue();
            assertThat(reopened.replayed()).isEqualTo(events);
        }
        // a header of a fixed set still reads as one
        Path fixed = dir.resolve("fixed.journal");
        Journal.open(fixed, header, null).close();
        try (Journal reopened = Journal.open(fixed, null, null)) {
            assertThat(reopened.header()).isEqualTo(header);
            assertThat(reopened.header().admitting()).isFalse();
        }
    }

    @Test
    void replayEqualsAppendedAndEveryAcknowledgementFollowsItsBatch() throws Exception {
        Path file = dir.resolve("lot.journal");
        List<Journal.Durable> seen = new CopyOnWriteArrayList<>();
        List<RoomEvent> events = events(500);
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        try (Journal journal = Journal.open(file, header, seen::addAll)) {
            for (RoomEvent e : events) {
                acks.add(journal.append(e, null));
            }
            for (int i = 0; i < acks.size(); i++) {
                assertThat(acks.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i + 1L);
            }
            assertThat(journal.syncs()).isBetween(1L, 500L);
        }
        assertThat(seen).extracting(Journal.Durable::event).containsExactlyElementsOf(events);
        try (Journal reopened = Journal.open(file, null, null)) {
            assertThat(reopened.header()).isEqualTo(header);
            assertThat(reopened.replayed()).containsExactlyElementsOf(events);
            assertThat(reopened.size()).isEqualTo(500);
            reopened.append(new RoomEvent.BidPlaced("C555", 999_000_00L, T0.plusSeconds(60)), null).get(10, TimeUnit.SECONDS);
        }
        try (Journal again = Journal.open(file, null, null)) {
            assertThat(again.replayed()).hasSize(501).last()
                    .isEqualTo(new RoomEvent.BidPlaced("C555", 999_000_00L, T0.plusSeconds(60)));
        }
    }

    @Test
    void tornTailIsCutOnOpenAndAppendingContinuesAfterTheLastWholeRecord() throws Exception {
        Path file = dir.resolve("torn.journal");
        List<RoomEvent> events = events(20);
        try (Journal journal = Journal.open(file, header, null)) {
            for (RoomEvent e : events) {
                journal.append(e, null);
            }
        }
        long whole = Files.size(file);
        byte[] next = Journal.frame(Journal.encode(new RoomEvent.BidPlaced("A017", 1L, T0)));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) { // a crash mid-write: half a record
            raf.seek(whole);
            raf.write(next, 0, next.length / 2);
        }
        assertThat(Files.size(file)).isGreaterThan(whole);
        try (Journal reopened = Journal.open(file, null, null)) {
            assertThat(reopened.replayed()).containsExactlyElementsOf(events);
            assertThat(Files.size(file)).isEqualTo(whole);
            reopened.append(new RoomEvent.BidPlaced("B203", 555_000_00L, T0.plusSeconds(5)), null).get(10, TimeUnit.SECONDS);
        }
        try (Journal again = Journal.open(file, null, null)) {
            assertThat(again.replayed()).hasSize(21).last()
                    .isEqualTo(new RoomEvent.BidPlaced("B203", 555_000_00L, T0.plusSeconds(5)));
        }
    }

    @Test
    void crcMismatchCutsTheCorruptRecordAndEverythingAfterIt() throws Exception {
        Path file = dir.resolve("crc.journal");
        List<RoomEvent> events = events(10);
        try (Journal journal = Journal.open(file, header, null)) {
            for (RoomEvent e : events) {
                journal.append(e, null);
            }
        }
        // find the offset of the 8th event record (header + 7 events before it) and flip a byte of its body
        byte[] all = Files.readAllBytes(file);
        int offset = 0;
        for (int i = 0; i < 8; i++) {
            offset += 8 + java.nio.ByteBuffer.wrap(all, offset, 4).getInt();
        }
        all[offset + 9] ^= 0x40;
        Files.write(file, all);
        try (Journal reopened = Journal.open(file, null, null)) {
            assertThat(reopened.replayed()).containsExactlyElementsOf(events.subList(0, 7));
            assertThat(Files.size(file)).isEqualTo(offset);
        }
    }

    @Test
    void aHeaderWhoseBidderNumbersDoNotMatchTheirHashIsRefused() throws Exception {
        Path file = dir.resolve("hdr.journal");
        try (Journal journal = Journal.open(file, header, null)) {
            assertThat(journal.header().numbersSm3()).hasSize(64);
        }
        assertThat(Journal.open(file, null, null).header().bidderNumbers()).containsExactlyInAnyOrder("A017", "B203", "C555");
    }
}
