package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;

import tools.jackson.databind.JsonNode;

/**
 * Auction lots (issue 17 part L) over HTTP: every runnable land, mining and state-property procedure makes a project
 * with a draft tender per lot; the owner's agency sets the terms while it is a draft; the lot view is public once the
 * announcement is published; sealing takes no sealed bid, makes no opening key and opens nothing when applications
 * close (the lot's rules hold LIVE_BIDDING). Time: each test starts at START and goes back there after.
 */
class AuctionLotsIT extends PlatformIT {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    private AuctionFlow flow;

    @BeforeEach
    void start() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void everyRunnableAuctionProcedureMakesAProjectWithADraftLot() throws Exception {
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        web.login("agency");
        for (String procedure : List.of("TDSYQ_LISTING", "TDSYQ_AUCTION", "KYQ_LISTING", "KYQ_AUCTION", "GYCQ_ONLINE_BIDDING",
                "GYCQ_CAPITAL_INCREASE", "GYCQ_ASSET_TRANSFER")) {
            AuctionFlow.Plan plan = flow.plan(procedure, START);
            ApiClient.Response created = flow.project(procedure, "测试" + procedure, "8000000.00", "1600000.00", plan.applicationClose());
            assertThat(created.status()).as(procedure + ": " + created.body()).isEqualTo(201);
            String lot = created.json().path("lots").get(0).path("id").asString();
            JsonNode tender = flow.api().get("/api/v1/tenders/" + lot, flow.api().freshToken("agency")).json();
            assertThat(tender.path("status").asString()).isEqualTo("DRAFT");
            assertThat(tender.path("terms").path("evaluationMethod").asString()).isEqualTo("HIGHEST_PRICE");
            ApiClient.Response terms = flow.terms(lot, flow.termsBody(procedure, plan, "8000000.00", "100000.00"));
            assertThat(terms.status()).as(procedure + ": " + terms.body()).isEqualTo(200);
            assertThat(terms.json().path("format").asString()).isEqualTo(flow.format(procedure));
            // the publication check asks the gate and no rule the auction procedures lack (OBJECTION_ANSWER)
            // (the owner's tender page and its publication page ask Tenders.publicationCheck)
            assertThat(web.get("/workbench/tenders/" + lot).statusCode()).as(procedure).isEqualTo(200);
            assertThat(web.get("/workbench/tenders/" + lot + "/publish").statusCode()).as(procedure).isEqualTo(200);
        }
    }

    @Test
    void landListingTermsArePublicOncePublishedWithTheRulesAndDetails() {
        AuctionFlow.Lot lot = flow.ready("TDSYQ_LISTING", START, 2);
        JsonNode view = flow.view(lot.id()).json();
        assertThat(view.path("format").asString()).isEqualTo("LISTING");
        assertThat(view.path("startPrice").asString()).isEqualTo("8000000.00");
        assertThat(view.path("increment").asString()).isEqualTo("100000.00");
        assertThat(view.path("deposit").asString()).isEqualTo("1600000.00");
        assertThat(Instant.parse(view.path("biddingStart").asString())).isEqualTo(lot.biddingStart());
        assertThat(Instant.parse(view.path("freeEnd").asString())).isEqualTo(lot.freeEnd());
        assertThat(view.path("countdownMinutes").asLong()).isEqualTo(4); // 苏州工业园区: 4 分钟
        assertThat(view.path("freezeMinutes").asLong()).isEqualTo(60);
        assertThat(view.path("timedRoundMinBidders").asInt()).isEqualTo(2);
        assertThat(view.path("reserveSealed").asBoolean()).isTrue();
        assertThat(view.path("details").path("parcelNo").asString()).startsWith("云州2026-G-");
        assertThat(view.path("details").path("termYears").asInt()).isEqualTo(40);
        List<String> keys = new ArrayList<>();
        view.path("rules").forEach(r -> keys.add(r.path("key").asString()));
        assertThat(keys).contains("ANNOUNCEMENT_PERIOD", "LISTING_PERIOD", "APPLICATION_CLOSE", "DEPOSIT_MIN", "COUNTDOWN");
        assertThat(lot.bidders()).containsExactly("bidder1", "bidder2");
        assertThat(flow.logCount(lot.id(), "auction.terms.set")).isEqualTo(1);
    }

    @Test
    void theFlowTakesEveryProcedureToTheCloseOfApplicationsWithPaidDeposits() {
        for (String procedure : List.of("TDSYQ_AUCTION", "KYQ_AUCTION", "GYCQ_ONLINE_BIDDING", "GYCQ_CAPITAL_INCREASE",
                "GYCQ_ASSET_TRANSFER")) {
            clock.set(START);
            AuctionFlow.Lot lot = flow.ready(procedure, START, 3);
            assertThat(clock.instant()).isBefore(lot.biddingStart().plusSeconds(1)).isBefore(START.plus(Duration.ofDays(60)));
            assertThat(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot.id()).query(String.class)
                    .single()).as(procedure).isEqualTo("BIDDING_CLOSED");
            for (String bidder : lot.bidders()) {
                JsonNode deposit = flow.api().get("/api/v1/tenders/" + lot.id() + "/deposit", flow.api().freshToken(bidder)).json();
                assertThat(deposit.path("status").asString()).as(procedure + " " + bidder).isEqualTo("PAID");
            }
            JsonNode view = flow.view(lot.id()).json();
            assertThat(view.path("format").asString()).isEqualTo(flow.format(procedure));
            assertThat(view.path("minBidders").asInt()).isEqualTo(procedure.equals("KYQ_AUCTION") ? 3 : 1);
        }
    }

    @Test
    void liveBiddingLotHasNoOpeningKeyTakesNoSealedBidAndOpensNothingAtTheClose() throws Exception {
        AuctionFlow.Lot lot = flow.published("KYQ_LISTING", START, "8000000.00", "100000.00", "1600000.00");
        flow.bidders(lot.id(), 2);
        ApiClient api = flow.api();
        assertThat(api.get("/api/v1/tenders/" + lot.id() + "/opening-key", null).status()).isEqualTo(404);
        ApiClient.Response sealed = api.post("/api/v1/tenders/" + lot.id() + "/bids/sealed-on-arrival?name=bid.pdf&priceSheet=%7B%22totalPrice%22%3A%229000000.00%22%7D", "投标文件",
                api.freshToken("bidder1"));
        assertThat(sealed.code()).as(sealed.body()).isEqualTo("LIVE_BIDDING_NO_SEALED_BIDS");
        ApiClient.Response envelope = api.send("POST", "/api/v1/tenders/" + lot.id() + "/bids", "x", api.freshToken("bidder2"));
        assertThat(envelope.code()).as(envelope.body()).isEqualTo("LIVE_BIDDING_NO_SEALED_BIDS");
        ApiClient.Response objection = api.post("/api/v1/tenders/" + lot.id() + "/objections",
                ApiClient.json(Map.of("text", "出让文件第三条有误")), api.freshToken("bidder1"));
        assertThat(objection.code()).as(objection.body()).isEqualTo("OBJECTION_NOT_APPLICABLE"); // no 500 for rules without it
                assertThat(flow.closeApplications(lot.id(), lot.applicationClose())).isTrue();
        assertThat(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot.id()).query(String.class).single())
                .isEqualTo("BIDDING_CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bid_opening WHERE tender_id = CAST(:t AS UUID)").param("t", lot.id())
                .query(Long.class).single()).isZero();
        assertThat(flow.logCount(lot.id(), "sealing.opening.failed")).isZero();
        assertThat(flow.logCount(lot.id(), "sealing.opening.awaiting-shares")).isZero();
    }

    @Test
    void termsOnlyByTheOwnerSideWhileDraftAndTheDraftHiddenFromThePublic() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_AUCTION", START);
        String lot = flow.lot("TDSYQ_AUCTION", "云州拍卖地块", "8000000.00", "1600000.00", plan.applicationClose());
        Map<String, Object> body = flow.termsBody("TDSYQ_AUCTION", plan, "8000000.00", "100000.00");
        ApiClient api = flow.api();
        ApiClient.Response byBidder = api.send("PUT", "/api/v1/auctions/" + lot + "/terms", ApiClient.json(body), api.freshToken("bidder1"));
        assertThat(byBidder.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/auctions/" + lot, null).status()).isEqualTo(404);
        assertThat(flow.logCount(lot, "auction.terms.set")).isZero();
        Map<String, Object> listing = new LinkedHashMap<>(body);
        listing.put("freeEnd", plan.biddingStart().plus(Duration.ofDays(12)).toString()); // an auction has no listing end
        assertThat(flow.terms(lot, listing).code()).isEqualTo("INVALID_AUCTION_TERMS");
        Map<String, Object> noParcel = new LinkedHashMap<>(body);
        Map<String, Object> details = new LinkedHashMap<>(AuctionFlow.details("TDSYQ_AUCTION"));
        details.remove("parcelNo");
        noParcel.put("details", details);
        ApiClient.Response missing = flow.terms(lot, noParcel);
        assertThat(missing.code()).isEqualTo("INVALID_AUCTION_TERMS");
        assertThat(missing.body()).contains("details.parcelNo");
        assertThat(flow.terms(lot, body).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auctions/" + lot, api.freshToken("agency")).json().path("format").asString()).isEqualTo("ASCENDING");
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
        assertThat(flow.view(lot).status()).isEqualTo(200);
        ApiClient.Response fixed = flow.terms(lot, body);
        assertThat(fixed.code()).isEqualTo("AUCTION_TERMS_FIXED");
        assertThat(flow.logCount(lot, "auction.terms.set")).isEqualTo(1);
    }

    @Test
    void publicationWithoutTermsIsRefused() {
        AuctionFlow.Plan plan = flow.plan("GYCQ_ONLINE_BIDDING", START);
        String lot = flow.lot("GYCQ_ONLINE_BIDDING", "云州国有股权转让", "8000000.00", "800000.00", plan.applicationClose());
        long log = jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
        ApiClient.Response refused = flow.publish(lot, START);
        assertThat(refused.code()).as(refused.body()).isEqualTo("AUCTION_TERMS_MISSING");
        assertThat(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot).query(String.class).single())
                .isEqualTo("DRAFT");
        // the document upload is the only entry the refused attempt left
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single()).isEqualTo(log + 1);
    }
}
