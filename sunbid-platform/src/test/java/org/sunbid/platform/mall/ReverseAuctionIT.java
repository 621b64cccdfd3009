package org.sunbid.platform.mall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * A reverse auction (反拍) end to end over HTTP on the real application (issue 22): a buyer opens one for an item at a
 * ceiling no higher than the lowest listed price, the window at least the rule's working day; suppliers bid down,
 * each below its own previous bid; neither a rival nor the buyer nor the public learns anything about the bids before
 * the close — the answers are byte for byte the same before and after bids, the bids' endpoint refuses alike; at the
 * close the lowest wins (a tie to the earlier bid) and becomes an ordinary order, accepted and paid; with too few
 * suppliers it fails.
 */
class ReverseAuctionIT extends MallBiddingIT {

    private ApiClient.Response open(Map<String, Object> body) {
        return api.post("/api/v1/mall/reverse-auctions", ApiClient.json(body), token("tenderee"));
    }

    private ApiClient.Response bid(String auction, String supplier, String listing, String price) {
        return api.post("/api/v1/mall/reverse-auctions/" + auction + "/bids", ApiClient.json(Map.of("listingId", listing,
                "unitPrice", price)), token(supplier));
    }

    @Test
    void suppliersBidDownSealed_theLowestWinsOnATieTheEarlier_andTheWinnerIsAnOrdinaryOrder() {
        Map<String, String> listing = new HashMap<>();
        String category = stocked(listing);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categoryId", category);
        body.put("specs", Map.of("内存", "16GB"));
        body.put("quantity", 100);
        body.put("ceiling", "4900.00");
        ApiClient.Response above = open(body);
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.code()).isEqualTo("MALL_CEILING_ABOVE_LISTED");
        assertThat(above.json().path("detail").asString()).contains("4,900.00").contains("4,899.00");
        body.put("ceiling", "4899.00");
        body.put("closesAt", clock.instant().plus(Duration.ofHours(4)).toString());
        assertThat(open(body).code()).isEqualTo("MALL_WINDOW_TOO_SHORT");
        body.put("specs", Map.of("内存", "32GB"));
        body.remove("closesAt");
        assertThat(open(body).code()).isEqualTo("MALL_SUPPLIERS_TOO_FEW");
        body.put("specs", Map.of("内存", "16GB"));
        assertThat(api.post("/api/v1/mall/reverse-auctions", ApiClient.json(body), token("bidder1")).status()).isEqualTo(403);
        ApiClient.Response opened = open(body);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode a = opened.json();
        String id = a.path("id").asString();
        assertThat(a.path("status").asString()).isEqualTo("OPEN");
        assertThat(a.path("decrement").decimalValue()).isEqualByComparingTo("4.90"); // 0.1 % of 4,899.00, rounded up
        assertThat(a.path("minBidders").asInt()).isEqualTo(3);

        // what a rival, the buyer and the public are told before anyone bid ...
        String rivalBefore = api.get("/api/v1/mall/reverse-auctions/" + id, token("bidder2")).body();
        String buyerBefore = api.get("/api/v1/mall/reverse-auctions/" + id, token("tenderee")).body();
        String publicBefore = api.get("/api/v1/mall/reverse-auctions/" + id, null).body();
        ApiClient.Response sealedBefore = api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", token("tenderee"));
        assertThat(sealedBefore.status()).isEqualTo(409);
        assertThat(sealedBefore.code()).isEqualTo("MALL_BIDS_SEALED");

        ApiClient.Response tooHigh = bid(id, "bidder1", listing.get("bidder1"), "4894.11");
        assertThat(tooHigh.code()).isEqualTo("MALL_BID_TOO_HIGH");
        assertThat(tooHigh.json().path("detail").asString()).contains("4,894.10");
        ApiClient.Response first = bid(id, "bidder1", listing.get("bidder1"), "4894.10");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("mine").size()).isEqualTo(1);
        assertThat(first.json().path("myLimit").decimalValue()).isEqualByComparingTo("4889.20");
        assertThat(first.json().path("offers").size()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(bid(id, "bidder1", listing.get("bidder1"), "4700.00").status()).isEqualTo(201);
        assertThat(bid(id, "bidder1", listing.get("bidder1"), "4700.00").code()).isEqualTo("MALL_BID_TOO_HIGH");
        // another supplier's listing is not one to bid with; a buyer does not bid
        assertThat(bid(id, "bidder2", listing.get("bidder1"), "4600.00").code()).isEqualTo("MALL_NOT_ELIGIBLE");
        assertThat(bid(id, "tenderee", listing.get("bidder1"), "4600.00").status()).isEqualTo(403);

        // ... is what they are told after bids: not a name, not a price, not a count
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id, token("bidder2")).body()).isEqualTo(rivalBefore);
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id, token("tenderee")).body()).isEqualTo(buyerBefore);
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id, null).body()).isEqualTo(publicBefore);
        ApiClient.Response sealedAfter = api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", token("bidder2"));
        assertThat(sealedAfter.status()).isEqualTo(409);
        assertThat(sealedAfter.body()).isEqualTo(sealedBefore.body());
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", token("admin")).body()).isEqualTo(sealedBefore.body());
        // the rival's own first bid meets the ceiling's limit, as if nobody had bid
        ApiClient.Response rivalTooHigh = bid(id, "bidder2", listing.get("bidder2"), "4894.11");
        assertThat(rivalTooHigh.body()).isEqualTo(tooHigh.body());

        clock.advance(Duration.ofMinutes(5));
        assertThat(bid(id, "bidder2", listing.get("bidder2"), "4750.00").status()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(5));
        assertThat(bid(id, "bidder4", listing.get("bidder4"), "4700.00").status()).isEqualTo(201); // ties bidder1, later

        clock.advance(Duration.ofDays(3)); // past the close (one working day after the opening)
        assertThat(bid(id, "bidder4", listing.get("bidder4"), "4500.00").code()).isEqualTo("MALL_BIDDING_CLOSED");
        JsonNode closed = api.get("/api/v1/mall/reverse-auctions/" + id, null).json();
        assertThat(closed.path("status").asString()).as(closed.toString()).isEqualTo("AWARDED");
        JsonNode offers = api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", null).json();
        assertThat(offers.size()).isEqualTo(3);
        String bidder1Name = api.get("/api/v1/mall/listings/" + listing.get("bidder1"), null).json().path("supplierName").asString();
        assertThat(offers.get(0).path("supplierName").asString()).isEqualTo(bidder1Name);
        assertThat(offers.get(0).path("won").asBoolean()).isTrue();
        assertThat(offers.get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("4700.00");
        assertThat(offers.get(1).path("unitPrice").decimalValue()).isEqualByComparingTo("4700.00");
        assertThat(offers.get(1).path("won").asBoolean()).isFalse();
        assertThat(offers.get(2).path("unitPrice").decimalValue()).isEqualByComparingTo("4750.00");

        String orderId = closed.path("orderId").asString();
        JsonNode order = api.get("/api/v1/mall/orders/" + orderId, token("tenderee")).json();
        assertThat(order.path("mode").asString()).isEqualTo("REVERSE_AUCTION");
        assertThat(order.path("listingId").asString()).isEqualTo(listing.get("bidder1"));
        assertThat(order.path("unitPrice").decimalValue()).isEqualByComparingTo("4700.00");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("470000.00");
        assertThat(order.path("status").asString()).isEqualTo("PLACED");
        assertThat(order.path("contractPublishedAt").asString()).isNotEmpty();
        assertThat(api.get("/api/v1/mall/orders/" + orderId, token("bidder1")).status()).isEqualTo(200);
        ApiClient.Response accepted = api.post("/api/v1/mall/orders/" + orderId + "/acceptance",
                ApiClient.json(Map.of("passed", true, "note", "100 台到货，配置一致")), token("tenderee"));
        assertThat(accepted.json().path("status").asString()).as(accepted.body()).isEqualTo("ACCEPTED");
        assertThat(api.post("/api/v1/mall/orders/" + orderId + "/payment", "{}", token("tenderee")).json().path("status").asString())
                .isEqualTo("PAID");
        // the closed auction and its order appear once: reading again closes nothing twice
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id, null).json().path("orderId").asString()).isEqualTo(orderId);
    }

    @Test
    void withFewerSuppliersThanTheRuleAsks_theAuctionFails_withoutAnOrder() {
        clock.set(START.plus(Duration.ofDays(14)));
        Map<String, String> listing = new HashMap<>();
        String category = stocked(listing);
        ApiClient.Response opened = open(Map.of("categoryId", category, "specs", Map.of("CPU", "i7-14700"), "quantity", 10));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().path("id").asString();
        assertThat(bid(id, "bidder1", listing.get("bidder1"), "4800.00").status()).isEqualTo(201);
        assertThat(bid(id, "bidder1", listing.get("bidder1"), "4700.00").status()).isEqualTo(201);
        assertThat(bid(id, "bidder2", listing.get("bidder2"), "4750.00").status()).isEqualTo(201);
        clock.advance(Duration.ofDays(4));
        JsonNode failed = api.get("/api/v1/mall/reverse-auctions/" + id, token("tenderee")).json();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failureReason").asString()).contains("2").contains("3");
        assertThat(failed.path("orderId").isNull()).isTrue();
        assertThat(api.get("/api/v1/mall/reverse-auctions/" + id + "/bids", null).json().size()).isEqualTo(2);
    }
}
