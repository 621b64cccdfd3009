package org.sunbid.platform.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CertificateTrust;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * Certificates: any trusted CA root is good in every region (互认); untrusted, expired, mismatched or unreadable
 * certificates are refused; the platform's own identity signs and its certificate is public; no private key is stored
 * in the database, and key files are readable by their owner only.
 */
class CertificatesIT extends PlatformIT {

    @Autowired
    PlatformIdentity platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SunbidProperties properties;

    private ApiClient api;
    private String token;
    private String orgId;
    private String creditCode;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        token = api.token("bidder3");
        var me = api.get("/api/v1/me", token).json();
        orgId = me.path("organisationId").asString();
        creditCode = api.get("/api/v1/organisations/" + orgId, token).json().path("creditCode").asString();
    }

    private ApiClient.Response upload(String json) {
        return api.post("/api/v1/organisations/" + orgId + "/certificates", json, token);
    }

    @Test
    void aCertificateFromAnyTrustedRootIsAcceptedInEveryRegion() {
        ApiClient.Response r = upload(Fixtures.externalCertificateJson(creditCode, clock.instant()));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("issuer").asString()).contains("Other Province CA Root");
        assertThat(api.get("/api/v1/organisations/" + orgId + "/certificates", token).json().findValuesAsString("issuer"))
                .anyMatch(i -> i.contains("Other Province CA Root"))
                .anyMatch(i -> i.contains("Sunbid Demo Root CA"));
    }

    @Test
    void aCertificateFromAnUntrustedRootIsRefused() {
        KeyPair keys = Sm2.generateKeyPair();
        X509Certificate rogue = Sm2Certificates.selfSignedRoot("CN=Sunbid Demo Root CA,O=Sunbid,C=CN", keys,
                clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(10)));
        ApiClient.Response r = upload(Fixtures.certificateJson(rogue, keys, "CN=x,SERIALNUMBER=" + creditCode + ",C=CN",
                clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(10))));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CERTIFICATE_UNTRUSTED");
    }

    @Test
    void anExpiredCertificateIsRefused() {
        Instant now = clock.instant();
        ApiClient.Response r = upload(Fixtures.certificateJson(EXTERNAL_CA_ROOT, EXTERNAL_CA_KEYS,
                "CN=x,SERIALNUMBER=" + creditCode + ",C=CN", now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CERTIFICATE_UNTRUSTED");
    }

    @Test
    void aCertificateNamingAnotherOrganisationIsRefused() {
        ApiClient.Response r = upload(Fixtures.externalCertificateJson("91350100M000100Y43", clock.instant()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("CERTIFICATE_SUBJECT_MISMATCH");
    }

    @Test
    void garbageAndDuplicatesAreRefused() {
        assertThat(upload("{\"pem\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"}").code())
                .isEqualTo("CERTIFICATE_UNTRUSTED");
        String json = Fixtures.externalCertificateJson(creditCode, clock.instant());
        assertThat(upload(json).status()).isEqualTo(201);
        ApiClient.Response again = upload(json);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_CERTIFICATE");
    }

    @Test
    void thePlatformSignsAndPublishesItsCertificate() throws Exception {
        String pem = api.get("/api/v1/ca/platform-certificate", null).json().path("pem").asString();
        X509Certificate published = Pem.certificate(pem);
        byte[] receipt = "投标回执 #1".getBytes(StandardCharsets.UTF_8);

        assertThat(Sm2.verify(published.getPublicKey(), receipt, platform.sign(receipt))).isTrue();
        X509Certificate demoRoot = Pem.certificate(
                api.get("/api/v1/ca/trusted-roots", null).json().get(0).path("pem").asString());
        new CertificateTrust(List.of(demoRoot)).check(published, List.of(), clock.instant());
    }

    @Test
    void noPrivateKeyIsInTheDatabaseAndKeyFilesAreOwnerOnly() throws Exception {
        long leaked = jdbc.sql("SELECT count(*) FROM certificate WHERE pem LIKE '%PRIVATE%'").query(Long.class).single();
        assertThat(leaked).isZero();
        Path keys = properties.dataDir().resolve("keys");
        for (String file : List.of("platform.key.pem", "demo-ca.key.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file)))).isEqualTo("rw-------");
        }
    }
}
