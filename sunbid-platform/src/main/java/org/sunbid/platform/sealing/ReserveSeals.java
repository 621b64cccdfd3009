package org.sunbid.platform.sealing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.platform.sealing.domain.ShareReleases;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.sealing.Envelope;

/**
 * The sealed reserve (底价) of an auction lot (issue 17; 国土资源部令第39号 Art. 10: the reserve is kept secret), with the
 * machinery of bids and final offers: the lot's reserve key is made by {@link TenderKeys#make} for the lot's custodians
 * and threshold (its shares name round 0; offer rounds are numbered from 1), its creation logged in public; the owner's
 * side seals its reserve on arrival to that key ({@link ArrivalSealing}; the amount is never stored, logged or echoed),
 * strictly before the deadline the auction context gives, the envelope's SM3 committed in the public log at once; a
 * later reserve before the deadline replaces the earlier one. Once the auction context says bidding ended
 * ({@link #biddingEnded}), and not before ({@code RESERVE_NOT_DUE}, custodians included), the custodians release their
 * shares ({@link ShareReleases}), the key is rebuilt in memory ({@link EnvelopeOpener}), the envelope opened and the
 * platform-signed record published. Who may set a reserve, and when, is the auction context's to check.
 */
@Service
public class ReserveSeals {

    /** Share JSONs of a reserve key name this round (offer rounds are numbered from 1). */
    static final int RESERVE_ROUND = 0;
    public static final String KEY_CREATED = "sealing.reserve.key-created";
    public static final String SEALED = "sealing.reserve.sealed";
    public static final String OPENED = "sealing.reserve.opened";

    private final JdbcClient jdbc;
    private final TenderKeys keys;
    private final Tenders tenders;
    private final Certificates certificates;
    private final FileStore files;
    private final ArrivalSealing arrival;
    private final EnvelopeOpener opener;
    private final AuditLog auditLog;
    private final PlatformIdentity platform;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path openedDir;

    ReserveSeals(JdbcClient jdbc, TenderKeys keys, Tenders tenders, Certificates certificates, FileStore files,
            ArrivalSealing arrival, EnvelopeOpener opener, AuditLog auditLog, PlatformIdentity platform,
            TransactionTemplate tx, Clock clock, SunbidProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tenders = tenders;
        this.certificates = certificates;
        this.files = files;
        this.arrival = arrival;
        this.opener = opener;
        this.auditLog = auditLog;
        this.platform = platform;
        this.tx = tx;
        this.clock = clock;
        this.openedDir = properties.dataDir().resolve("opened").toAbsolutePath();
    }

    private void lock(UUID lotId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "reserve:" + lotId)
                .query((rs, i) -> 1).list();
    }

    /**
     * Seals reserve {@code reserveFen} of lot {@code lotId} on arrival, strictly before {@code deadline}
     * ({@code RESERVE_LATE} at or after it, checked again at the moment it is stored). Makes the lot's reserve key
     * first if it has none. The caller (the auction context) has checked that {@code user} may set it.
     */
    public ReserveView seal(UUID lotId, long reserveFen, Instant deadline, CurrentUser user) {
        if (user == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (!clock.instant().isBefore(deadline)) {
            throw new DomainException(SealingError.RESERVE_LATE, deadline);
        }
        tx.executeWithoutResult(s -> makeKeyIfNone(lotId, user));
        String publicKeyPem = jdbc.sql("SELECT public_key_pem FROM reserve_seal WHERE lot_id = :l").param("l", lotId)
                .query(String.class).single();
        String sheet = CanonicalJson.write(Map.of("totalPrice", new Money(BigDecimal.valueOf(reserveFen, 2)).toString()));
        InputStream content = new ByteArrayInputStream("底价（见报价表）".getBytes(StandardCharsets.UTF_8));
        arrival.seal(lotId, "底价.txt", sheet, content, PriceSheets.MAX_BYTES, Pem.publicKey(publicKeyPem), null, user,
                sealed -> store(lotId, deadline, sealed, user));
        return view(lotId).orElseThrow();
    }

    private void makeKeyIfNone(UUID lotId, CurrentUser user) {
        lock(lotId);
        if (jdbc.sql("SELECT count(*) FROM reserve_seal WHERE lot_id = :l").param("l", lotId).query(Integer.class).single() > 0) {
            return;
        }
        org.sunbid.platform.tendering.DepositTerms lot = tenders.depositTerms(lotId);
        TenderKeys.Custody custody = keys.custodyFor(lot.regionCode(), lot.tendereeId()); // a live lot has no opening key
        int k = custody.threshold();
        TenderKeys.MadeKey key = keys.make(lotId, RESERVE_ROUND, custody.custodians(), k);
        Map<String, Object> payload = key.logPayload(lotId, RESERVE_ROUND);
        payload.put("purpose", "reserve");
        long seq = auditLog.append(AuditRecord.of(KEY_CREATED, lotId.toString(), region(lotId), user.actor(), payload)).seq();
        jdbc.sql("""
                INSERT INTO reserve_seal (lot_id, public_key_pem, key_sm3, threshold, created_at, created_by, created_log_seq)
                VALUES (:l, :pem, :sm3, :k, :at, :by, :seq)""")
                .param("l", lotId).param("pem", key.publicKeyPem()).param("sm3", key.keySm3()).param("k", k)
                .param("at", utc(clock.instant())).param("by", user.username()).param("seq", seq).update();
        for (TenderKeys.MadeShare share : key.shares()) {
            jdbc.sql("""
                    INSERT INTO reserve_seal_key_share (lot_id, share_index, custodian_id, certificate_id, encrypted_share)
                    VALUES (:l, :i, :c, :cert, :s)""")
                    .param("l", lotId).param("i", share.index()).param("c", share.custodianId())
                    .param("cert", share.certificateId()).param("s", share.encryptedShare()).update();
        }
    }

    private Void store(UUID lotId, Instant deadline, InputStream sealed, CurrentUser user) throws IOException {
        try (FileStore.Written<Envelope.Verified> upload = EnvelopeIntake.store(files, sealed, PriceSheets.MAX_BYTES * 4L)) {
            Envelope.Verified envelope = upload.value();
            return tx.execute(status -> {
                lock(lotId);
                Instant now = clock.instant(); // the moment the reserve is in
                if (!now.isBefore(deadline)) {
                    throw new DomainException(SealingError.RESERVE_LATE, deadline);
                }
                if (endedAt(lotId).isPresent()) {
                    throw new DomainException(SealingError.RESERVE_LATE, deadline);
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("envelopeSm3", envelope.sm3());
                payload.put("keySm3", envelope.header().openingKeySm3());
                payload.put("deadline", deadline.toString());
                payload.put("receivedAt", now.toString());
                long seq = auditLog.append(AuditRecord.of(SEALED, lotId.toString(), region(lotId), user.actor(), payload)).seq();
                jdbc.sql("""
                        INSERT INTO reserve_envelope (lot_id, envelope_sm3, size, deadline, received_at, received_by, log_seq)
                        VALUES (:l, :sm3, :size, :d, :at, :by, :seq)""")
                        .param("l", lotId).param("sm3", envelope.sm3()).param("size", envelope.size())
                        .param("d", utc(deadline)).param("at", utc(now)).param("by", user.username()).param("seq", seq).update();
                files.reference(envelope.sm3(), "sealing.reserve:" + lotId + ":" + seq);
                return null;
            });
        } catch (FileStore.TooLargeException e) {
            throw new DomainException(SealingError.ENVELOPE_TOO_LARGE, PriceSheets.MAX_BYTES);
        }
    }

    /**
     * Bidding in lot {@code lotId}'s room ended at {@code endedAt} (the auction context tells, once): from now on the
     * custodians may release their shares. Answers whether a reserve was sealed (false: there is nothing to open).
     */
    @Transactional
    public boolean biddingEnded(UUID lotId, Instant endedAt) {
        lock(lotId);
        if (latestEnvelope(lotId).isEmpty()) {
            return false;
        }
        jdbc.sql("INSERT INTO reserve_bidding_ended (lot_id, ended_at) VALUES (:l, :at) ON CONFLICT (lot_id) DO NOTHING")
                .param("l", lotId).param("at", utc(endedAt)).update();
        return true;
    }

    /** The caller's organisation's encrypted share of the lot's reserve key (base64), for its own tool to decrypt. */
    public String myEncryptedShare(UUID lotId, CurrentUser user) {
        return jdbc.sql("SELECT encrypted_share FROM reserve_seal_key_share WHERE lot_id = :l AND custodian_id = :c")
                .param("l", lotId).param("c", user == null ? null : user.organisationId()).query(String.class).optional()
                .orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
    }

    /**
     * A custodian releases its share of the lot's reserve key (the JSON its tool decrypted), only once bidding ended
     * ({@code RESERVE_NOT_DUE} before, whoever asks, before anything else is looked at); the threshold reached, the key
     * is rebuilt in memory, the reserve opened and the platform-signed record logged. Answers the view and, once
     * opened, the reserve in fen through it.
     */
    @Transactional
    public ReserveView releaseShare(UUID lotId, String shareJson, CurrentUser user) {
        lock(lotId);
        if (endedAt(lotId).isEmpty()) {
            throw new DomainException(SealingError.RESERVE_NOT_DUE);
        }
        record Held(int index, int threshold, String keySm3, UUID certificateId) {
        }
        Held held = jdbc.sql("""
                SELECT s.share_index, r.threshold, r.key_sm3, s.certificate_id FROM reserve_seal_key_share s
                JOIN reserve_seal r ON r.lot_id = s.lot_id WHERE s.lot_id = :l AND s.custodian_id = :c""")
                .param("l", lotId).param("c", user == null ? null : user.organisationId())
                .query((rs, i) -> new Held(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class)))
                .optional().orElseThrow(() -> new DomainException(SealingError.NOT_A_CUSTODIAN));
        Instant now = clock.instant();
        if (opened(lotId)) {
            return view(lotId).orElseThrow();
        }
        if (certificates.custodianCertificateStillUsable(held.certificateId(), now).isEmpty()) {
            throw new DomainException(SealingError.CUSTODIAN_CERTIFICATE_UNUSABLE, held.certificateId());
        }
        java.util.Arrays.fill(opener.parseShare(shareJson, lotId, RESERVE_ROUND, held.keySm3(), held.index(), held.threshold())
                .value(), (byte) 0);
        Map<Integer, String> shares = new LinkedHashMap<>();
        jdbc.sql("SELECT share_index, share_json FROM reserve_released_share WHERE lot_id = :l ORDER BY share_index")
                .param("l", lotId).query((rs, i) -> shares.put(rs.getInt(1), rs.getString(2))).list();
        List<Integer> released = jdbc.sql("SELECT share_index FROM reserve_share_release WHERE lot_id = :l")
                .param("l", lotId).query(Integer.class).list();
        ShareReleases releases = new ShareReleases(held.threshold(), released, shares);
        String region = region(lotId);
        if (releases.release(held.index(), shareJson.strip(), now, user.username())) {
            for (ShareReleases.Release r : releases.newReleases()) {
                jdbc.sql("INSERT INTO reserve_share_release (lot_id, share_index, released_at, released_by) VALUES (:l, :i, :at, :by)")
                        .param("l", lotId).param("i", r.shareIndex()).param("at", utc(r.at())).param("by", r.by()).update();
                jdbc.sql("INSERT INTO reserve_released_share (lot_id, share_index, share_json) VALUES (:l, :i, :s)")
                        .param("l", lotId).param("i", r.shareIndex()).param("s", r.shareJson()).update();
            }
            auditLog.record(AuditRecord.of("sealing.reserve.share-released", lotId.toString(), region, user.actor(),
                    Map.of("shareIndex", held.index())));
        }
        if (releases.thresholdReached()) {
            open(lotId, releases, held.keySm3(), region, now);
        }
        return view(lotId).orElseThrow();
    }

    private void open(UUID lotId, ShareReleases releases, String keySm3, String region, Instant now) {
        String publicKeyPem = jdbc.sql("SELECT public_key_pem FROM reserve_seal WHERE lot_id = :l").param("l", lotId)
                .query(String.class).single();
        Optional<EnvelopeOpener.Rebuilt> rebuilt = opener.rebuild(Pem.publicKey(publicKeyPem), keySm3, releases.shares(),
                releases.threshold());
        if (rebuilt.isEmpty()) {
            auditLog.record(AuditRecord.of("sealing.reserve.key-mismatch", lotId.toString(), region, Actor.SYSTEM,
                    Map.of("sharesReleased", releases.released().size())));
            return; // wait for another custodian
        }
        Envelope_ envelope = latestEnvelope(lotId).orElseThrow();
        PrivateKey key = rebuilt.get().key();
        Map<String, Object> entry = new LinkedHashMap<>();
        Optional<Map<String, Object>> sheet = opener.open(envelope.sm3(), key, openedDir.resolve(lotId.toString()).resolve("reserve"), entry);
        // The key served this one reserve and the reserve is public now: its scalar goes into the record, so anyone can
        // open the committed envelope and see that it holds the published amount.
        String openingKey = java.util.HexFormat.of().formatHex(org.sunbid.sealing.OpeningKeys.scalar(key));
        key = null; // nothing else stored it
        if (sheet.isEmpty()) {
            auditLog.record(AuditRecord.of("sealing.reserve.unreadable", lotId.toString(), region, Actor.SYSTEM, entry));
            return;
        }
        long reserveFen = Money.parse(String.valueOf(sheet.get().get("totalPrice"))).yuan().movePointRight(2).longValueExact();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "sunbid.reserve-record");
        record.put("tenderId", lotId.toString());
        record.put("keySm3", keySm3);
        record.put("envelopeSm3", envelope.sm3());
        record.put("envelopeLogSeq", envelope.logSeq());
        record.put("sealedAt", envelope.receivedAt().toString());
        record.put("deadline", envelope.deadline().toString());
        record.put("biddingEndedAt", endedAt(lotId).orElseThrow().toString());
        record.put("openedAt", now.toString());
        record.put("sharesUsed", rebuilt.get().sharesUsed());
        record.put("openingKey", openingKey);
        record.put("reserve", new Money(BigDecimal.valueOf(reserveFen, 2)).toString());
        record.put("reserveFen", reserveFen);
        String recordJson = CanonicalJson.write(record);
        String signature = Base64.getEncoder().encodeToString(platform.sign(recordJson.getBytes(StandardCharsets.UTF_8)));
        long seq = auditLog.append(AuditRecord.of(OPENED, lotId.toString(), region, Actor.SYSTEM,
                Map.of("record", recordJson, "signature", signature))).seq();
        jdbc.sql("""
                INSERT INTO reserve_opening (lot_id, opened_at, reserve_fen, record, record_signature, log_seq)
                VALUES (:l, :at, :r, :rec, :sig, :seq)""")
                .param("l", lotId).param("at", utc(now)).param("r", reserveFen).param("rec", recordJson)
                .param("sig", signature).param("seq", seq).update();
        jdbc.sql("DELETE FROM reserve_released_share WHERE lot_id = :l").param("l", lotId).update(); // used: forgotten
    }

    private record Envelope_(String sm3, Instant receivedAt, Instant deadline, long logSeq) {
    }

    private Optional<Envelope_> latestEnvelope(UUID lotId) {
        return jdbc.sql("""
                SELECT envelope_sm3, received_at, deadline, log_seq FROM reserve_envelope WHERE lot_id = :l
                ORDER BY seq DESC LIMIT 1""").param("l", lotId)
                .query((rs, i) -> new Envelope_(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4)))
                .optional();
    }

    private Optional<Instant> endedAt(UUID lotId) {
        return jdbc.sql("SELECT ended_at FROM reserve_bidding_ended WHERE lot_id = :l").param("l", lotId)
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    private boolean opened(UUID lotId) {
        return jdbc.sql("SELECT count(*) FROM reserve_opening WHERE lot_id = :l").param("l", lotId).query(Integer.class).single() > 0;
    }

    /** The counting envelope's file (ciphertext) of lot {@code lotId}, once the reserve was opened (for verifiers). */
    public Optional<Path> openedEnvelope(UUID lotId) {
        if (!opened(lotId)) {
            return Optional.empty();
        }
        return latestEnvelope(lotId).flatMap(e -> files.find(e.sm3()));
    }

    /** Whether lot {@code lotId} has a sealed reserve (its existence is public: the announcement states it). */
    public boolean sealed(UUID lotId) {
        return latestEnvelope(lotId).isPresent();
    }

    /** The reserve as anyone may see it (the amount only once opened). */
    public Optional<ReserveView> view(UUID lotId) {
        record Key(String pem, String sm3, int k, long seq) {
        }
        Optional<Key> key = jdbc.sql("SELECT public_key_pem, key_sm3, threshold, created_log_seq FROM reserve_seal WHERE lot_id = :l")
                .param("l", lotId).query((rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .optional();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Envelope_> envelope = latestEnvelope(lotId);
        int releasedCount = jdbc.sql("SELECT count(*) FROM reserve_share_release WHERE lot_id = :l").param("l", lotId)
                .query(Integer.class).single();
        record Opening(Instant at, long fen, String record, String signature, long seq) {
        }
        Optional<Opening> opening = jdbc.sql("""
                SELECT opened_at, reserve_fen, record, record_signature, log_seq FROM reserve_opening WHERE lot_id = :l""")
                .param("l", lotId).query((rs, i) -> new Opening(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5))).optional();
        return Optional.of(new ReserveView(lotId, key.get().pem(), key.get().sm3(), key.get().seq(), key.get().k(),
                envelope.map(Envelope_::sm3).orElse(null), envelope.map(Envelope_::logSeq).orElse(null),
                envelope.map(Envelope_::receivedAt).orElse(null), envelope.map(Envelope_::deadline).orElse(null),
                endedAt(lotId).orElse(null), releasedCount, opening.map(Opening::at).orElse(null),
                opening.map(Opening::fen).orElse(null), opening.map(Opening::record).orElse(null),
                opening.map(Opening::signature).orElse(null), opening.map(Opening::seq).orElse(null)));
    }

    private String region(UUID lotId) {
        return tenders.depositTerms(lotId).regionCode();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
