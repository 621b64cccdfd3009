package org.sunbid.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * A government procurement open tender (政府采购公开招标, 财政部令第87号) with two lots through the same registration,
 * deposit, sealing, opening, draw and evaluation path as a construction tender, its rules resolved from the
 * ZFCG_OPEN_TENDER procedure at each event's date: the panel of 7 for the lot of 12 million yuan and of 5 for the lot
 * of 3 million (Art. 47), the price weight's floor and the SME deduction range in the plan (Art. 55; 财库〔2022〕19号),
 * the domestic-product preference (国办发〔2025〕34号), the abnormal-price review (Art. 60; 财库〔2026〕2号) — one
 * explained and accepted, one lapsed and invalid — the purchaser's side refused as leader (Art. 45(4)), the policy
 * deductions before the reference price, and fewer than three qualified failing the lot (Art. 44). Each refusal leaves
 * everything else as it was.
 */
class ProcurementEvaluationIT extends PlatformIT {

    private static final AtomicInteger SERIAL = new AtomicInteger(900);

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired Evaluations evaluations;
    @Autowired AuditLog log;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired ProcurementRules procurement;

    private ApiClient api;

    @BeforeEach
    void atStart() {
        clock.set(START);
        api = new ApiClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private NewExperts newExperts() {
        return new NewExperts(context, DATA);
    }

    /** 综合评分法 with the price lowest price first at {@code weight} (the rest 100 − weight × 100 points). */
    private static Map<String, Object> comprehensivePlan(String weight, String smeRate) {
        int rest = 100 - new BigDecimal(weight).movePointRight(2).intValueExact();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("qualification", qualification());
        plan.put("technical", List.of(Map.of("code", "T1", "text", "技术参数响应", "points", rest - 25),
                Map.of("code", "T2", "text", "售后服务方案", "points", 15)));
        plan.put("commercial", List.of(Map.of("code", "C1", "text", "类似业绩", "points", 10)));
        plan.put("price", Map.of("formula", "LOWEST_PRICE_FIRST", "weight", weight));
        plan.put("extremeThreshold", "15");
        plan.put("tieRule", "LOWER_PRICE");
        plan.put("policy", Map.of("smeRate", smeRate));
        return plan;
    }

    private static List<Map<String, Object>> qualification() {
        return List.of(Map.of("code", "Q1", "text", "具有独立承担民事责任的能力"), Map.of("code", "Q2", "text", "投标保证金已提交"),
                Map.of("code", "Q3", "text", "满足采购需求的实质性要求"));
    }

    private Map<String, Object> lot(String name, String budget, String deposit, String method) {
        return Map.ofEntries(Map.entry("projectCode", "ZF-" + System.nanoTime() % 100_000_000), Map.entry("name", name),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", budget), Map.entry("deposit", deposit),
                Map.entry("qualification", "具备医疗器械经营许可"), Map.entry("evaluationMethod", method),
                Map.entry("bidDeadline", clock.instant().plus(Duration.ofDays(21)).toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", "2026-11-30T09:00:00Z"), Map.entry("notice", "采购公告正文"));
    }

    /** A ZFCG_OPEN_TENDER project of goods with {@code lots}, each lot published; the lots' tender ids. */
    private List<String> publishedProject(List<Map<String, Object>> lots) {
        return publishedProject(lots, null);
    }

    /** As {@link #publishedProject(List)}, with the project's 最高限价 {@code priceCap} (or none). */
    private List<String> publishedProject(List<Map<String, Object>> lots, String priceCap) {
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        BigDecimal budget = lots.stream().map(l -> new BigDecimal((String) l.get("estimatedPrice"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> project = new LinkedHashMap<>(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_OPEN_TENDER",
                "name", "云州市人民医院医疗设备采购项目", "budget", budget.toPlainString(), "category", "GOODS", "itemCode", "A02320000",
                "tendereeId", purchaser, "lots", lots));
        if (priceCap != null) {
            project.put("priceCap", priceCap);
        }
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(project), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), api.token("agency")).status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        created.json().path("lots").forEach(l -> ids.add(l.path("id").asString()));
        for (String id : ids) {
            ApiClient.Response published = api.publish(id, api.token("agency"));
            assertThat(published.status()).as(published.body()).isEqualTo(200);
        }
        return ids;
    }

    private ApiClient.Response setPlan(String tenderId, Map<String, Object> plan) {
        return api.send("PUT", "/api/v1/tenders/" + tenderId + "/evaluation-plan", ApiClient.json(plan), api.freshToken("agency"), Map.of());
    }

    /** A bidder registers, pays its deposit, seals {@code priceSheet} (its declarations included) and uploads. */
    private void bid(String tenderId, String bidder, Map<String, Object> priceSheet) throws Exception {
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken(bidder));
        api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), api.freshToken(bidder));
        Path work = Files.createTempDirectory("gp-bid-" + bidder);
        Path folder = Files.createDirectories(work.resolve("投标文件"));
        Files.writeString(folder.resolve("投标函.txt"), "投标函 " + priceSheet.get("totalPrice"));
        Path sheet = Files.writeString(work.resolve("price.json"), ApiClient.json(priceSheet));
        Path envelope = work.resolve("bid.sbenv");
        Path keys = DATA.resolve("demo-keys");
        org.sunbid.bidder.BidderTool.Result sealed = org.sunbid.bidder.BidderTool.run("seal", "--platform", baseUrl(),
                "--tender", tenderId, "--folder", folder.toString(), "--price-sheet", sheet.toString(),
                "--key", keys.resolve(creditCodeOf(bidder) + ".key.pem").toString(),
                "--cert", keys.resolve(creditCodeOf(bidder) + ".crt.pem").toString(), "--out", envelope.toString());
        assertThat(sealed.ok()).as(sealed.line()).isTrue();
        assertThat(org.sunbid.bidder.BidderTool.run("upload", "--platform", baseUrl(), "--tender", tenderId, "--user", bidder,
                "--password", PASSWORD, envelope.toString()).ok()).as(bidder).isTrue();
    }

    private static Map<String, Object> sheet(String price, String sme, String domesticGoods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("totalPrice", price);
        m.put("deliveryDays", 60);
        if (sme != null) {
            m.put("smeDeclaration", sme);
        }
        if (domesticGoods != null) {
            m.put("domesticGoodsPrice", domesticGoods);
        }
        return m;
    }

    /** The deadline passes, the custodians release their shares and the evaluation receives the opened bids. */
    private void closeAndOpen(Instant deadline, List<String> lots) throws Exception {
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        for (String lot : lots) {
            releaseShare(lot, "centre");
            assertThat(releaseShare(lot, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lots.stream().allMatch(l -> evaluations.opened(UUID.fromString(l))));
    }

    private void newExpertsInAnInstitute(int each) {
        Organisation institute = newExperts().organisation("云州政府采购评审研究院" + SERIAL.incrementAndGet());
        for (int i = 0; i < each; i++) {
            newExperts().expert("A01", institute.id());
            newExperts().expert("A05", institute.id());
        }
    }

    private ApiClient.Response requestDraw(String tenderId, Instant start, String venue, int a01, int a05) {
        return api.post("/api/v1/tenders/" + tenderId + "/expert-draws", ApiClient.json(Map.of("evaluationStart", start.toString(),
                "evaluationVenue", venue, "representatives", 0, "specialties", List.of(Map.of("code", "A01", "count", a01),
                        Map.of("code", "A05", "count", a05)), "poolRegions", List.of("990100"), "avoid", List.of())),
                api.freshToken("agency"));
    }

    /** Every member reviews every bid: {@code fails} bidders failed on Q3 by every member. */
    private JsonNode reviewAll(String path, List<String> members, Iterable<String> bidders, List<String> fails) {
        JsonNode last = null;
        for (String m : members) {
            Map<String, Object> votes = new LinkedHashMap<>();
            for (String b : bidders) {
                Map<String, Object> items = new LinkedHashMap<>();
                for (String q : List.of("Q1", "Q2", "Q3")) {
                    items.put(q, fails.contains(b) && q.equals("Q3") ? Map.of("pass", false, "reason", "技术参数存在负偏离")
                            : Map.of("pass", true));
                }
                votes.put(b, items);
            }
            ApiClient.Response r = api.post(path + "/reviews", ApiClient.json(Map.of("votes", votes)), api.freshToken(m));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.json();
        }
        return last;
    }

    private Map<String, String> bidderIds(JsonNode evaluation) {
        Map<String, String> out = new LinkedHashMap<>();
        evaluation.path("bids").forEach(b -> out.put(b.path("bidder").asString(), b.path("bidderId").asString()));
        return out;
    }

    private String idOf(Map<String, String> ids, String username) {
        return ids.get(jdbc.sql("SELECT o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = :u")
                .param("u", username).query(String.class).single());
    }

    private long logCount(String tenderId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", tenderId).query(Long.class).single();
    }

    /** A workbench page as {@code username} sees it. */
    private String page(String username, String path) throws Exception {
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login(username).statusCode()).isEqualTo(302);
        return web.get(path).body();
    }

    private JsonNode review(JsonNode evaluation, String bidderId) {
        for (JsonNode r : evaluation.path("priceReviews")) {
            if (r.path("bidderId").asString().equals(bidderId)) {
                return r;
            }
        }
        throw new AssertionError("no price review of " + bidderId + " in " + evaluation.path("priceReviews"));
    }

    /**
     * The evaluation resolves the lot's rules at the event's Beijing date, each dated rule on both sides of its change:
     * 财库〔2026〕2号's thresholds from 2026-02-01 (before: panel judgement only), 国办发〔2025〕34号's domestic preference
     * from 2026-01-01, the SME range of 财库〔2020〕46号 (6%–10%) until 2022-06-30 and of 财库〔2022〕19号 (10%–20%) after.
     */
    @Test
    void caiku2026_2_gbf2025_34_caiku2022_19_theEvaluationAppliesTheRulesInForceAtTheEventsDate() {
        java.util.UUID lot = java.util.UUID.fromString(oneLot("GOODS", "3000000.00", "60000.00"));
        Instant lastOfJanuary = Instant.parse("2026-01-31T15:59:59Z"); // 23:59:59 in Beijing
        Instant firstOfFebruary = Instant.parse("2026-01-31T16:00:00Z");
        assertThat(procurement.at(lot, lastOfJanuary).orElseThrow().thresholds()).isEmpty();
        var thresholds = procurement.at(lot, firstOfFebruary).orElseThrow().thresholds().orElseThrow();
        assertThat(thresholds.ofMean()).isEqualByComparingTo("0.50");
        assertThat(thresholds.ofCap()).isEqualByComparingTo("0.45");
        assertThat(thresholds.minimumExplanationTime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(procurement.at(lot, Instant.parse("2025-12-31T15:59:59Z")).orElseThrow().policyRates().domesticPreference()).isNull();
        assertThat(procurement.at(lot, Instant.parse("2025-12-31T16:00:00Z")).orElseThrow().policyRates().domesticPreference())
                .isEqualByComparingTo("0.20");
        var before = procurement.at(lot, Instant.parse("2022-06-30T12:00:00Z")).orElseThrow().policyRates();
        var after = procurement.at(lot, Instant.parse("2022-07-01T12:00:00Z")).orElseThrow().policyRates();
        assertThat(before.smallMicro().max()).isEqualByComparingTo("0.10");
        assertThat(before.consortiumShare().max()).isEqualByComparingTo("0.03");
        assertThat(after.smallMicro().min()).isEqualByComparingTo("0.10");
        assertThat(after.smallMicro().max()).isEqualByComparingTo("0.20");
        assertThat(after.consortiumShare().min()).isEqualByComparingTo("0.04");
        assertThat(procurement.at(lot, firstOfFebruary).orElseThrow().quorum().minimumQualified()).isEqualTo(3);
        // a construction lot has none of these rules: its evaluation runs as it always has
        String construction = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0101'").query(String.class).single();
        assertThat(procurement.at(java.util.UUID.fromString(construction), firstOfFebruary)).isEmpty();
    }

    @Test
    void gpl87_art47_art54_art55_art60_art45_twoLotsRunTheSharedPathUnderProcurementRules() throws Exception {
        List<String> lots = publishedProject(List.of(lot("采购包1：医学影像设备", "12000000.00", "200000.00", "COMPREHENSIVE"),
                lot("采购包2：检验设备", "3000000.00", "50000.00", "LOWEST_EVALUATED_PRICE")));
        String lotA = lots.get(0);
        String lotB = lots.get(1);
        Instant deadline = Instant.parse(api.get("/api/v1/tenders/" + lotA, api.token("agency")).json().path("bidDeadline").asString());

        // At the floor it is accepted; the plan carries the policy in force at its date, the domestic preference included.
        long logBefore;
        ApiClient.Response planA = setPlan(lotA, comprehensivePlan("0.30", "0.10"));
        assertThat(planA.status()).as(planA.body()).isEqualTo(200);
        assertThat(planA.json().path("policy").path("smeRate").asString()).isEqualTo("0.1");
        assertThat(planA.json().path("policy").path("domesticPreference").asString()).isEqualTo("0.2");
        ApiClient.Response planB = setPlan(lotB, Map.of("qualification", qualification(), "policy", Map.of("smeRate", "0.15")));
        assertThat(planB.status()).as(planB.body()).isEqualTo(200);

        newExpertsInAnInstitute(8);
        clock.advance(Duration.ofDays(1));
        // Lot A: bidder2 declares itself a small enterprise, bidder3 offers 5 million of domestic goods, bidder4 is far
        // below the others. Lot B: bidder1 is small, bidder5 far below the others.
        bid(lotA, "bidder1", sheet("11000000.00", null, null));
        bid(lotA, "bidder2", sheet("10800000.00", "SMALL_OR_MICRO", null));
        bid(lotA, "bidder3", sheet("11500000.00", "NONE", "5000000.00"));
        bid(lotA, "bidder4", sheet("4000000.00", null, null));
        bid(lotB, "bidder1", sheet("2800000.00", "SMALL", null)); // the short form counts as small/micro too
        bid(lotB, "bidder2", sheet("2700000.00", null, null));
        bid(lotB, "bidder3", sheet("2900000.00", null, null));
        bid(lotB, "bidder5", sheet("1000000.00", null, null));

        // 87号令 Art. 47: the lot of 12 million yuan gets a panel of 7, the lot of 3 million one of 5.
        Instant startA = deadline.plus(Duration.ofHours(3));
        Instant startB = deadline.plus(Duration.ofHours(5));
        String venueA = "云州市公共资源交易中心第五评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String venueB = "云州市公共资源交易中心第六评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String drawA = newExperts().requestDraw(api, lotA, startA, venueA, 4, 3);
        String drawB = newExperts().requestDraw(api, lotB, startB, venueB, 3, 2); // 3 million: 5 is enough

        closeAndOpen(deadline, lots);
        List<String> membersA = newExperts().drawAndAccept(startA, venueA);
        List<String> membersB = newExperts().drawAndAccept(startB, venueB);
        assertThat(membersA).hasSize(7);
        assertThat(membersB).hasSize(5);
        newExperts().signIn(api, drawA, membersA);
        newExperts().signIn(api, drawB, membersB);

        // ---- Lot A: 综合评分法
        String pathA = "/api/v1/tenders/" + lotA + "/evaluation";
        JsonNode startedA = api.post(pathA, "", api.freshToken(membersA.get(0))).json();
        assertThat(startedA.path("stage").asString()).as(startedA.toString()).isEqualTo("QUALIFICATION");
        Map<String, String> idsA = bidderIds(startedA);
        // The declarations are the opened price sheet's fields, as the committee sees them.
        List<String> declared = new ArrayList<>();
        startedA.path("bids").forEach(b -> declared.add(b.path("bidderId").asString() + "=" + b.path("priceSheet").path("smeDeclaration").asString()));
        assertThat(declared).contains(idOf(idsA, "bidder2") + "=SMALL_OR_MICRO", idOf(idsA, "bidder3") + "=NONE");

        // 87号令 Art. 45(4): the purchaser's side may not chair, neither appointed by itself nor voted for by a member.
        logBefore = log.size();
        ApiClient.Response appointed = api.post(pathA + "/leader", ApiClient.json(Map.of("candidate", "agency")), api.freshToken("agency"));
        assertThat(appointed.code()).isEqualTo("PURCHASER_REPRESENTATIVE_MAY_NOT_LEAD");
        assertThat(appointed.json().path("detail").asString()).contains("第四十五条");
        assertThat(api.post(pathA + "/leader", ApiClient.json(Map.of("candidate", "agency")), api.freshToken(membersA.get(1))).code())
                .isEqualTo("PURCHASER_REPRESENTATIVE_MAY_NOT_LEAD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_leader_vote WHERE tender_id = CAST(:t AS UUID)").param("t", lotA)
                .query(Long.class).single()).isZero();
        assertThat(api.get(pathA, api.freshToken(membersA.get(0))).json().path("leader").isNull()).isTrue();
        assertThat(log.size()).isEqualTo(logBefore);
        for (int i = 1; i <= 4; i++) {
            api.post(pathA + "/leader", ApiClient.json(Map.of("candidate", membersA.get(0))), api.freshToken(membersA.get(i)));
        }
        String leaderA = membersA.get(0);

        // Qualification: all pass. 财库〔2026〕2号: bidder4's price is below half the mean and of the next-lowest and below
        // 45% of the budget: a review opens and the evaluation waits for it.
        JsonNode reviewedA = reviewAll(pathA, membersA, idsA.values(), List.of());
        assertThat(reviewedA.path("stage").asString()).isEqualTo("QUALIFICATION");
        String b4 = idOf(idsA, "bidder4");
        JsonNode reviewA = review(reviewedA, b4);
        assertThat(reviewedA.path("priceReviews")).hasSize(1);
        assertThat(reviewA.path("status").asString()).isEqualTo("REQUESTED");
        assertThat(reviewA.path("triggers").toString()).contains("BELOW_MEAN").contains("BELOW_NEXT_LOWEST").contains("BELOW_CAP");
        assertThat(Duration.between(Instant.parse(reviewA.path("requestedAt").asString()), Instant.parse(reviewA.path("deadline").asString())))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(logCount(lotA, "evaluation.price-review.requested")).isEqualTo(1);
        assertThat(api.post(pathA + "/scores", ApiClient.json(Map.of("scores", Map.of())), api.freshToken(leaderA)).code())
                .as("the scoring waits for the review").isEqualTo("EVALUATION_STAGE");

        // The supplier explains in writing with its cost evidence: nobody else may, and not without evidence.
        String explanation = "/api/v1/tenders/" + lotA + "/price-explanations";
        Map<String, Object> evidence = Map.of("name", "成本测算表.csv",
                "contentBase64", Base64.getEncoder().encodeToString("设备出厂价,3200000\n运输安装,300000\n".getBytes(StandardCharsets.UTF_8)));
        ApiClient.Response notYours = api.post(explanation, ApiClient.json(Map.of("text", "我们的报价合理", "evidence", List.of(evidence))),
                api.freshToken("bidder1"));
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.code()).isEqualTo("PRICE_REVIEW_NOT_FOUND");
        assertThat(api.post(explanation, ApiClient.json(Map.of("text", "报价合理", "evidence", List.of())), api.freshToken("bidder4")).code())
                .isEqualTo("PRICE_EXPLANATION_INCOMPLETE");
        assertThat(api.post(explanation, ApiClient.json(Map.of("text", "x")), api.freshToken(leaderA)).status()).isEqualTo(403);
        ApiClient.Response explained = api.post(explanation, ApiClient.json(Map.of("text",
                "本公司为原厂直销，无中间环节，设备出厂价 320 万元，运输安装 30 万元，详见成本测算表。", "evidence", List.of(evidence))),
                api.freshToken("bidder4"));
        assertThat(explained.status()).as(explained.body()).isEqualTo(200);
        assertThat(explained.json().path("status").asString()).isEqualTo("EXPLAINED");
        assertThat(explained.json().path("evidence").get(0).path("name").asString()).isEqualTo("成本测算表.csv");
        assertThat(api.get(pathA, api.freshToken(leaderA)).json().path("awaiting").toString()).contains("PRICE_REVIEW:" + b4);

        // The committee's page shows the declarations and the review with the explanation and its evidence.
        String page = page(leaderA, "/workbench/evaluations/" + lotA);
        assertThat(page).contains("中小企业声明函").contains("本国产品报价").contains("异常低价审查").contains("成本测算表.csv")
                .contains("原厂直销").contains("/price-reviews/" + b4);

        // The panel's leader records the decision: accepted, with the reason; the scoring follows.
        String decision = pathA + "/price-reviews/" + b4 + "/decision";
        assertThat(api.post(decision, ApiClient.json(Map.of("accept", true, "reason", "成本说明充分")), api.freshToken(membersA.get(1))).code())
                .isEqualTo("NOT_THE_LEADER");
        assertThat(api.post(decision, ApiClient.json(Map.of("accept", true, "reason", " ")), api.freshToken(leaderA)).code())
                .isEqualTo("PRICE_DECISION_REASON_REQUIRED");
        JsonNode scoringA = api.post(decision, ApiClient.json(Map.of("accept", true, "reason", "成本测算依据充分，报价合理")),
                api.freshToken(leaderA)).json();
        assertThat(scoringA.path("stage").asString()).as(scoringA.toString()).isEqualTo("SCORING");
        assertThat(review(scoringA, b4).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(logCount(lotA, "evaluation.price-review.explained")).isEqualTo(1);
        assertThat(logCount(lotA, "evaluation.price-review.decided")).isEqualTo(1);

        // Art. 55: deductions first (bidder2 small: −10%; bidder3: 20% of its 5 million domestic goods), then
        // lowest evaluated price ÷ the bid's evaluated price × 30.
        Map<String, JsonNode> scores = new LinkedHashMap<>();
        scoringA.path("priceScores").forEach(p -> scores.put(p.path("bidderId").asString(), p));
        assertThat(scores).hasSize(4);
        JsonNode b2 = scores.get(idOf(idsA, "bidder2"));
        assertThat(new BigDecimal(b2.path("evaluatedPrice").asString())).isEqualByComparingTo("9720000.00");
        assertThat(new BigDecimal(scores.get(idOf(idsA, "bidder3")).path("evaluatedPrice").asString())).isEqualByComparingTo("10500000.00");
        assertThat(new BigDecimal(scores.get(b4).path("score").asString())).isEqualByComparingTo("30.00");
        assertThat(new BigDecimal(b2.path("score").asString())).isEqualByComparingTo("12.35"); // 4,000,000 ÷ 9,720,000 × 30
        for (String m : membersA) {
            Map<String, Object> sheet = new LinkedHashMap<>();
            scores.keySet().forEach(b -> sheet.put(b, Map.of("T1", "40", "T2", "10", "C1", "6")));
            ApiClient.Response scored = api.post(pathA + "/scores", ApiClient.json(Map.of("scores", sheet)), api.freshToken(m));
            assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        }
        JsonNode rankedA = api.get(pathA, api.freshToken(leaderA)).json();
        assertThat(rankedA.path("stage").asString()).isEqualTo("RANKED");
        assertThat(rankedA.path("ranking").path("ranked").get(0).path("bidderId").asString()).isEqualTo(b4);
        assertThat(rankedA.path("ranking").path("ranked").get(1).path("bidderId").asString()).isEqualTo(idOf(idsA, "bidder2"));

        // ---- Lot B: 最低评标价法 (Art. 54), bidder5 does not explain in time: its bid is invalid.
        String pathB = "/api/v1/tenders/" + lotB + "/evaluation";
        JsonNode startedB = api.post(pathB, "", api.freshToken(membersB.get(0))).json();
        Map<String, String> idsB = bidderIds(startedB);
        for (int i = 1; i <= 3; i++) {
            api.post(pathB + "/leader", ApiClient.json(Map.of("candidate", membersB.get(0))), api.freshToken(membersB.get(i)));
        }
        JsonNode reviewedB = reviewAll(pathB, membersB, idsB.values(), List.of());
        String b5 = idOf(idsB, "bidder5");
        assertThat(review(reviewedB, b5).path("status").asString()).isEqualTo("REQUESTED");
        evaluations.lapseDuePriceReviews();
        assertThat(review(api.get(pathB, api.freshToken(membersB.get(0))).json(), b5).path("status").asString())
                .as("not yet due").isEqualTo("REQUESTED");
        clock.advance(Duration.ofMinutes(31));
        ApiClient.Response late = api.post("/api/v1/tenders/" + lotB + "/price-explanations", ApiClient.json(Map.of("text", "迟到的说明",
                "evidence", List.of(evidence))), api.freshToken("bidder5"));
        assertThat(late.code()).isEqualTo("PRICE_REVIEW_STATE");
        evaluations.lapseDuePriceReviews(); // the scheduler may have been first: either way it lapses once (logged below)
        JsonNode rankedB = api.get(pathB, api.freshToken(membersB.get(0))).json();
        assertThat(review(rankedB, b5).path("status").asString()).isEqualTo("LAPSED");
        assertThat(review(rankedB, b5).path("bidInvalid").asBoolean()).isTrue();
        assertThat(logCount(lotB, "evaluation.price-review.lapsed")).isEqualTo(1);
        assertThat(rankedB.path("stage").asString()).as(rankedB.toString()).isEqualTo("RANKED");
        JsonNode ranked = rankedB.path("ranking").path("ranked");
        assertThat(ranked).hasSize(3);
        // bidder1's 2,800,000 less 15% (2,380,000) is below bidder2's 2,700,000: bidder1 ranks first.
        assertThat(ranked.get(0).path("bidderId").asString()).isEqualTo(idOf(idsB, "bidder1"));
        assertThat(ranked.get(1).path("bidderId").asString()).isEqualTo(idOf(idsB, "bidder2"));
        assertThat(ranked.toString()).doesNotContain(b5);
        assertThat(logCount(lotB, "evaluation.evaluated-prices")).isEqualTo(1);
    }

    /** The project's lot, published, with its tender's bid deadline. */
    private String oneLot(String category, String budget, String deposit) {
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_OPEN_TENDER",
                "name", "云州市政务云运维服务采购项目", "budget", budget, "category", category, "tendereeId", purchaser,
                "lots", List.of(lot("采购包1", budget, deposit, "COMPREHENSIVE")))), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), api.token("agency")).status()).isEqualTo(200);
        String id = created.json().path("lots").get(0).path("id").asString();
        assertThat(api.publish(id, api.token("agency")).status()).isEqualTo(200);
        return id;
    }

    private long plans(String tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM evaluation_plan WHERE tender_id = CAST(:t AS UUID)").param("t", tenderId).query(Long.class).single();
    }

    @Test
    void gpl87_art55_aPriceWeightBelowTheFloorOrAnSmeRateOutsideTheDatedRangeIsRefusedAndChangesNothing() {
        // Goods: the floor is 30%, the number included.
        String goods = oneLot("GOODS", "3000000.00", "60000.00");
        long logBefore = log.size();
        ApiClient.Response low = setPlan(goods, comprehensivePlan("0.29", "0.10"));
        assertThat(low.status()).isEqualTo(422);
        assertThat(low.contentType()).startsWith("application/problem+json");
        assertThat(low.code()).isEqualTo("PRICE_WEIGHT_BELOW_FLOOR");
        assertThat(low.json().path("detail").asString()).contains("第五十五条").contains("30%").contains("货物");
        // 财库〔2022〕19号 (from 2022-07-01): the documents set the small/micro deduction within 10%–20%.
        ApiClient.Response rate = setPlan(goods, comprehensivePlan("0.30", "0.09"));
        assertThat(rate.code()).isEqualTo("POLICY_RATE_OUT_OF_RANGE");
        assertThat(rate.json().path("detail").asString()).contains("10%").contains("20%");
        assertThat(setPlan(goods, comprehensivePlan("0.30", "0.21")).code()).isEqualTo("POLICY_RATE_OUT_OF_RANGE");
        assertThat(plans(goods)).isZero();
        assertThat(log.size()).isEqualTo(logBefore);
        ApiClient.Response atFloor = setPlan(goods, comprehensivePlan("0.30", "0.20"));
        assertThat(atFloor.status()).as(atFloor.body()).isEqualTo(200);
        assertThat(atFloor.json().path("policy").path("rulesDate").asString()).isEqualTo("2026-11-23");

        // Services: the floor is 10%.
        String services = oneLot("SERVICES", "2000000.00", "40000.00");
        ApiClient.Response servicesLow = setPlan(services, comprehensivePlan("0.09", "0.10"));
        assertThat(servicesLow.code()).isEqualTo("PRICE_WEIGHT_BELOW_FLOOR");
        assertThat(servicesLow.json().path("detail").asString()).contains("10%").contains("服务");
        assertThat(plans(services)).isZero();
        // At the floor it is accepted; a plan that sets no SME rate gets the lowest in force.
        Map<String, Object> noRate = comprehensivePlan("0.10", "0.10");
        noRate.remove("policy");
        ApiClient.Response servicesAtFloor = setPlan(services, noRate);
        assertThat(servicesAtFloor.status()).as(servicesAtFloor.body()).isEqualTo(200);
        assertThat(servicesAtFloor.json().path("policy").path("smeRate").asString()).isEqualTo("0.1");
        // A benchmark-price formula is not 87号令's.
        Map<String, Object> benchmark = comprehensivePlan("0.30", "0.10");
        benchmark.put("price", Map.of("formula", "BENCHMARK_PRICE", "dropExtremesFrom", 0, "kMin", "0.01", "kMax", "0.02",
                "kStep", "0.01", "maxPoints", "30", "pointsPerPercentAbove", "1", "pointsPerPercentBelow", "0.5"));
        assertThat(setPlan(services, benchmark).code()).isEqualTo("PRICE_FORMULA_NOT_LOWEST_FIRST");
    }

    @Test
    void gpl87_art47_aLotOfTenMillionYuanNeedsAPanelOfSevenAndFiveIsRefusedChangingNothing() {
        String lot = oneLot("GOODS", "10000000.00", "200000.00"); // "1000万元以上" includes the number
        Instant deadline = Instant.parse(api.get("/api/v1/tenders/" + lot, api.token("agency")).json().path("bidDeadline").asString());
        long logBefore = log.size();
        for (int[] panel : new int[][] {{3, 2}, {4, 2}}) { // 5 is too few; 6 is even as well
            ApiClient.Response refused = requestDraw(lot, deadline.plus(Duration.ofHours(3)), "第八评标室", panel[0], panel[1]);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("PANEL_COMPOSITION");
            assertThat(refused.json().path("detail").asString()).contains("第四十七条").contains("7");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expert_draw WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(Long.class).single()).isZero();
        assertThat(log.size()).isEqualTo(logBefore);
    }

    @Test
    void gpl87_art44_fewerThanThreeQualifiedFailsTheLotWithTheReasonShown() throws Exception {
        String lot = publishedProject(List.of(lot("采购包1：办公家具", "2000000.00", "40000.00", "LOWEST_EVALUATED_PRICE"))).get(0);
        Instant deadline = Instant.parse(api.get("/api/v1/tenders/" + lot, api.token("agency")).json().path("bidDeadline").asString());
        assertThat(setPlan(lot, Map.of("qualification", qualification(), "policy", Map.of("smeRate", "0.10"))).status()).isEqualTo(200);
        newExpertsInAnInstitute(3);
        clock.advance(Duration.ofDays(1));
        bid(lot, "bidder1", sheet("1900000.00", null, null));
        bid(lot, "bidder2", sheet("1850000.00", null, null));
        bid(lot, "bidder3", sheet("1950000.00", null, null));
        bid(lot, "bidder4", sheet("1800000.00", null, null));
        Instant start = deadline.plus(Duration.ofHours(3));
        String venue = "云州市公共资源交易中心第七评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String draw = newExperts().requestDraw(api, lot, start, venue, 3, 2);
        closeAndOpen(deadline, List.of(lot));
        List<String> members = newExperts().drawAndAccept(start, venue);
        newExperts().signIn(api, draw, members);
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        Map<String, String> ids = bidderIds(started);

        // Two of four fail the compliance review: two qualified, fewer than three — no evaluation.
        JsonNode failed = reviewAll(path, members, ids.values(), List.of(idOf(ids, "bidder1"), idOf(ids, "bidder4")));
        assertThat(failed.path("stage").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("第四十四条").contains("不足3家");
        assertThat(failed.path("priceReviews")).isEmpty();
        assertThat(failed.path("ranking").isNull() || failed.path("ranking").isMissingNode()).isTrue();
        assertThat(logCount(lot, "evaluation.failed")).isEqualTo(1);
        assertThat(api.get(path, api.freshToken("agency")).json().path("failure").asString()).contains("第四十四条");
        assertThat(page(members.get(0), "/workbench/evaluations/" + lot)).contains("评标终止").contains("第四十四条");
    }

    /** Four bids on a lot of 2 million yuan taken to the end of the qualification review, every member passing every bid. */
    private JsonNode qualifiedByEveryone(String priceCap, String... prices) throws Exception {
        String lot = publishedProject(List.of(lot("采购包1：办公家具", "2000000.00", "40000.00", "LOWEST_EVALUATED_PRICE")), priceCap).get(0);
        Instant deadline = Instant.parse(api.get("/api/v1/tenders/" + lot, api.token("agency")).json().path("bidDeadline").asString());
        assertThat(setPlan(lot, Map.of("qualification", qualification(), "policy", Map.of("smeRate", "0.10"))).status()).isEqualTo(200);
        newExpertsInAnInstitute(3);
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < prices.length; i++) {
            bid(lot, "bidder" + (i + 1), sheet(prices[i], null, null));
        }
        Instant start = deadline.plus(Duration.ofHours(3));
        String venue = "云州市公共资源交易中心第八评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String draw = newExperts().requestDraw(api, lot, start, venue, 3, 2);
        closeAndOpen(deadline, List.of(lot));
        List<String> members = newExperts().drawAndAccept(start, venue);
        newExperts().signIn(api, draw, members);
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        return reviewAll(path, members, bidderIds(started).values(), List.of());
    }

    private String qualificationOf(JsonNode evaluation) {
        return jdbc.sql("SELECT qualification FROM evaluation WHERE tender_id = CAST(:t AS UUID)")
                .param("t", evaluation.path("tenderId").asString()).query(String.class).single();
    }

    /**
     * 财政部令第87号 Art. 63(4): a bid above the 最高限价 (1.9 million on a lot of 2 million) is invalid although every
     * member passed it; the three others go on (Art. 44 satisfied).
     */
    @Test
    void gpl87_art63_aBidAboveTheCapIsInvalid() throws Exception {
        JsonNode after = qualifiedByEveryone("1900000.00", "1900000.01", "1850000.00", "1880000.00", "1800000.00");
        assertThat(after.path("stage").asString()).isNotEqualTo("FAILED");
        String results = qualificationOf(after);
        assertThat(results).contains("第六十三条").contains("1900000.01").contains("1900000.00");
        assertThat(results.split("\"passed\":true", -1).length - 1).isEqualTo(3);
        assertThat(results.split("\"passed\":false", -1).length - 1).isEqualTo(1);
    }

    /**
     * 财库〔2026〕2号: without a 最高限价 the budget is the cap — a bid above the lot's 2 million is invalid (Art. 63(4)),
     * and with two valid bids left the lot fails under Art. 44.
     */
    @Test
    void caiku2026_2_withoutACapTheBudgetIsTheCap() throws Exception {
        JsonNode after = qualifiedByEveryone(null, "2000000.01", "1850000.00", "2000000.00");
        String results = qualificationOf(after);
        assertThat(results).contains("第六十三条").contains("2000000.01");
        assertThat(results.split("\"passed\":true", -1).length - 1).isEqualTo(2);
        assertThat(after.path("stage").asString()).isEqualTo("FAILED");
        assertThat(after.path("failure").asString()).contains("第四十四条");
    }
}
