package org.sunbid.platform.payments;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.KeyFiles;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.DepositTerms;
import org.sunbid.platform.trust.DemoCertificateAuthority;

/**
 * A sandbox guarantee issuer (沙箱保险公司) standing in for a bank or insurer: registered on the platform at start,
 * it issues guarantees signed with its own SM2 key, which bidders then upload like any other guarantee.
 */
@Component
@org.sunbid.platform.kernel.ConditionalOnSandbox
class SandboxInsurer {

    static final String NAME = "沙箱保险公司（演示）";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyFiles.KeyAndCertificate identity;
    private final Organisations organisations;
    private final Clock clock;

    SandboxInsurer(SunbidProperties properties, DemoCertificateAuthority demoCa, Guarantees guarantees,
            Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
        this.identity = KeyFiles.loadOrCreate(properties.dataDir().resolve("keys"), "sandbox-insurer", () -> {
            KeyPair keys = Sm2.generateKeyPair();
            String subject = "CN=沙箱保险公司 Sandbox Insurer,OU=演示用途 For demonstration only,O=Sunbid,C=CN";
            X509Certificate certificate = demoCa.issueOrSelfSign(subject, keys);
            return KeyFiles.of(keys, certificate);
        });
        guarantees.registerSandbox(NAME, identity.certificate());
    }

    /** A guarantee for {@code applicantId} in favour of the tenderee, for the deposit and the bid validity period. */
    GuaranteeUpload issue(DepositTerms terms, UUID applicantId) {
        return issue(terms, applicantId, terms.deposit(), terms.guaranteeRequiredUntil().plus(Duration.ofDays(30)));
    }

    /** A guarantee with the given amount and end of validity (the sandbox issues what it is asked to). */
    GuaranteeUpload issue(DepositTerms terms, UUID applicantId, Money amount, Instant validUntil) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("guaranteeNo", "SBXG" + clock.millis() + String.format("%06d", RANDOM.nextInt(1_000_000)));
        doc.put("issuer", NAME);
        doc.put("tenderId", terms.tenderId().toString());
        doc.put("projectCode", terms.projectCode());
        doc.put("applicantCreditCode", organisations.find(applicantId).orElseThrow().creditCode().value());
        doc.put("beneficiaryCreditCode", organisations.find(terms.tendereeId()).orElseThrow().creditCode().value());
        doc.put("amount", amount.toString());
        doc.put("validFrom", clock.instant().minus(Duration.ofMinutes(1)).toString());
        doc.put("validUntil", validUntil.toString());
        String document = CanonicalJson.write(doc);
        String signature = Base64.getEncoder().encodeToString(Sm2.sign(identity.key(), document.getBytes(StandardCharsets.UTF_8)));
        return new GuaranteeUpload(document, signature, Pem.encode(identity.certificate()));
    }
}
