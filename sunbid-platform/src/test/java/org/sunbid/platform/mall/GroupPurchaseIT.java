package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * A group purchase (团购) end to end over HTTP on the real application (issue 22): the centre opens one for an item;
 * two budget units join (one changes its quantity) until the join deadline; three suppliers quote for the combined
 * quantity, sealed — a rival and a buyer are told the same before and after quotes, the quotes' endpoint refuses alike;
 * a supplier replaces its quote; at the close the lowest wins and each buyer has its own order at the group price.
 * With one buyer it fails.
 */
class GroupPurchaseIT extends MallBiddingIT {

    private ApiClient.Response join(String group, String buyer, int quantity) {
        return api.post("/api/v1/mall/group-purchases/" + group + "/members", ApiClient.json(Map.of("quantity", quantity)), token(buyer));
    }

    private ApiClient.Response quote(String group, String supplier, String listing, String price) {
        return api.post("/api/v1/mall/group-purchases/" + group + "/quotes", ApiClient.json(Map.of("listingId", listing,
                "unitPrice", price)), token(supplier));
    }

    @Test
    void buyersJoin_suppliersQuoteSealedForTheCombinedQuantity_eachBuyerGetsItsOrderAtTheGroupPrice() {
        clock.set(START.plus(Duration.ofDays(28)));
        Map<String, String> listing = new HashMap<>();
        String category = stocked(listing);
        JsonNode g = groupPurchaseByTheCentre(category);
        String id = g.path("id").asString();
        assertThat(g.path("phase").asString()).isEqualTo("JOINING");
        assertThat(g.path("ceiling").decimalValue()).isEqualByComparingTo("4899.00");
        assertThat(quote(id, "bidder1", listing.get("bidder1"), "4800.00").code()).isEqualTo("MALL_BIDDING_CLOSED");
        assertThat(join(id, "tenderee", 40).status()).isEqualTo(200);
        assertThat(join(id, "tenderee2", 30).status()).isEqualTo(200);
        ApiClient.Response changed = join(id, "tenderee", 45);
        assertThat(changed.json().path("totalQuantity").asInt()).isEqualTo(75);
        assertThat(changed.json().path("buyers").asInt()).isEqualTo(2);
        assertThat(changed.json().path("members").size()).isEqualTo(1); // its own share only, before the close
        assertThat(join(id, "bidder1", 5).status()).isEqualTo(403);

        clock.set(Instant.parse(g.path("joinUntil").asString()));
        assertThat(join(id, "tenderee2", 35).code()).isEqualTo("MALL_BIDDING_CLOSED");
        String rivalBefore = api.get("/api/v1/mall/group-purchases/" + id, token("bidder2")).body();
        String buyerBefore = api.get("/api/v1/mall/group-purchases/" + id, token("tenderee")).body();
        ApiClient.Response sealedBefore = api.get("/api/v1/mall/group-purchases/" + id + "/quotes", token("tenderee"));
        assertThat(sealedBefore.code()).isEqualTo("MALL_BIDS_SEALED");

        assertThat(quote(id, "bidder1", listing.get("bidder1"), "4899.01").code()).isEqualTo("MALL_QUOTE_ABOVE_CEILING");
        ApiClient.Response q1 = quote(id, "bidder1", listing.get("bidder1"), "4800.00");
        assertThat(q1.status()).as(q1.body()).isEqualTo(201);
        assertThat(q1.json().path("myQuote").path("unitPrice").decimalValue()).isEqualByComparingTo("4800.00");
        clock.advance(Duration.ofMinutes(1));
        assertThat(quote(id, "bidder4", listing.get("bidder4"), "4750.00").status()).isEqualTo(201);
        // nothing changed for the rival, the buyer or the quotes' endpoint
        assertThat(api.get("/api/v1/mall/group-purchases/" + id, token("bidder2")).body()).isEqualTo(rivalBefore);
        assertThat(api.get("/api/v1/mall/group-purchases/" + id, token("tenderee")).body()).isEqualTo(buyerBefore);
        assertThat(api.get("/api/v1/mall/group-purchases/" + id + "/quotes", token("bidder2")).body()).isEqualTo(sealedBefore.body());
        clock.advance(Duration.ofMinutes(1));
        assertThat(quote(id, "bidder2", listing.get("bidder2"), "4700.00").status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        assertThat(quote(id, "bidder1", listing.get("bidder1"), "4650.00").status()).isEqualTo(201); // replaces its quote
        assertThat(quote(id, "bidder2", listing.get("bidder1"), "4600.00").code()).isEqualTo("MALL_NOT_ELIGIBLE");

        clock.set(Instant.parse(g.path("closesAt").asString()));
        JsonNode closed = api.get("/api/v1/mall/group-purchases/" + id, null).json();
        assertThat(closed.path("status").asString()).as(closed.toString()).isEqualTo("AWARDED");
        assertThat(closed.path("unitPrice").decimalValue()).isEqualByComparingTo("4650.00");
        JsonNode quotes = api.get("/api/v1/mall/group-purchases/" + id + "/quotes", null).json();
        assertThat(quotes.size()).isEqualTo(3);
        assertThat(quotes.get(0).path("won").asBoolean()).isTrue();
        assertThat(quotes.get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("4650.00");
        assertThat(closed.path("members").size()).isEqualTo(2);
        Map<Integer, String> orderOf = new HashMap<>();
        closed.path("members").forEach(m -> orderOf.put(m.path("quantity").asInt(), m.path("orderId").asString()));
        JsonNode own = api.get("/api/v1/mall/orders/" + orderOf.get(45), token("tenderee")).json();
        assertThat(own.path("mode").asString()).isEqualTo("GROUP_PURCHASE");
        assertThat(own.path("listingId").asString()).isEqualTo(listing.get("bidder1"));
        assertThat(own.path("total").decimalValue()).isEqualByComparingTo("209250.00");
        assertThat(api.get("/api/v1/mall/orders/" + orderOf.get(30), token("tenderee2")).json().path("total").decimalValue())
                .isEqualByComparingTo("139500.00");
        assertThat(api.get("/api/v1/mall/orders/" + orderOf.get(30), token("tenderee")).status()).isEqualTo(404);
    }

    @Test
    void withOneBuyer_theGroupPurchaseTakesNoQuotesAndFails() {
        clock.set(START.plus(Duration.ofDays(42)));
        Map<String, String> listing = new HashMap<>();
        String category = stocked(listing);
        ApiClient.Response opened = api.post("/api/v1/mall/group-purchases", ApiClient.json(Map.of("categoryId", category)),
                token("tenderee"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        assertThat(join(id, "tenderee", 10).status()).isEqualTo(200);
        clock.set(Instant.parse(opened.json().path("joinUntil").asString()));
        assertThat(quote(id, "bidder1", listing.get("bidder1"), "4800.00").code()).isEqualTo("MALL_GROUP_TOO_FEW_BUYERS");
        clock.set(Instant.parse(opened.json().path("closesAt").asString()));
        JsonNode failed = api.get("/api/v1/mall/group-purchases/" + id, null).json();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("members").get(0).path("orderId").isNull()).isTrue();
    }
}
