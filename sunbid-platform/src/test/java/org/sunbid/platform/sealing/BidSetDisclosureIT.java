package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bidder.BidderTool;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptBatch;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.sealing.Withdrawal;
import org.sunbid.verifier.Verdict;
import org.sunbid.verifier.Verifier;

import tools.jackson.databind.JsonNode;

/**
 * A bid that was acknowledged cannot silently disappear. At closing the platform discloses every envelope it received
 * and every bid receipt and withdrawal it committed before the deadline; {@code sunbid-verifier verify-opening} checks
 * the two against each other and against the opening record, and {@code check-receipt} answers a bidder holding its
 * receipt from public data only. An insider who deletes a pending bid row, or marks one withdrawn that its bidder never
 * signed, is caught by both; the bidder still objects online with its receipt. An unsigned or wrongly signed withdrawal
 * through the API is refused and changes nothing.
 */
class BidSetDisclosureIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private record Tender(String id, Instant deadline) {
    }

    private Tender publish() {
        JsonNode created = publishTender(api(), Duration.ofDays(21), "500000");
        return new Tender(created.path("id").asString(), Instant.parse(created.path("bidDeadline").asString()));
    }

    private Path keyOf(String bidder) {
        return DATA.resolve("demo-keys").resolve(creditCodeOf(bidder) + ".key.pem");
    }

    private Path certOf(String bidder) {
        return DATA.resolve("demo-keys").resolve(creditCodeOf(bidder) + ".crt.pem");
    }

    /** Registers, pays, seals with the bidder tool and uploads; the receipt file the tool saved. */
    private Path bid(Tender t, String bidder, String price) throws Exception {
        ApiClient api = api();
        api.post("/api/v1/tenders/" + t.id() + "/registrations", "", api.freshToken(bidder));
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", t.id())), api.freshToken(bidder));
        Path work = Files.createTempDirectory("bid-" + bidder);
        Path folder = Files.createDirectories(work.resolve("投标文件"));
        Files.writeString(folder.resolve("投标函.txt"), "投标函 " + price + " " + UUID.randomUUID());
        Path sheet = Files.writeString(work.resolve("price.json"), "{\"totalPrice\":\"" + price + "\"}");
        Path envelope = work.resolve("bid.sbenv");
        BidderTool.Result sealed = BidderTool.run("seal", "--platform", baseUrl(), "--tender", t.id(), "--folder", folder.toString(),
                "--price-sheet", sheet.toString(), "--key", keyOf(bidder).toString(), "--cert", certOf(bidder).toString(),
                "--out", envelope.toString());
        assertThat(sealed.ok()).as(sealed.line()).isTrue();
        BidderTool.Result uploaded = BidderTool.run("upload", "--platform", baseUrl(), "--tender", t.id(), "--user", bidder,
                "--password", PASSWORD, envelope.toString());
        assertThat(uploaded.ok()).as(uploaded.line()).isTrue();
        return Path.of(envelope + ".receipt.json");
    }

    private void closeAndOpen(Tender t) throws Exception {
        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        assertThat(releaseShare(t.id(), "centre").status()).isEqualTo(200);
        JsonNode opened = releaseShare(t.id(), "supervisor").json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");
    }

    private static String envelopeOf(Path receipt) throws Exception {
        JsonNode saved = new ApiClient.Response(200, "application/json", Files.readString(receipt)).json();
        return new ApiClient.Response(200, "application/json", saved.path("receipt").asString()).json().path("envelopeSm3").asString();
    }

    private static String bidIdOf(Path receipt) throws Exception {
        JsonNode saved = new ApiClient.Response(200, "application/json", Files.readString(receipt)).json();
        return new ApiClient.Response(200, "application/json", saved.path("receipt").asString()).json().path("bidId").asString();
    }

    private Map<String, Object> state(Tender t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("bids", jdbc.sql("SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM bid_envelope WHERE tender_id = CAST(:t AS UUID)")
                .param("t", t.id()).query(String.class).optional().orElse(""));
        s.put("withdrawals", jdbc.sql("SELECT COUNT(*) FROM bid_withdrawal").query(Long.class).single());
        s.put("records", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return s;
    }

    @Test
    void theHonestPathVerifiesAndEveryReceiptIsAccountedFor() throws Exception {
        Tender t = publish();
        clock.advance(Duration.ofDays(1));
        Path bidder1 = bid(t, "bidder1", "36280000.00");
        Path bidder2First = bid(t, "bidder2", "35990000.00");
        bid(t, "bidder3", "37150000.00");
        Path bidder4 = bid(t, "bidder4", "36800000.00");
        clock.advance(Duration.ofDays(2));
        Path bidder2 = bid(t, "bidder2", "35700000.00"); // replaces its first bid
        // bidder4 withdraws through the workbench page: it signs the statement the page shows with its tool.
        var session = session("bidder4");
        String page = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/tenders/" + t.id()))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("withdraw-form").contains("sunbid-bidder.jar sign");
        String statement = org.springframework.web.util.HtmlUtils.htmlUnescape(
                page.replaceAll("(?s).*name=\"statement\" value=\"([^\"]+)\".*", "$1"));
        assertThat(Withdrawal.parse(statement).envelopeSm3()).isEqualTo(envelopeOf(bidder4));
        String signature = BidderTool.run("sign", "--key", keyOf("bidder4").toString(), "--text", statement).line();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var posted = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/tenders/" + t.id()
                        + "/bids/withdraw")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("statement=" + java.net.URLEncoder.encode(statement, StandardCharsets.UTF_8)
                        + "&signature=" + java.net.URLEncoder.encode(signature, StandardCharsets.UTF_8) + "&_csrf=" + csrf)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(posted.statusCode()).isIn(200, 302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_withdrawal WHERE tender_id = CAST(:t AS UUID)").param("t", t.id())
                .query(Long.class).single()).isEqualTo(1);
        confidential.commit();

        closeAndOpen(t);
        JsonNode disclosed = new ApiClient.Response(200, "application/json", jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'sealing.bids.disclosed'
                AND details::json->>'subject' = :t""").param("t", t.id()).query(String.class).single()).json();
        assertThat(disclosed.path("bids").size()).isEqualTo(5);
        assertThat(disclosed.path("committed").size()).isEqualTo(6); // five receipts and one withdrawal

        Verdict opening = Verifier.run("verify-opening", baseUrl(), t.id());
        assertThat(opening.ok()).as(opening.line()).isTrue();
        assertThat(opening.line()).contains("5 bids disclosed").contains("3 live");
        Verdict mine = Verifier.run("check-receipt", bidder1.toString(), baseUrl());
        assertThat(mine.line()).isEqualTo("OK bid " + envelopeOf(bidder1) + " is in the opening record of " + t.id() + " as OPENED");
        assertThat(Verifier.run("check-receipt", bidder2.toString(), baseUrl()).line()).endsWith(" as OPENED");
        assertThat(Verifier.run("check-receipt", bidder2First.toString(), baseUrl()).line())
                .startsWith("OK bid " + envelopeOf(bidder2First)).contains("as REPLACED");
        assertThat(Verifier.run("check-receipt", bidder4.toString(), baseUrl()).line()).startsWith("OK").contains("as WITHDRAWN");
        Path withdrawalReceipt = Files.writeString(Files.createTempFile("withdrawal", ".json"),
                api().get("/api/v1/tenders/" + t.id() + "/bids/mine/withdrawal", api().freshToken("bidder4")).body());
        assertThat(Verifier.run("check-receipt", withdrawalReceipt.toString(), baseUrl()).line())
                .isEqualTo("OK bid " + envelopeOf(bidder4) + " is in the disclosed bid set of " + t.id() + " as WITHDRAWN (this signed withdrawal)");
        // The demo's history tender, closed and opened as the demo ran, verifies too.
        String demo = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        Verdict demoOpening = Verifier.run("verify-opening", baseUrl(), demo);
        assertThat(demoOpening.ok()).as(demoOpening.line()).isTrue();
        Verdict log = Verifier.run("log", baseUrl());
        assertThat(log.ok()).as(log.line()).isTrue();
        // A receipt that is not the platform's: refused.
        Path forged = Files.writeString(Files.createTempFile("forged", ".json"), Files.readString(bidder1).replace(bidIdOf(bidder1), UUID.randomUUID().toString()));
        Verdict bad = Verifier.run("check-receipt", forged.toString(), baseUrl());
        assertThat(bad.exitCode()).as(bad.line()).isEqualTo(1);
        assertThat(bad.line()).isEqualTo("FAIL the receipt is not in the batch the platform signed (its path does not lead to the signed root)");
    }

    /**
     * Receipts are signed per batch (issue 21): a real upload's receipt carries its batch proof and verifies with the
     * bidder tool and the verifier; the same receipt in a forged batch (its own tree, signed by another SM2 key) or with
     * a changed path fails in both, naming why.
     */
    @Test
    void batchSignedReceiptsVerifyWithBothToolsAndAForgedBatchFailsInBoth() throws Exception {
        Tender t = publish();
        Path receipt = bid(t, "bidder1", "2000000.00");
        Path envelope = Path.of(receipt.toString().replace(".receipt.json", ""));
        JsonNode saved = new ApiClient.Response(200, "application/json", Files.readString(receipt)).json();
        assertThat(saved.path("signature").isNull()).isTrue();
        assertThat(saved.path("batch").path("width").asInt()).isEqualTo(256);
        assertThat(saved.path("batch").path("path").size()).isEqualTo(8);

        BidderTool.Result good = BidderTool.run("check-receipt", "--platform", baseUrl(), "--envelope", envelope.toString(),
                receipt.toString());
        assertThat(good.ok()).as(good.line()).isTrue();
        assertThat(good.line()).contains("receipt signed by the platform in batch " + saved.path("batch").path("root").asString().substring(0, 16));
        bid(t, "bidder3", "2100000.00");
        bid(t, "bidder6", "2200000.00");
        confidential.commit();
        closeAndOpen(t);
        Verdict verified = Verifier.run("check-receipt", receipt.toString(), baseUrl());
        assertThat(verified.line()).isEqualTo("OK bid " + envelopeOf(receipt) + " is in the opening record of " + t.id() + " as OPENED");

        // The forger's own batch around the real receipt, its root signed by another SM2 key.
        String text = saved.path("receipt").asString();
        ReceiptBatch.Proof forgedProof = ReceiptBatch.sign(List.of(text), 256, Sm2.generateKeyPair().getPrivate(),
                clock.instant(), new SecureRandom()).get(0);
        Path forgedBatch = withBatch(saved, ReceiptBatch.Proof.parse(forgedProof.toJson()));
        // The real batch with one hash of the path changed.
        ReceiptBatch.Proof real = ReceiptBatch.Proof.of(saved.path("batch"));
        List<String> path = new ArrayList<>(real.path());
        path.set(3, (path.get(3).charAt(0) == 'f' ? "e" : "f") + path.get(3).substring(1));
        Path changedPath = withBatch(saved, new ReceiptBatch.Proof(real.leafIndex(), real.width(), path, real.root(),
                real.signedAt(), real.signature()));
        // The real batch's root claimed by another index.
        Path otherIndex = withBatch(saved, new ReceiptBatch.Proof(real.leafIndex() ^ 1, real.width(), real.path(), real.root(),
                real.signedAt(), real.signature()));
        for (var c : Map.of(forgedBatch, "the receipt's batch is not signed by the platform (forged batch)",
                changedPath, "the receipt is not in the batch the platform signed (its path does not lead to the signed root)",
                otherIndex, "the receipt is not in the batch the platform signed (its path does not lead to the signed root)").entrySet()) {
            Verdict v = Verifier.run("check-receipt", c.getKey().toString(), baseUrl());
            assertThat(v.exitCode()).as(v.line()).isEqualTo(1);
            assertThat(v.line()).isEqualTo("FAIL " + c.getValue());
            BidderTool.Result b = BidderTool.run("check-receipt", "--platform", baseUrl(), c.getKey().toString());
            assertThat(b.exitCode()).as(b.line()).isEqualTo(1);
            assertThat(b.line()).isEqualTo("REFUSED " + c.getValue());
        }
    }

    private static Path withBatch(JsonNode saved, ReceiptBatch.Proof batch) throws Exception {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("receipt", saved.path("receipt").asString());
        file.put("signature", null);
        file.put("platformCertificateSm3", saved.path("platformCertificateSm3").asString());
        file.put("batch", batch.toMap());
        return Files.writeString(Files.createTempFile("forged-batch", ".json"), ApiClient.json(file));
    }

    @Test
    void anInsiderDeletingAPendingBidIsCaughtByTheVerifierAndTheBidderAndTheBidderStillObjects() throws Exception {
        Tender t = publish();
        bid(t, "bidder1", "2000000.00");
        bid(t, "bidder3", "2100000.00");
        bid(t, "bidder6", "2200000.00");
        Path victim = bid(t, "bidder5", "1900000.00");
        confidential.commit();
        String victimBid = bidIdOf(victim);
        try (var dba = databaseAdministrator(); var delete = dba.prepareStatement("DELETE FROM bid_envelope_received WHERE id = ?")) {
            dba.createStatement().execute("SET session_replication_role = replica"); // past the append-only triggers
            delete.setObject(1, UUID.fromString(victimBid));
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        closeAndOpen(t); // the three bids left are opened; the record is signed; nothing on the platform complains

        Verdict opening = Verifier.run("verify-opening", baseUrl(), t.id());
        assertThat(opening.exitCode()).as(opening.line()).isEqualTo(1);
        assertThat(opening.line()).startsWith("FAIL").contains("the receipt of bid " + victimBid)
                .contains(envelopeOf(victim)).contains("is missing from the disclosed bid set");
        Verdict check = Verifier.run("check-receipt", victim.toString(), baseUrl());
        assertThat(check.exitCode()).as(check.line()).isEqualTo(1);
        assertThat(check.line()).isEqualTo("FAIL receipt signed by the platform but bid " + envelopeOf(victim)
                + " is missing from the disclosed bid set of " + t.id());

        // The victim objects online with its receipt, though the platform has no bid of it.
        JsonNode saved = new ApiClient.Response(200, "application/json", Files.readString(victim)).json();
        String responses = "/api/v1/tenders/" + t.id() + "/opening/responses";
        assertThat(api().post(responses, "{\"objection\":\"我单位已投标\"}", api().freshToken("bidder5")).code())
                .isEqualTo("OPENING_RESPONSE_CLOSED"); // without the receipt: no bid on record
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("objection", "我单位已投标");
        forged.put("receipt", saved.path("receipt").asString().replace(envelopeOf(victim), "0".repeat(64)));
        forged.put("receiptBatch", saved.path("batch"));
        Map<String, Object> before = state(t);
        assertThat(api().post(responses, ApiClient.json(forged), api().freshToken("bidder5")).code()).isEqualTo("RECEIPT_INVALID");
        assertThat(api().post(responses, ApiClient.json(Map.of("objection", "冒用回执", "receipt", saved.path("receipt").asString(),
                "receiptBatch", saved.path("batch"))), api().freshToken("bidder7")).code()).isEqualTo("RECEIPT_INVALID");
        // the victim's own receipt in a batch the platform never signed
        ReceiptBatch.Proof forgedBatch = ReceiptBatch.sign(List.of(saved.path("receipt").asString()), 256,
                Sm2.generateKeyPair().getPrivate(), clock.instant(), new SecureRandom()).get(0);
        assertThat(api().post(responses, ApiClient.json(Map.of("objection", "伪造批次", "receipt", saved.path("receipt").asString(),
                "receiptBatch", forgedBatch.toMap())), api().freshToken("bidder5")).code()).isEqualTo("RECEIPT_INVALID");
        assertThat(state(t)).isEqualTo(before);
        ApiClient.Response objected = api().post(responses, ApiClient.json(Map.of("objection",
                "我单位已于截止前递交投标文件并取得平台签名回执，开标记录中却没有我单位的投标。", "receipt", saved.path("receipt").asString(),
                "receiptBatch", saved.path("batch"))), api().freshToken("bidder5"));
        assertThat(objected.status()).as(objected.body()).isEqualTo(200);
        assertThat(objected.json().path("responses").toString()).contains("OBJECTED").contains("开标记录中却没有我单位的投标");
        assertThat(jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'sealing.opening.objected'
                AND details::json->>'subject' = :t""").param("t", t.id()).query(String.class).single())
                .contains(Sm3.hex(saved.path("receipt").asString()));
    }

    @Test
    void anInsiderFakingAWithdrawalIsCaught() throws Exception {
        Tender t = publish();
        bid(t, "bidder1", "2000000.00");
        bid(t, "bidder3", "2100000.00");
        bid(t, "bidder6", "2200000.00");
        Path victim = bid(t, "bidder7", "1900000.00");
        try (var dba = databaseAdministrator(); var update = dba.prepareStatement(
                "INSERT INTO bid_envelope_status_change (envelope_id, status, changed_at) VALUES (?, 'WITHDRAWN', now())")) {
            update.setObject(1, UUID.fromString(bidIdOf(victim)));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        closeAndOpen(t);

        Verdict opening = Verifier.run("verify-opening", baseUrl(), t.id());
        assertThat(opening.exitCode()).as(opening.line()).isEqualTo(1);
        assertThat(opening.line()).contains("bid " + bidIdOf(victim) + " is marked withdrawn without the bidder's signed withdrawal");
        Verdict check = Verifier.run("check-receipt", victim.toString(), baseUrl());
        assertThat(check.exitCode()).as(check.line()).isEqualTo(1);
        assertThat(check.line()).contains(envelopeOf(victim)).contains("marked withdrawn without the bidder's signed withdrawal");
    }

    @Test
    void aWithdrawalWithoutTheBiddersValidSignatureIsRefusedAndChangesNothing() throws Exception {
        Tender t = publish();
        Path receipt = bid(t, "bidder3", "2100000.00");
        bid(t, "bidder1", "2000000.00");
        String path = "/api/v1/tenders/" + t.id() + "/bids/mine/withdrawal";
        String token = api().freshToken("bidder3");
        Withdrawal own = new Withdrawal(UUID.fromString(t.id()), envelopeOf(receipt), clock.instant(), creditCodeOf("bidder3"));
        Map<String, Object> before = state(t);

        assertThat(api().delete("/api/v1/tenders/" + t.id() + "/bids/mine", token).code()).isEqualTo("WITHDRAWAL_UNSIGNED");
        assertThat(api().post(path, "{}", token).code()).isEqualTo("WITHDRAWAL_UNSIGNED");
        // Signed with another organisation's key (an insider holding some key, not the bidder's).
        assertThat(api().post(path, ApiClient.json(Map.of("statement", own.statement(), "signature", own.sign(demoKeyOf("bidder1")))),
                token).code()).isEqualTo("WITHDRAWAL_SIGNATURE_INVALID");
        // ... and with that organisation's certificate offered alongside: not the bidder's registered certificate.
        assertThat(api().post(path, ApiClient.json(Map.of("statement", own.statement(), "signature", own.sign(demoKeyOf("bidder1")),
                "certificatePem", Files.readString(certOf("bidder1")))), token).code()).isEqualTo("WITHDRAWAL_SIGNATURE_INVALID");
        // The bidder's signature over another statement, replayed on this one.
        Withdrawal other = new Withdrawal(UUID.fromString(t.id()), "0".repeat(64), clock.instant(), creditCodeOf("bidder3"));
        assertThat(api().post(path, ApiClient.json(Map.of("statement", own.statement(), "signature", other.sign(demoKeyOf("bidder3")))),
                token).code()).isEqualTo("WITHDRAWAL_SIGNATURE_INVALID");
        // A properly signed statement for an envelope that is not the bidder's valid bid, or in another's name.
        assertThat(api().post(path, ApiClient.json(Map.of("statement", other.statement(), "signature", other.sign(demoKeyOf("bidder3")))),
                token).code()).isEqualTo("WITHDRAWAL_INVALID");
        Withdrawal asOther = new Withdrawal(UUID.fromString(t.id()), envelopeOf(receipt), clock.instant(), creditCodeOf("bidder1"));
        assertThat(api().post(path, ApiClient.json(Map.of("statement", asOther.statement(), "signature", asOther.sign(demoKeyOf("bidder1")))),
                token).code()).isEqualTo("WITHDRAWAL_INVALID");
        assertThat(api().post(path, ApiClient.json(Map.of("statement", "{\"type\":\"x\"}", "signature", "AAAA")), token).code())
                .isEqualTo("WITHDRAWAL_INVALID");
        // Another bidder withdrawing bidder3's bid with bidder3's own valid signature: not its bid.
        assertThat(api().post(path, ApiClient.json(Map.of("statement", own.statement(), "signature", own.sign(demoKeyOf("bidder3")))),
                api().freshToken("bidder1")).code()).isEqualTo("WITHDRAWAL_INVALID");
        assertThat(state(t)).isEqualTo(before);
        assertThat(api().get(path, token).code()).isEqualTo("BID_NOT_FOUND");

        // The bidder's own signed statement withdraws it; the withdrawal's receipt is committed in the log like a bid's.
        ApiClient.Response withdrawn = api().post(path, ApiClient.json(Map.of("statement", own.statement(),
                "signature", own.sign(demoKeyOf("bidder3")))), token);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/tenders/" + t.id() + "/bids/mine", token).code()).isEqualTo("BID_NOT_FOUND");
        assertThat(api().get(path, token).json().path("commitment").isNull()).isTrue();
        confidential.commit();
        JsonNode committed = api().get(path, token).json();
        assertThat(committed.path("receipt").asString()).isEqualTo(withdrawn.json().path("receipt").asString());
        assertThat(committed.path("commitment").path("record").asString()).contains("sealing.bid.withdrawn")
                .contains(Sm3.hex(own.statement())).contains(Sm3.hex(withdrawn.json().path("receipt").asString()));
        assertThat(state(t).get("withdrawals")).isEqualTo((Long) before.get("withdrawals") + 1);
    }
}
