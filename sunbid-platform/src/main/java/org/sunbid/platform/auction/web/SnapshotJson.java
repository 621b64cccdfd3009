package org.sunbid.platform.auction.web;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.auction.domain.RoomSnapshot;

/**
 * The room's JSON, written by hand (it is sent to every watcher after every batch): amounts in yuan as text, bidder
 * numbers only, and for a signed-in bidder {@code you}: its own number and whether it leads.
 */
final class SnapshotJson {

    private record Memo(RoomSnapshot snapshot, String json) {
    }

    private record FrameMemo(RoomSnapshot snapshot, byte[] frame) {
    }

    private static volatile Memo memo;
    private static volatile FrameMemo frameMemo;

    private SnapshotJson() {
    }

    /** The public JSON of {@code s}, made once per snapshot however many watchers receive it. */
    static String shared(UUID lotId, RoomSnapshot s, Clock clock) {
        Memo m = memo;
        if (m != null && m.snapshot() == s) {
            return m.json();
        }
        String json = of(lotId, s, null, clock.instant());
        memo = new Memo(s, json);
        return json;
    }

    /**
     * The public Server-Sent Events frame of {@code s}, encoded once per state however many watchers receive it:
     * exactly the bytes SseEmitter writes for {@code event().id(version).name("room").data(json)}.
     */
    static byte[] sharedFrame(UUID lotId, RoomSnapshot s, Clock clock) {
        FrameMemo m = frameMemo;
        if (m != null && m.snapshot() == s) {
            return m.frame();
        }
        byte[] frame = ("id:" + s.version() + "\nevent:room\ndata:" + shared(lotId, s, clock) + "\n\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        frameMemo = new FrameMemo(s, frame);
        return frame;
    }

    static String of(UUID lotId, RoomSnapshot s, String you, Instant serverTime) {
        StringBuilder b = new StringBuilder(320);
        b.append("{\"lotId\":\"").append(lotId)
                .append("\",\"phase\":\"").append(s.phase())
                .append("\",\"currentPrice\":\"").append(yuan(s.currentPrice()))
                .append("\",\"leader\":").append(s.leader() == null ? "null" : "\"" + escape(s.leader()) + "\"")
                .append(",\"bids\":").append(s.bids())
                .append(",\"endsAt\":").append(s.endsAt() == null ? "null" : "\"" + s.endsAt() + "\"")
                .append(",\"minimumNext\":").append(s.minimumNext() == 0 ? "null" : "\"" + yuan(s.minimumNext()) + "\"")
                .append(",\"increment\":\"").append(yuan(s.increment()))
                .append("\",\"version\":").append(s.version())
                .append(",\"serverTime\":\"").append(serverTime).append('"');
        if (you != null) {
            b.append(",\"you\":{\"bidderNumber\":\"").append(escape(you)).append("\",\"leading\":")
                    .append(you.equals(s.leader())).append('}');
        }
        return b.append('}').toString();
    }

    /** Fen as yuan text with two decimals ("12345.00"). */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        String cents = Long.toString(abs % 100);
        return (fen < 0 ? "-" : "") + (abs / 100) + "." + (cents.length() == 1 ? "0" + cents : cents);
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
