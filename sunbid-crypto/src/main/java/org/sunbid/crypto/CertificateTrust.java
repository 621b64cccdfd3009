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
 */
public final class CertificateTrust {

    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final List<X509Certificate> roots;

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
            CertPathValidator.getInstance("PKIX", Gm.provider()).validate(path, params);
        } catch (CertPathValidatorException e) {
            throw new UntrustedCertificateException("certificate does not chain to a trusted CA root: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new UntrustedCertificateException("certificate cannot be checked: " + e.getMessage());
        }
    }

    /** A certificate was refused; the message says why. */
    public static final class UntrustedCertificateException extends Exception {
        public UntrustedCertificateException(String message) {
            super(message);
        }
    }
}
