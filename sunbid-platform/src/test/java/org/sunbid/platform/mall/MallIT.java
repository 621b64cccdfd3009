package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;

import tools.jackson.databind.JsonNode;

/**
 * The e-mall end to end over HTTP on the real application (issue 22, acceptance 2 and 3): a category, listings refused
 * above their evidence (the comparison in the problem) or as bait or duplicates, reviewed, ordered directly and by
 * comparison, accepted and paid — an unpaid order flagged once overdue, a later price-cap breach suspending the listing
 * with a warning, split orders flagged by supervision's check, a credit-restricted supplier refused at both gates.
 */
class MallIT extends PlatformIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String SM3 = "0123456789abcdef".repeat(4);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MallOrders orders;

    @Autowired
    CreditRecords records;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private final Map<String, String> tokens = new java.util.HashMap<>();

    /** A token valid at the test clock's time (the clock moves days ahead in some tests; tokens expire). */
    private String token(String username) {
        return tokens.computeIfAbsent(username + "@" + clock.instant(), k -> api.freshToken(username));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING);
    }

    /** A fresh category with its own 品目 code (so other tests' orders never join its split check). */
    private JsonNode category() {
        String suffix = String.valueOf(100000 + (int) (Math.random() * 899999));
        ApiClient.Response r = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "PC-" + suffix, "name",
                "台式计算机" + suffix, "itemCode", "A02" + suffix, "unit", "台", "attributes", List.of("CPU", "内存"),
                "policy", "NONE")), token("centre"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Map<String, Object> listing(JsonNode category, String model, String price, String manufacturer, String ecommerce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryId", category.path("id").asString());
        body.put("productName", "台式计算机 " + model);
        body.put("brand", "联想");
        body.put("model", model);
        body.put("specs", Map.of("CPU", "i7-14700", "内存", "16GB"));
        body.put("price", price);
        body.put("evidence", List.of(
                Map.of("kind", "MANUFACTURER", "price", manufacturer, "source", "https://www.lenovo.com.cn/ 官方价目表",
                        "observedOn", today().minusDays(2).toString(), "fileSm3", SM3),
                Map.of("kind", "ECOMMERCE", "price", ecommerce, "source", "https://item.jd.com/ 京东自营",
                        "observedOn", today().toString(), "fileSm3", SM3)));
        return body;
    }

    private ApiClient.Response submit(Map<String, Object> body, String supplier) {
        return api.post("/api/v1/mall/listings", ApiClient.json(body), token(supplier));
    }

    private String approved(JsonNode category, String supplier, String model, String price) {
        ApiClient.Response r = submit(listing(category, model, price, "5299.00", "4999.00"), supplier);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        ApiClient.Response ok = api.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"APPROVE\"}", token("centre"));
        assertThat(ok.json().path("status").asString()).as(ok.body()).isEqualTo("APPROVED");
        return id;
    }

    private ApiClient.Response order(String listingId, int quantity) {
        return api.post("/api/v1/mall/orders", ApiClient.json(Map.of("listingId", listingId, "quantity", quantity)),
                token("tenderee"));
    }

    @Test
    void listingAboveItsEvidence_isRefusedWithTheComparison_baitAndDuplicatesToo_thenReviewed() {
        JsonNode category = category();
        ApiClient.Response above = submit(listing(category, "M90t", "5100.00", "5299.00", "4999.00"), "bidder1");
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.isProblem()).isTrue();
        assertThat(above.code()).isEqualTo("LISTING_PRICE_ABOVE_EVIDENCE");
        // the comparison is in the message: the price, the cap, both pieces of evidence
        assertThat(above.json().path("detail").asString()).contains("5,100.00").contains("4,999.00").contains("5,299.00");

        ApiClient.Response bait = submit(listing(category, "M90t", "2000.00", "5299.00", "4999.00"), "bidder1");
        assertThat(bait.code()).isEqualTo("LISTING_BAIT_PRICE");
        Map<String, Object> reasoned = listing(category, "M90t", "2000.00", "5299.00", "4999.00");
        reasoned.put("lowPriceReason", "厂商年终清仓，至 2026-12-31");
        reasoned.put("model", "M90t-清仓");
        assertThat(submit(reasoned, "bidder1").status()).isEqualTo(201);

        Map<String, Object> noEvidence = listing(category, "M70q", "4000.00", "5299.00", "4999.00");
        noEvidence.put("evidence", List.of());
        assertThat(submit(noEvidence, "bidder1").code()).isEqualTo("LISTING_EVIDENCE_MISSING");

        ApiClient.Response first = submit(listing(category, "M90t", "4999.00", "5299.00", "4999.00"), "bidder1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(first.json().path("history").size()).isEqualTo(1);
        Map<String, Object> twin = listing(category, " m90T ", "4900.00", "5299.00", "4999.00");
        twin.put("productName", "另一个名字的同一台电脑");
        ApiClient.Response duplicate = submit(twin, "bidder1");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("LISTING_DUPLICATE");
        // another supplier may list the same product
        assertThat(submit(listing(category, "M90t", "4950.00", "5299.00", "4999.00"), "bidder2").status()).isEqualTo(201);

        String id = first.json().path("id").asString();
        String cat = category.path("id").asString();
        assertThat(api.get("/api/v1/mall/listings?category=" + cat, null).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/mall/listings/" + id, null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"APPROVE\"}", token("bidder1")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"RETURN\"}", token("centre")).code())
                .isEqualTo("MALL_FIELD_INVALID");
        ApiClient.Response returned = api.post("/api/v1/mall/listings/" + id + "/review",
                ApiClient.json(Map.of("decision", "RETURN", "reason", "规格参数缺少硬盘容量")), token("centre"));
        assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().path("statusReason").asString()).isEqualTo("规格参数缺少硬盘容量");
        // corrected: back to review, the price change kept
        ApiClient.Response corrected = api.post("/api/v1/mall/listings/" + id + "/price", "{\"price\":\"4899.00\"}", token("bidder1"));
        assertThat(corrected.json().path("status").asString()).as(corrected.body()).isEqualTo("PENDING");
        assertThat(corrected.json().path("history").size()).isEqualTo(2);
        ApiClient.Response approved = api.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"APPROVE\"}", token("centre"));
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/mall/listings?category=" + cat, null).body()).contains(id);
        assertThat(api.get("/api/v1/mall/listings/" + id, null).json().path("evidence").size()).isEqualTo(2);
    }

    @Test
    void directOrder_acceptance_payment_andAnUnpaidOrderFlaggedOnceOverdue() {
        JsonNode category = category();
        String listing = approved(category, "bidder1", "M90t", "4999.00");

        ApiClient.Response tooMuch = order(listing, 41); // 204,959.00 > 200,000.00
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("MALL_DIRECT_LIMIT_EXCEEDED");
        assertThat(order(listing, 2).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/mall/orders", ApiClient.json(Map.of("listingId", listing, "quantity", 1)), token("bidder1"))
                .status()).isEqualTo(403);
        ApiClient.Response placed = order(listing, 10);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode o = placed.json();
        assertThat(o.path("status").asString()).isEqualTo("PLACED");
        assertThat(o.path("total").decimalValue()).isEqualByComparingTo("49990.00");
        assertThat(o.path("contractPublishedAt").asString()).isNotEmpty();
        String id = o.path("id").asString();
        assertThat(api.post("/api/v1/mall/orders/" + id + "/payment", "{}", token("tenderee")).code())
                .isEqualTo("MALL_ORDER_STATE_INVALID");

        clock.advance(Duration.ofDays(3));
        ApiClient.Response accepted = api.post("/api/v1/mall/orders/" + id + "/acceptance",
                ApiClient.json(Map.of("passed", true, "note", "10 台到货，型号配置与订单一致，开机测试正常")), token("tenderee"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        LocalDate due = today().plusDays(30);
        assertThat(accepted.json().path("paymentDue").asString()).isEqualTo(due.toString());
        // the supplier sees its order; another buyer does not
        assertThat(api.get("/api/v1/mall/orders/" + id, token("bidder1")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/mall/orders/" + id, token("tenderee2")).status()).isEqualTo(404);

        clock.set(due.atTime(23, 0).atZone(BEIJING).toInstant());
        orders.flagOverduePayments();
        assertThat(warnings("overdue", "mall-payment:" + id)).isZero(); // the due day itself is in time
        clock.set(due.plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant());
        assertThat(orders.flagOverduePayments()).isPositive();
        assertThat(warnings("overdue", "mall-payment:" + id)).isEqualTo(1);
        orders.flagOverduePayments();
        assertThat(warnings("overdue", "mall-payment:" + id)).isEqualTo(1); // once
        JsonNode overdue = api.get("/api/v1/mall/orders/" + id, token("tenderee")).json();
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(overdue.path("overdueFlaggedAt").asString()).isNotEmpty();

        ApiClient.Response paid = api.post("/api/v1/mall/orders/" + id + "/payment", "{}", token("tenderee"));
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().path("overdue").asBoolean()).isFalse();
        // paid one day late: 保障中小企业款项支付条例 Art. 17, 万分之五 a day on 49,990.00 = 24.995 → 25.00, in the record
        String record = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'mall.order.paid' AND details::json->>'subject' = :t
                UNION ALL
                SELECT payload FROM log_pending WHERE details::json->>'action' = 'mall.order.paid' AND details::json->>'subject' = :t
                """).param("t", id).query(String.class).single();
        assertThat(record).contains("lateInterest").contains("25.00");
    }

    @Test
    void newEvidenceAboveTheListedPrice_flagsTheListing_suspendedUntilCorrected() {
        JsonNode category = category();
        String listing = approved(category, "bidder1", "M90t", "4999.00");
        ApiClient.Response cheaper = api.post("/api/v1/mall/listings/" + listing + "/evidence", ApiClient.json(Map.of(
                "kind", "ECOMMERCE", "price", "4599.00", "source", "https://item.jd.com/ 京东自营 双十二", "observedOn",
                today().toString(), "fileSm3", SM3)), token("centre"));
        assertThat(cheaper.status()).as(cheaper.body()).isEqualTo(201);
        assertThat(cheaper.json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(cheaper.json().path("statusReason").asString()).contains("4,999.00").contains("4,599.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_warning WHERE source = 'mall-price' AND source_key LIKE :k")
                .param("k", "listing:" + listing + ":%").query(Long.class).single()).isEqualTo(1);
        ApiClient.Response refused = order(listing, 1);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("LISTING_NOT_ORDERABLE");
        assertThat(api.get("/api/v1/mall/listings?category=" + category.path("id").asString(), null).body()).doesNotContain(listing);

        assertThat(api.post("/api/v1/mall/listings/" + listing + "/price", "{\"price\":\"4699.00\"}", token("bidder1")).code())
                .isEqualTo("LISTING_PRICE_ABOVE_EVIDENCE");
        ApiClient.Response corrected = api.post("/api/v1/mall/listings/" + listing + "/price", "{\"price\":\"4599.00\"}", token("bidder1"));
        assertThat(corrected.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(corrected.json().path("history").size()).isEqualTo(2);
        api.post("/api/v1/mall/listings/" + listing + "/review", "{\"decision\":\"APPROVE\"}", token("centre"));
        assertThat(order(listing, 1).status()).isEqualTo(201);
    }

    @Test
    void comparison_lowestOfThreeWins_andSplitOrdersAreFlaggedBySupervision() {
        JsonNode category = category();
        String a = approved(category, "bidder1", "M90t", "4999.00");
        String b = approved(category, "bidder2", "M90t", "4899.00");
        String c = approved(category, "bidder4", "M90t", "4950.00");
        ApiClient.Response two = api.post("/api/v1/mall/comparisons", ApiClient.json(Map.of("listingIds", List.of(a, b),
                "quantity", 100)), token("tenderee"));
        assertThat(two.code()).isEqualTo("MALL_QUOTES_TOO_FEW");
        ApiClient.Response first = api.post("/api/v1/mall/comparisons", ApiClient.json(Map.of("listingIds", List.of(a, b, c),
                "quantity", 120)), token("tenderee"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("listingId").asString()).isEqualTo(b);
        assertThat(first.json().path("mode").asString()).isEqualTo("COMPARISON");
        assertThat(first.json().path("total").decimalValue()).isEqualByComparingTo("587880.00");
        assertThat(first.json().path("quotes").size()).isEqualTo(3);
        ApiClient.Response overCap = api.post("/api/v1/mall/comparisons", ApiClient.json(Map.of("listingIds", List.of(a, b, c),
                "quantity", 205)), token("tenderee"));
        assertThat(overCap.code()).isEqualTo("MALL_ORDER_CAP_EXCEEDED");

        String item = category.path("itemCode").asString();
        assertThat(api.get("/api/v1/supervision/flags", token("admin")).body()).doesNotContain(item);
        clock.advance(Duration.ofDays(20));
        ApiClient.Response second = api.post("/api/v1/mall/comparisons", ApiClient.json(Map.of("listingIds", List.of(a, b, c),
                "quantity", 90)), token("tenderee"));
        assertThat(second.status()).isEqualTo(201);
        // 587,880 + 440,910 > the 1,000,000 cap, each below it: same buyer, 品目 and year (条例 Art. 28)
        String flags = api.get("/api/v1/supervision/flags", token("admin")).body();
        assertThat(flags).contains("split-purchase").contains(item).contains(first.json().path("orderNo").asString());
    }

    @Test
    void aCreditRestrictedSupplier_cannotListNorBeOrderedFrom() {
        clock.set(START.plus(Duration.ofDays(700))); // a time of its own: the restriction bars no other test's step
        JsonNode category = category();
        String listing = approved(category, "bidder2", "M70q", "4999.00");
        Instant t = clock.instant();
        records.record(new CreditRecords.NewRecord(CreditSubject.organisation(creditCodeOf("bidder2")), "测试供应商", CreditClass.SERIOUS,
                "提供虚假材料谋取中标", "政府采购法第七十七条", "云州市财政局", "云财罚〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号",
                "platform", "MALL-" + UUID.randomUUID(), "990100", Set.of(Gate.BIDDING), t, t.plusMillis(1), t, t.plusMillis(1)),
                Actor.SYSTEM);
        ApiClient.Response refused = submit(listing(category, "M90s", "4999.00", "5299.00", "4999.00"), "bidder2");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("MALL_SUPPLIER_RESTRICTED");
        ApiClient.Response notOrdered = order(listing, 1);
        assertThat(notOrdered.code()).isEqualTo("MALL_SUPPLIER_RESTRICTED");
        clock.advance(Duration.ofSeconds(1)); // the restriction ended
        assertThat(order(listing, 1).status()).isEqualTo(201);
    }

    private long warnings(String source, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_warning WHERE source = :s AND source_key = :k").param("s", source)
                .param("k", key).query(Long.class).single();
    }
}
