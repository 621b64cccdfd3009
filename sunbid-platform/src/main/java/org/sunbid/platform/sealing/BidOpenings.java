package org.sunbid.platform.sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.crypto.log.ReceiptSignature;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.sealing.domain.BidOpening;
import org.sunbid.platform.sealing.domain.OpeningStatus;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.sealing.Shamir;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bid opening (开标). When bidding closes, a tender with fewer than three valid envelopes fails and must be tendered
 * again (Law 28, Reg. 44); otherwise it waits for its custodians. Each custodian releases its share after the deadline
 * (decrypted with its own key, outside the platform); with the threshold reached the opening key is rebuilt in memory
 * only, checked against the published public key, every valid envelope is opened — a damaged or unverifiable one is
 * rejected with the reason — and the opening record (唱标记录) with each bid's price sheet is signed by the platform and
 * published in the log. The released shares are then deleted; the opened files are kept for the evaluation.
 *
 * <p>The state machine is the aggregate's ({@link BidOpening}); this service checks who acts, rebuilds the key and opens
 * the envelopes, signs the record, saves the opening ({@code BidOpeningRepository}), logs, and publishes
 * {@link BidsOpened} when the record is complete.
 */
@Service
public class BidOpenings {

    /** Law 28: fewer than this many bids, and the tender is not opened ({@link BidOpening#MINIMUM_BIDS}). */
    public static final int MINIMUM_BIDS = BidOpening.MINIMUM_BIDS;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final BidOpeningRepository repository;
    private final SealedBidRepository bids;
    private final TenderKeys keys;
    private final Tenders tenders;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final org.sunbid.platform.parties.Certificates certificates;
    private final FileStore files;
    private final AuditLog auditLog;
    private final ConfidentialRecords confidential;
    private final PlatformIdentity platform;
    private final Clock clock;
    private final JsonMapper json;
    private final Path openedDir;
    private final EnvelopeOpener opener;
    private final org.sunbid.platform.deals.Procedures procedures;
    private final org.sunbid.platform.deals.Projects projects;
    private final java.time.Duration responseWindow;
    private final LiveBidding liveBidding;
    private final BidEvidenceCapture evidence;
    private final OpeningThreads threads;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final java.time.Duration openingWait;
    /** The openings running in this process, by tender (their progress). */
    private final java.util.concurrent.ConcurrentMap<UUID, Progress> inProgress = new java.util.concurrent.ConcurrentHashMap<>();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BidOpenings.class);

    BidOpenings(BidOpeningRepository repository, SealedBidRepository bids, TenderKeys keys, Tenders tenders,
            Organisations organisations, ApplicationEventPublisher events,
            org.sunbid.platform.parties.Certificates certificates, FileStore files, AuditLog auditLog, ConfidentialRecords confidential, PlatformIdentity platform, Clock clock, JsonMapper json,
            SunbidProperties properties, EnvelopeOpener opener, org.sunbid.platform.deals.Procedures procedures,
            org.sunbid.platform.deals.Projects projects,
            @Value("${sunbid.sealing.opening-response-window:PT2H}") java.time.Duration responseWindow, LiveBidding liveBidding,
            BidEvidenceCapture evidence, OpeningThreads threads,
            org.springframework.transaction.PlatformTransactionManager transactions,
            @Value("${sunbid.sealing.opening-wait:PT20S}") java.time.Duration openingWait) {
        this.evidence = evidence;
        this.threads = threads;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.openingWait = openingWait;
        this.liveBidding = liveBidding;
        this.responseWindow = responseWindow;
        this.repository = repository;
        this.bids = bids;
        this.keys = keys;
        this.tenders = tenders;
        this.organisations = organisations;
        this.events = events;
        this.certificates = certificates;
        this.files = files;
        this.auditLog = auditLog;
        this.confidential = confidential;
        this.platform = platform;
        this.clock = clock;
        this.json = json;
        this.openedDir = properties.dataDir().resolve("opened").toAbsolutePath();
        this.opener = opener;
        this.procedures = procedures;
        this.projects = projects;
    }

    /** The action of the public entry that discloses a tender's bid set at closing. */
    public static final String BIDS_DISCLOSED = "sealing.bids.disclosed";

    /**
     * At the deadline: disclose the bid set, then fail the tender for too few bids, or wait for the custodians. Runs in
     * the closing transaction (an {@code @EventListener}, not after the commit), after the pending confidential records
     * were committed: the bid set disclosed is exactly the one closing saw (a bid being accepted holds the tender until
     * it is in), and a tender is never closed without its opening row, which the custodians' to-dos and the release of
     * shares rely on.
     */
    @EventListener
    void on(BiddingClosed closed) {
        if (liveBidding.live(closed.tenderId(), clock.instant())) {
            return; // issue 17: bids are placed live in the auction room; nothing was sealed, nothing is opened
        }
        discloseBidSet(closed);
        if (!keys.exists(closed.tenderId())) {
            return; // published before tenders had opening keys: nothing sealed to open
        }
        List<SealedBidRepository.LiveEnvelope> live = bids.live(closed.tenderId());
        Instant now = clock.instant();
        int threshold = keys.threshold(closed.tenderId());
        org.sunbid.platform.deals.domain.Limit minimum = openingMinimum(closed.tenderId(), now);
        BidOpening opening = BidOpening.close(closed.tenderId(), live.size(), minimum.whole(), threshold, now);
        if (opening.status() == OpeningStatus.FAILED_TOO_FEW_BIDS) {
            List<Map<String, Object>> notOpened = live.stream().map(e -> {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("bidId", e.id().toString());
                b.put("bidderId", e.bidderId().toString());
                b.put("envelopeSm3", e.sm3());
                b.put("status", "NOT_OPENED");
                b.put("reason", "TOO_FEW_BIDS");
                return b;
            }).toList();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "sunbid.opening-record");
            record.put("tenderId", closed.tenderId().toString());
            record.put("result", "FAILED_TOO_FEW_BIDS");
            record.put("validEnvelopes", live.size());
            record.put("bids", notOpened); // every live bid accounted for: not opened, and why
            record.put("minimum", minimum.whole());
            record.put("law", minimum.article() + "：投标人（供应商）少于" + minimum.whole() + "个的，不得开标。");
            record.put("closedAt", now.toString());
            String recordJson = CanonicalJson.write(record);
            String signature = sign(recordJson);
            opening.recordFailure(recordJson, signature);
            repository.insert(opening);
            auditLog.record(AuditRecord.of("sealing.opening.failed", closed.tenderId().toString(), closed.regionCode(),
                    Actor.SYSTEM, Map.of("record", recordJson, "signature", signature)));
        } else {
            repository.insert(opening);
            auditLog.record(AuditRecord.of("sealing.opening.awaiting-shares", closed.tenderId().toString(), closed.regionCode(),
                    Actor.SYSTEM, Map.of("validEnvelopes", live.size())));
        }
    }

    /**
     * The lot's opening minimum (rule OPENING_MIN of its procedure at the closing's date: Law 28 / Reg. 44 and 87号令
     * Art. 41: 3; 74号令 Art. 37 and 50: 3; 政府采购法 Art. 31, single source: 1); absent, Law 28's 3.
     */
    private org.sunbid.platform.deals.domain.Limit openingMinimum(UUID tenderId, Instant at) {
        return projects.procedureOfLot(tenderId)
                .flatMap(code -> procedures.rulesAt(code, at).find(org.sunbid.platform.deals.domain.RuleKeys.OPENING_MIN))
                .orElse(org.sunbid.platform.deals.domain.Limit.of(MINIMUM_BIDS, org.sunbid.platform.deals.domain.LimitUnit.COUNT,
                        "《招标投标法》第二十八条、《实施条例》第四十四条"));
    }

    /**
     * Discloses every envelope received for the tender — live, replaced or withdrawn, each withdrawal with the bidder's
     * signed statement — and every confidential record of a bid received or withdrawn that was committed before the
     * deadline, with its inclusion path. Anyone can check the two against each other and against the opening record
     * (sunbid-verifier verify-opening): a bid row removed or a withdrawal faked behind the platform's back shows.
     */
    private void discloseBidSet(BiddingClosed closed) {
        List<Map<String, Object>> disclosed = bids.disclosure(closed.tenderId());
        List<Map<String, Object>> committed = confidential.disclosures(closed.tenderId().toString(),
                List.of(Bids.RECEIVED, Bids.WITHDRAWN)).stream().map(ConfidentialRecords.Disclosure::toMap).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", closed.tenderId().toString());
        payload.put("bids", disclosed);
        payload.put("committed", committed);
        auditLog.record(AuditRecord.of(BIDS_DISCLOSED, closed.tenderId().toString(), closed.regionCode(), Actor.SYSTEM, payload));
    }

    /**
     * The openings waiting for the caller's organisation to release its key share: bidding closed, the opening awaiting
     * shares ({@link #releaseShare}'s state), the organisation holding a share it has not released. A custodian's to-do
     * (the trading centre, the supervisor, the tenderee).
     */
    public List<OpeningView> awaitingMyShare(CurrentUser user) {
        if (user.organisationId() == null) {
            return List.of();
        }
        return repository.awaitingShareOf(user.organisationId()).stream().map(this::view).toList();
    }

    /**
     * A custodian releases its share (the JSON its tool decrypted); the release that completes the threshold (its
     * shares making the key) turns the opening OPENING and hands it to a worker, which opens the envelopes on all cores
     * outside this request. The request waits up to {@code sunbid.sealing.opening-wait} for it: a small opening answers
     * OPENED at once, a large one OPENING with its progress ({@link OpeningView#envelopesOpened()}). Called within a
     * transaction of the caller's, the envelopes are opened in it instead (a worker could not see the OPENING row
     * before the caller commits).
     */
    public OpeningView releaseShare(UUID tenderId, String shareJson, CurrentUser user) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return release(tenderId, shareJson, user, true);
        }
        OpeningView released = tx.execute(status -> release(tenderId, shareJson, user, false));
        if (!OpeningStatus.OPENING.name().equals(released.status())) {
            return released;
        }
        java.util.concurrent.CompletableFuture<Void> done = startOpening(tenderId);
        try {
            done.get(openingWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillOpening) {
            // a large opening goes on in the worker; its failure is logged there and retried at the next start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return view(tenderId);
    }

    /**
     * The release under the opening's row lock. With the threshold reached and the key made, the opening turns
     * OPENING (committed with the release), and with {@code openHere} the envelopes are opened at once in this
     * transaction.
     */
    private OpeningView release(UUID tenderId, String shareJson, CurrentUser user, boolean openHere) {
        BidOpening opening = repository.lock(tenderId).orElseThrow(() -> new DomainException(SealingError.OPENING_NOT_READY));
        opening.checkAcceptsShares();
        TenderKeys.HeldShare held = keys.heldShare(tenderId, user.organisationId())
                .orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
        // The certificate the share was encrypted to is checked again: still the custodian's own, active, trusted.
        if (certificates.custodianCertificateStillUsable(held.certificateId(), clock.instant()).isEmpty()) {
            throw new DomainException(SealingError.CUSTODIAN_CERTIFICATE_UNUSABLE, held.certificateId());
        }
        Shamir.Share share = opener.parseShare(shareJson, tenderId, null, held.keySm3(), held.index(), held.threshold());
        Arrays.fill(share.value(), (byte) 0);
        String region = region(tenderId);
        if (opening.release(held.index(), shareJson.strip(), clock.instant(), user.username())) {
            auditLog.record(AuditRecord.of("sealing.share.released", tenderId.toString(), region, user.actor(),
                    Map.of("shareIndex", held.index())));
        }
        if (opening.thresholdReached()) {
            java.util.Optional<EnvelopeOpener.Rebuilt> rebuilt = rebuild(opening, held.keySm3());
            if (rebuilt.isEmpty()) {
                auditLog.record(AuditRecord.of("sealing.opening.key-mismatch", tenderId.toString(), region, Actor.SYSTEM,
                        Map.of("sharesReleased", opening.releasedShares().size())));
                // the released shares do not make the key: wait for another custodian
            } else {
                opening.startOpening();
                if (openHere) {
                    OpenedRecord record = openEnvelopes(tenderId, held.keySm3(), rebuilt.get(), clock.instant(), done -> { });
                    complete(opening, region, record);
                }
            }
        }
        repository.save(opening);
        if (opening.status() == OpeningStatus.OPENED && opening.recordWritten()) {
            events.publishEvent(new BidsOpened(tenderId, Sm3.hex(opening.record()), opening.openedAt(),
                    openedBids(tenderId, opening.record())));
        }
        return view(tenderId);
    }

    /** The key of {@code opening}'s tender rebuilt from its released shares, if they make it. */
    private java.util.Optional<EnvelopeOpener.Rebuilt> rebuild(BidOpening opening, String keySm3) {
        PublicKey publicKey = Pem.publicKey(keys.view(opening.tenderId()).publicKeyPem());
        return opener.rebuild(publicKey, keySm3, opening.releasedShares(), opening.threshold());
    }

    /** Where an opening running in this process stands: how many of its envelopes are open, and when it is done. */
    private record Progress(java.util.concurrent.atomic.AtomicInteger opened, java.util.concurrent.atomic.AtomicInteger total,
            java.util.concurrent.CompletableFuture<Void> done) {
    }

    /**
     * Hands the OPENING opening of {@code tenderId} to the worker, unless it runs already in this process (then its
     * run is returned): what the release that completed the threshold and a restart (for openings left OPENING) do.
     */
    java.util.concurrent.CompletableFuture<Void> startOpening(UUID tenderId) {
        Progress fresh = new Progress(new java.util.concurrent.atomic.AtomicInteger(),
                new java.util.concurrent.atomic.AtomicInteger(-1), new java.util.concurrent.CompletableFuture<>());
        Progress running = inProgress.putIfAbsent(tenderId, fresh);
        if (running != null) {
            return running.done();
        }
        try {
            threads.openings().execute(() -> {
                try {
                    openStarted(tenderId, fresh);
                    fresh.done().complete(null);
                } catch (RuntimeException | Error e) {
                    log.error("opening of tender {} failed; it stays OPENING and is resumed at the next start", tenderId, e);
                    fresh.done().completeExceptionally(e);
                } finally {
                    inProgress.remove(tenderId, fresh);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            inProgress.remove(tenderId, fresh);
            fresh.done().completeExceptionally(shuttingDown);
        }
        return fresh.done();
    }

    /** At start: every opening left OPENING (by a stop while its envelopes were being opened) is opened again. */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void resumeOpenings() {
        for (UUID tenderId : repository.opening()) {
            log.info("resuming the opening of tender {}", tenderId);
            startOpening(tenderId);
        }
    }

    /**
     * The worker's part: the key rebuilt again from the stored shares, every live envelope opened on the envelope pool
     * (no transaction, no lock held meanwhile), then the record written under the row lock if the opening is still
     * OPENING — a second run (another process) finds it OPENED and writes nothing: the record is written once.
     */
    private void openStarted(UUID tenderId, Progress progress) {
        BidOpening opening = repository.find(tenderId).orElseThrow();
        if (opening.status() != OpeningStatus.OPENING) {
            return;
        }
        String keySm3 = keys.view(tenderId).keySm3();
        EnvelopeOpener.Rebuilt rebuilt = rebuild(opening, keySm3)
                .orElseThrow(() -> new IllegalStateException("the stored shares no longer make the key"));
        Instant now = clock.instant();
        OpenedRecord record = openEnvelopes(tenderId, keySm3, rebuilt, now, progress.opened()::set, progress.total()::set);
        tx.executeWithoutResult(status -> {
            BidOpening locked = repository.lock(tenderId).orElseThrow();
            if (locked.status() != OpeningStatus.OPENING) {
                return; // completed meanwhile: the record is written once
            }
            complete(locked, region(tenderId), record);
            repository.save(locked);
            events.publishEvent(new BidsOpened(tenderId, Sm3.hex(locked.record()), locked.openedAt(),
                    openedBids(tenderId, locked.record())));
        });
    }

    /** An opening record signed, and what the opened envelopes taught for Art. 40's evidence. */
    private record OpenedRecord(Instant openedAt, String json, String signature, List<BidEvidenceCapture.Opened> opened) {
    }

    private OpenedRecord openEnvelopes(UUID tenderId, String keySm3, EnvelopeOpener.Rebuilt rebuilt, Instant now,
            java.util.function.IntConsumer progress) {
        return openEnvelopes(tenderId, keySm3, rebuilt, now, progress, total -> { });
    }

    /**
     * Opens every live envelope of {@code tenderId} with the rebuilt key, on all cores ({@link EnvelopeOpener#openAll}),
     * into the signed opening record (the bids in the order of {@code SealedBidRepository.live}, as one after another).
     */
    private OpenedRecord openEnvelopes(UUID tenderId, String keySm3, EnvelopeOpener.Rebuilt rebuilt, Instant now,
            java.util.function.IntConsumer progress, java.util.function.IntConsumer total) {
        PrivateKey key = rebuilt.key();
        List<Integer> used = rebuilt.sharesUsed();
        record Bid(UUID id, UUID bidderId, String bidderName, String sm3, Instant receivedAt) {
        }
        List<Bid> bids = this.bids.live(tenderId).stream().map(e -> new Bid(e.id(), e.bidderId(),
                organisations.find(e.bidderId()).map(Organisation::name).orElse(null), e.sm3(), e.receivedAt())).toList();
        total.accept(bids.size());
        List<Map<String, Object>> entries = new ArrayList<>();
        List<EnvelopeOpener.Job> jobs = new ArrayList<>();
        List<Map<String, Object>> metadata = new ArrayList<>();
        for (Bid bid : bids) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bidId", bid.id().toString());
            e.put("bidderId", bid.bidderId().toString());
            e.put("bidder", bid.bidderName());
            e.put("envelopeSm3", bid.sm3());
            e.put("receivedAt", bid.receivedAt().toString());
            Path target = openedDir.resolve(tenderId.toString()).resolve(bid.id().toString());
            EnvelopeOpener.deleteQuietly(target); // what a stopped run may have left: opened afresh
            Map<String, Object> m = new LinkedHashMap<>();
            metadata.add(m);
            jobs.add(new EnvelopeOpener.Job(bid.sm3(), target, e, m::putAll));
            entries.add(e);
        }
        List<java.util.Optional<Map<String, Object>>> sheets = opener.openAll(jobs, key, progress);
        key = null; // the rebuilt key leaves scope here; nothing stored it
        List<BidEvidenceCapture.Opened> opened = new ArrayList<>();
        for (int i = 0; i < bids.size(); i++) {
            Bid bid = bids.get(i);
            Map<String, Object> m = metadata.get(i);
            Path target = jobs.get(i).target();
            sheets.get(i).ifPresent(sheet -> opened.add(
                    new BidEvidenceCapture.Opened(bid.id(), bid.bidderId(), bid.bidderName(), m, sheet, target)));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "sunbid.opening-record");
        record.put("tenderId", tenderId.toString());
        record.put("result", "OPENED");
        record.put("openedAt", now.toString());
        record.put("keySm3", keySm3);
        record.put("sharesUsed", used);
        record.put("bids", entries);
        String recordJson = CanonicalJson.write(record);
        return new OpenedRecord(now, recordJson, sign(recordJson), opened);
    }

    /** Writes the signed record into the OPENING {@code opening}, keeps Art. 40's evidence and logs the record. */
    private void complete(BidOpening opening, String region, OpenedRecord record) {
        UUID tenderId = opening.tenderId();
        opening.open(record.openedAt(), record.json(), record.signature()); // the released shares are deleted when it is saved
        evidence.capture(tenderId, record.opened()); // Art. 40's facts, learnt only now, kept as keyed hashes for supervision
        auditLog.record(AuditRecord.of("sealing.opening.recorded", tenderId.toString(), region, Actor.SYSTEM,
                Map.of("record", record.json(), "signature", record.signature())));
    }

    private String sign(String text) {
        return Base64.getEncoder().encodeToString(platform.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The bids of an opened tender as its signed opening record lists them, in the record's order, each with the names
     * of its decrypted files (for the evaluation committee). Empty unless the tender was opened.
     */
    public List<OpenedBid> openedBids(UUID tenderId) {
        return repository.find(tenderId).filter(o -> o.status() == OpeningStatus.OPENED)
                .map(o -> openedBids(tenderId, o.record())).orElse(List.of());
    }

    /**
     * The facts of 招标投标法实施条例 Art. 40 (deemed collusion) about each opened bid of {@code tenderId}, as keyed
     * hashes (see {@link BidEvidence}); empty unless the tender was opened. For supervision's check at the opening and
     * on demand; nothing is known of them before the opening, since the bidder's tool seals them in the envelope.
     */
    public List<BidEvidence> evidence(UUID tenderId) {
        return repository.find(tenderId).filter(o -> o.status() == OpeningStatus.OPENED)
                .map(o -> evidence.of(tenderId)).orElse(List.of());
    }

    /** Every opened tender's id, in the order the openings completed (for a context catching up on {@link BidsOpened}). */
    public List<UUID> openedTenders() {
        return repository.opened();
    }

    /**
     * What {@link BidsOpened} carried for an opened tender, rebuilt from its signed record (for a listener that missed
     * it, e.g. a database upgraded from a version before the event existed); empty unless the tender was opened.
     */
    public java.util.Optional<BidsOpened> replay(UUID tenderId) {
        return repository.find(tenderId).filter(o -> o.status() == OpeningStatus.OPENED)
                .map(o -> new BidsOpened(tenderId, Sm3.hex(o.record()), o.openedAt(), openedBids(tenderId, o.record())));
    }

    /** The bids as opening record {@code recordJson} lists them (what {@link BidsOpened} carries). */
    private List<OpenedBid> openedBids(UUID tenderId, String recordJson) {
        List<OpenedBid> out = new ArrayList<>();
        for (Object o : (List<?>) json.readValue(recordJson, MAP).get("bids")) {
            Map<?, ?> b = (Map<?, ?>) o;
            UUID bidId = UUID.fromString((String) b.get("bidId"));
            boolean opened = "OPENED".equals(b.get("status"));
            @SuppressWarnings("unchecked")
            Map<String, Object> sheet = opened ? (Map<String, Object>) b.get("priceSheet") : Map.of();
            BigDecimal price = null;
            if (opened && sheet.get("totalPrice") != null) {
                try {
                    price = org.sunbid.platform.kernel.Money.parse(String.valueOf(sheet.get("totalPrice"))).yuan();
                } catch (org.sunbid.platform.kernel.DomainException e) {
                    price = null; // not an amount: the committee sees the sheet and rejects the bid
                }
            }
            List<String> names = new ArrayList<>();
            Path dir = openedDir.resolve(tenderId.toString()).resolve(bidId.toString());
            if (opened && Files.isDirectory(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                            .forEach(names::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.add(new OpenedBid(bidId, UUID.fromString((String) b.get("bidderId")), (String) b.get("bidder"), opened, price,
                    sheet, names, opened ? null : (String) b.get("reason")));
        }
        return out;
    }

    /** One decrypted file of an opened bid, by the name {@link #openedBids} lists; empty for any other name. */
    public java.util.Optional<Path> openedFile(UUID tenderId, UUID bidId, String name) {
        return openedBids(tenderId).stream().filter(b -> b.bidId().equals(bidId) && b.files().contains(name)).findFirst()
                .map(b -> openedDir.resolve(tenderId.toString()).resolve(bidId.toString()).resolve(name).normalize());
    }

    /** Where a tender's opening stands (AWAITING_SHARES, OPENED, FAILED_TOO_FEW_BIDS), for everyone; empty before closing. */
    public java.util.Optional<String> status(UUID tenderId) {
        return repository.find(tenderId).map(o -> o.status().name());
    }

    /** A tender's opening, for everyone. */
    public OpeningView view(UUID tenderId) {
        BidOpening o = repository.find(tenderId).orElseThrow(() -> new DomainException(SealingError.OPENING_NOT_FOUND));
        return view(o);
    }

    private OpeningView view(BidOpening o) {
        List<OpeningView.Response> responses = o.responses().stream()
                .map(r -> new OpeningView.Response(r.bidderId(), organisations.find(r.bidderId()).map(Organisation::name).orElse(""),
                        r.objected() ? "OBJECTED" : "CONFIRMED", r.objection(), r.respondedAt(), r.answer(), r.answeredAt()))
                .sorted(java.util.Comparator.comparing(OpeningView.Response::respondedAt).thenComparing(OpeningView.Response::bidder))
                .toList();
        Integer opened = null;
        Integer total = null;
        if (o.status() == OpeningStatus.OPENING) { // progress as this process sees it (0 of the valid ones, before it runs)
            Progress p = inProgress.get(o.tenderId());
            opened = p == null ? 0 : p.opened().get();
            total = p == null || p.total().get() < 0 ? o.validEnvelopes() : p.total().get();
        }
        return new OpeningView(o.tenderId(), o.status().name(), o.validEnvelopes(), o.released().size(), o.threshold(),
                o.closedAt(), o.openedAt(), o.record(), o.recordSignature(), responses, opened, total);
    }

    /**
     * A bidder whose bid was opened confirms the opening record, or objects to it ({@code objection} not blank), online
     * and within the window after the opening (不见面开标). Logged in public.
     */
    @Transactional
    public OpeningView respond(UUID tenderId, String objection, CurrentUser user) {
        return respond(tenderId, objection, null, null, null, user);
    }

    /**
     * As {@link #respond(UUID, String, CurrentUser)}; a bidder the platform has no valid bid of (lost, or removed by an
     * insider) may still object, within the same window, by showing the bid receipt the platform signed for it on this
     * tender ({@code receipt} as signed, with {@code receiptBatch}, its batch proof, or for a receipt issued before
     * batches {@code receiptSignature} base64) — also when the tender failed for too few bids.
     */
    @Transactional
    public OpeningView respond(UUID tenderId, String objection, String receipt, String receiptSignature,
            ReceiptBatch.Proof receiptBatch, CurrentUser user) {
        BidOpening opening = repository.lock(tenderId).orElseThrow(() -> new DomainException(SealingError.OPENING_NOT_FOUND));
        Instant now = clock.instant();
        boolean hasBid = user != null && user.organisationId() != null && bids.hasLiveBid(tenderId, user.organisationId());
        String receiptSm3 = null;
        if (!hasBid && receipt != null && !receipt.isBlank() && user != null && user.organisationId() != null) {
            if (!platformReceipt(tenderId, receipt, receiptSignature, receiptBatch, user.organisationId())) {
                throw new DomainException(SealingError.RECEIPT_INVALID);
            }
            receiptSm3 = Sm3.hex(receipt);
        }
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.OPENING_RESPONSE_CLOSED);
        }
        BidOpening.Response response = opening.respond(user.organisationId(), objection, hasBid, receiptSm3 != null, now,
                responseWindow, user.username());
        repository.save(opening);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bidderId", user.organisationId().toString());
        payload.put("response", response.objected() ? "OBJECTED" : "CONFIRMED");
        payload.put("objectionSm3", response.objected() ? Sm3.hex(response.objection()) : null);
        if (receiptSm3 != null) {
            payload.put("receiptSm3", receiptSm3); // objecting on a platform-signed receipt, without a bid on record
        }
        auditLog.record(AuditRecord.of("sealing.opening." + (response.objected() ? "objected" : "confirmed"), tenderId.toString(),
                region(tenderId), user.actor(), payload));
        return view(opening);
    }

    /**
     * The openings of the caller's organisation's tenders (as tenderee or agency, as tendering knows them) with a
     * bidder's objection to the record still unanswered ({@link #answer}'s rule). A tenderee's or agency's to-do.
     */
    public List<OpeningView> objectionsAwaitingMyAnswer(CurrentUser user) {
        if (user.organisationId() == null) {
            return List.of();
        }
        List<UUID> mine = tenders.ofMyOrganisation(user).stream().map(TenderView::id).toList();
        return repository.withObjectionAwaitingAnswer(mine).stream().map(this::view).toList();
    }

    /** The tenderee (or its agency) answers a bidder's objection to the opening on the spot (Reg. 44). */
    @Transactional
    public OpeningView answer(UUID tenderId, UUID bidderId, String answer, CurrentUser user) {
        if (user == null || user.organisationId() == null || !tenders.owns(tenderId, user)) {
            throw new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND);
        }
        BidOpening opening = repository.lock(tenderId)
                .orElseThrow(() -> new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND));
        BidOpening.Response answered = opening.answer(bidderId, answer, clock.instant(), user.username());
        repository.save(opening);
        auditLog.record(AuditRecord.of("sealing.opening.objection-answered", tenderId.toString(), region(tenderId), user.actor(),
                Map.of("bidderId", bidderId.toString(), "answerSm3", Sm3.hex(answered.answer()))));
        return view(opening);
    }

    /** Whether {@code receipt} is a bid receipt the platform signed, for this tender and this bidder. */
    private boolean platformReceipt(UUID tenderId, String receipt, String signatureBase64, ReceiptBatch.Proof batch,
            UUID bidderId) {
        try {
            if (!ReceiptSignature.check(receipt, signatureBase64, batch, platform.certificate().getPublicKey()).valid()) {
                return false;
            }
            Map<String, Object> r = json.readValue(receipt, MAP);
            return "sunbid.bid-receipt".equals(r.get("type")) && tenderId.toString().equals(r.get("tenderId"))
                    && bidderId.toString().equals(r.get("bidderId"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The tender's region, as tendering knows it. */
    private String region(UUID tenderId) {
        return tenders.depositTerms(tenderId).regionCode();
    }
}
