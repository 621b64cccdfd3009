package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;

import tools.jackson.databind.JsonNode;

/**
 * 竞争性谈判 end to end through the HTTP API (issue 16, acceptance 1), with TWO rounds: the agency invites three suppliers
 * with the verifiable draw (74号令 Art. 12), publishes with three working days to the first responses (Art. 29), the
 * invitees respond sealed, the custodians open at the deadline, the panel is drawn and seated (Art. 7) and reviews;
 * round 1: each supplier negotiates alone (Art. 31), the panel changes the documents — notified in writing to every
 * supplier, and the final-offer call waits until each acknowledged (Art. 32) — then sealed final offers, opened when all
 * are in (Art. 33); round 2: lower offers, one at the deadline − 1 ms, a late one refused; the lowest compliant final
 * offer wins (Art. 35–36), the report, the award and its result notice, the contract signed and published. Bad input is
 * named and leaves everything as it was: fewer than three invited, an unapproved method above the threshold, a
 * final-offer call before every supplier acknowledged a change, a late final offer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NegotiationEndToEndIT extends PlatformIT {

    /** Monday 2026-11-30 10:00 Beijing: five working days after the start (at least three, 74号令 Art. 29). */
    static final Instant DEADLINE = Instant.parse("2026-11-30T02:00:00Z");
    /** Tuesday 2026-12-01 10:00 Beijing: the second lot's deadline (its panel sits the day after the first's). */
    static final Instant DEADLINE_STOP = Instant.parse("2026-12-01T02:00:00Z");
    static final List<String> SUPPLIERS = List.of("bidder1", "bidder2", "bidder3");

    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private String stopLot;
    private List<String> members;

    @BeforeAll
    void aNegotiationLot() {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        lot = flow.lot("ZFCG_NEGOTIATION", "云州市第二中学录播教室设备竞争性谈判采购", "900000.00", "GOODS", DEADLINE);
        stopLot = flow.lot("ZFCG_NEGOTIATION", "云州市第二中学多媒体设备竞争性谈判采购", "600000.00", "GOODS", DEADLINE_STOP);
        for (String l : List.of(lot, stopLot)) {
            ApiClient.Response plan = flow.plan(l, ProcurementFlow.LOWEST_PLAN);
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private String leader() {
        return members.get(0);
    }

    @Test
    @Order(1)
    void gpl74_art12_fewerSuppliersThanRequiredAreRefusedAtInvitationAndAtPublication() {
        ApiClient api = flow.api();
        List<Object> before = flow.snapshot(lot);
        // at the invitation: one recommended and one drawn make two (INVITED_MIN = 3)
        ApiClient.Response tooFew = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(Map.of("supplierId", flow.orgOf("bidder1"), "recommender", "采购人代表（书面推荐意见）")),
                "drawCount", 1, "poolSource", "PREQUALIFIED", "prequalified", List.of(flow.orgOf("bidder2"), flow.orgOf("bidder3")),
                "witnesses", List.of("agency"), "secretHash", Sm3.hex(new byte[32]))), api.freshToken("agency"));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.code()).isEqualTo("INVITED_TOO_FEW");
        assertThat(tooFew.json().path("detail").asString()).contains("第十二条");
        assertThat(flow.snapshot(lot)).isEqualTo(before);
        // at the publication: nobody invited yet
        ApiClient.Response unpublished = flow.publish(lot);
        assertThat(unpublished.status()).isEqualTo(422);
        assertThat(unpublished.code()).isEqualTo("GP_INVITED_TOO_FEW");
        assertThat(flow.snapshot(lot).subList(0, before.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
    }

    @Test
    @Order(2)
    void gpl_art27_anUnapprovedMethodAboveTheThresholdIsNotPublished() {
        String above = flow.lot("ZFCG_NEGOTIATION", "云州市第二中学理化生实验室设备竞争性谈判采购", "5000000.00", "GOODS", DEADLINE);
        flow.invite(above, SUPPLIERS.toArray(String[]::new));
        List<Object> before = flow.snapshot(above);
        ApiClient.Response refused = flow.publish(above);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
        assertThat(refused.json().path("detail").asString()).contains("第二十七条").contains("4000000.00");
        List<Object> after = flow.snapshot(above);
        // the document upload before the publication is logged; nothing else changed, the lot stays a draft
        assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
        assertThat(after.get(after.size() - 2)).isEqualTo(java.util.Optional.of("DRAFT"));
        assertThat(flow.logCount(above, "tendering.tender.published")).isZero();
    }

    @Test
    @Order(3)
    void gpl74_art29_art7_invitedSuppliersRespondSealed_openedAtTheDeadline_panelSeatedAndReviews() throws Exception {
        flow.invite(lot, SUPPLIERS.toArray(String[]::new));
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        flow.respond(lot, "bidder1", "880000.00", "bidder2", "860000.00", "bidder3", "870000.00");
        flow.invite(stopLot, SUPPLIERS.toArray(String[]::new));
        assertThat(flow.publish(stopLot).status()).isEqualTo(200);
        flow.respond(stopLot, "bidder1", "590000.00", "bidder2", "585000.00", "bidder3", "595000.00");
        // an uninvited supplier is refused (政府采购法 Art. 34 through the invitation-only registration)
        assertThat(flow.api().post("/api/v1/tenders/" + lot + "/registrations", "", flow.api().freshToken("bidder4")).code())
                .isEqualTo("NOT_INVITED");
        flow.closeAndOpen(lot, DEADLINE, 3, 2);
        members = flow.evaluationStarted(lot);
        assertThat(members).hasSize(5);
        JsonNode reviewed = flow.reviewed(lot, members, List.of());
        assertThat(reviewed.path("stage").asString()).as(reviewed.toString()).isEqualTo("NEGOTIATION");
    }

    @Test
    @Order(4)
    void gpl74_art31_art32_round1_eachAloneThenAChangeNotifiedToEverySupplier_theCallWaitsForEveryAcknowledgement() {
        ApiClient api = flow.api();
        ApiClient.Response started = flow.asPanel(lot, leader(), "", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("round").asInt()).isEqualTo(1);
        for (String s : SUPPLIERS) {
            assertThat(flow.asPanel(lot, leader(), "/threads/" + flow.orgOf(s) + "/messages",
                    Map.of("text", "请说明贵司设备的交货期（" + s + "）")).status()).isEqualTo(200);
            assertThat(api.post(flow.negotiation(lot) + "/thread/messages", ApiClient.json(Map.of("text", "交货期 30 日（" + s + "）")),
                    api.freshToken(s)).status()).isEqualTo(200);
        }
        // each supplier sees its own thread only (Art. 31)
        assertThat(api.get(flow.negotiation(lot) + "/threads/" + flow.orgOf("bidder1"), api.freshToken("bidder1")).body())
                .contains("bidder1").doesNotContain("bidder2");
        ApiClient.Response changed = flow.asPanel(lot, leader(), "/changes", Map.of("text", "技术要求变更：录播主机须支持 4K 输出"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode change = changed.json().path("changes").get(0);
        List<String> notified = new ArrayList<>();
        change.path("notices").forEach(n -> notified.add(n.path("supplierId").asString()));
        assertThat(notified).containsExactlyInAnyOrder(flow.orgOf("bidder1"), flow.orgOf("bidder2"), flow.orgOf("bidder3"));
        String changeId = change.path("id").asString();
        assertThat(flow.acknowledge(lot, "bidder1", changeId).status()).isEqualTo(200);
        assertThat(flow.acknowledge(lot, "bidder2", changeId).status()).isEqualTo(200);

        // bad input: the call for final offers while bidder3 has neither acknowledged nor had the response time
        List<Object> before = flow.snapshot(lot);
        ApiClient.Response early = flow.callFinalOffers(lot, leader(), clock.instant().plus(Duration.ofHours(2)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("GPL74_ART32_CHANGE_RESPONSE_TIME");
        assertThat(flow.snapshot(lot)).isEqualTo(before);
        assertThat(api.get("/api/v1/tenders/" + lot + "/offer-rounds/1", null).status()).isNotEqualTo(200);

        assertThat(flow.acknowledge(lot, "bidder3", changeId).status()).isEqualTo(200);
        ApiClient.Response called = flow.callFinalOffers(lot, leader(), clock.instant().plus(Duration.ofHours(2)));
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        assertThat(called.json().path("status").asString()).isEqualTo("AWAITING_OFFERS");
        assertThat(api.get("/api/v1/tenders/" + lot + "/offer-rounds/1", null).json().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    @Order(5)
    void gpl74_art33_round1_sealedFinalOffersOpenedOnceEveryOfferIsIn() throws Exception {
        assertThat(flow.offer(lot, 1, "bidder1", "850000.00").status()).isEqualTo(201);
        assertThat(flow.offer(lot, 1, "bidder2", "845000.00").status()).isEqualTo(201);
        assertThat(flow.offer(lot, 1, "bidder3", "848000.00").status()).isEqualTo(201);
        JsonNode opened = flow.roundOpened(lot, 1);
        assertThat(opened.path("record").asString()).contains("845000.00");
        assertThat(flow.api().get(flow.negotiation(lot), flow.api().freshToken(leader())).json().path("status").asString())
                .isEqualTo("ROUND_DONE");
        assertThat(flow.logCount(lot, "procurement.negotiation.round.done")).isEqualTo(1);
        assertThat(flow.stage(lot)).isEqualTo("NEGOTIATION");
    }

    @Test
    @Order(6)
    void gpl74_art33_round2_lowerOffers_oneAtTheDeadlineMinusOneMs_aLateOfferRefusedAndChangesNothing() throws Exception {
        ApiClient.Response next = flow.asPanel(lot, leader(), "/rounds", null);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("round").asInt()).isEqualTo(2);
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        assertThat(flow.callFinalOffers(lot, leader(), deadline).status()).isEqualTo(200);
        assertThat(flow.offer(lot, 2, "bidder1", "830000.00").status()).isEqualTo(201);
        assertThat(flow.offer(lot, 2, "bidder2", "835000.00").status()).isEqualTo(201);
        clock.set(deadline.minusMillis(1));
        ApiClient.Response justInTime = flow.offer(lot, 2, "bidder3", "828000.00");
        assertThat(justInTime.status()).as(justInTime.body()).isEqualTo(201);
        clock.set(deadline);
        List<Object> before = flow.snapshot(lot);
        ApiClient.Response late = flow.offer(lot, 2, "bidder1", "800000.00");
        assertThat(late.code()).isEqualTo("OFFER_LATE");
        assertThat(late.body()).doesNotContain("800000.00");
        assertThat(flow.snapshot(lot)).isEqualTo(before);
        JsonNode opened = flow.roundOpened(lot, 2);
        assertThat(opened.path("record").asString()).contains("828000.00").contains("830000.00").doesNotContain("800000.00");
    }

    @Test
    @Order(7)
    void gpl74_art35_art36_theLowestCompliantFinalOfferWins_resultNotice_contractSignedAndPublished() {
        ApiClient.Response closure = flow.asPanel(lot, leader(), "/closure", null);
        assertThat(closure.status()).as(closure.body()).isEqualTo(200);
        assertThat(closure.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closure.json().path("rounds")).hasSize(2);
        JsonNode closed = flow.evaluationNegotiationClosed(lot, leader());
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("RANKED");
        assertThat(ProcurementFlow.rankedPrices(closed)).containsExactly(Map.entry(flow.orgOf("bidder3"), "828000.00"),
                Map.entry(flow.orgOf("bidder1"), "830000.00"), Map.entry(flow.orgOf("bidder2"), "835000.00"));
        assertThat(closed.path("ranking").path("rule").asString()).contains("第三十五条");
        assertThat(flow.reportSigned(lot, members).path("stage").asString()).isEqualTo("DECISION");
        ApiClient.Response awarded = flow.award(lot, "bidder3");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().path("stage").asString()).isEqualTo("AWARDED");
        assertThat(awarded.json().path("winner").path("price").asString()).isEqualTo("828000.00");
        assertThat(awarded.json().path("resultNotice").path("publishedAt").isMissingNode()).isFalse();
        JsonNode contract = flow.contracted(lot);
        assertThat(contract.path("winner").path("bidderId").asString()).isEqualTo(flow.orgOf("bidder3"));
        assertThat(flow.stage(lot)).isEqualTo("CONTRACTED");
    }

    @Test
    @Order(8)
    void gpl74_art33_fewerThanThreeFinalOffersAtTheRoundsDeadline_theClosingStopsIt_noAward() throws Exception {
        flow.closeAndOpen(stopLot, DEADLINE_STOP, 3, 2);
        List<String> panel = flow.evaluationStarted(stopLot);
        assertThat(flow.reviewed(stopLot, panel, List.of()).path("stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(flow.asPanel(stopLot, panel.get(0), "", null).status()).isEqualTo(200);
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        assertThat(flow.callFinalOffers(stopLot, panel.get(0), deadline).status()).isEqualTo(200);
        assertThat(flow.offer(stopLot, 1, "bidder1", "580000.00").status()).isEqualTo(201);
        assertThat(flow.offer(stopLot, 1, "bidder2", "582000.00").status()).isEqualTo(201);
        // bidder3 makes no final offer; the round is opened at its deadline with two (FINAL_OFFERS_MIN = 3)
        clock.set(deadline);
        assertThat(flow.roundOpened(stopLot, 1).path("record").asString()).contains("\"status\":\"NONE\"");
        assertThat(flow.asPanel(stopLot, panel.get(0), "/closure", null).status()).isEqualTo(200);
        JsonNode closed = flow.evaluationNegotiationClosed(stopLot, panel.get(0));
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("FAILED");
        assertThat(closed.path("failure").asString()).contains("第三十三条").contains("不足3家");
        List<Object> before = flow.snapshot(stopLot);
        ApiClient.Response award = flow.award(stopLot, "bidder1");
        assertThat(award.status()).isNotEqualTo(200);
        assertThat(flow.snapshot(stopLot)).isEqualTo(before);
        assertThat(flow.logCount(stopLot, "evaluation.awarded")).isZero();
    }
}
