package org.sunbid.platform.auction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.AuctionRoom;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.Phase;
import org.sunbid.platform.auction.domain.RoomEvent;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.credit.CreditStanding;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.Tenders;

/**
 * The live engine: one {@code domain.AuctionRoom} per lot, bids taken in server-receipt order and durable in the
 * journal before they are acknowledged (part C fills in; the signatures below are fixed, others code against them).
 *
 * <p>Each room has a sequencer (a lock) under which the injected clock is read, the event applied to the room and
 * queued to the room's {@link Journal}; the caller then waits for the journal's group commit (fsync) before it answers.
 * Refused bids are journalled too (evidence) and — chosen for simplicity and so that a refusal never states a minimum
 * resting on a bid that a crash could still lose — their refusal also waits for the same fsync. Accepted bids reach the
 * transparency log in batches (one entry per batch: the seq range and the SM3 over the batch's canonical lines, every
 * second), never one entry per bid; when bidding ends the bid list is copied to {@code auction_bid} and
 * {@link BiddingEnded} is published once.
 *
 * <p>Recovery: on start every journal under {@code <data-dir>/auction/} is replayed; a room mid-countdown resumes with
 * the countdown recomputed from the journal's server times (no suspension: the rules hold no key asking for one; a
 * countdown that ran out while the platform was down ends the room at the time the journal gives).
 */
@Service
public class LiveAuctions {

    private static final Logger log = LoggerFactory.getLogger(LiveAuctions.class);

    private final Clock clock;
    private final Path dir;
    private final AuctionLots lots;
    private final AuctionBidders bidders;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final RoomCredit credit;
    private final java.time.Duration creditRefresh;
    private final Map<UUID, LiveRoom> rooms = new ConcurrentHashMap<>();
    private record LotAccount(UUID lotId, UUID accountId) {
    }

    private final Map<LotAccount, String> numbersOfAccounts = new ConcurrentHashMap<>();
    private final Thread pusher;
    private volatile boolean stopped;

    LiveAuctions(Clock clock, SunbidProperties properties, AuctionLots lots, AuctionBidders bidders, AuditLog audit,
            JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, Tenders tenders, Projects projects,
            Procedures procedures, RoomCredit credit,
            @org.springframework.beans.factory.annotation.Value("${sunbid.auction.push-interval:PT0.05S}") java.time.Duration pushInterval,
            @org.springframework.beans.factory.annotation.Value("${sunbid.auction.credit-refresh:PT1M}") java.time.Duration creditRefresh) {
        this.pushIntervalNanos = Math.max(1_000_000L, pushInterval.toNanos());
        this.clock = clock;
        this.dir = properties.dataDir().resolve("auction");
        this.lots = lots;
        this.bidders = bidders;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.credit = credit;
        this.creditRefresh = creditRefresh;
        recover();
        this.pusher = new Thread(this::pushLoop, "auction-live-push");
        pusher.setDaemon(true);
        pusher.start();
    }

    /** What a watcher of lot {@code lotId} sees now (empty for a lot with no room). */
    public Optional<RoomSnapshot> snapshot(UUID lotId) {
        LiveRoom live = room(lotId);
        if (live == null) {
            return scheduled(lotId);
        }
        Instant now = clock.instant();
        return Optional.of(live.read(r -> r.snapshot(now)));
    }

    /** The accepted bids of lot {@code lotId} in order (from the journal). */
    public List<Bid> bids(UUID lotId) {
        LiveRoom live = room(lotId);
        return live == null ? List.of() : live.read(r -> List.copyOf(r.bids()));
    }

    /** The outcome of lot {@code lotId} once bidding ended, given the opened reserve in fen (null where none was sealed). */
    public Optional<AuctionResult> result(UUID lotId, Long reserve) {
        LiveRoom live = room(lotId);
        if (live == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return live.read(r -> !r.biddersFixed() || r.endedAt(now) == null ? Optional.<AuctionResult>empty()
                : Optional.of(r.result(now, reserve)));
    }

    /** The terms of a room (empty where there is none yet). */
    public Optional<AuctionTerms> roomTerms(UUID lotId) {
        LiveRoom live = room(lotId);
        return live == null ? Optional.empty() : Optional.of(live.room.terms());
    }

    /**
     * The signed-in bidder's number in lot {@code lotId} (cached per account: numbers never change once qualified): its
     * entry to the room as a bidder (the room's views with {@code you}, its stream, its socket). Issue 20: a bidder that
     * a credit record bars at {@code AUCTION_QUALIFICATION} now — restricted after it qualified — is refused
     * ({@code CREDIT_RESTRICTED}, the records named, the refusal a confidential record) until bidding ended; the room
     * stays public to it as to anyone, without a number.
     */
    public Optional<String> numberOf(UUID lotId, CurrentUser user) {
        Optional<String> number = number(lotId, user);
        if (number.isPresent() && user.organisationId() != null) {
            LiveRoom live = rooms.get(lotId);
            Instant now = clock.instant();
            if (live == null || !live.endPublished && live.read(r -> r.endedAt(now)) == null) {
                CreditStanding standing = credit.standing(lotId, user.organisationId());
                if (standing.bars(now)) {
                    throw credit.refuse(standing.at(now), lotId, user.organisationId(), regionOf(lotId), user.actor());
                }
            }
        }
        return number;
    }

    private Optional<String> number(UUID lotId, CurrentUser user) {
        if (user == null || user.accountId() == null) {
            return Optional.empty();
        }
        LotAccount key = new LotAccount(lotId, user.accountId());
        String cached = numbersOfAccounts.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> number = bidders.numberOf(lotId, user);
        number.ifPresent(n -> numbersOfAccounts.put(key, n));
        return number;
    }

    /**
     * A bid of {@code amount} fen by the signed-in qualified bidder, received now (server time under the room's
     * sequencer); answered once the journal holds it on disk.
     */
    public BidDecision bid(UUID lotId, CurrentUser user, long amount) {
        BidDecision decision;
        try {
            decision = bidAsync(lotId, user, amount).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DomainException refused) {
                throw refused; // CREDIT_RESTRICTED (issue 20)
            }
            throw new IllegalStateException("the auction journal could not be written", e.getCause());
        }
        if (decision instanceof BidDecision.Refused r && r.code() == AuctionError.AUCTION_ENDED) {
            LiveRoom live = room(lotId);
            if (live != null) {
                endIfDue(live); // before answering (idempotent with the one bidAsync hands off)
            }
        }
        return decision;
    }

    /**
     * As {@link #bid}, but answered by a future completed once the journal holds the bid on disk — no thread waits for
     * the fsync (the bid socket's path). A lot that is not an auction lot or a bidder without a number is refused at
     * once by the exception {@link #bid} throws; the future fails only when the journal cannot be written.
     */
    public java.util.concurrent.CompletableFuture<BidDecision> bidAsync(UUID lotId, CurrentUser user, long amount) {
        LiveRoom live = room(lotId);
        if (live == null) {
            if (scheduled(lotId).isPresent()) {
                Instant now = clock.instant();
                return java.util.concurrent.CompletableFuture.completedFuture(
                        new BidDecision.Refused(AuctionError.AUCTION_NOT_STARTED, now, null, 0));
            }
            throw new DomainException(AuctionError.AUCTION_NOT_FOUND);
        }
        String number = number(lotId, user).orElseThrow(() -> {
            bidders.explainNoNumber(lotId, user); // CREDIT_RESTRICTED where a credit record is why (issue 20)
            return new DomainException(AuctionError.BIDDER_NOT_QUALIFIED);
        });
        if (!live.biddersFixed && !live.read(r -> r.bidderNumbers().contains(number))) {
            admit(live); // admitted during the listing since the room last learned of it
        }
        // issue 20: the bidder's credit standing, kept per lot (no query per bid), asked at the bid's own server time
        // under the sequencer; a barred bid is not applied, not journalled: the room does not change
        UUID organisation = user.organisationId();
        CreditStanding standing = organisation == null ? null : credit.standing(lotId, organisation);
        return live.submit(clock, at -> {
            if (standing != null && standing.bars(at)) {
                throw new CreditBarred(standing.at(at));
            }
            return new RoomEvent.BidPlaced(number, amount, at);
        }).thenApply(applied -> {
            BidDecision decision = applied.decision();
            if (decision instanceof BidDecision.Refused r && r.code() == AuctionError.AUCTION_ENDED && !live.endPublished) {
                ENDING.execute(() -> {
                    try {
                        endIfDue(live);
                    } catch (RuntimeException e) {
                        log.warn("auction room {}: ending: {}", lotId, e.toString());
                    }
                });
            }
            return decision;
        }).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof CreditBarred barred) {
                // the refusal is recorded (a transaction of its own) off the sequencer's and the journal's threads
                return java.util.concurrent.CompletableFuture.<BidDecision>supplyAsync(() -> {
                    throw credit.refuse(barred.verdict, lotId, organisation, regionOf(lotId), user.actor());
                }, REFUSING);
            }
            return java.util.concurrent.CompletableFuture.failedFuture(cause);
        });
    }

    /** A bid the room's credit gate refused under the sequencer (no stack: it is an answer, not a fault). */
    private static final class CreditBarred extends RuntimeException {
        final transient CreditVerdict verdict;

        CreditBarred(CreditVerdict verdict) {
            super("credit restricted", null, false, false);
            this.verdict = verdict;
        }
    }

    /** Records credit refusals of bids and answers them (see {@link #bidAsync}). */
    private static final java.util.concurrent.Executor REFUSING = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "auction-credit-refusals");
        t.setDaemon(true);
        return t;
    });

    /** Ends a room after a late bid found it over, off the journal's thread (the tick would too, within a second). */
    private static final java.util.concurrent.Executor ENDING = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "auction-ending");
        t.setDaemon(true);
        return t;
    });

    /**
     * The auctioneer (the lot's owner or agency) changes the increment to {@code increment} fen where the lot's rules
     * allow it (INCREMENT_CHANGE: 39号令 Art. 16, 18), logged with who and why.
     */
    public RoomSnapshot changeIncrement(UUID lotId, long increment, String reason, CurrentUser user) {
        LiveRoom live = room(lotId);
        if (live == null) {
            throw new DomainException(AuctionError.AUCTION_NOT_FOUND);
        }
        if (!tenders.owns(lotId, user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Instant now = clock.instant();
        String procedure = projects.procedureOfLot(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        if (!procedures.rulesAt(procedure, now).holds(RuleKeys.INCREMENT_CHANGE)) {
            throw new DomainException(AuctionError.INCREMENT_CHANGE_NOT_ALLOWED);
        }
        if (increment <= 0) {
            throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, "increment");
        }
        Phase phase = live.read(r -> r.phaseAt(now));
        if (phase == Phase.ENDED) {
            throw new DomainException(AuctionError.AUCTION_ENDED, now, live.read(r -> r.endedAt(now)));
        }
        LiveRoom.Applied applied = await(live.submit(clock, at -> new RoomEvent.IncrementChanged(increment, at)));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lotId", lotId.toString());
        payload.put("increment", increment);
        payload.put("reason", reason);
        payload.put("version", applied.snapshot().version());
        audit.record(AuditRecord.of("auction.increment.changed", lotId.toString(), regionOf(lotId), user.actor(), payload));
        return applied.snapshot();
    }

    /** Tells {@code watcher} each new durable state of lot {@code lotId}'s room; closing the handle stops it. */
    public Optional<AutoCloseable> watch(UUID lotId, Consumer<RoomSnapshot> watcher) {
        LiveRoom live = room(lotId);
        return live == null ? Optional.empty() : Optional.of(live.watch(watcher));
    }

    /** The durable states after {@code version} (a reconnecting watcher's Last-Event-ID), oldest first. */
    public List<RoomSnapshot> since(UUID lotId, long version) {
        LiveRoom live = room(lotId);
        return live == null ? List.of() : live.since(version);
    }

    /**
     * Applications closed: remember the lot if it is an auction lot, so its room opens at the start and ends on time; a
     * listing room already open admits whoever remains and fixes its set of bidders (39号令 Art. 19).
     */
    @ApplicationModuleListener
    public void on(BiddingClosed closed) {
        if (lots.terms(closed.tenderId()).isPresent()) {
            jdbc.sql("INSERT INTO auction_room (lot_id, region_code) VALUES (:l, :r) ON CONFLICT (lot_id) DO NOTHING")
                    .param("l", closed.tenderId()).param("r", closed.regionCode()).update();
            LiveRoom live = rooms.get(closed.tenderId());
            if (live != null) {
                bidders.qualify(closed.tenderId()); // idempotent: AuctionBidders' own listener may come first or after
                admit(live);
            }
        }
    }

    /**
     * Brings an admitting listing room up to date (what the tick does every second): the bidders admitted since
     * ({@link AuctionBidders#admit}) are journalled as {@code BidderAdmitted} — which no watcher sees — and once
     * applications closed ({@link AuctionBidders#qualify}) the remaining ones are, then {@code BiddersFixed}.
     */
    void admit(LiveRoom live) {
        synchronized (live.admission) {
            if (live.biddersFixed || live.read(AuctionRoom::biddersFixed)) {
                live.biddersFixed = true;
                return;
            }
            bidders.admit(live.lotId);
            boolean fixed = bidders.qualified(live.lotId);
            Set<String> known = live.read(r -> Set.copyOf(r.bidderNumbers()));
            for (String number : bidders.numbers(live.lotId)) {
                if (!known.contains(number)) {
                    await(live.submit(clock, at -> new RoomEvent.BidderAdmitted(number, at)));
                }
            }
            if (fixed) {
                await(live.submit(clock, RoomEvent.BiddersFixed::new));
                live.biddersFixed = true;
            }
        }
    }

    /** Opens the rooms whose bidding started, ends those whose bidding ended, logs accepted bids in batches. */
    @Scheduled(fixedDelayString = "${sunbid.auction.tick:PT1S}")
    public void tick() {
        Instant now = clock.instant();
        // listings open at their start while applications are still open (39号令 Art. 17–19)
        for (UUID lotId : jdbc.sql("""
                SELECT lot_id FROM auction_lot l WHERE format <> 'ASCENDING' AND bidding_start <= :now
                AND NOT EXISTS (SELECT 1 FROM auction_room r WHERE r.lot_id = l.lot_id)""")
                .param("now", Timestamp.from(now)).query(UUID.class).list()) {
            try {
                room(lotId);
            } catch (RuntimeException e) {
                log.warn("auction room {} at {}: {}", lotId, now, e.toString());
            }
        }
        for (UUID lotId : jdbc.sql("SELECT lot_id FROM auction_room WHERE ended_at IS NULL").query(UUID.class).list()) {
            try {
                LiveRoom live = room(lotId);
                if (live != null) {
                    admit(live);
                    logBids(live);
                    endIfDue(live);
                }
            } catch (RuntimeException e) {
                log.warn("auction room {} at {}: {}", lotId, now, e.toString());
            }
        }
        try {
            credit.refresh(creditRefresh); // what no credit event told of
        } catch (RuntimeException e) {
            log.warn("auction rooms' credit standings at {}: {}", now, e.toString());
        }
    }

    /** The room of {@code lotId}: running, recovered, or opened now if its bidding started and its bidders are known. */
    LiveRoom room(UUID lotId) {
        LiveRoom live = rooms.get(lotId);
        if (live != null) {
            return live;
        }
        Optional<AuctionTerms> terms = lots.terms(lotId);
        if (terms.isEmpty() || clock.instant().isBefore(terms.get().biddingStart())) {
            return null;
        }
        // A listing's room opens at its start even before anyone qualified: applications stay open during the listing
        // (39号令 Art. 11, 17–19) and bidders are admitted as their deposits settle. Other rooms open once qualified.
        boolean admitting = terms.get().format() != AuctionFormat.ASCENDING && !bidders.qualified(lotId)
                && applicationsOpen(lotId);
        if (admitting) {
            bidders.admit(lotId);
        }
        Set<String> numbers = bidders.numbers(lotId);
        if (numbers.isEmpty() && !admitting) {
            return null;
        }
        LiveRoom opened = rooms.computeIfAbsent(lotId, id -> {
            jdbc.sql("INSERT INTO auction_room (lot_id, region_code) VALUES (:l, :r) ON CONFLICT (lot_id) DO NOTHING")
                    .param("l", id).param("r", regionOf(id)).update();
            Journal.Header header = new Journal.Header(terms.get(), numbers, admitting);
            return new LiveRoom(header, onDurable -> Journal.open(file(id), header, onDurable), clock);
        });
        if (admitting && bidders.qualified(lotId)) {
            admit(opened); // applications closed while the room opened
        }
        return opened;
    }

    /** Whether lot {@code lotId} is published and its applications are open now (else its room waits for the close). */
    private boolean applicationsOpen(UUID lotId) {
        try {
            var terms = tenders.depositTerms(lotId);
            return terms.status() == TenderStatus.PUBLISHED && clock.instant().isBefore(terms.bidDeadline());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Optional<RoomSnapshot> scheduled(UUID lotId) {
        Optional<AuctionTerms> terms = lots.terms(lotId);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        if (!bidders.qualified(lotId)) { // how many are admitted so far must not show
            return Optional.of(AuctionRoom.admitting(terms.get(), Set.of()).snapshot(clock.instant()));
        }
        Set<String> numbers = bidders.numbers(lotId);
        return Optional.of(new AuctionRoom(terms.get(), numbers).snapshot(clock.instant()));
    }

    private Path file(UUID lotId) {
        return dir.resolve(lotId + ".journal");
    }

    private void recover() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.journal")) {
            for (Path file : files) {
                LiveRoom live = new LiveRoom(peekHeader(file), onDurable -> Journal.open(file, null, onDurable), clock);
                rooms.put(live.lotId, live);
                log.info("auction room {} recovered from its journal: {} events, {} accepted bids", live.lotId,
                        live.journal.replayed().size(), live.read(AuctionRoom::bids).size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Journal.Header peekHeader(Path file) {
        try (Journal j = Journal.open(file, null, null)) {
            return j.header();
        }
    }

    /** Logs the accepted bids made durable since the last entry as one entry (seq range + SM3 over their lines). */
    void logBids(LiveRoom live) {
        long logged = jdbc.sql("SELECT logged_seq FROM auction_room WHERE lot_id = :l").param("l", live.lotId)
                .query(Long.class).optional().orElse(0L);
        List<Bid> batch = live.takeUnlogged(logged);
        if (batch.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("lotId", live.lotId.toString());
                payload.put("fromSeq", batch.get(0).seq());
                payload.put("toSeq", batch.get(batch.size() - 1).seq());
                payload.put("count", batch.size());
                payload.put("bidsSm3", batchSm3(batch));
                audit.record(AuditRecord.of("auction.bids.accepted", live.lotId.toString(), regionOf(live.lotId), Actor.SYSTEM,
                        payload));
                jdbc.sql("UPDATE auction_room SET logged_seq = :s WHERE lot_id = :l")
                        .param("s", batch.get(batch.size() - 1).seq()).param("l", live.lotId).update();
            });
        } catch (RuntimeException e) {
            live.putBack(batch);
            throw e;
        }
    }

    /** The canonical text of accepted bids, one a line: {@code seq|bidderNumber|amountFen|receivedAt|phase}. */
    public static String canonicalLines(List<Bid> bids) {
        return canonicalLines(bids, new StringBuilder(bids.size() * 64));
    }

    private static String canonicalLines(List<Bid> bids, StringBuilder b) {
        for (Bid bid : bids) {
            b.append(bid.seq()).append('|').append(bid.bidderNumber()).append('|').append(bid.amount()).append('|')
                    .append(bid.receivedAt()).append('|').append(bid.phase()).append('\n');
        }
        return b.toString();
    }

    /** SM3 (hex) over {@link #canonicalLines} of a batch, as the log entry states it. */
    public static String batchSm3(List<Bid> bids) {
        // line by line into the digest: a second's bids never become one large string (a humongous object to the GC)
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        StringBuilder line = new StringBuilder(96);
        for (Bid bid : bids) {
            line.setLength(0);
            byte[] bytes = canonicalLines(List.of(bid), line).getBytes(StandardCharsets.UTF_8);
            digest.update(bytes, 0, bytes.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return java.util.HexFormat.of().formatHex(out);
    }

    /** Publishes BiddingEnded once (and copies the bids to auction_bid) when the room's bidding has ended. */
    void endIfDue(LiveRoom live) {
        if (live.endPublished) {
            return;
        }
        Instant now = clock.instant();
        Instant endedAt = live.read(r -> r.biddersFixed() ? r.endedAt(now) : null); // never before applications closed
        if (endedAt == null) {
            return;
        }
        synchronized (live) {
            if (live.endPublished) {
                return;
            }
            logBids(live);
            List<Bid> bids = live.read(r -> List.copyOf(r.bids()));
            tx.executeWithoutResult(s -> {
                jdbc.sql("INSERT INTO auction_room (lot_id, region_code) VALUES (:l, :r) ON CONFLICT (lot_id) DO NOTHING")
                        .param("l", live.lotId).param("r", regionOf(live.lotId)).update();
                int updated = jdbc.sql("UPDATE auction_room SET ended_at = :e, bids = :b WHERE lot_id = :l AND ended_at IS NULL")
                        .param("e", Timestamp.from(endedAt)).param("b", bids.size()).param("l", live.lotId).update();
                if (updated == 0) {
                    return;
                }
                for (Bid b : bids) {
                    jdbc.sql("""
                            INSERT INTO auction_bid (lot_id, seq, bidder_number, amount, received_at, phase)
                            VALUES (:l, :s, :n, :a, :r, :p) ON CONFLICT DO NOTHING""")
                            .param("l", live.lotId).param("s", b.seq()).param("n", b.bidderNumber()).param("a", b.amount())
                            .param("r", Timestamp.from(b.receivedAt())).param("p", b.phase().name()).update();
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("lotId", live.lotId.toString());
                payload.put("endedAt", endedAt.toString());
                payload.put("bids", bids.size());
                payload.put("bidsSm3", batchSm3(bids));
                audit.record(AuditRecord.of("auction.bidding.ended", live.lotId.toString(), regionOf(live.lotId), Actor.SYSTEM,
                        payload));
                events.publishEvent(new BiddingEnded(live.lotId, endedAt, bids.size()));
            });
            live.endPublished = true;
            credit.forget(live.lotId);
        }
    }

    private String regionOf(UUID lotId) {
        return jdbc.sql("SELECT region_code FROM auction_room WHERE lot_id = :l").param("l", lotId).query(String.class)
                .optional().orElseGet(() -> projects.ofLot(lotId).map(p -> p.regionCode()).orElse("000000"));
    }

    private static LiveRoom.Applied await(java.util.concurrent.CompletableFuture<LiveRoom.Applied> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the auction journal could not be written", e.getCause());
        }
    }

    /**
     * Every 50 ms ({@code sunbid.auction.push-interval}; a round starts that long after the last one started, or at once
     * if that one took longer): each room's
     * newest durable state to its watchers; every second a time-driven change (phase, end). A price acknowledged just
     * after a round started reaches every watcher with the next: within 50 ms plus the round's own length, well inside
     * the 100 ms the live page promises, for a fixed 20 writes per second per watcher however fast the bids come.
     */
    private final long pushIntervalNanos;

    private void pushLoop() {
        long lastTimeCheck = 0;
        long nextRound = System.nanoTime();
        while (!stopped) {
            try {
                nextRound += pushIntervalNanos;
                long wait = nextRound - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                } else {
                    nextRound = System.nanoTime(); // behind: start now, never a burst of rounds to catch up
                }
                boolean timeCheck = System.nanoTime() - lastTimeCheck > 1_000_000_000L;
                if (timeCheck) {
                    lastTimeCheck = System.nanoTime();
                }
                for (LiveRoom live : rooms.values()) {
                    if (live.watcherCount() == 0) {
                        continue;
                    }
                    RoomSnapshot durable = live.durableSnapshot();
                    if (durable.version() > live.pushedVersion) {
                        live.push(durable);
                    } else if (timeCheck) {
                        Instant now = clock.instant();
                        RoomSnapshot current = live.read(r -> r.snapshot(now));
                        RoomSnapshot pushed = live.pushed;
                        if (current.version() == durable.version() && (pushed == null || pushed.phase() != current.phase()
                                || !java.util.Objects.equals(pushed.endsAt(), current.endsAt()))) {
                            live.push(current);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("auction push: {}", e.toString());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void close() {
        stopped = true;
        pusher.interrupt();
        rooms.values().forEach(r -> r.journal.close());
    }
}
