package org.sunbid.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.Test;

class Sm2Test {

    private final byte[] message = "投标回执 receipt".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureVerifiesWithTheSignersKeyOnly() {
        KeyPair alice = Sm2.generateKeyPair();
        KeyPair mallory = Sm2.generateKeyPair();
        byte[] signature = Sm2.sign(alice.getPrivate(), message);

        assertTrue(Sm2.verify(alice.getPublic(), message, signature));
        assertFalse(Sm2.verify(mallory.getPublic(), message, signature));
    }

    @Test
    void changedMessageOrSignatureFailsVerification() {
        KeyPair keys = Sm2.generateKeyPair();
        byte[] signature = Sm2.sign(keys.getPrivate(), message);
        byte[] changed = message.clone();
        changed[0] ^= 1;
        byte[] brokenSignature = signature.clone();
        brokenSignature[brokenSignature.length - 1] ^= 1;

        assertFalse(Sm2.verify(keys.getPublic(), changed, signature));
        assertFalse(Sm2.verify(keys.getPublic(), message, brokenSignature));
        assertFalse(Sm2.verify(keys.getPublic(), message, new byte[] {1, 2, 3}));
    }

    @Test
    void privateKeyAndCertificateSurvivePem() throws CertificateException {
        KeyPair keys = Sm2.generateKeyPair();
        X509Certificate cert = Sm2Certificates.selfSignedRoot("CN=Test Root,O=Sunbid", keys,
                java.time.Instant.now(), java.time.Instant.now().plusSeconds(3600));

        var key = Pem.privateKey(Pem.encode(keys.getPrivate()));
        X509Certificate read = Pem.certificate(Pem.encode(cert));

        assertArrayEquals(cert.getEncoded(), read.getEncoded());
        assertTrue(Sm2.verify(read.getPublicKey(), message, Sm2.sign(key, message)));
        assertEquals("SM3WITHSM2", read.getSigAlgName().toUpperCase());
    }

    @Test
    void garbageIsNotACertificate() {
        assertThrows(CertificateException.class, () -> Pem.certificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }
}
