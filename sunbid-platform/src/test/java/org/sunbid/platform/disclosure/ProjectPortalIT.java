package org.sunbid.platform.disclosure;

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
import tools.jackson.databind.JsonNode;

/**
 * The portal's trading projects (交易信息) over HTTP, without signing in: every kind of project in one list, its
 * filters (kind, procedure, region with its subtree, status, publication date), paging, each project's notice page
 * with its procedure's rules and its published lots, the public JSON API beside it, and bad filters as problem+json.
 * The attack: a draft project's name and deal code appear in no public page or API answer, and looking does not change
 * anything.
 */
class ProjectPortalIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

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

    private Map<String, Object> lot(String name, String budget, String deposit) {
        Instant now = clock.instant();
        return Map.ofEntries(Map.entry("projectCode", "PP-" + System.nanoTime() % 100_000_000), Map.entry("name", name),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", budget), Map.entry("deposit", deposit),
                Map.entry("qualification", "具备相应资质"), Map.entry("evaluationMethod", "COMPREHENSIVE"),
                Map.entry("bidDeadline", now.plus(Duration.ofDays(21)).toString()), Map.entry("openingVenue", "第二开标室"),
                Map.entry("bidValidityDays", 90), Map.entry("documentsAvailableUntil", "2026-11-30T09:00:00Z"),
                Map.entry("notice", "采购公告正文"));
    }

    /** A procurement project with two lots, registered by the agency: its JSON. */
    private JsonNode procurement(String name, String agency) {
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG",
                "procedureCode", "ZFCG_OPEN_TENDER", "name", name, "budget", "5000000.00", "category", "GOODS",
                "itemCode", "A02320000", "tendereeId", cityInvestment, "lots", List.of(
                        lot(name + "采购包1", "3000000.00", "60000.00"), lot(name + "采购包2", "2000000.00", "40000.00")))),
                agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status()).isEqualTo(200);
        return created.json();
    }

    private String publicText() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/", "/projects", "/projects?kind=ZFCG", "/projects?status=PUBLISHED",
                "/api/v1/public/projects", "/api/v1/public/projects?kind=ZFCG&size=100", "/api/v1/tenders")) {
            ApiClient.Response r = api.get(path, null);
            assertThat(r.status()).as(path).isEqualTo(200);
            all.append(r.body());
        }
        return all.toString();
    }

    @Test
    void everyKindIsListedTogetherWithItsCodeKindProcedureRegionOwnerBudgetLotsAndStatus() {
        String agency = api.token("agency");
        JsonNode project = procurement("云州市第一中学实验设备采购项目", agency);
        String dealCode = project.path("dealCode").asString();
        String lot1 = project.path("lots").get(0).path("id").asString();
        String lot2 = project.path("lots").get(1).path("id").asString();
        assertThat(api.publish(lot2, agency).status()).isEqualTo(200);

        // one list, construction (the demo) and procurement together, no login
        ApiClient.Response all = api.get("/api/v1/public/projects?size=100", null);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("\"kind\":\"GCJS\"").contains(dealCode);
        JsonNode row = row(all.json(), dealCode);
        assertThat(row.path("name").asString()).isEqualTo("云州市第一中学实验设备采购项目");
        assertThat(row.path("kind").asString()).isEqualTo("ZFCG");
        assertThat(row.path("procedureCode").asString()).isEqualTo("ZFCG_OPEN_TENDER");
        assertThat(row.path("regionName").asString()).isEqualTo("云州市");
        assertThat(row.path("ownerName").asString()).isEqualTo("云州市城市建设投资集团有限公司");
        assertThat(row.path("budget").asString()).isEqualTo("5000000.00");
        assertThat(row.path("budgetWan").asString()).isEqualTo("500.00");
        assertThat(row.path("lotCount").asInt()).isEqualTo(2);
        assertThat(row.path("statuses").get(0).asString()).isEqualTo("PUBLISHED");
        // only the published lot is public
        assertThat(row.path("lots")).hasSize(1);
        assertThat(row.path("lots").get(0).path("id").asString()).isEqualTo(lot2);
        assertThat(all.body()).doesNotContain(lot1);

        // filters: kind, procedure, region (a region includes its subtree), status, publication date
        assertThat(codes("kind=ZFCG")).contains(dealCode).noneMatch(c -> c.startsWith("GCJS"));
        assertThat(codes("kind=GCJS")).doesNotContain(dealCode).isNotEmpty();
        assertThat(codes("procedure=ZFCG_OPEN_TENDER")).contains(dealCode);
        assertThat(codes("procedure=GCJS_OPEN_TENDER")).doesNotContain(dealCode);
        assertThat(codes("region=990000")).contains(dealCode); // the province holds the city
        assertThat(codes("region=990100")).contains(dealCode);
        assertThat(codes("region=990121")).doesNotContain(dealCode); // a county of the city does not hold the city
        assertThat(codes("status=PUBLISHED")).contains(dealCode);
        assertThat(codes("status=AWARDED")).doesNotContain(dealCode);
        assertThat(codes("from=2026-11-23&to=2026-11-23")).contains(dealCode);
        assertThat(codes("to=2026-11-22")).doesNotContain(dealCode);
        assertThat(codes("from=2026-11-24")).doesNotContain(dealCode);

        // paged
        JsonNode page1 = api.get("/api/v1/public/projects?size=1&page=1", null).json();
        JsonNode page2 = api.get("/api/v1/public/projects?size=1&page=2", null).json();
        assertThat(page1.path("total").asInt()).isGreaterThan(1).isEqualTo(page1.path("pages").asInt());
        assertThat(page1.path("items")).hasSize(1);
        assertThat(page2.path("items").get(0).path("dealCode").asString())
                .isNotEqualTo(page1.path("items").get(0).path("dealCode").asString());

        // the page lists the same, with the filter kept
        ApiClient.Response page = api.get("/projects?kind=ZFCG", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(dealCode).contains("云州市第一中学实验设备采购项目").contains("政府采购")
                .contains("公开招标").contains("500.00").contains("data-stage=\"PUBLISHED\"")
                .contains("<option value=\"ZFCG\" selected=\"selected\">");
        assertThat(api.get("/projects?kind=GCJS", null).body()).doesNotContain(dealCode);
        // the portal's home and top menu lead there
        assertThat(api.get("/", null).body()).contains("href=\"/projects\"");
    }

    @Test
    void aProjectsNoticePageShowsItsFactsItsProceduresRulesWithArticlesAndItsPublishedLots() {
        String agency = api.token("agency");
        JsonNode project = procurement("云州市人民医院影像设备采购项目", agency);
        String id = project.path("id").asString();
        String dealCode = project.path("dealCode").asString();
        String lot1 = project.path("lots").get(0).path("id").asString();
        String lot2 = project.path("lots").get(1).path("id").asString();
        assertThat(api.publish(lot1, agency).status()).isEqualTo(200);

        ApiClient.Response page = api.get("/projects/" + id, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(dealCode).contains(dealCode + "-1").contains("云州市人民医院影像设备采购项目")
                .contains("统一交易标识码").contains("公开招标").contains("A02320000").contains("云州市城市建设投资集团有限公司")
                .contains("500.00")
                // the procedure's limits as data, with their units and articles
                .contains("data-rule=\"DOCUMENT_PERIOD\"").contains("5 工作日").contains("财政部令第87号第十八条")
                .contains("data-rule=\"DEPOSIT_MAX\"").contains("2 %")
                // the published lot links to its tender page; the unpublished one is only counted
                .contains("href=\"/tenders/" + lot1 + "\"").doesNotContain(lot2).doesNotContain("采购包2")
                .contains("另有 1 个标段（包）尚未发布");
        // the tender page names its lot code and procedure and links back
        ApiClient.Response tender = api.get("/tenders/" + lot1, null);
        assertThat(tender.body()).contains(dealCode + "-1").contains("政府采购 · 公开招标").contains("href=\"/projects/" + id + "\"");

        JsonNode json = api.get("/api/v1/public/projects/" + id, null).json();
        assertThat(json.path("project").path("dealCode").asString()).isEqualTo(dealCode);
        assertThat(json.path("category").asString()).isEqualTo("GOODS");
        assertThat(json.path("rules").toString()).contains("BIDDING_PERIOD").contains("《政府采购法》第三十五条");
        ApiClient.Response en = api.get("/projects/" + id + "?lang=en", null);
        assertThat(en.body()).contains("Unified deal code").contains("working days").contains("Open tender");
    }

    @Test
    void attack_aDraftProjectsNameAndCodeAreInNoPublicPageOrApiAnswer() {
        String agency = api.token("agency");
        JsonNode draft = procurement("秘密草稿项目甲乙丙", agency);
        String id = draft.path("id").asString();
        String dealCode = draft.path("dealCode").asString();
        long logBefore = log.size();
        long tendersBefore = jdbc.sql("SELECT count(*) FROM tender WHERE status = 'DRAFT'").query(Long.class).single();

        String everything = publicText();
        assertThat(everything).doesNotContain("秘密草稿项目甲乙丙").doesNotContain(dealCode).doesNotContain(id);
        ApiClient.Response notice = api.get("/projects/" + id, null);
        assertThat(notice.status()).isEqualTo(404);
        assertThat(notice.body()).doesNotContain("秘密草稿项目甲乙丙").doesNotContain(dealCode);
        ApiClient.Response json = api.get("/api/v1/public/projects/" + id, null);
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.code()).isEqualTo("DISCLOSURE_PROJECT_NOT_FOUND");
        assertThat(json.body()).doesNotContain("秘密草稿项目甲乙丙").doesNotContain(dealCode);
        // a bidder signed in sees no more on the portal
        assertThat(api.get("/api/v1/public/projects?size=100", api.token("bidder1")).body()).doesNotContain(dealCode);
        // every filter that would match it still does not show it
        for (String filter : List.of("kind=ZFCG", "procedure=ZFCG_OPEN_TENDER", "region=990100", "from=2026-11-23")) {
            assertThat(api.get("/api/v1/public/projects?size=100&" + filter, null).body()).as(filter).doesNotContain(dealCode);
        }
        // looking changed nothing
        assertThat(log.size()).isEqualTo(logBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM tender WHERE status = 'DRAFT'").query(Long.class).single())
                .isEqualTo(tendersBefore);

        // once a lot is published, the project appears (and the other lot stays hidden)
        String lot2 = draft.path("lots").get(1).path("id").asString();
        assertThat(api.publish(lot2, agency).status()).isEqualTo(200);
        assertThat(publicText()).contains(dealCode).doesNotContain("秘密草稿项目甲乙丙采购包1");
    }

    @Test
    void badFiltersAreRefusedWithAClearCodeAsProblemJson() {
        Map<String, String> cases = Map.of(
                "kind=XYZ", "DEALS_UNKNOWN_KIND",
                "procedure=ZFCG_AUCTION_OF_NOTHING", "DEALS_UNKNOWN_PROCEDURE",
                "status=NOPE", "DISCLOSURE_UNKNOWN_STATUS",
                "status=DRAFT", "DISCLOSURE_UNKNOWN_STATUS",
                "region=123456", "DISCLOSURE_UNKNOWN_REGION",
                "from=2026-11-24&to=2026-11-23", "DISCLOSURE_BAD_DATE_RANGE");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ApiClient.Response refused = api.get("/api/v1/public/projects?" + c.getKey(), null);
            assertThat(refused.status()).as(c.getKey()).isEqualTo(400);
            assertThat(refused.contentType()).as(c.getKey()).startsWith("application/problem+json");
            assertThat(refused.code()).as(c.getKey()).isEqualTo(c.getValue());
        }
        ApiClient.Response date = api.get("/api/v1/public/projects?from=yesterday", null);
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/public/projects?kind=XYZ&lang=en", null).json().path("detail").asString())
                .contains("no kind of deal \"XYZ\"");
        // the page says it in the site's layout
        ApiClient.Response page = api.get("/projects?kind=XYZ", null);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("没有“XYZ”这种交易类型");
    }

    private List<String> codes(String query) {
        ApiClient.Response r = api.get("/api/v1/public/projects?size=100&" + query, null);
        assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
        java.util.ArrayList<String> codes = new java.util.ArrayList<>();
        r.json().path("items").forEach(i -> codes.add(i.path("dealCode").asString()));
        return codes;
    }

    private static JsonNode row(JsonNode page, String dealCode) {
        for (JsonNode item : page.path("items")) {
            if (item.path("dealCode").asString().equals(dealCode)) {
                return item;
            }
        }
        throw new AssertionError("not listed: " + dealCode);
    }
}
