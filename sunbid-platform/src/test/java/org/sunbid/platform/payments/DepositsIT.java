package org.sunbid.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * Deposits through the sandbox bank over real HTTP with signed notifications, and electronic guarantees: every bad
 * input (forged or replayed notification, wrong amount, late payment, unknown sub-account, bad guarantee) ends in a
 * defined state and changes nothing else.
 */
class DepositsIT extends PlatformIT {

    @Autowired
    SandboxBank bank;

    @Autowired
    SandboxInsurer insurer;

    @Autowired
    Refunds refunds;

    @Autowired
    Tenders tenders;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String tenderId;

    @BeforeEach
    void publishATender() {
        api = new ApiClient(baseUrl());
        tenderId = publishTender(api, Duration.ofDays(21), "500000").path("id").asString();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private JsonNode register(String bidder) {
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.token(bidder)).status()).isEqualTo(200);
        return deposit(bidder);
    }

    private JsonNode deposit(String bidder) {
        ApiClient.Response r = api.get("/api/v1/tenders/" + tenderId + "/deposit", api.token(bidder));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The bidder's current basic account (基本账户): the account its cash deposits must come from (Reg. 26). */
    private String basicAccountOf(String bidder) {
        return jdbc.sql("""
                SELECT b.account_number FROM basic_account b JOIN account a ON a.organisation_id = b.organisation_id
                WHERE a.username = :u AND b.valid_until IS NULL""").param("u", bidder).query(String.class).single();
    }

    private ApiClient.Response notify(String body, String signature) {
        return api.send("POST", "/api/v1/payments/banks/SANDBOX/notifications", body, null, Map.of("X-Bank-Signature", signature));
    }

    /** Everything a notification or guarantee could change. */
    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("payments", jdbc.sql("SELECT COUNT(*) FROM bank_payment").query(Long.class).single());
        s.put("refunds", jdbc.sql("SELECT COUNT(*) FROM refund_instruction").query(Long.class).single());
        s.put("guarantees", jdbc.sql("SELECT COUNT(*) FROM deposit_guarantee").query(Long.class).single());
        s.put("records", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        s.put("accounts", jdbc.sql("SELECT string_agg(status || version, ',' ORDER BY id) FROM deposit_account").query(String.class).single());
        return s;
    }

    @Test
    void aRegistrationGetsItsOwnRandomSubAccountAndThePaymentArrivesBySignedCallback() {
        JsonNode d = register("bidder1");
        String sub = d.path("subAccount").asString();
        assertThat(sub).startsWith("6217").hasSize(17);
        assertThat(Deposits.luhn(sub.substring(0, 16))).isEqualTo(sub.charAt(16) - '0');
        assertThat(d.path("status").asString()).isEqualTo("AWAITING");
        assertThat(d.path("amount").asString()).isEqualTo("500000.00");
        assertThat(register("bidder2").path("subAccount").asString()).isNotEqualTo(sub);

        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers",
                ApiClient.json(Map.of("tenderId", tenderId)), api.token("bidder1"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("platformStatus").asInt()).isEqualTo(200);
        assertThat(paid.json().path("platformAnswer").asString()).contains("\"result\":\"CREDITED\"");

        JsonNode after = deposit("bidder1");
        assertThat(after.path("status").asString()).isEqualTo("PAID");
        JsonNode payment = after.path("payments").get(0);
        assertThat(payment.path("payerName").asString()).isNotBlank(); // Reg. 40(6) needs the payer's name and account
        assertThat(payment.path("payerAccount").asString()).isEqualTo(basicAccountOf("bidder1")); // Reg. 26
        assertThat(payment.path("outcome").asString()).isEqualTo("CREDITED");
        assertThat(deposit("bidder2").path("status").asString()).isEqualTo("AWAITING");
    }

    @Test
    void aReplayedNotificationAnswersAsBeforeAndChangesNothing() {
        String sub = register("bidder1").path("subAccount").asString();
        String body = BankNotification.credit("SBX-REPLAY-" + System.nanoTime(), sub, Money.yuan(500000), "某建设公司",
                basicAccountOf("bidder1"), clock.instant());
        ApiClient.Response first = notify(body, bank.sign(body));
        assertThat(first.json().path("result").asString()).isEqualTo("CREDITED");
        assertThat(first.json().path("replayed").asBoolean()).isFalse();
        Map<String, Object> before = state();

        ApiClient.Response again = notify(body, bank.sign(body));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("result").asString()).isEqualTo("CREDITED");
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(state()).isEqualTo(before);
        assertThat(deposit("bidder1").path("payments").size()).isEqualTo(1);

        // The same transaction id with other content is no replay: a conflict for the bank to look into.
        String other = body.replace(basicAccountOf("bidder1"), "622200009999");
        ApiClient.Response conflict = notify(other, bank.sign(other));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("BANK_NOTIFICATION_CONFLICT");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aForgedOrAlteredNotificationIsRefusedAndChangesNothing() {
        String sub = register("bidder1").path("subAccount").asString();
        Map<String, Object> before = state();
        String body = BankNotification.credit("SBX-FORGED-" + System.nanoTime(), sub, Money.yuan(500000), "某建设公司",
                "622200001111", clock.instant());
        KeyPair forger = Sm2.generateKeyPair();
        String forged = Base64.getEncoder().encodeToString(Sm2.sign(forger.getPrivate(), body.getBytes(StandardCharsets.UTF_8)));

        ApiClient.Response r = notify(body, forged);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("BANK_SIGNATURE_INVALID");
        // A genuine signature over a different amount does not carry over to the altered body.
        String genuine = bank.sign(body.replace("500000.00", "5000.00"));
        assertThat(notify(body, genuine).code()).isEqualTo("BANK_SIGNATURE_INVALID");
        assertThat(notify(body, "").code()).isEqualTo("BANK_SIGNATURE_INVALID");
        assertThat(notify(body, "not base64!").code()).isEqualTo("BANK_SIGNATURE_INVALID");
        assertThat(api.send("POST", "/api/v1/payments/banks/NOBANK/notifications", body, null,
                Map.of("X-Bank-Signature", bank.sign(body))).code()).isEqualTo("BANK_UNKNOWN");
        // Signed but malformed.
        String malformed = "{\"type\":\"credit\",\"txnId\":\"X\"}";
        assertThat(notify(malformed, bank.sign(malformed)).code()).isEqualTo("BANK_NOTIFICATION_INVALID");
        String credit = BankNotification.credit("SBX-HUGE-" + System.nanoTime(), sub, Money.yuan("500000.00"), "某建设公司",
                "622200001111", clock.instant());
        for (String absurd : java.util.List.of("12345678901234567.00", "1E+999999999", "-500000.00", "500000.001")) {
            String huge = credit.replace("\"500000.00\"", "\"" + absurd + "\""); // no Money can hold these
            assertThat(huge).isNotEqualTo(credit);
            assertThat(notify(huge, bank.sign(huge)).code()).isEqualTo("BANK_NOTIFICATION_INVALID");
        }
        String oversized = body.replace("某建设公司", "某".repeat(70_000));
        assertThat(notify(oversized, bank.sign(oversized)).code()).isEqualTo("BANK_NOTIFICATION_INVALID");

        assertThat(state()).isEqualTo(before);
        assertThat(deposit("bidder1").path("status").asString()).isEqualTo("AWAITING");
    }

    @Test
    void wrongAmountLatePaymentUnknownAccountAndDuplicateEachEndInARefund() {
        String sub1 = register("bidder1").path("subAccount").asString();
        String sub2 = register("bidder2").path("subAccount").asString();

        assertThat(pay(sub1, "50000.00").path("result").asString()).isEqualTo("WRONG_AMOUNT");
        assertThat(deposit("bidder1").path("status").asString()).isEqualTo("AWAITING");
        assertThat(pay("62179999999999999", "500000.00").path("result").asString()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(pay(sub1, "500000.00").path("result").asString()).isEqualTo("CREDITED");
        assertThat(pay(sub1, "500000.00").path("result").asString()).isEqualTo("DUPLICATE");
        assertThat(deposit("bidder1").path("status").asString()).isEqualTo("PAID");

        // Booked exactly at the deadline: late.
        Instant deadline = Instant.parse(deposit("bidder2").path("dueBefore").asString());
        String late = BankNotification.credit("SBX-LATE-" + System.nanoTime(), sub2, Money.yuan(500000), "某建设公司",
                basicAccountOf("bidder2"), deadline);
        assertThat(notify(late, bank.sign(late)).json().path("result").asString()).isEqualTo("LATE");
        assertThat(deposit("bidder2").path("status").asString()).isEqualTo("AWAITING");

        // Each refund goes to the bank and completes by its signed notification.
        JsonNode refunds1 = deposit("bidder1").path("refunds");
        assertThat(refunds1.size()).isEqualTo(2);
        List<String> reasons = new java.util.ArrayList<>();
        refunds1.forEach(r -> {
            reasons.add(r.path("reason").asString());
            assertThat(r.path("status").asString()).isEqualTo("PENDING");
        });
        assertThat(reasons).containsExactlyInAnyOrder("WRONG_AMOUNT", "DUPLICATE");
        assertThat(refunds.dispatchPending()).isGreaterThanOrEqualTo(4);
        assertThat(deposit("bidder1").path("refunds").get(1).path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(bank.completeRefunds()).isGreaterThanOrEqualTo(4);
        for (JsonNode refund : deposit("bidder1").path("refunds")) {
            assertThat(refund.path("status").asString()).isEqualTo("COMPLETED");
        }
        assertThat(deposit("bidder2").path("refunds").get(0).path("reason").asString()).isEqualTo("LATE");
        assertThat(jdbc.sql("""
                SELECT r.status FROM refund_instruction r JOIN bank_payment p ON p.id = r.payment_id
                WHERE p.sub_account = '62179999999999999' ORDER BY r.created_at DESC LIMIT 1""").query(String.class).single())
                .isEqualTo("COMPLETED");
    }

    private JsonNode pay(String subAccount, String amount) {
        String body = BankNotification.credit("SBX-" + System.nanoTime(), subAccount, Money.yuan(amount), "某建设公司",
                basicAccountOf("bidder1"), clock.instant());
        ApiClient.Response r = notify(body, bank.sign(body));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void reg40_6_depositsPaidFromOneAccountForSeveralBiddersAreFlaggedOnceBiddingCloses() {
        String sub1 = register("bidder3").path("subAccount").asString();
        String sub2 = register("bidder4").path("subAccount").asString();
        String sub3 = register("bidder5").path("subAccount").asString();
        // One person's account pays two bidders' deposits: not their basic accounts, so refused (Reg. 26), and still
        // evidence of collusion (Reg. 40(6)), flagged at closing.
        for (String sub : List.of(sub1, sub2)) {
            String body = BankNotification.credit("SBX-" + System.nanoTime(), sub, Money.yuan(500000), "张三", "6222000099998888",
                    clock.instant());
            assertThat(notify(body, bank.sign(body)).json().path("result").asString()).isEqualTo("NOT_BASIC_ACCOUNT");
        }
        String own = BankNotification.credit("SBX-" + System.nanoTime(), sub3, Money.yuan(500000), "某建设公司", basicAccountOf("bidder5"),
                clock.instant());
        assertThat(notify(own, bank.sign(own)).json().path("result").asString()).isEqualTo("CREDITED");

        // Before the deadline, nobody but each bidder sees deposits.
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/deposits", api.token("tenderee")).code()).isEqualTo("DEPOSITS_SEALED");
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/deposits", api.token("supervisor")).code()).isEqualTo("DEPOSITS_SEALED");

        clock.advance(Duration.ofDays(22));
        tenders.closeDueTenders();
        JsonNode list = api.get("/api/v1/tenders/" + tenderId + "/deposits", api.freshToken("supervisor")).json();
        assertThat(list.size()).isEqualTo(3);
        Map<String, Boolean> flagged = new LinkedHashMap<>();
        list.forEach(d -> flagged.put(d.path("subAccount").asString(), d.path("sharedPayerAccount").asBoolean()));
        assertThat(flagged).containsEntry(sub1, true).containsEntry(sub2, true).containsEntry(sub3, false);
        // Closing disclosed the deposits in public, without payer accounts.
        String disclosed = jdbc.sql("SELECT payload FROM log_entry WHERE details LIKE '%payments.deposits.disclosed%' AND payload LIKE :t")
                .param("t", "%" + sub1 + "%").query(String.class).single();
        assertThat(disclosed).contains(sub2).doesNotContain("6222000099998888");
    }

    @Test
    void aValidGuaranteeFromARegisteredIssuerSettlesTheDeposit() {
        register("bidder6");
        ApiClient.Response issued = api.post("/api/v1/sandbox/insurer/guarantees", ApiClient.json(Map.of("tenderId", tenderId)),
                api.token("bidder6"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        ApiClient.Response accepted = api.post("/api/v1/tenders/" + tenderId + "/deposit/guarantee", issued.body(),
                api.token("bidder6"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("GUARANTEED");
        assertThat(accepted.json().path("guarantee").path("issuer").asString()).isEqualTo(SandboxInsurer.NAME);
        assertThat(accepted.json().path("guarantee").path("coversBidValidity").asBoolean()).isTrue();
        // The same guarantee cannot serve twice.
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/deposit/guarantee", issued.body(), api.token("bidder6")).code())
                .isEqualTo("DEPOSIT_ALREADY_SETTLED");
    }

    @Test
    void aGuaranteeWithAWrongSignatureTooShortValidityTooLowAmountWrongPartyOrUnknownIssuerIsRefused() {
        register("bidder7");
        var terms = tenders.depositTerms(java.util.UUID.fromString(tenderId));
        java.util.UUID bidder7 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder7'")
                .query(java.util.UUID.class).single();
        java.util.UUID bidder8 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder8'")
                .query(java.util.UUID.class).single();
        Map<String, Object> before = state();

        GuaranteeUpload good = insurer.issue(terms, bidder7);
        GuaranteeUpload altered = new GuaranteeUpload(good.document().replace("500000.00", "900000.00"), good.signature(),
                good.issuerCertificate());
        assertThat(submit(altered).code()).isEqualTo("GUARANTEE_SIGNATURE_INVALID");

        GuaranteeUpload short_ = insurer.issue(terms, bidder7, terms.deposit(), terms.guaranteeRequiredUntil().minusSeconds(1));
        ApiClient.Response tooShort = submit(short_);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.code()).isEqualTo("GUARANTEE_VALIDITY_TOO_SHORT");
        assertThat(tooShort.json().path("detail").asString()).contains("90");

        assertThat(submit(insurer.issue(terms, bidder7, Money.yuan(499999), terms.guaranteeRequiredUntil())).code())
                .isEqualTo("GUARANTEE_AMOUNT_TOO_LOW");
        assertThat(submit(insurer.issue(terms, bidder8, terms.deposit(), terms.guaranteeRequiredUntil())).code())
                .isEqualTo("GUARANTEE_WRONG_PARTY");

        // Signed correctly by an issuer whose certificate the platform never registered (though issued by a trusted CA).
        KeyPair rogue = Sm2.generateKeyPair();
        var rogueCert = Sm2Certificates.issue(EXTERNAL_CA_ROOT, EXTERNAL_CA_KEYS.getPrivate(), "CN=某担保公司,C=CN", rogue.getPublic(),
                clock.instant().minus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(365)));
        String doc = good.document();
        GuaranteeUpload unregistered = new GuaranteeUpload(doc, Base64.getEncoder().encodeToString(
                Sm2.sign(rogue.getPrivate(), doc.getBytes(StandardCharsets.UTF_8))), Pem.encode(rogueCert));
        assertThat(submit(unregistered).code()).isEqualTo("GUARANTEE_ISSUER_NOT_REGISTERED");
        assertThat(submit(new GuaranteeUpload("{}", good.signature(), "not a certificate")).code())
                .isEqualTo("GUARANTEE_ISSUER_NOT_REGISTERED");
        String notJson = "not json";
        assertThat(submit(new GuaranteeUpload(notJson, Base64.getEncoder().encodeToString(Sm2.sign(rogue.getPrivate(),
                notJson.getBytes(StandardCharsets.UTF_8))), good.issuerCertificate())).code()).isEqualTo("GUARANTEE_SIGNATURE_INVALID");

        assertThat(state()).isEqualTo(before);
        assertThat(deposit("bidder7").path("status").asString()).isEqualTo("AWAITING");
        assertThat(submit(good).status()).isEqualTo(200);
        assertThat(CanonicalJson.write(Map.of("a", 1))).isNotBlank();
    }

    @Test
    void aGuaranteeThatNoLongerCoversTheBidValidityAfterTheDeadlineMovedIsShownAsShort() throws Exception {
        register("bidder7");
        var terms = tenders.depositTerms(java.util.UUID.fromString(tenderId));
        java.util.UUID bidder7 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder7'")
                .query(java.util.UUID.class).single();
        GuaranteeUpload exact = insurer.issue(terms, bidder7, terms.deposit(), terms.guaranteeRequiredUntil());
        assertThat(submit(exact).json().path("guarantee").path("coversBidValidity").asBoolean()).isTrue();
        ApiClient.Response covered = uploadBid("bidder7");
        assertThat(covered.status()).as(covered.body()).isEqualTo(201);

        // Day 10 of 21: a clarification affecting preparation moves the deadline so that 15 days remain (Law 23).
        clock.advance(Duration.ofDays(10));
        ApiClient.Response clarified = api.post("/api/v1/tenders/" + tenderId + "/clarifications",
                "{\"text\":\"工程量清单第 3.2 项更正\",\"affectsPreparation\":true}", api.freshToken("agency"));
        assertThat(clarified.json().path("deadlineMovedTo").isNull()).isFalse();
        JsonNode after = api.get("/api/v1/tenders/" + tenderId + "/deposit", api.freshToken("bidder7")).json();
        assertThat(after.path("status").asString()).isEqualTo("GUARANTEED");
        assertThat(after.path("guarantee").path("coversBidValidity").asBoolean()).isFalse();
        // and a bid on it is refused as on an unpaid deposit (Bids.precheck, from the tender's terms read once)
        assertThat(uploadBid("bidder7").code()).isEqualTo("DEPOSIT_NOT_SETTLED");
    }

    /** {@code bidder} seals a small bid with its demo key to the tender's opening key and uploads it. */
    private ApiClient.Response uploadBid(String bidder) throws Exception {
        java.security.PublicKey key = Pem.publicKey(api.get("/api/v1/tenders/" + tenderId + "/opening-key", null).json()
                .path("publicKeyPem").asString());
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bid", ".txt");
        java.nio.file.Files.writeString(file, "投标函 " + java.util.UUID.randomUUID());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.sunbid.sealing.Envelope.seal(new org.sunbid.sealing.Envelope.Contents(java.util.UUID.fromString(tenderId),
                "{\"totalPrice\":\"480000.00\"}", Map.of("tool", "DepositsIT"), Map.of("投标函.txt", file)), key,
                demoKeyOf(bidder), demoCertificateOf(bidder), clock.instant(), out);
        java.nio.file.Files.delete(file);
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/bids"))
                .header("Authorization", "Bearer " + api.freshToken(bidder)).header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json, application/problem+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private ApiClient.Response submit(GuaranteeUpload upload) {
        return api.post("/api/v1/tenders/" + tenderId + "/deposit/guarantee", ApiClient.json(upload), api.token("bidder7"));
    }

    // ---------------------------------------------------------------------------------------------------- Reg. 26

    private String organisationOf(String username) {
        return jdbc.sql("SELECT CAST(organisation_id AS VARCHAR) FROM account WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    /** Everything registering a basic account could change. */
    private Map<String, Object> basicAccounts() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", jdbc.sql("""
                SELECT string_agg(organisation_id || ':' || account_number || ':' || bank_name || ':' || (valid_until IS NULL),
                                  ',' ORDER BY id) FROM basic_account""").query(String.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return s;
    }

    @Test
    void reg26_aDepositFromAnotherAccountIsRefundedAndFlagged() throws Exception {
        String sub = register("bidder2").path("subAccount").asString();
        Map<String, Object> accountsBefore = jdbc.sql("SELECT status, version FROM deposit_account WHERE sub_account = :s")
                .param("s", sub).query().singleRow();

        // A third party (a trading company) pays the exact deposit into bidder2's sub-account through the bank.
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId,
                "payerName", "云州某商贸有限公司", "payerAccount", "6222 0211 9988 7766")), api.token("bidder2"));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("platformAnswer").asString()).contains("\"result\":\"NOT_BASIC_ACCOUNT\"");

        // Not the deposit: still awaiting, nothing about the sub-account changed; the money goes back to the payer.
        JsonNode d = deposit("bidder2");
        assertThat(d.path("status").asString()).isEqualTo("AWAITING");
        assertThat(jdbc.sql("SELECT status, version FROM deposit_account WHERE sub_account = :s").param("s", sub).query().singleRow())
                .isEqualTo(accountsBefore);
        assertThat(d.path("payments").get(0).path("outcome").asString()).isEqualTo("NOT_BASIC_ACCOUNT");
        JsonNode refund = d.path("refunds").get(0);
        assertThat(refund.path("reason").asString()).isEqualTo("NOT_BASIC_ACCOUNT");
        assertThat(refund.path("payeeAccount").asString()).isEqualTo("6222 0211 9988 7766");
        assertThat(refund.path("amount").asString()).isEqualTo("500000.00");

        // Until bidding closes nobody learns of it (who registered is secret); then the supervisor is flagged.
        String flagged = "SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'payments.deposit.not-basic-account'"
                + " AND details::json->>'subject' = :t";
        assertThat(jdbc.sql(flagged).param("t", tenderId).query(Long.class).single()).isZero();
        clock.advance(Duration.ofDays(22));
        tenders.closeDueTenders();
        // flagged after the closing commits, by an after-commit listener (EventPublicationRegistryIT)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql(flagged).param("t", tenderId).query(Long.class).single()).isEqualTo(1));
        String payload = jdbc.sql("SELECT payload FROM log_entry WHERE details::json->>'action' = 'payments.deposit.not-basic-account'"
                + " AND details::json->>'subject' = :t").param("t", tenderId).query(String.class).single();
        assertThat(payload).contains("青山路桥建设有限公司").contains("第二十六条").doesNotContain("99887766").doesNotContain("商贸");
        var home = session("supervisor").send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench"))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(home.body()).contains("flags-table").contains("保证金非基本账户转出").contains("青山路桥建设有限公司");
        JsonNode list = api.get("/api/v1/tenders/" + tenderId + "/deposits", api.freshToken("supervisor")).json();
        assertThat(list.get(0).path("payments").get(0).path("outcome").asString()).isEqualTo("NOT_BASIC_ACCOUNT");

        // The refund goes to the payer's account through the bank.
        refunds.dispatchPending();
        bank.completeRefunds();
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/deposit", api.freshToken("bidder2")).json()
                .path("refunds").get(0).path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void reg26_aDepositFromTheBasicAccountSettles() {
        // The sandbox bank pays from the bidder's registered basic account: the deposit is settled.
        register("bidder7");
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)),
                api.token("bidder7"));
        assertThat(paid.json().path("platformAnswer").asString()).contains("\"result\":\"CREDITED\"");
        JsonNode d = deposit("bidder7");
        assertThat(d.path("status").asString()).isEqualTo("PAID");
        assertThat(d.path("payments").get(0).path("payerAccount").asString()).isEqualTo(basicAccountOf("bidder7"));

        // bidder6 changes its basic account (its own staff, through the API) a minute later; the old one stays as history.
        String sub = register("bidder6").path("subAccount").asString();
        String org = organisationOf("bidder6");
        String old = basicAccountOf("bidder6");
        Instant beforeTheChange = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        ApiClient.Response changed = api.send("PUT", "/api/v1/organisations/" + org + "/basic-account",
                "{\"bankName\":\"中国银行云州分行\",\"accountNumber\":\"1045 2233 4455 6677 889\"}", api.token("bidder6"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("current").path("accountNumber").asString()).isEqualTo("1045223344556677889");
        assertThat(changed.json().path("current").path("createdBy").asString()).isEqualTo("bidder6");
        JsonNode previous = changed.json().path("history").get(1);
        assertThat(previous.path("accountNumber").asString()).isEqualTo(old);
        assertThat(previous.path("supersededBy").asString()).isEqualTo("bidder6");
        assertThat(previous.path("validUntil").isNull()).isFalse();
        // Centre staff of the region see it too.
        assertThat(api.get("/api/v1/organisations/" + org + "/basic-account", api.token("centre")).json()
                .path("current").path("accountNumber").asString()).isEqualTo("1045223344556677889");

        // What counts is the basic account when the bank booked the payment: from the old one after the change, no;
        String late = BankNotification.credit("SBX-OLD-" + System.nanoTime(), sub, Money.yuan(500000), "云州恒远建设有限公司",
                old, clock.instant());
        assertThat(notify(late, bank.sign(late)).json().path("result").asString()).isEqualTo("NOT_BASIC_ACCOUNT");
        assertThat(deposit("bidder6").path("status").asString()).isEqualTo("AWAITING");
        // booked before the change (and notified only now), yes.
        String early = BankNotification.credit("SBX-EARLY-" + System.nanoTime(), sub, Money.yuan(500000), "云州恒远建设有限公司",
                old, beforeTheChange);
        assertThat(notify(early, bank.sign(early)).json().path("result").asString()).isEqualTo("CREDITED");
        assertThat(deposit("bidder6").path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void reg26_aMalformedBasicAccountIsRefusedWithAProblemAndChangesNothing() throws Exception {
        String org = organisationOf("bidder8");
        String token = api.token("bidder8");
        Map<String, Object> before = basicAccounts();
        String[][] bad = {
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"6222-0211-9988\"}", "BASIC_ACCOUNT_NUMBER_INVALID"},
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"62220211998877AB\"}", "BASIC_ACCOUNT_NUMBER_INVALID"},
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"1234567\"}", "BASIC_ACCOUNT_NUMBER_INVALID"},
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"" + "1".repeat(33) + "\"}", "BASIC_ACCOUNT_NUMBER_INVALID"},
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"１２３４５６７８９\"}", "BASIC_ACCOUNT_NUMBER_INVALID"},
                {"{\"bankName\":\"中国\\u0000银行\",\"accountNumber\":\"622202119988\"}", "BASIC_ACCOUNT_BANK_INVALID"},
                {"{\"bankName\":\"" + "银".repeat(101) + "\",\"accountNumber\":\"622202119988\"}", "BASIC_ACCOUNT_BANK_INVALID"},
                {"{\"bankName\":\"  \",\"accountNumber\":\"622202119988\"}", "VALIDATION_FAILED"},
                {"{\"bankName\":\"中国银行\"}", "VALIDATION_FAILED"},
                {"{\"bankName\":\"中国银行\",\"accountNumber\":\"" + "1".repeat(81) + "\"}", "VALIDATION_FAILED"},
                {"not json", "MALFORMED_REQUEST"}};
        for (String[] b : bad) {
            ApiClient.Response r = api.send("PUT", "/api/v1/organisations/" + org + "/basic-account", b[0], token);
            assertThat(r.status()).as(b[0] + " " + r.body()).isEqualTo(400);
            assertThat(r.isProblem()).as(r.contentType()).isTrue();
            assertThat(r.code()).as(b[0]).isEqualTo(b[1]);
        }
        assertThat(basicAccounts()).isEqualTo(before);

        // The workbench form: the same rule, the reason shown with the form, nothing changed.
        var http = session("bidder8");
        String home = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench"))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(home).contains("id=\"basic-account\"").contains(basicAccountOf("bidder8"));
        String csrf = home.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/basic-account"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("bankName=%E4%B8%AD%E5%9B%BD%E9%93%B6%E8%A1%8C"
                        + "&accountNumber=12AB&_csrf=" + csrf)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("basic-account-error").contains("基本账户账号只能由数字组成");
        assertThat(basicAccounts()).isEqualTo(before);
        var saved = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/basic-account"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("bankName=%E4%B8%AD%E5%9B%BD%E9%93%B6%E8%A1%8C"
                        + "&accountNumber=6216+6100+0000+1234&_csrf=" + csrf)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(basicAccountOf("bidder8")).isEqualTo("6216610000001234");
    }

    @Test
    void reg26_onlyTheOrganisationsOwnStaffMaySetItsBasicAccount() throws Exception {
        String org = organisationOf("bidder1");
        String current = basicAccountOf("bidder1");
        Map<String, Object> before = basicAccounts();
        String body = "{\"bankName\":\"某银行\",\"accountNumber\":\"6222021199887766\"}";
        // Another bidder, the tenderee and the agency may not even see it; centre staff and the supervisor see it but may
        // not change it; the administrator neither.
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("bidder2", 404);
        expected.put("tenderee", 404);
        expected.put("agency", 404);
        expected.put("centre", 403);
        expected.put("supervisor", 403);
        expected.put("admin", 403);
        expected.put("expert01", 403);
        for (var e : expected.entrySet()) {
            ApiClient.Response r = api.send("PUT", "/api/v1/organisations/" + org + "/basic-account", body, api.token(e.getKey()));
            assertThat(r.status()).as(e.getKey() + " " + r.body()).isEqualTo(e.getValue());
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(api.send("PUT", "/api/v1/organisations/" + org + "/basic-account", body, null).status()).isEqualTo(401);
        assertThat(basicAccounts()).isEqualTo(before);
        assertThat(basicAccountOf("bidder1")).isEqualTo(current);
        assertThat(api.get("/api/v1/organisations/" + org + "/basic-account", api.token("bidder2")).status()).isEqualTo(404);
        // Centre staff see it, with its history, on the organisation's page; there is no form for them there.
        var page = session("centre").send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl()
                + "/workbench/organisations/" + org)).header("Accept-Language", "zh-CN").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"basic-accounts\"").contains(current).doesNotContain("basic-account-submit");
    }
}
