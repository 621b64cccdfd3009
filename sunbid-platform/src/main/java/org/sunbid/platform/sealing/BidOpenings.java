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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;
import org.sunbid.sealing.OpeningKeys;
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
 */
@Service
public class BidOpenings {

    /** Law 28: fewer than this many bids, and the tender is not opened. */
    public static final int MINIMUM_BIDS = 3;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final org.sunbid.platform.parties.Certificates certificates;
    private final FileStore files;
    private final AuditLog auditLog;
    private final ConfidentialRecords confidential;
    private final PlatformIdentity platform;
    private final Clock clock;
    private final JsonMapper json;
    private final Path openedDir;
    private final Envelope.Limits limits;
    private final java.time.Duration responseWindow;
    private final ApplicationEventPublisher events;

    BidOpenings(JdbcClient jdbc, org.sunbid.platform.parties.Certificates certificates, FileStore files, AuditLog auditLog, ConfidentialRecords confidential, PlatformIdentity platform, Clock clock, JsonMapper json,
            SunbidProperties properties, @Value("${sunbid.sealing.max-opened-size:4294967296}") long maxBytes,
            @Value("${sunbid.sealing.max-opened-ratio:100}") long maxRatio,
            @Value("${sunbid.sealing.max-opened-files:10000}") int maxFiles,
            @Value("${sunbid.sealing.opening-response-window:PT2H}") java.time.Duration responseWindow,
            ApplicationEventPublisher events) {
        this.responseWindow = responseWindow;
        this.events = events;
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.files = files;
        this.auditLog = auditLog;
        this.confidential = confidential;
        this.platform = platform;
        this.clock = clock;
        this.json = json;
        this.openedDir = properties.dataDir().resolve("opened").toAbsolutePath();
        this.limits = new Envelope.Limits(maxBytes, maxRatio, maxFiles); // a zip bomb is rejected, named, and stops there
    }

    /** The action of the public entry that discloses a tender's bid set at closing. */
    public static final String BIDS_DISCLOSED = "sealing.bids.disclosed";

    /**
     * At the deadline: disclose the bid set, then fail the tender for too few bids, or wait for the custodians. Runs in
     * the closing transaction, after the pending confidential records were committed.
     */
    @EventListener
    void on(BiddingClosed closed) {
        discloseBidSet(closed);
        if (jdbc.sql("SELECT COUNT(*) FROM tender_opening_key WHERE tender_id = :t").param("t", closed.tenderId())
                .query(Long.class).single() == 0) {
            return; // published before tenders had opening keys: nothing sealed to open
        }
        int valid = jdbc.sql("SELECT COUNT(*) FROM bid_envelope WHERE tender_id = :t AND status = 'VALID'")
                .param("t", closed.tenderId()).query(Integer.class).single();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (valid < MINIMUM_BIDS) {
            List<Map<String, Object>> notOpened = jdbc.sql("""
                    SELECT id, bidder_id, envelope_sm3 FROM bid_envelope WHERE tender_id = :t AND status = 'VALID'
                    ORDER BY received_at, id""").param("t", closed.tenderId()).query((rs, i) -> {
                        Map<String, Object> b = new LinkedHashMap<>();
                        b.put("bidId", rs.getObject(1, UUID.class).toString());
                        b.put("bidderId", rs.getObject(2, UUID.class).toString());
                        b.put("envelopeSm3", rs.getString(3));
                        b.put("status", "NOT_OPENED");
                        b.put("reason", "TOO_FEW_BIDS");
                        return b;
                    }).list();
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "sunbid.opening-record");
            record.put("tenderId", closed.tenderId().toString());
            record.put("result", "FAILED_TOO_FEW_BIDS");
            record.put("validEnvelopes", valid);
            record.put("bids", notOpened); // every live bid accounted for: not opened, and why
            record.put("minimum", MINIMUM_BIDS);
            record.put("law", "《招标投标法》第二十八条、《实施条例》第四十四条：投标人少于3个的，不得开标，招标人应当依法重新招标。");
            record.put("closedAt", now.toInstant().toString());
            String recordJson = CanonicalJson.write(record);
            String signature = sign(recordJson);
            jdbc.sql("""
                    INSERT INTO bid_opening (tender_id, status, valid_envelopes, closed_at, opened_at, record, record_signature)
                    VALUES (:t, 'FAILED_TOO_FEW_BIDS', :n, :at, :at, :record, :sig)""")
                    .param("t", closed.tenderId()).param("n", valid).param("at", now).param("record", recordJson)
                    .param("sig", signature).update();
            auditLog.append(AuditRecord.of("sealing.opening.failed", closed.tenderId().toString(), closed.regionCode(),
                    Actor.SYSTEM, Map.of("record", recordJson, "signature", signature)));
        } else {
            jdbc.sql("""
                    INSERT INTO bid_opening (tender_id, status, valid_envelopes, closed_at)
                    VALUES (:t, 'AWAITING_SHARES', :n, :at)""")
                    .param("t", closed.tenderId()).param("n", valid).param("at", now).update();
            auditLog.append(AuditRecord.of("sealing.opening.awaiting-shares", closed.tenderId().toString(), closed.regionCode(),
                    Actor.SYSTEM, Map.of("validEnvelopes", valid)));
        }
    }

    /**
     * Discloses every envelope received for the tender — live, replaced or withdrawn, each withdrawal with the bidder's
     * signed statement — and every confidential record of a bid received or withdrawn that was committed before the
     * deadline, with its inclusion path. Anyone can check the two against each other and against the opening record
     * (sunbid-verifier verify-opening): a bid row removed or a withdrawal faked behind the platform's back shows.
     */
    private void discloseBidSet(BiddingClosed closed) {
        List<Map<String, Object>> bids = jdbc.sql("""
                SELECT b.id, b.bidder_id, b.envelope_sm3, b.received_at, b.status, b.receipt,
                       w.statement, w.signature, w.certificate_pem, w.receipt, w.id
                FROM bid_envelope b LEFT JOIN bid_withdrawal w ON w.bid_id = b.id
                WHERE b.tender_id = :t ORDER BY b.received_at, b.id""").param("t", closed.tenderId())
                .query((rs, i) -> {
                    UUID bidId = rs.getObject(1, UUID.class);
                    Map<String, Object> b = new LinkedHashMap<>();
                    b.put("bidId", bidId.toString());
                    b.put("bidderId", rs.getObject(2, UUID.class).toString());
                    b.put("envelopeSm3", rs.getString(3));
                    b.put("receivedAt", rs.getObject(4, OffsetDateTime.class).toInstant().toString());
                    b.put("status", rs.getString(5));
                    b.put("receiptSm3", Sm3.hex(rs.getString(6)));
                    if (rs.getString(7) != null) {
                        Map<String, Object> w = new LinkedHashMap<>();
                        w.put("withdrawalId", rs.getObject(11, UUID.class).toString());
                        w.put("statement", rs.getString(7));
                        w.put("signature", rs.getString(8));
                        w.put("certificatePem", rs.getString(9));
                        w.put("receiptSm3", Sm3.hex(rs.getString(10)));
                        b.put("withdrawal", w);
                    } else {
                        b.put("withdrawal", null);
                    }
                    return b;
                }).list();
        List<Map<String, Object>> committed = confidential.disclosures(closed.tenderId().toString(),
                List.of(Bids.RECEIVED, Bids.WITHDRAWN)).stream().map(ConfidentialRecords.Disclosure::toMap).toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", closed.tenderId().toString());
        payload.put("bids", bids);
        payload.put("committed", committed);
        auditLog.append(AuditRecord.of(BIDS_DISCLOSED, closed.tenderId().toString(), closed.regionCode(), Actor.SYSTEM, payload));
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
        return jdbc.sql("""
                SELECT o.tender_id FROM bid_opening o JOIN opening_key_share s ON s.tender_id = o.tender_id
                WHERE o.status = 'AWAITING_SHARES' AND s.custodian_id = :c
                  AND NOT EXISTS (SELECT 1 FROM opening_share_release r
                                  WHERE r.tender_id = s.tender_id AND r.share_index = s.share_index)
                ORDER BY o.closed_at""")
                .param("c", user.organisationId()).query(UUID.class).list().stream().map(this::view).toList();
    }

    /** A custodian releases its share (the JSON its tool decrypted); the threshold reached, the bids are opened. */
    @Transactional
    public OpeningView releaseShare(UUID tenderId, String shareJson, CurrentUser user) {
        String status = jdbc.sql("SELECT status FROM bid_opening WHERE tender_id = :t FOR UPDATE").param("t", tenderId)
                .query(String.class).optional().orElseThrow(() -> new DomainException(SealingError.OPENING_NOT_READY));
        if (!status.equals("AWAITING_SHARES")) {
            throw new DomainException(SealingError.OPENING_NOT_READY);
        }
        record Held(int index, int threshold, String keySm3, String region, UUID certificateId) {
        }
        Held held = jdbc.sql("""
                SELECT s.share_index, k.threshold, k.key_sm3, t.region_code, s.certificate_id FROM opening_key_share s
                JOIN tender_opening_key k ON k.tender_id = s.tender_id JOIN tender t ON t.id = s.tender_id
                WHERE s.tender_id = :t AND s.custodian_id = :c""")
                .param("t", tenderId).param("c", user.organisationId())
                .query((rs, i) -> new Held(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class))).optional()
                .orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
        // The certificate the share was encrypted to is checked again: still the custodian's own, active, trusted.
        if (certificates.custodianCertificateStillUsable(held.certificateId(), clock.instant()).isEmpty()) {
            throw new DomainException(SealingError.CUSTODIAN_CERTIFICATE_UNUSABLE, held.certificateId());
        }
        Shamir.Share share = parseShare(shareJson, tenderId, held.keySm3(), held.index(), held.threshold());
        String existing = jdbc.sql("SELECT share_json FROM released_share WHERE tender_id = :t AND share_index = :i")
                .param("t", tenderId).param("i", held.index()).query(String.class).optional().orElse(null);
        if (existing != null && !existing.equals(shareJson.strip())) {
            throw new DomainException(SealingError.SHARE_ALREADY_RELEASED);
        }
        if (existing == null) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            jdbc.sql("""
                    INSERT INTO released_share (tender_id, share_index, share_json, released_at, released_by)
                    VALUES (:t, :i, :json, :at, :by)""")
                    .param("t", tenderId).param("i", held.index()).param("json", shareJson.strip()).param("at", now)
                    .param("by", user.username()).update();
            jdbc.sql("""
                    INSERT INTO opening_share_release (tender_id, share_index, released_at, released_by)
                    VALUES (:t, :i, :at, :by)""")
                    .param("at", now).param("by", user.username()).param("t", tenderId).param("i", held.index()).update();
            auditLog.append(AuditRecord.of("sealing.share.released", tenderId.toString(), held.region(), user.actor(),
                    Map.of("shareIndex", held.index())));
        }
        Arrays.fill(share.value(), (byte) 0);
        List<String> released = jdbc.sql("SELECT share_json FROM released_share WHERE tender_id = :t ORDER BY share_index")
                .param("t", tenderId).query(String.class).list();
        if (released.size() >= held.threshold()) {
            open(tenderId, held.region(), released, held.threshold(), held.keySm3());
        }
        return view(tenderId);
    }

    private Shamir.Share parseShare(String shareJson, UUID tenderId, String keySm3, int index, int threshold) {
        try {
            Map<String, Object> m = json.readValue(shareJson, MAP);
            byte[] value = Base64.getDecoder().decode((String) m.get("value"));
            if (!tenderId.toString().equals(m.get("tenderId")) || !keySm3.equals(m.get("keySm3"))
                    || !Integer.valueOf(index).equals(m.get("index")) || !Integer.valueOf(threshold).equals(m.get("threshold"))
                    || value.length != OpeningKeys.SCALAR_LENGTH) {
                throw new DomainException(SealingError.SHARE_INVALID);
            }
            return new Shamir.Share(index, threshold, value);
        } catch (RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw new DomainException(SealingError.SHARE_INVALID);
        }
    }

    private void open(UUID tenderId, String region, List<String> released, int threshold, String keySm3) {
        PublicKey publicKey = Pem.publicKey(jdbc.sql("SELECT public_key_pem FROM tender_opening_key WHERE tender_id = :t")
                .param("t", tenderId).query(String.class).single());
        List<Shamir.Share> shares = new ArrayList<>();
        for (String s : released) {
            Map<String, Object> m = json.readValue(s, MAP);
            shares.add(new Shamir.Share((Integer) m.get("index"), threshold, Base64.getDecoder().decode((String) m.get("value"))));
        }
        PrivateKey key = null;
        List<Integer> used = null;
        for (List<Shamir.Share> subset : subsets(shares, threshold)) { // a wrong share is found by trying the others
            byte[] scalar = Shamir.combine(subset);
            PrivateKey candidate = OpeningKeys.privateKey(scalar);
            Arrays.fill(scalar, (byte) 0);
            byte[] probe = Sm3.hash(keySm3.getBytes(StandardCharsets.US_ASCII));
            if (Sm2.verify(publicKey, probe, Sm2.sign(candidate, probe))) {
                key = candidate;
                used = subset.stream().map(Shamir.Share::index).toList();
                break;
            }
        }
        if (key == null) {
            auditLog.append(AuditRecord.of("sealing.opening.key-mismatch", tenderId.toString(), region, Actor.SYSTEM,
                    Map.of("sharesReleased", shares.size())));
            return; // the released shares do not make the key: wait for another custodian
        }
        Instant now = clock.instant();
        record Bid(UUID id, UUID bidderId, String bidderName, String sm3, Instant receivedAt) {
        }
        List<Bid> bids = jdbc.sql("""
                SELECT b.id, b.bidder_id, o.name, b.envelope_sm3, b.received_at FROM bid_envelope b
                JOIN organisation o ON o.id = b.bidder_id WHERE b.tender_id = :t AND b.status = 'VALID'
                ORDER BY b.received_at, b.id""").param("t", tenderId)
                .query((rs, i) -> new Bid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Bid bid : bids) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("bidId", bid.id().toString());
            e.put("bidderId", bid.bidderId().toString());
            e.put("bidder", bid.bidderName());
            e.put("envelopeSm3", bid.sm3());
            e.put("receivedAt", bid.receivedAt().toString());
            Path target = openedDir.resolve(tenderId.toString()).resolve(bid.id().toString());
            try {
                Path file = files.find(bid.sm3()).orElseThrow(() -> new EnvelopeException(org.sunbid.sealing.EnvelopeDefect.MALFORMED, "the stored envelope is missing"));
                Envelope.Opened opened = Envelope.open(file, key, target, limits);
                Map<String, Object> sheet = json.readValue(opened.priceSheet(), MAP);
                try {
                    CanonicalJson.write(sheet); // the record is canonical JSON: amounts are strings, numbers integers
                } catch (IllegalArgumentException notCanonical) {
                    throw new EnvelopeException(org.sunbid.sealing.EnvelopeDefect.UNACCEPTABLE_CONTENT,
                            "the price sheet holds a number that is not an integer (amounts are written as decimal strings)");
                }
                e.put("status", "OPENED");
                e.put("priceSheet", sheet);
                e.put("files", opened.files().size());
            } catch (EnvelopeException ex) {
                e.put("status", "REJECTED");
                e.put("defect", ex.defect().name());
                e.put("reason", ex.getMessage());
                deleteQuietly(target);
            } catch (RuntimeException ex) {
                e.put("status", "REJECTED");
                e.put("defect", "UNREADABLE");
                e.put("reason", ex.getMessage());
                deleteQuietly(target);
            }
            entries.add(e);
        }
        key = null; // the rebuilt key leaves scope here; nothing stored it
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "sunbid.opening-record");
        record.put("tenderId", tenderId.toString());
        record.put("result", "OPENED");
        record.put("openedAt", now.toString());
        record.put("keySm3", keySm3);
        record.put("sharesUsed", used);
        record.put("bids", entries);
        String recordJson = CanonicalJson.write(record);
        String signature = sign(recordJson);
        jdbc.sql("""
                UPDATE bid_opening SET status = 'OPENED', opened_at = :at, record = :record, record_signature = :sig
                WHERE tender_id = :t""")
                .param("at", now.atOffset(ZoneOffset.UTC)).param("record", recordJson).param("sig", signature)
                .param("t", tenderId).update();
        jdbc.sql("DELETE FROM released_share WHERE tender_id = :t").param("t", tenderId).update();
        auditLog.append(AuditRecord.of("sealing.opening.recorded", tenderId.toString(), region, Actor.SYSTEM,
                Map.of("record", recordJson, "signature", signature)));
        // The evaluation keeps its own copy from the typed event (after this transaction commits), never the record's JSON.
        events.publishEvent(new BidsOpened(tenderId, Sm3.hex(recordJson), now, openedBids(tenderId)));
    }

    private static List<List<Shamir.Share>> subsets(List<Shamir.Share> shares, int k) {
        List<List<Shamir.Share>> out = new ArrayList<>();
        int n = shares.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) == k) {
                List<Shamir.Share> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s.add(shares.get(i));
                    }
                }
                out.add(s);
            }
        }
        return out;
    }

    private String sign(String text) {
        return Base64.getEncoder().encodeToString(platform.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bids of an opened tender as its signed opening record lists them, in the record's order, each with the names
     * of its decrypted files (for the evaluation committee). Empty unless the tender was opened.
     */
    public List<OpenedBid> openedBids(UUID tenderId) {
        String recordJson = jdbc.sql("SELECT record FROM bid_opening WHERE tender_id = :t AND status = 'OPENED'")
                .param("t", tenderId).query(String.class).optional().orElse(null);
        if (recordJson == null) {
            return List.of();
        }
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
        return jdbc.sql("SELECT status FROM bid_opening WHERE tender_id = :t").param("t", tenderId).query(String.class).optional();
    }

    /** A tender's opening, for everyone. */
    public OpeningView view(UUID tenderId) {
        List<OpeningView.Response> responses = jdbc.sql("""
                SELECT r.bidder_id, o.name, r.response, r.objection, r.responded_at, r.answer, r.answered_at
                FROM opening_response r JOIN organisation o ON o.id = r.bidder_id WHERE r.tender_id = :t
                ORDER BY r.responded_at, o.name""").param("t", tenderId)
                .query((rs, i) -> new OpeningView.Response(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class) == null ? null : rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
        return jdbc.sql("""
                SELECT o.status, o.valid_envelopes, o.closed_at, o.opened_at, o.record, o.record_signature, k.threshold,
                       (SELECT COUNT(*) FROM opening_share_release s WHERE s.tender_id = o.tender_id)
                FROM bid_opening o JOIN tender_opening_key k ON k.tender_id = o.tender_id WHERE o.tender_id = :t""")
                .param("t", tenderId)
                .query((rs, i) -> new OpeningView(tenderId, rs.getString(1), rs.getInt(2), rs.getInt(8), rs.getInt(7),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getString(5), rs.getString(6), responses))
                .optional().orElseThrow(() -> new DomainException(SealingError.OPENING_NOT_FOUND));
    }

    /**
     * A bidder whose bid was opened confirms the opening record, or objects to it ({@code objection} not blank), online
     * and within the window after the opening (不见面开标). Logged in public.
     */
    @Transactional
    public OpeningView respond(UUID tenderId, String objection, CurrentUser user) {
        return respond(tenderId, objection, null, null, user);
    }

    /**
     * As {@link #respond(UUID, String, CurrentUser)}; a bidder the platform has no valid bid of (lost, or removed by an
     * insider) may still object, within the same window, by showing the bid receipt the platform signed for it on this
     * tender ({@code receipt} as signed, {@code receiptSignature} base64) — also when the tender failed for too few bids.
     */
    @Transactional
    public OpeningView respond(UUID tenderId, String objection, String receipt, String receiptSignature, CurrentUser user) {
        OpeningView opening = view(tenderId);
        Instant now = clock.instant();
        boolean objects = objection != null && !objection.isBlank();
        boolean hasBid = user != null && user.organisationId() != null
                && jdbc.sql("SELECT EXISTS (SELECT 1 FROM bid_envelope WHERE tender_id = :t AND bidder_id = :b AND status = 'VALID')")
                        .param("t", tenderId).param("b", user.organisationId()).query(Boolean.class).single();
        String receiptSm3 = null;
        if (!hasBid && receipt != null && !receipt.isBlank() && user != null && user.organisationId() != null) {
            if (!platformReceipt(tenderId, receipt, receiptSignature, user.organisationId())) {
                throw new DomainException(SealingError.RECEIPT_INVALID);
            }
            receiptSm3 = Sm3.hex(receipt);
        }
        boolean may = hasBid ? "OPENED".equals(opening.status())
                : receiptSm3 != null && objects && opening.openedAt() != null;
        if (!may || now.isAfter(opening.openedAt().plus(responseWindow))) {
            throw new DomainException(SealingError.OPENING_RESPONSE_CLOSED);
        }
        try {
            jdbc.sql("""
                    INSERT INTO opening_response (tender_id, bidder_id, response, objection, responded_at, responded_by)
                    VALUES (:t, :b, :r, :o, :at, :by)""")
                    .param("t", tenderId).param("b", user.organisationId()).param("r", objects ? "OBJECTED" : "CONFIRMED")
                    .param("o", objects ? objection.strip() : null).param("at", now.atOffset(ZoneOffset.UTC))
                    .param("by", user.username()).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new DomainException(SealingError.OPENING_ALREADY_RESPONDED);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bidderId", user.organisationId().toString());
        payload.put("response", objects ? "OBJECTED" : "CONFIRMED");
        payload.put("objectionSm3", objects ? Sm3.hex(objection.strip()) : null);
        if (receiptSm3 != null) {
            payload.put("receiptSm3", receiptSm3); // objecting on a platform-signed receipt, without a bid on record
        }
        auditLog.append(AuditRecord.of("sealing.opening." + (objects ? "objected" : "confirmed"), tenderId.toString(),
                region(tenderId), user.actor(), payload));
        return view(tenderId);
    }

    /** An objection to the opening record that waits for the tenderee's answer (SQL over opening_response). */
    private static final String OBJECTION_AWAITING_ANSWER = "response = 'OBJECTED' AND answer IS NULL";

    /**
     * The openings of the caller's organisation's tenders (as tenderee or agency) with a bidder's objection to the
     * record still unanswered ({@link #answer}'s rule). A tenderee's or agency's to-do.
     */
    public List<OpeningView> objectionsAwaitingMyAnswer(CurrentUser user) {
        if (user.organisationId() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT tender_id FROM opening_response WHERE tender_id IN"
                        + " (SELECT id FROM tender WHERE tenderee_id = :o OR agency_id = :o) AND " + OBJECTION_AWAITING_ANSWER)
                .param("o", user.organisationId()).query(UUID.class).list().stream().map(this::view).toList();
    }

    /** The tenderee (or its agency) answers a bidder's objection to the opening on the spot (Reg. 44). */
    @Transactional
    public OpeningView answer(UUID tenderId, UUID bidderId, String answer, CurrentUser user) {
        boolean owner = user != null && user.organisationId() != null && jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM tender WHERE id = :t AND (tenderee_id = :o OR agency_id = :o))""")
                .param("t", tenderId).param("o", user.organisationId()).query(Boolean.class).single();
        if (!owner) {
            throw new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND);
        }
        int updated = jdbc.sql("""
                UPDATE opening_response SET answer = :a, answered_at = :at, answered_by = :by
                WHERE tender_id = :t AND bidder_id = :b""" + " AND " + OBJECTION_AWAITING_ANSWER)
                .param("a", answer.strip()).param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", user.username())
                .param("t", tenderId).param("b", bidderId).update();
        if (updated == 0) {
            throw new DomainException(SealingError.OPENING_OBJECTION_NOT_FOUND);
        }
        auditLog.append(AuditRecord.of("sealing.opening.objection-answered", tenderId.toString(), region(tenderId), user.actor(),
                Map.of("bidderId", bidderId.toString(), "answerSm3", Sm3.hex(answer.strip()))));
        return view(tenderId);
    }

    /** Whether {@code receipt} is a bid receipt the platform signed, for this tender and this bidder. */
    private boolean platformReceipt(UUID tenderId, String receipt, String signatureBase64, UUID bidderId) {
        try {
            if (!Sm2.verify(platform.certificate().getPublicKey(), receipt.getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip()))) {
                return false;
            }
            Map<String, Object> r = json.readValue(receipt, MAP);
            return "sunbid.bid-receipt".equals(r.get("type")) && tenderId.toString().equals(r.get("tenderId"))
                    && bidderId.toString().equals(r.get("bidderId"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private String region(UUID tenderId) {
        return jdbc.sql("SELECT region_code FROM tender WHERE id = :t").param("t", tenderId).query(String.class).single();
    }
}
