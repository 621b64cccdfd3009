package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bidder.BidderTool;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * The bidder tool against the running platform: three bidders seal their folders locally and upload them, the receipts
 * check out (and gain their log commitment), two custodians release their shares with the same tool after the
 * deadline, and the opening record reads the three prices. A tampered envelope is refused.
 */
class BidderToolIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    @Autowired
    org.sunbid.platform.audit.AuditLog log;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void biddersSealAndUploadWithTheToolAndCustodiansReleaseTheirSharesWithIt() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21), "500000", tenderee),
                api.token("agency"));
        String tender = created.json().path("id").asString();
        Instant deadline = Instant.parse(created.json().path("bidDeadline").asString());
        api.publish(tender, api.token("agency"));
        Path keys = DATA.resolve("demo-keys");
        Path work = Files.createTempDirectory("bidder-tool");

        Map<String, String> prices = Map.of("bidder1", "30100000.00", "bidder3", "29800000.00", "bidder4", "30550000.00");
        for (var p : prices.entrySet()) {
            String bidder = p.getKey();
            api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken(bidder));
            api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tender)), api.freshToken(bidder));
            Path folder = Files.createDirectories(work.resolve(bidder).resolve("投标文件"));
            Files.writeString(folder.resolve("商务标.txt"), "投标报价 " + p.getValue());
            Files.createDirectories(folder.resolve("技术标"));
            Files.writeString(folder.resolve("技术标/施工组织设计.txt"), "施工组织设计 " + bidder);
            Path priceSheet = Files.writeString(work.resolve(bidder).resolve("price.json"),
                    "{\"totalPrice\":\"" + p.getValue() + "\",\"durationDays\":450,\"projectManager\":\"王工\"}");
            Path envelope = work.resolve(bidder).resolve("bid.sbenv");
            BidderTool.Result sealed = BidderTool.run("seal", "--platform", baseUrl(), "--tender", tender, "--folder", folder.toString(),
                    "--price-sheet", priceSheet.toString(), "--key", keys.resolve(creditCodeOf(bidder) + ".key.pem").toString(),
                    "--cert", keys.resolve(creditCodeOf(bidder) + ".crt.pem").toString(), "--out", envelope.toString());
            assertThat(sealed.ok()).as(sealed.line()).isTrue();
            assertThat(sealed.line()).contains("sealed 2 files");
            BidderTool.Result uploaded = BidderTool.run("upload", "--platform", baseUrl(), "--tender", tender, "--user", bidder,
                    "--password", PASSWORD, envelope.toString());
            assertThat(uploaded.ok()).as(uploaded.line()).isTrue();
            assertThat(uploaded.line()).contains("receipt signed by the platform").contains("commitment follows");

            if (bidder.equals("bidder1")) { // the same envelope, altered on the way: refused with the reason
                byte[] bytes = Files.readAllBytes(envelope);
                bytes[bytes.length - 120] ^= 1;
                Path tampered = Files.write(work.resolve("tampered.sbenv"), bytes);
                BidderTool.Result refused = BidderTool.run("upload", "--platform", baseUrl(), "--tender", tender, "--user", bidder,
                        "--password", PASSWORD, tampered.toString());
                assertThat(refused.exitCode()).as(refused.line()).isEqualTo(1);
                assertThat(refused.line()).contains("ENVELOPE_INVALID");
            }
        }
        confidential.commit();
        log.signHead(); // the minute's head, signed now
        BidderTool.Result receipt = BidderTool.run("receipt", "--platform", baseUrl(), "--tender", tender, "--user", "bidder3",
                "--password", PASSWORD);
        assertThat(receipt.ok()).as(receipt.line()).isTrue();
        assertThat(receipt.line()).contains("committed in log entry").contains("inclusion verified against the signed head");

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        BidderTool.Result first = BidderTool.run("release", "--platform", baseUrl(), "--tender", tender, "--user", "tenderee",
                "--password", PASSWORD, "--key", keys.resolve(creditCodeOf("tenderee") + ".key.pem").toString());
        assertThat(first.line()).as(first.line()).contains("AWAITING_SHARES (1 of 2 shares)");
        BidderTool.Result second = BidderTool.run("release", "--platform", baseUrl(), "--tender", tender, "--user", "centre",
                "--password", PASSWORD, "--key", keys.resolve(creditCodeOf("centre") + ".key.pem").toString());
        assertThat(second.line()).as(second.line()).contains("OPENED");

        JsonNode record = new ApiClient.Response(200, "application/json",
                api.get("/api/v1/tenders/" + tender + "/opening", null).json().path("record").asString()).json();
        assertThat(record.path("bids").size()).isEqualTo(3);
        record.path("bids").forEach(b -> assertThat(prices).containsValue(b.path("priceSheet").path("totalPrice").asString()));
    }
    /**
     * The insider's key swap: with the database administrator's connection, the tender's opening key (and its hash, and
     * the shares) are replaced by a key the insider holds. The bidder tool, trusting only the platform's certificate and
     * the CA roots it was given, refuses to seal, naming the mismatch; pointing the key at another tender's log entry
     * is refused too. Nothing is sealed and nothing on the platform changes. Before the swap, the honest key seals.
     */
    @Test
    void aKeySwappedInTheDatabaseMakesTheToolRefuseToSeal() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        String tender = publishedTender(api, tenderee);
        String other = publishedTender(api, tenderee);
        Path keys = DATA.resolve("demo-keys");
        Path work = Files.createTempDirectory("bidder-tool-swap");
        // What the bidder pins once, from a trusted channel: the platform's certificate and the CA roots.
        Path platformCert = Files.writeString(work.resolve("platform.pem"),
                api.get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        Path roots = Files.createDirectories(work.resolve("roots"));
        for (JsonNode root : api.get("/api/v1/ca/trusted-roots", null).json()) {
            if (root.path("subject").asString().contains("Sunbid Demo Root CA")) {
                Files.writeString(roots.resolve("demo-ca.pem"), root.path("pem").asString());
            }
        }
        Path folder = Files.createDirectories(work.resolve("投标文件"));
        Files.writeString(folder.resolve("商务标.txt"), "投标报价 30100000.00");
        Path priceSheet = Files.writeString(work.resolve("price.json"), "{\"totalPrice\":\"30100000.00\"}");
        java.util.function.Function<Path, BidderTool.Result> seal = out -> BidderTool.run("seal", "--platform", baseUrl(),
                "--tender", tender, "--folder", folder.toString(), "--price-sheet", priceSheet.toString(),
                "--key", keys.resolve(creditCodeOf("bidder1") + ".key.pem").toString(),
                "--cert", keys.resolve(creditCodeOf("bidder1") + ".crt.pem").toString(), "--out", out.toString(),
                "--platform-cert", platformCert.toString(), "--trusted-roots", roots.toString());

        BidderTool.Result honest = seal.apply(work.resolve("honest.sbenv"));
        assertThat(honest.ok()).as(honest.line()).isTrue();
        assertThat(honest.line()).contains("opening key checked against log entry").contains("3 custodians' certificates trusted");

        // Untrusting the CA roots is enough to refuse: the custodians' certificates are checked.
        Path otherRoots = Files.createDirectories(work.resolve("other-roots"));
        Files.writeString(otherRoots.resolve("external.pem"), org.sunbid.crypto.Pem.encode(EXTERNAL_CA_ROOT));
        BidderTool.Result untrusted = BidderTool.run("seal", "--platform", baseUrl(), "--tender", tender, "--folder",
                folder.toString(), "--price-sheet", priceSheet.toString(),
                "--key", keys.resolve(creditCodeOf("bidder1") + ".key.pem").toString(),
                "--cert", keys.resolve(creditCodeOf("bidder1") + ".crt.pem").toString(),
                "--out", work.resolve("untrusted.sbenv").toString(), "--platform-cert", platformCert.toString(),
                "--trusted-roots", otherRoots.toString());
        assertThat(untrusted.exitCode()).as(untrusted.line()).isEqualTo(1);
        assertThat(untrusted.line()).contains("certificate is not trusted");

        java.security.KeyPair insiders = org.sunbid.crypto.Sm2.generateKeyPair();
        String swappedSm3 = org.sunbid.sealing.Envelope.keyId(insiders.getPublic());
        try (java.sql.Connection dba = databaseAdministrator(); java.sql.Statement st = dba.createStatement()) {
            st.execute("SET session_replication_role = replica"); // whatever guards the tables, the insider is the DBA
            try (var ps = dba.prepareStatement("UPDATE tender_opening_key SET public_key_pem = ?, key_sm3 = ? WHERE tender_id = ?::uuid")) {
                ps.setString(1, org.sunbid.crypto.Pem.encode(insiders.getPublic()));
                ps.setString(2, swappedSm3);
                ps.setString(3, tender);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (var ps = dba.prepareStatement("UPDATE opening_key_share SET encrypted_share = ? WHERE tender_id = ?::uuid")) {
                ps.setString(1, java.util.Base64.getEncoder().encodeToString(org.sunbid.crypto.Sm2.encrypt(insiders.getPublic(),
                        "the insider's share".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                ps.setString(2, tender);
                assertThat(ps.executeUpdate()).isEqualTo(3);
            }
        }
        String before = state(tender);

        Path swappedOut = work.resolve("swapped.sbenv");
        BidderTool.Result refused = seal.apply(swappedOut);

        assertThat(refused.exitCode()).as(refused.line()).isEqualTo(1);
        assertThat(refused.line()).startsWith("REFUSED the opening key served (SM3 " + swappedSm3 + ") is not the key logged in entry");
        assertThat(swappedOut).doesNotExist();

        // The insider also points the key at another tender's creation entry: refused, naming that.
        long otherSeq = jdbc.sql("SELECT created_log_seq FROM tender_opening_key WHERE tender_id = CAST(:t AS UUID)")
                .param("t", other).query(Long.class).single();
        try (java.sql.Connection dba = databaseAdministrator();
                var ps = dba.prepareStatement("UPDATE tender_opening_key SET created_log_seq = ? WHERE tender_id = ?::uuid")) {
            dba.createStatement().execute("SET session_replication_role = replica");
            ps.setLong(1, otherSeq);
            ps.setString(2, tender);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        BidderTool.Result elsewhere = seal.apply(swappedOut);
        assertThat(elsewhere.exitCode()).as(elsewhere.line()).isEqualTo(1);
        assertThat(elsewhere.line()).contains("log entry " + otherSeq + " created the opening key of another tender");
        assertThat(swappedOut).doesNotExist();
        // Or claims an entry the log does not have, or none: refused, naming it.
        for (Object claimed : new Object[] {log.size() + 1000, null}) {
            try (java.sql.Connection dba = databaseAdministrator();
                    var ps = dba.prepareStatement("UPDATE tender_opening_key SET created_log_seq = ? WHERE tender_id = ?::uuid")) {
                dba.createStatement().execute("SET session_replication_role = replica");
                ps.setObject(1, claimed);
                ps.setString(2, tender);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            BidderTool.Result missing = seal.apply(swappedOut);
            assertThat(missing.exitCode()).as(missing.line()).isEqualTo(1);
            assertThat(missing.line()).contains(claimed == null ? "names no log entry that created it"
                    : "entry " + claimed + " is missing from the log");
            assertThat(swappedOut).doesNotExist();
        }
        String seq = ",?\"createdLogSeq\":(\\d+|null)";
        assertThat(state(tender).replaceFirst(seq, "")).as("nothing but the insider's own change").isEqualTo(before.replaceFirst(seq, ""));
    }

    private String publishedTender(ApiClient api, String tenderee) {
        String id = api.post("/api/v1/tenders", Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21),
                "500000", tenderee), api.token("agency")).json().path("id").asString();
        assertThat(api.publish(id, api.token("agency")).status()).isEqualTo(200);
        return id;
    }

    /** What the platform holds about a tender's key and bids, and the log's entries: what a refused seal must not change. */
    private String state(String tender) {
        return new ApiClient(baseUrl()).get("/api/v1/tenders/" + tender + "/opening-key", null).body()
                + jdbc.sql("SELECT COUNT(*) FROM bid_envelope WHERE tender_id = CAST(:t AS UUID)").param("t", tender)
                        .query(Long.class).single()
                + "/" + log.size();
    }
}
