package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

import tools.jackson.databind.JsonNode;

/**
 * A framework agreement (财政部令第110号) from its first stage to orders by each second-stage method, through the HTTP API
 * (issue 22, acceptance 1): the collecting body (the demo agency, as 集中采购机构) creates a closed price-first agreement
 * with maximum unit prices; six fresh suppliers respond (one above a maximum is refused); the shortlist must eliminate
 * at least 20 % and one; the shortlist notice is public; the buyer (a budget unit) orders by direct selection, rotation
 * and secondary competition (offers sealed on arrival to a competition round's key, opened together); each order's contract is published within 2 工作日, a late one flagged to
 * supervision; a credit-restricted supplier is passed over; an open agreement admits a joining supplier. Runs in March
 * 2027 with its own suppliers, so no other test's parties or times are touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrameworkAgreementEndToEndIT extends PlatformIT {

    /** Monday 2027-03-01 09:30 Beijing. */
    static final Instant T0 = Instant.parse("2027-03-01T01:30:00Z");

    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired CreditRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired FrameworkOrders orders;

    private ApiClient api;
    private final Map<String, String> tokens = new HashMap<>();
    private final List<Organisation> suppliers = new ArrayList<>();
    private String agreement;
    private JsonNode shortlisted;

    @BeforeAll
    void freshSuppliers() {
        clock.set(T0);
        api = new ApiClient(baseUrl());
        suppliers.addAll(SUPPLIERS.register(organisations, accounts, 7, "框架协议测试供应商", PASSWORD));
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private static final FrameworkSuppliers SUPPLIERS = new FrameworkSuppliers("fa");

    private static String username(Organisation o) {
        return SUPPLIERS.username(o);
    }

    private String token(String username) {
        return tokens.computeIfAbsent(username, u -> api.freshToken(u));
    }

    private String supplier(int i) {
        return token(username(suppliers.get(i - 1)));
    }

    private UUID supplierId(int i) {
        return suppliers.get(i - 1).id();
    }

    private void travel(Instant to) {
        clock.set(to);
        tokens.clear();
    }

    private static Map<String, Object> item(String name, String unit, String max) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", unit);
        m.put("maxUnitPrice", max);
        return m;
    }

    private ApiClient.Response create(String kind, Integer termMonths, List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "云州市2027年度台式计算机及打印机框架协议采购（" + kind + "）");
        body.put("regionCode", "990100");
        body.put("kind", kind);
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("itemCode", "A02010104");
        body.put("budget", "3000000.00");
        body.put("responseDeadline", T0.plus(Duration.ofDays(10)).toString());
        body.put("termMonths", termMonths);
        body.put("items", items);
        return api.post("/api/v1/framework-agreements", ApiClient.json(body), token("agency"));
    }

    private ApiClient.Response respond(String agreementId, int supplier, String p1, String p2) {
        return api.post("/api/v1/framework-agreements/" + agreementId + "/responses",
                ApiClient.json(Map.of("prices", Map.of("1", p1, "2", p2))), supplier(supplier));
    }

    private static final List<Map<String, Object>> ITEMS = List.of(item("台式计算机（通用型）", "台", "5000.00"),
            item("A4黑白激光打印机", "台", "2000.00"));

    @Test
    @Order(1)
    void order110_theCollectingBodyCreatesAClosedAgreement_everyItemWithAMaximumUnitPrice_theTermWithinTheRule() {
        ApiClient.Response noMax = create("CLOSED", null, List.of(item("台式计算机", "台", "0")));
        assertThat(noMax.status()).as(noMax.body()).isEqualTo(422);
        assertThat(noMax.isProblem()).isTrue();
        assertThat(noMax.code()).isEqualTo("GPL110_MAX_UNIT_PRICE_REQUIRED");
        ApiClient.Response tooLong = create("CLOSED", 13, ITEMS);
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.code()).isEqualTo("GPL110_TERM_TOO_LONG");
        assertThat(tooLong.json().path("detail").asString()).contains("12").contains("财政部令第110号");
        ApiClient.Response bySupplier = api.post("/api/v1/framework-agreements", "{}", supplier(1));
        assertThat(bySupplier.status()).isEqualTo(403);

        ApiClient.Response created = create("CLOSED", null, ITEMS);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        agreement = created.json().path("id").asString();
        assertThat(created.json().path("status").asString()).isEqualTo("COLLECTING");
        assertThat(created.json().path("termMonths").asInt()).isEqualTo(12); // the goods rule's longest term by default
        assertThat(created.json().path("dealCode").asString()).isNotBlank();
        assertThat(created.json().path("items")).hasSize(2);
        // the first stage is a project/lot of procedure 框架协议
        String lot = created.json().path("lotId").asString();
        assertThat(jdbc.sql("SELECT procedure_code FROM deal_project p JOIN deal_lot l ON l.project_id = p.id WHERE l.id = CAST(:l AS UUID)")
                .param("l", lot).query(String.class).single()).isEqualTo("ZFCG_FRAMEWORK");
    }

    @Test
    @Order(2)
    void order110_suppliersRespond_aPriceAboveTheMaximumIsRefused_nobodySeesTheResponsesBeforeTheDeadline() {
        ApiClient.Response above = respond(agreement, 6, "5000.01", "1500.00");
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.code()).isEqualTo("GPL110_ABOVE_MAX_UNIT_PRICE");
        assertThat(above.json().path("detail").asString()).contains("5000.01").contains("5000.00");
        String[][] prices = {{"4300.00", "1500.00"}, {"4100.00", "1450.00"}, {"4500.00", "1600.00"}, {"3950.00", "1700.00"},
                {"4800.00", "1900.00"}, {"4600.00", "1200.00"}};
        for (int i = 0; i < prices.length; i++) {
            // a second apart, so "who responded first" (the tie-break on equal prices) is in the times, as it would be
            // with a running clock, not in the order rows come back from the database
            travel(clock.instant().plusSeconds(1));
            ApiClient.Response r = respond(agreement, i + 1, prices[i][0], prices[i][1]);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(respond(agreement, 1, "4000.00", "1000.00").code()).isEqualTo("FRAMEWORK_ALREADY_RESPONDED");
        ApiClient.Response seen = api.get("/api/v1/public/framework-agreements/" + agreement, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("members")).isEmpty();
        assertThat(seen.body()).doesNotContain(supplierId(1).toString()).doesNotContain("4300");
        ApiClient.Response early = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":4}", token("agency"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("FRAMEWORK_STATE");
    }

    @Test
    @Order(3)
    void order110_shortlisting_mustEliminateAtLeastTwentyPercentAndOne_thenTheShortlistIsPublished() throws Exception {
        travel(T0.plus(Duration.ofDays(10)).plusSeconds(60));
        ApiClient.Response late = respond(agreement, 7, "4000.00", "1000.00");
        assertThat(late.code()).isEqualTo("FRAMEWORK_RESPONSE_CLOSED");
        ApiClient.Response notCollector = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":4}",
                token("tenderee2"));
        assertThat(notCollector.status()).isEqualTo(403);
        assertThat(notCollector.code()).isEqualTo("FRAMEWORK_NOT_COLLECTOR");
        // the responses are sealed until the custodians open their round (session 12)
        assertThat(api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":4}", token("agency")).code())
                .isEqualTo("FRAMEWORK_RESPONSES_SEALED");
        openFrameworkResponses(agreement);
        // 6 qualified: ⌈20 % × 6⌉ = 2 must go, so 5 is refused
        ApiClient.Response five = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":5}", token("agency"));
        assertThat(five.status()).isEqualTo(422);
        assertThat(five.code()).isEqualTo("GPL110_ELIMINATION_TOO_LOW");
        // the refusal quotes the rule row as V500 words it: the substance, no unverified 110号令 article number
        assertThat(five.json().path("detail").asString()).contains("2").contains("1").contains("淘汰比例一般不得低于20%")
                .contains("待核").doesNotContain("第二十六条");
        assertThat(jdbc.sql("SELECT count(*) FROM procedure_rule WHERE procedure_code = 'ZFCG_FRAMEWORK'"
                + " AND article LIKE '财政部令第110号第%'").query(Long.class).single()).isZero();
        ApiClient.Response four = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":4}", token("agency"));
        assertThat(four.status()).as(four.body()).isEqualTo(200);
        assertThat(four.json().path("status").asString()).isEqualTo("IN_FORCE");
        shortlisted = four.json().path("members");
        // price first by the sum of the unit prices: s2 5550, s4 5650, s1 5800 and s6 5800 (s1 responded first), then
        // s3 6100 and s5 6700 eliminated
        List<String> order = new ArrayList<>();
        shortlisted.forEach(m -> order.add(m.path("supplierId").asString()));
        assertThat(order).containsExactly(supplierId(2).toString(), supplierId(4).toString(), supplierId(1).toString(),
                supplierId(6).toString());
        JsonNode notice = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices").get(0);
        assertThat(notice.path("type").asString()).isEqualTo("SHORTLIST");
        assertThat(notice.path("body").asString()).contains("入围 4 家").contains("淘汰 2 家").contains(suppliers.get(1).name());
        assertThat(api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":4}", token("agency")).code())
                .isEqualTo("FRAMEWORK_STATE");
    }

    private ApiClient.Response order(String method, UUID supplier, String unitPrice, Instant deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("itemNo", 1);
        body.put("quantity", "20");
        body.put("method", method);
        body.put("supplierId", supplier);
        body.put("unitPrice", unitPrice);
        body.put("competitionDeadline", deadline == null ? null : deadline.toString());
        return api.post("/api/v1/framework-agreements/" + agreement + "/orders", ApiClient.json(body), token("tenderee2"));
    }

    private String directOrder;

    @Test
    @Order(4)
    void order110_directSelection_atMostTheAgreementPrice_onlyFromTheShortlist() {
        ApiClient.Response above = order("DIRECT", supplierId(4), "3950.01", null);
        assertThat(above.status()).isEqualTo(422);
        assertThat(above.code()).isEqualTo("GPL110_ABOVE_AGREEMENT_PRICE");
        ApiClient.Response eliminated = order("DIRECT", supplierId(3), null, null);
        assertThat(eliminated.code()).isEqualTo("GPL110_NOT_SHORTLISTED");
        ApiClient.Response bySupplier = api.post("/api/v1/framework-agreements/" + agreement + "/orders",
                "{\"itemNo\":1,\"quantity\":\"1\",\"method\":\"DIRECT\"}", supplier(1));
        assertThat(bySupplier.status()).isEqualTo(403); // only buyers (tenderees) order
        ApiClient.Response ok = order("DIRECT", supplierId(4), "3900.00", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("status").asString()).isEqualTo("CONCLUDED");
        assertThat(ok.json().path("amount").decimalValue()).isEqualByComparingTo("78000.00");
        // concluded Thursday 2027-03-11 09:31 Beijing: 2 工作日 end Monday 2027-03-15 24:00
        assertThat(Instant.parse(ok.json().path("publicationDue").asString())).isEqualTo(Instant.parse("2027-03-15T16:00:00Z"));
        directOrder = ok.json().path("id").asString();
        ApiClient.Response published = api.post("/api/v1/framework-orders/" + directOrder + "/publication", "", token("tenderee2"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("late").asBoolean()).isFalse();
        // the order's details: its buyer and the agreement's suppliers; an eliminated supplier or an expert is told 404
        assertThat(api.get("/api/v1/framework-orders/" + directOrder, token("tenderee2")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/framework-orders/" + directOrder, supplier(4)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/framework-orders/" + directOrder, supplier(3)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/framework-orders/" + directOrder, token("expert01")).status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void order110_rotation_takesTheShortlistInItsPublishedOrder_eachResultPublished() {
        ApiClient.Response first = order("ROTATION", null, null, null);
        ApiClient.Response second = order("ROTATION", null, null, null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("supplierId").asString()).isEqualTo(supplierId(2).toString());
        assertThat(first.json().path("rotationPosition").asInt()).isEqualTo(1);
        assertThat(first.json().path("unitPrice").decimalValue()).isEqualByComparingTo("4100.00");
        assertThat(second.json().path("supplierId").asString()).isEqualTo(supplierId(4).toString());
        List<String> types = new ArrayList<>();
        api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices")
                .forEach(n -> types.add(n.path("type").asString()));
        assertThat(types).containsExactly("SHORTLIST", "ORDER_CONTRACT", "ROTATION", "ROTATION");
    }

    @Test
    @Order(6)
    void gpl22_77_aCreditRestrictedSupplierIsNeitherSelectedNorRotatedTo() {
        // supplier 1 (third in the rotation) is restricted for one day from now
        Instant now = clock.instant();
        records.record(new CreditRecords.NewRecord(CreditSubject.organisation(suppliers.get(0).creditCode().value()),
                suppliers.get(0).name(), CreditClass.SERIOUS, "提供虚假材料谋取中标", "《政府采购法》第七十七条", "云州市财政局",
                "云财罚〔2027〕" + UUID.randomUUID().toString().substring(0, 6) + "号", "platform", "FA-" + UUID.randomUUID(),
                "990100", Set.of(Gate.BIDDING), now, now.plus(Duration.ofDays(1)), now, now.plus(Duration.ofDays(1))), Actor.SYSTEM);
        ApiClient.Response direct = order("DIRECT", supplierId(1), null, null);
        assertThat(direct.status()).isEqualTo(403);
        assertThat(direct.code()).isEqualTo("CREDIT_RESTRICTED");
        ApiClient.Response rotation = order("ROTATION", null, null, null);
        assertThat(rotation.json().path("supplierId").asString()).isEqualTo(supplierId(6).toString()); // 1 passed over
        assertThat(rotation.json().path("rotationPosition").asInt()).isEqualTo(4);
    }

    /**
     * 110号令: the secondary competition's offers are sealed like bids — each sealed on arrival to a competition round's
     * key split among the region's centre, its supervision department and the buyer — and opened together after the
     * deadline, so no supplier can withhold its offer after seeing another's. The lowest price within the supplier's own
     * agreement price wins; on equal prices the earlier offer.
     */
    @Test
    @Order(7)
    void order110_secondaryCompetition_offersSealedOnArrival_openedTogetherAfterTheDeadline_lowestValidWins() throws Exception {
        travel(clock.instant().plus(Duration.ofDays(2))); // the restriction of supplier 1 has ended
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        ApiClient.Response placed = order("COMPETITION", null, null, deadline);
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().path("status").asString()).isEqualTo("COMPETING");
        String id = placed.json().path("id").asString();
        String lot = placed.json().path("lotId").asString();
        int round = placed.json().path("offerRound").asInt();
        assertThat(round).isPositive();
        // 1 and 6 offer the same price, 1 a second earlier: the earlier offer wins the tie
        String[][] offers = {{"2", "3980.00"}, {"4", "3900.00"}, {"1", "3850.00"}, {"6", "3850.00"}};
        for (String[] o : offers) {
            clock.set(clock.instant().plusSeconds(1));
            int s = Integer.parseInt(o[0]);
            if (s == 6) { // before the last offer: neither the deadline passed nor every supplier in, no share is taken
                assertThat(releaseRoundShare(lot, round, "centre").code()).isEqualTo("ROUND_NOT_DUE");
            }
            ApiClient.Response r = api.post("/api/v1/framework-orders/" + id + "/offers", ApiClient.json(Map.of("price", o[1])),
                    supplier(s));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().path("receipt").asString()).contains("sunbid.offer-receipt").doesNotContain(o[1]);
            JsonNode mine = api.get("/api/v1/framework-orders/" + id, supplier(s)).json();
            assertThat(mine.path("supplierId").isNull()).isTrue();
        }
        ApiClient.Response outsider = api.post("/api/v1/framework-orders/" + id + "/offers",
                ApiClient.json(Map.of("price", "3000.00")), supplier(3));
        assertThat(outsider.code()).isEqualTo("GPL110_NOT_SHORTLISTED");
        ApiClient.Response above = api.post("/api/v1/framework-orders/" + id + "/offers",
                ApiClient.json(Map.of("price", "4100.01")), supplier(2)); // its own agreement price is 4100.00
        assertThat(above.code()).isEqualTo("GPL110_ABOVE_AGREEMENT_PRICE");
        // the negotiation's public offer endpoint takes nothing into a competition round: its owner checks first
        ApiClient.Response bypass = api.post("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/offers",
                ApiClient.json(Map.of("priceSheet", "{\"totalPrice\":\"1.00\"}")), supplier(2));
        assertThat(bypass.code()).isEqualTo("OFFER_THROUGH_OWNER");
        assertThat(api.post("/api/v1/framework-orders/" + id + "/close", "", token("tenderee2")).code())
                .isEqualTo("FRAMEWORK_OFFERS_SEALED");
        // every supplier of the round has offered: the round says so (allIn, as a negotiation's round), nothing more
        assertThat(api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round, null).json().path("allIn").asBoolean()).isTrue();

        travel(deadline.plusSeconds(1));
        ApiClient.Response late = api.post("/api/v1/framework-orders/" + id + "/offers",
                ApiClient.json(Map.of("price", "1.00")), supplier(2));
        assertThat(late.code()).isEqualTo("FRAMEWORK_OFFER_CLOSED");
        assertThat(api.post("/api/v1/framework-orders/" + id + "/close", "", token("tenderee2")).code())
                .isEqualTo("FRAMEWORK_ROUND_NOT_OPENED");
        // the custodians release their shares: the centre with its bidder tool, the buyer through the API
        org.sunbid.bidder.BidderTool.Result tool = org.sunbid.bidder.BidderTool.run("release", "--platform", baseUrl(),
                "--tender", lot, "--round", String.valueOf(round), "--user", "centre", "--password", PASSWORD,
                "--key", demoKeyFileOf("centre").toString());
        assertThat(tool.ok()).as(tool.line()).isTrue();
        ApiClient.Response opened = releaseRoundShare(lot, round, "tenderee2");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().path("status").asString()).isEqualTo("OPENED");
        awaitEventsCompleted(org.sunbid.platform.sealing.OffersOpened.class); // procurement's listener concluded it
        JsonNode concluded = api.get("/api/v1/framework-orders/" + id, token("tenderee2")).json();
        assertThat(concluded.path("status").asString()).isEqualTo("CONCLUDED");
        assertThat(concluded.path("supplierId").asString()).isEqualTo(supplierId(1).toString());
        assertThat(concluded.path("unitPrice").decimalValue()).isEqualByComparingTo("3850.00");
        assertThat(concluded.path("offerRecordSm3").asString()).matches("[0-9a-f]{64}");
        // the signed round record is public: every supplier of the round, the one that did not offer (3 is not a member)
        JsonNode record = api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round, null).json();
        assertThat(record.path("kind").asString()).isEqualTo("COMPETITION");
        assertThat(record.path("record").asString()).contains("framework-order:" + id).contains("3980.00").contains("3850.00");
        // closing again changes nothing
        assertThat(api.post("/api/v1/framework-orders/" + id + "/close", "", token("tenderee2")).json().path("supplierId").asString())
                .isEqualTo(supplierId(1).toString());
        ApiClient.Response published = api.post("/api/v1/framework-orders/" + id + "/publication", "", token("tenderee2"));
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    @Order(8)
    void order110_reg50_aContractPublishedAfterTwoWorkingDaysIsFlaggedToSupervision() {
        ApiClient.Response placed = order("DIRECT", supplierId(6), null, null);
        String id = placed.json().path("id").asString();
        Instant due = Instant.parse(placed.json().path("publicationDue").asString());
        travel(due.plusSeconds(1));
        JsonNode late = api.post("/api/v1/framework-orders/" + id + "/publication", "", token("tenderee2")).json();
        assertThat(late.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(late.path("late").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_warning WHERE source = 'overdue' AND source_key = :k")
                .param("k", "framework-order|" + id).query(Long.class).single()).isEqualTo(1L);

        // one left unpublished is flagged by the periodic check, once
        String unpublished = order("DIRECT", supplierId(2), null, null).json().path("id").asString();
        travel(clock.instant().plus(Duration.ofDays(7)));
        assertThat(orders.flagLatePublications()).isGreaterThanOrEqualTo(1);
        assertThat(orders.flagLatePublications()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_warning WHERE source = 'overdue' AND source_key = :k")
                .param("k", "framework-order|" + unpublished).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    @Order(9)
    void order110_theOrderSummaryListsThePublishedOrders_andIsPublishedAsANotice() {
        String from = "2027-03-01", to = "2027-03-31";
        ApiClient.Response summary = api.get("/api/v1/public/framework-agreements/" + agreement + "/order-summary?from=" + from
                + "&to=" + to, null);
        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json()).hasSize(3); // direct, competition and the late one; the rotations and one direct unpublished
        ApiClient.Response published = api.post("/api/v1/framework-agreements/" + agreement + "/order-summaries?from=" + from
                + "&to=" + to, "", token("agency"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode notices = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices");
        JsonNode last = notices.get(notices.size() - 1);
        assertThat(last.path("type").asString()).isEqualTo("ORDER_SUMMARY");
        assertThat(last.path("body").asString()).contains("成交 3 笔").contains("直接选定").contains("二次竞价");
        assertThat(api.post("/api/v1/framework-agreements/" + agreement + "/order-summaries?from=" + from + "&to=" + to, "",
                token("tenderee2")).code()).isEqualTo("FRAMEWORK_NOT_COLLECTOR");
    }

    @Test
    @Order(10)
    void order110_anOpenAgreementAdmitsAJoiningSupplier_aClosedOneDoesNot() throws Exception {
        travel(T0);
        ApiClient.Response created = create("OPEN", null, ITEMS);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String open = created.json().path("id").asString();
        for (int s = 1; s <= 3; s++) {
            assertThat(respond(open, s, (4000 + 100 * s) + ".00", "1500.00").status()).isEqualTo(200);
        }
        travel(T0.plus(Duration.ofDays(12))); // after supplier 1's one-day restriction (test 6)
        openFrameworkResponses(open);
        // an open agreement eliminates nobody (开放式: any supplier accepting its conditions may join): a number below
        // the qualified respondents is refused, none admits all three
        assertThat(api.post("/api/v1/framework-agreements/" + open + "/shortlist", "{\"count\":2}", token("agency")).code())
                .isEqualTo("GPL110_OPEN_ADMITS_ALL");
        ApiClient.Response admittedAll = api.post("/api/v1/framework-agreements/" + open + "/shortlist", "{}", token("agency"));
        assertThat(admittedAll.status()).as(admittedAll.body()).isEqualTo(200);
        assertThat(admittedAll.json().path("members")).hasSize(3);
        ApiClient.Response closedJoin = api.post("/api/v1/framework-agreements/" + agreement + "/joins",
                ApiClient.json(Map.of("prices", Map.of("1", "4000.00", "2", "1500.00"))), supplier(7));
        assertThat(closedJoin.code()).isEqualTo("GPL110_CLOSED_AGREEMENT");
        ApiClient.Response above = api.post("/api/v1/framework-agreements/" + open + "/joins",
                ApiClient.json(Map.of("prices", Map.of("1", "5100.00", "2", "1500.00"))), supplier(7));
        assertThat(above.code()).isEqualTo("GPL110_ABOVE_MAX_UNIT_PRICE");
        ApiClient.Response join = api.post("/api/v1/framework-agreements/" + open + "/joins",
                ApiClient.json(Map.of("prices", Map.of("1", "4050.00", "2", "1450.00"))), supplier(7));
        assertThat(join.status()).as(join.body()).isEqualTo(200);
        String request = join.json().path("requestId").asString();
        assertThat(api.get("/api/v1/framework-agreements/" + open + "/joins", token("agency")).json()).hasSize(1);
        ApiClient.Response admitted = api.post("/api/v1/framework-agreements/" + open + "/joins/" + request + "/review",
                "{\"admit\":true}", token("agency"));
        assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
        JsonNode members = admitted.json().path("members");
        assertThat(members).hasSize(4);
        assertThat(members.get(3).path("supplierId").asString()).isEqualTo(supplierId(7).toString());
        assertThat(members.get(3).path("via").asString()).isEqualTo("JOIN");
        JsonNode notices = admitted.json().path("notices");
        assertThat(notices.get(notices.size() - 1).path("type").asString()).isEqualTo("JOIN");
    }

    private String openAgreement() {
        return jdbc.sql("SELECT CAST(id AS VARCHAR) FROM framework_agreement WHERE name = :n")
                .param("n", "云州市2027年度台式计算机及打印机框架协议采购（OPEN）").query(String.class).single();
    }

    private UUID organisationOf(String username) {
        return accounts.findByUsername(username).orElseThrow().organisationId();
    }

    @Test
    @Order(11)
    void order110_theAgreementNamesItsBuyers_aBudgetUnitOutsideItsScopeCannotOrder() {
        // the agreements so far named nobody: they cover their own region (the city, 990100), shown on the public page
        JsonNode scope = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("buyers");
        assertThat(scope).hasSize(1);
        assertThat(scope.get(0).path("regionCode").asString()).isEqualTo("990100");
        assertThat(api.get("/framework-agreements/" + agreement, null).body()).contains("id=\"buyers\"")
                .contains(scope.get(0).path("name").asString());
        // a budget unit of the province, outside the city, is refused with the scope and the article
        Organisation province = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990000"),
                "示范省框架协议测试厅", OrganisationKind.TENDEREE, "990000"), Actor.SYSTEM);
        accounts.create(new Accounts.NewAccount("fabuyer" + province.creditCode().value().substring(10).toLowerCase(java.util.Locale.ROOT),
                "省厅经办人", PASSWORD, Role.TENDEREE, province.id(), null), Actor.SYSTEM);
        String outsider = token("fabuyer" + province.creditCode().value().substring(10).toLowerCase(java.util.Locale.ROOT));
        ApiClient.Response refused = api.post("/api/v1/framework-agreements/" + openAgreement() + "/orders",
                "{\"itemNo\":1,\"quantity\":\"2\",\"method\":\"ROTATION\"}", outsider);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("GPL110_BUYER_OUT_OF_SCOPE");
        assertThat(refused.json().path("detail").asString()).contains("财政部令第110号").contains(scope.get(0).path("name").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM framework_order WHERE buyer_id = :b").param("b", province.id())
                .query(Long.class).single()).isZero();
        // the county water bureau (in the city) may
        ApiClient.Response inside = api.post("/api/v1/framework-agreements/" + openAgreement() + "/orders",
                "{\"itemNo\":2,\"quantity\":\"2\",\"method\":\"ROTATION\"}", token("tenderee2"));
        assertThat(inside.status()).as(inside.body()).isEqualTo(200);

        // an agreement naming its buyers: only those; a supplier or an unknown region cannot be named
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "青山县2027年度办公用纸框架协议采购");
        body.put("regionCode", "990100");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("budget", "200000.00");
        body.put("responseDeadline", clock.instant().plus(Duration.ofDays(5)).toString());
        body.put("items", List.of(item("A4复印纸（70克）", "箱", "160.00")));
        body.put("buyerIds", List.of(supplierId(1).toString()));
        ApiClient.Response supplierNamed = api.post("/api/v1/framework-agreements", ApiClient.json(body), token("agency"));
        assertThat(supplierNamed.status()).isEqualTo(400);
        assertThat(supplierNamed.code()).isEqualTo("FRAMEWORK_INVALID");
        body.put("buyerIds", List.of());
        body.put("buyerRegions", List.of("123456"));
        assertThat(api.post("/api/v1/framework-agreements", ApiClient.json(body), token("agency")).code()).isEqualTo("FRAMEWORK_INVALID");
        body.put("buyerIds", List.of(organisationOf("tenderee2").toString()));
        body.put("buyerRegions", List.of("990000"));
        ApiClient.Response named = api.post("/api/v1/framework-agreements", ApiClient.json(body), token("agency"));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        JsonNode buyers = named.json().path("buyers");
        assertThat(buyers).hasSize(2);
        assertThat(buyers.get(0).path("organisationId").asString()).isEqualTo(organisationOf("tenderee2").toString());
        assertThat(buyers.get(0).path("name").asString()).isEqualTo("青山县水利局");
        assertThat(buyers.get(1).path("regionCode").asString()).isEqualTo("990000");
    }

    @Test
    @Order(12)
    void order110_monthlyOrderSummaries_publishedOncePerMonthOfTheTerm_anEmptyMonthToo() {
        // Friday 2027-04-02 10:00 Beijing: March is over, and every March contract is published or past its 2 工作日
        travel(Instant.parse("2027-04-02T02:00:00Z"));
        assertThat(orders.publishDueSummaries()).isGreaterThanOrEqualTo(2); // this agreement's March and the open one's
        assertThat(orders.publishDueSummaries()).isZero(); // exactly once: a second run finds every period done

        long concluded = jdbc.sql("""
                SELECT count(*) FROM framework_order WHERE agreement_id = CAST(:a AS UUID) AND status IN ('CONCLUDED', 'PUBLISHED')
                AND concluded_at < '2027-03-31T16:00:00Z'""").param("a", agreement).query(Long.class).single();
        assertThat(concluded).isGreaterThanOrEqualTo(5);
        Map<String, Object> row = jdbc.sql("""
                SELECT period, period_start, orders, notice_id FROM framework_summary WHERE agreement_id = CAST(:a AS UUID)""")
                .param("a", agreement).query().singleRow();
        assertThat(row.get("period")).isEqualTo("MONTH");
        assertThat(((Number) row.get("orders")).longValue()).isEqualTo(concluded);
        JsonNode notices = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices");
        JsonNode march = notices.get(notices.size() - 1);
        assertThat(march.path("id").asString()).isEqualTo(row.get("notice_id").toString());
        assertThat(march.path("type").asString()).isEqualTo("ORDER_SUMMARY");
        assertThat(march.path("title").asString()).contains("2027-03-11 至 2027-03-31"); // the term began 11 March
        assertThat(march.path("body").asString()).contains("按月汇总").contains("成交 " + concluded + " 笔")
                .contains("顺序轮候").contains("二次竞价").contains("各成交供应商成交金额").contains("⚠");
        // the public agreement page shows it
        assertThat(api.get("/framework-agreements/" + agreement, null).body()).contains("成交结果汇总公告（2027-03-11 至 2027-03-31）");

        // the open agreement's March: one rotation order (test 11), ready; and a month without orders says so
        JsonNode openNotices = api.get("/api/v1/public/framework-agreements/" + openAgreement(), null).json().path("notices");
        assertThat(openNotices.get(openNotices.size() - 1).path("body").asString()).contains("成交 1 笔");

        // the unique key keeps a second node (or a restart) from publishing the period again
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO framework_summary (agreement_id, period, period_start, period_end, notice_id, orders, total, published_at,
                created_by) SELECT agreement_id, period, period_start, period_end, gen_random_uuid(), 0, 0, now(), 'x'
                FROM framework_summary WHERE agreement_id = CAST(:a AS UUID)""").param("a", agreement).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        // the collecting body's own publication cannot repeat a summarised period
        ApiClient.Response again = api.post("/api/v1/framework-agreements/" + agreement + "/order-summaries?from=2027-03-01&to=2027-03-31",
                "", token("agency"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("FRAMEWORK_SUMMARY_PUBLISHED");
        assertThat(again.json().path("detail").asString()).contains("2027-03-11").contains("2027-03-31");

        // Monday 2027-05-03: the collecting body publishes April itself (exactly the period); the job then skips it
        travel(Instant.parse("2027-05-03T01:00:00Z"));
        ApiClient.Response april = api.post("/api/v1/framework-agreements/" + agreement + "/order-summaries?from=2027-04-01&to=2027-04-30",
                "", token("agency"));
        assertThat(april.status()).as(april.body()).isEqualTo(200);
        assertThat(april.json()).isEmpty();
        orders.publishDueSummaries();
        assertThat(jdbc.sql("SELECT count(*) FROM framework_summary WHERE agreement_id = CAST(:a AS UUID)").param("a", agreement)
                .query(Long.class).single()).isEqualTo(2L);
        JsonNode all = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices");
        long aprilNotices = 0;
        for (JsonNode n : all) {
            if (n.path("title").asString().contains("2027-04-01 至 2027-04-30")) {
                aprilNotices++;
                assertThat(n.path("body").asString()).contains("本期无成交");
            }
        }
        assertThat(aprilNotices).isEqualTo(1);
    }

    @Test
    @Order(13)
    void order110_afterTheTermEnds_theWholeTermIsSummarisedOnce_andTheAgreementIsDone() {
        // the term ran from 2027-03-11 09:31 Beijing for twelve months; Monday 2028-03-13 10:00 Beijing is after it
        travel(Instant.parse("2028-03-13T02:00:00Z"));
        orders.publishDueSummaries();
        assertThat(orders.publishDueSummaries()).isZero();
        long concluded = jdbc.sql("""
                SELECT count(*) FROM framework_order WHERE agreement_id = CAST(:a AS UUID) AND status IN ('CONCLUDED', 'PUBLISHED')""")
                .param("a", agreement).query(Long.class).single();
        assertThat(jdbc.sql("SELECT orders FROM framework_summary WHERE agreement_id = CAST(:a AS UUID) AND period = 'TERM'")
                .param("a", agreement).query(Long.class).single()).isEqualTo(concluded);
        // every month of the term once: March 2027 … March 2028 (to 11 March), thirteen
        assertThat(jdbc.sql("SELECT count(*) FROM framework_summary WHERE agreement_id = CAST(:a AS UUID) AND period = 'MONTH'")
                .param("a", agreement).query(Long.class).single()).isEqualTo(13L);
        JsonNode notices = api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("notices");
        JsonNode term = null;
        for (JsonNode n : notices) {
            if (n.path("title").asString().endsWith("成交结果汇总公告（协议有效期）")) {
                assertThat(term).as("one term summary").isNull();
                term = n;
            }
        }
        assertThat(term).isNotNull();
        assertThat(term.path("body").asString()).startsWith("框架协议有效期（2027-03-11 至 2028-03-11）成交 " + concluded + " 笔")
                .contains("各成交供应商成交金额").contains("有效期满后10个工作日内");
        // done: its term summary exists, so the job no longer takes it up
        assertThat(jdbc.sql("SELECT count(*) FROM framework_summary WHERE agreement_id = CAST(:a AS UUID)").param("a", agreement)
                .query(Long.class).single()).isEqualTo(14L);
    }
}
