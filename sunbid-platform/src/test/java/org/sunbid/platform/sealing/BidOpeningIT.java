package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.bidder.BidderTool;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verifier;

import tools.jackson.databind.JsonNode;

/**
 * Opening (开标): five bidders seal and upload with the bidder tool, one replaces its bid, one withdraws, the deadline passes, two of the
 * three custodians release their shares, and the platform-signed opening record lists the four bids with their prices;
 * with fewer than three bids the tender fails (Law 28). The log verifies throughout.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.modulith.test.PublishedEventsExtension.class)
class BidOpeningIT extends PlatformIT {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    @Autowired
    BidOpenings openings;


    /** The kinds of the to-do entries about {@code tenderId} on {@code username}'s workbench home. */
    private java.util.List<String> todoKinds(String username, String tenderId) throws Exception {
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login(username).statusCode()).isEqualTo(302);
        return java.util.regex.Pattern.compile("data-kind=\"([a-z-]+)\">\\s*<a href=\"[^\"]*" + tenderId)
                .matcher(web.get("/workbench").body()).results().map(m -> m.group(1)).toList();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private record Tender(String id, PublicKey key, Instant deadline) {
    }

    private Tender publish() {
        ApiClient api = api();
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/tenders",
                Fixtures.tenderJson(clock.instant(), Fixtures.projectCode(), Duration.ofDays(21), "500000", tenderee),
                api.token("agency"));
        String id = created.json().path("id").asString();
        api.publish(id, api.token("agency"));
        return new Tender(id, Pem.publicKey(api.get("/api/v1/tenders/" + id + "/opening-key", null).json().path("publicKeyPem").asString()),
                Instant.parse(created.json().path("bidDeadline").asString()));
    }

    private boolean bid(Tender t, String bidder, String price) throws Exception {
        return sealAndUpload(t.id(), bidder, price);
    }

    private static String csrf(String html) {
        return html.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    private ApiClient.Response release(Tender t, String username) throws Exception {
        return releaseShare(t.id(), username);
    }

    @Test
    void fiveBidsOneReplacedOneWithdrawnTwoOfThreeCustodiansAndTheRecordListsFourPrices(
            org.springframework.modulith.test.PublishedEvents events) throws Exception {
        Tender t = publish();
        clock.advance(Duration.ofDays(1));
        Map<String, String> prices = new LinkedHashMap<>();
        prices.put("bidder1", "36280000.00");
        prices.put("bidder2", "35990000.00");
        prices.put("bidder3", "37150000.00");
        prices.put("bidder4", "36800000.00");
        prices.put("bidder5", "34500000.00");
        for (var p : prices.entrySet()) {
            assertThat(bid(t, p.getKey(), p.getValue())).as(p.getKey()).isTrue();
        }
        clock.advance(Duration.ofDays(5));
        assertThat(bid(t, "bidder2", "35700000.00")).isTrue(); // replaces its bid
        java.nio.file.Path keys = DATA.resolve("demo-keys");
        var withdrawn = BidderTool.run("withdraw", "--platform", baseUrl(), "--tender", t.id(), "--user", "bidder5", "--password", PASSWORD,
                "--key", keys.resolve(creditCodeOf("bidder5") + ".key.pem").toString(),
                "--cert", keys.resolve(creditCodeOf("bidder5") + ".crt.pem").toString(),
                "--out", java.nio.file.Files.createTempFile("withdrawal", ".json").toString());
        assertThat(withdrawn.ok()).as(withdrawn.line()).isTrue();

        // Before the deadline no share can be released.
        assertThat(release(t, "centre").code()).isEqualTo("OPENING_NOT_READY");

        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        JsonNode awaiting = api().get("/api/v1/tenders/" + t.id() + "/opening", null).json();
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_SHARES");
        assertThat(awaiting.path("validEnvelopes").asInt()).isEqualTo(4);

        assertThat(release(t, "centre").json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        assertThat(api().post("/api/v1/tenders/" + t.id() + "/opening/shares", "{\"share\":\"{}\"}", api().freshToken("bidder1"))
                .status()).isEqualTo(403); // bidders hold no share
        JsonNode opened = release(t, "supervisor").json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");

        JsonNode record = new ApiClient.Response(200, "application/json", opened.path("record").asString()).json();
        Map<String, String> read = new LinkedHashMap<>();
        record.path("bids").forEach(b -> {
            assertThat(b.path("status").asString()).isEqualTo("OPENED");
            read.put(b.path("bidder").asString(), b.path("priceSheet").path("totalPrice").asString());
        });
        assertThat(read.values()).containsExactlyInAnyOrder("36280000.00", "35700000.00", "37150000.00", "36800000.00");
        X509Certificate platform = Pem.certificate(api().get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        assertThat(Sm2.verify(platform.getPublicKey(), opened.path("record").asString().getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(opened.path("recordSignature").asString()))).isTrue();
        // The completed record is published as a typed event: the bids as openedBids lists them, the SM3 of the record.
        List<BidsOpened> published = java.util.stream.StreamSupport.stream(events.ofType(BidsOpened.class)
                .matching(e -> e.tenderId().toString().equals(t.id())).spliterator(), false).toList();
        assertThat(published).hasSize(1);
        BidsOpened bidsOpened = published.get(0);
        assertThat(bidsOpened.recordSm3()).isEqualTo(org.sunbid.crypto.Sm3.hex(opened.path("record").asString()));
        assertThat(bidsOpened.openedAt()).isEqualTo(Instant.parse(opened.path("openedAt").asString()));
        assertThat(bidsOpened.bids()).isEqualTo(openings.openedBids(java.util.UUID.fromString(t.id())));
        assertThat(bidsOpened.bids()).extracting(OpenedBid::price).extracting(java.math.BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("36280000.00", "35700000.00", "37150000.00", "36800000.00");
        // The released shares are gone; the record is in the log; the log verifies.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM released_share WHERE tender_id = CAST(:t AS UUID)").param("t", t.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'sealing.opening.recorded'"
                + " AND details::json->>'subject' = :t").param("t", t.id()).query(Long.class).single()).isEqualTo(1);

        // The record is on the public notice page.
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/tenders/" + t.id())).header("Accept-Language", "zh-CN").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("opening-record").contains("35700000.00").contains("已解密");

        // Remote opening (不见面开标): the bidders confirm or object online; the tenderee answers on the spot.
        String responses = "/api/v1/tenders/" + t.id() + "/opening/responses";
        assertThat(api().post(responses, "{}", api().freshToken("bidder1")).json().path("responses").size()).isEqualTo(1);
        assertThat(api().post(responses, "{}", api().freshToken("bidder1")).code()).isEqualTo("OPENING_ALREADY_RESPONDED");
        JsonNode objected = api().post(responses, "{\"objection\":\"我单位报价唱标有误，应为 35,700,000.00 元\"}",
                api().freshToken("bidder2")).json();
        assertThat(objected.path("responses").get(1).path("response").asString()).isEqualTo("OBJECTED");
        assertThat(api().post(responses, "{}", api().freshToken("bidder5")).code()).isEqualTo("OPENING_RESPONSE_CLOSED"); // withdrew
        String bidder2 = objected.path("responses").get(1).path("bidderId").asString();
        // The tenderee's and the agency's workbench homes list the objection to answer (待办) until it is answered.
        assertThat(todoKinds("tenderee", String.valueOf(t.id()))).contains("opening-objection");
        assertThat(todoKinds("agency", String.valueOf(t.id()))).contains("opening-objection");
        JsonNode answered = api().post(responses + "/" + bidder2 + "/answer", "{\"text\":\"经核对开标记录，报价为 35,700,000.00 元，无误。\"}",
                api().freshToken("tenderee")).json();
        assertThat(answered.path("responses").get(1).path("answer").asString()).contains("无误");
        assertThat(todoKinds("agency", String.valueOf(t.id()))).doesNotContain("opening-objection");
        clock.advance(Duration.ofHours(3));
        assertThat(api().post(responses, "{}", api().freshToken("bidder3")).code()).isEqualTo("OPENING_RESPONSE_CLOSED");

        var verdict = Verifier.run("log", baseUrl());
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
    }

    @Test
    void law28_withFewerThanThreeBidsTheTenderIsNotOpened() throws Exception {
        Tender t = publish();
        assertThat(bid(t, "bidder6", "1000000.00")).isTrue();
        assertThat(bid(t, "bidder7", "1100000.00")).isTrue();
        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        JsonNode opening = api().get("/api/v1/tenders/" + t.id() + "/opening", null).json();
        assertThat(opening.path("status").asString()).isEqualTo("FAILED_TOO_FEW_BIDS");
        assertThat(opening.path("record").asString()).contains("第二十八条").contains("\"validEnvelopes\":2");
        assertThat(release(t, "centre").code()).isEqualTo("OPENING_NOT_READY");
    }

    @Test
    void aWrongShareDoesNotOpenAndTheThirdCustodianCompletesTheKey() throws Exception {
        Tender t = publish();
        for (String b : List.of("bidder1", "bidder3", "bidder4")) {
            assertThat(bid(t, b, "2000000.00")).isTrue();
        }
        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        // The centre releases a share whose value was damaged (right tender, key and index).
        ApiClient api = api();
        String token = api.freshToken("centre");
        String encrypted = api.get("/api/v1/tenders/" + t.id() + "/opening-key/my-share", token).json().path("encryptedShare").asString();
        JsonNode share = new ApiClient.Response(200, "application/json",
                new String(Sm2.decrypt(demoKeyOf("centre"), Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8)).json();
        byte[] value = Base64.getDecoder().decode(share.path("value").asString());
        value[0] ^= 1;
        Map<String, Object> damaged = new LinkedHashMap<>();
        share.properties().forEach(e -> damaged.put(e.getKey(), e.getKey().equals("value")
                ? Base64.getEncoder().encodeToString(value) : e.getValue().isInt() ? e.getValue().asInt() : e.getValue().asString()));
        String damagedJson = org.sunbid.crypto.CanonicalJson.write(damaged);
        assertThat(api.post("/api/v1/tenders/" + t.id() + "/opening/shares", ApiClient.json(Map.of("share", damagedJson)), token)
                .json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        // A share for another index is refused outright.
        damaged.put("index", 3);
        assertThat(api.post("/api/v1/tenders/" + t.id() + "/opening/shares",
                ApiClient.json(Map.of("share", org.sunbid.crypto.CanonicalJson.write(damaged))), token).code()).isEqualTo("SHARE_INVALID");
        // With the supervisor's share — pasted into the workbench page, as printed by the tool — the two do not make the
        // key; the tenderee's completes a good pair.
        String supervisorShare = BidderTool.run("share", "--platform", baseUrl(), "--tender", t.id(), "--user", "supervisor",
                "--password", PASSWORD, "--key", DATA.resolve("demo-keys").resolve(creditCodeOf("supervisor") + ".key.pem").toString())
                .line();
        java.net.http.HttpClient session = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String login = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=supervisor&password=" + PASSWORD + "&_csrf="
                        + csrf(login))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        String pageBody = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/tenders/" + t.id()))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(pageBody).contains("开标密钥保管").contains("share-form");
        var posted = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/tenders/" + t.id()
                        + "/opening/share")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("share=" + java.net.URLEncoder.encode(supervisorShare,
                        StandardCharsets.UTF_8) + "&_csrf=" + csrf(pageBody))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/tenders/" + t.id() + "/opening", null).json().path("sharesReleased").asInt()).isEqualTo(2);
        assertThat(api().get("/api/v1/tenders/" + t.id() + "/opening", null).json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        assertThat(release(t, "tenderee").json().path("status").asString()).isEqualTo("OPENED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'sealing.opening.key-mismatch'"
                + " AND details::json->>'subject' = :t").param("t", t.id()).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The opening minimum is the lot's rule OPENING_MIN at the deadline, not a constant: a single-source lot (政府采购法
     * Art. 31, ZFCG_SINGLE_SOURCE OPENING_MIN = 1) is opened with its one response, where an open tender fails (Law 28,
     * 87号令 Art. 41). The single-source lot is created, its one supplier named and published through the API
     * ({@link ProcurementFlow}); what sealing asks at closing is exactly the lot's procedure and its rules at that instant.
     */
    @Test
    void gpl_art31_aSingleSourceLotIsOpenedWithOneResponse_anOpenTenderWithOneFails() throws Exception {
        ProcurementFlow flow = new ProcurementFlow(this, context);
        String single = flow.lot("ZFCG_SINGLE_SOURCE", "云州市档案馆专用软件升级（单一来源）", "800000.00", "GOODS",
                clock.instant().plus(Duration.ofDays(21)));
        assertThat(flow.name(single, "bidder6").status()).isEqualTo(200);
        assertThat(flow.publish(single).status()).isEqualTo(200);
        String open = procurementLot();
        assertThat(bid(new Tender(single, null, null), "bidder6", "780000.00")).isTrue();
        assertThat(bid(new Tender(open, null, null), "bidder6", "780000.00")).isTrue();
        // both deadlines are 21 days away; closing a day after them leaves the demo's later tenders open for other tests
        clock.set(clock.instant().plus(Duration.ofDays(22)));
        tenders.closeDueTenders();
        JsonNode failed = api().get("/api/v1/tenders/" + open + "/opening", null).json();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED_TOO_FEW_BIDS");
        assertThat(failed.path("record").asString()).contains("财政部令第87号第四十一条").contains("\"minimum\":3");
        assertThat(api().get("/api/v1/tenders/" + single + "/opening", null).json().path("status").asString())
                .isEqualTo("AWAITING_SHARES");
        releaseShare(single, "centre");
        JsonNode opened = releaseShare(single, "supervisor").json();
        assertThat(opened.path("status").asString()).isEqualTo("OPENED");
        assertThat(opened.path("record").asString()).contains("780000.00");
    }

    /** A government procurement open-tender lot (one), published now with a deadline 21 days away; its id. */
    private String procurementLot() {
        ApiClient api = api();
        String agency = api.freshToken("agency");
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG",
                "procedureCode", "ZFCG_OPEN_TENDER", "name", "云州市档案馆专用软件升级", "budget", "800000.00",
                "category", "GOODS", "itemCode", "A02320000", "tendereeId", purchaser,
                "lots", List.of(Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", "软件升级"),
                        Map.entry("category", "货物"), Map.entry("estimatedPrice", "800000.00"), Map.entry("deposit", "10000.00"),
                        Map.entry("qualification", "原软件著作权人"), Map.entry("evaluationMethod", "COMPREHENSIVE"),
                        Map.entry("bidDeadline", deadline.toString()), Map.entry("openingVenue", "第三开标室"),
                        Map.entry("bidValidityDays", 90), Map.entry("documentsAvailableUntil", clock.instant()
                                .plus(Duration.ofDays(8)).toString()),
                        Map.entry("notice", "采购公告正文"))))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency)
                .status()).isEqualTo(200);
        String lot = created.json().path("lots").get(0).path("id").asString();
        ApiClient.Response published = api.publish(lot, agency);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return lot;
    }
}
