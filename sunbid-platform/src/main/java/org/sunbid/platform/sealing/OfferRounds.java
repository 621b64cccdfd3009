package org.sunbid.platform.sealing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.sealing.domain.OfferRound;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.platform.trust.ReceiptSigner;
import org.sunbid.sealing.Envelope;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rounds of sealed final offers (最后报价) of a negotiation or consultation (74号令 Art. 32–33; 财库〔2014〕214号
 * Art. 21), sealed like bids and with the same machinery: when the panel calls for final offers (through the
 * procurement context) the round gets its own SM2 opening key, made by {@link TenderKeys#make} for the same custodians
 * and threshold as the lot's bid opening key, the creation logged in public; each supplier of the round seals its offer
 * on arrival to that key ({@link ArrivalSealing}, as the web bid path; the plain price is never stored, logged, or
 * echoed in an error), strictly before the deadline, a later offer replacing the earlier one, with a platform-signed
 * receipt; once every supplier's offer is in or the deadline has passed, the custodians release their shares as for the
 * bid opening, the key is rebuilt in memory ({@link EnvelopeOpener}), the offers opened, the platform-signed round record
 * published, and {@link OffersOpened} published. Before opening nobody — platform, panel, purchaser or rival — can read
 * a price; the view says only whether every offer is in.
 *
 * <p>The state machine is the aggregate's ({@link OfferRound}); this service checks who acts, seals, opens, signs,
 * saves ({@code OfferRoundRepository}), logs and publishes.
 */
@Service
public class OfferRounds {

    /** The action of a round key's creation in the public log (the key, its threshold, the custodians' certificates). */
    public static final String KEY_CREATED = "sealing.offer-round.key-created";
    /** The action of an offer's confidential record (its count is as secret as its price until opening). */
    public static final String RECEIVED = "sealing.offer.received";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final OfferRoundRepository repository;
    private final TenderKeys keys;
    private final BidOpenings openings;
    private final Tenders tenders;
    private final Organisations organisations;
    private final Certificates certificates;
    private final FileStore files;
    private final ArrivalSealing arrival;
    private final EnvelopeOpener opener;
    private final AuditLog auditLog;
    private final ConfidentialRecords confidential;
    private final PlatformIdentity platform;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final BiddingCredit credit;
    private final Clock clock;
    private final JsonMapper json;
    private final Path openedDir;
    private final long maxSize;
    private final ReceiptSigner receiptSigner;

    OfferRounds(OfferRoundRepository repository, TenderKeys keys, BidOpenings openings, Tenders tenders,
            Organisations organisations, Certificates certificates, FileStore files, ArrivalSealing arrival,
            EnvelopeOpener opener, AuditLog auditLog, ConfidentialRecords confidential, PlatformIdentity platform,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, JsonMapper json, SunbidProperties properties,
            @Value("${sunbid.sealing.max-envelope-size:1073741824}") long maxSize, BiddingCredit credit,
            ReceiptSigner receiptSigner) {
        this.receiptSigner = receiptSigner;
        this.credit = credit;
        this.repository = repository;
        this.keys = keys;
        this.openings = openings;
        this.tenders = tenders;
        this.organisations = organisations;
        this.certificates = certificates;
        this.files = files;
        this.arrival = arrival;
        this.opener = opener;
        this.auditLog = auditLog;
        this.confidential = confidential;
        this.platform = platform;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.openedDir = properties.dataDir().resolve("opened").toAbsolutePath();
        this.maxSize = maxSize;
    }

    /**
     * The panel calls for final offers: round
     * {@code round} of lot {@code lotId} — numbered from 1, each once, after the previous round was opened and only
     * after the lot's bids (responses) were opened — open to {@code suppliers} (whose responses were opened) until
     * {@code deadline}. Makes the round's opening key for the custodians of the lot's bid opening key with its threshold,
     * each share encrypted to the custodian's certificate in force; the creation is logged in public with the key.
     * Sealing has no route for it: the procurement context calls it once it has checked that {@code user} acts for the
     * lot's panel (a seated member) or owns the lot; sealing only refuses a call without a user.
     */
    @Transactional
    public OfferRoundView open(UUID lotId, int round, Instant deadline, Set<UUID> suppliers, CurrentUser user) {
        if (user == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        repository.lock(lotId, 0); // rounds are numbered one at a time
        if (!"OPENED".equals(openings.status(lotId).orElse(null))) {
            throw new DomainException(SealingError.ROUND_BIDS_NOT_OPENED);
        }
        List<Integer> rounds = repository.rounds(lotId);
        boolean previousOpened = rounds.isEmpty()
                || repository.find(lotId, rounds.get(rounds.size() - 1)).map(r -> r.status() == OfferRound.Status.OPENED).orElse(false);
        Set<UUID> opened = new java.util.HashSet<>();
        openings.openedBids(lotId).stream().filter(OpenedBid::opened).forEach(b -> opened.add(b.bidderId()));
        if (suppliers == null || !opened.containsAll(suppliers)) {
            throw new DomainException(SealingError.ROUND_INVALID, rounds.size() + 1);
        }
        Instant now = clock.instant();
        List<Organisation> custodians = keys.custodiansOf(lotId);
        OfferRound offerRound = OfferRound.open(lotId, round, rounds.size(), previousOpened, deadline, suppliers,
                keys.threshold(lotId), now);
        TenderKeys.MadeKey key = keys.make(lotId, round, custodians, keys.threshold(lotId));
        Map<String, Object> payload = key.logPayload(lotId, round);
        payload.put("deadline", deadline.toString());
        payload.put("suppliers", suppliers.size());
        long seq = auditLog.append(AuditRecord.of(KEY_CREATED, lotId.toString(), region(lotId), user.actor(), payload)).seq();
        repository.insert(offerRound, key, now, user.username(), seq);
        return view(lotId, round).orElseThrow();
    }

    /**
     * Another context opens a competition round (issue 22: a framework agreement's secondary price competition, 二次竞价;
     * later its first-stage responses) for lot {@code lotId}: numbered next on the lot under the lot's lock (max + 1),
     * independent of the lot's other rounds (several may be open at once; no bid opening needed), open to
     * {@code suppliers} — or, if null, to any supplier the owning context admits (then due only at its deadline, never
     * "all in") — until {@code deadline}. Its key goes to the custodians a lot key of region {@code regionCode} and owner
     * {@code ownerId} gets ({@link TenderKeys#custodyFor}: the region's centre, its supervision department and the owner,
     * k by the region's policy), each share bound to (lot, round); the creation is logged in public with the key.
     * {@code purpose} names the round for its owner (it comes back in {@link OffersOpened}). Sealing has no route for
     * it: the owning context calls it after its own checks.
     */
    @Transactional
    public OfferRoundView openCompetition(UUID lotId, String regionCode, UUID ownerId, String purpose, Instant deadline,
            Set<UUID> suppliers, Actor actor) {
        if (actor == null || lotId == null || regionCode == null || ownerId == null || purpose == null || purpose.isBlank()
                || purpose.length() > 200) {
            throw new DomainException(SealingError.ROUND_INVALID, 1);
        }
        repository.lock(lotId, 0); // rounds are numbered one at a time
        int round = repository.nextRound(lotId);
        Instant now = clock.instant();
        TenderKeys.Custody custody = keys.custodyFor(regionCode, ownerId);
        OfferRound offerRound = OfferRound.openCompetition(lotId, round, deadline, suppliers, custody.threshold(), now);
        TenderKeys.MadeKey key = keys.make(lotId, round, custody.custodians(), custody.threshold());
        Map<String, Object> payload = key.logPayload(lotId, round);
        payload.put("kind", OfferRound.Kind.COMPETITION.name());
        payload.put("purpose", purpose);
        payload.put("deadline", deadline.toString());
        payload.put("suppliers", suppliers == null ? "open" : (Object) suppliers.size());
        long seq = auditLog.append(AuditRecord.of(KEY_CREATED, lotId.toString(), regionCode, actor, payload)).seq();
        repository.insert(offerRound, new OfferRoundRepository.Meta(OfferRound.Kind.COMPETITION, regionCode, ownerId, purpose),
                key, now, actor.username(), seq);
        return view(lotId, round).orElseThrow();
    }

    /**
     * A supplier offers into a competition round, through the owning context once it has checked the supplier (its
     * membership, credit): the price sheet (a JSON object with {@code totalPrice} and/or {@code itemPrices}) sealed on
     * arrival to the round's key, as {@link #submit}. Only for competition rounds ({@code ROUND_NOT_FOUND} otherwise),
     * strictly before the deadline ({@code OFFER_LATE}), from a supplier of the round ({@code OFFER_NOT_INVITED}; any
     * supplier in an open round); a later offer replaces the earlier one.
     */
    public BidReceipt sealCompetitionOffer(UUID lotId, int round, String priceSheetJson, String ip, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(SealingError.OFFER_NOT_INVITED);
        }
        OfferRound found = repository.find(lotId, round).filter(r -> r.kind() == OfferRound.Kind.COMPETITION)
                .orElseThrow(() -> new DomainException(SealingError.ROUND_NOT_FOUND));
        found.checkAcceptsOffer(user.organisationId(), clock.instant()); // refused before anything is sealed
        PriceSheets.check(priceSheetJson);
        OfferRoundRepository.Key key = repository.key(lotId, round).orElseThrow();
        InputStream content = new ByteArrayInputStream(("第" + round + "轮密封报价（报价见报价表）").getBytes(StandardCharsets.UTF_8));
        return arrival.seal(lotId, "密封报价.txt", priceSheetJson, content, maxSize, Pem.publicKey(key.publicKeyPem()), ip, user,
                sealed -> store(lotId, round, key, sealed, user));
    }

    /** Whether the caller's organisation has an offer in the round (only ever told to the supplier itself). */
    public boolean hasOffer(UUID lotId, int round, CurrentUser user) {
        return user != null && user.organisationId() != null
                && repository.latestReceipt(lotId, round, user.organisationId()).isPresent();
    }

    /**
     * A supplier of the round submits its final offer: the price sheet (a JSON object whose {@code totalPrice} is an
     * amount) sealed on arrival to the round's key, with no file.
     */
    public BidReceipt submit(UUID lotId, int round, String priceSheetJson, CurrentUser user) {
        return submit(lotId, round, priceSheetJson, null, null, null, user);
    }

    /**
     * As {@link #submit(UUID, int, String, CurrentUser)} with one file ({@code fileName}, streamed from {@code file})
     * sealed with the price sheet. Strictly before the round's deadline ({@code OFFER_LATE} at it), only from a supplier
     * of the round ({@code OFFER_NOT_INVITED}); a later offer replaces the earlier one. Answers the platform-signed
     * receipt (the offer's count and content stay secret until opening: a confidential record).
     */
    public BidReceipt submit(UUID lotId, int round, String priceSheetJson, String fileName, InputStream file, String ip,
            CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(SealingError.OFFER_NOT_INVITED);
        }
        OfferRound found = repository.find(lotId, round).orElseThrow(() -> new DomainException(SealingError.ROUND_NOT_FOUND));
        if (found.kind() != OfferRound.Kind.NEGOTIATION) {
            throw new DomainException(SealingError.OFFER_THROUGH_OWNER); // its owner checks the supplier, then seals
        }
        found.checkAcceptsOffer(user.organisationId(), clock.instant()); // refused before anything is sealed
        checkNotSuspended(tenders.depositTerms(lotId), clock.instant());
        credit.require(lotId, user.organisationId(), clock.instant(), region(lotId), user.actor()); // issue 20
        PriceSheets.check(priceSheetJson);
        OfferRoundRepository.Key key = repository.key(lotId, round).orElseThrow();
        String name = fileName == null || fileName.isBlank() ? "最后报价.txt" : fileName;
        InputStream content = file != null ? file
                : new ByteArrayInputStream(("第" + round + "轮最后报价（报价见报价表）").getBytes(StandardCharsets.UTF_8));
        return arrival.seal(lotId, name, priceSheetJson, content, maxSize, Pem.publicKey(key.publicKeyPem()), ip, user,
                sealed -> store(lotId, round, key, sealed, user));
    }

    /**
     * Tendering's rule for the lot: while the department handling a complaint has the procurement suspended (政府采购法
     * Art. 57, 94号令 Art. 28), no final offer is taken ({@code GPL_57_PROCUREMENT_SUSPENDED}).
     */
    private static void checkNotSuspended(org.sunbid.platform.tendering.DepositTerms terms, Instant now) {
        if (terms.suspendedByComplaint(now)) {
            throw new DomainException(SealingError.GPL_57_PROCUREMENT_SUSPENDED);
        }
    }

    private BidReceipt store(UUID lotId, int round, OfferRoundRepository.Key key, InputStream sealed, CurrentUser user)
            throws IOException {
        try (FileStore.Written<Envelope.Verified> upload = EnvelopeIntake.store(files, sealed, maxSize)) {
            Envelope.Verified envelope = upload.value();
            if (!envelope.header().tenderId().equals(lotId) || !envelope.header().openingKeySm3().equals(key.keySm3())
                    || !envelope.header().bidder().equals(platform.certificate())) {
                throw new DomainException(SealingError.ENVELOPE_WRONG_TENDER);
            }
            String region = region(lotId, round);
            return tx.execute(status -> {
                repository.lock(lotId, round);
                OfferRound offerRound = repository.find(lotId, round).orElseThrow();
                Instant now = clock.instant(); // the moment the whole offer is in and checked
                if (offerRound.kind() == OfferRound.Kind.NEGOTIATION) { // a competition round's owner checked its own rules
                    checkNotSuspended(tenders.depositTermsHeld(lotId), now);
                    credit.require(lotId, user.organisationId(), now, region, user.actor()); // at the upload instant
                }
                UUID offerId = UUID.randomUUID();
                offerRound.offer(offerId, user.organisationId(), envelope.sm3(), now);
                Map<String, Object> receipt = new LinkedHashMap<>();
                receipt.put("type", "sunbid.offer-receipt");
                receipt.put("tenderId", lotId.toString());
                receipt.put("round", round);
                receipt.put("offerId", offerId.toString());
                receipt.put("bidderId", user.organisationId().toString());
                receipt.put("envelopeSm3", envelope.sm3());
                receipt.put("size", envelope.size());
                receipt.put("receivedAt", now.toString());
                receipt.put("sealedBy", "platform-on-arrival");
                String receiptJson = CanonicalJson.write(receipt);
                ReceiptBatch.Proof batch = receiptSigner.sign(receiptJson); // signed with its batch: see BidReceipt
                repository.save(offerRound, Map.of(offerId, new OfferRoundRepository.Received(envelope.size(), user.username(),
                        receiptJson, null, batch.toJson())));
                files.reference(envelope.sm3(), "sealing.offer:" + offerId);
                confidential.record(offerId, AuditRecord.of(RECEIVED, lotId.toString(), region, user.actor(),
                        Map.of("round", round, "offerId", offerId.toString(), "envelopeSm3", envelope.sm3(),
                                "receiptSm3", Sm3.hex(receiptJson))));
                return new BidReceipt(receiptJson, null, Sm3.hex(platformCertificate()), null, batch);
            });
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, maxSize);
        }
    }

    /** The receipt of the caller's offer that counts in the round, with its log commitment once committed. */
    public BidReceipt myReceipt(UUID lotId, int round, CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            throw new DomainException(SealingError.OFFER_NOT_FOUND);
        }
        SealedBidRepository.StoredReceipt row = repository.latestReceipt(lotId, round, user.organisationId())
                .orElseThrow(() -> new DomainException(SealingError.OFFER_NOT_FOUND));
        return new BidReceipt(row.receipt(), row.signature(), Sm3.hex(platformCertificate()),
                confidential.disclosure(row.id()).map(ConfidentialRecords.Disclosure::toMap).orElse(null), row.batch());
    }

    /** The caller's organisation's encrypted share of the round's key (base64), for its own tool to decrypt. */
    public String myEncryptedShare(UUID lotId, int round, CurrentUser user) {
        return repository.heldShare(lotId, round, user == null ? null : user.organisationId())
                .map(OfferRoundRepository.HeldShare::encryptedShare)
                .orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
    }

    /**
     * A custodian releases its share of the round's key (the JSON its tool decrypted), only once the round is due
     * ({@code ROUND_NOT_DUE} before: every offer in, or the deadline passed); the threshold reached, the key is rebuilt
     * in memory, every supplier's offer opened, the platform-signed round record published and {@link OffersOpened}
     * published.
     */
    @Transactional
    public OfferRoundView releaseShare(UUID lotId, int round, String shareJson, CurrentUser user) {
        repository.lock(lotId, round);
        OfferRound offerRound = repository.find(lotId, round).orElseThrow(() -> new DomainException(SealingError.ROUND_NOT_FOUND));
        Instant now = clock.instant();
        offerRound.checkAcceptsShares(now);
        OfferRoundRepository.HeldShare held = repository.heldShare(lotId, round, user == null ? null : user.organisationId())
                .orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
        if (certificates.custodianCertificateStillUsable(held.certificateId(), now).isEmpty()) {
            throw new DomainException(SealingError.CUSTODIAN_CERTIFICATE_UNUSABLE, held.certificateId());
        }
        java.util.Arrays.fill(opener.parseShare(shareJson, lotId, round, held.keySm3(), held.index(), held.threshold()).value(),
                (byte) 0);
        String region = region(lotId, round);
        if (offerRound.release(held.index(), shareJson.strip(), now, user.username())) {
            auditLog.record(AuditRecord.of("sealing.offer-round.share-released", lotId.toString(), region, user.actor(),
                    Map.of("round", round, "shareIndex", held.index())));
        }
        if (offerRound.thresholdReached()) {
            openOffers(offerRound, region, held.keySm3(), now);
        }
        repository.save(offerRound, Map.of());
        if (offerRound.recordWritten()) {
            events.publishEvent(event(offerRound));
        }
        return view(lotId, round).orElseThrow();
    }

    /** Rebuilds the round's key from the released shares and opens every supplier's offer; the round keeps the record. */
    private void openOffers(OfferRound offerRound, String region, String keySm3, Instant now) {
        UUID lotId = offerRound.lotId();
        OfferRoundRepository.Key roundKey = repository.key(lotId, offerRound.round()).orElseThrow();
        Optional<EnvelopeOpener.Rebuilt> rebuilt = opener.rebuild(Pem.publicKey(roundKey.publicKeyPem()), keySm3,
                offerRound.releasedShares(), offerRound.threshold());
        if (rebuilt.isEmpty()) {
            auditLog.record(AuditRecord.of("sealing.offer-round.key-mismatch", lotId.toString(), region, Actor.SYSTEM,
                    Map.of("round", offerRound.round(), "sharesReleased", offerRound.releasedShares().size())));
            return; // the released shares do not make the key: wait for another custodian
        }
        PrivateKey key = rebuilt.get().key();
        List<Map<String, Object>> entries = new ArrayList<>();
        List<EnvelopeOpener.Job> jobs = new ArrayList<>();
        for (UUID supplier : offerRound.suppliers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bidderId", supplier.toString());
            e.put("bidder", organisations.find(supplier).map(Organisation::name).orElse(null));
            Optional<OfferRound.Offer> offer = offerRound.offerOf(supplier);
            if (offer.isEmpty()) {
                e.put("status", "NONE"); // no final offer by the deadline
            } else {
                e.put("offerId", offer.get().id().toString());
                e.put("envelopeSm3", offer.get().envelopeSm3());
                e.put("receivedAt", offer.get().receivedAt().toString());
                Path target = openedDir.resolve(lotId.toString()).resolve("offers").resolve(String.valueOf(offerRound.round()))
                        .resolve(offer.get().id().toString());
                jobs.add(new EnvelopeOpener.Job(offer.get().envelopeSm3(), target, e, null));
            }
            entries.add(e);
        }
        opener.openAll(jobs, key, done -> { }); // each offer's entry filled in place, on all cores
        key = null; // the rebuilt key leaves scope here; nothing stored it
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "sunbid.offer-round-record");
        record.put("tenderId", lotId.toString());
        record.put("round", offerRound.round());
        if (offerRound.kind() == OfferRound.Kind.COMPETITION) { // a negotiation's record stays as it was
            OfferRoundRepository.Meta meta = repository.meta(lotId, offerRound.round()).orElseThrow();
            record.put("kind", meta.kind().name());
            record.put("purpose", meta.purpose());
            record.put("openToAny", offerRound.openToAny());
        }
        record.put("deadline", offerRound.deadline().toString());
        record.put("allIn", offerRound.allIn());
        record.put("openedAt", now.toString());
        record.put("keySm3", keySm3);
        record.put("sharesUsed", rebuilt.get().sharesUsed());
        record.put("offers", entries);
        String recordJson = CanonicalJson.write(record);
        String signature = sign(recordJson);
        offerRound.open(now, recordJson, signature); // the released shares are deleted when it is saved
        auditLog.record(AuditRecord.of("sealing.offer-round.recorded", lotId.toString(), region, Actor.SYSTEM,
                Map.of("round", offerRound.round(), "record", recordJson, "signature", signature)));
    }

    /** The opened offers as round record {@code recordJson} lists them (what {@link OffersOpened} carries). */
    private List<OffersOpened.Offer> offers(String recordJson) {
        List<OffersOpened.Offer> out = new ArrayList<>();
        for (Object o : (List<?>) json.readValue(recordJson, MAP).get("offers")) {
            Map<?, ?> e = (Map<?, ?>) o;
            if (!"OPENED".equals(e.get("status"))) {
                continue; // no offer, or one that could not be opened (the record says why)
            }
            Object sheet = e.get("priceSheet");
            BigDecimal price;
            try {
                price = Money.parse(String.valueOf(((Map<?, ?>) sheet).get("totalPrice"))).yuan();
            } catch (DomainException notAnAmount) {
                price = null; // checked on arrival; a sheet that is not an amount is left to the panel
            }
            out.add(new OffersOpened.Offer(UUID.fromString((String) e.get("bidderId")), price, CanonicalJson.write(sheet),
                    e.get("receivedAt") == null ? null : Instant.parse((String) e.get("receivedAt"))));
        }
        return out;
    }

    /**
     * What {@link OffersOpened} carried for an opened round, rebuilt from its signed record (for a listener catching
     * up); empty unless the round was opened.
     */
    public Optional<OffersOpened> replay(UUID lotId, int round) {
        return repository.find(lotId, round).filter(r -> r.status() == OfferRound.Status.OPENED).map(this::event);
    }

    private OffersOpened event(OfferRound r) {
        OfferRoundRepository.Meta meta = repository.meta(r.lotId(), r.round()).orElseThrow();
        return new OffersOpened(r.lotId(), r.round(), Sm3.hex(r.record()), r.openedAt(), offers(r.record()), meta.kind().name(),
                meta.purpose());
    }

    /** A round of the lot, for everyone: its key and whether all offers are in; once opened, the signed record. */
    public Optional<OfferRoundView> view(UUID lotId, int round) {
        Optional<OfferRound> found = repository.find(lotId, round);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OfferRound r = found.get();
        OfferRoundRepository.Key key = repository.key(lotId, round).orElseThrow();
        OfferRoundRepository.Meta meta = repository.meta(lotId, round).orElseThrow();
        Instant now = clock.instant();
        return Optional.of(new OfferRoundView(lotId, round, r.deadline(), r.status().name(), r.allIn(),
                r.status() == OfferRound.Status.OPEN && r.due(now), r.released().size(), r.threshold(), key.publicKeyPem(),
                key.keySm3(), key.createdLogSeq(), r.openedAt(), r.record(), r.recordSignature(), meta.kind().name(),
                meta.purpose()));
    }

    /** Every round of the lot so far, by number. */
    public List<OfferRoundView> rounds(UUID lotId) {
        return repository.rounds(lotId).stream().map(n -> view(lotId, n).orElseThrow()).toList();
    }

    /** The open rounds whose key has a share the caller's organisation holds and has not released (a custodian's to-do). */
    public List<OfferRoundView> awaitingMyShare(CurrentUser user) {
        if (user == null || user.organisationId() == null) {
            return List.of();
        }
        return repository.awaitingShareOf(user.organisationId()).stream()
                .map(e -> view(e.getKey(), e.getValue()).orElseThrow()).toList();
    }

    /** The region a round is logged under: a negotiation round's tender's, a competition round's own. */
    private String region(UUID lotId, int round) {
        OfferRoundRepository.Meta meta = repository.meta(lotId, round).orElse(null);
        return meta != null && meta.regionCode() != null ? meta.regionCode() : tenders.depositTerms(lotId).regionCode();
    }

    private String region(UUID lotId) {
        return tenders.depositTerms(lotId).regionCode();
    }

    private String sign(String text) {
        return Base64.getEncoder().encodeToString(platform.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] platformCertificate() {
        try {
            return platform.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
