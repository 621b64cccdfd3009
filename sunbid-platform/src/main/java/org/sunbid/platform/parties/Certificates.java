package org.sunbid.platform.parties;

import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CertificateTrust;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.trust.TrustedRoots;

/**
 * Certificates (数字证书) held by organisations and experts. A certificate is accepted when it chains to any of the
 * {@link TrustedRoots}, whatever the region (互认).
 */
@Service
public class Certificates {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final Clock clock;
    private final TrustedRoots trust;
    private final AuditLog log;

    Certificates(JdbcClient jdbc, Organisations organisations, Clock clock, TrustedRoots trust, AuditLog log) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
        this.trust = trust;
        this.log = log;
    }

    /** A registered certificate, without its PEM. */
    public record CertificateInfo(UUID id, UUID organisationId, UUID accountId, String serialHex, String subject,
            String issuer, Instant notBefore, Instant notAfter, String fingerprint, String status) {

        /** The holder as people read it: the subject's organisation (O) or common name (CN), not the whole DN. */
        public String holder() {
            return name(subject);
        }

        /** The unified social credit code the subject names (SERIALNUMBER), or empty. */
        public String creditCode() {
            return attribute(subject, org.bouncycastle.asn1.x500.style.BCStyle.SERIALNUMBER);
        }

        /** The issuer's name as people read it. */
        public String issuerName() {
            return name(issuer);
        }

        private static String name(String dn) {
            String o = attribute(dn, org.bouncycastle.asn1.x500.style.BCStyle.O);
            return o.isEmpty() ? attribute(dn, org.bouncycastle.asn1.x500.style.BCStyle.CN) : o;
        }

        private static String attribute(String dn, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
            try {
                var rdns = new org.bouncycastle.asn1.x500.X500Name(dn).getRDNs(type);
                return rdns.length == 0 ? "" : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    /**
     * Registers {@code pem} as a certificate of organisation {@code organisationId}; the certificate's subject must name
     * the organisation's credit code. Staff may do this in their scope, an organisation's own accounts for their own;
     * the record says which ({@link #custodianCertificate}: only the holder's own registrations receive key shares).
     */
    @Transactional
    public CertificateInfo registerForOrganisation(UUID organisationId, String pem, CurrentUser user) {
        Organisation organisation = organisations.get(organisationId, user);
        boolean byHolder = organisationId.equals(user.organisationId());
        boolean allowed = user.seesAllRegions() || user.role() == Role.CENTRE_STAFF || byHolder;
        if (!allowed) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return register(organisation, pem, user.actor(), byHolder);
    }

    /**
     * Registers a certificate of {@code organisation} as the organisation itself (its {@code actor}), without a scope
     * check: system use, where the platform plays the organisation (the demo's organisations register their own).
     */
    @Transactional
    public CertificateInfo registerAsHolder(Organisation organisation, String pem, Actor actor) {
        return register(organisation, pem, actor, true);
    }

    private CertificateInfo register(Organisation organisation, String pem, Actor actor, boolean byHolder) {
        X509Certificate certificate = trusted(pem);
        String code = organisation.creditCode().value();
        if (Sm2Certificates.subjectValues(certificate).stream().noneMatch(v -> v.toUpperCase(java.util.Locale.ROOT).contains(code))) {
            throw new DomainException(PartiesError.CERTIFICATE_SUBJECT_MISMATCH, organisation.creditCode().value());
        }
        return insert(certificate, organisation.id(), null, actor, byHolder);
    }

    /** Registers a personal certificate for the account {@code accountId} (an expert's) as {@code actor}. */
    @Transactional
    public CertificateInfo registerForAccount(UUID accountId, String pem, Actor actor) {
        return insert(trusted(pem), null, accountId, actor, true);
    }

    /** The certificates of an organisation the user may see, newest first. */
    public List<CertificateInfo> ofOrganisation(UUID organisationId, CurrentUser user) {
        organisations.get(organisationId, user);
        return jdbc.sql(SELECT + " WHERE organisation_id = :id ORDER BY not_before DESC, id").param("id", organisationId)
                .query(Certificates::map).list();
    }

    /** An organisation's certificate in force: the newest active one valid now, with its registered id. */
    public record InForce(UUID id, X509Certificate certificate) {
    }

    /** The certificate organisation {@code organisationId} signs and decrypts with now, if it has one. */
    /**
     * Every certificate of organisation {@code organisationId} in force now (active, valid now), newest first: an
     * organisation may hold several keys (one per USB key), and a signature is good under any of them.
     */
    public List<InForce> allInForce(UUID organisationId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                SELECT id, pem FROM certificate WHERE organisation_id = :id AND status = 'ACTIVE'
                AND not_before <= :now AND not_after > :now ORDER BY not_before DESC, id""")
                .param("id", organisationId).param("now", now)
                .query((rs, i) -> {
                    try {
                        return new InForce(rs.getObject("id", UUID.class), Pem.certificate(rs.getString("pem")));
                    } catch (CertificateException e) {
                        throw new IllegalStateException("a stored certificate is unreadable", e);
                    }
                }).list();
    }

    public java.util.Optional<InForce> inForce(UUID organisationId) {
        return allInForce(organisationId).stream().findFirst();
    }

    /**
     * The certificate an opening-key custodian {@code organisationId} receives its share under, at {@code at}: the newest
     * active one the organisation registered itself (never one registered on its behalf), valid then and still
     * chaining to a trusted root; empty when it has none.
     */
    public java.util.Optional<InForce> custodianCertificate(UUID organisationId, Instant at) {
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT id, pem FROM certificate WHERE organisation_id = :id AND status = 'ACTIVE' AND registered_by_holder
                AND not_before <= :at AND not_after > :at ORDER BY not_before DESC, id""")
                .param("id", organisationId).param("at", time)
                .query((rs, i) -> new Object[] {rs.getObject("id", UUID.class), rs.getString("pem")}).list().stream()
                .map(row -> usable((UUID) row[0], (String) row[1], at)).flatMap(java.util.Optional::stream).findFirst();
    }

    /**
     * Certificate {@code certificateId} if it is still usable for a custodian's share at {@code at}: registered by its
     * holder organisation, active, valid then and chaining to a trusted root (the roots may have changed since).
     */
    public java.util.Optional<InForce> custodianCertificateStillUsable(UUID certificateId, Instant at) {
        return jdbc.sql("""
                SELECT pem FROM certificate WHERE id = :id AND status = 'ACTIVE' AND registered_by_holder
                AND organisation_id IS NOT NULL""").param("id", certificateId).query(String.class).optional()
                .flatMap(pem -> usable(certificateId, pem, at));
    }

    private java.util.Optional<InForce> usable(UUID id, String pem, Instant at) {
        try {
            X509Certificate c = Pem.certificate(pem);
            c.checkValidity(java.util.Date.from(at));
            trust.check(c);
            return java.util.Optional.of(new InForce(id, c));
        } catch (CertificateException | CertificateTrust.UntrustedCertificateException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The registered, active certificate with SM3 fingerprint {@code fingerprint} belonging to organisation
     * {@code organisationId}, valid now and issued under a trusted root; its registered id.
     */
    public java.util.Optional<UUID> activeOf(UUID organisationId, X509Certificate certificate) {
        String fingerprint;
        try {
            fingerprint = Sm3.hex(certificate.getEncoded());
            certificate.checkValidity(java.util.Date.from(clock.instant()));
            trust.check(certificate);
        } catch (CertificateException | CertificateTrust.UntrustedCertificateException e) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT id FROM certificate WHERE fingerprint = :fp AND organisation_id = :org AND status = 'ACTIVE'")
                .param("fp", fingerprint).param("org", organisationId).query(UUID.class).optional();
    }

    /** The personal certificate account {@code accountId} signs with now: active, valid now, under a trusted root. */
    public java.util.Optional<X509Certificate> inForceOfAccount(UUID accountId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                SELECT pem FROM certificate WHERE account_id = :id AND status = 'ACTIVE'
                AND not_before <= :now AND not_after > :now ORDER BY not_before DESC, id""")
                .param("id", accountId).param("now", now).query(String.class).list().stream()
                .map(pem -> {
                    try {
                        X509Certificate c = Pem.certificate(pem);
                        trust.check(c);
                        return c;
                    } catch (CertificateException | CertificateTrust.UntrustedCertificateException e) {
                        return null;
                    }
                }).filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * The certificate in force of account {@code accountId} when {@code signatureBase64} is its SM2 signature over
     * {@code text} (UTF-8); empty when there is none, or the signature is malformed or does not verify.
     */
    public java.util.Optional<X509Certificate> signedByAccount(UUID accountId, String text, String signatureBase64) {
        return inForceOfAccount(accountId).filter(c -> {
            try {
                return org.sunbid.crypto.Sm2.verify(c.getPublicKey(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** The PEM of registered certificate {@code certificateId}, whatever its status (what a share was encrypted to). */
    public java.util.Optional<String> pem(UUID certificateId) {
        return jdbc.sql("SELECT pem FROM certificate WHERE id = :id").param("id", certificateId).query(String.class).optional();
    }

    /** The personal certificates of an account, newest first. */
    public List<CertificateInfo> ofAccount(UUID accountId) {
        return jdbc.sql(SELECT + " WHERE account_id = :id ORDER BY not_before DESC, id").param("id", accountId)
                .query(Certificates::map).list();
    }

    private static final String SELECT = "SELECT id, organisation_id, account_id, serial_hex, subject_dn, issuer_dn,"
            + " not_before, not_after, fingerprint, status FROM certificate";

    private X509Certificate trusted(String pem) {
        X509Certificate certificate;
        try {
            certificate = Pem.certificate(pem == null ? "" : pem.strip());
        } catch (CertificateException e) {
            throw new DomainException(PartiesError.CERTIFICATE_UNTRUSTED, "unreadable");
        }
        try {
            trust.check(certificate);
        } catch (CertificateTrust.UntrustedCertificateException e) {
            throw new DomainException(PartiesError.CERTIFICATE_UNTRUSTED, e.getMessage());
        }
        return certificate;
    }

    private CertificateInfo insert(X509Certificate certificate, UUID organisationId, UUID accountId, Actor actor,
            boolean byHolder) {
        UUID id = UUID.randomUUID();
        String fingerprint;
        try {
            fingerprint = Sm3.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new DomainException(PartiesError.CERTIFICATE_UNTRUSTED, "unencodable");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO certificate (id, organisation_id, account_id, serial_hex, subject_dn, issuer_dn, not_before,
                                             not_after, fingerprint, pem, status, registered_by_holder, created_at, created_by,
                                             updated_at, updated_by)
                    VALUES (:id, :org, :account, :serial, :subject, :issuer, :nb, :na, :fp, :pem, 'ACTIVE', :byHolder,
                            :now, :actor, :now, :actor)""")
                    .param("id", id).param("org", organisationId).param("account", accountId)
                    .param("serial", certificate.getSerialNumber().toString(16))
                    .param("subject", Sm2Certificates.subjectName(certificate))
                    .param("issuer", Sm2Certificates.issuerName(certificate))
                    .param("nb", certificate.getNotBefore().toInstant().atOffset(ZoneOffset.UTC))
                    .param("na", certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC))
                    .param("fp", fingerprint).param("pem", Pem.encode(certificate)).param("byHolder", byHolder)
                    .param("now", now).param("actor", actor.username())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(PartiesError.DUPLICATE_CERTIFICATE, fingerprint);
        }
        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("fingerprint", fingerprint);
        payload.put("subject", Sm2Certificates.subjectName(certificate));
        payload.put("issuer", Sm2Certificates.issuerName(certificate));
        payload.put("serial", certificate.getSerialNumber().toString(16));
        payload.put("organisationId", organisationId == null ? null : organisationId.toString());
        payload.put("accountId", accountId == null ? null : accountId.toString());
        payload.put("registeredByHolder", byHolder);
        log.record(AuditRecord.of("parties.certificate.registered", id.toString(), null, actor, payload));
        return new CertificateInfo(id, organisationId, accountId, certificate.getSerialNumber().toString(16),
                Sm2Certificates.subjectName(certificate), Sm2Certificates.issuerName(certificate),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), fingerprint, "ACTIVE");
    }

    private static CertificateInfo map(ResultSet rs, int row) throws SQLException {
        return new CertificateInfo(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getString("serial_hex"), rs.getString("subject_dn"),
                rs.getString("issuer_dn"), rs.getObject("not_before", OffsetDateTime.class).toInstant(),
                rs.getObject("not_after", OffsetDateTime.class).toInstant(), rs.getString("fingerprint"),
                rs.getString("status"));
    }
}
