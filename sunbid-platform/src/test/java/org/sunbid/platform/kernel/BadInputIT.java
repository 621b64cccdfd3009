package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;

/**
 * Bad input stays cheap: amounts of absurd size are refused in milliseconds on every path; a bidder cannot fill the
 * store by replacing its bid without end, and the files of superseded envelopes go once bidding closes; a zip bomb in
 * a sealed bid is rejected by name at opening while the others open; the web upload carries the price in its body;
 * nobody unknown makes the server read a multipart body. Each refusal changes nothing.
 */
class BadInputIT extends PlatformIT {

    private static final Duration FAST = Duration.ofSeconds(1);

    /** Amounts that cost minutes of CPU (or a 500) once scaled, or are simply not amounts. */
    private static final List<String> BAD_AMOUNTS = List.of("1E+999999999", "1e999999999", "-1", "1.001", "12345678901234567",
            "9".repeat(100_000), "1E-999999999", "0x10", "");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tenders", jdbc.sql("SELECT COUNT(*) FROM tender").query(Long.class).single());
        s.put("lots", jdbc.sql("SELECT COUNT(*) FROM tender_lot").query(Long.class).single());
        s.put("payments", jdbc.sql("SELECT COUNT(*) FROM bank_payment").query(Long.class).single());
        s.put("bids", jdbc.sql("SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM bid_envelope").query(String.class)
                .optional().orElse(""));
        s.put("references", jdbc.sql("SELECT COUNT(*) FROM stored_file_reference").query(Long.class).single());
        s.put("records", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        s.put("log", jdbc.sql("SELECT size FROM log_state").query(Long.class).single());
        return s;
    }

    private String tenderee() {
        return jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
    }

    private UUID demoTender(String code) {
        return jdbc.sql("SELECT id FROM tender WHERE project_code = :c").param("c", code).query(UUID.class).single();
    }

    /** A tender whose given field is {@code amount}, as a JSON string and as a raw JSON number. */
    private List<String> tenderBodies(String field, String amount) {
        String base = org.sunbid.platform.Fixtures.tenderJson(clock.instant(), org.sunbid.platform.Fixtures.projectCode(),
                Duration.ofDays(21), "500000", tenderee());
        String quoted = base.replaceFirst("\"" + field + "\":\"[0-9.]+\"", "\"" + field + "\":\"" + amount + "\"");
        assertThat(quoted).isNotEqualTo(base);
        List<String> out = new java.util.ArrayList<>(List.of(quoted));
        if (!amount.isEmpty() && !amount.startsWith("0x")) {
            out.add(base.replaceFirst("\"" + field + "\":\"[0-9.]+\"", "\"" + field + "\":" + amount));
        }
        return out;
    }

    private static String rawJsonNumberOrString(String amount) {
        return amount.isEmpty() || amount.startsWith("0x") ? "\"" + amount + "\"" : amount;
    }

    @Test
    void absurdAmountsAreRefusedInMillisecondsOnEveryPath() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String agency = api.freshToken("agency");
        String bidder = api.freshToken("bidder1");
        UUID school = demoTender("YZ-2026-GC-0101");
        HttpClient agencyPages = session("agency");
        HttpClient bidderPages = session("bidder1");
        String newTenderPage = agencyPages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/new")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String agencyCsrf = newTenderPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String schoolPage = bidderPages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/" + school)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String bidderCsrf = schoolPage.replaceAll("(?s).*data-csrf=\"([^\"]+)\".*", "$1");
        JsonNode plan = new ApiClient.Response(200, "application/json", org.sunbid.platform.Fixtures.EVALUATION_PLAN).json();
        Map<String, Object> before = state();

        for (String amount : BAD_AMOUNTS) {
            assertTimeoutPreemptively(FAST, () -> {
                // the API: a tender's estimated price, its deposit, a lot's price
                for (String field : List.of("estimatedPrice", "deposit")) {
                    for (String body : tenderBodies(field, amount)) {
                        ApiClient.Response r = api.post("/api/v1/tenders", body, agency);
                        assertThat(r.status()).as(field + " " + abbreviated(amount) + ": " + r.body()).isEqualTo(400);
                        assertThat(r.isProblem()).isTrue();
                    }
                }
                // the sandbox bank transfer (a bidder's deposit; an empty amount means "the deposit due")
                if (!amount.isEmpty()) {
                    ApiClient.Response transfer = api.post("/api/v1/sandbox/bank/transfers",
                            "{\"tenderId\":\"" + school + "\",\"amount\":" + rawJsonNumberOrString(amount) + "}", bidder);
                    assertThat(transfer.status()).as(abbreviated(amount) + ": " + transfer.body()).isBetween(400, 499);
                    assertThat(transfer.isProblem()).isTrue();
                }
                // the price formula preview (public): sample prices and the formula's own numbers
                ApiClient.Response preview = api.post("/api/v1/evaluation-plans/preview", "{\"price\":" + plan.path("price")
                        + ",\"prices\":[\"36000000\"," + rawJsonNumberOrString(amount) + "]}", null);
                assertThat(preview.status()).as(preview.body()).isBetween(400, 499);
                ApiClient.Response formula = api.post("/api/v1/evaluation-plans/preview", "{\"price\":"
                        + plan.path("price").toString().replace("\"maxPoints\":\"40\"", "\"maxPoints\":" + rawJsonNumberOrString(amount))
                        + ",\"prices\":[\"36000000\",\"35000000\"]}", null);
                assertThat(formula.status()).as(formula.body()).isBetween(400, 499);
                // the API's upload sealed on arrival: the price sheet's total
                for (String total : List.of("\"" + amount + "\"", rawJsonNumberOrString(amount))) {
                    HttpResponse<String> apiSealed = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + school
                                    + "/bids/sealed-on-arrival?name=a.txt&priceSheet="
                                    + URLEncoder.encode("{\"totalPrice\":" + total + "}", StandardCharsets.UTF_8)))
                            .header("Authorization", "Bearer " + bidder).header("Content-Type", "application/octet-stream")
                            .POST(HttpRequest.BodyPublishers.ofString("投标文件内容", StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(apiSealed.statusCode()).as(apiSealed.body()).isEqualTo(400);
                }
                // the web form for a new tender: the page again, with the reason in Chinese
                HttpResponse<String> page = agencyPages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + agencyCsrf + "&projectCode=" + org.sunbid.platform.Fixtures.projectCode()
                                + "&name=x&category=%E6%88%BF%E5%B1%8B%E5%BB%BA%E7%AD%91%E5%B7%A5%E7%A8%8B&estimatedPrice="
                                + URLEncoder.encode(amount, StandardCharsets.UTF_8) + "&deposit=1000&evaluationMethod=COMPREHENSIVE"
                                + "&bidDeadline=2026-12-20T09:30&openingVenue=x&bidValidityDays=90&documentsAvailableUntil=2026-11-30T17:00"
                                + "&notice=x&tendereeId=" + tenderee())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isBetween(200, 499);
                assertThat(page.body()).containsAnyOf("金额无效", "未通过校验", "请输入数字", "：必填");
                // the web upload sealed on arrival: the price in the body's form line
                HttpResponse<String> sealed = bidderPages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/"
                                + school + "/bids/sealed-on-arrival")).header("X-CSRF-TOKEN", bidderCsrf)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("name=a.txt&totalPrice=" + URLEncoder.encode(amount, StandardCharsets.UTF_8)
                                + "\n投标文件内容", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(sealed.statusCode()).isEqualTo(302);
            }, "amount " + abbreviated(amount));
        }
        // the page says why, in Chinese
        String after = bidderPages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/" + school))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(after).containsAnyOf("金额无效", "未通过校验", "请输入数字", "：必填");
        // the API says which code
        assertThat(api.post("/api/v1/tenders", tenderBodies("estimatedPrice", "1E+999999999").get(0), agency).code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(state()).isEqualTo(before);
    }

    private static String abbreviated(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…(" + s.length() + ")" : s;
    }

    // ------------------------------------------------------------------------------------------------ sealed bids

    private record Tender(String id, PublicKey key, Instant deadline) {
    }

    private Tender publish() {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode created = publishTender(api, Duration.ofDays(21), "500000");
        String id = created.path("id").asString();
        return new Tender(id, Pem.publicKey(api.get("/api/v1/tenders/" + id + "/opening-key", null).json().path("publicKeyPem").asString()),
                Instant.parse(created.path("bidDeadline").asString()));
    }

    private void registerAndPay(Tender t, String bidder) {
        ApiClient api = new ApiClient(baseUrl());
        api.post("/api/v1/tenders/" + t.id() + "/registrations", "", api.freshToken(bidder));
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", t.id())), api.freshToken(bidder));
    }

    private byte[] seal(Tender t, String bidder, Envelope.ZipWriter content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelope.write(UUID.fromString(t.id()), t.key(), (PrivateKey) demoKeyOf(bidder), demoCertificateOf(bidder),
                clock.instant(), out, content);
        return out.toByteArray();
    }

    private byte[] ordinary(Tender t, String bidder, String price) throws Exception {
        return seal(t, bidder, zip -> {
            zip.putNextEntry(new ZipEntry("price-sheet.json"));
            zip.write(("{\"totalPrice\":\"" + price + "\"}").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("files/投标函.txt"));
            zip.write(("投标函 " + price + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        });
    }

    private ApiClient.Response upload(Tender t, byte[] envelope, String bidder) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/tenders/" + t.id() + "/bids"))
                .header("Authorization", "Bearer " + new ApiClient(baseUrl()).freshToken(bidder))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private Path stored(String sm3) {
        return DATA.resolve("files").resolve(sm3.substring(0, 2)).resolve(sm3);
    }

    @Test
    void aBidIsReplacedAtMostTenTimesAndSupersededFilesGoWhenBiddingClosesWhileTheirRecordsStay() throws Exception {
        Tender t = publish();
        registerAndPay(t, "bidder2");
        for (int i = 0; i <= 10; i++) { // the bid and ten replacements
            ApiClient.Response r = upload(t, ordinary(t, "bidder2", "3500000" + i + ".00"), "bidder2");
            assertThat(r.status()).as(i + ": " + r.body()).isEqualTo(201);
        }
        Map<String, Object> before = state();
        ApiClient.Response eleventh = upload(t, ordinary(t, "bidder2", "34000000.00"), "bidder2");
        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.code()).isEqualTo("BID_REPLACEMENTS_EXHAUSTED");
        assertThat(eleventh.json().path("detail").asString()).contains("10");
        assertThat(state()).isEqualTo(before);

        record Row(String status, String sm3) {
        }
        List<Row> rows = jdbc.sql("SELECT status, envelope_sm3 FROM bid_envelope WHERE tender_id = CAST(:t AS UUID)")
                .param("t", t.id()).query((rs, i) -> new Row(rs.getString(1), rs.getString(2))).list();
        assertThat(rows).hasSize(11);
        assertThat(rows).allSatisfy(r -> assertThat(stored(r.sm3())).exists());

        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        awaitEventsCompleted(org.sunbid.platform.tendering.BiddingClosed.class); // the files go after the closing commits
        // ... through Spring Modulith's event publication registry, which kept the event until the release ran
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%SupersededEnvelopes%'
                AND serialized_event LIKE :t AND completion_date IS NOT NULL""").param("t", "%" + t.id() + "%")
                .query(Long.class).single()).isEqualTo(1);
        List<Row> after = jdbc.sql("SELECT status, envelope_sm3 FROM bid_envelope WHERE tender_id = CAST(:t AS UUID)")
                .param("t", t.id()).query((rs, i) -> new Row(rs.getString(1), rs.getString(2))).list();
        assertThat(after).containsExactlyInAnyOrderElementsOf(rows); // records and hashes stay
        for (Row r : after) {
            assertThat(Files.exists(stored(r.sm3()))).as(r.toString()).isEqualTo(r.status().equals("VALID"));
        }
    }

    /** {@code size} zero bytes, never held in memory. */
    private static java.io.InputStream zeros(long size) {
        return new java.io.InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void aZipBombIsRejectedByNameAtOpeningAndTheOthersOpen() throws Exception {
        Tender t = publish();
        for (String b : List.of("bidder1", "bidder2", "bidder3")) {
            assertThat(sealAndUpload(t.id(), b, "3600000" + b.charAt(6) + ".00")).as(b).isTrue();
        }
        registerAndPay(t, "bidder4");
        byte[] bomb = seal(t, "bidder4", zip -> { // 512 MiB of zeros, deflated into well under a megabyte
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("price-sheet.json"));
            zip.write("{\"totalPrice\":\"35000000.00\"}".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("files/技术标.pdf"));
            zeros(512L << 20).transferTo(zip);
            zip.closeEntry();
        });
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(upload(t, bomb, "bidder4").status()).isEqualTo(201); // sealed: nobody can tell before opening
        registerAndPay(t, "bidder5");
        byte[] hugePrice = seal(t, "bidder5", zip -> { // a price as a JSON number of absurd size
            zip.putNextEntry(new ZipEntry("price-sheet.json"));
            zip.write("{\"totalPrice\":1E+999999999}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        });
        assertThat(upload(t, hugePrice, "bidder5").status()).isEqualTo(201);

        clock.set(t.deadline().plusSeconds(1));
        tenders.closeDueTenders();
        assertThat(releaseShare(t.id(), "centre").json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        JsonNode opened = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> releaseShare(t.id(), "supervisor").json());
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");
        JsonNode record = new ApiClient.Response(200, "application/json", opened.path("record").asString()).json();
        Map<String, JsonNode> byBidder = new LinkedHashMap<>();
        String bidder4 = jdbc.sql("SELECT bidder_id FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) AND received_by = 'bidder4'")
                .param("t", t.id()).query(String.class).single();
        String bidder5 = jdbc.sql("SELECT bidder_id FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) AND received_by = 'bidder5'")
                .param("t", t.id()).query(String.class).single();
        record.path("bids").forEach(b -> byBidder.put(b.path("bidderId").asString(), b));
        assertThat(byBidder).hasSize(5);
        assertThat(byBidder.get(bidder4).path("status").asString()).isEqualTo("REJECTED");
        assertThat(byBidder.get(bidder4).path("defect").asString()).isEqualTo("ZIP_BOMB");
        assertThat(byBidder.get(bidder5).path("status").asString()).isEqualTo("REJECTED");
        assertThat(byBidder.get(bidder5).path("defect").asString()).isEqualTo("UNACCEPTABLE_CONTENT");
        assertThat(byBidder.values().stream().filter(b -> b.path("status").asString().equals("OPENED")).count()).isEqualTo(3);
        String bombId = byBidder.get(bidder4).path("bidId").asString();
        assertThat(DATA.resolve("opened").resolve(t.id()).resolve(bombId)).doesNotExist(); // what was unpacked is gone
    }

    // --------------------------------------------------------------------------------------------------- the web

    @Test
    void theWebUploadSendsThePriceInItsBodyNeverInTheUrl() throws Exception {
        String script = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/js/seal-upload.js")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(script).contains("fetch(form.action, {").doesNotContain("'?'");

        Tender t = publish();
        registerAndPay(t, "bidder2");
        HttpClient pages = session("bidder2");
        String csrf = pages.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/tenders/" + t.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll("(?s).*data-csrf=\"([^\"]+)\".*", "$1");
        String action = baseUrl() + "/workbench/tenders/" + t.id() + "/bids/sealed-on-arrival";
        // the old way, the price in the URL, is not read
        Map<String, Object> before = state();
        HttpResponse<String> inUrl = pages.send(HttpRequest.newBuilder(URI.create(action + "?name=a.txt&totalPrice=31000000.00"))
                .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("投标文件内容")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inUrl.statusCode()).isEqualTo(302);
        assertThat(state()).isEqualTo(before);
        // in the body it is
        HttpResponse<String> inBody = pages.send(HttpRequest.newBuilder(URI.create(action)).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + URLEncoder.encode("投标文件.txt", StandardCharsets.UTF_8)
                        + "&totalPrice=31000000.00&durationDays=480&projectManager=" + URLEncoder.encode("王建设", StandardCharsets.UTF_8)
                        + "\n投标文件内容", StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inBody.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) AND status = 'VALID'")
                .param("t", t.id()).query(Long.class).single()).isEqualTo(1);
    }

    /** Sends the head of a multipart POST declaring {@code declared} bytes and 64 KiB of it; the status line, or null. */
    private String multipartHead(String path, long declared, String cookie) throws Exception {
        URI base = URI.create(baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " + declared + "\r\n\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"envelope\"; filename=\"bid.sbenv\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]); // and never the rest
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            try {
                return in.readLine();
            } catch (java.net.SocketTimeoutException e) {
                return null; // the server waits for the body it means to parse
            }
        }
    }

    @Test
    void nobodyUnknownMakesTheServerReadAMultipartBodyAndNobodyBeyondTheRoutesLimit() throws Exception {
        UUID school = demoTender("YZ-2026-GC-0101");
        Map<String, Object> before = state();
        for (String path : List.of("/workbench/tenders/" + school + "/bids", "/workbench/tenders/" + school + "/documents",
                "/login", "/workbench/evaluations/" + school + "/contract")) {
            long start = System.nanoTime();
            String status = multipartHead(path, 512L << 20, null);
            assertThat(status).as(path).isNotNull().contains(" 401");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        // signed in, but declaring more than the route takes
        HttpClient pages = session("bidder1");
        HttpCookie cookie = ((CookieManager) pages.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        String status = multipartHead("/workbench/tenders/" + school + "/bids", 3L << 30, "JSESSIONID=" + cookie.getValue());
        assertThat(status).isNotNull().contains(" 413");
        // signed in, but in a role that uploads no bids
        HttpCookie agency = ((CookieManager) session("agency").cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(multipartHead("/workbench/tenders/" + school + "/bids", 512L << 20, "JSESSIONID=" + agency.getValue()))
                .isNotNull().contains(" 403");
        assertThat(state()).isEqualTo(before);
    }
}
