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
 * <p>A share travels as canonical JSON {tenderId, keySm3, index, threshold, value (base64)}, so a custodian's tool can
 * tell which tender and key it belongs to.
 */
@Service
public class TenderKeys {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Certificates certificates;
    private final AuditLog auditLog;
    private final Clock clock;
    private final int threshold;

    TenderKeys(JdbcClient jdbc, Organisations organisations, Certificates certificates, AuditLog auditLog, Clock clock,
            @Value("${sunbid.sealing.threshold:2}") int threshold) {
        this.jdbc = jdbc;
        this.organisations = organisations;
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

    @EventListener
    void on(TenderPublished published) {
        List<Organisation> custodians = custodians(published.regionCode(), published.tendereeId());
        List<Certificates.InForce> certs = new ArrayList<>();
        for (Organisation custodian : custodians) {
            certs.add(certificates.custodianCertificate(custodian.id(), clock.instant())
                    .orElseThrow(() -> new DomainException(SealingError.CUSTODIAN_WITHOUT_CERTIFICATE, custodian.name())));
        }
        int k = Math.min(Math.max(2, thresholdFor(published.regionCode())), custodians.size());
        KeyPair key = Sm2.generateKeyPair();
        String keySm3 = Envelope.keyId(key.getPublic());
        byte[] scalar = OpeningKeys.scalar(key.getPrivate());
        List<Shamir.Share> shares = Shamir.split(scalar, custodians.size(), k);
        Arrays.fill(scalar, (byte) 0);
        key = new KeyPair(key.getPublic(), null); // the private key is not kept anywhere

        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> encrypted = new ArrayList<>();
        List<Map<String, Object>> logged = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Shamir.Share share = shares.get(i);
            byte[] value = share.value();
            byte[] plain = shareJson(published.tenderId(), keySm3, share.index(), k, value);
            Arrays.fill(value, (byte) 0);
            encrypted.add(Base64.getEncoder().encodeToString(Sm2.encrypt(certs.get(i).certificate().getPublicKey(), plain)));
            Arrays.fill(plain, (byte) 0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shareIndex", share.index());
            m.put("custodianId", custodians.get(i).id().toString());
            m.put("custodian", custodians.get(i).name());
            m.put("certificateId", certs.get(i).id().toString());
            m.put("certificateSm3", fingerprint(certs.get(i).certificate()));
            m.put("encryptedShareSm3", Sm3.hex(encrypted.get(i)));
            logged.add(m);
        }
        // Logged first, so the key's row names the entry that binds it: the bidder tool checks the key against it.
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", published.tenderId().toString());
        payload.put("keySm3", keySm3);
        payload.put("publicKey", Pem.encode(key.getPublic()));
        payload.put("threshold", k);
        payload.put("custodians", logged);
        long seq = auditLog.append(AuditRecord.of(CREATED, published.tenderId().toString(), published.regionCode(),
                Actor.SYSTEM, payload)).seq();
        jdbc.sql("""
                INSERT INTO tender_opening_key (tender_id, public_key_pem, key_sm3, threshold, custodians, created_at,
                                                created_log_seq)
                VALUES (:t, :pem, :sm3, :k, :n, :at, :seq)""")
                .param("t", published.tenderId()).param("pem", Pem.encode(key.getPublic())).param("sm3", keySm3)
                .param("k", k).param("n", custodians.size()).param("at", now).param("seq", seq).update();
        for (int i = 0; i < shares.size(); i++) {
            jdbc.sql("""
                    INSERT INTO opening_key_share (tender_id, share_index, custodian_id, certificate_id, encrypted_share)
                    VALUES (:t, :i, :c, :cert, :share)""")
                    .param("t", published.tenderId()).param("i", shares.get(i).index()).param("c", custodians.get(i).id())
                    .param("cert", certs.get(i).id()).param("share", encrypted.get(i)).update();
        }
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
        return jdbc.sql("""
                SELECT p.threshold FROM opening_key_policy p JOIN region r ON r.code = p.region_code, region t
                WHERE t.code = :region AND t.path LIKE r.path || '%' ORDER BY length(r.path) DESC LIMIT 1""")
                .param("region", regionCode).query(Integer.class).optional().orElse(threshold);
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
        if (jdbc.sql("SELECT COUNT(*) FROM region WHERE code = :c").param("c", regionCode).query(Long.class).single() == 0) {
            throw new DomainException(org.sunbid.platform.kernel.CommonError.NOT_FOUND);
        }
        jdbc.sql("""
                INSERT INTO opening_key_policy (region_code, threshold, updated_at, updated_by) VALUES (:r, :k, :at, :by)
                ON CONFLICT (region_code) DO UPDATE SET threshold = :k, updated_at = :at, updated_by = :by""")
                .param("r", regionCode).param("k", newThreshold).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", user.username()).update();
        auditLog.append(AuditRecord.of("sealing.threshold.set", regionCode, regionCode, user.actor(),
                Map.of("threshold", newThreshold)));
        return newThreshold;
    }

    static byte[] shareJson(UUID tenderId, String keySm3, int index, int threshold, byte[] value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenderId", tenderId.toString());
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
        List<OpeningKeyView.Custodian> custodians = jdbc.sql("""
                SELECT s.share_index, s.custodian_id, o.name,
                       EXISTS (SELECT 1 FROM opening_share_release r WHERE r.tender_id = s.tender_id AND r.share_index = s.share_index),
                       c.pem
                FROM opening_key_share s JOIN organisation o ON o.id = s.custodian_id
                JOIN certificate c ON c.id = s.certificate_id
                WHERE s.tender_id = :t ORDER BY s.share_index""").param("t", tenderId)
                .query((rs, i) -> new OpeningKeyView.Custodian(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5)))
                .list();
        return new OpeningKeyView(tenderId, key.pem(), key.sm3(), key.k(), custodians, key.at(), key.seq());
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
