package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.CertificateTrust.UntrustedCertificateException;

class CertificateTrustTest {

    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private final KeyPair rootKeys = Sm2.generateKeyPair();
    private final X509Certificate root = Sm2Certificates.selfSignedRoot("CN=Demo Root CA,O=Sunbid,C=CN", rootKeys,
            now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));

    private X509Certificate leafOf(X509Certificate issuer, KeyPair issuerKeys, Instant from, Instant to) {
        return Sm2Certificates.issue(issuer, issuerKeys.getPrivate(), "CN=示范建设有限公司,SERIALNUMBER=91350100M000100Y43,C=CN",
                Sm2.generateKeyPair().getPublic(), from, to);
    }

    @Test
    void certificateFromATrustedRootIsAccepted() {
        X509Certificate leaf = leafOf(root, rootKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));
        assertDoesNotThrow(() -> new CertificateTrust(List.of(root)).check(leaf, List.of(), now));
    }

    @Test
    void certificateFromAnyOfSeveralTrustedRootsIsAccepted() {
        KeyPair otherKeys = Sm2.generateKeyPair();
        X509Certificate otherRoot = Sm2Certificates.selfSignedRoot("CN=Other Province CA,C=CN", otherKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        KeyPair intermediateKeys = Sm2.generateKeyPair();
        X509Certificate intermediate = Sm2Certificates.issueIntermediate(otherRoot, otherKeys.getPrivate(),
                "CN=Other Province Issuing CA,C=CN", intermediateKeys.getPublic(), now.minusSeconds(60), now.plus(Duration.ofDays(900)));
        X509Certificate leaf = leafOf(intermediate, intermediateKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));

        CertificateTrust trust = new CertificateTrust(List.of(root, otherRoot));
        assertDoesNotThrow(() -> trust.check(leaf, List.of(intermediate), now));
    }

    @Test
    void certificateFromAnUntrustedRootIsRefused() {
        KeyPair strangerKeys = Sm2.generateKeyPair();
        X509Certificate stranger = Sm2Certificates.selfSignedRoot("CN=Demo Root CA,O=Sunbid,C=CN", strangerKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        X509Certificate leaf = leafOf(stranger, strangerKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));

        var e = assertThrows(UntrustedCertificateException.class, () -> new CertificateTrust(List.of(root)).check(leaf, List.of(), now));
        assertTrue(e.getMessage().contains("trusted CA root"), e.getMessage());
    }

    @Test
    void expiredCertificateIsRefused() {
        X509Certificate leaf = leafOf(root, rootKeys, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        var e = assertThrows(UntrustedCertificateException.class, () -> new CertificateTrust(List.of(root)).check(leaf, List.of(), now));
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
    }

    @Test
    void noRootsTrustNothing() {
        X509Certificate leaf = leafOf(root, rootKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));
        assertThrows(UntrustedCertificateException.class, () -> new CertificateTrust(List.of()).check(leaf, List.of(), now));
    }

    @Test
    void aGoodChainIsRememberedOnlyForTheTimeEveryCertificateOfItIsValid() throws Exception {
        X509Certificate leaf = leafOf(root, rootKeys, now.minusSeconds(60), now.plus(Duration.ofDays(30)));
        CertificateTrust trust = new CertificateTrust(List.of(root));
        trust.check(leaf, List.of(), now);
        assertEquals(1, trust.remembered());
        assertDoesNotThrow(() -> trust.check(leaf, List.of(), now.plus(Duration.ofDays(29))));
        // remembered, but expired by then: refused as without the memory
        var late = assertThrows(UntrustedCertificateException.class, () -> trust.check(leaf, List.of(), now.plus(Duration.ofDays(31))));
        assertTrue(late.getMessage().contains("not valid"), late.getMessage());
        var early = assertThrows(UntrustedCertificateException.class, () -> trust.check(leaf, List.of(), now.minusSeconds(120)));
        assertTrue(early.getMessage().contains("not valid"), early.getMessage());
    }

    @Test
    void anIntermediateThatExpiresEndsTheRememberedSpan() throws Exception {
        KeyPair intermediateKeys = Sm2.generateKeyPair();
        X509Certificate intermediate = Sm2Certificates.issueIntermediate(root, rootKeys.getPrivate(),
                "CN=Issuing CA,C=CN", intermediateKeys.getPublic(), now.minusSeconds(60), now.plus(Duration.ofDays(10)));
        X509Certificate leaf = leafOf(intermediate, intermediateKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));
        CertificateTrust trust = new CertificateTrust(List.of(root));
        trust.check(leaf, List.of(intermediate), now);
        assertDoesNotThrow(() -> trust.check(leaf, List.of(intermediate), now.plus(Duration.ofDays(9))));
        assertThrows(UntrustedCertificateException.class, () -> trust.check(leaf, List.of(intermediate), now.plus(Duration.ofDays(11))));
    }

    @Test
    void refusalsAreNotRememberedAndALookAlikeFromAnotherIssuerIsRefusedAfterAGoodOne() throws Exception {
        CertificateTrust trust = new CertificateTrust(List.of(root));
        KeyPair strangerKeys = Sm2.generateKeyPair();
        X509Certificate stranger = Sm2Certificates.selfSignedRoot("CN=Demo Root CA,O=Sunbid,C=CN", strangerKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
        X509Certificate forged = leafOf(stranger, strangerKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));
        X509Certificate good = leafOf(root, rootKeys, now.minusSeconds(60), now.plus(Duration.ofDays(365)));
        trust.check(good, List.of(), now);
        assertThrows(UntrustedCertificateException.class, () -> trust.check(forged, List.of(), now));
        assertThrows(UntrustedCertificateException.class, () -> trust.check(forged, List.of(), now));
        assertEquals(1, trust.remembered());
    }
}
