package org.sunbid.platform.disclosure.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.ConfidentialRecords;
import tools.jackson.databind.JsonNode;

/**
 * The statistics on the demo (issue 18, acceptance 1's statistics): the API's figures equal what the portal's own
 * lists and result pages give, the CSV holds exactly the JSON's tables, bad parameters are problem+json with a stable
 * code, and a lot still taking registrations says nothing about its bidders.
 */
class StatisticsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConfidentialRecords confidential;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** Every published lot the portal's project list gives for {@code query} (all pages), as its JSON rows. */
    private List<JsonNode> portalLots(String query) {
        List<JsonNode> lots = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode found = api().get("/api/v1/public/projects?size=100&page=" + page + query, null).json();
            found.path("items").forEach(p -> p.path("lots").forEach(l -> lots.add(withKind(l, p.path("kind").asString()))));
            if (page >= found.path("pages").asInt()) {
                return lots;
            }
        }
    }

    private static JsonNode withKind(JsonNode lot, String kind) {
        ((tools.jackson.databind.node.ObjectNode) lot).put("kind", kind);
        return lot;
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private JsonNode statistics(String query) {
        ApiClient.Response r = api().get("/api/v1/statistics?" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            if (r.path("key").asString().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    @Test
    void theFiguresAreThoseThePortalsListsAndResultsGive() {
        JsonNode all = statistics("");
        List<JsonNode> lots = portalLots("");
        assertThat(lots).isNotEmpty();
        // lots: every lot the portal lists, and by kind the lots the portal lists of that kind
        assertThat(all.path("total").path("lots").asInt()).isEqualTo(lots.size());
        for (JsonNode kind : all.path("byKind")) {
            assertThat(kind.path("lots").asInt()).as(kind.path("key").asString())
                    .isEqualTo(portalLots("&kind=" + kind.path("key").asString()).size());
        }
        // construction deals: the lots the list shows awarded or contracted, and their value the sum of the winners'
        // prices on the public award (hand-picked: the demo has construction deals)
        List<JsonNode> awarded = lots.stream().filter(l -> l.path("kind").asString().equals("GCJS"))
                .filter(l -> List.of("AWARDED", "CONTRACTED").contains(l.path("status").asString())).toList();
        assertThat(awarded).isNotEmpty();
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal budgets = BigDecimal.ZERO;
        for (JsonNode l : awarded) {
            JsonNode award = api().get("/api/v1/tenders/" + l.path("id").asString() + "/award", null).json();
            BigDecimal price = new BigDecimal(award.path("winner").path("price").asString());
            value = value.add(price);
            budgets = budgets.add(new BigDecimal(l.path("budget").asString()));
        }
        JsonNode gcjs = row(all.path("byKind"), "GCJS");
        assertThat(gcjs.path("deals").asInt()).isEqualTo(awarded.size());
        assertThat(new BigDecimal(gcjs.path("value").asString())).isEqualByComparingTo(value);
        assertThat(new BigDecimal(gcjs.path("savings").asString())).isEqualByComparingTo(budgets.subtract(value));
        assertThat(new BigDecimal(gcjs.path("savingsRate").asString())).isEqualByComparingTo(budgets.subtract(value)
                .multiply(BigDecimal.valueOf(100)).divide(budgets, 2, java.math.RoundingMode.HALF_UP));
        // failed construction and procurement lots: those the list shows failed or terminated
        long failed = lots.stream().filter(l -> List.of("GCJS", "ZFCG").contains(l.path("kind").asString()))
                .filter(l -> List.of("FAILED", "TERMINATED").contains(l.path("status").asString())).count();
        assertThat(row(all.path("byKind"), "GCJS").path("failed").asInt() + (all.path("byKind").toString().contains("\"ZFCG\"")
                ? row(all.path("byKind"), "ZFCG").path("failed").asInt() : 0)).isEqualTo((int) failed);
    }

    @Test
    void aRegionsFiguresHoldItsSubtreeAndItsRowsLeadDown() {
        JsonNode top = statistics("");
        // one root (示范省): its children are the rows, and the trail starts at the root
        assertThat(top.path("trail").get(0).path("code").asString()).isEqualTo("990000");
        JsonNode city = statistics("region=990100");
        assertThat(city.path("trail").toString()).contains("990000", "990100");
        assertThat(city.path("total").path("lots").asInt()).isEqualTo(portalLots("&region=990100").size());
        int sum = 0;
        for (JsonNode r : city.path("byRegion")) {
            JsonNode down = statistics("region=" + r.path("key").asString());
            if (!r.path("key").asString().equals("990100")) {
                // a child's row is the child's own statistics: its whole subtree
                assertThat(r).isEqualTo(withName(down.path("total"), r.path("name").asString(), r.path("key").asString()));
                assertThat(r.path("lots").asInt()).isEqualTo(portalLots("&region=" + r.path("key").asString()).size());
            }
            sum += r.path("lots").asInt();
        }
        assertThat(sum).isEqualTo(city.path("total").path("lots").asInt());
    }

    private static JsonNode withName(JsonNode row, String name, String key) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) row.deepCopy();
        copy.put("name", name);
        copy.put("key", key);
        return copy;
    }

    @Test
    void theCsvHoldsTheJsonsTablesRowForRow() {
        JsonNode json = statistics("region=990100");
        byte[] bytes = api().bytes("/api/v1/statistics.csv?region=990100", null);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n");
        List<List<String>> csv = org.sunbid.platform.CsvText.parse(text);
        assertThat(csv.get(0)).first().isEqualTo("表");
        List<List<String>> expected = new ArrayList<>();
        expected.add(fields("total", json.path("total")));
        for (String table : List.of("kind", "region", "month", "procedure")) {
            String field = "by" + Character.toUpperCase(table.charAt(0)) + table.substring(1);
            json.path(field).forEach(r -> expected.add(fields(table, r)));
        }
        assertThat(csv.subList(1, csv.size())).isEqualTo(expected);
        // ?format=csv is the same file
        assertThat(api().bytes("/api/v1/statistics?format=csv&region=990100", null)).isEqualTo(bytes);
    }

    private static List<String> fields(String table, JsonNode r) {
        List<String> out = new ArrayList<>(List.of(table));
        for (String c : StatisticsCsv.COLUMNS.subList(1, StatisticsCsv.COLUMNS.size())) {
            out.add(r.path(c).isNull() ? "" : r.path(c).asString());
        }
        return out;
    }

    @Test
    void badParametersAreProblemsWithAStableCode() {
        assertThat(api().get("/api/v1/statistics?region=000000", null).code()).isEqualTo("DISCLOSURE_UNKNOWN_REGION");
        assertThat(api().get("/api/v1/statistics?kind=XYZ", null).code()).isEqualTo("DEALS_UNKNOWN_KIND");
        assertThat(api().get("/api/v1/statistics?from=2026-12-01&to=2026-11-01", null).code())
                .isEqualTo("DISCLOSURE_BAD_DATE_RANGE");
        assertThat(api().get("/api/v1/statistics?from=yesterday", null).code()).isEqualTo("INVALID_PARAMETER");
        ApiClient.Response format = api().get("/api/v1/statistics?format=xlsx", null);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.contentType()).startsWith("application/problem+json");
        assertThat(format.code()).isEqualTo("STATISTICS_UNKNOWN_FORMAT");
        assertThat(api().get("/api/v1/statistics.csv?region=000000", null).code()).isEqualTo("DISCLOSURE_UNKNOWN_REGION");
    }

    @Test
    void aTerminatedTenderIsAFailedLotWithItsReason() {
        JsonNode before = statistics("kind=GCJS");
        ApiClient client = api();
        String tenderId = publishTender(client, java.time.Duration.ofDays(21), "10000.00").path("id").asString();
        ApiClient.Response terminated = client.post("/api/v1/tenders/" + tenderId + "/terminate",
                "{\"text\":\"项目取消（统计测试）\"}", client.token("agency"));
        assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
        assertThat(portalLots("&kind=GCJS").stream().filter(l -> l.path("id").asString().equals(tenderId)).findFirst()
                .orElseThrow().path("status").asString()).isEqualTo("TERMINATED");
        JsonNode after = statistics("kind=GCJS");
        assertThat(after.path("total").path("lots").asInt()).isEqualTo(before.path("total").path("lots").asInt() + 1);
        assertThat(after.path("total").path("failed").asInt()).isEqualTo(before.path("total").path("failed").asInt() + 1);
        assertThat(after.path("total").path("deals").asInt()).isEqualTo(before.path("total").path("deals").asInt());
        assertThat(count(after, "TERMINATED")).isEqualTo(count(before, "TERMINATED") + 1);
    }

    private static int count(JsonNode statistics, String reason) {
        for (JsonNode f : statistics.path("failures")) {
            if (f.path("reason").asString().equals(reason)) {
                return f.path("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void aLotStillTakingRegistrationsSaysNothingAboutItsBidders() {
        // a tender of its own (published now, taking registrations until its deadline in 21 days), so that no other
        // test's registrations are touched; it is counted as a lot at once
        int lotsBefore = statistics("").path("total").path("lots").asInt();
        ApiClient client = api();
        String tenderId = publishTender(client, java.time.Duration.ofDays(21), "10000.00").path("id").asString();
        assertThat(statistics("").path("total").path("lots").asInt()).isEqualTo(lotsBefore + 1);
        String region = jdbc.sql("SELECT region_code FROM tender WHERE id = CAST(:t AS UUID)").param("t", tenderId)
                .query(String.class).single();
        confidential.commit();
        String query = "region=" + region;
        String jsonBefore = api().get("/api/v1/statistics?" + query, null).body();
        byte[] csvBefore = api().bytes("/api/v1/statistics.csv?" + query, null);
        String allBefore = api().get("/api/v1/statistics", null).body();
        assertThat(jsonBefore).contains("\"lots\"");
        for (String bidder : List.of("bidder3", "bidder4")) {
            ApiClient.Response r = client.post("/api/v1/tenders/" + tenderId + "/registrations", "", client.freshToken(bidder));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        confidential.commit();
        assertThat(api().get("/api/v1/statistics?" + query, null).body()).isEqualTo(jsonBefore);
        assertThat(api().bytes("/api/v1/statistics.csv?" + query, null)).isEqualTo(csvBefore);
        assertThat(api().get("/api/v1/statistics", null).body()).isEqualTo(allBefore);
    }
}
