package org.sunbid.platform.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.CertificateTrust;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The CA roots this deployment trusts: the demo CA's (when enabled) and each PEM file in
 * {@code sunbid.ca.trusted-roots-dir}. A certificate from any of them is good in every region (互认).
 */
@Component
public class TrustedRoots {

    private static final Logger log = LoggerFactory.getLogger(TrustedRoots.class);

    private final CertificateTrust trust;
    private final Clock clock;

    TrustedRoots(SunbidProperties properties, DemoCertificateAuthority demoCa, Clock clock) {
        this.clock = clock;
        List<X509Certificate> roots = new ArrayList<>();
        demoCa.rootCertificate().ifPresent(roots::add);
        roots.addAll(readRoots(properties.ca().trustedRootsDir()));
        this.trust = new CertificateTrust(roots);
        roots.forEach(r -> log.info("trusting CA root {}", Sm2Certificates.subjectName(r)));
    }

    /** The trusted roots. */
    public List<X509Certificate> roots() {
        return trust.roots();
    }

    /**
     * Checks that {@code certificate} is valid now and chains to a trusted root.
     *
     * @throws CertificateTrust.UntrustedCertificateException saying why not
     */
    public void check(X509Certificate certificate) throws CertificateTrust.UntrustedCertificateException {
        trust.check(certificate, List.of(), clock.instant());
    }

    private static List<X509Certificate> readRoots(String dir) {
        List<X509Certificate> roots = new ArrayList<>();
        if (dir == null || dir.isBlank()) {
            return roots;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(dir), "*.{pem,crt,cer}")) {
            for (Path file : files) {
                try {
                    roots.addAll(Pem.certificates(Files.readAllBytes(file)));
                } catch (CertificateException e) {
                    throw new IllegalStateException("unreadable CA root " + file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trusted CA roots from " + dir, e);
        }
        return roots;
    }
}
