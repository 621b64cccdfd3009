package org.sunbid.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
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
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * The evaluation of the procurement methods beyond the open tender, decided by each lot's rules only (issue 16, part
 * E): 竞争性谈判 (qualification → NEGOTIATION → rounds of sealed final offers → close → ranking by price → report →
 * decision → result → contract), 竞争性磋商 (the same with 综合评分 on the final offers and the price band), 询价 (no
 * rounds: the sealed quotations are the prices), and the stop rules by article. The lots' first responses are sealed
 * and opened by sealing as bids are; the rounds of final offers go the real way: the panel's final-offer call opens
 * sealing's offer round, the suppliers submit sealed offers, the custodians release the round's key and sealing
 * publishes {@link OffersOpened} (the evaluation learns final offers only from that event). The lots are still
 * published as open tenders and switched to their method by SQL here; the procurement e2e ITs publish each method's
 * lot the real way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcurementMethodsEvaluationIT extends PlatformIT {

    /** Lowest price ÷ bid × 40 (磋商 214号 Art. 24: goods 30–60%). */
    static final String SCORING_PLAN = ProcurementAwardIT.PLAN;
    /** The lowest-price method: the qualification items only. */
    static final String LOWEST_PLAN = """
            {"qualification":[{"code":"Q1","text":"营业执照、资质证书有效"},{"code":"Q2","text":"响应文件满足实质性要求"},
                              {"code":"Q3","text":"报价未超过采购预算"}]}""";
    static final List<String> BIDDERS = List.of("bidder1", "bidder2", "bidder3", "bidder4");

    /** The lots {@link TestContractHolds} holds (test-scoped; the real holder is the complaints context). */
    static final Map<UUID, String> HELD = TestContractHolds.HELD;

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired Evaluations evaluations;
    @Autowired AuditLog log;
    @Autowired org.springframework.context.ApplicationContext context;

    private String negotiation;
    private String negotiationStop;
    private String negotiationScoringPlan;
    private String consultation;
    private String consultationLowestPlan;
    private String consultationBand;
    private String inquiry;
    private String inquiryStop;
    private String singleSource;
    private String singleSourceAboveBudget;
    private NewExperts experts;
    private org.sunbid.platform.ProcurementFlow flow;
    private final Map<String, List<String>> panels = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> draws = new HashMap<>();
    private final Map<String, Instant> starts = new HashMap<>();
    private final Map<String, String> venues = new HashMap<>();

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @BeforeAll
    void lotsOfEveryMethodOpened() throws Exception {
        clock.set(START);
        ApiClient api = api();
        String agency = api.freshToken("agency");
        flow = new org.sunbid.platform.ProcurementFlow(this, context);
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        Instant documentsUntil = Instant.parse("2026-11-30T09:00:00Z");
        List<String> n = project(api, agency, purchaser, "ZFCG_NEGOTIATION", "云州市第一中学教学设备竞争性谈判采购", List.of(
                lot("包1：录播教室设备", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil),
                lot("包2：实验室设备", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil),
                // the plan-refusal lots stay open for bids (a plan is set before the deadline)
                lot("包3：多媒体设备", "COMPREHENSIVE", deadline.plus(Duration.ofDays(60)), documentsUntil)));
        negotiation = n.get(0);
        negotiationStop = n.get(1);
        negotiationScoringPlan = n.get(2);
        List<String> c = project(api, agency, purchaser, "ZFCG_CONSULTATION", "云州市图书馆智能设备竞争性磋商采购", List.of(
                lot("包1：自助借还设备", "COMPREHENSIVE", deadline, documentsUntil),
                lot("包2：安防设备", "LOWEST_EVALUATED_PRICE", deadline.plus(Duration.ofDays(60)), documentsUntil),
                lot("包3：阅览设备", "COMPREHENSIVE", deadline.plus(Duration.ofDays(60)), documentsUntil)));
        consultation = c.get(0);
        consultationLowestPlan = c.get(1);
        consultationBand = c.get(2);
        List<String> q = project(api, agency, purchaser, "ZFCG_INQUIRY", "云州市机关事务局办公家具询价采购", List.of(
                lot("包1：办公桌椅", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil),
                lot("包2：文件柜", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil)));
        inquiry = q.get(0);
        inquiryStop = q.get(1);
        List<String> ss = project(api, agency, purchaser, "ZFCG_SINGLE_SOURCE", "云州市档案馆原有系统扩容单一来源采购", List.of(
                lot("包1：原系统扩容", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil),
                lot("包2：原系统维保", "LOWEST_EVALUATED_PRICE", deadline, documentsUntil)));
        singleSource = ss.get(0);
        singleSourceAboveBudget = ss.get(1);
        for (String lot : List.of(negotiation, negotiationStop, inquiry, inquiryStop, singleSource, singleSourceAboveBudget)) {
            ApiClient.Response plan = api.send("PUT", "/api/v1/tenders/" + lot + "/evaluation-plan", LOWEST_PLAN, agency, Map.of());
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        }
        ApiClient.Response plan = api.send("PUT", "/api/v1/tenders/" + consultation + "/evaluation-plan", SCORING_PLAN, agency, Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        experts = new NewExperts(context, DATA);
        Organisation institute = experts.organisation("云州非招标采购评审研究院" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 10; i++) {
            experts.expert("A01", institute.id());
            experts.expert("A05", institute.id());
        }
        clock.advance(Duration.ofDays(1));
        Map<String, String[]> responses = new LinkedHashMap<>();
        responses.put(negotiation, new String[] {"2850000.00", "2790000.00", "2900000.00", "2820000.00"});
        responses.put(negotiationStop, new String[] {"1880000.00", "1920000.00", "1860000.00"});
        responses.put(consultation, new String[] {"2880000.00", "2760000.00", "2950000.00"});
        responses.put(inquiry, new String[] {"2710000.00", "2690000.00", "2730000.00"});
        responses.put(inquiryStop, new String[] {"1810000.00", "1790000.00", "1830000.00"});
        // 单一来源: the named supplier's one response is opened (OPENING_MIN = 1, 法 Art. 31)
        responses.put(singleSource, new String[] {"2990000.00"});
        responses.put(singleSourceAboveBudget, new String[] {"2995000.00"});
        Instant start = deadline.plus(Duration.ofHours(3));
        for (Map.Entry<String, String[]> e : responses.entrySet()) {
            for (int i = 0; i < e.getValue().length; i++) {
                assertThat(sealAndUpload(e.getKey(), BIDDERS.get(i), e.getValue()[i])).as(e.getKey() + " " + BIDDERS.get(i)).isTrue();
            }
            String venue = "云州市公共资源交易中心评审室 " + UUID.randomUUID().toString().substring(0, 8);
            starts.put(e.getKey(), start);
            venues.put(e.getKey(), venue);
            draws.put(e.getKey(), experts.requestDraw(api, e.getKey(), start, venue, 3, 2));
            start = start.plus(Duration.ofDays(1));
        }
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        for (String lot : responses.keySet()) {
            releaseShare(lot, "centre");
            assertThat(releaseShare(lot, "supervisor").json().path("status").asString()).as(lot).isEqualTo("OPENED");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> responses.keySet().stream().allMatch(l -> evaluations.opened(UUID.fromString(l))));
        for (String b : BIDDERS) {
            ids.put(b, jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", b).query(UUID.class).single().toString());
        }
    }

    @AfterEach
    void noHolds() {
        HELD.clear();
    }

    @org.junit.jupiter.api.AfterAll
    void backToStart() {
        clock.set(START);
    }

    private List<String> project(ApiClient api, String agency, String purchaser, String procedure, String name,
            List<Map<String, Object>> lots) {
        // each lot is a project of its own under the method (3,000,000.00, below the open-tender threshold: no approval),
        // its suppliers invited (单一来源: its one supplier named) and published the real way
        List<String> out = new ArrayList<>();
        for (Map<String, Object> lot : lots) {
            ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", procedure,
                    "name", name + "（" + lot.get("name") + "）", "budget", "3000000.00", "category", "GOODS", "itemCode", "A02320000",
                    "tendereeId", purchaser, "lots", List.of(lot))), agency);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                    ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status())
                    .isEqualTo(200);
            String id = created.json().path("lots").get(0).path("id").asString();
            if (procedure.equals("ZFCG_SINGLE_SOURCE")) {
                assertThat(flow.name(id, "bidder1").status()).isEqualTo(200);
            } else if (procedure.equals("ZFCG_NEGOTIATION")) {
                invite(id, "bidder1", "bidder2", "bidder3", "bidder4");
            } else {
                invite(id, "bidder1", "bidder2", "bidder3");
            }
            ApiClient.Response published = api.publish(id, agency);
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            out.add(id);
        }
        return out;
    }

    private static Map<String, Object> lot(String name, String method, Instant deadline, Instant documentsUntil) {
        return Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", "3000000.00"), Map.entry("deposit", "30000.00"), Map.entry("qualification", "具备相应供货能力"),
                Map.entry("evaluationMethod", method), Map.entry("bidDeadline", deadline.toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", documentsUntil.toString()), Map.entry("notice", "采购邀请书正文"));
    }

    /** The panel is drawn and signs in, the evaluation starts, the first member is elected leader; returns the members. */
    private List<String> started(String lot) {
        ApiClient api = api();
        List<String> members = experts.drawAndAccept(starts.get(lot), venues.get(lot));
        assertThat(members).hasSize(5);
        panels.put(lot, members);
        experts.signIn(api, draws.get(lot), members);
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        assertThat(started.path("stage").asString()).as(started.toString()).isEqualTo("QUALIFICATION");
        for (int i = 1; i < members.size(); i++) {
            api.post(path + "/leader", ApiClient.json(Map.of("candidate", members.get(0))), api.freshToken(members.get(i)));
        }
        return members;
    }

    private JsonNode reviewed(String lot, List<String> members, List<String> failing) {
        return flow.reviewed(lot, members, failing);
    }

    /**
     * One round of sealed final offers the real way: the panel starts the negotiation (round 1) or its next round, calls
     * the final offers (procurement opens sealing's offer round), the named suppliers submit sealed offers, the round's
     * deadline passes and the custodians release their shares; sealing publishes OffersOpened.
     */
    private void roundOpened(String lot, int round, String... bidderThenPrice) throws Exception {
        String member = panels.get(lot).get(0);
        ApiClient.Response begun = flow.asPanel(lot, member, round == 1 ? "" : "/rounds", null);
        assertThat(begun.status()).as(begun.body()).isEqualTo(200);
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        ApiClient.Response called = flow.callFinalOffers(lot, member, deadline);
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        for (int i = 0; i < bidderThenPrice.length; i += 2) {
            ApiClient.Response offered = flow.offer(lot, round, bidderThenPrice[i], bidderThenPrice[i + 1]);
            assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        }
        clock.set(deadline);
        flow.roundOpened(lot, round);
    }

    private JsonNode reportSigned(String lot, List<String> members) {
        return flow.reportSigned(lot, members);
    }

    private Map<String, String> rankedPrices(JsonNode view) {
        return org.sunbid.platform.ProcurementFlow.rankedPrices(view);
    }

    /** The scoring plan with the price weight {@code weight} and the other parts making up the rest of 100. */
    private static String plan(String weight, int t1, int t2, int c1, int c2) {
        return ProcurementAwardIT.PLAN.replace("\"weight\":\"0.40\"", "\"weight\":\"" + weight + "\"")
                .replace("\"points\":30}", "\"points\":@T1}").replace("\"points\":15}", "\"points\":@T2}")
                .replace("\"points\":10}", "\"points\":@C1}").replace("\"points\":5}", "\"points\":@C2}")
                .replace("@T1", String.valueOf(t1)).replace("@T2", String.valueOf(t2)).replace("@C1", String.valueOf(c1))
                .replace("@C2", String.valueOf(c2));
    }

    private long logCount(String lot, String action) {
        return flow.logCount(lot, action);
    }

    private String stage(String lot) {
        return flow.stage(lot);
    }

    @Test
    @Order(1)
    void gpl74_art36_and_art49_scoringPlanRefusedWhereOnlyTheLowestPriceCounts() {
        ApiClient api = api();
        clock.set(START);
        ApiClient.Response refused = api.send("PUT", "/api/v1/tenders/" + negotiationScoringPlan + "/evaluation-plan", SCORING_PLAN,
                api.freshToken("agency"), Map.of());
        assertThat(refused.code()).as(refused.body()).isEqualTo("LOWEST_PRICE_METHOD_ONLY");
        assertThat(refused.json().path("detail").asString()).contains("第三十六条");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_plan WHERE tender_id = CAST(:t AS UUID)").param("t", negotiationScoringPlan)
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void cgk2014_214_art23_art24_consultationTakesScoringOnlyWithinTheBand() {
        ApiClient api = api();
        clock.set(START);
        String agency = api.freshToken("agency");
        ApiClient.Response lowest = api.send("PUT", "/api/v1/tenders/" + consultationLowestPlan + "/evaluation-plan", LOWEST_PLAN,
                agency, Map.of());
        assertThat(lowest.code()).as(lowest.body()).isEqualTo("COMPREHENSIVE_SCORING_ONLY");
        assertThat(lowest.json().path("detail").asString()).contains("第二十三条");
        String sixtyOne = plan("0.61", 20, 10, 5, 4);
        ApiClient.Response outside = api.send("PUT", "/api/v1/tenders/" + consultationBand + "/evaluation-plan", sixtyOne, agency, Map.of());
        assertThat(outside.code()).as(outside.body()).isEqualTo("PRICE_WEIGHT_OUTSIDE_BAND");
        assertThat(outside.json().path("detail").asString()).contains("第二十四条").contains("61%").contains("60%");
        // the open-tender floor check stays: 29% is below 30%
        String below = plan("0.29", 40, 16, 10, 5);
        assertThat(api.send("PUT", "/api/v1/tenders/" + consultationBand + "/evaluation-plan", below, agency, Map.of()).code())
                .isEqualTo("PRICE_WEIGHT_BELOW_FLOOR");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_plan WHERE tender_id = CAST(:t AS UUID)").param("t", consultationBand)
                .query(Long.class).single()).isZero();
        // 60% (the band's top, included) is taken
        String sixty = plan("0.60", 20, 10, 5, 5);
        ApiClient.Response taken = api.send("PUT", "/api/v1/tenders/" + consultationBand + "/evaluation-plan", sixty, agency, Map.of());
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    }

    /**
     * 竞争性谈判 end to end: 4 qualified → NEGOTIATION; two rounds of sealed final offers (bidder4 leaves after round 1);
     * the leader closes; the last round's offers are the prices, ranked lowest first (74号令 Art. 35–36); the report goes
     * to the purchaser (DECISION), who awards the lowest; a hold (ContractHolds) refuses the award and the contract.
     */
    @Test
    @Order(3)
    void gpl74_art31to36_negotiationRoundsFinalOffersLowestWins() throws Exception {
        ApiClient api = api();
        List<String> members = started(negotiation);
        String path = "/api/v1/tenders/" + negotiation + "/evaluation";
        JsonNode afterReview = reviewed(negotiation, members, List.of());
        assertThat(afterReview.path("stage").asString()).as(afterReview.toString()).isEqualTo("NEGOTIATION");
        assertThat(logCount(negotiation, "evaluation.negotiation.started")).isEqualTo(1);
        // closing before any round is opened is refused, and only the leader closes
        assertThat(api.post(path + "/negotiation/close", "", api.freshToken(members.get(0))).code()).isEqualTo("NO_FINAL_OFFERS");
        roundOpened(negotiation, 1, "bidder1", "2800000.00", "bidder2", "2780000.00", "bidder3", "2850000.00", "bidder4", "2810000.00");
        roundOpened(negotiation, 2, "bidder1", "2750000.00", "bidder2", "2770000.00", "bidder3", "2760000.00");
        assertThat(flow.releaseRoundShare(negotiation, 2, "tenderee").code()).isEqualTo("OPENING_NOT_READY"); // opened once
        assertThat(api.post(path + "/negotiation/close", "", api.freshToken(members.get(1))).code()).isEqualTo("NOT_THE_LEADER");
        assertThat(stage(negotiation)).isEqualTo("NEGOTIATION");
        JsonNode closed = api.post(path + "/negotiation/close", "", api.freshToken(members.get(0))).json();
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("RANKED");
        Map<String, String> ranked = rankedPrices(closed);
        assertThat(ranked).containsExactly(Map.entry(ids.get("bidder1"), "2750000.00"), Map.entry(ids.get("bidder3"), "2760000.00"),
                Map.entry(ids.get("bidder2"), "2770000.00"));
        assertThat(closed.path("ranking").path("candidates")).hasSize(3);
        assertThat(closed.path("ranking").path("rule").asString()).contains("第三十五条");
        assertThat(logCount(negotiation, "evaluation.negotiation.closed")).isEqualTo(1);
        JsonNode signed = reportSigned(negotiation, members);
        assertThat(signed.path("stage").asString()).isEqualTo("DECISION");
        String award = "/api/v1/tenders/" + negotiation + "/award";
        // a hold refuses the award decision with the holder's reason, and nothing changes
        HELD.put(UUID.fromString(negotiation), "CHALLENGE_MAY_CHANGE_RESULT");
        long before = log.size();
        ApiClient.Response held = api.post(award, ApiClient.json(Map.of("bidderId", ids.get("bidder1"))), api.freshToken("agency"));
        assertThat(held.code()).as(held.body()).isEqualTo("CONTRACT_HELD");
        assertThat(held.json().path("detail").asString()).contains("CHALLENGE_MAY_CHANGE_RESULT");
        assertThat(log.size()).isEqualTo(before);
        assertThat(stage(negotiation)).isEqualTo("DECISION");
        HELD.clear();
        JsonNode awarded = api.post(award, ApiClient.json(Map.of("bidderId", ids.get("bidder1"))), api.freshToken("agency")).json();
        assertThat(awarded.path("stage").asString()).as(awarded.toString()).isEqualTo("AWARDED");
        assertThat(awarded.path("winner").path("price").asString()).isEqualTo("2750000.00");
        assertThat(awarded.path("resultNotice").path("publishedAt").isMissingNode()).isFalse();
        HELD.put(UUID.fromString(negotiation), "COMPLAINT_SUSPENSION");
        ApiClient.Response contractHeld = api.post("/api/v1/tenders/" + negotiation + "/contract", "{}", api.freshToken("agency"));
        assertThat(contractHeld.code()).isEqualTo("CONTRACT_HELD");
        assertThat(stage(negotiation)).isEqualTo("AWARDED");
        HELD.clear();
        JsonNode contracted = api.post("/api/v1/tenders/" + negotiation + "/contract", "{}", api.freshToken("agency")).json();
        assertThat(contracted.path("stage").asString()).as(contracted.toString()).isEqualTo("CONTRACTED");
        assertThat(api.get(award, null).json().path("winner").path("bidderId").asString()).isEqualTo(ids.get("bidder1"));
    }

    /** 74号令 Art. 33/37: only two suppliers make a final offer in the last round → the procurement stops, naming the article. */
    @Test
    @Order(4)
    void gpl74_art33_fewerThanThreeFinalOffersStops() throws Exception {
        ApiClient api = api();
        List<String> members = started(negotiationStop);
        assertThat(reviewed(negotiationStop, members, List.of()).path("stage").asString()).isEqualTo("NEGOTIATION");
        roundOpened(negotiationStop, 1, "bidder1", "1850000.00", "bidder2", "1900000.00", "bidder3", "1840000.00");
        roundOpened(negotiationStop, 2, "bidder1", "1820000.00", "bidder3", "1830000.00");
        // the leader closes it on the workspace page (a member sees no close button)
        String page = "/workbench/evaluations/" + negotiationStop;
        org.sunbid.platform.WebSession member = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(member.login(members.get(1)).statusCode()).isEqualTo(302);
        assertThat(member.get(page).body()).contains("id=\"negotiation\"").doesNotContain("id=\"close-negotiation\"");
        org.sunbid.platform.WebSession leader = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(leader.login(members.get(0)).statusCode()).isEqualTo(302);
        assertThat(leader.get(page).body()).contains("id=\"close-negotiation\"");
        assertThat(leader.submit(page, page + "/negotiation/close", "").statusCode()).isEqualTo(302);
        JsonNode closed = api.get("/api/v1/tenders/" + negotiationStop + "/evaluation", api.freshToken(members.get(0))).json();
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("FAILED");
        assertThat(closed.path("failure").asString()).contains("第三十三条").contains("不足3家");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM award_decision WHERE tender_id = CAST(:t AS UUID)").param("t", negotiationStop)
                .query(Long.class).single()).isZero();
    }

    /**
     * 竞争性磋商: 3 qualified → NEGOTIATION; one round; close → each final offer's price score = lowest ÷ offer × 40
     * (214号 Art. 24), computed, never typed; the members score the rest; ranked → report → decision → award.
     */
    @Test
    @Order(5)
    void cgk2014_214_art24_consultationScoresFinalOffers() throws Exception {
        ApiClient api = api();
        List<String> members = started(consultation);
        String path = "/api/v1/tenders/" + consultation + "/evaluation";
        assertThat(reviewed(consultation, members, List.of()).path("stage").asString()).isEqualTo("NEGOTIATION");
        roundOpened(consultation, 1, "bidder1", "2700000.00", "bidder2", "2600000.00", "bidder3", "2650000.00");
        JsonNode closed = api.post(path + "/negotiation/close", "", api.freshToken(members.get(0))).json();
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("SCORING");
        Map<String, String> scores = new LinkedHashMap<>();
        closed.path("priceScores").forEach(p -> scores.put(p.path("bidderId").asString(), p.path("score").asString()));
        // 2600000/2700000×40 = 38.518… → 38.52; 40.00; 2600000/2650000×40 = 39.245… → 39.25
        assertThat(scores).containsOnly(Map.entry(ids.get("bidder1"), "38.52"), Map.entry(ids.get("bidder2"), "40.00"),
                Map.entry(ids.get("bidder3"), "39.25"));
        for (String m : members) {
            ApiClient.Response s = api.post(path + "/scores", ApiClient.json(Map.of("scores", Fixtures.scoreSheet(scores.keySet(), 20))),
                    api.freshToken(m));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
        }
        JsonNode ranked = api.get(path, api.freshToken(members.get(0))).json();
        assertThat(ranked.path("stage").asString()).isEqualTo("RANKED");
        assertThat(rankedPrices(ranked).keySet().iterator().next()).isEqualTo(ids.get("bidder2"));
        assertThat(rankedPrices(ranked).get(ids.get("bidder2"))).isEqualTo("2600000.00");
        assertThat(reportSigned(consultation, members).path("stage").asString()).isEqualTo("DECISION");
        JsonNode awarded = api.post("/api/v1/tenders/" + consultation + "/award", ApiClient.json(Map.of("bidderId", ids.get("bidder2"))),
                api.freshToken("agency")).json();
        assertThat(awarded.path("stage").asString()).as(awarded.toString()).isEqualTo("AWARDED");
        assertThat(awarded.path("winner").path("price").asString()).isEqualTo("2600000.00");
    }

    /** 询价 (no rounds, 74号令 Art. 47–49): the sealed quotations are the prices; the lowest compliant wins. */
    @Test
    @Order(6)
    void gpl74_art49_inquiryLowestQuotationWins() {
        ApiClient api = api();
        List<String> members = started(inquiry);
        JsonNode ranked = reviewed(inquiry, members, List.of());
        assertThat(ranked.path("stage").asString()).as(ranked.toString()).isEqualTo("RANKED");
        assertThat(rankedPrices(ranked)).containsExactly(Map.entry(ids.get("bidder2"), "2690000.00"),
                Map.entry(ids.get("bidder1"), "2710000.00"), Map.entry(ids.get("bidder3"), "2730000.00"));
        assertThat(reportSigned(inquiry, members).path("stage").asString()).isEqualTo("DECISION");
        JsonNode awarded = api.post("/api/v1/tenders/" + inquiry + "/award", ApiClient.json(Map.of("bidderId", ids.get("bidder2"))),
                api.freshToken("agency")).json();
        assertThat(awarded.path("stage").asString()).isEqualTo("AWARDED");
        assertThat(awarded.path("winner").path("price").asString()).isEqualTo("2690000.00");
    }

    /** 74号令 Art. 50: fewer than 3 compliant quotations → the inquiry stops, naming the article. */
    @Test
    @Order(7)
    void gpl74_art50_fewerThanThreeCompliantQuotationsStops() {
        List<String> members = started(inquiryStop);
        JsonNode failed = reviewed(inquiryStop, members, List.of(ids.get("bidder3")));
        assertThat(failed.path("stage").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("第五十条").contains("不足3家");
    }

    /**
     * 单一来源 (74号令 Art. 42): one supplier negotiates; its agreed final offer is the price; the panel signs the
     * negotiation minutes (谈判纪要, titled by the lot's rules: OPENING_MIN = 1 with NEGOTIATION_ROUNDS), every member with
     * their certificate; then the purchaser's decision.
     */
    @Test
    @Order(8)
    void gpl74_art42_singleSourceMinutesSignedByThePanel() throws Exception {
        ApiClient api = api();
        List<String> members = started(singleSource);
        assertThat(reviewed(singleSource, members, List.of()).path("stage").asString()).isEqualTo("NEGOTIATION");
        roundOpened(singleSource, 1, "bidder1", "2960000.00");
        roundOpened(singleSource, 2, "bidder1", "2940000.00");
        JsonNode closed = api.post("/api/v1/tenders/" + singleSource + "/evaluation/negotiation/close", "",
                api.freshToken(members.get(0))).json();
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("RANKED");
        assertThat(rankedPrices(closed)).containsExactly(Map.entry(ids.get("bidder1"), "2940000.00"));
        JsonNode signed = reportSigned(singleSource, members);
        assertThat(signed.path("stage").asString()).isEqualTo("DECISION");
        byte[] pdf = api.bytes("/api/v1/tenders/" + singleSource + "/evaluation/report", api.freshToken(members.get(0)));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("谈判纪要");
        }
        JsonNode signatures = api.get("/api/v1/tenders/" + singleSource + "/evaluation/report/signatures",
                api.freshToken(members.get(0))).json();
        assertThat(signatures.toString()).contains(members.get(0)).contains(members.get(4));
        // the purchaser does not decide: see gpr43_aHeldLotIsNotDeemedAwarded
    }

    /** 74号令 Art. 43 (BUDGET_STOPS): the agreed price above the lot's budget (3,000,000.00) stops the procurement. */
    @Test
    @Order(9)
    void gpl74_art43_singleSourcePriceAboveBudgetStops() throws Exception {
        ApiClient api = api();
        List<String> members = started(singleSourceAboveBudget);
        assertThat(reviewed(singleSourceAboveBudget, members, List.of()).path("stage").asString()).isEqualTo("NEGOTIATION");
        roundOpened(singleSourceAboveBudget, 1, "bidder1", "3000000.01");
        JsonNode closed = api.post("/api/v1/tenders/" + singleSourceAboveBudget + "/evaluation/negotiation/close", "",
                api.freshToken(members.get(0))).json();
        assertThat(closed.path("stage").asString()).as(closed.toString()).isEqualTo("FAILED");
        assertThat(closed.path("failure").asString()).contains("第四十三条").contains("超过采购预算");
    }

    /**
     * 74号令 Art. 7 through the draw request: a negotiation lot's panel of 2 is refused, naming the article, and no draw
     * is recorded; 3 (the lot's budget is under the open-tender threshold) would do.
     */
    @Test
    @Order(10)
    void gpl74_art7_negotiationPanelOfTwoRefusedAtTheDrawRequest() {
        ApiClient api = api();
        clock.set(START);
        long draws = jdbc.sql("SELECT COUNT(*) FROM expert_draw").query(Long.class).single();
        long entries = log.size();
        ApiClient.Response refused = api.post("/api/v1/tenders/" + negotiationScoringPlan + "/expert-draws", ApiClient.json(Map.of(
                "evaluationStart", START.plus(Duration.ofDays(81)).plus(Duration.ofHours(3)).toString(), "evaluationVenue", "评审室 " + UUID.randomUUID(),
                "representatives", 0, "specialties", List.of(Map.of("code", "A01", "count", 2)), "poolRegions", List.of("990100"),
                "avoid", List.of())), api.freshToken("agency"));
        assertThat(refused.code()).as(refused.body()).isEqualTo("PANEL_COMPOSITION");
        assertThat(refused.json().path("detail").asString()).contains("第74号第七条").contains("3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_draw").query(Long.class).single()).isEqualTo(draws);
        assertThat(log.size()).isEqualTo(entries);
    }

    /**
     * 条例 Art. 43 with a hold (条例 Art. 54 / 法 Art. 57 through {@link ContractHolds}): past the decision's 5 working
     * days a held lot is not deemed awarded; once free, the first-ranked is (the single-source supplier at its agreed price).
     */
    @Test
    @Order(11)
    void gpr43_aHeldLotIsNotDeemedAwarded() {
        Instant due = jdbc.sql("SELECT decision_due FROM award_decision WHERE tender_id = CAST(:t AS UUID)").param("t", singleSource)
                .query(java.time.OffsetDateTime.class).single().toInstant();
        clock.set(due.plus(Duration.ofHours(1)));
        Awards awards = context.getBean(Awards.class);
        HELD.put(UUID.fromString(singleSource), "COMPLAINT_SUSPENSION");
        awards.checkAwardDecisions();
        assertThat(stage(singleSource)).isEqualTo("DECISION");
        assertThat(logCount(singleSource, "evaluation.awarded")).isZero();
        HELD.clear();
        awards.checkAwardDecisions();
        assertThat(stage(singleSource)).isEqualTo("AWARDED");
        JsonNode award = api().get("/api/v1/tenders/" + singleSource + "/award", null).json();
        assertThat(award.path("winner").path("deemed").asBoolean()).isTrue();
        assertThat(award.path("winner").path("price").asString()).isEqualTo("2940000.00");
    }
}
