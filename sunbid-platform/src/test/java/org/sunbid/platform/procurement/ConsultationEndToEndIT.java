package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;

import tools.jackson.databind.JsonNode;

/**
 * 竞争性磋商 (goods) end to end through the HTTP API (issue 16, acceptance 1): a scoring plan with the price weight inside
 * the goods band (30–60%, 财库〔2014〕214号 Art. 24; 61% refused), three suppliers invited, ten days to the first responses
 * (Art. 10), opened, panel seated and reviewing; one round of consultation and sealed final offers; the price score of
 * each final offer = base (lowest) price ÷ offer × weight, computed; the members score the rest; the highest total wins
 * (Art. 23/28); report, award, result notice, contract signed and published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsultationEndToEndIT extends PlatformIT {

    /** Monday 2026-12-07 10:00 Beijing: 14 days after the publication (at least 10, 214号 Art. 10). */
    static final Instant DEADLINE = Instant.parse("2026-12-07T02:00:00Z");

    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private List<String> members;

    @BeforeAll
    void aConsultationLot() {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        lot = flow.lot("ZFCG_CONSULTATION", "云州市图书馆自助借还设备竞争性磋商采购", "3000000.00", "GOODS", DEADLINE, "COMPREHENSIVE");
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    @Test
    @Order(1)
    void cgk2014_214_art24_thePriceWeightMustBeInsideTheGoodsBand() {
        String sixtyOne = ProcurementFlow.SCORING_PLAN.replace("\"weight\":\"0.40\"", "\"weight\":\"0.61\"")
                .replace("\"points\":30}", "\"points\":9}");
        ApiClient.Response outside = flow.plan(lot, sixtyOne);
        assertThat(outside.code()).as(outside.body()).isEqualTo("PRICE_WEIGHT_OUTSIDE_BAND");
        assertThat(outside.json().path("detail").asString()).contains("第二十四条");
        ApiClient.Response taken = flow.plan(lot, ProcurementFlow.SCORING_PLAN);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void cgk2014_214_art10_invitedRespondSealed_openedAndReviewed() throws Exception {
        flow.invite(lot, "bidder1", "bidder2", "bidder3");
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        flow.respond(lot, "bidder1", "2880000.00", "bidder2", "2760000.00", "bidder3", "2950000.00");
        flow.closeAndOpen(lot, DEADLINE, 3, 2);
        members = flow.evaluationStarted(lot);
        JsonNode reviewed = flow.reviewed(lot, members, List.of());
        assertThat(reviewed.path("stage").asString()).as(reviewed.toString()).isEqualTo("NEGOTIATION");
    }

    @Test
    @Order(3)
    void cgk2014_214_art21_sealedFinalOffersAfterTheConsultation() throws Exception {
        assertThat(flow.asPanel(lot, members.get(0), "", null).status()).isEqualTo(200);
        assertThat(flow.callFinalOffers(lot, members.get(0), clock.instant().plus(Duration.ofHours(2))).status()).isEqualTo(200);
        assertThat(flow.offer(lot, 1, "bidder1", "2700000.00").status()).isEqualTo(201);
        assertThat(flow.offer(lot, 1, "bidder2", "2600000.00").status()).isEqualTo(201);
        assertThat(flow.offer(lot, 1, "bidder3", "2650000.00").status()).isEqualTo(201);
        flow.roundOpened(lot, 1);
        assertThat(flow.asPanel(lot, members.get(0), "/closure", null).json().path("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    @Order(4)
    void cgk2014_214_art24_priceScoreIsBaseOverOfferTimesWeight_highestTotalWins_contract() {
        ApiClient api = flow.api();
        JsonNode closed = flow.evaluationNegotiationClosed(lot, members.get(0));
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("SCORING");
        Map<String, String> scores = new LinkedHashMap<>();
        closed.path("priceScores").forEach(p -> scores.put(p.path("bidderId").asString(), p.path("score").asString()));
        // 2600000/2700000×40 = 38.518… → 38.52; 40.00; 2600000/2650000×40 = 39.245… → 39.25
        assertThat(scores).containsOnly(Map.entry(flow.orgOf("bidder1"), "38.52"), Map.entry(flow.orgOf("bidder2"), "40.00"),
                Map.entry(flow.orgOf("bidder3"), "39.25"));
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        for (String m : members) {
            ApiClient.Response s = api.post(path + "/scores", ApiClient.json(Map.of("scores", Fixtures.scoreSheet(scores.keySet(), 20))),
                    api.freshToken(m));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
        }
        JsonNode ranked = api.get(path, api.freshToken(members.get(0))).json();
        assertThat(ranked.path("stage").asString()).isEqualTo("RANKED");
        assertThat(ProcurementFlow.rankedPrices(ranked).entrySet().iterator().next())
                .isEqualTo(Map.entry(flow.orgOf("bidder2"), "2600000.00"));
        assertThat(flow.reportSigned(lot, members).path("stage").asString()).isEqualTo("DECISION");
        ApiClient.Response awarded = flow.award(lot, "bidder2");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().path("winner").path("price").asString()).isEqualTo("2600000.00");
        assertThat(flow.contracted(lot).path("winner").path("bidderId").asString()).isEqualTo(flow.orgOf("bidder2"));
    }
}
