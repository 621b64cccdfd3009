package org.sunbid.platform.sealing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.TenderPublished;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.OpeningKeys;
import org.sunbid.sealing.Shamir;

/**
 * Each published tender's opening key. Made at publication, in the publishing transaction: the key pair is generated,
 * the private scalar split {@code threshold}-of-n among the custodians, each share encrypted to the custodian's
 * certificate in force, and the scalar wiped; from then on only the public key and the encrypted shares exist. The
 * creation, with the public key, its hash, the tender and the custodians with their certificates' fingerprints, is logged
 * in public; the key's row names that entry, so the bidder tool checks the key it seals to against the log. Shares go
 * only to certificates the custodian registered itself, still chaining to a trusted root.
 *
 * <p>A share travels as canonical JSON {tenderId, keySm3, index, threshold, value (base64)} — with {@code round} for
 * an offer round's key ({@link OfferRounds}, made by the same {@link #make}) — so a custodian's tool can tell which
 * tender and key it belongs to.
 */
@Service
public class TenderKeys {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Regions regions;
    private final Certificates certificates;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int threshold;
    private final org.springframework.beans.factory.ObjectProvider<LiveBidding> liveBidding;

    TenderKeys(JdbcClient jdbc, Organisations organisations, Regions regions, Certificates certificates, AuditLog auditLog,
            Clock clock, @Value("${sunbid.sealing.threshold:2}") int threshold,
            org.springframework.beans.factory.ObjectProvider<LiveBidding> liveBidding) {
        this.liveBidding = liveBidding;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.regions = regions;
        this.certificates = certificates;
        this.auditLog = auditLog;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** The custodians of a tender in the region: its trading centre, its supervision department, its tenderee. */
    List<Organisation> custodians(String regionCode, UUID tendereeId) {
        List<Organisation> custodians = new ArrayList<>();
        for (OrganisationKind kind : List.of(OrganisationKind.TRADING_CENTRE, OrganisationKind.SUPERVISION_DEPARTMENT)) {
            custodians.add(organisations.nearest(kind, regionCode)
                    .orElseThrow(() -> new DomainException(SealingError.CUSTODIAN_MISSING, kind)));
        }
        custodians.add(organisations.find(tendereeId).orElseThrow());
        return custodians;
    }

    /**
     * In the publishing transaction, not after it: the opening key must exist the moment the notice is public (bidders
     * seal to it at once), and a tender whose key cannot be made (a custodian without a certificate) is not published.
     */
    @EventListener
    void on(TenderPublished published) {
        if (liveBidding.getObject().live(published.tenderId(), clock.instant())) {
            return; // issue 17: a live-bidding lot takes no sealed bid, so it needs no opening key (its reserve has its own)
        }
        List<Organisation> custodians = custodians(published.regionCode(), published.tendereeId());
        int k = Math.min(Math.max(2, thresholdFor(published.regionCode())), custodians.size());
        MadeKey key = make(published.tenderId(), null, custodians, k);
        // Logged first, so the key's row names the entry that binds it: the bidder tool checks the key against it.
        long seq = auditLog.append(AuditRecord.of(CREATED, published.tenderId().toString(), published.regionCode(),
                Actor.SYSTEM, key.logPayload(published.tenderId(), null))).seq();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO tender_opening_key (tender_id, public_key_pem, key_sm3, threshold, custodians, created_at,
                                                created_log_seq)
                VALUES (:t, :pem, :sm3, :k, :n, :at, :seq)""")
                .param("t", published.tenderId()).param("pem", key.publicKeyPem()).param("sm3", key.keySm3())
                .param("k", k).param("n", custodians.size()).param("at", now).param("seq", seq).update();
        for (MadeShare share : key.shares()) {
            jdbc.sql("""
                    INSERT INTO opening_key_share (tender_id, share_index, custodian_id, certificate_id, encrypted_share)
                    VALUES (:t, :i, :c, :cert, :share)""")
                    .param("t", published.tenderId()).param("i", share.index()).param("c", share.custodianId())
                    .param("cert", share.certificateId()).param("share", share.encryptedShare()).update();
        }
    }

    /** One custodian's share of a key made by {@link #make}: encrypted to its certificate, never in plain text. */
    record MadeShare(int index, UUID custodianId, String custodianName, UUID certificateId, String certificateSm3,
            String encryptedShare) {
    }

    /** An opening key made by {@link #make}: the public key, its hash, the threshold and the encrypted shares. */
    record MadeKey(String publicKeyPem, String keySm3, int threshold, List<MadeShare> shares) {

        /** What the public log says of the key's creation: the key, the threshold, the custodians and their certificates. */
        Map<String, Object> logPayload(UUID tenderId, Integer round) {
            List<Map<String, Object>> logged = new ArrayList<>();
            for (MadeShare share : shares) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("shareIndex", share.index());
                m.put("custodianId", share.custodianId().toString());
                m.put("custodian", share.custodianName());
                m.put("certificateId", share.certificateId().toString());
                m.put("certificateSm3", share.certificateSm3());
                m.put("encryptedShareSm3", Sm3.hex(share.encryptedShare()));
                logged.add(m);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("tenderId", tenderId.toString());
            if (round != null) {
                payload.put("round", round);
            }
            payload.put("keySm3", keySm3);
            payload.put("publicKey", publicKeyPem);
            payload.put("threshold", threshold);
            payload.put("custodians", logged);
            return payload;
        }
    }

    /**
     * Makes an opening key for {@code tenderId} (or its offer round {@code round}, null for the bid opening key): the
     * key pair generated, the private scalar split {@code k}-of-n among {@code custodians}, each share encrypted to the
     * custodian's certificate in force that it registered itself, and the scalar wiped — the private key is not kept
     * anywhere. The caller logs the creation ({@link MadeKey#logPayload}) and stores the key.
     */
    MadeKey make(UUID tenderId, Integer round, List<Organisation> custodians, int k) {
        List<Certificates.InForce> certs = new ArrayList<>();
        for (Organisation custodian : custodians) {
            certs.add(certificates.custodianCertificate(custodian.id(), clock.instant())
                    .orElseThrow(() -> new DomainException(SealingError.CUSTODIAN_WITHOUT_CERTIFICATE, custodian.name())));
        }
        KeyPair key = Sm2.generateKeyPair();
        String keySm3 = Envelope.keyId(key.getPublic());
        byte[] scalar = OpeningKeys.scalar(key.getPrivate());
        List<Shamir.Share> shares = Shamir.split(scalar, custodians.size(), k);
        Arrays.fill(scalar, (byte) 0);
        key = new KeyPair(key.getPublic(), null); // the private key is not kept anywhere
        List<MadeShare> made = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Shamir.Share share = shares.get(i);
            byte[] value = share.value();
            byte[] plain = shareJson(tenderId, round, keySm3, share.index(), k, value);
            Arrays.fill(value, (byte) 0);
            String encrypted = Base64.getEncoder().encodeToString(Sm2.encrypt(certs.get(i).certificate().getPublicKey(), plain));
            Arrays.fill(plain, (byte) 0);
            made.add(new MadeShare(share.index(), custodians.get(i).id(), custodians.get(i).name(), certs.get(i).id(),
                    fingerprint(certs.get(i).certificate()), encrypted));
        }
        return new MadeKey(Pem.encode(key.getPublic()), keySm3, k, made);
    }

    /**
     * The custodians and threshold a new key of lot {@code tenderId} (of region {@code regionCode}, tenderee
     * {@code tendereeId}) gets as the lot's bid opening key would, for a lot that has none (a live-bidding lot's reserve
     * key, issue 17): the region's centre and supervision department and the tenderee, k of them by the region's policy.
     */
    record Custody(List<Organisation> custodians, int threshold) {
    }

    Custody custodyFor(String regionCode, UUID tendereeId) {
        List<Organisation> custodians = custodians(regionCode, tendereeId);
        return new Custody(custodians, Math.min(Math.max(2, thresholdFor(regionCode)), custodians.size()));
    }

    /** The custodians of a published tender's opening key, in share order (an offer round's key goes to the same). */
    List<Organisation> custodiansOf(UUID tenderId) {
        return jdbc.sql("SELECT custodian_id FROM opening_key_share WHERE tender_id = :t ORDER BY share_index")
                .param("t", tenderId).query(UUID.class).list().stream()
                .map(id -> organisations.find(id).orElseThrow()).toList();
    }

    /** The log action of an opening key's creation, whose entry the bidder tool checks the key against. */
    public static final String CREATED = "sealing.opening-key.created";

    private static String fingerprint(java.security.cert.X509Certificate certificate) {
        try {
            return Sm3.hex(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a stored certificate cannot be encoded", e);
        }
    }

    /** The threshold for tenders of region {@code regionCode}: its policy, or the nearest above it, or the default. */
    public int thresholdFor(String regionCode) {
        Map<String, Integer> policies = new java.util.HashMap<>();
        jdbc.sql("SELECT region_code, threshold FROM opening_key_policy")
                .query((rs, i) -> policies.put(rs.getString(1), rs.getInt(2))).list();
        // Up the region tree (catalog's), the nearest region with a policy of its own decides.
        java.util.Optional<org.sunbid.platform.catalog.Region> region = regions.find(regionCode);
        for (int depth = 0; region.isPresent() && depth < 32; depth++) {
            Integer k = policies.get(region.get().code());
            if (k != null) {
                return k;
            }
            region = region.get().parentCode() == null ? java.util.Optional.empty() : regions.find(region.get().parentCode());
        }
        return threshold;
    }

    /**
     * Sets how many custodians must act together for tenders of region {@code regionCode} (and the regions below it
     * without a policy of their own). Administrators only; logged in public. Applies to tenders published afterwards.
     */
    @org.springframework.transaction.annotation.Transactional
    public int setThreshold(String regionCode, int newThreshold, org.sunbid.platform.parties.CurrentUser user) {
        if (user == null || user.role() != org.sunbid.platform.parties.Role.ADMINISTRATOR) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.FORBIDDEN);
        }
        if (newThreshold < 2 || newThreshold > 3) { // three custodians: the centre, the supervision department, the tenderee
            throw new DomainException(SealingError.THRESHOLD_INVALID, newThreshold);
        }
        if (regionCode == null || regions.find(regionCode).isEmpty()) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.NOT_FOUND);
        }
        jdbc.sql("""
                INSERT INTO opening_key_policy (region_code, threshold, updated_at, updated_by) VALUES (:r, :k, :at, :by)
                ON CONFLICT (region_code) DO UPDATE SET threshold = :k, updated_at = :at, updated_by = :by""")
                .param("r", regionCode).param("k", newThreshold).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", user.username()).update();
        auditLog.record(AuditRecord.of("sealing.threshold.set", regionCode, regionCode, user.actor(),
                Map.of("threshold", newThreshold)));
        return newThreshold;
    }

    static byte[] shareJson(UUID tenderId, Integer round, String keySm3, int index, int threshold, byte[] value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenderId", tenderId.toString());
        if (round != null) {
            m.put("round", round); // a share of an offer round's key says which round
        }
        m.put("keySm3", keySm3);
        m.put("index", index);
        m.put("threshold", threshold);
        m.put("value", Base64.getEncoder().encodeToString(value));
        return CanonicalJson.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /** A published tender's opening key, for everyone (bidders seal to it). */
    public OpeningKeyView view(UUID tenderId) {
        record Key(String pem, String sm3, int k, Instant at, Long seq) {
        }
        Key key = jdbc.sql("""
                SELECT public_key_pem, key_sm3, threshold, created_at, created_log_seq FROM tender_opening_key
                WHERE tender_id = :t""")
                .param("t", tenderId)
                .query((rs, i) -> new Key(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, Long.class)))
                .optional().orElseThrow(() -> new DomainException(SealingError.OPENING_KEY_NOT_FOUND));
        record Share(int index, UUID custodianId, UUID certificateId, boolean released) {
        }
        List<OpeningKeyView.Custodian> custodians = jdbc.sql("""
                SELECT s.share_index, s.custodian_id, s.certificate_id,
                       EXISTS (SELECT 1 FROM opening_share_release r WHERE r.tender_id = s.tender_id AND r.share_index = s.share_index)
                FROM opening_key_share s WHERE s.tender_id = :t ORDER BY s.share_index""").param("t", tenderId)
                .query((rs, i) -> new Share(rs.getInt(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getBoolean(4)))
                .list().stream()
                .map(s -> new OpeningKeyView.Custodian(s.index(), s.custodianId(),
                        organisations.find(s.custodianId()).map(Organisation::name).orElse(null), s.released(),
                        certificates.pem(s.certificateId()).orElse(null)))
                .toList();
        return new OpeningKeyView(tenderId, key.pem(), key.sm3(), key.k(), custodians, key.at(), key.seq());
    }

    /**
     * The SM3 of the tender's opening public key and the key itself (PEM), in one query: what an arriving envelope is
     * checked against, without {@link #view}'s custodians (the upload path's hot read).
     */
    OpeningKey keyOf(UUID tenderId) {
        OpeningKey known = madeKeys.get(tenderId);
        if (known != null) {
            return known;
        }
        OpeningKey key = jdbc.sql("SELECT key_sm3, public_key_pem FROM tender_opening_key WHERE tender_id = :t").param("t", tenderId)
                .query((rs, i) -> new OpeningKey(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new DomainException(SealingError.OPENING_KEY_NOT_FOUND));
        if (madeKeys.size() >= MADE_KEYS_MAX) {
            madeKeys.clear(); // bounded: at worst a few more reads of keys still in use
        }
        madeKeys.put(tenderId, key);
        return key;
    }

    /**
     * Opening keys once made (issue 21: every upload checks its envelope's key against the tender's, one connection
     * borrow each in a surge). Safe to keep: a tender's opening key is made once and never changes
     * ({@code tender_opening_key} is append-only, V40_1, keyed by the tender); a tender without a key is not kept, so
     * a key made later is read then.
     */
    private final java.util.concurrent.ConcurrentHashMap<UUID, OpeningKey> madeKeys = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MADE_KEYS_MAX = 10_000;

    /** A tender's opening public key: its SM3 (as envelope headers name it) and the key (PEM). */
    record OpeningKey(String sm3, String publicKeyPem) {
    }

    /** Whether the tender has an opening key (tenders published before keys existed have none). */
    boolean exists(UUID tenderId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tender_opening_key WHERE tender_id = :t)").param("t", tenderId)
                .query(Boolean.class).single();
    }

    /** How many of the tender's custodians must release their shares to rebuild its key. */
    int threshold(UUID tenderId) {
        return jdbc.sql("SELECT threshold FROM tender_opening_key WHERE tender_id = :t").param("t", tenderId)
                .query(Integer.class).single();
    }

    /** The share a custodian holds of a tender's key: its index, the key's threshold and hash, the certificate it is encrypted to. */
    record HeldShare(int index, int threshold, String keySm3, UUID certificateId) {
    }

    /** The share organisation {@code custodianId} holds of the tender's key, if it is a custodian. */
    java.util.Optional<HeldShare> heldShare(UUID tenderId, UUID custodianId) {
        return custodianId == null ? java.util.Optional.empty() : jdbc.sql("""
                SELECT s.share_index, k.threshold, k.key_sm3, s.certificate_id FROM opening_key_share s
                JOIN tender_opening_key k ON k.tender_id = s.tender_id
                WHERE s.tender_id = :t AND s.custodian_id = :c""")
                .param("t", tenderId).param("c", custodianId)
                .query((rs, i) -> new HeldShare(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class)))
                .optional();
    }

    /** The index of the share organisation {@code organisationId} holds for a tender, if it is a custodian. */
    public java.util.Optional<Integer> shareIndexOf(UUID tenderId, UUID organisationId) {
        return organisationId == null ? java.util.Optional.empty()
                : jdbc.sql("SELECT share_index FROM opening_key_share WHERE tender_id = :t AND custodian_id = :c")
                        .param("t", tenderId).param("c", organisationId).query(Integer.class).optional();
    }

    /** The encrypted share a custodian organisation holds for a tender (base64), for its own tool to decrypt. */
    public String encryptedShare(UUID tenderId, UUID custodianId) {
        return jdbc.sql("SELECT encrypted_share FROM opening_key_share WHERE tender_id = :t AND custodian_id = :c")
                .param("t", tenderId).param("c", custodianId).query(String.class).optional()
                .orElseThrow(() -> new DomainException(SealingError.OPENING_KEY_NOT_FOUND));
    }
}
