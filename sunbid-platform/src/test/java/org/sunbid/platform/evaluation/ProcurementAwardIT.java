package org.sunbid.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.payments.Refunds;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * A government procurement open tender (政府采购公开招标, ZFCG_OPEN_TENDER) after its evaluation, on the same award path
 * as a construction tender but under its own rules: two lots of one project are taken to a signed report (as
 * {@code EvaluationScenarioIT} does for construction); the purchaser awards lot 1, lot 2's award is deemed. A holiday
 * the calendar gains (2026-12-17, a Thursday) lies inside every working-day period counted here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcurementAwardIT extends PlatformIT {

    /** Lowest price ÷ bid × 40 (87号令 Art. 55: ≥ 30% for goods) — also a valid construction plan. */
    static final String PLAN = Fixtures.EVALUATION_PLAN.replaceAll("\"price\":\\{[^}]*\\}",
            "\"price\":{\"formula\":\"LOWEST_PRICE_FIRST\",\"weight\":\"0.40\"}");
    static final String HOLIDAY = "2026-12-17";

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired Evaluations evaluations;
    @Autowired Awards awards;
    @Autowired Deposits deposits;
    @Autowired Refunds refunds;
    @Autowired Sandbox sandbox;
    @Autowired AuditLog log;
    @Autowired org.springframework.context.ApplicationContext context;

    private String lot1;
    private String lot2;
    /** Organisation id by bidder username. */
    private final Map<String, String> ids = new HashMap<>();
    private Instant awardedAt;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @BeforeAll
    void twoLotsToSignedReports() throws Exception {
        clock.set(START);
        try (var c = databaseAdministrator(); var st = c.createStatement()) {
            st.execute("INSERT INTO calendar_day (day, kind, name, created_by) VALUES ('" + HOLIDAY + "', 'HOLIDAY', 'IT 假日', 'it')");
        }
        ApiClient api = api();
        String agency = api.freshToken("agency");
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        Instant documentsUntil = Instant.parse("2026-11-30T09:00:00Z");
        List<Map<String, Object>> lots = List.of(lot("采购包1：CT 设备", "3000000.00", "60000.00", deadline, documentsUntil),
                lot("采购包2：超声设备", "2000000.00", "40000.00", deadline, documentsUntil));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_OPEN_TENDER",
                "name", "云州市人民医院医疗设备采购项目", "budget", "5000000.00", "category", "GOODS", "itemCode", "A02320000",
                "tendereeId", purchaser, "lots", lots)), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status()).isEqualTo(200);
        lot1 = created.json().path("lots").get(0).path("id").asString();
        lot2 = created.json().path("lots").get(1).path("id").asString();
        for (String lot : List.of(lot1, lot2)) {
            assertThat(api.publish(lot, agency).status()).isEqualTo(200);
            ApiClient.Response plan = api.send("PUT", "/api/v1/tenders/" + lot + "/evaluation-plan", PLAN, agency, Map.of());
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        }
        NewExperts experts = new NewExperts(context, DATA);
        Organisation institute = experts.organisation("云州政府采购评审研究院" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 5; i++) {
            experts.expert("A01", institute.id());
            experts.expert("A05", institute.id());
        }
        clock.advance(Duration.ofDays(1));
        String[][] prices1 = {{"bidder1", "2850000.00"}, {"bidder2", "2790000.00"}, {"bidder3", "2900000.00"}, {"bidder4", "2820000.00"}};
        String[][] prices2 = {{"bidder1", "1880000.00"}, {"bidder2", "1920000.00"}, {"bidder3", "1860000.00"}, {"bidder4", "1950000.00"}};
        for (String[] b : prices1) {
            assertThat(sealAndUpload(lot1, b[0], b[1])).as(b[0]).isTrue();
        }
        for (String[] b : prices2) {
            assertThat(sealAndUpload(lot2, b[0], b[1])).as(b[0]).isTrue();
        }
        Instant start1 = deadline.plus(Duration.ofHours(3));
        Instant start2 = start1.plus(Duration.ofDays(1));
        String venue1 = "云州市公共资源交易中心第五评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String venue2 = "云州市公共资源交易中心第六评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String draw1 = experts.requestDraw(api, lot1, start1, venue1, 3, 2);
        String draw2 = experts.requestDraw(api, lot2, start2, venue2, 3, 2);

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        for (String lot : List.of(lot1, lot2)) {
            releaseShare(lot, "centre");
            assertThat(releaseShare(lot, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> evaluations.opened(UUID.fromString(lot1)) && evaluations.opened(UUID.fromString(lot2)));
        toSignedReport(experts, lot1, draw1, start1, venue1);
        toSignedReport(experts, lot2, draw2, start2, venue2);
        for (String b : List.of("bidder1", "bidder2", "bidder3", "bidder4")) {
            ids.put(b, jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", b).query(UUID.class).single().toString());
        }
        clock.set(START);
    }

    @AfterAll
    void removeTheHoliday() throws Exception {
        clock.set(START);
        try (var c = databaseAdministrator(); var st = c.createStatement()) {
            st.execute("DELETE FROM calendar_day WHERE day = '" + HOLIDAY + "' AND created_by = 'it'");
        }
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private Map<String, Object> lot(String name, String budget, String deposit, Instant deadline, Instant documentsUntil) {
        return Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", budget), Map.entry("deposit", deposit), Map.entry("qualification", "具备医疗器械经营许可"),
                Map.entry("evaluationMethod", "COMPREHENSIVE"), Map.entry("bidDeadline", deadline.toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", documentsUntil.toString()), Map.entry("notice", "采购公告正文"));
    }

    /** The committee qualifies every bid, scores alike, and every member signs the report. */
    private void toSignedReport(NewExperts experts, String lot, String drawId, Instant start, String venue) {
        ApiClient api = api();
        List<String> members = experts.drawAndAccept(start, venue);
        assertThat(members).hasSize(5);
        experts.signIn(api, drawId, members);
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        assertThat(started.path("stage").asString()).as(started.toString()).isEqualTo("QUALIFICATION");
        List<String> bidders = new ArrayList<>();
        started.path("bids").forEach(b -> bidders.add(b.path("bidderId").asString()));
        for (int i = 1; i < members.size(); i++) {
            api.post(path + "/leader", ApiClient.json(Map.of("candidate", members.get(0))), api.freshToken(members.get(i)));
        }
        for (String m : members) {
            Map<String, Object> votes = new LinkedHashMap<>();
            for (String b : bidders) {
                votes.put(b, Map.of("Q1", Map.of("pass", true), "Q2", Map.of("pass", true), "Q3", Map.of("pass", true)));
            }
            assertThat(api.post(path + "/reviews", ApiClient.json(Map.of("votes", votes)), api.freshToken(m)).status()).isEqualTo(200);
        }
        JsonNode scoring = api.get(path, api.freshToken(members.get(0))).json();
        assertThat(scoring.path("stage").asString()).as(scoring.toString()).isEqualTo("SCORING");
        List<String> scored = new ArrayList<>();
        scoring.path("priceScores").forEach(p -> scored.add(p.path("bidderId").asString()));
        for (String m : members) {
            ApiClient.Response s = api.post(path + "/scores", ApiClient.json(Map.of("scores", Fixtures.scoreSheet(scored, 20))),
                    api.freshToken(m));
            assertThat(s.status()).as(s.body()).isEqualTo(200);
        }
        JsonNode reported = api.post(path + "/report", "", api.freshToken(members.get(0))).json();
        assertThat(reported.path("stage").asString()).as(reported.toString()).isEqualTo("REPORTED");
        String challenge = reported.path("reportChallenge").asString();
        for (String m : members) {
            assertThat(api.post(path + "/report/signatures", ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(
                    Sm2.sign(experts.keyOf(m), challenge.getBytes(StandardCharsets.UTF_8))))), api.freshToken(m)).status()).isEqualTo(200);
        }
    }

    private long logCount(String tenderId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", tenderId).query(Long.class).single();
    }

    private String lastLog(String tenderId, String action) {
        return jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t
                ORDER BY seq DESC LIMIT 1""").param("a", action).param("t", tenderId).query(String.class).single();
    }

    /** The full ranking as the committee fixed it: bidder id → [rank, score]. */
    private Map<String, String[]> ranking(String lot) {
        JsonNode ranking = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                jdbc.sql("SELECT ranking FROM evaluation WHERE tender_id = CAST(:t AS UUID)").param("t", lot).query(String.class).single());
        Map<String, String[]> out = new LinkedHashMap<>();
        ranking.path("ranked").forEach(r -> out.put(r.path("bidderId").asString(),
                new String[] {String.valueOf(r.path("rank").asInt()), r.path("score").asString()}));
        return out;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asString());
    }

    private String firstRanked(String lot) {
        return ranking(lot).entrySet().stream().filter(e -> e.getValue()[0].equals("1")).findFirst().orElseThrow().getKey();
    }

    private String award(String lot) {
        return "/api/v1/tenders/" + lot + "/award";
    }

    @Test
    @Order(1)
    void gpr43_reportGoesToThePurchaserWithNoCandidatesPublicity() throws Exception {
        ApiClient api = api();
        // 条例 Art. 43: 5 working days from the report (signed 2026-12-14): 15, 16, (17 holiday), 18, 21, 22 → 24:00 on the 22nd
        JsonNode insider = api.get(award(lot1), api.freshToken("agency")).json();
        assertThat(insider.path("stage").asString()).as(insider.toString()).isEqualTo("DECISION");
        assertThat(insider.path("procedureCode").asString()).isEqualTo("ZFCG_OPEN_TENDER");
        assertThat(Instant.parse(insider.path("decisionDue").asString())).isEqualTo(Instant.parse("2026-12-22T16:00:00Z"));
        assertThat(insider.path("publicityStarts").isNull()).isTrue();
        assertThat(insider.path("candidates")).hasSize(3);
        assertThat(logCount(lot1, "evaluation.report.delivered")).isEqualTo(1);
        assertThat(logCount(lot1, "evaluation.publicity.started")).isZero();
        // nothing public before the result notice; no objection period to the candidates
        assertThat(api.get(award(lot1), null).code()).isEqualTo("EVALUATION_NOT_FOUND");
        assertThat(api.get("/api/v1/tenders/" + lot1 + "/evaluation", api.freshToken("agency")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenders/" + lot1 + "/evaluation/report", api.freshToken("agency")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenders/" + lot1 + "/evaluation", null).status()).isIn(401, 404);
        assertThat(api.get("/api/v1/tenders/" + lot1 + "/evaluation/report", api.freshToken("bidder1")).status()).isEqualTo(404);
        assertThat(api.get(award(lot1), api.freshToken("bidder1")).code()).isEqualTo("EVALUATION_NOT_FOUND");
        assertThat(api.post(award(lot1) + "-objections", ApiClient.json(Map.of("text", "异议")), api.freshToken("bidder3")).code())
                .isEqualTo("OBJECTION_OUTSIDE_PUBLICITY");
        // the purchaser's workbench: the award to decide, and by when
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login("agency").statusCode()).isEqualTo(302);
        assertThat(web.get("/workbench/awards/" + lot1).body()).contains("id=\"decision-due\"").contains("id=\"award-form\"");
        assertThat(web.get("/workbench").body()).contains("/workbench/awards/" + lot1);
    }

    @Test
    @Order(2)
    void gpl87_art68_thePurchaserAwardsInTheReportsOrder() {
        ApiClient api = api();
        clock.set(Instant.parse("2026-12-15T02:00:00Z"));
        String second = ranking(lot1).entrySet().stream().filter(e -> e.getValue()[0].equals("2")).findFirst().orElseThrow().getKey();
        long before = log.size();
        ApiClient.Response refused = api.post(award(lot1), ApiClient.json(Map.of("bidderId", second)), api.freshToken("agency"));
        assertThat(refused.code()).isEqualTo("GP_AWARD_NOT_FIRST_RANKED");
        assertThat(refused.json().path("detail").asString()).contains("第六十八条");
        assertThat(log.size()).isEqualTo(before);
        assertThat(api.get(award(lot1), api.freshToken("agency")).json().path("stage").asString()).isEqualTo("DECISION");
    }

    @Test
    @Order(3)
    void gpl87_art69_resultNoticeWithinTwoWorkingDays() throws Exception {
        ApiClient api = api();
        clock.set(Instant.parse("2026-12-15T02:00:00Z")); // Tuesday 10:00 Beijing
        String first = firstRanked(lot1);
        JsonNode awarded = api.post(award(lot1), ApiClient.json(Map.of("bidderId", first)), api.freshToken("agency")).json();
        assertThat(awarded.path("stage").asString()).as(awarded.toString()).isEqualTo("AWARDED");
        awardedAt = Instant.parse(awarded.path("winner").path("awardedAt").asString());
        JsonNode notice = awarded.path("resultNotice");
        // published with the award; due within 2 working days (16th, 18th: the 17th is a holiday), running 1 working day
        assertThat(Instant.parse(notice.path("publishedAt").asString())).isEqualTo(awardedAt);
        assertThat(Instant.parse(notice.path("due").asString())).isEqualTo(Instant.parse("2026-12-18T16:00:00Z"));
        assertThat(Instant.parse(notice.path("periodEnds").asString())).isEqualTo(Instant.parse("2026-12-16T16:00:00Z"));
        assertThat(notice.path("documents").asString()).isEqualTo("/api/v1/tenders/" + lot1 + "/documents");
        // the signed award notice carries the result notice and the GP rules
        String text = awarded.path("winner").path("notice").asString();
        assertThat(text).contains("resultNotice").contains("第六十九条").contains("《政府采购法》第四十六条");
        var platform = Pem.certificate(api.get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        assertThat(Sm2.verify(platform.getPublicKey(), text.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(awarded.path("winner").path("noticeSignature").asString()))).isTrue();
        // public on the portal now, with its period and the documents; the ranking is not
        JsonNode open = api.get(award(lot1), null).json();
        assertThat(open.path("winner").path("bidderId").asString()).isEqualTo(first);
        assertThat(open.path("candidates")).isEmpty();
        String page = api.get("/tenders/" + lot1, null).body();
        assertThat(page).contains("中标结果公告").contains("id=\"result-notice\"")
                .contains("/api/v1/tenders/" + lot1 + "/documents");
        // Law 46 / 法 Art. 46: the contract within 30 days of the notice (2027-01-14, a Thursday)
        assertThat(Instant.parse(awarded.path("winner").path("contractDue").asString())).isEqualTo(Instant.parse("2027-01-14T16:00:00Z"));
    }

    @Test
    @Order(4)
    void gpl87_art69_eachLosingSupplierSeesOnlyItsOwnScoreAndRank() throws Exception {
        ApiClient api = api();
        Map<String, String[]> ranking = ranking(lot1);
        String winner = firstRanked(lot1);
        for (String b : List.of("bidder1", "bidder2", "bidder3", "bidder4")) {
            String id = ids.get(b);
            JsonNode mine = api.get(award(lot1) + "/my-result", api.freshToken(b)).json();
            assertThat(mine.path("bidderId").asString()).as(b).isEqualTo(id);
            assertThat(String.valueOf(mine.path("rank").asInt())).as(mine.toString()).isEqualTo(ranking.get(id)[0]);
            assertThat(decimal(mine.path("score"))).as(mine.toString()).isEqualByComparingTo(ranking.get(id)[1]);
        }
        // the attack: a losing supplier asks for another supplier's score — and gets nothing
        String loser = ids.entrySet().stream().filter(e -> !e.getValue().equals(winner)).findFirst().orElseThrow().getKey();
        String other = ids.entrySet().stream().filter(e -> !e.getKey().equals(loser) && !e.getValue().equals(winner)).findFirst()
                .orElseThrow().getValue();
        long logBefore = log.size();
        String awardBefore = jdbc.sql("SELECT CAST(row_to_json(a) AS TEXT) FROM award a WHERE tender_id = CAST(:t AS UUID)")
                .param("t", lot1).query(String.class).single();
        ApiClient.Response asked = api.get(award(lot1) + "/my-result?bidderId=" + other, api.freshToken(loser));
        assertThat(asked.status()).isEqualTo(404);
        assertThat(asked.body()).doesNotContain(ranking.get(other)[1]).doesNotContain(other);
        ApiClient.Response view = api.get(award(lot1), api.freshToken(loser));
        assertThat(view.json().path("candidates")).isEmpty();
        assertThat(view.body()).doesNotContain(ranking.get(other)[1]);
        // nor through the evaluation, its report or the portal: none of them is public in procurement
        for (String path : List.of("/evaluation", "/evaluation/report", "/evaluation/report/signatures")) {
            assertThat(api.get("/api/v1/tenders/" + lot1 + path, api.freshToken(loser)).status()).as(path).isEqualTo(404);
            assertThat(api.get("/api/v1/tenders/" + lot1 + path, null).status()).as(path).isIn(401, 404);
        }
        assertThat(api.get("/tenders/" + lot1, null).body()).doesNotContain(ranking.get(other)[1]).doesNotContain("evaluation/report");
        // the workbench's award page shows the supplier its own score, and nobody else's
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login(loser).statusCode()).isEqualTo(302);
        String page = web.get("/workbench/awards/" + lot1).body();
        assertThat(page).contains("id=\"my-score\"").doesNotContain(ranking.get(other)[1]);
        assertThat(api.get(award(lot1) + "/my-result", null).status()).isIn(401, 404);
        assertThat(log.size()).isEqualTo(logBefore);
        assertThat(jdbc.sql("SELECT CAST(row_to_json(a) AS TEXT) FROM award a WHERE tender_id = CAST(:t AS UUID)")
                .param("t", lot1).query(String.class).single()).isEqualTo(awardBefore);
    }

    @Test
    @Order(5)
    void gpl87_art38_depositsRefundedWithinFiveWorkingDaysAndLateOnesCarryTheCharge() {
        ApiClient api = api();
        JsonNode due = api.get(award(lot1) + "/refunds", api.freshToken("supervisor")).json();
        assertThat(due).hasSize(3);
        due.forEach(r -> {
            assertThat(r.path("refund").path("reason").asString()).isEqualTo("NOT_AWARDED");
            // 5 working days from the award notice (2026-12-15): 16, (17 holiday), 18, 21, 22, 23 → 24:00 on the 23rd
            assertThat(Instant.parse(r.path("refund").path("dueAt").asString())).isEqualTo(Instant.parse("2026-12-23T16:00:00Z"));
            assertThat(r.path("refund").path("rule").asString()).isEqualTo("财政部令第87号第三十八条");
        });
        // still not refunded the next morning: flagged to the supervisor
        clock.set(Instant.parse("2026-12-24T02:00:00Z"));
        deposits.flagOverdueRefunds();
        assertThat(logCount(lot1, "payments.refund.overdue")).isEqualTo(3);
        assertThat(lastLog(lot1, "payments.refund.overdue")).contains("第三十八条").contains("0.0522");
        // refunded two days after the due day: the benchmark loan rate 4.35% + 20% = 5.22% a year, on 60 000 yuan for
        // 2 days of a 360-day year = 17.40 yuan
        clock.set(Instant.parse("2026-12-25T02:00:00Z"));
        refunds.dispatchPending();
        sandbox.completeRefunds();
        JsonNode late = api.get(award(lot1) + "/refunds", api.freshToken("agency")).json();
        late.forEach(r -> {
            assertThat(r.path("refund").path("status").asString()).isEqualTo("COMPLETED");
            assertThat(r.path("refund").path("overdue").asBoolean()).isTrue();
            JsonNode charge = r.path("refund").path("lateCharge");
            assertThat(decimal(charge.isObject() ? charge.path("yuan") : charge)).as(r.toString())
                    .isEqualByComparingTo("17.40");
        });
    }

    @Test
    @Order(6)
    void gpl_art46_contractWithinThirtyDaysRemindedAndFlaggedWhenOverdue() {
        ApiClient api = api();
        clock.set(Instant.parse("2027-01-09T15:00:00Z"));
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.reminder")).isZero();
        clock.set(Instant.parse("2027-01-09T16:00:01Z"));
        awards.checkContracts();
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.reminder")).isEqualTo(1);
        clock.set(Instant.parse("2027-01-14T15:59:00Z"));
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.overdue")).isZero();
        assertThat(api.get(award(lot1), null).json().path("winner").path("contractOverdue").asBoolean()).isFalse();
        clock.set(Instant.parse("2027-01-14T16:00:01Z"));
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.overdue")).isEqualTo(1);
        assertThat(lastLog(lot1, "evaluation.contract.overdue")).contains("《政府采购法》第四十六条").contains("SUPERVISOR");
        assertThat(api.get(award(lot1), null).json().path("winner").path("contractOverdue").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void gpr50_contractPublishedWithinTwoWorkingDaysAndAnOverduePublicationFlagged() {
        ApiClient api = api();
        clock.set(Instant.parse("2027-01-15T02:00:00Z")); // Friday
        JsonNode contracted = api.post("/api/v1/tenders/" + lot1 + "/contract", "{}", api.freshToken("agency")).json();
        assertThat(contracted.path("stage").asString()).isEqualTo("CONTRACTED");
        // 2 working days after Friday: Monday 18th, Tuesday 19th → 24:00 on the 19th
        assertThat(Instant.parse(contracted.path("winner").path("contractPublicationDue").asString()))
                .isEqualTo(Instant.parse("2027-01-19T16:00:00Z"));
        // 87号令 Art. 38: the winner's deposit within 5 working days of the contract
        JsonNode winnerRefund = api.get(award(lot1) + "/refunds", api.freshToken("agency")).json().get(3).path("refund");
        assertThat(winnerRefund.path("reason").asString()).isEqualTo("AWARDED_CONTRACT_SIGNED");
        assertThat(Instant.parse(winnerRefund.path("dueAt").asString())).isEqualTo(Instant.parse("2027-01-22T16:00:00Z"));
        clock.set(Instant.parse("2027-01-19T15:00:00Z"));
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.publication-overdue")).isZero();
        clock.set(Instant.parse("2027-01-19T16:00:01Z"));
        awards.checkContracts();
        awards.checkContracts();
        assertThat(logCount(lot1, "evaluation.contract.publication-overdue")).isEqualTo(1);
        assertThat(lastLog(lot1, "evaluation.contract.publication-overdue")).contains("第五十条").contains("SUPERVISOR");
        assertThat(api.get(award(lot1), null).json().path("winner").path("contractPublicationOverdue").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/tenders/" + lot1 + "/contract/publication", "", api.freshToken("bidder1")).status()).isIn(403, 404);
        JsonNode published = api.post("/api/v1/tenders/" + lot1 + "/contract/publication", "", api.freshToken("agency")).json();
        assertThat(published.path("winner").path("contractPublishedAt").isNull()).isFalse();
        assertThat(lastLog(lot1, "evaluation.contract.published")).contains("\"withinDue\":false");
        assertThat(api.post("/api/v1/tenders/" + lot1 + "/contract/publication", "", api.freshToken("agency")).code())
                .isEqualTo("EVALUATION_STAGE");
    }

    @Test
    @Order(8)
    void gpr43_awardDecisionDeemedFirstRankedAfterFiveWorkingDays() {
        ApiClient api = api();
        // lot 2's report was signed on 2026-12-15: 16, (17 holiday), 18, 21, 22, 23 → 24:00 on the 23rd
        assertThat(Instant.parse(api.get(award(lot2), api.freshToken("agency")).json().path("decisionDue").asString()))
                .isEqualTo(Instant.parse("2026-12-23T16:00:00Z"));
        clock.set(Instant.parse("2026-12-23T15:59:00Z"));
        awards.checkAwardDecisions();
        assertThat(api.get(award(lot2), api.freshToken("agency")).json().path("stage").asString()).isEqualTo("DECISION");
        clock.set(Instant.parse("2026-12-23T16:00:01Z"));
        awards.checkAwardDecisions();
        awards.checkAwardDecisions();
        JsonNode deemed = api.get(award(lot2), null).json();
        assertThat(deemed.path("stage").asString()).isEqualTo("AWARDED");
        assertThat(deemed.path("winner").path("bidderId").asString()).isEqualTo(firstRanked(lot2));
        assertThat(deemed.path("winner").path("deemed").asBoolean()).isTrue();
        assertThat(deemed.path("winner").path("notice").asString()).contains("第四十三条");
        assertThat(logCount(lot2, "evaluation.awarded")).isEqualTo(1);
        assertThat(api.get(award(lot2) + "/refunds", api.freshToken("supervisor")).json()).hasSize(3);
        // then the contract, published on time (条例 Art. 50)
        clock.set(Instant.parse("2026-12-28T02:00:00Z"));
        api.post("/api/v1/tenders/" + lot2 + "/contract", "{}", api.freshToken("agency"));
        clock.set(Instant.parse("2026-12-29T02:00:00Z"));
        JsonNode published = api.post("/api/v1/tenders/" + lot2 + "/contract/publication", "", api.freshToken("agency")).json();
        assertThat(published.path("winner").path("contractPublicationOverdue").asBoolean()).isFalse();
        assertThat(lastLog(lot2, "evaluation.contract.published")).contains("\"withinDue\":true");
        clock.set(Instant.parse("2026-12-31T02:00:00Z"));
        awards.checkContracts();
        assertThat(logCount(lot2, "evaluation.contract.publication-overdue")).isZero();
    }
}
