package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.NewProject;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;

import tools.jackson.databind.JsonNode;

/**
 * Approval of a procurement method other than the open tender (政府采购法 Art. 27; 实施条例 Art. 23; 74号令 Art. 4) and
 * the single-source publicity before it (实施条例 Art. 38; 74号令 Art. 38–40), through the HTTP API against the running
 * platform with the catalog's working-day calendar: request → decision → publication, publication refused without
 * approval above the threshold, a refusal, who may decide (attacks leave everything as it was), the publicity's end to
 * the millisecond across the National Day holiday, objections and their review, an overdue review flagged.
 */
class MethodApprovalIT extends PlatformIT {

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired MethodApprovals approvals;
    @Autowired Regions regions;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    private ApiClient api;
    private String agency;
    private String purchaser;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        FilingRegion.ensure(api, regions, organisations, accounts, clock.instant());
        agency = api.token("agency");
        purchaser = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    /** Moves the clock and signs in again (tokens expire; a moved clock must not leave stale ones). */
    private void at(Instant instant) {
        clock.set(instant);
        api = new ApiClient(baseUrl());
        agency = api.token("agency");
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private Map<String, Object> lot(String budget) {
        return Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", "采购包1"), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", budget), Map.entry("deposit", "20000.00"), Map.entry("qualification", "具备相应资质"),
                Map.entry("evaluationMethod", "COMPREHENSIVE"), Map.entry("bidDeadline", START.plus(Duration.ofDays(21)).toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", "2026-11-30T09:00:00Z"), Map.entry("notice", "投标邀请书正文"));
    }

    /** An invited tender (邀请招标) of one lot with {@code budget}, its intention exempted (urgent), one document uploaded. */
    private JsonNode invitedTender(String budget) {
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG",
                "procedureCode", "ZFCG_INVITED_TENDER", "name", "云州市档案馆特种密集架采购项目", "budget", budget, "category", "GOODS",
                "tendereeId", purchaser, "lots", List.of(lot(budget)))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.post("/api/v1/projects/" + id + "/intention-exemption", ApiClient.json(Map.of("ground", "URGENT",
                "reason", "档案库房改造工期紧迫")), agency).status()).isEqualTo(200);
        assertThat(api.uploadDocument(lotId(created.json()), agency).status()).isEqualTo(201);
        invite(lotId(created.json()), "bidder1", "bidder2", "bidder3"); // 87号令 Art. 14: an invited tender needs ≥ 3
        return created.json();
    }

    private static String lotId(JsonNode project) {
        return project.path("lots").get(0).path("id").asString();
    }

    private ApiClient.Response request(String lot, List<String> conditions, String reasons, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("conditions", conditions);
        body.put("reasons", reasons);
        return api.post("/api/v1/lots/" + lot + "/method-approvals", ApiClient.json(body), token);
    }

    private ApiClient.Response decide(String lot, String request, boolean approve, String reasons, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("approve", approve);
        body.put("reasons", reasons);
        return api.post("/api/v1/lots/" + lot + "/method-approvals/" + request + "/decision", ApiClient.json(body),
                api.token(username));
    }

    private ApiClient.Response publish(String lot) {
        return api.post("/api/v1/tenders/" + lot + "/publish", "", agency);
    }

    /** What a refusal must leave as it was: the tender, the lot's requests, decisions, objections, reviews, the whole log. */
    private String snapshot(String lot) {
        return jdbc.sql("SELECT status || '/' || version FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot)
                .query(String.class).optional().orElse("no tender")
                + " requests " + count("SELECT count(*) FROM method_approval_request WHERE lot_id = CAST(:t AS UUID)", lot)
                + " decisions " + count("""
                        SELECT count(*) FROM method_approval_decision d JOIN method_approval_request r ON r.id = d.request_id
                        WHERE r.lot_id = CAST(:t AS UUID)""", lot)
                + " objections " + count("""
                        SELECT count(*) FROM single_source_objection o JOIN method_approval_request r ON r.id = o.request_id
                        WHERE r.lot_id = CAST(:t AS UUID)""", lot)
                + " reviews " + count("SELECT count(*) FROM single_source_review", lot)
                + " log " + jdbc.sql("SELECT count(*) FROM log_entry").query(Long.class).single();
    }

    private long count(String sql, String lot) {
        return sql.contains(":t") ? jdbc.sql(sql).param("t", lot).query(Long.class).single() : jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> logActions(String lot) {
        return jdbc.sql("SELECT details FROM log_entry WHERE details LIKE :s ORDER BY seq").param("s", "%" + lot + "%")
                .query(String.class).list().stream().map(d -> d.replaceAll("(?s).*\"action\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void gpl_art27_conditionsOfUseArePublicData() {
        ApiClient.Response negotiation = api.get("/api/v1/procedures/ZFCG_NEGOTIATION/conditions", null);
        assertThat(negotiation.status()).isEqualTo(200);
        assertThat(negotiation.json()).hasSize(5);
        assertThat(negotiation.body()).contains("GPL74_27_2_TWO_RESPONSIVE").contains("财政部令第74号第二十七条第二款");
        assertThat(api.get("/api/v1/procedures/ZFCG_CONSULTATION/conditions", null).json()).hasSize(5);
        assertThat(api.get("/api/v1/procedures/ZFCG_INVITED_TENDER/conditions", null).json()).hasSize(2);
        assertThat(api.get("/api/v1/procedures/ZFCG_INQUIRY/conditions", null).json()).hasSize(1);
        JsonNode single = api.get("/api/v1/procedures/ZFCG_SINGLE_SOURCE/conditions", null).json();
        assertThat(single).hasSize(3);
        assertThat(single.get(0).path("requiresPublicity").asBoolean()).isTrue();
        assertThat(single.get(2).path("textZh").asString()).contains("百分之十");
        // before 74号令 was in force, negotiation had no listed conditions
        assertThat(api.get("/api/v1/procedures/ZFCG_NEGOTIATION/conditions?date=2014-01-31", null).json()).isEmpty();
        assertThat(api.get("/api/v1/procedures/NOPE/conditions", null).code()).isEqualTo("DEALS_UNKNOWN_PROCEDURE");
    }

    @Test
    void gpl_art27_aboveTheThreshold_requestDecidePublish() {
        JsonNode project = invitedTender("5000000.00");
        String lot = lotId(project);
        String before = snapshot(lot);

        ApiClient.Response unapproved = publish(lot);

        assertThat(unapproved.status()).isEqualTo(422);
        assertThat(unapproved.code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
        assertThat(unapproved.json().path("detail").asString()).contains("第二十七条").contains("4000000.00").contains("5000000.00");
        assertThat(snapshot(lot)).isEqualTo(before);

        ApiClient.Response requested = request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), "特种密集架仅有少数厂家具备生产资质", agency);

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(requested.json().path("approvalRequired").asBoolean()).isTrue();
        assertThat(requested.json().path("departmentName").asString()).isEqualTo("云州市住房和城乡建设局");
        assertThat(requested.json().path("conditions").get(0).path("article").asString()).isEqualTo("《政府采购法》第二十九条第（一）项");
        String id = requested.json().path("id").asString();
        // still refused while pending; a second request is refused
        assertThat(publish(lot).code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
        assertThat(request(lot, List.of("GPL_29_2_TENDER_COST"), "再次申请", agency).code())
                .isEqualTo("METHOD_APPROVAL_ALREADY_REQUESTED");
        // the department's to-do list has it
        assertThat(api.get("/api/v1/method-approvals", api.token("supervisor")).body()).contains(id);

        ApiClient.Response approved = decide(lot, id, true, null, "supervisor");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(decide(lot, id, false, "改主意", "supervisor").code()).isEqualTo("METHOD_APPROVAL_DECIDED");
        ApiClient.Response published = publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(logActions(lot)).containsSubsequence("tendering.method.requested", "tendering.method.approved",
                "tendering.tender.published");

        // public: the API (without who asked) and the project page show the method, its condition, the department
        JsonNode shown = api.get("/api/v1/public/lots/" + lot + "/method-approvals", null).json().get(0);
        assertThat(shown.path("status").asString()).isEqualTo("APPROVED");
        assertThat(shown.path("requestedBy").isNull()).isTrue();
        String page = api.get("/projects/" + project.path("id").asString(), null).body();
        assertThat(page).contains("采购方式与适用情形").contains("具有特殊性，只能从有限范围的供应商处采购的")
                .contains("《政府采购法》第二十九条第（一）项").contains("云州市住房和城乡建设局").contains("已批准");
    }

    @Test
    void gpl_art27_atTheThresholdNoApprovalIsNeeded_theConditionIsRecordedAndShown() {
        JsonNode project = invitedTender("4000000.00");
        String lot = lotId(project);
        // no approval needed: the lot could be published, but the chosen condition is recorded first here
        ApiClient.Response recorded = request(lot, List.of("GPL_29_2_TENDER_COST"), "公开招标费用占比过大", agency);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().path("status").asString()).isEqualTo("RECORDED");
        assertThat(recorded.json().path("departmentId").isNull()).isTrue();
        String before = snapshot(lot);
        assertThat(decide(lot, recorded.json().path("id").asString(), true, null, "supervisor").code())
                .isEqualTo("METHOD_APPROVAL_NOT_REQUIRED");
        assertThat(snapshot(lot)).isEqualTo(before);
        assertThat(publish(lot).status()).isEqualTo(200);
        assertThat(api.get("/projects/" + project.path("id").asString(), null).body()).contains("已记录（无需审批）")
                .contains("采用公开招标方式的费用占政府采购项目总价值的比例过大的");
        assertThat(logActions(lot)).contains("tendering.method.recorded");
    }

    @Test
    void gpl_art27_aRefusalNeedsReasons_keepsPublicationBlocked_andANewRequestMayFollow() {
        String lot = lotId(invitedTender("6000000.00"));
        String id = request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), "供应商有限", agency).json().path("id").asString();
        String before = snapshot(lot);
        ApiClient.Response noReasons = decide(lot, id, false, " ", "supervisor");
        assertThat(noReasons.status()).isEqualTo(422);
        assertThat(noReasons.code()).isEqualTo("METHOD_APPROVAL_REASONS_REQUIRED");
        assertThat(snapshot(lot)).isEqualTo(before);

        ApiClient.Response refused = decide(lot, id, false, "经市场调查，具备供货能力的供应商超过二十家，应当公开招标", "supervisor");

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().path("status").asString()).isEqualTo("REFUSED");
        ApiClient.Response blocked = publish(lot);
        assertThat(blocked.code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
        assertThat(blocked.json().path("detail").asString()).contains("REFUSED");
        ApiClient.Response again = request(lot, List.of("GPL_29_2_TENDER_COST"), "补充说明费用测算", agency);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("number").asInt()).isEqualTo(2);
        JsonNode history = api.get("/api/v1/lots/" + lot + "/method-approvals", agency).json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("decisionReasons").asString()).contains("应当公开招标");
        assertThat(logActions(lot)).containsSubsequence("tendering.method.requested", "tendering.method.refused",
                "tendering.method.requested");
    }

    @Test
    void gpl_art27_onlyTheDepartmentDecides_attacksChangeNothing() {
        String lot = lotId(invitedTender("5000000.00"));
        // bad requests first: an unknown or another method's condition, no condition, no reasons, not the owner
        assertThat(request(lot, List.of("GPL_31_1_UNIQUE_SUPPLIER"), "理由", agency).code()).isEqualTo("DEALS_UNKNOWN_CONDITION");
        assertThat(request(lot, List.of(), "理由", agency).code()).isEqualTo("DEALS_UNKNOWN_CONDITION");
        assertThat(request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), " ", agency).code()).isEqualTo("METHOD_APPROVAL_INVALID");
        assertThat(request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), "理由", api.token("bidder1")).status()).isEqualTo(403);
        assertThat(request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), "理由", api.token(FilingRegion.TENDEREE)).status())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM method_approval_request WHERE lot_id = CAST(:t AS UUID)", lot)).isZero();

        String id = request(lot, List.of("GPL_29_1_LIMITED_SUPPLIERS"), "供应商有限", agency).json().path("id").asString();
        String before = snapshot(lot);

        // a rival supplier, the purchaser's agency itself, centre staff, another region's supervisor: none may decide
        assertThat(decide(lot, id, true, null, "bidder1").status()).isEqualTo(403);
        assertThat(decide(lot, id, true, null, "agency").status()).isEqualTo(403);
        assertThat(decide(lot, id, true, null, "centre").status()).isEqualTo(403);
        ApiClient.Response otherRegion = decide(lot, id, true, null, FilingRegion.OTHER_SUPERVISOR);
        assertThat(otherRegion.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/method-approvals", api.token(FilingRegion.OTHER_SUPERVISOR)).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/lots/" + lot + "/method-approvals", api.token("bidder1")).status()).isEqualTo(404);
        // a request of another lot under this lot's address is not found
        assertThat(decide(lot, UUID.randomUUID().toString(), true, null, "supervisor").code()).isEqualTo("METHOD_APPROVAL_NOT_FOUND");

        assertThat(snapshot(lot)).isEqualTo(before);
        assertThat(publish(lot).code()).isEqualTo("GPL_27_METHOD_NOT_APPROVED");
    }

    // --- single source (单一来源) with a unique supplier above the threshold ---

    /** 2026-09-28, Monday 09:30 Beijing: the National Day holiday (Oct 1–7) and its 调休 Saturday Oct 10 lie ahead. */
    static final Instant BEFORE_NATIONAL_DAY = Instant.parse("2026-09-28T01:30:00Z");

    private String singleSourceLot(String budget) {
        UUID agencyOrg = accounts.findByUsername("agency").orElseThrow().organisationId();
        UUID owner = UUID.fromString(purchaser);
        UUID lotId = UUID.randomUUID();
        ProjectView p = projects.register(new NewProject("ZFCG", "ZFCG_SINGLE_SOURCE", "云州市人民医院核磁共振设备专用线圈采购",
                organisations.find(owner).orElseThrow().regionCode(), owner, agencyOrg, Money.yuan(budget), null,
                ProjectCategory.GOODS, null, List.of(new NewProject.NewLot(lotId, "采购包1", Money.yuan(budget)))), Actor.SYSTEM);
        assertThat(p.lots()).hasSize(1);
        return lotId.toString();
    }

    private ApiClient.Response requestSingleSource(String lot, String supplier, String opinions) {
        Map<String, Object> body = new HashMap<>();
        body.put("conditions", List.of("GPL_31_1_UNIQUE_SUPPLIER"));
        body.put("reasons", "原设备厂家专有接口，线圈仅能由原厂提供");
        body.put("supplierName", supplier);
        body.put("expertOpinions", opinions);
        return api.post("/api/v1/lots/" + lot + "/method-approvals", ApiClient.json(body), agency);
    }

    private ApiClient.Response object(String lot, String request, String reasons, String username) {
        return api.post("/api/v1/lots/" + lot + "/method-approvals/" + request + "/objections",
                ApiClient.json(Map.of("reasons", reasons)), api.token(username));
    }

    @Test
    void gpr_art38_singleSourcePublicityOfFiveWorkingDaysAcrossNationalDay_approvalOnlyAfterItsEnd() {
        at(BEFORE_NATIONAL_DAY);
        String lot = singleSourceLot("5000000.00");
        ApiClient.Response incomplete = requestSingleSource(lot, "云州医疗设备有限公司", " ");
        assertThat(incomplete.code()).isEqualTo("GPR_38_SINGLE_SOURCE_PUBLICITY_INCOMPLETE");

        ApiClient.Response requested = requestSingleSource(lot, "云州医疗设备有限公司", "三名专家论证：专用线圈接口为原厂专利，无替代产品");

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        // Tue 9-29, Wed 9-30, (Oct 1–7 off), Thu 10-8, Fri 10-9, Sat 10-10 (调休): ends at 24:00 Beijing on Oct 10
        Instant end = Instant.parse("2026-10-10T16:00:00Z");
        JsonNode publicity = requested.json().path("publicity");
        assertThat(Instant.parse(publicity.path("endsAt").asString())).isEqualTo(end);
        assertThat(publicity.path("running").asBoolean()).isTrue();
        // objections are reviewed within 5 working days after it: Mon 10-12 … Fri 10-16
        assertThat(Instant.parse(publicity.path("reviewDue").asString())).isEqualTo(Instant.parse("2026-10-16T16:00:00Z"));
        String id = requested.json().path("id").asString();
        // public while it runs: API and portal page
        assertThat(api.get("/api/v1/public/single-source-publicities", null).body()).contains(id);
        assertThat(api.get("/single-source-publicities", null).body()).contains("云州医疗设备有限公司").contains("专用线圈接口为原厂专利");

        at(end.minusMillis(1));
        String before = snapshot(lot);
        ApiClient.Response early = decide(lot, id, true, null, "supervisor");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING");
        assertThat(early.json().path("detail").asString()).contains("第三十八条");
        assertThat(snapshot(lot)).isEqualTo(before);

        at(end);
        ApiClient.Response approved = decide(lot, id, true, null, "supervisor");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(logActions(lot)).containsSubsequence("tendering.method.requested", "tendering.single-source.publicity-opened",
                "tendering.method.approved");
    }

    @Test
    void gpl74_art39_40_anObjectionRequiresAReview_overdueFlagged_thenApproval() {
        at(BEFORE_NATIONAL_DAY);
        String lot = singleSourceLot("8000000.00");
        String id = requestSingleSource(lot, "云州医疗设备有限公司", "专家论证意见").json().path("id").asString();
        Instant end = Instant.parse("2026-10-10T16:00:00Z");
        Instant due = Instant.parse("2026-10-16T16:00:00Z");

        // only suppliers object, only during the publicity
        at(end.minusMillis(1));
        assertThat(object(lot, id, "我公司同样能提供", "agency").status()).isEqualTo(403);
        assertThat(object(lot, id, "我公司同样能提供", "supervisor").status()).isEqualTo(403);
        ApiClient.Response objected = object(lot, id, "我公司代理的同类线圈与该设备兼容，可参与竞争", "bidder2");
        assertThat(objected.status()).as(objected.body()).isEqualTo(201);
        JsonNode objection = objected.json().path("publicity").path("objections").get(0);
        assertThat(Instant.parse(objection.path("reviewDue").asString())).isEqualTo(due);
        assertThat(objection.path("objectorName").isNull()).isTrue(); // the objector is not shown to the public
        String objectionId = objection.path("id").asString();
        at(end);
        assertThat(object(lot, id, "迟到的异议", "bidder3").code()).isEqualTo("GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED");

        // after the publicity: approval waits for the review
        String before = snapshot(lot);
        ApiClient.Response unreviewed = decide(lot, id, true, null, "supervisor");
        assertThat(unreviewed.code()).isEqualTo("GPL74_40_OBJECTION_UNREVIEWED");
        assertThat(snapshot(lot)).isEqualTo(before);

        // one millisecond before the review is due nothing is flagged; at the due time the supervisor is flagged, once
        at(due.minusMillis(1));
        assertThat(approvals.flagOverdueReviews()).isZero();
        at(due);
        assertThat(approvals.flagOverdueReviews()).isEqualTo(1);
        assertThat(approvals.flagOverdueReviews()).isZero();
        assertThat(logActions(lot)).contains(MethodApprovals.OVERDUE);
        assertThat(api.get("/api/v1/lots/" + lot + "/method-approvals", api.token("supervisor")).json().get(0)
                .path("publicity").path("objections").get(0).path("overdue").asBoolean()).isTrue();

        // a rival supplier cannot review; the owner's agency reviews (late), then the department approves
        ApiClient.Response rival = api.post("/api/v1/lots/" + lot + "/method-approvals/" + id + "/objections/" + objectionId
                + "/review", ApiClient.json(Map.of("upheld", false, "outcome", "不成立")), api.token("bidder2"));
        assertThat(rival.status()).isEqualTo(403);
        ApiClient.Response reviewed = api.post("/api/v1/lots/" + lot + "/method-approvals/" + id + "/objections/" + objectionId
                + "/review", ApiClient.json(Map.of("upheld", false, "outcome", "经补充论证，异议人产品未取得原厂接口授权，异议不成立")), agency);
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        ApiClient.Response approved = decide(lot, id, true, null, "supervisor");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(logActions(lot)).containsSubsequence("tendering.single-source.objection-raised", MethodApprovals.OVERDUE,
                "tendering.single-source.objection-reviewed", "tendering.method.approved");
        JsonNode shown = api.get("/api/v1/public/lots/" + lot + "/method-approvals", null).json().get(0);
        assertThat(shown.path("publicity").path("objections").get(0).path("outcome").asString()).contains("异议不成立");
    }

    @Test
    void gpl74_art40_anUpheldObjectionBlocksTheSingleSource() {
        at(BEFORE_NATIONAL_DAY);
        String lot = singleSourceLot("8000000.00");
        String id = requestSingleSource(lot, "云州医疗设备有限公司", "专家论证意见").json().path("id").asString();
        String objectionId = object(lot, id, "我公司同样能提供", "bidder2").json().path("publicity").path("objections").get(0)
                .path("id").asString();
        at(Instant.parse("2026-10-12T02:00:00Z"));
        assertThat(api.post("/api/v1/lots/" + lot + "/method-approvals/" + id + "/objections/" + objectionId + "/review",
                ApiClient.json(Map.of("upheld", true, "outcome", "异议成立，改用竞争性谈判")), agency).status()).isEqualTo(200);
        assertThat(decide(lot, id, true, null, "supervisor").code()).isEqualTo("GPL74_40_OBJECTION_UPHELD");
        assertThat(decide(lot, id, false, "异议成立，应采用其他采购方式", "supervisor").json().path("status").asString())
                .isEqualTo("REFUSED");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void gpr_art38_workbench_ownerRequests_supplierObjects_ownerReviews_departmentApproves() throws Exception {
        at(BEFORE_NATIONAL_DAY);
        String lot = singleSourceLot("8000000.00");
        String page = "/workbench/lots/" + lot + "/method-approval";
        org.sunbid.platform.WebSession owner = new org.sunbid.platform.WebSession(baseUrl());
        owner.login("agency");
        assertThat(owner.get("/workbench/method-approvals").body()).contains(page).contains("需财政部门批准");
        String form = owner.get(page).body();
        assertThat(form).contains("只能从唯一供应商处采购的").contains("《政府采购法》第三十一条第（一）项").contains("需公示")
                .contains("name=\"supplierName\"");

        var requested = owner.submit(page, page, "conditions=GPL_31_1_UNIQUE_SUPPLIER&reasons=" + enc("原厂专有接口")
                + "&supplierName=" + enc("云州医疗设备有限公司") + "&expertOpinions=" + enc("专家论证：无替代产品"));
        assertThat(requested.statusCode()).isEqualTo(302);
        String id = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM method_approval_request WHERE lot_id = CAST(:l AS UUID)")
                .param("l", lot).query(String.class).single();
        assertThat(owner.get(page).body()).contains("单一来源公示").contains("2026-10-11 00:00").contains("待财政部门审批");

        org.sunbid.platform.WebSession supplier = new org.sunbid.platform.WebSession(baseUrl());
        supplier.login("bidder2");
        assertThat(supplier.get("/workbench/method-approvals").body()).contains("云州医疗设备有限公司");
        var objected = supplier.submit("/workbench/method-approvals", "/workbench/lots/" + lot + "/method-approval/" + id
                + "/objections", "reasons=" + enc("我公司产品同样兼容"));
        assertThat(objected.statusCode()).isEqualTo(302);
        String objectionId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM single_source_objection WHERE request_id = CAST(:r AS UUID)")
                .param("r", id).query(String.class).single();

        at(Instant.parse("2026-10-12T02:00:00Z"));
        owner = new org.sunbid.platform.WebSession(baseUrl());
        owner.login("agency");
        assertThat(owner.get(page).body()).contains("我公司产品同样兼容").contains("记录论证结果");
        assertThat(owner.submit(page, page + "/" + id + "/objections/" + objectionId + "/review",
                "outcome=" + enc("异议人产品未获接口授权，异议不成立")).statusCode()).isEqualTo(302);

        org.sunbid.platform.WebSession department = new org.sunbid.platform.WebSession(baseUrl());
        department.login("supervisor");
        assertThat(department.get("/workbench/method-approvals").body()).contains(page);
        assertThat(department.get(page).body()).contains("id=\"method-approve\"");
        assertThat(department.submit(page, page + "/" + id + "/decision", "decision=APPROVE").statusCode()).isEqualTo(302);
        assertThat(department.get(page).body()).contains("已批准").contains("异议不成立");
        // a supplier's session cannot decide through the page either
        var rival = supplier.submit("/workbench/method-approvals", page + "/" + id + "/decision", "decision=REFUSE&reasons=x");
        assertThat(jdbc.sql("SELECT approved FROM method_approval_decision WHERE request_id = CAST(:r AS UUID)").param("r", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(rival.statusCode()).isIn(302, 403);
    }
}
