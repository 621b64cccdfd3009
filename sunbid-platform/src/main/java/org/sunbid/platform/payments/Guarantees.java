package org.sunbid.platform.payments;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CertificateTrust;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.TrustedRoots;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic guarantees (电子保函) in place of a cash deposit. A guarantee is accepted only if its issuer's certificate
 * is registered on the platform and valid, the issuer's signature verifies, it names this tender, this bidder as
 * applicant and the tenderee as beneficiary, covers the deposit amount, and stays valid through the bid validity
 * period. Any failure refuses the upload and changes nothing.
 */
@Service
public class Guarantees {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Deposits deposits;
    private final Tenders tenders;
    private final Organisations organisations;
    private final ConfidentialRecords confidential;
    private final AuditLog auditLog;
    private final TrustedRoots trustedRoots;
    private final Clock clock;
    private final JsonMapper json;
    private final boolean sandboxEnabled;

    Guarantees(JdbcClient jdbc, Deposits deposits, Tenders tenders, Organisations organisations,
            ConfidentialRecords confidential, AuditLog auditLog, TrustedRoots trustedRoots, Clock clock, JsonMapper json,
            @org.springframework.beans.factory.annotation.Value("${sunbid.payments.sandbox.enabled:${sunbid.ca.demo-ca:true}}")
            boolean sandboxEnabled) {
        this.sandboxEnabled = sandboxEnabled;
        this.jdbc = jdbc;
        this.deposits = deposits;
        this.tenders = tenders;
        this.organisations = organisations;
        this.confidential = confidential;
        this.auditLog = auditLog;
        this.trustedRoots = trustedRoots;
        this.clock = clock;
        this.json = json;
    }

    /** A registered issuer. */
    public record Issuer(String fingerprint, String name, Instant validUntil) {
    }

    /** Registers an issuer (administrators): its certificate must chain to a trusted root. Logged in public. */
    @Transactional
    public Issuer registerIssuer(String name, String certificatePem, CurrentUser user) {
        if (user == null || user.role() != Role.ADMINISTRATOR) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        X509Certificate certificate;
        try {
            certificate = Pem.certificate(certificatePem == null ? "" : certificatePem);
            trustedRoots.check(certificate);
        } catch (CertificateException | CertificateTrust.UntrustedCertificateException | RuntimeException e) {
            throw new DomainException(PaymentsError.GUARANTEE_ISSUER_NOT_REGISTERED);
        }
        Issuer issuer = register(name, certificate, false);
        auditLog.record(AuditRecord.of("payments.guarantee-issuer.registered", issuer.fingerprint(), null, user.actor(),
                Map.of("name", issuer.name(), "subject", Sm2Certificates.subjectName(certificate),
                        "validUntil", issuer.validUntil().toString())));
        return issuer;
    }

    /** Registers the sandbox insurer, whose guarantees count only while the sandbox is enabled; idempotent. */
    Issuer registerSandbox(String name, X509Certificate certificate) {
        return register(name, certificate, true);
    }

    private Issuer register(String name, X509Certificate certificate, boolean sandbox) {
        String fingerprint = Banks.fingerprint(certificate);
        jdbc.sql("""
                INSERT INTO guarantee_issuer (fingerprint, name, certificate_pem, registered_at, sandbox)
                VALUES (:f, :n, :pem, :at, :sandbox)
                ON CONFLICT (fingerprint) DO UPDATE SET name = :n""")
                .param("f", fingerprint).param("n", name.strip()).param("pem", Pem.encode(certificate)).param("sandbox", sandbox)
                .param("at", Deposits.utc(clock.instant())).update();
        return new Issuer(fingerprint, name.strip(), certificate.getNotAfter().toInstant());
    }

    /** The registered issuers, for everyone to see. */
    public List<Issuer> issuers() {
        return jdbc.sql("SELECT fingerprint, name, certificate_pem FROM guarantee_issuer WHERE NOT sandbox OR :sandbox ORDER BY name")
                .param("sandbox", sandboxEnabled).query((rs, i) -> {
            try {
                return new Issuer(rs.getString("fingerprint"), rs.getString("name"),
                        Pem.certificate(rs.getString("certificate_pem")).getNotAfter().toInstant());
            } catch (CertificateException e) {
                throw new IllegalStateException(e);
            }
        }).list();
    }

    /** Verifies and accepts a guarantee for the caller's deposit. */
    @Transactional
    public DepositView submit(UUID tenderId, GuaranteeUpload upload, CurrentUser user) {
        Deposits.Account account = deposits.ownAccount(tenderId, user);
        DepositTerms terms = tenders.depositTermsHeld(tenderId); // bidding cannot close until this is recorded
        Instant now = clock.instant();
        if (!now.isBefore(terms.bidDeadline())
                || (terms.status() != TenderStatus.PUBLISHED && terms.status() != TenderStatus.SUSPENDED)) {
            throw new DomainException(PaymentsError.DEPOSIT_DEADLINE_PASSED);
        }
        if (account.status().settled()) {
            throw new DomainException(PaymentsError.DEPOSIT_ALREADY_SETTLED);
        }
        if (upload == null || upload.document() == null || upload.signature() == null || upload.issuerCertificate() == null) {
            throw new DomainException(PaymentsError.GUARANTEE_INVALID);
        }
        // 1. The issuer: registered, and its certificate valid now.
        X509Certificate certificate;
        try {
            certificate = Pem.certificate(upload.issuerCertificate());
            certificate.checkValidity(java.util.Date.from(now));
        } catch (CertificateException | RuntimeException e) {
            throw new DomainException(PaymentsError.GUARANTEE_ISSUER_NOT_REGISTERED);
        }
        String fingerprint = Banks.fingerprint(certificate);
        String issuerName = jdbc.sql("SELECT name FROM guarantee_issuer WHERE fingerprint = :f AND (NOT sandbox OR :sandbox)")
                .param("f", fingerprint).param("sandbox", sandboxEnabled).query(String.class).optional()
                .orElseThrow(() -> new DomainException(PaymentsError.GUARANTEE_ISSUER_NOT_REGISTERED));
        // 2. The signature over the document exactly as given.
        byte[] document = upload.document().getBytes(StandardCharsets.UTF_8);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(upload.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException(PaymentsError.GUARANTEE_SIGNATURE_INVALID);
        }
        if (signature.length == 0 || !Sm2.verify(certificate.getPublicKey(), document, signature)) {
            throw new DomainException(PaymentsError.GUARANTEE_SIGNATURE_INVALID);
        }
        // 3. What it says.
        Parsed g = parse(upload.document());
        String tendereeCode = organisations.find(terms.tendereeId()).orElseThrow().creditCode().value();
        if (!g.tenderId().equals(tenderId.toString()) || !g.applicant().equals(account.bidderCreditCode())
                || !g.beneficiary().equals(tendereeCode)) {
            throw new DomainException(PaymentsError.GUARANTEE_WRONG_PARTY);
        }
        if (g.amount().compareTo(terms.deposit()) < 0) {
            throw new DomainException(PaymentsError.GUARANTEE_AMOUNT_TOO_LOW, g.amount(), terms.deposit());
        }
        if (g.validFrom().isAfter(now) || g.validUntil().isBefore(terms.guaranteeRequiredUntil())) {
            throw new DomainException(PaymentsError.GUARANTEE_VALIDITY_TOO_SHORT, terms.guaranteeRequiredUntil(),
                    terms.bidValidityDays());
        }
        UUID id = UUID.randomUUID();
        String documentSm3 = Sm3.hex(document);
        try {
            jdbc.sql("""
                    INSERT INTO deposit_guarantee (id, deposit_account_id, issuer_fingerprint, guarantee_no, amount, valid_from,
                                                   valid_until, document, signature, document_sm3, accepted_at)
                    VALUES (:id, :account, :issuer, :no, :amount, :from, :until, :doc, :sig, :sm3, :at)""")
                    .param("id", id).param("account", account.id()).param("issuer", fingerprint).param("no", g.number())
                    .param("amount", g.amount().yuan()).param("from", Deposits.utc(g.validFrom()))
                    .param("until", Deposits.utc(g.validUntil())).param("doc", upload.document())
                    .param("sig", upload.signature().strip()).param("sm3", documentSm3).param("at", Deposits.utc(now)).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(PaymentsError.GUARANTEE_ALREADY_USED);
        }
        int updated = jdbc.sql("""
                UPDATE deposit_account SET status = 'GUARANTEED', settled_at = :at, version = version + 1
                WHERE id = :id AND status = 'AWAITING'""").param("at", Deposits.utc(now)).param("id", account.id()).update();
        if (updated == 0) {
            throw new DomainException(PaymentsError.DEPOSIT_ALREADY_SETTLED);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("guaranteeId", id.toString());
        payload.put("bidderId", account.bidderId().toString());
        payload.put("issuer", issuerName);
        payload.put("issuerFingerprint", fingerprint);
        payload.put("guaranteeNo", g.number());
        payload.put("amount", g.amount().toString());
        payload.put("validUntil", g.validUntil().toString());
        payload.put("documentSm3", documentSm3);
        confidential.record(id, AuditRecord.of("payments.guarantee.accepted", tenderId.toString(), terms.regionCode(),
                user.actor(), payload));
        return deposits.mine(tenderId, user);
    }

    private record Parsed(String number, String tenderId, String applicant, String beneficiary, Money amount,
            Instant validFrom, Instant validUntil) {
    }

    private Parsed parse(String document) {
        try {
            Map<String, Object> m = json.readValue(document, JSON_OBJECT);
            return new Parsed(text(m, "guaranteeNo"), text(m, "tenderId"), text(m, "applicantCreditCode"),
                    text(m, "beneficiaryCreditCode"), Money.parse(text(m, "amount")),
                    Instant.parse(text(m, "validFrom")), Instant.parse(text(m, "validUntil")));
        } catch (RuntimeException e) {
            throw new DomainException(PaymentsError.GUARANTEE_INVALID);
        }
    }

    private static String text(Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (v == null || v.toString().isBlank() || v.toString().length() > 64) {
            throw new IllegalArgumentException(field);
        }
        return v.toString();
    }
}
