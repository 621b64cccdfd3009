package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;

import tools.jackson.databind.JsonNode;

/**
 * 询价 end to end through the HTTP API (issue 16, acceptance 1): three suppliers invited with the verifiable draw (74号令
 * Art. 12/46), three working days to the quotations (Art. 45), one fixed sealed quotation each opened by the custodians
 * at the deadline, the panel seated; a negotiation round is refused (Art. 51, nothing changes); the lowest compliant
 * quotation wins (Art. 49), report, award with its result notice, the contract signed and published. A second inquiry
 * with only two compliant quotations stops (Art. 50).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InquiryEndToEndIT extends PlatformIT {

    /** Thursday 2026-11-26 10:00 Beijing: Tue, Wed, Thu are the three working days after Monday's publication. */
    static final Instant DEADLINE = Instant.parse("2026-11-26T02:00:00Z");
    static final Instant DEADLINE_STOP = Instant.parse("2026-11-27T02:00:00Z");
    static final List<String> SUPPLIERS = List.of("bidder1", "bidder2", "bidder3");

    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private String stopLot;
    private List<String> members;

    @BeforeAll
    void twoInquiryLots() {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        lot = flow.lot("ZFCG_INQUIRY", "云州市机关事务局办公桌椅询价采购", "300000.00", "GOODS", DEADLINE);
        stopLot = flow.lot("ZFCG_INQUIRY", "云州市机关事务局文件柜询价采购", "200000.00", "GOODS", DEADLINE_STOP);
        for (String l : List.of(lot, stopLot)) {
            ApiClient.Response plan = flow.plan(l, ProcurementFlow.LOWEST_PLAN);
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
            flow.invite(l, SUPPLIERS.toArray(String[]::new));
            ApiClient.Response published = flow.publish(l);
            assertThat(published.status()).as(published.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    @Test
    @Order(1)
    void gpl74_art47_oneFixedSealedQuotationEach_openedAtTheDeadline() throws Exception {
        clock.set(START.plus(Duration.ofHours(2)));
        flow.respond(lot, "bidder1", "271000.00", "bidder2", "269000.00", "bidder3", "273000.00");
        flow.respond(stopLot, "bidder1", "181000.00", "bidder2", "179000.00", "bidder3", "183000.00");
        flow.closeAndOpen(lot, DEADLINE, 3, 2);
        members = flow.evaluationStarted(lot);
        assertThat(members).hasSize(5);
        assertThat(flow.api().get("/api/v1/tenders/" + lot + "/opening", null).body()).contains("269000.00", "271000.00", "273000.00");
    }

    @Test
    @Order(2)
    void gpl74_art51_anInquiryRefusesAnyRoundAndNothingChanges() {
        List<Object> before = flow.snapshot(lot);
        ApiClient.Response refused = flow.asPanel(lot, members.get(0), "", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("GPL74_ART51_NO_NEGOTIATION");
        assertThat(flow.snapshot(lot)).isEqualTo(before);
        assertThat(flow.api().get(flow.negotiation(lot), flow.api().freshToken(members.get(0))).status()).isEqualTo(404);
        assertThat(flow.api().get("/api/v1/tenders/" + lot + "/offer-rounds/1", null).status()).isNotEqualTo(200);
    }

    @Test
    @Order(3)
    void gpl74_art49_theLowestCompliantQuotationWins_resultNotice_contractSignedAndPublished() {
        JsonNode ranked = flow.reviewed(lot, members, List.of());
        assertThat(ranked.path("stage").asString()).as(ranked.toString()).isEqualTo("RANKED");
        assertThat(ProcurementFlow.rankedPrices(ranked)).containsExactly(Map.entry(flow.orgOf("bidder2"), "269000.00"),
                Map.entry(flow.orgOf("bidder1"), "271000.00"), Map.entry(flow.orgOf("bidder3"), "273000.00"));
        assertThat(flow.reportSigned(lot, members).path("stage").asString()).isEqualTo("DECISION");
        ApiClient.Response awarded = flow.award(lot, "bidder2");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().path("winner").path("price").asString()).isEqualTo("269000.00");
        assertThat(awarded.json().path("resultNotice").path("publishedAt").isMissingNode()).isFalse();
        assertThat(flow.contracted(lot).path("winner").path("bidderId").asString()).isEqualTo(flow.orgOf("bidder2"));
        assertThat(flow.stage(lot)).isEqualTo("CONTRACTED");
    }

    @Test
    @Order(4)
    void gpl74_art50_fewerThanThreeCompliantQuotationsStops() throws Exception {
        flow.closeAndOpen(stopLot, DEADLINE_STOP, 2, 1);
        List<String> panel = flow.evaluationStarted(stopLot);
        JsonNode failed = flow.reviewed(stopLot, panel, List.of(flow.orgOf("bidder3")));
        assertThat(failed.path("stage").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("第五十条").contains("不足3家");
        assertThat(flow.award(stopLot, "bidder2").status()).isNotEqualTo(200);
        assertThat(flow.logCount(stopLot, "evaluation.awarded")).isZero();
    }
}
