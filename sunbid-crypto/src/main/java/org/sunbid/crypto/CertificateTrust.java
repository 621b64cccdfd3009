package org.sunbid.crypto;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a certificate chains to one of a set of trusted CA roots at a given time (PKIX, RFC 5280).
 *
 * <p>Any trusted root is as good as any other: a certificate from any CA the platform trusts works in every region (互认).
 * Revocation is not checked here; the caller consults its own revocation records.
 *
 * <p>A chain once found good is remembered (by the SM3 of its certificates' encodings) with the span of time in which
 * every certificate of it, and the root it chains to, is valid: checked again at a time inside that span it is good
 * without the path validation (an SM2 verification per certificate, and the PKIX machinery around it), because nothing
 * else in the check depends on the time, and the roots of an instance never change. Outside the span, or for a chain
 * not seen before, the full check runs. Refusals are not remembered. Issue 21: a bidder's certificate used to be
 * validated again on every upload.
 */
public final class CertificateTrust {

    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final List<X509Certificate> roots;
    /** Chains found good: SM3 of their encodings → the span in which they stay good. Bounded: cleared when full. */
    private final java.util.Map<String, Span> good = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MEMORY = 10_000;

    /** From the latest notBefore to the earliest notAfter of a chain and its root, inclusive as PKIX reads them. */
    private record Span(Date from, Date to) {
        boolean covers(Date at) {
            return !at.before(from) && !at.after(to);
        }
    }

    /** Trusts each certificate in {@code roots}. */
    public CertificateTrust(Collection<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
    }

    /** The trusted roots. */
    public List<X509Certificate> roots() {
        return roots;
    }

    /**
     * Checks {@code certificate}, with any intermediate CA certificates in {@code intermediates} (leaf first), at {@code at}.
     *
     * @throws UntrustedCertificateException with a reason a person can read if the certificate is not trusted
     */
    public void check(X509Certificate certificate, List<X509Certificate> intermediates, Instant at)
            throws UntrustedCertificateException {
        if (anchors.isEmpty()) {
            throw new UntrustedCertificateException("no trusted CA roots are configured");
        }
        String key = key(certificate, intermediates);
        Span span = key == null ? null : good.get(key);
        if (span != null && span.covers(Date.from(at))) {
            return;
        }
        try {
            certificate.checkValidity(Date.from(at));
        } catch (GeneralSecurityException e) {
            throw new UntrustedCertificateException("certificate is not valid at " + at
                    + " (valid " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(intermediates);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Gm.provider());
            CertPath path = factory.generateCertPath(chain);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            var result = (java.security.cert.PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX", Gm.provider())
                    .validate(path, params);
            remember(key, chain, result.getTrustAnchor().getTrustedCert());
        } catch (CertPathValidatorException e) {
            throw new UntrustedCertificateException("certificate does not chain to a trusted CA root: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new UntrustedCertificateException("certificate cannot be checked: " + e.getMessage());
        }
    }

    /** How many chains are remembered as good (tests). */
    int remembered() {
        return good.size();
    }

    private void remember(String key, List<X509Certificate> chain, X509Certificate root) {
        if (key == null) {
            return;
        }
        Date from = null, to = null;
        List<X509Certificate> all = new ArrayList<>(chain);
        if (root != null) {
            all.add(root);
        }
        for (X509Certificate c : all) {
            from = from == null || c.getNotBefore().after(from) ? c.getNotBefore() : from;
            to = to == null || c.getNotAfter().before(to) ? c.getNotAfter() : to;
        }
        if (good.size() >= MEMORY) {
            good.clear();
        }
        good.put(key, new Span(from, to));
    }

    /** SM3 over the chain's DER encodings, each preceded by its length; null if one cannot be encoded. */
    private static String key(X509Certificate certificate, List<X509Certificate> intermediates) {
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        try {
            for (X509Certificate c : intermediates.isEmpty() ? List.of(certificate) : concat(certificate, intermediates)) {
                byte[] der = c.getEncoded();
                byte[] length = {(byte) (der.length >>> 24), (byte) (der.length >>> 16), (byte) (der.length >>> 8), (byte) der.length};
                digest.update(length, 0, 4);
                digest.update(der, 0, der.length);
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            return null;
        }
        byte[] out = new byte[Sm3.DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return java.util.HexFormat.of().formatHex(out);
    }

    private static List<X509Certificate> concat(X509Certificate first, List<X509Certificate> rest) {
        List<X509Certificate> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A certificate was refused; the message says why. */
    public static final class UntrustedCertificateException extends Exception {
        public UntrustedCertificateException(String message) {
            super(message);
        }
    }
}
