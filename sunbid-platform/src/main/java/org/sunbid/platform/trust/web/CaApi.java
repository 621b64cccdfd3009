package org.sunbid.platform.trust.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.crypto.Pem;
import org.sunbid.platform.trust.DemoCertificateAuthority;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.platform.trust.TrustedRoots;

/**
 * Public certificates: the platform's signing certificate (to verify receipts and published records) and the CA roots
 * it trusts. Anyone may fetch them.
 */
@RestController
class CaApi {

    private final PlatformIdentity platform;
    private final TrustedRoots trustedRoots;
    private final DemoCertificateAuthority demoCa;

    CaApi(PlatformIdentity platform, TrustedRoots trustedRoots, DemoCertificateAuthority demoCa) {
        this.platform = platform;
        this.trustedRoots = trustedRoots;
        this.demoCa = demoCa;
    }

    record CertificateView(String subject, String issuer, String serialHex, String notBefore, String notAfter, String pem) {
        static CertificateView of(java.security.cert.X509Certificate c) {
            return new CertificateView(org.sunbid.crypto.Sm2Certificates.subjectName(c), org.sunbid.crypto.Sm2Certificates.issuerName(c),
                    c.getSerialNumber().toString(16), c.getNotBefore().toInstant().toString(),
                    c.getNotAfter().toInstant().toString(), Pem.encode(c));
        }
    }

    @GetMapping("/api/v1/ca/platform-certificate")
    CertificateView platformCertificate() {
        return CertificateView.of(platform.certificate());
    }

    @GetMapping("/api/v1/ca/trusted-roots")
    List<CertificateView> trustedRoots() {
        return trustedRoots.roots().stream().map(CertificateView::of).toList();
    }

    /** The demo CA root as a PEM download, for installing in a browser or a bidder tool. */
    @GetMapping(value = "/demo-ca.pem", produces = "application/x-pem-file")
    ResponseEntity<String> demoRoot() {
        return demoCa.rootCertificate()
                .map(root -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                        .header("Content-Disposition", "attachment; filename=sunbid-demo-ca.pem").body(Pem.encode(root)))
                .orElse(ResponseEntity.notFound().build());
    }
}
