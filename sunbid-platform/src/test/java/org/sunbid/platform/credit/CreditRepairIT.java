package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditParties.Party;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;

/**
 * Credit repair (信用修复管理办法 Art. 16), its limits (Art. 12, 25) and objections (Art. 18) through the API: the recorded
 * organisation applies, a supervisor of the record's region accepts and decides; every refusal changes nothing.
 */
class CreditRepairIT extends PlatformIT {

    @Autowired CreditRecords records;
    @Autowired CreditProfiles profiles;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired Calendars calendars;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    /** A fresh bidder organisation of the demo city with one staff account. */
    private Party party(String name) {
        return CreditParties.party(organisations, accounts, name, "990100");
    }

    /** A record of {@code p}, decided {@code ago} before now, by the rules of that day; a ban on bidding until {@code banUntil} if given. */
    private UUID record(Party p, CreditClass c, Duration ago, boolean falseMaterial, Instant banUntil) {
        Instant decided = clock.instant().minus(ago);
        CreditRules.Publication pub = CreditRules.publication(c, decided, falseMaterial, false);
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(p.organisation().creditCode().value()),
                p.organisation().name(), c, falseMaterial ? "在信用修复中提供虚假材料" : "无正当理由不与中标人订立合同",
                "招标投标法实施条例第七十三条", "云州市住房和城乡建设局", "云建罚〔2026〕" + UUID.randomUUID().toString().substring(0, 4) + "号",
                "platform", "repair-" + UUID.randomUUID(), "990100", banUntil == null ? Set.of() : Set.of(Gate.BIDDING),
                banUntil == null ? null : decided, banUntil, pub.from(), pub.until()), decided, falseMaterial, Actor.SYSTEM);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private static String application(String reason) {
        return ApiClient.json(Map.of("reason", reason, "documents", List.of("整改报告（文件 SM3 1f2e…）", "信用承诺书")));
    }

    private static String decision(String decision, String reason) {
        return ApiClient.json(Map.of("decision", decision, "reason", reason));
    }

    private long logged(String action, String subject) {
        return jdbc.sql("SELECT count(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :s")
                .param("a", action).param("s", subject).query(Long.class).single();
    }

    private Map<String, Object> recordRow(UUID id) {
        return jdbc.sql("SELECT withdrawn_at, withdrawn_reason, publication_until, restriction_until FROM credit_record WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    private long repairsOf(UUID record) {
        return jdbc.sql("SELECT count(*) FROM credit_repair WHERE record_id = :r").param("r", record).query(Long.class).single();
    }

    private boolean publishedNow(ApiClient api, Party p, UUID id) {
        return CreditPublicationIT.ids(api.get("/api/v1/credit/records?q=" + p.organisation().creditCode().value(), null))
                .contains(id.toString());
    }

    @Test
    void repair36_art16_theOrganisationAppliesTheSupervisorAcceptsWithinThreeAndApprovesWithinSevenWorkingDays_publicationEndsEarly() {
        ApiClient api = api();
        Party p = party("信用修复测试有限公司");
        UUID id = record(p, CreditClass.GENERAL, Duration.ofDays(130), false, null); // past the 3-month minimum
        assertThat(publishedNow(api, p, id)).isTrue();

        ApiClient.Response applied = api.post("/api/v1/credit/records/" + id + "/repairs", application("已完成整改并作出信用承诺"),
                api.token(p.username()));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().path("status").asString()).isEqualTo("APPLIED");
        java.time.LocalDate today = clock.instant().atZone(CreditRules.ZONE).toLocalDate();
        assertThat(applied.json().path("acceptDue").asString()).isEqualTo(calendars.workingDays().plus(today, 3).toString());
        assertThat(applied.json().path("documents").size()).isEqualTo(2);
        String repair = applied.json().path("id").asString();
        // a second application while one is open
        assertThat(api.post("/api/v1/credit/records/" + id + "/repairs", application("再次申请"), api.token(p.username())).code())
                .isEqualTo("CREDIT_ALREADY_PENDING");
        // not approved before it is accepted
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/decision", decision("APPROVE", "同意"), api.token("supervisor")).code())
                .isEqualTo("CREDIT_STEP_NOT_ALLOWED");
        // centre staff see it but do not decide; another organisation does not even see it
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{}", api.token("centre")).code())
                .isEqualTo("CREDIT_NOT_SUPERVISOR");
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{}", api.token("bidder1")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/credit/repairs/" + repair, api.token("bidder1")).status()).isEqualTo(404);
        assertThat(publishedNow(api, p, id)).isTrue();

        ApiClient.Response accepted = api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{\"note\":\"材料齐全\"}",
                api.token("supervisor"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("decideDue").asString()).isEqualTo(calendars.workingDays().plus(today, 7).toString());

        clock.advance(Duration.ofDays(2)); // tokens expire by the clock: fresh ones from here
        Instant decidedAt = clock.instant();
        String supervisor = api.freshToken("supervisor");
        ApiClient.Response approved = api.post("/api/v1/credit/repairs/" + repair + "/decision",
                decision("APPROVE", "整改到位，准予修复"), supervisor);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        CreditRecordView after = records.find(id).orElseThrow();
        assertThat(after.withdrawnAt()).isEqualTo(decidedAt);
        assertThat(publishedNow(api, p, id)).isFalse();
        assertThat(api.get("/api/v1/credit/repairs/" + repair, api.freshToken(p.username())).json().path("status").asString())
                .isEqualTo("APPROVED");
        for (String action : List.of("credit.repair.applied", "credit.repair.accepted", "credit.repair.approved")) {
            assertThat(logged(action, repair)).as(action).isEqualTo(1);
        }
        // decided once
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/decision", decision("REFUSE", "再议"), supervisor).code())
                .isEqualTo("CREDIT_STEP_NOT_ALLOWED");
    }

    @Test
    void repair36_art12_art25_repairIsRefusedBeforeTheMinimumForFalseMaterialWhileAPenaltyRunsAndForAnotherOrganisation_nothingChanges() {
        ApiClient api = api();
        Party p = party("信用修复限制测试有限公司");
        Party other = party("信用修复他人测试有限公司");
        UUID early = record(p, CreditClass.GENERAL, Duration.ofDays(30), false, null);
        UUID falseMaterial = record(p, CreditClass.GENERAL, Duration.ofDays(200), true, null);
        UUID banned = record(p, CreditClass.GENERAL, Duration.ofDays(130), false, clock.instant().plus(Duration.ofDays(40)));
        UUID repairable = record(p, CreditClass.GENERAL, Duration.ofDays(130), false, null);
        Map<UUID, Map<String, Object>> before = new java.util.HashMap<>();
        for (UUID id : List.of(early, falseMaterial, banned, repairable)) {
            before.put(id, recordRow(id));
        }
        long logBefore = log.size();

        Map<UUID, String> expected = Map.of(early, "CREDIT_REPAIR_TOO_EARLY", falseMaterial, "CREDIT_REPAIR_FALSE_MATERIAL",
                banned, "CREDIT_REPAIR_PENALTY_RUNNING");
        expected.forEach((id, code) -> {
            ApiClient.Response r = api.post("/api/v1/credit/records/" + id + "/repairs", application("请求修复"), api.token(p.username()));
            assertThat(r.status()).as(code).isEqualTo(409);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo(code);
        });
        ApiClient.Response notOwn = api.post("/api/v1/credit/records/" + repairable + "/repairs", application("代为申请"),
                api.token(other.username()));
        assertThat(notOwn.status()).isEqualTo(403);
        assertThat(notOwn.code()).isEqualTo("CREDIT_NOT_OWN_RECORD");
        assertThat(api.post("/api/v1/credit/records/" + repairable + "/repairs", application(" "), api.token(p.username())).code())
                .isEqualTo("CREDIT_TEXT_REQUIRED");
        assertThat(api.post("/api/v1/credit/records/" + UUID.randomUUID() + "/repairs", application("未知"), api.token(p.username()))
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/credit/records/" + repairable + "/repairs", application("匿名"), null).status()).isEqualTo(401);

        for (UUID id : List.of(early, falseMaterial, banned, repairable)) {
            assertThat(recordRow(id)).isEqualTo(before.get(id));
            assertThat(repairsOf(id)).isZero();
        }
        assertThat(log.size()).isEqualTo(logBefore);
    }

    @Test
    void repair36_art12_approvalWithdrawsOnlyWhereTheRulesStillAllowIt_aPublicationThatEndedIsNotRepaired() {
        ApiClient api = api();
        Party p = party("信用修复期满测试有限公司");
        // a general record whose one year ends in 3 days
        UUID id = record(p, CreditClass.GENERAL, Duration.ofDays(362), false, null);
        Instant end = records.find(id).orElseThrow().publicationUntil();
        String repair = api.post("/api/v1/credit/records/" + id + "/repairs", application("整改完毕"), api.token(p.username()))
                .json().path("id").asString();
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{}", api.token("supervisor")).status()).isEqualTo(200);
        clock.set(end.plusSeconds(60));
        String supervisor = api.freshToken("supervisor"); // tokens expire by the clock
        Map<String, Object> before = recordRow(id);
        long logBefore = log.size();
        ApiClient.Response approve = api.post("/api/v1/credit/repairs/" + repair + "/decision", decision("APPROVE", "准予"),
                supervisor);
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.code()).isEqualTo("CREDIT_REPAIR_NOT_PUBLISHED");
        assertThat(recordRow(id)).isEqualTo(before);
        assertThat(api.get("/api/v1/credit/repairs/" + repair, supervisor).json().path("status").asString())
                .isEqualTo("ACCEPTED");
        // the supervisor refuses it instead: logged, the record untouched (it ended by its period)
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/decision", decision("REFUSE", "公示期已满，无需修复"),
                supervisor).json().path("status").asString()).isEqualTo("REFUSED");
        assertThat(recordRow(id)).isEqualTo(before);
        assertThat(log.size()).isGreaterThanOrEqualTo(logBefore + 1);
        assertThat(logged("credit.repair.refused", repair)).isEqualTo(1);
    }

    @Test
    void repair36_art18_anObjectionUpheldWithdrawsTheRecord_dismissedLeavesIt_onlyTheRegionsSupervisorDecides() {
        ApiClient api = api();
        Party p = party("信用异议测试有限公司");
        UUID wrong = record(p, CreditClass.SERIOUS, Duration.ofDays(20), false, null);
        UUID right = record(p, CreditClass.GENERAL, Duration.ofDays(20), false, null);
        ApiClient.Response filed = api.post("/api/v1/credit/records/" + wrong + "/objections",
                application("处罚决定已被行政复议撤销"), api.token(p.username()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        java.time.LocalDate today = clock.instant().atZone(CreditRules.ZONE).toLocalDate();
        assertThat(filed.json().path("decideDue").asString()).isEqualTo(calendars.workingDays().plus(today, 7).toString());
        String objection = filed.json().path("id").asString();
        Map<String, Object> before = recordRow(wrong);
        assertThat(api.post("/api/v1/credit/objections/" + objection + "/decision", decision("UPHOLD", "成立"), api.token("centre")).code())
                .isEqualTo("CREDIT_NOT_SUPERVISOR");
        assertThat(api.post("/api/v1/credit/objections/" + objection + "/decision", decision("UPHOLD", "成立"), api.token("tenderee"))
                .status()).isEqualTo(404);
        assertThat(recordRow(wrong)).isEqualTo(before);
        assertThat(publishedNow(api, p, wrong)).isTrue();

        ApiClient.Response upheld = api.post("/api/v1/credit/objections/" + objection + "/decision",
                decision("UPHOLD", "原处罚决定已撤销，异议成立"), api.token("supervisor"));
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().path("status").asString()).isEqualTo("UPHELD");
        assertThat(records.find(wrong).orElseThrow().withdrawnAt()).isEqualTo(clock.instant());
        assertThat(publishedNow(api, p, wrong)).isFalse();
        assertThat(logged("credit.objection.filed", objection)).isEqualTo(1);
        assertThat(logged("credit.objection.upheld", objection)).isEqualTo(1);

        String second = api.post("/api/v1/credit/records/" + right + "/objections", application("认为处罚过重"), api.token(p.username()))
                .json().path("id").asString();
        assertThat(api.post("/api/v1/credit/objections/" + second + "/decision", decision("DISMISS", "事实清楚，异议不成立"),
                api.token("supervisor")).json().path("status").asString()).isEqualTo("DISMISSED");
        assertThat(records.find(right).orElseThrow().withdrawnAt()).isNull();
        assertThat(publishedNow(api, p, right)).isTrue();
    }

    @Test
    void theProfileShowsEveryRecordWithItsStateAndTheRegionsScore_toItselfStaffAndOwnersOnly() {
        ApiClient api = api();
        Party p = party("信用档案测试有限公司");
        profiles.defineScoreRule(new CreditProfiles.ScoreRule("990100", java.time.LocalDate.of(2026, 1, 1), 100,
                Map.of(CreditClass.MINOR, 2, CreditClass.GENERAL, 5, CreditClass.SERIOUS, 10), "云州市公共资源交易信用评分办法（示范）"),
                Actor.SYSTEM);
        record(p, CreditClass.SERIOUS, Duration.ofDays(30), false, null);
        record(p, CreditClass.GENERAL, Duration.ofDays(30), false, null);
        record(p, CreditClass.GENERAL, Duration.ofDays(400), false, null); // its year has ended: listed, not counted
        String path = "/api/v1/credit/profiles/" + p.organisation().id();
        ApiClient.Response own = api.get(path, api.token(p.username()));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("records").size()).isEqualTo(3);
        assertThat(own.json().path("score").path("value").asInt()).isEqualTo(100 - 10 - 5);
        assertThat(own.body()).contains("\"ENDED\"", "\"PUBLISHED\"");
        for (String viewer : List.of("tenderee", "agency", "supervisor", "centre", "admin")) {
            assertThat(api.get(path, api.token(viewer)).status()).as(viewer).isEqualTo(200);
        }
        assertThat(api.get(path, api.token("bidder1")).status()).isEqualTo(404);
        // awards and contracts come from evaluation through the CreditHistory port: a demo winner's profile lists its award
        UUID winner = jdbc.sql("SELECT winner_id FROM award ORDER BY awarded_at LIMIT 1").query(UUID.class).single();
        ApiClient.Response winners = api.get("/api/v1/credit/profiles/" + winner, api.token("tenderee"));
        assertThat(winners.status()).isEqualTo(200);
        assertThat(winners.json().path("history").toString()).contains("\"award\"", "/tenders/");
        assertThat(api.get(path, api.token("expert01")).status()).isEqualTo(404);
        assertThat(api.get(path, null).status()).isEqualTo(401);
    }

    /**
     * Issue 20 fix K: an owner evaluating an organisation (agency, tenderee) sees only what is published or restricting now:
     * no repaired, ended or unpublished record and no repair application; the organisation itself and its region's
     * supervisor see everything.
     */
    @Test
    void ownersSeeOnlyThePublishedOrRestrictingRecordsOfAProfileAndNoRepairApplication() {
        ApiClient api = api();
        Party p = party("信用档案范围测试有限公司");
        UUID current = record(p, CreditClass.SERIOUS, Duration.ofDays(30), false, null);
        UUID ended = record(p, CreditClass.GENERAL, Duration.ofDays(400), false, null);
        UUID minor = record(p, CreditClass.MINOR, Duration.ofDays(10), false, null);
        UUID repaired = record(p, CreditClass.GENERAL, Duration.ofDays(130), false, null);
        String secret = "整改报告：财务总监张某某已离职（内部材料）";
        String repair = api.post("/api/v1/credit/records/" + repaired + "/repairs", application(secret), api.token(p.username()))
                .json().path("id").asString();
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/acceptance", "{}", api.token("supervisor")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/credit/repairs/" + repair + "/decision", decision("APPROVE", "同意修复"), api.token("supervisor"))
                .status()).isEqualTo(200);
        assertThat(records.find(repaired).orElseThrow().withdrawnAt()).isNotNull();

        String path = "/api/v1/credit/profiles/" + p.organisation().id();
        for (String owner : List.of("agency", "tenderee")) {
            ApiClient.Response seen = api.get(path, api.token(owner));
            assertThat(seen.status()).as(owner).isEqualTo(200);
            List<String> ids = new java.util.ArrayList<>();
            seen.json().path("records").forEach(r -> ids.add(r.path("record").path("id").asString()));
            assertThat(ids).as(owner).containsExactly(current.toString());
            assertThat(seen.json().path("repairs").size()).as(owner).isZero();
            assertThat(seen.body()).as(owner).doesNotContain(secret, repaired.toString(), ended.toString(), minor.toString(),
                    "\"ENDED\"", "\"WITHDRAWN\"", "\"NOT_PUBLISHED\"");
        }
        for (String full : List.of(p.username(), "supervisor", "admin")) {
            ApiClient.Response seen = api.get(path, api.token(full));
            assertThat(seen.json().path("records").size()).as(full).isEqualTo(4);
            assertThat(seen.body()).as(full).contains(secret, "\"ENDED\"", "\"WITHDRAWN\"");
        }
    }
}
