package org.sunbid.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 certificates with SM2 keys, signed SM3withSM2: what a CA (数字证书认证机构) does.
 *
 * <p>Used by the platform's built-in demo CA and by tests that stand in for an external CA.
 */
public final class Sm2Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2Certificates() {
    }

    /** A self-signed CA root certificate for {@code subjectDn}, valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate selfSignedRoot(String subjectDn, KeyPair keys, Instant notBefore, Instant notAfter) {
        return build(new X500Name(subjectDn), keys.getPrivate(), null, new X500Name(subjectDn), keys.getPublic(),
                notBefore, notAfter, true);
    }

    /** An end-entity (signing) certificate for {@code subjectDn} and {@code subjectKey}, issued by {@code issuer}. */
    public static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, String subjectDn, PublicKey subjectKey,
            Instant notBefore, Instant notAfter) {
        return build(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), issuerKey, issuer,
                new X500Name(subjectDn), subjectKey, notBefore, notAfter, false);
    }

    /** An intermediate CA certificate issued by {@code issuer}. */
    public static X509Certificate issueIntermediate(X509Certificate issuer, PrivateKey issuerKey, String subjectDn,
            PublicKey subjectKey, Instant notBefore, Instant notAfter) {
        return build(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), issuerKey, issuer,
                new X500Name(subjectDn), subjectKey, notBefore, notAfter, true);
    }

    /** The subject as readable text, e.g. {@code CN=示范公司,SERIALNUMBER=91350100M000100Y43,C=CN}. */
    public static String subjectName(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    /** The issuer as readable text. */
    public static String issuerName(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()).toString();
    }

    /** The values of every attribute of the subject (CN, O, SERIALNUMBER, …) as strings. */
    public static java.util.List<String> subjectValues(X509Certificate certificate) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (org.bouncycastle.asn1.x500.RDN rdn : X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs()) {
            for (org.bouncycastle.asn1.x500.AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                values.add(org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(value.getValue()));
            }
        }
        return values;
    }

    private static X509Certificate build(X500Name issuerName, PrivateKey issuerKey, X509Certificate issuerCert,
            X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter, boolean ca) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKey);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            ContentSigner signer = new JcaContentSignerBuilder(Sm2.SIGNATURE_ALGORITHM).setProvider(Gm.provider())
                    .build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(Gm.provider()).getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new CryptoException("certificate issuance failed", e);
        }
    }
}
