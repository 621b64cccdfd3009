package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * 单一来源 above the open-tender threshold end to end through the HTTP API (issue 16, acceptance 1): unapproved, the lot is
 * not published (政府采购法 Art. 27); the request with the unique-supplier reason and the experts' opinions is publicised
 * for 5 working days (实施条例 Art. 38; 74号令 Art. 38) and approved only after; the purchaser names its one supplier (法
 * Art. 31/39), who alone may respond; the custodians open; the panel negotiates with it and its sealed final offer is
 * opened; the price is within the budget (74号令 Art. 43); the minutes (谈判纪要) are signed by the panel (Art. 42); award,
 * result notice, contract signed and published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSourceEndToEndIT extends PlatformIT {

    /** Thursday 2026-12-03 10:00 Beijing, after the publicity (ends Monday 2026-11-30 24:00). */
    static final Instant DEADLINE = Instant.parse("2026-12-03T02:00:00Z");

    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private String request;
    private Instant publicityEnd;
    private List<String> members;

    @BeforeAll
    void aSingleSourceLotAboveTheThreshold() {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        lot = flow.lot("ZFCG_SINGLE_SOURCE", "云州市档案馆原有系统扩容单一来源采购", "5000000.00", "GOODS", DEADLINE);
        ApiClient.Response plan = flow.plan(lot, ProcurementFlow.LOWEST_PLAN);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private ApiClient.Response decide(boolean approve) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        return flow.api().post("/api/v1/lots/" + lot + "/method-approvals/" + request + "/decision", ApiClient.json(body),
                flow.api().freshToken("supervisor"));
    }

    @Test
    @Order(1)
    void gpl_art31_art27_thePurchaserNamesItsOneSupplier_butUnapprovedTheLotIsNotPublished() {
        ApiClient.Response named = flow.name(lot, "bidder1");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        assertThat(named.json().path("drawn")).isEmpty();
        List<Object> before = flow.snapshot(lot);
        ApiClient.Response refused = flow.publish(lot);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
        List<Object> after = flow.snapshot(lot);
        assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(0, before.size() - 1)); // still a draft
    }

    @Test
    @Order(2)
    void gpr_art38_fiveWorkingDaysOfPublicity_approvedOnlyAfterItsEnd_thenPublished() {
        ApiClient api = flow.api();
        Map<String, Object> body = new HashMap<>();
        body.put("conditions", List.of("GPL_31_1_UNIQUE_SUPPLIER"));
        body.put("reasons", "原档案管理系统的扩容只能由原开发商提供，接口与数据格式为其专有");
        body.put("supplierName", "供应商一（原系统开发商）");
        body.put("expertOpinions", "三名专家论证：原系统源代码与数据接口为原开发商专有，无替代供应商");
        ApiClient.Response requested = api.post("/api/v1/lots/" + lot + "/method-approvals", ApiClient.json(body), api.freshToken("agency"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        request = requested.json().path("id").asString();
        publicityEnd = Instant.parse(requested.json().path("publicity").path("endsAt").asString());
        // Tue 11-24 … Mon 11-30: five working days, ending at 24:00 Beijing
        assertThat(publicityEnd).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        clock.set(publicityEnd.minusMillis(1));
        ApiClient.Response early = decide(true);
        assertThat(early.code()).isEqualTo("GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING");
        clock.set(publicityEnd);
        ApiClient.Response approved = decide(true);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void gpl_art39_onlyTheNamedSupplierResponds_openedWithOneResponse() throws Exception {
        clock.advance(Duration.ofHours(12));
        assertThat(flow.api().post("/api/v1/tenders/" + lot + "/registrations", "", flow.api().freshToken("bidder2")).code())
                .isEqualTo("NOT_INVITED");
        flow.respond(lot, "bidder1", "4990000.00");
        flow.closeAndOpen(lot, DEADLINE, 3, 2); // OPENING_MIN = 1 (法 Art. 31)
        members = flow.evaluationStarted(lot);
        JsonNode reviewed = flow.reviewed(lot, members, List.of());
        assertThat(reviewed.path("stage").asString()).as(reviewed.toString()).isEqualTo("NEGOTIATION");
    }

    @Test
    @Order(4)
    void gpl74_art42_art43_negotiatedFinalOfferWithinTheBudget_minutesSignedByThePanel_awardAndContract() throws Exception {
        ApiClient api = flow.api();
        String leader = members.get(0);
        assertThat(flow.asPanel(lot, leader, "", null).status()).isEqualTo(200);
        assertThat(flow.asPanel(lot, leader, "/threads/" + flow.orgOf("bidder1") + "/messages",
                Map.of("text", "请就扩容单价与维保期限作出说明")).status()).isEqualTo(200);
        assertThat(flow.callFinalOffers(lot, leader, clock.instant().plus(Duration.ofHours(2))).status()).isEqualTo(200);
        assertThat(flow.offer(lot, 1, "bidder1", "4900000.00").status()).isEqualTo(201);
        flow.roundOpened(lot, 1);
        assertThat(flow.asPanel(lot, leader, "/closure", null).status()).isEqualTo(200);
        JsonNode closed = flow.evaluationNegotiationClosed(lot, leader);
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("RANKED");
        assertThat(ProcurementFlow.rankedPrices(closed)).containsExactly(Map.entry(flow.orgOf("bidder1"), "4900000.00"));
        assertThat(flow.reportSigned(lot, members).path("stage").asString()).isEqualTo("DECISION");
        byte[] pdf = api.bytes("/api/v1/tenders/" + lot + "/evaluation/report", api.freshToken(leader));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("谈判纪要");
        }
        assertThat(api.get("/api/v1/tenders/" + lot + "/evaluation/report/signatures", api.freshToken(leader)).body())
                .contains(members.get(0)).contains(members.get(4));
        ApiClient.Response awarded = flow.award(lot, "bidder1");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().path("winner").path("price").asString()).isEqualTo("4900000.00");
        assertThat(flow.contracted(lot).path("winner").path("bidderId").asString()).isEqualTo(flow.orgOf("bidder1"));
    }
}
