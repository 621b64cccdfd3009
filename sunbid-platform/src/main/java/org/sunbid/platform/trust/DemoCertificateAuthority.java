package org.sunbid.platform.trust;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.crypto.KeyFiles;

/**
 * The built-in demo CA (演示 CA) for development and demo data: an SM2 root generated on first start into
 * {@code data/keys/}. Real deployments switch it off ({@code sunbid.ca.demo-ca=false}) and trust the CA roots of
 * licensed CAs instead.
 */
@Component
public class DemoCertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(DemoCertificateAuthority.class);

    /** Demo certificates are valid from this long ago, so the demo's history (weeks back) can be signed and checked. */
    static final Duration BACKDATED = Duration.ofDays(90);

    private final KeyFiles.KeyAndCertificate root;
    private final Clock clock;

    DemoCertificateAuthority(SunbidProperties properties, Clock clock) {
        this.clock = clock;
        if (properties.ca().demoCa()) {
            Instant now = clock.instant();
            this.root = KeyFiles.loadOrCreate(properties.dataDir().resolve("keys"), "demo-ca", () -> {
                KeyPair keys = Sm2.generateKeyPair();
                log.info("generated the demo CA root key in {}", properties.dataDir().resolve("keys"));
                return KeyFiles.of(keys, Sm2Certificates.selfSignedRoot(
                        "CN=Sunbid Demo Root CA,OU=演示用途 For demonstration only,O=Sunbid,C=CN", keys,
                        now.minus(BACKDATED), now.plus(Duration.ofDays(3650))));
            });
        } else {
            this.root = null;
        }
    }

    /** The demo CA's root certificate, if the demo CA is enabled. */
    public Optional<X509Certificate> rootCertificate() {
        return Optional.ofNullable(root).map(KeyFiles.KeyAndCertificate::certificate);
    }

    /** Whether the demo CA is enabled. */
    public boolean enabled() {
        return root != null;
    }

    /**
     * A certificate for one of the platform's own identities (its signing key, the sandbox bank and insurer): issued by
     * the demo CA when it is enabled, else self-signed for ten years.
     */
    public X509Certificate issueOrSelfSign(String subjectDn, java.security.KeyPair keys) {
        if (enabled()) {
            return issue(subjectDn, keys.getPublic());
        }
        Instant now = clock.instant();
        return Sm2Certificates.selfSignedRoot(subjectDn, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    /**
     * Issues a two-year signing certificate for {@code subjectDn} and {@code subjectKey}.
     *
     * @throws IllegalStateException if the demo CA is disabled
     */
    public X509Certificate issue(String subjectDn, PublicKey subjectKey) {
        if (root == null) {
            throw new IllegalStateException("the demo CA is disabled");
        }
        Instant now = clock.instant();
        return Sm2Certificates.issue(root.certificate(), root.key(), subjectDn, subjectKey, now.minus(BACKDATED),
                now.plus(Duration.ofDays(730)));
    }
}
