package org.sunbid.platform.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;
import tools.jackson.databind.JsonNode;

/**
 * Projects and lots over the real API: every tender is a lot of a project (the tender's id is the lot's id), a
 * procurement project with two lots gets one draft tender per lot under government procurement's rules, and bad
 * input is refused with a clear code while nothing changes.
 */
class ProjectsIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    Projects projects;

    @Autowired
    org.sunbid.platform.tendering.Tenders tenders;

    @Autowired
    org.sunbid.platform.parties.Accounts accounts;

    private ApiClient api;
    private String cityInvestment;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        cityInvestment = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private static String code() {
        return "PJ-" + System.nanoTime() % 100_000_000;
    }

    private Map<String, Object> lot(String name, String budget, String deposit, Instant documentsUntil) {
        Instant now = clock.instant();
        return Map.ofEntries(Map.entry("projectCode", code()), Map.entry("name", name), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", budget), Map.entry("deposit", deposit), Map.entry("qualification", "具备医疗器械经营许可"),
                Map.entry("evaluationMethod", "COMPREHENSIVE"), Map.entry("bidDeadline", now.plus(Duration.ofDays(21)).toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", documentsUntil.toString()), Map.entry("notice", "采购公告正文"));
    }

    private String project(String kind, String procedure, List<Map<String, Object>> lots) {
        return ApiClient.json(Map.of("kind", kind, "procedureCode", procedure, "name", "云州市人民医院医疗设备采购项目",
                "budget", "5000000.00", "category", "GOODS", "itemCode", "A02320000", "tendereeId", cityInvestment, "lots", lots));
    }

    private record Snapshot(long projects, long lots, long tenders, long logSize) {
    }

    private Snapshot snapshot() {
        return new Snapshot(jdbc.sql("SELECT count(*) FROM deal_project").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM deal_lot").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM tender").query(Long.class).single(), log.size());
    }

    @Test
    void everyTenderIsALotOfAProjectWithAUnifiedDealCode() {
        // the demo's tenders (created through tendering's API) are lots of construction projects
        assertThat(jdbc.sql("SELECT count(*) FROM tender t WHERE NOT EXISTS (SELECT 1 FROM deal_lot l WHERE l.id = t.id)")
                .query(Long.class).single()).isZero();
        String demoTender = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0101'").query(String.class).single();
        ProjectView school = projects.ofLot(java.util.UUID.fromString(demoTender)).orElseThrow();
        assertThat(school.kind()).isEqualTo(DealKind.GCJS);
        assertThat(school.procedureCode()).isEqualTo("GCJS_OPEN_TENDER");
        assertThat(school.lots()).singleElement().satisfies(l -> {
            assertThat(l.id().toString()).isEqualTo(demoTender);
            assertThat(l.lotCode()).isEqualTo(school.dealCode() + "-1");
        });
        String[] parts = school.dealCode().split("-");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("GCJS");
        assertThat(UnifiedSocialCreditCode.defectOf(parts[1])).isNull();
        assertThat(parts[1]).isEqualTo(projects.platformCode().value());
        assertThat(parts[2]).matches("\\d{8}");
        assertThat(parts[3]).matches("\\d{6}");

        String agency = api.token("agency");
        ApiClient.Response listed = api.get("/api/v1/projects?kind=GCJS&region=990100", agency);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(school.dealCode());
    }

    @Test
    void gpiRegs_art28_thePlatformsOwnPurchasesOfOneItemInOneYearAreFlaggedWhenTheyAddUpPastTheThreshold() {
        // two goods purchases of one 品目 by one purchaser in one year, each below the 2-million open-tender threshold:
        // the first alone raises nothing; the second takes the year's total past it, and the supervisor is flagged
        // with both unified deal codes (政府采购法实施条例 Art. 28), asked of deals' API, not its tables
        String agency = api.token("agency");
        String item = "A0201" + (System.nanoTime() % 10_000);
        Instant documents = clock.instant().plus(Duration.ofDays(10));
        String first = api.post("/api/v1/projects", purchase(item, "1200000.00", documents), agency).json().path("dealCode").asString();
        String flags = api.get("/api/v1/supervision/flags", api.token("supervisor")).body();
        assertThat(first).startsWith("ZFCG-");
        assertThat(flags).doesNotContain(item);
        String second = api.post("/api/v1/projects", purchase(item, "900000.00", documents), agency).json().path("dealCode").asString();
        flags = api.get("/api/v1/supervision/flags", api.token("supervisor")).body();
        assertThat(flags).contains("split-purchase").contains(item).contains(first).contains(second);
    }

    private String purchase(String item, String budget, Instant documents) {
        String deposit = new java.math.BigDecimal(budget).multiply(new java.math.BigDecimal("0.01")).setScale(2).toPlainString();
        return ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_OPEN_TENDER", "name", "云州市城投办公设备采购",
                "budget", budget, "category", "GOODS", "itemCode", item, "tendereeId", cityInvestment,
                "lots", List.of(lot("采购包1", budget, deposit, documents))));
    }

    @Test
    void aProcurementProjectWithTwoLotsDraftsOneTenderPerLotUnderProcurementRules() {
        String agency = api.token("agency");
        Instant fiveDays = clock.instant().plus(Duration.ofDays(5)); // Saturday: four working days after Monday
        Instant fifthWorkingDay = Instant.parse("2026-11-30T09:00:00Z"); // next Monday 17:00 Beijing
        long logBefore = log.size();
        ApiClient.Response created = api.post("/api/v1/projects", project("ZFCG", "ZFCG_OPEN_TENDER", List.of(
                lot("采购包1：CT 设备", "3000000.00", "60000.00", fiveDays),
                lot("采购包2：超声设备", "2000000.00", "40000.00", fifthWorkingDay))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode project = created.json();
        String dealCode = project.path("dealCode").asString();
        assertThat(dealCode).startsWith("ZFCG-" + projects.platformCode().value() + "-20261123-");
        assertThat(project.path("procedureCode").asString()).isEqualTo("ZFCG_OPEN_TENDER");
        assertThat(project.path("lots")).hasSize(2);
        String lot1 = project.path("lots").get(0).path("id").asString();
        String lot2 = project.path("lots").get(1).path("id").asString();
        assertThat(project.path("lots").get(1).path("lotCode").asString()).isEqualTo(dealCode + "-2");

        // each lot is a draft tender with the lot's id, visible to its owners
        assertThat(api.get("/api/v1/tenders/" + lot1, agency).json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get("/api/v1/tenders/" + lot2, agency).json().path("status").asString()).isEqualTo("DRAFT");
        String actions = String.join(" ", jdbc.sql("SELECT details FROM log_entry WHERE seq >= :s ORDER BY seq")
                .param("s", logBefore).query(String.class).list());
        assertThat(actions).contains("deals.project.registered").contains(project.path("id").asString()).contains(lot1)
                .contains(lot2)
                .contains("tendering.tender.drafted");

        // 87号令 Art. 18: five calendar days are not five working days; the fifth working day is enough
        ApiClient.Response refused = api.publish(lot1, agency);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("GPL87_18_DOCUMENT_PERIOD_TOO_SHORT");
        assertThat(refused.json().path("detail").asString()).contains("第十八条").contains("工作日");
        // 财库〔2020〕10号: no intention published and no exemption recorded
        assertThat(api.publish(lot2, agency).code()).isEqualTo("GPL_INTENTION_MISSING");
        assertThat(api.post("/api/v1/projects/" + project.path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status()).isEqualTo(200);
        assertThat(api.publish(lot2, agency).json().path("status").asString()).isEqualTo("PUBLISHED");

        // the project is listed by kind and procedure, to its owners and the region's staff, not to a bidder
        assertThat(api.get("/api/v1/projects?kind=ZFCG&procedure=ZFCG_OPEN_TENDER&from=2026-11-23&to=2026-11-23", agency).body())
                .contains(dealCode);
        assertThat(api.get("/api/v1/projects/" + project.path("id").asString(), api.token("centre")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + project.path("id").asString(), api.token("bidder1")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/projects?kind=ZFCG", api.token("bidder1")).body()).doesNotContain(dealCode);
        assertThat(api.get("/api/v1/projects?kind=ZFCG&to=2026-11-22", agency).body()).doesNotContain(dealCode);
        assertThat(api.get("/api/v1/projects", null).status()).isEqualTo(401);
    }

    @Test
    void gpr_art33_aLotsDepositAboveTwoPercentOfItsBudgetRefusesTheWholeProjectAndChangesNothing() {
        String agency = api.token("agency");
        Instant documents = Instant.parse("2026-11-30T09:00:00Z");
        Snapshot before = snapshot();
        ApiClient.Response refused = api.post("/api/v1/projects", project("ZFCG", "ZFCG_OPEN_TENDER", List.of(
                lot("采购包1", "3000000.00", "60000.00", documents), lot("采购包2", "2000000.00", "40000.01", documents))), agency);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("GPR_33_DEPOSIT_TOO_HIGH");
        assertThat(refused.json().path("detail").asString()).contains("第三十三条");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownKindOrProcedureIsRefusedWithAClearCodeAndChangesNothing() {
        String agency = api.token("agency");
        Instant documents = Instant.parse("2026-11-30T09:00:00Z");
        List<Map<String, Object>> lots = List.of(lot("采购包1", "3000000.00", "60000.00", documents));
        Snapshot before = snapshot();
        Map<String, String> cases = Map.of(
                project("XYZ", "ZFCG_OPEN_TENDER", lots), "DEALS_UNKNOWN_KIND",
                project("ZFCG", "ZFCG_AUCTION_OF_NOTHING", lots), "DEALS_UNKNOWN_PROCEDURE",
                project("ZFCG", "GCJS_OPEN_TENDER", lots), "DEALS_PROCEDURE_OF_OTHER_KIND",
                project("ZFCG", "ZFCG_FRAMEWORK", lots), "DEALS_PROCEDURE_NOT_RUNNABLE");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ApiClient.Response refused = api.post("/api/v1/projects", c.getKey(), agency);
            assertThat(refused.status()).as(c.getValue()).isBetween(400, 422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo(c.getValue());
        }
        ApiClient.Response en = api.send("POST", "/api/v1/projects?lang=en", project("XYZ", "ZFCG_OPEN_TENDER", lots), agency);
        assertThat(en.json().path("detail").asString()).contains("no kind of deal \"XYZ\"");
        assertThat(api.post("/api/v1/projects", project("ZFCG", "ZFCG_OPEN_TENDER", lots), api.token("bidder1")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/projects?kind=XYZ", agency).code()).isEqualTo("DEALS_UNKNOWN_KIND");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aProjectNamingABidderAsItsOwnerOrWithOneBadLotLeavesNoProjectAndNoTender() {
        String agency = api.token("agency");
        Instant documents = Instant.parse("2026-11-30T09:00:00Z");
        Snapshot before = snapshot();
        String bidder = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder1'").query(String.class).single();
        String asBidder = project("ZFCG", "ZFCG_OPEN_TENDER", List.of(lot("采购包1", "3000000.00", "60000.00", documents)))
                .replace(cityInvestment, bidder);
        ApiClient.Response refused = api.post("/api/v1/projects", asBidder, agency);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_TENDER");

        Map<String, Object> past = new java.util.HashMap<>(lot("采购包2", "2000000.00", "40000.00", documents));
        past.put("bidDeadline", clock.instant().minus(Duration.ofDays(1)).toString());
        past.put("documentsAvailableUntil", clock.instant().minus(Duration.ofDays(2)).toString());
        ApiClient.Response secondLotBad = api.post("/api/v1/projects", project("ZFCG", "ZFCG_OPEN_TENDER",
                List.of(lot("采购包1", "3000000.00", "60000.00", documents), past)), agency);
        assertThat(secondLotBad.status()).isEqualTo(400);
        assertThat(secondLotBad.code()).isEqualTo("INVALID_TENDER");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void revisingADraftTenderRevisesItsLotAndItsOneLotProject() {
        org.sunbid.platform.parties.CurrentUser agencyUser = accounts.findByUsername("agency").orElseThrow();
        Instant now = clock.instant();
        org.sunbid.platform.tendering.TenderTerms terms = new org.sunbid.platform.tendering.TenderTerms(code(), "云州市档案馆新建工程",
                "房屋建筑工程", org.sunbid.platform.kernel.Money.yuan("9000000"), org.sunbid.platform.kernel.Money.yuan("100000"),
                "三级及以上", org.sunbid.platform.tendering.EvaluationMethod.COMPREHENSIVE, now.plus(Duration.ofDays(25)), "第一开标室", 90,
                now.plus(Duration.ofDays(10)), "公告", List.of(new org.sunbid.platform.tendering.TenderTerms.Lot("一标段",
                        org.sunbid.platform.kernel.Money.yuan("9000000"))));
        var tender = tenders.create(terms, java.util.UUID.fromString(cityInvestment), agencyUser);
        var revised = new org.sunbid.platform.tendering.TenderTerms(terms.projectCode(), "云州市档案馆新建工程（调整）",
                terms.category(), org.sunbid.platform.kernel.Money.yuan("9500000"), terms.deposit(), terms.qualification(),
                terms.evaluationMethod(), terms.bidDeadline(), terms.openingVenue(), 90, terms.documentsAvailableUntil(),
                terms.notice(), terms.lots());
        tenders.revise(tender.id(), revised, agencyUser);
        ProjectView project = projects.ofLot(tender.id()).orElseThrow();
        assertThat(project.name()).isEqualTo("云州市档案馆新建工程（调整）");
        assertThat(project.budget().yuan()).isEqualByComparingTo("9500000");
        assertThat(project.lots().get(0).budget().yuan()).isEqualByComparingTo("9500000");
    }

    @Test
    void theProcedureCatalogueIsPublicWithItsDatedRules() {
        ApiClient.Response all = api.get("/api/v1/procedures", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("ZFCG_CONSULTATION").contains("竞争性磋商").contains("GYCQ_ONLINE_BIDDING");
        JsonNode before = api.get("/api/v1/procedures/ZFCG_OPEN_TENDER/rules?date=2022-06-30", null).json();
        JsonNode after = api.get("/api/v1/procedures/ZFCG_OPEN_TENDER/rules?date=2022-07-01", null).json();
        assertThat(amount(before, "SME_DEDUCTION_MAX")).isEqualTo("10");
        assertThat(amount(after, "SME_DEDUCTION_MAX")).isEqualTo("20");
        assertThat(api.get("/api/v1/procedures/NOPE", null).code()).isEqualTo("DEALS_UNKNOWN_PROCEDURE");
    }

    private static String amount(JsonNode rules, String key) {
        for (JsonNode r : rules) {
            if (r.path("key").asString().equals(key)) {
                return r.path("amount").asString();
            }
        }
        return null;
    }
}
