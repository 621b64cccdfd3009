package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The demo's auctions (issue 17), as the public and the bidders see them through the API: the finished land listing
 * with its timed round, and the live auction a newcomer (bidder5) bids in against the scripted rival (bidder6).
 * Time: each test starts at START and goes back there after.
 */
class DemoAuctionsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private final ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @BeforeEach
    void start() {
        clock.set(START);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private String lotOf(String projectCode) {
        return jdbc.sql("SELECT id::text FROM tender WHERE project_code = ?").param(projectCode).query(String.class).single();
    }

    @Test
    void land39_art19_finishedListingWithATimedRoundDealPremiumRateAndFirstPayment() {
        String lot = lotOf("YZ-2026-TD-0031");
        ApiClient api = api();
        JsonNode view = api.get("/api/v1/auctions/" + lot, null).json();
        assertThat(view.path("format").asString()).isEqualTo("LISTING");
        assertThat(view.path("details").path("parcelNo").asString()).isEqualTo("云州2026-G-031");
        assertThat(view.path("startPrice").asString()).isEqualTo("96000000.00");

        JsonNode room = api.get("/api/v1/auctions/" + lot + "/room", null).json();
        assertThat(room.path("phase").asString()).isEqualTo("ENDED");
        assertThat(room.path("bids").asLong()).isEqualTo(11); // 5 listing bids, 6 in the timed round (5 restarts)
        assertThat(room.path("currentPrice").asString()).isEqualTo("101000000.00");

        JsonNode result = api.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("101000000.00");
        assertThat(result.path("winnerName").asString()).isEqualTo("云州第一建筑工程有限公司");
        assertThat(result.path("premiumRate").decimalValue()).isPositive();
        assertThat(result.path("earnest").asString()).isEqualTo("19200000.00");
        // 39号令 Art. 10: the reserve was sealed before the deadline and opened by the custodians after bidding ended
        assertThat(result.path("reserve").asString()).isEqualTo("98000000.00");
        JsonNode reserve = api.get("/api/v1/auctions/" + lot + "/reserve", null).json();
        assertThat(reserve.path("reserve").asString()).as(reserve.toString()).isEqualTo("98000000.00");
        assertThat(Instant.parse(reserve.path("sealedAt").asString())).isBefore(Instant.parse(reserve.path("openedAt").asString()));

        JsonNode confirmation = api.get("/api/v1/auctions/" + lot + "/confirmation", null).json();
        assertThat(confirmation.path("signatures").size()).as(confirmation.toString()).isEqualTo(3);

        JsonNode payments = api.get("/api/v1/auctions/" + lot + "/payments", api.freshToken("agency")).json();
        assertThat(payments.path("payments").size()).as(payments.toString()).isEqualTo(1);
        // the earnest money (the deposit, 39号令 Art. 21) and the first payment of 50%
        assertThat(payments.path("paid").asString()).isEqualTo("69700000.00");
        // the portal's project page and the room page show it
        assertThat(api.get("/auctions/" + lot, null).status()).isEqualTo(200);
    }

    @Test
    void kyq_art19_miningListingWithOneBidderDealsAndShowsThePremiumRateApart() {
        String lot = lotOf("QS-2026-KY-0005");
        ApiClient api = api();
        JsonNode view = api.get("/api/v1/auctions/" + lot, null).json();
        assertThat(view.path("format").asString()).isEqualTo("LISTING");
        assertThat(view.path("details").path("premiumRate").asString()).isEqualTo("3.6"); // 出让收益率, apart from the bid
        JsonNode result = api.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("bids").asLong()).isEqualTo(1);
        assertThat(result.path("price").asString()).isEqualTo("6800000.00");
        assertThat(result.path("reserve").asString()).isEqualTo("6800000.00"); // the one bid meets the opened reserve
        assertThat(result.path("winnerName").asString()).isEqualTo("松源市政工程有限公司");
        assertThat(result.path("publicityUntil").isNull()).as(result.toString()).isFalse();
        JsonNode room = api.get("/api/v1/auctions/" + lot + "/room", null).json();
        assertThat(room.path("phase").asString()).isEqualTo("ENDED");
    }

    @Test
    void gycq32_art22_networkBiddingFreeThenTimedWithResultPublicity() {
        String lot = lotOf("YZ-2026-CQ-0018");
        ApiClient api = api();
        JsonNode view = api.get("/api/v1/auctions/" + lot, null).json();
        assertThat(view.path("format").asString()).isEqualTo("NETWORK");
        assertThat(view.path("appraisal").asString()).isEqualTo("12600000.00");
        JsonNode result = api.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("bids").asLong()).isEqualTo(6); // 2 free bids, 4 timed (3 restarts)
        assertThat(result.path("price").asString()).isEqualTo("13100000.00");
        assertThat(result.path("winnerName").asString()).isEqualTo("青山绿城园林工程有限公司");
        assertThat(result.path("publicityRule").asString()).as(result.toString()).contains("5");
        JsonNode payments = api.get("/api/v1/auctions/" + lot + "/payments", api.freshToken("agency")).json();
        // the earnest money (the deposit) and the first payment of 30% (32号令 Art. 27)
        assertThat(payments.path("paid").asString()).as(payments.toString()).isEqualTo("5190000.00");
    }

    @Test
    void gycq32_art18_assetReDisclosedBelowNinetyPercentWithItsRecordedApproval() {
        String first = lotOf("YZ-2026-CQ-0011");
        String again = lotOf("YZ-2026-CQ-0011-2");
        JsonNode view = api().get("/api/v1/auctions/" + again, null).json();
        assertThat(view.path("previousLotId").asString()).isEqualTo(first);
        assertThat(view.path("startPrice").asString()).isEqualTo("4930000.00");
        assertThat(view.path("appraisal").asString()).isEqualTo("5800000.00"); // 85% of it: below 90%
        assertThat(view.path("approval").toString()).as(view.toString()).contains("云国资产权〔2026〕27号");
    }

    @Test
    void liveAuction_rivalRaisesByOneIncrementAfterTheNewcomersBid() throws Exception {
        String lot = lotOf("YZ-2026-TD-0032");
        ApiClient api = api();
        JsonNode view = api.get("/api/v1/auctions/" + lot, null).json();
        assertThat(view.path("format").asString()).isEqualTo("ASCENDING");
        Instant biddingStart = Instant.parse(view.path("biddingStart").asString());
        // bidding starts sunbid.demo.live-auction-delay (PT5M) after the demo loaded
        assertThat(biddingStart).isAfter(START).isBefore(START.plusSeconds(3600));
        String newcomer = api.freshToken("bidder5");
        JsonNode mine = api.get("/api/v1/auctions/" + lot + "/bidder", newcomer).json();
        assertThat(mine.toString()).contains("bidderNumber");

        clock.set(biddingStart.plusSeconds(5));
        ApiClient.Response bid = api.post("/api/v1/auctions/" + lot + "/bids", ApiClient.json(Map.of("amount", "20000000.00")), newcomer);
        assertThat(bid.status()).as(bid.body()).isEqualTo(200);
        String number = bid.json().path("bidderNumber").asString();
        // the rival answers a few seconds (server clock) after the newcomer's bid, by one increment
        JsonNode room = null;
        for (int i = 0; i < 40; i++) {
            Thread.sleep(500);
            clock.set(biddingStart.plusSeconds(6 + i));
            room = api.get("/api/v1/auctions/" + lot + "/room", newcomer).json();
            if (room.path("bids").asLong() >= 2) {
                break;
            }
        }
        assertThat(room.path("bids").asLong()).as(room.toString()).isEqualTo(2);
        assertThat(room.path("leader").asString()).isNotEqualTo(number);
        assertThat(room.path("currentPrice").asString()).isEqualTo("20200000.00");
        assertThat(room.path("you").path("leading").asBoolean()).isFalse();
    }
}
