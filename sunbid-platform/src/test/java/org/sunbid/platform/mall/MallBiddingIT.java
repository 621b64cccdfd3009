package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

import tools.jackson.databind.JsonNode;

/** The setup both competitive order modes' ITs share: a fresh category with three suppliers' approved listings. */
abstract class MallBiddingIT extends PlatformIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String SM3 = "0123456789abcdef".repeat(4);

    ApiClient api;
    private final Map<String, String> tokens = new HashMap<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    String token(String username) {
        return tokens.computeIfAbsent(username + "@" + clock.instant(), k -> api.freshToken(username));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BEIJING);
    }

    /** A fresh category with three suppliers' approved listings of the same desktop; returns the category's id. */
    String stocked(Map<String, String> listingIds) {
        String suffix = String.valueOf(100000 + (int) (Math.random() * 899999));
        ApiClient.Response c = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "RA-" + suffix, "name",
                "台式计算机" + suffix, "itemCode", "A02" + suffix, "unit", "台", "attributes", List.of("CPU", "内存"),
                "policy", "NONE")), token("centre"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        String category = c.json().path("id").asString();
        Map<String, String> prices = Map.of("bidder1", "4999.00", "bidder2", "4899.00", "bidder4", "4950.00");
        prices.forEach((supplier, price) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("categoryId", category);
            body.put("productName", "台式计算机 M90t");
            body.put("brand", "联想");
            body.put("model", "M90t");
            body.put("specs", Map.of("CPU", "i7-14700", "内存", "16GB"));
            body.put("price", price);
            body.put("evidence", List.of(
                    Map.of("kind", "MANUFACTURER", "price", "5299.00", "source", "官方价目表", "observedOn", today().minusDays(2).toString(),
                            "fileSm3", SM3),
                    Map.of("kind", "ECOMMERCE", "price", "4999.00", "source", "京东自营", "observedOn", today().toString(), "fileSm3", SM3)));
            ApiClient.Response r = api.post("/api/v1/mall/listings", ApiClient.json(body), token(supplier));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().path("id").asString();
            api.post("/api/v1/mall/listings/" + id + "/review", "{\"decision\":\"APPROVE\"}", token("centre"));
            listingIds.put(supplier, id);
        });
        return category;
    }

    /** A reverse auction for ten desktops with three suppliers' bids; returns its API answer. */
    JsonNode auctionWithThreeBids(Map<String, String> listing) {
        String category = stocked(listing);
        ApiClient.Response opened = api.post("/api/v1/mall/reverse-auctions", ApiClient.json(Map.of("categoryId", category,
                "specs", Map.of("CPU", "i7-14700"), "quantity", 10)), token("tenderee"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        Map<String, String> prices = Map.of("bidder1", "4800.00", "bidder2", "4790.00", "bidder4", "4850.00");
        prices.forEach((supplier, price) -> {
            ApiClient.Response r = api.post("/api/v1/mall/reverse-auctions/" + id + "/bids", ApiClient.json(Map.of("listingId",
                    listing.get(supplier), "unitPrice", price)), token(supplier));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        });
        return opened.json();
    }

    /** A group purchase the centre opens for the category's i7-14700 desktops, with the default deadlines. */
    JsonNode groupPurchaseByTheCentre(String category) {
        ApiClient.Response opened = api.post("/api/v1/mall/group-purchases", ApiClient.json(Map.of("categoryId", category,
                "specs", Map.of("CPU", "i7-14700"))), token("centre"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }
}
