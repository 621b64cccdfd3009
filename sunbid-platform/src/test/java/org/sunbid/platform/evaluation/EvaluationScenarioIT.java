package org.sunbid.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.awaitility.Awaitility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.payments.Refunds;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verifier;

import tools.jackson.databind.JsonNode;

/**
 * Acceptance 1, 3 and 5 of the evaluation: from opening to contract with 5 bids and 7 drawn experts — one bid fails the
 * qualification review by majority, one extreme score needs its reason, one objection during the publicity pauses the
 * award until answered; the signed PDF report shows Chinese and {@code sunbid-verifier verify-report} checks it; the
 * deposits come back with interest within 5 days (Reg. 57); the log verifies. Bad input is refused naming the rule.
 */
class EvaluationScenarioIT extends PlatformIT {

    private static final AtomicInteger SERIAL = new AtomicInteger(800);

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired Refunds refunds;
    @Autowired Sandbox sandbox;
    @Autowired Deposits deposits;
    @Autowired Awards awards;
    @Autowired Evaluations evaluations;
    @Autowired Openings copies;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.sunbid.platform.sealing.BidOpenings openings;

    @Autowired org.springframework.context.ApplicationContext context;

    private NewExperts newExperts() {
        return new NewExperts(context, DATA);
    }

    /** The kinds of the to-do entries about {@code tenderId} on {@code username}'s workbench home. */
    private List<String> todoKinds(String username, String tenderId) throws Exception {
        org.sunbid.platform.WebSession web = new org.sunbid.platform.WebSession(baseUrl());
        assertThat(web.login(username).statusCode()).isEqualTo(302);
        String home = web.get("/workbench").body();
        return java.util.regex.Pattern.compile("data-kind=\"([a-z-]+)\">\\s*<a href=\"[^\"]*" + tenderId).matcher(home).results()
                .map(m -> m.group(1)).toList();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    static final String PLAN = Fixtures.EVALUATION_PLAN;

    /**
     * The evaluation's copy of an opening (from sealing.BidsOpened) is written once: a second delivery — the registry
     * re-publishes after a crash — changes nothing, and the application's own database role can neither change nor
     * delete it (the K seed and the prices the committee sees cannot be edited behind the record's back).
     */
    @Test
    void theCopyOfAnOpeningIsWrittenOnceAndTheApplicationCannotChangeIt() throws Exception {
        Openings direct = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(copies); // synchronously
        UUID tender = UUID.randomUUID();
        OpenedBid opened = new OpenedBid(UUID.randomUUID(), UUID.randomUUID(), "云州建工集团有限公司", true,
                new BigDecimal("1000000.00"), Map.of("totalPrice", "1000000.00", "days", 300), List.of("a/投标函.txt", "b.pdf"), null);
        OpenedBid rejected = new OpenedBid(UUID.randomUUID(), UUID.randomUUID(), "临江路桥有限公司", false, null, Map.of(),
                List.of(), "SIGNATURE_INVALID");
        direct.on(new BidsOpened(tender, "a".repeat(64), Instant.parse("2026-11-02T02:00:00Z"), List.of(opened, rejected)));
        Openings.Opening copy = direct.find(tender).orElseThrow();
        assertThat(copy.recordSm3()).isEqualTo("a".repeat(64));
        assertThat(copy.bids()).containsExactly(opened, rejected);

        OpenedBid cheaper = new OpenedBid(opened.bidId(), opened.bidderId(), opened.bidder(), true, BigDecimal.ONE,
                Map.of("totalPrice", "1"), opened.files(), null);
        direct.on(new BidsOpened(tender, "b".repeat(64), Instant.parse("2026-11-02T03:00:00Z"), List.of(cheaper)));
        assertThat(direct.find(tender).orElseThrow()).isEqualTo(copy);

        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE evaluation_bid SET price = 1 WHERE tender_id = '" + tender + "'",
                    "DELETE FROM evaluation_bid WHERE tender_id = '" + tender + "'",
                    "UPDATE evaluation_opening SET record_sm3 = '" + "b".repeat(64) + "' WHERE tender_id = '" + tender + "'",
                    "DELETE FROM evaluation_opening WHERE tender_id = '" + tender + "'")) {
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> st.execute(sql), sql);
            }
        }
        assertThat(direct.find(tender).orElseThrow()).isEqualTo(copy);
    }

    @Test
    void fromOpeningToContractWithAFailedBidAnExtremeScoreAndAnObjection() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String tenderId = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        Instant evaluationStart = deadline.plus(Duration.ofHours(3));

        // The plan is data: bad plans are refused naming the fault; the preview shows the formula at K's bounds.
        assertThat(api.send("PUT", "/api/v1/tenders/" + tenderId + "/evaluation-plan", PLAN.replace("\"points\":30", "\"points\":31"),
                api.token("agency"), Map.of()).code()).isEqualTo("CRITERIA_INVALID");
        ApiClient.Response set = api.send("PUT", "/api/v1/tenders/" + tenderId + "/evaluation-plan", PLAN, api.token("agency"), Map.of());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode preview = api.post("/api/v1/evaluation-plans/preview", "{\"price\":" + set.json().path("price")
                + ",\"prices\":[\"1000000\",\"980000\",\"1020000\"]}", api.token("agency")).json();
        assertThat(preview.path("byK")).hasSize(2);
        assertThat(preview.path("byK").get(0).path("benchmark").decimalValue()).isEqualByComparingTo("990000.00");

        // Seven experts of two specialties in a new institute (the draw may also pick the demo's).
        Organisation institute = newExperts().organisation("云州评标技术研究院" + SERIAL.incrementAndGet());
        for (int i = 0; i < 5; i++) {
            newExperts().expert("A01", institute.id());
            newExperts().expert("A05", institute.id());
        }
        clock.advance(Duration.ofDays(1));
        for (String[] bid : Fixtures.FIVE_BIDS) {
            assertThat(sealAndUpload(tenderId, bid[0], bid[1])).as(bid[0]).isTrue();
        }
        String venue = "云州市公共资源交易中心第三评标室 " + UUID.randomUUID().toString().substring(0, 8);
        String drawId = newExperts().requestDraw(api, tenderId, evaluationStart, venue, 4, 3);

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        // The custodians' to-do: release their key shares; an entry goes once that custodian has released.
        assertThat(todoKinds("centre", tenderId)).containsExactly("share");
        releaseShare(tenderId, "centre");
        assertThat(todoKinds("centre", tenderId)).isEmpty();
        assertThat(todoKinds("supervisor", tenderId)).containsExactly("share");
        assertThat(releaseShare(tenderId, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        assertThat(todoKinds("supervisor", tenderId)).isEmpty();
        // sealing.BidsOpened reaches the evaluation after the opening's commit, through the event publication registry.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.opened(UUID.fromString(tenderId))
                && jdbc.sql("""
                        SELECT COUNT(*) FROM event_publication WHERE event_type = :type AND serialized_event LIKE :tender
                          AND listener_id LIKE 'org.sunbid.platform.evaluation.%' AND completion_date IS NOT NULL""")
                        .param("type", BidsOpened.class.getName())
                        .param("tender", "%" + tenderId + "%").query(Long.class).single() == 1);
        // The plan is part of the documents: locked now.
        assertThat(api.send("PUT", "/api/v1/tenders/" + tenderId + "/evaluation-plan", PLAN, api.freshToken("agency"), Map.of()).code())
                .isEqualTo("PLAN_LOCKED");

        List<String> members = newExperts().drawAndAccept(evaluationStart, venue);
        assertThat(members).hasSize(7);
        String path = "/api/v1/tenders/" + tenderId + "/evaluation";
        assertThat(api.post(path, "", api.freshToken("centre")).code()).as("not everyone signed in").isEqualTo("EVALUATION_NOT_READY");
        newExperts().signIn(api, drawId, members);
        assertThat(api.post(path, "", api.freshToken("bidder1")).status()).isEqualTo(403);
        JsonNode started = api.post(path, "", api.freshToken(members.get(0))).json();
        assertThat(started.path("stage").asString()).as(started.toString()).isEqualTo("QUALIFICATION");
        assertThat(started.path("bids")).hasSize(5);
        assertThat(started.path("k").decimalValue()).isBetween(new BigDecimal("0.01"), new BigDecimal("0.03"));
        // The evaluation's own copy is what the signed opening record lists, and K's seed is the record's SM3.
        assertThat(started.path("kSeed").asString()).isEqualTo(org.sunbid.crypto.Sm3.hex(openings.view(UUID.fromString(tenderId)).record()));
        List<OpenedBid> recorded = openings.openedBids(UUID.fromString(tenderId));
        for (int i = 0; i < recorded.size(); i++) {
            JsonNode copy = started.path("bids").get(i);
            assertThat(copy.path("bidId").asString()).isEqualTo(recorded.get(i).bidId().toString());
            assertThat(copy.path("bidder").asString()).isEqualTo(recorded.get(i).bidder());
            assertThat(copy.path("price").decimalValue()).isEqualByComparingTo(recorded.get(i).price());
            List<String> files = new java.util.ArrayList<>();
            copy.path("files").forEach(f -> files.add(f.asString()));
            assertThat(files).isEqualTo(recorded.get(i).files());
        }
        Map<String, String> bidderIds = new LinkedHashMap<>();
        started.path("bids").forEach(b -> bidderIds.put(b.path("bidder").asString(), b.path("bidderId").asString()));
        String b5 = idOf(bidderIds, "bidder5");
        String b2 = idOf(bidderIds, "bidder2");
        // A member opens a bid's decrypted file.
        JsonNode firstBid = started.path("bids").get(0);
        ApiClient.Response file = api.get(path + "/bids/" + firstBid.path("bidId").asString() + "/file?name="
                + java.net.URLEncoder.encode(firstBid.path("files").get(0).asString(), StandardCharsets.UTF_8), api.freshToken(members.get(1)));
        assertThat(file.body()).startsWith("投标函");

        // Leader: a majority of the members elects.
        for (int i = 1; i <= 4; i++) {
            api.post(path + "/leader", ApiClient.json(Map.of("candidate", members.get(0))), api.freshToken(members.get(i)));
        }
        String leader = members.get(0);
        assertThat(api.get(path, api.freshToken(leader)).json().path("leader").asString()).isEqualTo(leader);
        // Each member's workbench home lists the evaluation as waiting for them (待办).
        assertThat(todoKinds(members.get(1), tenderId)).containsExactly("evaluation");

        // Qualification: four of seven fail bidder5 on Q2 (a majority); one alone fails bidder1 on Q1 (no majority).
        for (int i = 0; i < 7; i++) {
            Map<String, Object> votes = new LinkedHashMap<>();
            for (String bidder : bidderIds.values()) {
                Map<String, Object> items = new LinkedHashMap<>();
                for (String q : List.of("Q1", "Q2", "Q3")) {
                    boolean fail = (bidder.equals(b5) && q.equals("Q2") && i < 4) || (bidder.equals(idOf(bidderIds, "bidder1"))
                            && q.equals("Q1") && i == 6);
                    items.put(q, fail ? Map.of("pass", false, "reason", "投标保证金未从基本账户转出") : Map.of("pass", true));
                }
                votes.put(bidder, items);
            }
            if (i == 0) { // a fail without a reason is refused
                Map<String, Object> bad = new LinkedHashMap<>(votes);
                bad.put(b5, Map.of("Q1", Map.of("pass", false), "Q2", Map.of("pass", true), "Q3", Map.of("pass", true)));
                assertThat(api.post(path + "/reviews", ApiClient.json(Map.of("votes", bad)), api.freshToken(members.get(i))).code())
                        .isEqualTo("FAIL_REASON_REQUIRED");
            }
            JsonNode reviewed = api.post(path + "/reviews", ApiClient.json(Map.of("votes", votes)), api.freshToken(members.get(i))).json();
            if (i < 6) {
                assertThat(reviewed.path("reviews")).as("others' reviews stay hidden").isEmpty();
            }
        }
        JsonNode scoring = api.get(path, api.freshToken(leader)).json();
        assertThat(scoring.path("stage").asString()).isEqualTo("SCORING");
        assertThat(scoring.path("qualification").toString()).contains("\"passed\":false");
        assertThat(scoring.path("priceScores")).hasSize(4);
        Map<String, BigDecimal> priceScore = new HashMap<>();
        scoring.path("priceScores").forEach(p -> priceScore.put(p.path("bidderId").asString(), new BigDecimal(p.path("score").asString())));
        assertThat(priceScore).doesNotContainKey(b5);

        // Bad input: a score outside its range, named with the criterion and the plan's range.
        Map<String, Object> outOfRange = Fixtures.scoreSheet(priceScore.keySet(), 20);
        outOfRange.put(b2, new LinkedHashMap<>(Map.of("T1", "31", "T2", "10", "C1", "6", "C2", "4")));
        ApiClient.Response refused = api.post(path + "/scores", ApiClient.json(Map.of("scores", outOfRange)), api.freshToken(leader));
        assertThat(refused.code()).isEqualTo("SCORE_OUT_OF_RANGE");
        assertThat(refused.json().path("detail").asString()).contains("T1").contains("30").contains("评标办法");

        // Six members score alike; the seventh scores bidder2 far lower (an extreme score) and gives no reason at first.
        for (int i = 0; i < 7; i++) {
            Map<String, Object> s = Fixtures.scoreSheet(priceScore.keySet(), 20 + i % 3);
            if (i == 6) {
                s.put(b2, new LinkedHashMap<>(Map.of("T1", "5", "T2", "3", "C1", "2", "C2", "1")));
            }
            JsonNode after = api.post(path + "/scores", ApiClient.json(Map.of("scores", s)), api.freshToken(members.get(i))).json();
            if (i < 6) {
                assertThat(after.path("ranking").isNull() || after.path("ranking").isMissingNode()).as("no ranking before all submit").isTrue();
                assertThat(after.path("scoreSheets")).isEmpty();
            }
        }
        ApiClient.Response again = api.post(path + "/scores", ApiClient.json(Map.of("scores", Fixtures.scoreSheet(priceScore.keySet(), 20))),
                api.freshToken(members.get(0)));
        assertThat(again.code()).isEqualTo("SCORE_ALREADY_SUBMITTED");
        JsonNode awaiting = api.get(path, api.freshToken(members.get(6))).json();
        assertThat(awaiting.path("stage").asString()).isEqualTo("SCORING");
        assertThat(awaiting.path("awaiting").toString()).contains("REASON:" + b2);
        api.post(path + "/reasons", ApiClient.json(Map.of("bidderId", b2, "reason", "施工组织设计缺少深基坑专项方案，项目经理无类似业绩")),
                api.freshToken(members.get(6)));
        JsonNode ranked = api.get(path, api.freshToken(leader)).json();
        assertThat(ranked.path("stage").asString()).isEqualTo("RANKED");
        assertThat(ranked.path("ranking").path("candidates")).hasSize(3);
        assertThat(ranked.path("ranking").path("extremes").toString()).contains("深基坑");
        assertThat(logCount(tenderId, "evaluation.extreme-score")).isEqualTo(1);

        // The leader generates the report; every member signs its SM3 with their certificate.
        assertThat(api.post(path + "/report", "", api.freshToken(members.get(1))).code()).isEqualTo("NOT_THE_LEADER");
        JsonNode reported = api.post(path + "/report", "", api.freshToken(leader)).json();
        assertThat(reported.path("stage").asString()).as(reported.toString()).isEqualTo("REPORTED");
        String challenge = reported.path("reportChallenge").asString();
        assertThat(api.post(path + "/report/signatures", ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(
                Sm2.sign(Sm2.generateKeyPair().getPrivate(), challenge.getBytes(StandardCharsets.UTF_8))))), api.freshToken(leader)).code())
                .isEqualTo("REPORT_SIGNATURE_INVALID");
        for (String m : members) {
            assertThat(api.post(path + "/report/signatures", ApiClient.json(Map.of("signature", Base64.getEncoder().encodeToString(
                    Sm2.sign(newExperts().keyOf(m), challenge.getBytes(StandardCharsets.UTF_8))))), api.freshToken(m)).status()).isEqualTo(200);
        }
        byte[] pdf = api.bytes(path + "/report", null);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("评标报告").contains("资格审查").contains("深基坑").contains("中标候选人");
        }
        var verdict = Verifier.run("verify-report", baseUrl(), tenderId);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        Path tampered = Files.createTempFile("report", ".pdf");
        pdf[pdf.length / 2] ^= 1;
        Files.write(tampered, pdf);
        assertThat(Verifier.run("verify-report", baseUrl(), tenderId, "--pdf", tampered.toString()).ok()).isFalse();
        assertThat(jdbc.sql("SELECT status FROM expert_draw WHERE id = CAST(:d AS UUID)").param("d", drawId).query(String.class).single())
                .isEqualTo("PUBLISHED");

        // Publicity: public at once; an objection pauses the award until answered; Reg. 55 keeps the first-ranked.
        JsonNode publicity = api.get("/api/v1/tenders/" + tenderId + "/award", null).json();
        assertThat(publicity.path("stage").asString()).isEqualTo("PUBLICITY");
        // ... and searchable at once, by its own event (the search's periodic refresh is off in tests)
        awaitEventsCompleted(org.sunbid.platform.evaluation.PublicityStarted.class);
        JsonNode publicised = api.get("/api/v1/search?size=100&type=CANDIDATE_PUBLICITY&q="
                + java.net.URLEncoder.encode(tender.path("terms").path("name").asString(), java.nio.charset.StandardCharsets.UTF_8), null).json();
        assertThat(publicised.path("hits").findValuesAsString("lotId")).contains(tenderId);
        String first = publicity.path("candidates").get(0).path("bidderId").asString();
        String second = publicity.path("candidates").get(1).path("bidderId").asString();
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/award", ApiClient.json(Map.of("bidderId", first)), api.freshToken("agency"))
                .code()).isEqualTo("PUBLICITY_NOT_OVER");
        JsonNode objected = api.post("/api/v1/tenders/" + tenderId + "/award-objections",
                ApiClient.json(Map.of("text", "第一中标候选人的项目经理在其他在建项目任职，请核查。")), api.freshToken("bidder3")).json();
        String objectionId = objected.path("objections").get(0).path("id").asString();
        // The agency's to-do: answer the objection, and award once the publicity is over.
        assertThat(todoKinds("agency", tenderId)).containsExactlyInAnyOrder("award-objection", "award");
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/award-objections", ApiClient.json(Map.of("text", "迟到的异议")),
                api.freshToken("bidder4")).code()).isEqualTo("OBJECTION_OUTSIDE_PUBLICITY");
        ApiClient.Response paused = api.post("/api/v1/tenders/" + tenderId + "/award", ApiClient.json(Map.of("bidderId", first)),
                api.freshToken("agency"));
        assertThat(paused.code()).isEqualTo("AWARD_PAUSED_BY_OBJECTION");
        assertThat(paused.json().path("detail").asString()).contains("第五十四条");
        api.post("/api/v1/tenders/" + tenderId + "/award-objections/" + objectionId + "/answer",
                ApiClient.json(Map.of("text", "经核查，该项目经理已于开标前办理变更手续，异议不成立。")), api.freshToken("agency"));
        ApiClient.Response notFirst = api.post("/api/v1/tenders/" + tenderId + "/award", ApiClient.json(Map.of("bidderId", second)),
                api.freshToken("agency"));
        assertThat(notFirst.code()).isEqualTo("AWARD_NOT_FIRST_RANKED");
        assertThat(notFirst.json().path("detail").asString()).contains("第五十五条");
        JsonNode awarded = api.post("/api/v1/tenders/" + tenderId + "/award", ApiClient.json(Map.of("bidderId", first)),
                api.freshToken("agency")).json();
        assertThat(awarded.path("stage").asString()).as(awarded.toString()).isEqualTo("AWARDED");
        assertThat(todoKinds("agency", tenderId)).containsExactly("contract");
        var platform = Pem.certificate(api.get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        assertThat(Sm2.verify(platform.getPublicKey(), awarded.path("winner").path("notice").asString().getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(awarded.path("winner").path("noticeSignature").asString()))).isTrue();

        // Reg. 57: the four bidders not awarded get their deposit back with interest, well within 5 days.
        refunds.dispatchPending();
        sandbox.completeRefunds();
        JsonNode due = api.get("/api/v1/tenders/" + tenderId + "/award/refunds", api.freshToken("supervisor")).json();
        assertThat(due).hasSize(4);
        due.forEach(r -> {
            assertThat(r.path("refund").path("reason").asString()).isEqualTo("NOT_AWARDED");
            assertThat(r.path("refund").path("status").asString()).isEqualTo("COMPLETED");
            JsonNode interest = r.path("refund").path("interest");
            assertThat(new BigDecimal((interest.isObject() ? interest.path("yuan") : interest).asString())).as(r.toString()).isPositive();
            assertThat(Instant.parse(r.path("refund").path("completedAt").asString()))
                    .isBeforeOrEqualTo(Instant.parse(r.path("refund").path("dueAt").asString()));
        });

        // Law 46: the contract within 30 days of the notice — a reminder 5 days before, a flag to the supervisor once
        // overdue (each once); then the late contract is recorded and the winner's deposit comes back too.
        Instant awardedAt = Instant.parse(awarded.path("winner").path("awardedAt").asString());
        clock.set(awardedAt.plus(Duration.ofDays(24)));
        awards.checkContracts();
        assertThat(logCount(tenderId, "evaluation.contract.reminder")).isZero();
        clock.set(awardedAt.plus(Duration.ofDays(26)));
        awards.checkContracts();
        awards.checkContracts();
        assertThat(logCount(tenderId, "evaluation.contract.reminder")).isEqualTo(1);
        assertThat(logCount(tenderId, "evaluation.contract.overdue")).isZero();
        clock.set(awardedAt.plus(Duration.ofDays(30)).plusSeconds(60));
        awards.checkContracts();
        assertThat(logCount(tenderId, "evaluation.contract.overdue")).isEqualTo(1);
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/award", null).json().path("winner").path("contractOverdue").asBoolean())
                .isTrue();
        JsonNode contracted = api.post("/api/v1/tenders/" + tenderId + "/contract", "{}", api.freshToken("agency")).json();
        assertThat(contracted.path("stage").asString()).isEqualTo("CONTRACTED");
        assertThat(todoKinds("agency", tenderId)).isEmpty();
        refunds.dispatchPending();
        sandbox.completeRefunds();
        JsonNode all = api.get("/api/v1/tenders/" + tenderId + "/award/refunds", api.freshToken("agency")).json();
        assertThat(all).hasSize(5);
        assertThat(all.get(4).path("refund").path("reason").asString()).isEqualTo("AWARDED_CONTRACT_SIGNED");
        assertThat(all.get(4).path("refund").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(deposits.flagOverdueRefunds()).isZero();

        var log = Verifier.run("log", baseUrl());
        assertThat(log.ok()).as(log.line()).isTrue();
    }

    private String idOf(Map<String, String> bidderIds, String username) {
        return bidderIds.get(jdbc.sql("SELECT o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = :u")
                .param("u", username).query(String.class).single());
    }

    private long logCount(String tenderId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", tenderId).query(Long.class).single();
    }
}
