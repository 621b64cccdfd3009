package org.sunbid.platform.auction.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunbid.platform.auction.AuctionError;
import org.sunbid.platform.auction.LiveAuctions;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Problems;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The live auction room over HTTP (part C of issue 17): bids (acknowledged once durable), the room's snapshot, its
 * Server-Sent Events stream (event id = snapshot version; {@code Last-Event-ID} resumes) and the auctioneer's increment
 * change. Nobody's identity is ever shown: bidder numbers only; a signed-in qualified bidder also gets {@code you}.
 */
@RestController
@RequestMapping("/api/v1/auctions/{lotId}")
class LiveAuctionApi {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final LiveAuctions live;
    private final java.util.Set<SseEmitter> emitters = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Problems problems;
    private final RefusalJson refusals;
    private final Clock clock;

    LiveAuctionApi(LiveAuctions live, Problems problems, Clock clock) {
        this.live = live;
        this.problems = problems;
        this.refusals = new RefusalJson(problems);
        this.clock = clock;
    }

    record BidInput(@NotNull String amount) {
    }

    record IncrementInput(@NotNull String increment, @NotBlank @Size(max = 2000) String reason) {
    }

    /** A bid in yuan ("12345.00"); 200 with the accepted bid once durable, else problem+json with the exact times. */
    @PostMapping(value = "/bids", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> bid(@PathVariable UUID lotId, @RequestBody BidInput input,
            jakarta.servlet.http.HttpServletRequest request) {
        long fen = fen(input.amount());
        BidDecision decision = live.bid(lotId, CurrentUser.current(), fen);
        if (decision instanceof BidDecision.Accepted a) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(accepted(new StringBuilder(160).append('{'), a));
        }
        BidDecision.Refused r = (BidDecision.Refused) decision;
        // pre-rendered per code and locale (no Jackson, no MessageFormat per refusal): most answers under load
        return ResponseEntity.status(r.code().httpStatus()).contentType(PROBLEM)
                .body(refusals.of(r, org.springframework.context.i18n.LocaleContextHolder.getLocale(), request.getRequestURI()));
    }

    /** The accepted bid's members appended to {@code b} (which holds an open object), closed: the POST's body. */
    static String accepted(StringBuilder b, BidDecision.Accepted a) {
        b.append("\"seq\":").append(a.bid().seq())
                .append(",\"bidderNumber\":\"").append(SnapshotJson.escape(a.bid().bidderNumber()))
                .append("\",\"amount\":\"").append(SnapshotJson.yuan(a.bid().amount()))
                .append("\",\"receivedAt\":\"").append(a.bid().receivedAt())
                .append("\",\"endsAt\":").append(a.endsAt() == null ? "null" : "\"" + a.endsAt() + "\"")
                .append(",\"phase\":\"").append(a.bid().phase()).append("\"}");
        return b.toString();
    }

    /** The room now (amounts in yuan); for a signed-in qualified bidder also {@code you}. */
    @GetMapping(value = "/room", produces = MediaType.APPLICATION_JSON_VALUE)
    String room(@PathVariable UUID lotId) {
        RoomSnapshot s = live.snapshot(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        return SnapshotJson.of(lotId, s, you(lotId), clock.instant());
    }

    /**
     * The room as Server-Sent Events: every new durable state, id = version; Last-Event-ID resumes after it. A caller
     * that names only other types (e.g. {@code application/json}) gets the snapshot JSON of {@link #room} instead (never a stream it
     * did not ask for, never a 500 from content negotiation); a lot that is not an auction lot is a 404 at once.
     */
    @GetMapping("/live")
    Object live(@PathVariable UUID lotId, @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
            @RequestHeader(value = "Accept", required = false) String accept) throws IOException {
        RoomSnapshot now = live.snapshot(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        if (!wantsStream(accept, lastEventId)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(SnapshotJson.of(lotId, now, you(lotId), clock.instant()));
        }
        String you = you(lotId);
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        Watcher watcher = new Watcher(lotId, emitter, you);
        Optional<AutoCloseable> handle = live.watch(lotId, watcher::offer);
        handle.ifPresent(h -> {
            emitter.onCompletion(() -> close(h));
            emitter.onTimeout(() -> close(h));
            emitter.onError(e -> close(h));
        });
        long after = parse(lastEventId);
        if (after >= 0 && handle.isPresent()) {
            List<RoomSnapshot> missed = live.since(lotId, after);
            for (RoomSnapshot s : missed) {
                watcher.send(s);
            }
        } else {
            watcher.send(now);
        }
        return emitter;
    }

    /** Shutting down: every live stream ends, so the web server's graceful shutdown does not wait for them. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeStreams() {
        for (SseEmitter emitter : List.copyOf(emitters)) {
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        emitters.clear();
    }

    /** The auctioneer changes the increment (where INCREMENT_CHANGE holds), with the reason logged. */
    @PostMapping(value = "/increment", produces = MediaType.APPLICATION_JSON_VALUE)
    String increment(@PathVariable UUID lotId, @RequestBody IncrementInput input) {
        if (input.reason() == null || input.reason().isBlank()) {
            throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, "reason");
        }
        RoomSnapshot s = live.changeIncrement(lotId, fen(input.increment()), input.reason(), CurrentUser.current());
        return SnapshotJson.of(lotId, s, null, clock.instant());
    }

    private String you(UUID lotId) {
        CurrentUser user = CurrentUser.current();
        return user == null ? null : live.numberOf(lotId, user).orElse(null);
    }

    private static void close(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // the watcher is gone either way
        }
    }

    /** A stream unless the caller named what it accepts and that is neither text/event-stream nor a wildcard. */
    private static boolean wantsStream(String accept, String lastEventId) {
        if (accept == null || accept.isBlank() || lastEventId != null) {
            return true;
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        return a.contains(MediaType.TEXT_EVENT_STREAM_VALUE) || a.contains("*/*") || a.contains("text/*");
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static long fen(String yuan) {
        try {
            BigDecimal amount = new BigDecimal(yuan.strip());
            if (amount.signum() <= 0 || amount.scale() > 2) {
                throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, "amount");
            }
            return amount.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException | NullPointerException e) {
            throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, "amount");
        }
    }

    /**
     * The writers of the live streams: the room's pusher only hands each watcher the newest state; a writer thread
     * writes it, so one slow or stalled watcher never holds up the others.
     */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "auction-live-writer");
        t.setDaemon(true);
        return t;
    });

    /**
     * One SSE watcher: sends each state once, in version order, as JSON (with its own {@code you} if signed in). The
     * pusher {@link #offer offers} states: while a write to this watcher is still pending, newer states only replace
     * the one waiting (the watcher gets the newest state next, never a backlog).
     */
    private final class Watcher {
        private final UUID lotId;
        private final SseEmitter emitter;
        private final String you;
        private RoomSnapshot last;
        private final java.util.concurrent.atomic.AtomicReference<RoomSnapshot> next = new java.util.concurrent.atomic.AtomicReference<>();
        private final java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean gone;

        Watcher(UUID lotId, SseEmitter emitter, String you) {
            this.lotId = lotId;
            this.emitter = emitter;
            this.you = you;
        }

        /** The pusher's call: never waits for this watcher's socket. */
        void offer(RoomSnapshot s) {
            if (gone) {
                throw new IllegalStateException("watcher gone");
            }
            next.accumulateAndGet(s, (old, n) -> old == null || n.version() >= old.version() ? n : old);
            if (writing.compareAndSet(false, true)) {
                try {
                    WRITERS.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    writing.set(false);
                }
            }
        }

        private void drain() {
            while (true) {
                RoomSnapshot s = next.getAndSet(null);
                if (s == null) {
                    writing.set(false);
                    if (next.get() == null || !writing.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                try {
                    send(s);
                } catch (IllegalStateException e) {
                    gone = true; // the pusher drops it at its next offer
                    writing.set(false);
                    return;
                }
            }
        }

        synchronized void send(RoomSnapshot s) {
            if (last != null && (s.version() < last.version() || s.equals(last))) {
                return;
            }
            last = s;
            try {
                if (you == null) {
                    // the public frame, encoded once per state for every watcher (no per-watcher JSON or SSE framing)
                    emitter.send(java.util.Set.of(new org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter
                            .DataWithMediaType(SnapshotJson.sharedFrame(lotId, s, clock), MediaType.TEXT_PLAIN)));
                } else {
                    String json = SnapshotJson.of(lotId, s, you, clock.instant());
                    emitter.send(SseEmitter.event().id(Long.toString(s.version())).name("room").data(json, MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                throw new IllegalStateException("watcher gone", e);
            }
        }
    }
}
