package org.sunbid.platform.trust;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.crypto.KeyFiles;

/**
 * The platform's own SM2 signing identity (平台签名证书): it signs receipts (投标回执), log tree heads and published
 * records. The key is generated on first start into {@code data/keys/platform.key.pem}, readable by the owner only,
 * and never leaves this class; its certificate is public.
 */
@Component
public class PlatformIdentity {

    private static final Logger log = LoggerFactory.getLogger(PlatformIdentity.class);

    private final KeyFiles.KeyAndCertificate identity;

    PlatformIdentity(SunbidProperties properties, DemoCertificateAuthority demoCa, Clock clock) {
        this.identity = KeyFiles.loadOrCreate(properties.dataDir().resolve("keys"), "platform", () -> {
            KeyPair keys = Sm2.generateKeyPair();
            String subject = "CN=" + properties.portalName().replace(",", " ") + " 平台签名,O=Sunbid,C=CN";
            X509Certificate certificate = demoCa.issueOrSelfSign(subject, keys);
            log.info("generated the platform signing key in {}", properties.dataDir().resolve("keys"));
            return KeyFiles.of(keys, certificate);
        });
    }

    /** SM3withSM2 signature of {@code data} by the platform. */
    public byte[] sign(byte[] data) {
        return Sm2.sign(identity.key(), data);
    }

    /** Whether {@code signature} is the platform's signature of {@code data}. */
    public boolean verify(byte[] data, byte[] signature) {
        return Sm2.verify(identity.certificate().getPublicKey(), data, signature);
    }

    /** The platform's certificate. */
    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** The platform's certificate as PEM. */
    public String certificatePem() {
        return Pem.encode(identity.certificate());
    }
}
