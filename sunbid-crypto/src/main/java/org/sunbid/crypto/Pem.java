package org.sunbid.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM encoding of SM2 private keys (PKCS#8) and X.509 certificates. */
public final class Pem {

    private Pem() {
    }

    /** PEM text of a private key or certificate. */
    public static String encode(Object keyOrCertificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (keyOrCertificate instanceof PrivateKey key) {
                writer.writeObject(new JcaPKCS8Generator(key, null)); // "PRIVATE KEY", not the legacy "EC PRIVATE KEY"
            } else {
                writer.writeObject(keyOrCertificate);
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("PEM encoding failed", e);
        }
        return out.toString();
    }

    /** Reads a PKCS#8 private key from PEM text. */
    public static PrivateKey privateKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new CryptoException("not a PKCS#8 private key");
            }
            return new JcaPEMKeyConverter().setProvider(Gm.provider()).getPrivateKey(info);
        } catch (IOException e) {
            throw new CryptoException("unreadable private key", e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo public key ("PUBLIC KEY") from PEM text. */
    public static java.security.PublicKey publicKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info)) {
                throw new CryptoException("not a public key");
            }
            return new JcaPEMKeyConverter().setProvider(Gm.provider()).getPublicKey(info);
        } catch (IOException e) {
            throw new CryptoException("unreadable public key", e);
        }
    }

    /**
     * Reads one certificate from PEM (or DER) bytes.
     *
     * @throws CertificateException if the bytes hold no readable certificate
     */
    public static X509Certificate certificate(byte[] pemOrDer) throws CertificateException {
        List<X509Certificate> all = certificates(pemOrDer);
        if (all.size() != 1) {
            throw new CertificateException("expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * Reads one certificate from PEM text. The same text read again gives the same (immutable) certificate object,
     * from a bounded memory of recent reads (issue 21: an arriving envelope carries its signer's certificate as PEM,
     * and parsing it was about 7 % of an upload's request CPU in the deadline surge). Text that does not parse is not
     * remembered.
     */
    public static X509Certificate certificate(String pem) throws CertificateException {
        X509Certificate known = READ.get(pem);
        if (known != null) {
            return known;
        }
        X509Certificate certificate = certificate(pem.getBytes(StandardCharsets.US_ASCII));
        if (READ.size() >= READ_MEMORY) {
            READ.clear();
        }
        READ.put(pem, certificate);
        return certificate;
    }

    /** PEM text → the certificate it holds, for the last {@link #READ_MEMORY} certificates read at most. */
    private static final java.util.Map<String, X509Certificate> READ = new java.util.concurrent.ConcurrentHashMap<>();
    static final int READ_MEMORY = 2048;

    /**
     * Reads every certificate in PEM (or DER) bytes. The JDK's own X.509 factory cannot parse SM2 certificates,
     * so BouncyCastle's is used.
     */
    public static List<X509Certificate> certificates(byte[] pemOrDer) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", Gm.provider());
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pemOrDer))) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateException("unreadable certificate: " + e.getMessage(), e);
        }
        return out;
    }
}
