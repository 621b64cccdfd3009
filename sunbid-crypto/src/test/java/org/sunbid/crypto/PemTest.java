package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PemTest {

    private final Instant now = Instant.parse("2026-12-07T02:00:00Z");

    private X509Certificate root(String cn) {
        KeyPair keys = Sm2.generateKeyPair();
        return Sm2Certificates.selfSignedRoot("CN=" + cn + ",C=CN", keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    @Test
    void theSameTextReadTwiceGivesTheSameCertificateAndOtherTextItsOwn() throws Exception {
        X509Certificate a = root("A"), b = root("B");
        String pemA = Pem.encode(a), pemB = Pem.encode(b);
        X509Certificate first = Pem.certificate(new String(pemA)), again = Pem.certificate(new String(pemA));
        assertSame(first, again);
        assertEquals(a, first);
        X509Certificate other = Pem.certificate(pemB);
        assertEquals(b, other);
        assertNotEquals(first, other);
    }

    @Test
    void textThatDoesNotParseIsRefusedEveryTime() {
        String broken = Pem.encode(root("C")).replace("M", "x");
        assertThrows(CertificateException.class, () -> Pem.certificate(broken));
        assertThrows(CertificateException.class, () -> Pem.certificate(broken));
    }
}
