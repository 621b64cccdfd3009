package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CryptoException;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.OpeningKeys;
import org.sunbid.sealing.Shamir;

import tools.jackson.databind.JsonNode;

/**
 * Publication gives a tender its opening key: the public key for bidders, the private scalar split 2-of-3 among the
 * trading centre, the supervision department and the tenderee, each share readable only with that custodian's key, and
 * nothing anywhere in the database from which the private key could be had.
 */
class OpeningKeyIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.sunbid.platform.parties.Accounts accounts;

    @Autowired
    org.sunbid.platform.tendering.Tenders tenders;

    private ApiClient api;
    private String tenderId;

    @BeforeEach
    void publish() {
        api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21), "500000", tenderee),
                api.token("agency"));
        tenderId = created.json().path("id").asString();
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).code()).isEqualTo("OPENING_KEY_NOT_FOUND");
        assertThat(api.publish(tenderId, api.token("agency")).status()).isEqualTo(200);
    }

    /** A custodian organisation's demo private key, as its own tool would hold it (data/demo-keys). */
    private PrivateKey custodianKey(String organisationName) throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM organisation WHERE name = :n").param("n", organisationName)
                .query(String.class).single();
        return Pem.privateKey(Files.readString(DATA.resolve("demo-keys").resolve(code + ".key.pem")));
    }

    private Shamir.Share decryptShare(String username, PrivateKey key) {
        String encrypted = api.get("/api/v1/tenders/" + tenderId + "/opening-key/my-share", api.token(username)).json()
                .path("encryptedShare").asString();
        JsonNode share = new ApiClient.Response(200, "application/json",
                new String(Sm2.decrypt(key, Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8)).json();
        assertThat(share.path("tenderId").asString()).isEqualTo(tenderId);
        return new Shamir.Share(share.path("index").asInt(), share.path("threshold").asInt(),
                Base64.getDecoder().decode(share.path("value").asString()));
    }

    @Test
    void publicationSplitsTheOpeningKeyTwoOfThreeAmongTheCustodians() throws Exception {
        JsonNode key = api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json();
        assertThat(key.path("threshold").asInt()).isEqualTo(2);
        List<String> custodians = new ArrayList<>();
        key.path("custodians").forEach(c -> custodians.add(c.path("name").asString()));
        assertThat(custodians).containsExactly("云州市公共资源交易中心", "云州市住房和城乡建设局", "云州市城市建设投资集团有限公司");
        PublicKey publicKey = Pem.publicKey(key.path("publicKeyPem").asString());
        assertThat(Envelope.keyId(publicKey)).isEqualTo(key.path("keySm3").asString());

        Shamir.Share centre = decryptShare("centre", custodianKey("云州市公共资源交易中心"));
        Shamir.Share supervision = decryptShare("supervisor", custodianKey("云州市住房和城乡建设局"));
        // A share opens only with its own custodian's key.
        String tendereeShare = api.get("/api/v1/tenders/" + tenderId + "/opening-key/my-share", api.token("tenderee")).json()
                .path("encryptedShare").asString();
        assertThatThrownBy(() -> Sm2.decrypt(custodianKey("云州市公共资源交易中心"), Base64.getDecoder().decode(tendereeShare)))
                .isInstanceOf(CryptoException.class);
        // Bidders and other organisations hold no share.
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/opening-key/my-share", api.token("bidder1")).status()).isEqualTo(404);

        // One share is not enough; two rebuild the private key of the published public key.
        assertThatThrownBy(() -> Shamir.combine(List.of(centre))).isInstanceOf(IllegalArgumentException.class);
        byte[] scalar = Shamir.combine(List.of(supervision, centre));
        PrivateKey rebuilt = OpeningKeys.privateKey(scalar);
        byte[] probe = "开标".getBytes(StandardCharsets.UTF_8);
        assertThat(Sm2.verify(publicKey, probe, Sm2.sign(rebuilt, probe))).isTrue();

        // The rogue administrator: nothing in the database holds the scalar, in hex or base64, nor the private key.
        String hex = HexFormat.of().formatHex(scalar);
        String b64 = Base64.getEncoder().encodeToString(scalar);
        for (String table : List.of("tender_opening_key", "opening_key_share", "log_entry", "log_confidential")) {
            String dump = String.join("\n", jdbc.sql("SELECT CAST(t AS TEXT) FROM " + table + " t").query(String.class).list());
            assertThat(dump).as(table).doesNotContain(hex).doesNotContain(b64).doesNotContain("PRIVATE KEY");
        }
        // The creation is in the public log, with the public key's hash and the custodians.
        String logged = jdbc.sql("SELECT payload FROM log_entry WHERE details::json->>'action' = 'sealing.opening-key.created'"
                + " AND details::json->>'subject' = :t").param("t", tenderId).query(String.class).single();
        assertThat(logged).contains(key.path("keySm3").asString()).contains("云州市住房和城乡建设局");
    }

    /**
     * Centre staff register a certificate for the tenderee (newer than the tenderee's own, so the old rule would have used
     * it): the next key's share still goes to the certificate the tenderee registered itself.
     */
    @Test
    void aCertificateRegisteredForTheCustodianByCentreStaffReceivesNoShare() {
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        String code = jdbc.sql("SELECT credit_code FROM organisation WHERE id = CAST(:id AS UUID)").param("id", tenderee)
                .query(String.class).single();
        ApiClient.Response staffs = api.post("/api/v1/organisations/" + tenderee + "/certificates",
                Fixtures.externalCertificateJson(code, clock.instant()), api.token("centre"));
        assertThat(staffs.status()).as(staffs.body()).isEqualTo(201);
        String staffsId = staffs.json().path("id").asString();
        assertThat(jdbc.sql("SELECT registered_by_holder FROM certificate WHERE id = CAST(:id AS UUID)").param("id", staffsId)
                .query(Boolean.class).single()).isFalse();
        String own = jdbc.sql("""
                SELECT CAST(id AS TEXT) FROM certificate WHERE organisation_id = CAST(:o AS UUID) AND registered_by_holder
                ORDER BY not_before DESC LIMIT 1""").param("o", tenderee).query(String.class).single();

        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21),
                "500000", tenderee), api.token("agency")).json().path("id").asString();
        assertThat(api.publish(id, api.token("agency")).status()).isEqualTo(200);
        String used = jdbc.sql("""
                SELECT CAST(certificate_id AS TEXT) FROM opening_key_share
                WHERE tender_id = CAST(:t AS UUID) AND custodian_id = CAST(:o AS UUID)""")
                .param("t", id).param("o", tenderee).query(String.class).single();
        assertThat(used).isEqualTo(own).isNotEqualTo(staffsId);
    }

    /**
     * A tenderee whose only certificate centre staff registered for it: publication refuses, naming the custodian, and
     * nothing is made (no key, no shares, the tender still a draft, nothing logged).
     */
    @Test
    void publicationRefusesACustodianWithoutACertificateOfItsOwn() {
        String code = Fixtures.freshCreditCode("990100");
        ApiClient.Response org = api.post("/api/v1/organisations",
                Fixtures.organisationJson(code, "云州市新建测试投资有限公司", "TENDEREE", "990100"), api.token("centre"));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        String orgId = org.json().path("id").asString();
        assertThat(api.post("/api/v1/organisations/" + orgId + "/certificates",
                Fixtures.externalCertificateJson(code, clock.instant()), api.token("centre")).status()).isEqualTo(201);
        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21),
                "500000", orgId), api.token("agency")).json().path("id").asString();
        assertThat(api.uploadDocument(id, api.token("agency")).status()).isEqualTo(201);
        long logSize = jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();

        ApiClient.Response refused = api.post("/api/v1/tenders/" + id + "/publish", "", api.token("agency"));

        assertThat(refused.code()).as(refused.body()).isEqualTo("CUSTODIAN_WITHOUT_CERTIFICATE");
        assertThat(refused.body()).contains("云州市新建测试投资有限公司");
        assertThat(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", id).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_opening_key WHERE tender_id = CAST(:t AS UUID)").param("t", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single()).isEqualTo(logSize);
    }

    /**
     * A custodian's share is taken at release only while the certificate it was encrypted to is still usable: a new
     * tenderee registered its own certificate, valid only until just after the deadline; once it has expired, its
     * release is refused (before anything is read or kept) and nothing changes, while another custodian releases.
     */
    @Test
    void aShareWhoseCertificateIsNoLongerUsableIsNotTakenAtRelease() throws Exception {
        try {
            String code = Fixtures.freshCreditCode("990100");
            ApiClient.Response registered = api.post("/api/v1/organisations",
                    Fixtures.organisationJson(code, "云州市短期证书测试有限公司", "TENDEREE", "990100"), api.token("centre"));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            String orgId = registered.json().path("id").asString();
            String username = "short-cert-" + code.substring(10, 17).toLowerCase(java.util.Locale.ROOT);
            accounts.create(new org.sunbid.platform.parties.Accounts.NewAccount(username, "短期证书招标人", PASSWORD,
                    org.sunbid.platform.parties.Role.TENDEREE, java.util.UUID.fromString(orgId), "990100"),
                    org.sunbid.platform.kernel.Actor.SYSTEM);
            ApiClient.Response own = api.post("/api/v1/organisations/" + orgId + "/certificates",
                    Fixtures.certificateJson(EXTERNAL_CA_ROOT, EXTERNAL_CA_KEYS, "CN=短期证书,SERIALNUMBER=" + code + ",C=CN",
                            clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(22))),
                    api.token(username));
            assertThat(own.status()).as(own.body()).isEqualTo(201);
            ApiClient.Response created = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(),
                    Duration.ofDays(21), "500000", orgId), api.token("agency"));
            String id = created.json().path("id").asString();
            assertThat(api.publish(id, api.token("agency")).status()).isEqualTo(200);
            for (String bidder : List.of("bidder1", "bidder3", "bidder4")) {
                assertThat(sealAndUpload(id, bidder, "30000000.00")).isTrue();
            }
            clock.set(java.time.Instant.parse(created.json().path("bidDeadline").asString()).plus(Duration.ofDays(2)));
            tenders.closeDueTenders();
            String before = openingState(id);

            ApiClient.Response refused = api.post("/api/v1/tenders/" + id + "/opening/shares",
                    ApiClient.json(java.util.Map.of("share", "{}")), api.freshToken(username));

            assertThat(refused.code()).as(refused.body()).isEqualTo("CUSTODIAN_CERTIFICATE_UNUSABLE");
            assertThat(openingState(id)).isEqualTo(before);
            ApiClient.Response centre = releaseShare(id, "centre");
            assertThat(centre.status()).as(centre.body()).isEqualTo(200);
            assertThat(centre.json().path("sharesReleased").asInt()).isEqualTo(1);
        } finally {
            clock.set(START);
        }
    }

    private String openingState(String tenderId) {
        return jdbc.sql("SELECT status FROM bid_opening WHERE tender_id = CAST(:t AS UUID)").param("t", tenderId)
                .query(String.class).single()
                + "|" + jdbc.sql("SELECT COUNT(*) FROM released_share WHERE tender_id = CAST(:t AS UUID)").param("t", tenderId)
                        .query(Long.class).single()
                + "|" + jdbc.sql("SELECT COUNT(*) FROM opening_share_release WHERE tender_id = CAST(:t AS UUID)")
                        .param("t", tenderId).query(Long.class).single()
                + "|" + jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
    }

    /** The threshold is maintained per region: a county may ask all three custodians to act together. */
    @Test
    void aRegionsPolicySetsTheThresholdOfItsTenders() {
        String admin = api.token("admin");
        assertThat(api.send("PUT", "/api/v1/regions/990121/opening-key-threshold", "{\"threshold\":4}", admin).code())
                .isEqualTo("THRESHOLD_INVALID");
        assertThat(api.send("PUT", "/api/v1/regions/990121/opening-key-threshold", "{\"threshold\":3}", admin).status()).isEqualTo(200);
        try {
            assertThat(api.get("/api/v1/regions/990121100/opening-key-threshold", null).json().path("threshold").asInt())
                    .as("a township under the county takes the county's policy").isEqualTo(3);
            String waterBureau = jdbc.sql("SELECT id FROM organisation WHERE name = '青山县水利局'").query(String.class).single();
            String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21),
                    "100000", waterBureau), api.token("agency")).json().path("id").asString();
            assertThat(api.publish(id, api.token("agency")).status()).isEqualTo(200);
            JsonNode key = api.get("/api/v1/tenders/" + id + "/opening-key", null).json();
            assertThat(key.path("threshold").asInt()).isEqualTo(3);
            List<String> custodians = new ArrayList<>();
            key.path("custodians").forEach(c -> custodians.add(c.path("name").asString()));
            assertThat(custodians).containsExactly("青山县公共资源交易中心", "云州市住房和城乡建设局", "青山县水利局");
            // The city keeps the default.
            assertThat(api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json().path("threshold").asInt()).isEqualTo(2);
        } finally {
            api.send("PUT", "/api/v1/regions/990121/opening-key-threshold", "{\"threshold\":2}", admin);
        }
    }
}
