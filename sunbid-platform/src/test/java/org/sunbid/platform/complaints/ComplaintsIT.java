package org.sunbid.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.ContractHolds;

import tools.jackson.databind.JsonNode;

/**
 * 询问, 质疑 and 投诉 through HTTP against the running platform. Government procurement on the demo's 青山县 procurement
 * (QS-2026-ZFCG-0012-1: bidder1, bidder5, bidder6 and bidder7 took part; 青山县水利局 purchases; 云州市住房和城乡建设局
 * supervises): an inquiry answered; a challenge of the result holds the contract until answered; a complaint taken in,
 * copied, replied to, suspending the procurement, decided and published on the portal. A construction complaint under
 * 招标投标法实施条例 Art. 60–61. Attacks: a challenge without standing, unsigned or signed by another key, and a rival
 * reading an unanswered challenge — each refused with nothing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplaintsIT extends PlatformIT {

    @Autowired JdbcClient jdbc;
    @Autowired Awards awards;
    @Autowired List<ContractHolds> holds;
    @Autowired ComplaintDeadlines deadlines;
    @Autowired org.sunbid.platform.deals.Procedures procedures;
    @Autowired org.sunbid.platform.deals.Projects projects;

    private ApiClient api;
    private String lot;
    private Instant resultEnds;
    private String challengeId;
    private String complaintId;

    @BeforeAll
    void demoLot() {
        api = new ApiClient(baseUrl());
        lot = jdbc.sql("SELECT id FROM tender WHERE project_code = 'QS-2026-ZFCG-0012-1'").query(String.class).single();
        resultEnds = awards.view(UUID.fromString(lot), null).resultNotice().periodEnds();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** What every ContractHolds bean says about the lot. */
    private List<String> holdsOn(String lotId) {
        return holds.stream().map(h -> h.holdOn(UUID.fromString(lotId))).flatMap(Optional::stream).toList();
    }

    /** The state an attack must leave unchanged: every case version, the log, the confidential records. */
    private List<Long> snapshot() {
        return List.of(jdbc.sql("SELECT COUNT(*) FROM complaint_case_version").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM complaint_challenge_signature").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
    }

    private Map<String, Object> draft(String subject) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("subject", subject);
        d.put("claims", "请求重新评审并重新确定成交供应商");
        d.put("facts", "评审委员会对我单位第3项技术参数的评分与采购文件第二章的评分标准不符");
        d.put("evidence", "采购文件第二章第3条；我单位响应文件第45页");
        return d;
    }

    /** The supplier's tool: asks for the statement and signs it with the organisation's key. */
    private Map<String, Object> signed(String lotId, String username, String subject, String signer) throws Exception {
        String token = api.freshToken(username);
        ApiClient.Response st = api.post("/api/v1/lots/" + lotId + "/challenges/statement", ApiClient.json(draft(subject)), token);
        assertThat(st.status()).as(st.body()).isEqualTo(200);
        String statement = st.json().path("statement").asString();
        return Map.of("statement", statement, "signature", ChallengeStatement.parse(statement).sign(demoKeyOf(signer)));
    }

    @Test
    @Order(1)
    void gpr52_inquiryAnsweredWithinThreeWorkingDaysSeenOnlyByItsParties() {
        ApiClient.Response asked = api.post("/api/v1/lots/" + lot + "/inquiries",
                ApiClient.json(Map.of("text", "采购包1的质保期是否可以按厂家标准执行？")), api.freshToken("bidder1"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().path("id").asString();
        // asked Monday 2026-11-23 09:30 Beijing: due at the end of Thursday 11-26
        assertThat(asked.json().path("answerDue").asString()).isEqualTo("2026-11-26T16:00:00Z");
        assertThat(api.get("/api/v1/inquiries/" + id, api.freshToken("bidder2")).status()).isEqualTo(404);
        ApiClient.Response rivalAnswers = api.post("/api/v1/inquiries/" + id + "/answer", ApiClient.json(Map.of("text", "可以")),
                api.freshToken("tenderee"));
        assertThat(rivalAnswers.status()).isEqualTo(404);
        ApiClient.Response answered = api.post("/api/v1/inquiries/" + id + "/answer",
                ApiClient.json(Map.of("text", "质保期不得低于采购文件要求的三年。")), api.freshToken("tenderee2"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().path("overdue").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/inquiries/" + id, api.freshToken("bidder1")).json().path("answer").asString())
                .isEqualTo("质保期不得低于采购文件要求的三年。");
        assertThat(api.post("/api/v1/inquiries/" + id + "/answer", ApiClient.json(Map.of("text", "改答")),
                api.freshToken("tenderee2")).code()).isEqualTo("COMPLAINTS_ALREADY_ANSWERED");
    }

    @Test
    @Order(2)
    void gpr52_anUnansweredInquiryIsFlaggedToTheSupervisorsOnceOverdue() throws Exception {
        ApiClient.Response asked = api.post("/api/v1/lots/" + lot + "/inquiries", ApiClient.json(Map.of("text", "交货地点在哪里？")),
                api.freshToken("bidder6"));
        String id = asked.json().path("id").asString();
        Instant due = Instant.parse(asked.json().path("answerDue").asString());
        clock.set(due.minusMillis(1));
        deadlines.check();
        assertThat(flags(id)).isZero();
        clock.set(due);
        assertThat(deadlines.check()).isGreaterThanOrEqualTo(1);
        assertThat(deadlines.check()).as("flagged once").isZero();
        assertThat(flags(id)).isEqualTo(1);
        assertThat(api.get("/api/v1/inquiries/" + id, api.freshToken("bidder6")).json().path("overdue").asBoolean()).isTrue();
        // raised on the supervisors' home, readable in the public log
        assertThat(page("supervisor", "/workbench")).contains("data-flag=\"complaints.step.overdue\"");
        assertThat(page(null, "/log")).contains("询问、质疑、投诉逾期未办").doesNotContain("??action.complaints");
    }

    private long flags(String caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'complaints.step.overdue'
                  AND payload::json->>'caseId' = :c""").param("c", caseId).query(Long.class).single();
    }

    @Test
    @Order(3)
    void gpl_art52_attack_aSupplierWithoutStandingChallengesAndNothingChanges() throws Exception {
        clock.set(resultEnds.plus(Duration.ofHours(1)));
        List<Long> before = snapshot();
        ApiClient.Response r = api.post("/api/v1/lots/" + lot + "/challenges", ApiClient.json(signed(lot, "bidder2", "RESULT", "bidder2")),
                api.freshToken("bidder2"));
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("GPL_52_NO_STANDING");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(holdsOn(lot)).isEmpty();
    }

    @Test
    @Order(4)
    void attack_anUnsignedOrWronglySignedChallengeIsRefusedAndNothingChanges() throws Exception {
        clock.set(resultEnds.plus(Duration.ofHours(1)));
        String token = api.freshToken("bidder5");
        List<Long> before = snapshot();
        Map<String, Object> good = signed(lot, "bidder5", "RESULT", "bidder5");
        Map<String, Object> unsigned = Map.of("statement", good.get("statement"), "signature", "");
        Map<String, Object> byAnotherKey = signed(lot, "bidder5", "RESULT", "bidder6");
        String tamperedStatement = ((String) good.get("statement")).replace("请求重新评审", "请求废标");
        Map<String, Object> tampered = Map.of("statement", tamperedStatement, "signature", good.get("signature"));
        Map<String, Object> forOtherLot = signed(lot, "bidder5", "RESULT", "bidder5");
        for (Map<String, Object> attack : List.of(unsigned, byAnotherKey, tampered)) {
            ApiClient.Response r = api.post("/api/v1/lots/" + lot + "/challenges", ApiClient.json(attack), token);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("COMPLAINTS_SIGNATURE_INVALID");
        }
        String otherLot = jdbc.sql("SELECT id FROM tender WHERE project_code = 'QS-2026-ZFCG-0012-2'").query(String.class).single();
        assertThat(api.post("/api/v1/lots/" + otherLot + "/challenges", ApiClient.json(forOtherLot), token).code())
                .as("a statement signed for another lot").isEqualTo("COMPLAINTS_SIGNATURE_INVALID");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(holdsOn(lot)).isEmpty();
    }

    @Test
    @Order(5)
    void gpl_art52_gpr54_aResultChallengeHoldsTheContractUntilAnsweredAndARivalCannotReadIt() throws Exception {
        clock.set(resultEnds.plus(Duration.ofHours(1)));
        ApiClient.Response raised = api.post("/api/v1/lots/" + lot + "/challenges", ApiClient.json(signed(lot, "bidder5", "RESULT", "bidder5")),
                api.freshToken("bidder5"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        challengeId = raised.json().path("id").asString();
        assertThat(raised.json().path("holdsContract").asBoolean()).isTrue();
        assertThat(holdsOn(lot)).containsExactly("CHALLENGE_PENDING");

        // a rival and the public cannot read it before the answer
        List<Long> before = snapshot();
        assertThat(api.get("/api/v1/challenges/" + challengeId, api.freshToken("bidder6")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/challenges/" + challengeId, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/lots/" + lot + "/challenges", api.freshToken("bidder6")).body()).doesNotContain(challengeId);
        assertThat(api.get("/api/v1/lots/" + lot + "/challenges", null).body()).doesNotContain(challengeId);
        assertThat(api.post("/api/v1/challenges/" + challengeId + "/answer", ApiClient.json(Map.of("text", "驳回")),
                api.freshToken("bidder6")).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
        // its parties can
        assertThat(api.get("/api/v1/challenges/" + challengeId, api.freshToken("tenderee2")).json().path("evidence").asString())
                .contains("第45页");
        assertThat(api.get("/api/v1/challenges/" + challengeId, api.freshToken("supervisor")).status()).isEqualTo(200);

        ApiClient.Response answered = api.post("/api/v1/challenges/" + challengeId + "/answer",
                ApiClient.json(Map.of("text", "经组织原评审委员会复核，评分符合采购文件规定，质疑不成立。")), api.freshToken("tenderee2"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(holdsOn(lot)).isEmpty();
        // public once answered, without the supplier or its evidence
        JsonNode pub = api.get("/api/v1/challenges/" + challengeId, null).json();
        assertThat(pub.path("answer").asString()).contains("质疑不成立");
        assertThat(pub.path("supplier").isNull()).isTrue();
        assertThat(pub.path("evidence").isNull()).isTrue();
    }

    @Test
    @Order(6)
    void gpl_art52_aResultChallengeAtTheLastInstantOfTheSeventhWorkingDayAcceptedTheFirstInstantAfterRefused() throws Exception {
        // the period's end as the calendar counts it (hand-checked across holidays and 调休 in ComplaintsRulesTest)
        var rules = procedures.rulesAt(projects.procedureOfLot(UUID.fromString(lot)).orElseThrow(), resultEnds);
        Instant end = rules.limit(org.sunbid.platform.deals.domain.RuleKeys.CHALLENGE_PERIOD).endAfter(resultEnds, rules.calendar());
        assertThat(org.sunbid.platform.deals.domain.Limit.beijingDate(end.minusMillis(1)))
                .isEqualTo(rules.calendar().plus(org.sunbid.platform.deals.domain.Limit.beijingDate(resultEnds), 7));
        clock.set(end);
        List<Long> before = snapshot();
        ApiClient.Response late = api.post("/api/v1/lots/" + lot + "/challenges", ApiClient.json(signed(lot, "bidder6", "RESULT", "bidder6")),
                api.freshToken("bidder6"));
        assertThat(late.code()).isEqualTo("GPL_52_CHALLENGE_LATE");
        assertThat(snapshot()).isEqualTo(before);
        clock.set(end.minusMillis(1));
        ApiClient.Response inTime = api.post("/api/v1/lots/" + lot + "/challenges", ApiClient.json(signed(lot, "bidder7", "RESULT", "bidder7")),
                api.freshToken("bidder7"));
        assertThat(inTime.status()).as(inTime.body()).isEqualTo(201);
        assertThat(holdsOn(lot)).containsExactly("CHALLENGE_PENDING");
        assertThat(api.post("/api/v1/challenges/" + inTime.json().path("id").asString() + "/answer",
                ApiClient.json(Map.of("text", "质疑不成立。")), api.freshToken("tenderee2")).status()).isEqualTo(200);
        assertThat(holdsOn(lot)).isEmpty();
    }

    @Test
    @Order(7)
    void gpl_art55_57_complaintTakenInCopiedRepliedSuspendedDecidedAndPublished() throws Exception {
        clock.set(resultEnds.plus(Duration.ofDays(2)));
        String bidder5 = api.freshToken("bidder5");
        ApiClient.Response withoutChallenge = api.post("/api/v1/lots/" + lot + "/complaints",
                ApiClient.json(Map.of("claims", "请求", "facts", "事实", "evidence", "证据")), api.freshToken("bidder7"));
        assertThat(withoutChallenge.code()).isEqualTo("GPL_55_CHALLENGE_FIRST");
        ApiClient.Response lodged = api.post("/api/v1/lots/" + lot + "/complaints", ApiClient.json(Map.of("challengeId", challengeId,
                "claims", "请求责令重新评审", "facts", "答复未回应评分不符的事实", "evidence", "质疑函、质疑答复、评分表")), bidder5);
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        complaintId = lodged.json().path("id").asString();
        assertThat(lodged.json().path("department").asString()).isEqualTo("云州市住房和城乡建设局");
        assertThat(lodged.json().path("nextStep").asString()).isEqualTo("INTAKE");
        assertThat(lodged.json().path("nextDue").asString()).isNotEmpty();

        String supervisor = api.freshToken("supervisor");
        assertThat(api.post("/api/v1/complaints/" + complaintId + "/intake", ApiClient.json(Map.of("decision", "ACCEPT")),
                api.freshToken("tenderee2")).status()).as("only the department takes in").isEqualTo(403);
        ApiClient.Response accepted = api.post("/api/v1/complaints/" + complaintId + "/intake", ApiClient.json(Map.of("decision", "ACCEPT")),
                supervisor);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("nextStep").asString()).isEqualTo("COPIES");

        String bidder1 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder1'").query(String.class).single();
        ApiClient.Response copied = api.post("/api/v1/complaints/" + complaintId + "/copies",
                ApiClient.json(Map.of("parties", List.of(bidder1))), supervisor);
        assertThat(copied.status()).as(copied.body()).isEqualTo(200);
        assertThat(copied.json().path("copiedTo").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/complaints/" + complaintId, api.freshToken("bidder1")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/complaints/" + complaintId, api.freshToken("bidder6")).status()).isEqualTo(404);
        ApiClient.Response replied = api.post("/api/v1/complaints/" + complaintId + "/replies",
                ApiClient.json(Map.of("text", "采购人说明：评分依据见评审报告第12页。")), api.freshToken("tenderee2"));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(replied.json().path("replies").get(0).path("late").asBoolean()).isFalse();

        // 法 Art. 57: at most 30 日
        Instant now = clock.instant();
        assertThat(api.post("/api/v1/complaints/" + complaintId + "/suspension", ApiClient.json(Map.of("until",
                now.plus(Duration.ofDays(30)).plusSeconds(1).toString(), "reason", "调查取证")), supervisor).code())
                .isEqualTo("GPL_57_SUSPENSION_TOO_LONG");
        ApiClient.Response suspended = api.post("/api/v1/complaints/" + complaintId + "/suspension", ApiClient.json(Map.of("until",
                now.plus(Duration.ofDays(10)).toString(), "reason", "调查取证期间暂停采购活动")), supervisor);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(holdsOn(lot)).containsExactly("COMPLAINT_SUSPENSION");

        // 条例 Art. 58: an expert review is not counted
        String due = suspended.json().path("decisionDue").asString();
        assertThat(api.post("/api/v1/complaints/" + complaintId + "/pauses", ApiClient.json(Map.of("reason", "EXPERT_REVIEW",
                "note", "组织专家对评分进行复核")), supervisor).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(7));
        supervisor = api.freshToken("supervisor"); // a token lives hours, not days
        ApiClient.Response resumed = api.post("/api/v1/complaints/" + complaintId + "/pauses/end", "", supervisor);
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().path("pausedWorkingDays").asInt()).isEqualTo(5);
        assertThat(Instant.parse(resumed.json().path("decisionDue").asString())).isAfter(Instant.parse(due));

        ApiClient.Response decided = api.post("/api/v1/complaints/" + complaintId + "/decision", ApiClient.json(Map.of("outcome",
                "UNFOUNDED", "reasons", "经审查，评审委员会评分符合采购文件规定，投诉事项缺乏事实依据，驳回投诉。")), supervisor);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(holdsOn(lot)).as("the decision ends the suspension").isEmpty();

        JsonNode published = api.get("/api/v1/complaint-decisions", null).json();
        assertThat(published.toString()).contains(complaintId).contains("投诉事项缺乏事实依据");
        assertThat(api.get("/api/v1/lots/" + lot + "/complaint-decisions", null).body()).contains(complaintId);
        assertThat(logCount(lot, "complaints.complaint.decided")).isEqualTo(1);
    }

    private long logCount(String subject, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :s")
                .param("a", action).param("s", subject).query(Long.class).single();
    }

    /** A construction tender published now with bidder3 registered. */
    private String constructionTenderWithBidder3() {
        String id = publishTender(api, Duration.ofDays(25), "100000.00").path("id").asString();
        ApiClient.Response r = api.post("/api/v1/tenders/" + id + "/registrations", "", api.freshToken("bidder3"));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return id;
    }

    @Test
    @Order(8)
    void reg60_61_constructionComplaintWithinTenDaysOfKnowingDecidedWithinThirtyWorkingDaysOfAcceptance() throws Exception {
        String tender = constructionTenderWithBidder3();
        String bidder3 = api.freshToken("bidder3");
        // construction has no 质疑: its objections (异议) go to the tenderee through tendering
        assertThat(api.post("/api/v1/lots/" + tender + "/challenges", ApiClient.json(signed(tender, "bidder3", "DOCUMENTS", "bidder3")),
                bidder3).code()).isEqualTo("COMPLAINTS_NOT_APPLICABLE");
        Instant now = clock.instant();
        ApiClient.Response late = api.post("/api/v1/lots/" + tender + "/complaints", ApiClient.json(Map.of("knownAt",
                now.minus(Duration.ofDays(10)).toString(), "claims", "请求", "facts", "事实", "evidence", "证据")), bidder3);
        assertThat(late.code()).isEqualTo("COMPLAINT_LATE");
        assertThat(api.post("/api/v1/lots/" + tender + "/complaints", ApiClient.json(Map.of("knownAt",
                now.minus(Duration.ofDays(10)).toString(), "claims", "请求", "facts", "事实", "evidence", "证据")),
                api.freshToken("bidder4")).code()).as("not taking part").isEqualTo("GPL_52_NO_STANDING");
        ApiClient.Response lodged = api.post("/api/v1/lots/" + tender + "/complaints", ApiClient.json(Map.of("knownAt",
                now.minus(Duration.ofDays(10)).plusSeconds(1).toString(), "claims", "请求责令修改资格条件",
                "facts", "资格条件设置了与项目无关的业绩要求", "evidence", "招标文件第三章")), bidder3);
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        String id = lodged.json().path("id").asString();
        // intake within 3 working days of Monday 11-23: Thursday 11-26 24:00
        assertThat(lodged.json().path("intakeDue").asString()).isEqualTo("2026-11-26T16:00:00Z");
        clock.advance(Duration.ofDays(1));
        ApiClient.Response accepted = api.post("/api/v1/complaints/" + id + "/intake", ApiClient.json(Map.of("decision", "ACCEPT")),
                api.freshToken("supervisor"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        // 30 working days from the acceptance on Tuesday 11-24 (no holiday in between): Tuesday 2027-01-05, unless the
        // calendar has 2027's New Year; counted by the catalog's calendar either way, so only the order is asserted here
        assertThat(Instant.parse(accepted.json().path("decisionDue").asString())).isAfter(Instant.parse("2027-01-04T16:00:00Z"));
        ApiClient.Response suspended = api.post("/api/v1/complaints/" + id + "/suspension", ApiClient.json(Map.of("until",
                clock.instant().plus(Duration.ofDays(5)).toString(), "reason", "《招标投标法实施条例》第六十二条：责令暂停招标投标活动")),
                api.freshToken("supervisor"));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(holdsOn(tender)).containsExactly("COMPLAINT_SUSPENSION");
        ApiClient.Response decided = api.post("/api/v1/complaints/" + id + "/decision", ApiClient.json(Map.of("outcome", "FOUNDED",
                "reasons", "资格条件与项目无关，责令招标人修改招标文件。")), api.freshToken("supervisor"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(holdsOn(tender)).isEmpty();
    }

    @Test
    @Order(9)
    void gpl94_art37_threeUnfoundedComplaintsInTwelveMonthsMakeARecord() throws Exception {
        // bidder5's complaint of Order(7) was unfounded; two more challenges, answered, complained of and found unfounded
        clock.set(resultEnds.plus(Duration.ofHours(2)));
        String bidder5 = api.freshToken("bidder5");
        List<String> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ApiClient.Response raised = api.post("/api/v1/lots/" + lot + "/challenges",
                    ApiClient.json(signed(lot, "bidder5", "RESULT", "bidder5")), bidder5);
            assertThat(raised.status()).as(raised.body()).isEqualTo(201);
            String id = raised.json().path("id").asString();
            assertThat(api.post("/api/v1/challenges/" + id + "/answer", ApiClient.json(Map.of("text", "质疑不成立。")),
                    api.freshToken("tenderee2")).status()).isEqualTo(200);
            answered.add(id);
        }
        clock.set(resultEnds.plus(Duration.ofDays(12)));
        bidder5 = api.freshToken("bidder5");
        String supervisor = api.freshToken("supervisor");
        String supplier = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder5'").query(String.class).single();
        for (String challenge : answered) {
            assertThat(api.get("/api/v1/complaints/repeat-unfounded?supplier=" + supplier, supervisor).json().size())
                    .as("no record before the third").isZero();
            ApiClient.Response lodged = api.post("/api/v1/lots/" + lot + "/complaints", ApiClient.json(Map.of("challengeId", challenge,
                    "claims", "请求重新评审", "facts", "事实", "evidence", "证据")), bidder5);
            assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
            String id = lodged.json().path("id").asString();
            assertThat(api.post("/api/v1/complaints/" + id + "/intake", ApiClient.json(Map.of("decision", "ACCEPT")), supervisor).status())
                    .isEqualTo(200);
            ApiClient.Response decided = api.post("/api/v1/complaints/" + id + "/decision", ApiClient.json(Map.of("outcome", "UNFOUNDED",
                    "reasons", "投诉事项缺乏事实依据")), supervisor);
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        }
        JsonNode records = api.get("/api/v1/complaints/repeat-unfounded?supplier=" + supplier, supervisor).json();
        assertThat(records.size()).isEqualTo(1);
        assertThat(records.get(0).path("unfounded").asInt()).isEqualTo(3);
        assertThat(records.get(0).path("rule").asString()).contains("第94号");
        assertThat(api.get("/api/v1/complaints/repeat-unfounded", bidder5).status()).isEqualTo(403);
        assertThat(logCount(lot, "complaints.unfounded.repeated")).isEqualTo(1);
        // issue 20 S: the complainant's credit record, once: no restriction, class 一般, published 3 months
        var complainant = organisations.find(java.util.UUID.fromString(supplier)).orElseThrow();
        assertThat(credits.of(org.sunbid.platform.credit.CreditSubject.organisation(complainant.creditCode().value())))
                .filteredOn(r -> r.sourceRef().startsWith("complaints.repeat-unfounded:")).singleElement().satisfies(r -> {
                    assertThat(r.creditClass()).isEqualTo(org.sunbid.platform.credit.CreditClass.GENERAL);
                    assertThat(r.legalBasis()).contains("第94号");
                    assertThat(r.gates()).isEmpty();
                    assertThat(r.publishedAt(clock.instant())).isTrue();
                    assertThat(r.publishedAt(clock.instant().plus(Duration.ofDays(93)))).isFalse();
                });
    }

    @org.springframework.beans.factory.annotation.Autowired org.sunbid.platform.credit.CreditRecords credits;
    @org.springframework.beans.factory.annotation.Autowired org.sunbid.platform.parties.Organisations organisations;

    private String page(String username, String path) throws Exception {
        java.net.http.HttpResponse<String> r = session(username).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " for " + username + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    @Order(10)
    void decisionsOnThePortalAndEachPartysWorkbenchPage() throws Exception {
        String portal = page(null, "/complaint-decisions");
        assertThat(portal).contains("data-complaint=\"" + complaintId + "\"").contains("投诉事项不成立");
        String project = jdbc.sql("SELECT project_id FROM deal_lot WHERE id = CAST(:l AS UUID)").param("l", lot).query(String.class).single();
        assertThat(page(null, "/projects/" + project)).contains("complaint-decisions-section").contains(complaintId);
        // each party sees its own cases with their countdowns
        assertThat(page("bidder5", "/workbench/complaints")).contains("data-challenge=\"" + challengeId + "\"")
                .contains("data-complaint=\"" + complaintId + "\"").contains("inquiry-form");
        assertThat(page("supervisor", "/workbench/complaints")).contains("data-complaint=\"" + complaintId + "\"");
        assertThat(page("bidder6", "/workbench/complaints")).doesNotContain(challengeId).doesNotContain(complaintId);
        // an open inquiry in the purchaser's inbox with its countdown
        String asked = api.post("/api/v1/lots/" + lot + "/inquiries", ApiClient.json(Map.of("text", "是否接受联合体？")),
                api.freshToken("bidder7")).json().path("id").asString();
        assertThat(page("tenderee2", "/workbench/complaints")).contains("data-inquiry=\"" + asked + "\"").contains("剩 3 天");
    }

    /** A bid sealed on arrival through the web path, as a bidder's browser sends it. */
    private ApiClient.Response webBid(String tenderId, String bidder, String price) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/v1/tenders/" + tenderId + "/bids/sealed-on-arrival?name=bid.txt&priceSheet="
                        + java.net.URLEncoder.encode("{\"totalPrice\":\"" + price + "\"}", java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + api.freshToken(bidder)).header("Content-Type", "application/octet-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("投标文件 " + price)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /**
     * 招标投标法实施条例 Art. 62 (政府采购法 Art. 57 alike): while the department's suspension is in force the lot takes no
     * bid (nothing changes); the deadline moves by the suspended time; once the suspension ends (decided early here)
     * the deadline gives back what was not suspended and the bid is accepted.
     */
    @Test
    @Order(11)
    void reg62_gpl_art57_aComplaintsSuspensionStopsBidsUntilItEnds() throws Exception {
        String tender = constructionTenderWithBidder3();
        String bidder3 = api.freshToken("bidder3");
        assertThat(api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tender)), bidder3).status())
                .isIn(200, 201, 202);
        Instant deadline = Instant.parse(api.get("/api/v1/tenders/" + tender, null).json().path("bidDeadline").asString());
        ApiClient.Response lodged = api.post("/api/v1/lots/" + tender + "/complaints", ApiClient.json(Map.of("knownAt",
                clock.instant().minus(Duration.ofDays(1)).toString(), "claims", "请求责令修改资格条件",
                "facts", "资格条件设置了与项目无关的业绩要求", "evidence", "招标文件第三章")), bidder3);
        assertThat(lodged.status()).as(lodged.body()).isEqualTo(201);
        String id = lodged.json().path("id").asString();
        String supervisor = api.freshToken("supervisor");
        assertThat(api.post("/api/v1/complaints/" + id + "/intake", ApiClient.json(Map.of("decision", "ACCEPT")), supervisor)
                .status()).isEqualTo(200);
        ApiClient.Response suspended = api.post("/api/v1/complaints/" + id + "/suspension", ApiClient.json(Map.of("until",
                clock.instant().plus(Duration.ofDays(5)).toString(), "reason", "《招标投标法实施条例》第六十二条：责令暂停招标投标活动")),
                supervisor);
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(Instant.parse(api.get("/api/v1/tenders/" + tender, null).json().path("bidDeadline").asString()))
                .isEqualTo(deadline.plus(Duration.ofDays(5)));

        clock.advance(Duration.ofDays(2));
        List<Object> before = List.of(snapshot(),
                jdbc.sql("SELECT COUNT(*) FROM bid_envelope_received WHERE tender_id = CAST(:t AS UUID)").param("t", tender)
                        .query(Long.class).single());
        ApiClient.Response refused = webBid(tender, "bidder3", "11000000.00");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("GPL_57_PROCUREMENT_SUSPENDED");
        assertThat(List.of(snapshot(), jdbc.sql("SELECT COUNT(*) FROM bid_envelope_received WHERE tender_id = CAST(:t AS UUID)")
                .param("t", tender).query(Long.class).single())).isEqualTo(before);

        // the decision ends the suspension after 2 days: the deadline keeps those 2 days, bids are taken again
        assertThat(api.post("/api/v1/complaints/" + id + "/decision", ApiClient.json(Map.of("outcome", "UNFOUNDED",
                "reasons", "经审查，资格条件与项目相关，驳回投诉。")), api.freshToken("supervisor")).status()).isEqualTo(200);
        assertThat(Instant.parse(api.get("/api/v1/tenders/" + tender, null).json().path("bidDeadline").asString()))
                .isEqualTo(deadline.plus(Duration.ofDays(2)));
        ApiClient.Response accepted = webBid(tender, "bidder3", "11000000.00");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(logCount(tender, "tendering.tender.suspended-by-complaint")).isEqualTo(1);
        assertThat(logCount(tender, "tendering.tender.resumed-after-complaint")).isEqualTo(1);
    }
}
