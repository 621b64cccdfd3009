package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.sealing.Envelope;
import org.sunbid.sealing.EnvelopeException;
import org.sunbid.sealing.Withdrawal;

import tools.jackson.databind.JsonNode;

/**
 * Sealed bids arriving: a registered bidder with a paid deposit uploads an envelope sealed to the tender's opening key
 * and signed with its registered certificate, gets a platform-signed receipt, replaces and withdraws it; everything
 * else — an altered envelope, another signer, another tender, no registration, no deposit, the same upload twice, a bid
 * at the deadline — is refused with its reason and changes nothing.
 */
class BidsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfidentialRecords confidential;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private ApiClient api;
    private String tenderId;
    private PublicKey openingKey;
    private Instant deadline;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void publishAndRegister() {
        api = new ApiClient(baseUrl());
        var created = publishTender(api, Duration.ofDays(21), "500000");
        tenderId = created.path("id").asString();
        deadline = Instant.parse(created.path("bidDeadline").asString());
        openingKey = Pem.publicKey(api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json().path("publicKeyPem").asString());
        for (String bidder : List.of("bidder1", "bidder2", "bidder3")) {
            api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.token(bidder));
        }
        for (String bidder : List.of("bidder1", "bidder2")) {
            api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), api.token(bidder));
        }
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private byte[] seal(String tender, PublicKey key, Object[] signer, String price) throws Exception {
        Path file = Files.createTempFile("bid", ".pdf");
        Files.writeString(file, "商务标 " + price + " " + UUID.randomUUID());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelope.seal(new Envelope.Contents(UUID.fromString(tender), "{\"totalPrice\":\"" + price + "\"}",
                Map.of("tool", "BidsIT"), Map.of("商务标.pdf", file)), key, (PrivateKey) signer[0], (X509Certificate) signer[1],
                clock.instant(), out);
        Files.delete(file);
        return out.toByteArray();
    }

    private ApiClient.Response upload(byte[] envelope, String username) throws Exception {
        return uploadWith(envelope, api.freshToken(username));
    }

    private ApiClient.Response uploadWith(byte[] envelope, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/bids"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bids", jdbc.sql("SELECT string_agg(status, ',' ORDER BY id) FROM bid_envelope WHERE tender_id = CAST(:t AS UUID)")
                .param("t", tenderId).query(String.class).optional().orElse(""));
        s.put("records", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return s;
    }

    @Test
    void aBidEarnsASignedReceiptCanBeReplacedAndWithdrawnAndIsCommittedInTheLog() throws Exception {
        Object[] bidder1 = new Object[] {demoKeyOf("bidder1"), demoCertificateOf("bidder1")};
        byte[] first = seal(tenderId, openingKey, bidder1, "36280000.00");
        ApiClient.Response accepted = upload(first, "bidder1");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode receipt = new ApiClient.Response(200, "application/json", accepted.json().path("receipt").asString()).json();
        assertThat(receipt.path("envelopeSm3").asString()).isEqualTo(Sm3.hex(first));
        X509Certificate platformCert = Pem.certificate(api.get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        // Signed with its batch: no signature of its own, a proof under a batch root the platform signed.
        assertThat(accepted.json().path("signature").isNull()).isTrue();
        ReceiptBatch.Proof proof = ReceiptBatch.Proof.of(accepted.json().path("batch"));
        assertThat(proof.width()).isEqualTo(256);
        assertThat(ReceiptBatch.check(accepted.json().path("receipt").asString(), proof, platformCert.getPublicKey())).isNull();
        assertThat(ReceiptBatch.check(accepted.json().path("receipt").asString(), proof, Sm2.generateKeyPair().getPublic()))
                .contains("forged batch");
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken("bidder1")).json().path("batch").path("root")
                .asString()).isEqualTo(proof.root());
        // The stored envelope says nothing of the price.
        assertThat(new String(Files.readAllBytes(DATA.resolve("files").resolve(Sm3.hex(first).substring(0, 2)).resolve(Sm3.hex(first))),
                StandardCharsets.ISO_8859_1)).doesNotContain("36280000");

        // Replaced: the last valid envelope counts.
        byte[] second = seal(tenderId, openingKey, bidder1, "35990000.00");
        assertThat(upload(second, "bidder1").status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT status FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) ORDER BY received_at, status")
                .param("t", tenderId).query(String.class).list()).containsExactlyInAnyOrder("REPLACED", "VALID");

        // Once committed, the receipt carries its place under a Merkle root in the public log.
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken("bidder1")).json().path("commitment").isNull()).isTrue();
        confidential.commit();
        JsonNode mine = api.get("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken("bidder1")).json();
        JsonNode c = mine.path("commitment");
        String root = new ApiClient.Response(200, "application/json", api.get("/api/v1/log/entries?start=" + c.path("committedSeq").asLong()
                + "&end=" + (c.path("committedSeq").asLong() + 1), null).json().get(0).path("payload").asString()).json().path("root").asString();
        List<String> path = new ArrayList<>();
        c.path("path").forEach(p -> path.add(p.asString()));
        assertThat(new ConfidentialRecords.Disclosure(c.path("record").asString(), c.path("committedSeq").asLong(),
                c.path("leafIndex").asInt(), c.path("batchSize").asInt(), path).verify(root)).isTrue();
        assertThat(c.path("record").asString()).contains(Sm3.hex(second));

        // Withdrawn, on the bidder's signed statement: no valid bid is left.
        assertThat(api.delete("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken("bidder1")).code())
                .isEqualTo("WITHDRAWAL_UNSIGNED");
        Withdrawal withdrawal = new Withdrawal(UUID.fromString(tenderId), Sm3.hex(second), clock.instant(), creditCodeOf("bidder1"));
        ApiClient.Response withdrawn = api.post("/api/v1/tenders/" + tenderId + "/bids/mine/withdrawal", ApiClient.json(Map.of(
                "statement", withdrawal.statement(), "signature", withdrawal.sign(demoKeyOf("bidder1")))), api.freshToken("bidder1"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(ReceiptBatch.verify(withdrawn.json().path("receipt").asString(), ReceiptBatch.Proof.of(withdrawn.json().path("batch")),
                platformCert.getPublicKey())).isTrue();
        assertThat(withdrawn.json().path("receipt").asString()).contains("sunbid.withdrawal-receipt").contains(Sm3.hex(second));
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken("bidder1")).code()).isEqualTo("BID_NOT_FOUND");
    }

    @Test
    void everyBadEnvelopeIsRefusedWithItsReasonAndChangesNothing() throws Exception {
        Object[] bidder1 = new Object[] {demoKeyOf("bidder1"), demoCertificateOf("bidder1")};
        Object[] bidder2 = new Object[] {demoKeyOf("bidder2"), demoCertificateOf("bidder2")};
        byte[] good = seal(tenderId, openingKey, bidder1, "36280000.00");
        Map<String, Object> before = state();

        byte[] altered = good.clone();
        altered[altered.length - 120] ^= 1; // in the ciphertext: after the header, before the signature
        ApiClient.Response r = upload(altered, "bidder1");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("ENVELOPE_INVALID");
        assertThat(r.json().path("detail").asString()).contains("签名与内容不符");
        assertThat(upload("not an envelope".getBytes(StandardCharsets.UTF_8), "bidder1").code()).isEqualTo("ENVELOPE_INVALID");
        // Signed by another bidder's certificate, uploaded by bidder1.
        assertThat(upload(seal(tenderId, openingKey, bidder2, "1.00"), "bidder1").code()).isEqualTo("ENVELOPE_SIGNER_NOT_BIDDER");
        // Sealed to another key.
        assertThat(upload(seal(tenderId, Sm2.generateKeyPair().getPublic(), bidder1, "1.00"), "bidder1").code())
                .isEqualTo("ENVELOPE_WRONG_TENDER");
        // Not registered; registered without a deposit.
        assertThat(upload(good, "bidder8").code()).isEqualTo("NOT_REGISTERED");
        assertThat(upload(seal(tenderId, openingKey, new Object[] {demoKeyOf("bidder3"), demoCertificateOf("bidder3")}, "1.00"), "bidder3").code()).isEqualTo("DEPOSIT_NOT_SETTLED");
        assertThat(state()).isEqualTo(before);

        // The same upload twice: the second changes nothing.
        assertThat(upload(good, "bidder1").status()).isEqualTo(201);
        Map<String, Object> once = state();
        assertThat(upload(good, "bidder1").code()).isEqualTo("ENVELOPE_ALREADY_RECEIVED");
        assertThat(state()).isEqualTo(once);
    }

    @Test
    void law28_aBidAtTheDeadlineMinusOneMillisecondIsInAndAtTheDeadlineIsOut() throws Exception {
        Object[] bidder2 = new Object[] {demoKeyOf("bidder2"), demoCertificateOf("bidder2")};
        clock.set(deadline.minusMillis(1));
        assertThat(upload(seal(tenderId, openingKey, bidder2, "30000000.00"), "bidder2").status()).isEqualTo(201);
        clock.set(deadline);
        ApiClient.Response late = upload(seal(tenderId, openingKey, bidder2, "29000000.00"), "bidder2");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("BIDDING_CLOSED");
        Withdrawal withdrawal = new Withdrawal(UUID.fromString(tenderId), jdbc.sql(
                "SELECT envelope_sm3 FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) AND status = 'VALID'").param("t", tenderId)
                .query(String.class).single(), clock.instant(), creditCodeOf("bidder2"));
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/bids/mine/withdrawal", ApiClient.json(Map.of("statement",
                withdrawal.statement(), "signature", withdrawal.sign(demoKeyOf("bidder2")))), api.freshToken("bidder2")).code())
                .isEqualTo("BIDDING_CLOSED");
    }

    @Test
    void reg22_aSuspendedTenderAcceptsNoBids() throws Exception {
        Object[] bidder1 = new Object[] {demoKeyOf("bidder1"), demoCertificateOf("bidder1")};
        Object[] bidder2 = new Object[] {demoKeyOf("bidder2"), demoCertificateOf("bidder2")};
        byte[] first = seal(tenderId, openingKey, bidder1, "36280000.00");
        assertThat(upload(first, "bidder1").status()).isEqualTo(201);
        // A registered bidder objects to the documents (Reg. 22): the tender is suspended.
        ApiClient.Response objection = api.post("/api/v1/tenders/" + tenderId + "/objections", "{\"text\":\"评分标准中业绩分值设置不合理\"}",
                api.freshToken("bidder3"));
        assertThat(objection.status()).as(objection.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenders/" + tenderId, null).json().path("status").asString()).isEqualTo("SUSPENDED");
        Map<String, Object> before = state();

        ApiClient.Response refused = upload(seal(tenderId, openingKey, bidder2, "35990000.00"), "bidder2");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("BIDDING_SUSPENDED");
        assertThat(upload(seal(tenderId, openingKey, bidder1, "35000000.00"), "bidder1").code()).isEqualTo("BIDDING_SUSPENDED");
        Withdrawal withdrawal = new Withdrawal(UUID.fromString(tenderId), Sm3.hex(first), clock.instant(), creditCodeOf("bidder1"));
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/bids/mine/withdrawal", ApiClient.json(Map.of("statement",
                withdrawal.statement(), "signature", withdrawal.sign(demoKeyOf("bidder1")))), api.freshToken("bidder1")).code())
                .isEqualTo("BIDDING_SUSPENDED");
        assertThat(state()).isEqualTo(before);
    }

    /**
     * The web path: a plain file sealed while it streams in. The receipt says so; the plaintext is nowhere on the
     * platform's disk or in its database; two custodians' shares open the envelope to exactly that file.
     */
    @Test
    void aPlainFileIsSealedOnArrivalWithoutEverTouchingTheDisk() throws Exception {
        String marker = "明文投标内容 " + UUID.randomUUID();
        String priceSheet = java.net.URLEncoder.encode("{\"totalPrice\":\"31000000.00\"}", StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + tenderId
                        + "/bids/sealed-on-arrival?name=" + java.net.URLEncoder.encode("投标文件.txt", StandardCharsets.UTF_8)
                        + "&priceSheet=" + priceSheet))
                .header("Authorization", "Bearer " + api.freshToken("bidder2")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(marker, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ApiClient.Response accepted = new ApiClient.Response(201, "application/json", r.body());
        JsonNode receipt = new ApiClient.Response(200, "application/json", accepted.json().path("receipt").asString()).json();
        assertThat(receipt.path("sealedBy").asString()).isEqualTo("platform-on-arrival");

        // Nowhere in plain text: not in any file under the data directory, not in the database.
        try (java.util.stream.Stream<Path> all = Files.walk(DATA)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).as(p.toString()).doesNotContain(marker);
            }
        }
        // The envelope is signed by the platform and opens, with two custodians, to exactly the file sent.
        Path stored = DATA.resolve("files").resolve(receipt.path("envelopeSm3").asString().substring(0, 2))
                .resolve(receipt.path("envelopeSm3").asString());
        Envelope.Verified verified;
        try (var in = Files.newInputStream(stored)) {
            verified = Envelope.verify(in);
        }
        assertThat(Pem.encode(verified.header().bidder())).isEqualTo(api.get("/api/v1/ca/platform-certificate", null).json()
                .path("pem").asString());
        List<org.sunbid.sealing.Shamir.Share> shares = new ArrayList<>();
        for (String custodian : List.of("centre", "supervisor")) {
            String encrypted = api.get("/api/v1/tenders/" + tenderId + "/opening-key/my-share", api.freshToken(custodian)).json()
                    .path("encryptedShare").asString();
            JsonNode share = new ApiClient.Response(200, "application/json", new String(Sm2.decrypt(demoKeyOf(custodian),
                    Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8)).json();
            shares.add(new org.sunbid.sealing.Shamir.Share(share.path("index").asInt(), share.path("threshold").asInt(),
                    Base64.getDecoder().decode(share.path("value").asString())));
        }
        Path out = Files.createTempDirectory("opened");
        Envelope.Opened opened = Envelope.open(stored, org.sunbid.sealing.OpeningKeys.privateKey(org.sunbid.sealing.Shamir.combine(shares)),
                out, 1 << 20);
        assertThat(opened.priceSheet()).contains("31000000.00");
        assertThat(Files.readString(out.resolve("投标文件.txt"))).isEqualTo(marker);
    }

    /** A rogue administrator reading the whole database and file store before the deadline cannot open a bid. */
    @Test
    void withTheDatabaseAndTheFileStoreButNoCustodianNoBidOpens() throws Exception {
        byte[] envelope = seal(tenderId, openingKey, new Object[] {demoKeyOf("bidder1"), demoCertificateOf("bidder1")}, "36280000.00");
        assertThat(upload(envelope, "bidder1").status()).isEqualTo(201);
        Path stored = DATA.resolve("files").resolve(Sm3.hex(envelope).substring(0, 2)).resolve(Sm3.hex(envelope));
        // Everything the database holds about the key: the public key and three shares encrypted to custodians.
        List<String> material = jdbc.sql("SELECT CAST(t AS TEXT) FROM tender_opening_key t WHERE tender_id = CAST(:t AS UUID)"
                + " UNION ALL SELECT CAST(s AS TEXT) FROM opening_key_share s WHERE tender_id = CAST(:t AS UUID)")
                .param("t", tenderId).query(String.class).list();
        assertThat(material).hasSize(4).noneMatch(m -> m.contains("PRIVATE KEY"));
        // No key the rogue can make opens it.
        assertThatThrownBy(() -> Envelope.open(stored, Sm2.generateKeyPair().getPrivate(), Files.createTempDirectory("rogue"), 1 << 20))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("does not open");
    }

    /**
     * Issue 21: in a deadline surge the connection pool was the bound (each upload borrowed a connection for every
     * read). An upload now borrows one for its token (when not read in the last second), one for its pre-checks and one
     * for the accepting transaction. Counted with the pool's own acquisition meter; the fewest of three uploads, so a
     * background job borrowing at the same moment does not count.
     */
    @Test
    void anUploadBorrowsAFewConnectionsNotOnePerRead() throws Exception {
        Object[] bidder1 = new Object[] {demoKeyOf("bidder1"), demoCertificateOf("bidder1")};
        io.micrometer.core.instrument.Timer acquired = meters.find("hikaricp.connections.acquire").tag("pool", "sunbid").timer();
        assertThat(acquired).as("the pool's acquisition meter").isNotNull();
        String token = api.freshToken("bidder1");
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            byte[] envelope = seal(tenderId, openingKey, bidder1, "3628000" + i + ".00");
            Thread.sleep(1100); // past the token's one-second memory: its read counts too
            long before = acquired.count();
            assertThat(uploadWith(envelope, token).status()).isEqualTo(201);
            fewest = Math.min(fewest, acquired.count() - before);
        }
        System.out.println("BidsIT: connections borrowed per upload: " + fewest);
        assertThat(fewest).isLessThanOrEqualTo(MAX_BORROWS_PER_UPLOAD);
    }

    private static final long MAX_BORROWS_PER_UPLOAD = 3;
}
