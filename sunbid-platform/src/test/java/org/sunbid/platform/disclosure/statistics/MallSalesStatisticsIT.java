package org.sunbid.platform.disclosure.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

import tools.jackson.databind.JsonNode;

/**
 * The e-mall's sales on the portal's statistics page (issue 22: "sales statistics per supplier, buyer, category and
 * region feed the statistics page"): orders placed here over HTTP move the page's and the API's e-mall figures by
 * exactly their totals — in their category, in the buyer's region and its parents, in the dates they were placed —
 * an order refused at acceptance counts nowhere, and a filter mall orders cannot match (a procedure, another kind)
 * shows no e-mall figures rather than wrong ones.
 */
class MallSalesStatisticsIT extends PlatformIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String SM3 = "0123456789abcdef".repeat(4);

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient("http://localhost:" + port);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING);
    }

    private JsonNode mall(String query) {
        ApiClient.Response r = api().get("/api/v1/statistics?" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("mall");
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            if (r.path("key").asString().equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static BigDecimal total(JsonNode node) {
        return node == null ? BigDecimal.ZERO : new BigDecimal(node.path("total").asString());
    }

    private static long orders(JsonNode node) {
        return node == null ? 0 : node.path("orders").asLong();
    }

    /** A fresh category (its own code), a listing of bidder1 in it at {@code price}, approved by the centre. */
    private String[] approvedListing(ApiClient a, String price) {
        String suffix = String.valueOf(100000 + (int) (Math.random() * 899999));
        ApiClient.Response c = a.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "ST-" + suffix, "name",
                "统计测试打印机" + suffix, "itemCode", "A02" + suffix, "unit", "台", "attributes", List.of("幅面"),
                "policy", "NONE")), a.freshToken("centre"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryId", c.json().path("id").asString());
        body.put("productName", "激光打印机 统计" + suffix);
        body.put("brand", "奔图");
        body.put("model", "P" + suffix);
        body.put("specs", Map.of("幅面", "A4"));
        body.put("price", price);
        body.put("evidence", List.of(
                Map.of("kind", "MANUFACTURER", "price", price, "source", "https://www.pantum.com/ 官方价目表",
                        "observedOn", today().toString(), "fileSm3", SM3),
                Map.of("kind", "ECOMMERCE", "price", price, "source", "https://item.jd.com/ 京东自营",
                        "observedOn", today().toString(), "fileSm3", SM3)));
        ApiClient.Response l = a.post("/api/v1/mall/listings", ApiClient.json(body), a.freshToken("bidder1"));
        assertThat(l.status()).as(l.body()).isEqualTo(201);
        String id = l.json().path("id").asString();
        ApiClient.Response ok = a.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"APPROVE\"}", a.freshToken("centre"));
        assertThat(ok.json().path("status").asString()).as(ok.body()).isEqualTo("APPROVED");
        return new String[] {id, "ST-" + suffix, "统计测试打印机" + suffix + "（A02" + suffix + "）"};
    }

    private JsonNode order(ApiClient a, String listing, int quantity, String token) {
        ApiClient.Response r = a.post("/api/v1/mall/orders", ApiClient.json(Map.of("listingId", listing, "quantity", quantity)), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void ordersPlacedMoveTheStatisticsPagesMallFiguresByExactlyTheirTotals() throws Exception {
        ApiClient a = api();
        String buyerRegion = jdbc.sql("""
                SELECT o.region_code FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = 'tenderee'""")
                .query(String.class).single();
        String buyerPath = jdbc.sql("SELECT path FROM region WHERE code = :c").param("c", buyerRegion).query(String.class).single();
        String buyerName = jdbc.sql("""
                SELECT o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = 'tenderee'""")
                .query(String.class).single();
        String day = today().toString();
        JsonNode all = mall("");
        JsonNode inRegion = mall("region=" + buyerRegion);
        JsonNode onTheDay = mall("from=" + day + "&to=" + day);
        assertThat(all.isObject()).as("the e-mall section is there with no filter").isTrue();

        String[] listing = approvedListing(a, "1299.00");
        String token = a.freshToken("tenderee");
        order(a, listing[0], 2, token); // 2,598.00
        order(a, listing[0], 5, token); // 6,495.00
        JsonNode refused = order(a, listing[0], 7, token);
        ApiClient.Response rejected = a.post("/api/v1/mall/orders/" + refused.path("id").asString() + "/acceptance",
                ApiClient.json(Map.of("passed", false, "note", "到货型号与订单不符，验收不合格")), token);
        assertThat(rejected.json().path("status").asString()).as(rejected.body()).isEqualTo("REJECTED");
        BigDecimal placed = new BigDecimal("9093.00");

        // the totals, every region: two more orders, their sum; the refused one nowhere
        JsonNode after = mall("");
        assertThat(after.path("orders").asLong()).isEqualTo(all.path("orders").asLong() + 2);
        assertThat(total(after)).isEqualByComparingTo(total(all).add(placed));
        // the category is the test's own: exactly these orders
        JsonNode category = row(after.path("byCategory"), listing[1]);
        assertThat(category).as(after.path("byCategory").toString()).isNotNull();
        assertThat(orders(category)).isEqualTo(2);
        assertThat(total(category)).isEqualByComparingTo(placed);
        assertThat(category.path("name").asString()).isEqualTo(listing[2]);
        // the region rows: the child of the root holding the buyer's region grew by them, and the rows add up to the total
        JsonNode grown = null;
        for (JsonNode r : after.path("byRegion")) {
            String path = jdbc.sql("SELECT path FROM region WHERE code = :c").param("c", r.path("key").asString())
                    .query(String.class).single();
            if (buyerPath.startsWith(path)) {
                grown = r;
            }
        }
        assertThat(grown).as(after.path("byRegion").toString()).isNotNull();
        JsonNode was = row(all.path("byRegion"), grown.path("key").asString());
        assertThat(orders(grown)).isEqualTo(orders(was) + 2);
        assertThat(total(grown)).isEqualByComparingTo(total(was).add(placed));
        assertThat(sum(after.path("byRegion"))).isEqualByComparingTo(total(after));
        // the buyer's own region (its subtree): the same two orders more
        JsonNode region = mall("region=" + buyerRegion);
        assertThat(region.path("orders").asLong()).isEqualTo(inRegion.path("orders").asLong() + 2);
        assertThat(total(region)).isEqualByComparingTo(total(inRegion).add(placed));
        assertThat(sum(region.path("byRegion"))).isEqualByComparingTo(total(region));
        // the buyer is among the buyers with its orders; the supplier's count holds them too
        JsonNode buyer = null;
        for (JsonNode b : region.path("topBuyers")) {
            if (b.path("name").asString().equals(buyerName)) {
                buyer = b;
            }
        }
        if (buyer != null) {
            JsonNode before = null;
            for (JsonNode b : inRegion.path("topBuyers")) {
                if (b.path("name").asString().equals(buyerName)) {
                    before = b;
                }
            }
            assertThat(orders(buyer)).isEqualTo(orders(before) + 2);
        }
        // the dates: the day they were placed counts them, the next day does not
        JsonNode day2 = mall("from=" + day + "&to=" + day);
        assertThat(day2.path("orders").asLong()).isEqualTo(onTheDay.path("orders").asLong() + 2);
        assertThat(row(day2.path("byCategory"), listing[1])).isNotNull();
        String next = today().plusDays(1).toString();
        assertThat(row(mall("from=" + next).path("byCategory"), listing[1])).isNull();
        assertThat(row(mall("to=" + today().minusDays(1)).path("byCategory"), listing[1])).isNull();
        // filters mall orders cannot match: no e-mall figures; 政府采购 is the mall's kind
        assertThat(mall("kind=GCJS").isNull()).isTrue();
        assertThat(mall("procedure=ZFCG_OPEN_TENDER").isNull()).isTrue();
        assertThat(mall("kind=ZFCG")).isEqualTo(after);

        // the page shows the same figures, and links to the mall's own statistics (which links back)
        String page = page("/statistics");
        assertThat(page).contains("id=\"section-mall\"").contains("id=\"mall-orders\">" + after.path("orders").asLong() + "<")
                .contains(listing[2]).contains("9,093.00").contains("href=\"/mall/statistics\"");
        assertThat(page("/statistics?kind=GCJS")).contains("id=\"mall-not-applicable\"");
        assertThat(page("/mall/statistics")).contains("href=\"/statistics#section-mall\"").contains(listing[2]);
    }

    private static BigDecimal sum(JsonNode rows) {
        BigDecimal s = BigDecimal.ZERO;
        for (JsonNode r : rows) {
            s = s.add(total(r));
        }
        return s;
    }

    private String page(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
