package org.sunbid.platform.disclosure.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.TenderPublished;

import tools.jackson.databind.JsonNode;

/**
 * The national exchange over the demo (issue 18, acceptance 3): a replay from a date rebuilds the records of every
 * kind of deal and sends them; the same replay again gives the same records (ids and SM3s), receipts for each, and
 * the sandbox national platform holds each record once. A failing national platform is retried with backoff and the
 * records delivered once.
 */
class NationalExchangeIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    SandboxNationalPlatform sandbox;

    @Autowired
    org.sunbid.platform.deals.Projects projects;

    @AfterEach
    void restore() {
        sandbox.failNext(0);
        clock.set(START);
    }

    private List<String> pairs(JsonNode replay) {
        List<String> out = new ArrayList<>();
        replay.path("items").forEach(i -> out.add(i.path("recordId").asString() + " " + i.path("contentSm3").asString()));
        return out;
    }

    private long undelivered(List<String> pairs) {
        return pairs.stream().filter(p -> jdbc.sql("""
                SELECT COUNT(*) FROM exchange_outbox WHERE record_id = :id AND content_sm3 = :sm3 AND delivered_at IS NULL""")
                .param("id", p.split(" ")[0]).param("sm3", p.split(" ")[1]).query(Long.class).single() > 0).count();
    }

    @Test
    void replayingFromADateTwiceGivesTheSameRecordsWithReceiptsAndTheNationalPlatformHoldsEachOnce() {
        ApiClient api = new ApiClient(baseUrl());
        String body = ApiClient.json(Map.of("from", "2025-01-01"));
        ApiClient.Response first = api.post("/api/v1/exchange/replays", body, api.token("centre"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        List<String> records = pairs(first.json());
        assertThat(records).hasSize(first.json().path("records").asInt()).doesNotHaveDuplicates();
        Set<String> datasets = new HashSet<>();
        first.json().path("items").forEach(i -> datasets.add(i.path("dataset").asString()));
        // every kind of deal on the demo, at every public stage the demo reaches
        assertThat(datasets).contains("GCJS_PROJECT", "GCJS_TENDER_PROJECT", "GCJS_SECTION", "GCJS_NOTICE",
                "GCJS_OPENING_RECORD", "GCJS_EVALUATION_REPORT", "GCJS_WIN_CANDIDATE", "GCJS_RESULT_NOTICE", "ZFCG_NOTICE",
                "TDSYQ_ANNOUNCEMENT");
        assertThat(datasets).anyMatch(d -> d.endsWith("_DEAL_RESULT"));
        // every public project of every kind is there, under its deal code
        Set<String> dealCodes = new HashSet<>();
        first.json().path("items").forEach(i -> dealCodes.add(i.path("dealCode").asString()));
        Set<String> publicDeals = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (int page = 1; ; page++) {
            JsonNode found = api.get("/api/v1/public/projects?size=100&page=" + page, null).json();
            found.path("items").forEach(p -> {
                publicDeals.add(p.path("dealCode").asString());
                kinds.add(p.path("kind").asString());
            });
            if (page >= found.path("pages").asInt()) {
                break;
            }
        }
        assertThat(dealCodes).isEqualTo(publicDeals);
        assertThat(kinds).allSatisfy(k -> assertThat(datasets).contains(k + "_PROJECT"));
        first.json().path("items").forEach(i -> assertThat(i.path("recordId").asString())
                .startsWith(i.path("dataset").asString() + ":" + i.path("dealCode").asString()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> undelivered(records) == 0);
        long held = sandbox.held();
        List<String> receiptsBefore = jdbc.sql("SELECT id::text FROM exchange_receipt").query(String.class).list();

        ApiClient.Response second = api.post("/api/v1/exchange/replays", body, api.token("admin"));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(pairs(second.json())).isEqualTo(records);
        assertThat(second.json().path("recordsSm3").asString()).isEqualTo(first.json().path("recordsSm3").asString());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> undelivered(records) == 0);

        // sent again, received again, held once: the new receipts acknowledge every record as a duplicate
        assertThat(sandbox.held()).isEqualTo(held);
        List<Map<String, Object>> newReceipts = jdbc.sql("""
                SELECT records, accepted, duplicates FROM exchange_receipt WHERE id::text NOT IN (:before)""")
                .param("before", receiptsBefore).query().listOfRows();
        assertThat(newReceipts.stream().mapToInt(r -> ((Number) r.get("records")).intValue()).sum())
                .isEqualTo(records.size());
        assertThat(newReceipts).allSatisfy(r -> assertThat(((Number) r.get("accepted")).intValue()).isZero());
        for (String p : records) {
            String[] idSm3 = p.split(" ");
            assertThat(sandbox.receivedAt(idSm3[0], idSm3[1])).as(p).isNotNull();
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM exchange_outbox o JOIN exchange_receipt r ON r.id = o.receipt_id
                    WHERE o.record_id = :id AND o.content_sm3 = :sm3""").param("id", idSm3[0]).param("sm3", idSm3[1])
                    .query(Long.class).single()).as("receipt of " + p).isEqualTo(1);
        }
        // the receipts as staff list them: the receiving side's id and time, intact
        ApiClient.Response listed = api.get("/api/v1/exchange/receipts", api.token("centre"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isGreaterThanOrEqualTo(newReceipts.size());
        JsonNode r = listed.json().get(0);
        assertThat(r.path("receiverId").asString()).isEqualTo(SandboxNationalPlatform.RECEIVER_ID);
        assertThat(new NationalPlatform.Receipt(java.util.UUID.fromString(r.path("id").asString()),
                r.path("receiverId").asString(), java.time.Instant.parse(r.path("receivedAt").asString()),
                r.path("batchSm3").asString(), r.path("records").asInt(), r.path("accepted").asInt(),
                r.path("duplicates").asInt(), r.path("receiptSm3").asString()).intact()).isTrue();
    }

    @Test
    void aNationalPlatformThatFailsTwiceIsRetriedWithBackoffAndTheRecordsAreDeliveredOnce() {
        outbox.sendDue(); // nothing else pending from earlier work
        sandbox.failNext(2);
        ApiClient api = new ApiClient(baseUrl());
        String lotId = publishTender(api, Duration.ofDays(20), "10000.00").path("id").asString();
        awaitEventsCompleted(TenderPublished.class);
        java.util.UUID lot = java.util.UUID.fromString(lotId);
        String notice = "GCJS_NOTICE:" + projects.ofLot(lot).orElseThrow().lots().stream().filter(l -> l.id().equals(lot))
                .findFirst().orElseThrow().lotCode();
        assertThat(jdbc.sql("SELECT delivered_at IS NULL FROM exchange_outbox WHERE record_id = :id").param("id", notice)
                .query(Boolean.class).single()).isTrue();

        assertThat(outbox.sendDue()).isZero(); // first failure
        Map<String, Object> row = jdbc.sql("SELECT attempts, last_error FROM exchange_outbox WHERE record_id = :id")
                .param("id", notice).query().singleRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT next_attempt_at FROM exchange_outbox WHERE record_id = :id").param("id", notice)
                .query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat((String) row.get("last_error")).contains("told to fail");
        assertThat(outbox.sendDue()).isZero(); // not due yet: nothing sent, the failure not consumed

        clock.advance(Duration.ofSeconds(30));
        assertThat(outbox.sendDue()).isZero(); // second failure, next in 60 s
        assertThat(jdbc.sql("SELECT attempts FROM exchange_outbox WHERE record_id = :id").param("id", notice)
                .query(Integer.class).single()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(60));
        assertThat(outbox.sendDue()).isPositive();

        Map<String, Object> delivered = jdbc.sql("""
                SELECT attempts, delivered_at, receipt_id, last_error, content_sm3 FROM exchange_outbox WHERE record_id = :id""")
                .param("id", notice).query().singleRow();
        assertThat(delivered.get("attempts")).isEqualTo(3);
        assertThat(delivered.get("delivered_at")).isNotNull();
        assertThat(delivered.get("last_error")).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_sandbox_record WHERE record_id = :id").param("id", notice)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT receiver_id FROM exchange_receipt WHERE id = :id").param("id", delivered.get("receipt_id"))
                .query(String.class).single()).isEqualTo(SandboxNationalPlatform.RECEIVER_ID);
    }

    private java.net.http.HttpResponse<String> get(java.net.http.HttpClient session, String path) throws Exception {
        return session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void centreStaffReplayFromTheWorkbenchPageAndSeeTheReceipts() throws Exception {
        java.net.http.HttpClient staff = session("centre");
        var page = get(staff, "/workbench/exchange");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("全国公共资源交易平台数据交换", "V1.0", "href=\"/workbench/exchange\"");
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        long replays = jdbc.sql("SELECT COUNT(*) FROM exchange_replay").query(Long.class).single();
        var posted = staff.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench/exchange/replays"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("from=2026-01-01&_csrf=" + csrf)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        var after = get(staff, "/workbench/exchange");
        assertThat(after.body()).contains("id=\"exchange-replayed\"", "id=\"exchange-receipts\"",
                SandboxNationalPlatform.RECEIVER_ID);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_replay").query(Long.class).single()).isEqualTo(replays + 1);

        java.net.http.HttpClient bidder = session("bidder1");
        assertThat(get(bidder, "/workbench/exchange").statusCode()).isEqualTo(403);
        assertThat(get(bidder, "/workbench").body()).doesNotContain("/workbench/exchange");
    }
}
