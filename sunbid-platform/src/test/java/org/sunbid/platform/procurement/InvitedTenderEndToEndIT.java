package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;

import tools.jackson.databind.JsonNode;

/**
 * 邀请招标 end to end through the HTTP API (issue 16, acceptance 1): three suppliers drawn at random from a prequalified
 * list of six (pool ≥ 2 × drawn), witnessed by two of the purchaser's staff, with the verifiable draw (政府采购法 Art. 34;
 * 87号令 Art. 14); then as the open tender: twenty days to the bids (法 Art. 35), sealed bids of the drawn suppliers only,
 * opened by the custodians, panel seated, qualification, 综合评分 with price = lowest ÷ bid × weight, report, award with its
 * result notice, contract signed and published; anyone re-computes the draw from its published record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitedTenderEndToEndIT extends PlatformIT {

    /** Monday 2026-12-14 10:00 Beijing: 21 days after the publication (at least 20, 法 Art. 35). */
    static final Instant DEADLINE = Instant.parse("2026-12-14T02:00:00Z");
    static final List<String> PREQUALIFIED = List.of("bidder1", "bidder2", "bidder3", "bidder4", "bidder5", "bidder6");

    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private final byte[] secret = HexFormat.of().parseHex("1a2b3c4d".repeat(8));
    private final Map<String, String> users = new LinkedHashMap<>();
    private List<String> drawn = List.of();
    private List<String> members;

    @BeforeAll
    void anInvitedTenderLot() {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        lot = flow.lot("ZFCG_INVITED_TENDER", "云州市档案馆特种密集架邀请招标采购", "3000000.00", "GOODS", DEADLINE, "COMPREHENSIVE");
        ApiClient.Response plan = flow.plan(lot, ProcurementFlow.SCORING_PLAN);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        PREQUALIFIED.forEach(u -> users.put(flow.orgOf(u), u));
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private Map<String, Object> draw(int count, List<String> pool, List<String> witnesses) {
        return Map.of("recommended", List.of(), "drawCount", count, "poolSource", "PREQUALIFIED",
                "prequalified", pool.stream().map(flow::orgOf).toList(), "witnesses", witnesses, "secretHash", Sm3.hex(secret));
    }

    @Test
    @Order(1)
    void gpl_art34_gpl87_art14_threeDrawnFromSixWitnessedByTwo_fewerRefusedAndNothingChanged() {
        ApiClient api = flow.api();
        String agency = api.freshToken("agency");
        String path = "/api/v1/tenders/" + lot + "/invitations/draw";
        List<Object> before = flow.snapshot(lot);
        ApiClient.Response two = api.post(path, ApiClient.json(draw(2, PREQUALIFIED, List.of("agency", "tenderee"))), agency);
        assertThat(two.code()).isEqualTo("INVITED_TOO_FEW");
        ApiClient.Response oneWitness = api.post(path, ApiClient.json(draw(3, PREQUALIFIED, List.of("agency"))), agency);
        assertThat(oneWitness.code()).isEqualTo("DRAW_WITNESSES_TOO_FEW");
        assertThat(flow.snapshot(lot)).isEqualTo(before);

        ApiClient.Response requested = api.post(path, ApiClient.json(draw(3, PREQUALIFIED, List.of("agency", "tenderee"))), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        ApiClient.Response revealed = api.post(path + "/reveal", ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), agency);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        revealed.json().path("drawn").forEach(d -> ids.add(d.path("supplierId").asString()));
        assertThat(ids).hasSize(3).allMatch(users::containsKey);
        drawn = ids.stream().map(users::get).toList();
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void gpl_art35_onlyTheDrawnBid_openedAtTheDeadline_scoredAndTheHighestWins_contract() throws Exception {
        ApiClient api = flow.api();
        clock.advance(Duration.ofDays(1));
        String outsider = PREQUALIFIED.stream().filter(u -> !drawn.contains(u)).findFirst().orElseThrow();
        assertThat(api.post("/api/v1/tenders/" + lot + "/registrations", "", api.freshToken(outsider)).code()).isEqualTo("NOT_INVITED");
        String[] prices = {"2880000.00", "2760000.00", "2950000.00"};
        for (int i = 0; i < 3; i++) {
            flow.respond(lot, drawn.get(i), prices[i]);
        }
        flow.closeAndOpen(lot, DEADLINE, 3, 2);
        members = flow.evaluationStarted(lot);
        JsonNode reviewed = flow.reviewed(lot, members, List.of());
        assertThat(reviewed.path("stage").asString()).as(reviewed.toString()).isEqualTo("SCORING");
        Map<String, String> scores = new LinkedHashMap<>();
        reviewed.path("priceScores").forEach(p -> scores.put(p.path("bidderId").asString(), p.path("score").asString()));
        // 2760000/2880000×40 = 38.33; 40.00; 2760000/2950000×40 = 37.42
        assertThat(scores).containsOnly(Map.entry(flow.orgOf(drawn.get(0)), "38.33"), Map.entry(flow.orgOf(drawn.get(1)), "40.00"),
                Map.entry(flow.orgOf(drawn.get(2)), "37.42"));
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        for (String m : members) {
            ApiClient.Response s = api.post(path + "/scores", ApiClient.json(Map.of("scores", Fixtures.scoreSheet(scores.keySet(), 20))),
                    api.freshToken(m));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
        }
        JsonNode ranked = api.get(path, api.freshToken(members.get(0))).json();
        assertThat(ranked.path("stage").asString()).isEqualTo("RANKED");
        assertThat(ProcurementFlow.rankedPrices(ranked).keySet().iterator().next()).isEqualTo(flow.orgOf(drawn.get(1)));
        assertThat(flow.reportSigned(lot, members).path("stage").asString()).isEqualTo("DECISION");
        ApiClient.Response awarded = flow.award(lot, drawn.get(1));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().path("winner").path("price").asString()).isEqualTo("2760000.00");
        assertThat(flow.contracted(lot).path("winner").path("bidderId").asString()).isEqualTo(flow.orgOf(drawn.get(1)));
    }

    @Test
    @Order(3)
    void gpl87_art14_anyoneRecomputesTheDrawFromItsPublishedRecord() {
        JsonNode r = flow.api().get("/api/v1/tenders/" + lot + "/invitations/draw", null).json();
        List<String> pool = new ArrayList<>();
        r.path("pool").forEach(p -> pool.add(p.asString()));
        assertThat(pool).hasSize(6);
        byte[] revealed = HexFormat.of().parseHex(r.path("secret").asString());
        assertThat(Sm3.hex(revealed)).isEqualTo(r.path("secretHash").asString());
        List<DrawWalk.Specialty> request = List.of(new DrawWalk.Specialty("SUPPLIERS", r.path("drawCount").asInt(), pool));
        assertThat(DrawWalk.poolHash(request)).isEqualTo(r.path("poolHash").asString());
        byte[] seed = VerifiableDraw.seed(revealed, HexFormat.of().parseHex(r.path("headRoot").asString()), r.path("drawId").asString());
        List<String> recomputed = new DrawWalk(seed, request).firstRound().stream().map(DrawWalk.Contact::expertId).toList();
        assertThat(recomputed).isEqualTo(drawn.stream().map(flow::orgOf).toList());
        assertThat(r.path("witnesses")).hasSize(2);
    }
}
