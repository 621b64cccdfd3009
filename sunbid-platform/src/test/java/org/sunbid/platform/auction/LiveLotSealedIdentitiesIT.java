package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;

/**
 * Issue 17 (bidder anonymity): on a LIVE_BIDDING lot who applied and who paid stays sealed after the close of
 * applications until bidding ends — not only in the public log but also to the owner's side (the auctioneer's agency)
 * and a centre insider: the registrations and deposits lists are refused and Reg. 26's flag naming a bidder waits for
 * BiddingEnded. Time: START, the lot's own schedule (≤ START + 60 d), only this lot closed; back to START after.
 */
class LiveLotSealedIdentitiesIT extends PlatformIT {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    LiveAuctions liveAuctions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private ApiClient api;
    private AuctionFlow flow;

    @BeforeEach
    void atStart() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        flow = new AuctionFlow(this, context);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private long logCount(String lot, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    @Test
    void land39_art13_registrantsAndPayersSealedFromOwnerAndCentreUntilBiddingEnds() {
        AuctionFlow.Lot lot = flow.published("TDSYQ_AUCTION", START, "8000000.00", "100000.00", "1600000.00");
        String id = lot.id();
        flow.bidders(id, 2);
        // bidder3 applies and pays from an account that is not its basic account (Reg. 26: refunded and flagged)
        assertThat(api.post("/api/v1/tenders/" + id + "/registrations", "", api.freshToken("bidder3")).status() / 100).isEqualTo(2);
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", id,
                "payerName", "云州某商贸有限公司", "payerAccount", "6222 0211 9988 7766")), api.freshToken("bidder3"));
        assertThat(paid.status() / 100).as(paid.body()).isEqualTo(2);
        assertThat(flow.closeApplications(id, lot.applicationClose())).isTrue();
        awaitEventsCompleted(org.sunbid.platform.tendering.BiddingClosed.class);

        // applications closed, bidding not ended: the owner's side and a centre insider learn nothing
        for (String insider : new String[] {"agency", "tenderee", "centre"}) {
            String token = api.freshToken(insider);
            ApiClient.Response registrations = api.get("/api/v1/tenders/" + id + "/registrations", token);
            assertThat(registrations.status()).as(insider + " " + registrations.body()).isEqualTo(403);
            assertThat(registrations.body()).doesNotContain("bidderName").contains("REGISTRATIONS_SEALED");
            ApiClient.Response deposits = api.get("/api/v1/tenders/" + id + "/deposits", token);
            assertThat(deposits.status()).as(insider + " " + deposits.body()).isEqualTo(403);
            assertThat(deposits.body()).contains("DEPOSITS_SEALED");
        }
        assertThat(logCount(id, "payments.deposit.not-basic-account")).as("Reg. 26 flag names a bidder").isZero();
        assertThat(logCount(id, "tendering.registrations.disclosed")).isZero();
        assertThat(logCount(id, "payments.deposits.disclosed")).isZero();

        // bidding in the room, then it ends: now the lists and the flag
        clock.set(lot.biddingStart().plusSeconds(30));
        ApiClient.Response bid = api.post("/api/v1/auctions/" + id + "/bids", ApiClient.json(Map.of("amount", "8100000.00")),
                api.freshToken("bidder1"));
        assertThat(bid.status()).as(bid.body()).isEqualTo(200);
        clock.set(lot.biddingStart().plus(Duration.ofHours(1)));
        liveAuctions.tick();
        awaitEventsCompleted(BiddingEnded.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/tenders/" + id + "/registrations", api.token("agency")).status() == 200);
        assertThat(api.get("/api/v1/tenders/" + id + "/registrations", api.token("centre")).json()).hasSize(3);
        assertThat(api.get("/api/v1/tenders/" + id + "/deposits", api.token("agency")).status()).isEqualTo(200);
        assertThat(logCount(id, "payments.deposit.not-basic-account")).isEqualTo(1);
        assertThat(logCount(id, "payments.deposits.disclosed")).isEqualTo(1);
    }
}
