package org.sunbid.platform.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.audit.AuditLog;

import tools.jackson.databind.JsonNode;

/**
 * Supervision through the API, as owners, supervisors and the public use it: the must-trade catalogue inherited down
 * the region tree (and dated), exemptions applied for, approved and returned one by one by the region's supervisor and
 * published, off-platform deals declared, reported and published (never changed after), the supervisor's flags, and
 * bad input and wrong roles or regions refused with a clear code and nothing changed.
 */
class SupervisionIT extends PlatformIT {

    static final String SV = "/api/v1/supervision";

    @Autowired JdbcClient jdbc;
    @Autowired AuditLog auditLog;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    private static Map<String, Object> project(String kind, String category, String code, String region, String value) {
        Map<String, Object> p = new HashMap<>();
        p.put("kind", kind);
        p.put("category", category);
        p.put("projectCode", code);
        p.put("projectName", "监督测试项目 " + code);
        p.put("regionCode", region);
        p.put("value", value);
        return p;
    }

    private ApiClient.Response applyExemption(String code, String region, String value, String reason, String basis) {
        Map<String, Object> body = project("GCJS", "WORKS", code, region, value);
        body.put("reason", reason);
        body.put("basis", basis);
        return api.post(SV + "/exemptions", ApiClient.json(body), api.token("tenderee"));
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private JsonNode mustTrade(String kind, String category, String value, String region, String date) {
        ApiClient.Response r = api.get(SV + "/must-trade?kind=" + kind + "&category=" + category + "&value=" + value + "&region="
                + region + (date == null ? "" : "&date=" + date), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void platformMeasures_art8_theCatalogueIsInheritedDownTheRegionTreeUnlessARegionSetsItsOwn() {
        // the demo city (云州市) widened construction works to 1 million: 青山县 inherits it, the province does not
        JsonNode qingshan = mustTrade("GCJS", "WORKS", "1500000", "990121", null);
        assertThat(qingshan.path("required").asBoolean()).isTrue();
        assertThat(qingshan.path("definedBy").asString()).isEqualTo("990100");
        JsonNode province = mustTrade("GCJS", "WORKS", "1500000", "990000", null);
        assertThat(province.path("required").asBoolean()).isFalse();
        assertThat(province.path("basis").asString()).contains("第16号").contains("第五条");
        // a township far down the tree inherits the city's entry too
        assertThat(mustTrade("GCJS", "WORKS", "1500000", "990121100201", null).path("definedBy").asString()).isEqualTo("990100");

        // the city's centre staff set 临江县's own entry (2.5 million); 临江县 now follows it, 青山县 still the city's
        Map<String, Object> entry = Map.of("kind", "GCJS", "category", "WORKS", "threshold", "2500000.00",
                "basis", "临江县公共资源交易目录（测试）", "effectiveFrom", "2026-01-01");
        ApiClient.Response added = api.post(SV + "/catalogue/990122/entries", ApiClient.json(entry), api.token("centre"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode linjiang = mustTrade("GCJS", "WORKS", "1500000", "990122", null);
        assertThat(linjiang.path("required").asBoolean()).isFalse();
        assertThat(linjiang.path("definedBy").asString()).isEqualTo("990122");
        assertThat(mustTrade("GCJS", "WORKS", "1500000", "990122100", null).path("definedBy").asString()).isEqualTo("990122");
        assertThat(mustTrade("GCJS", "WORKS", "1500000", "990121", null).path("required").asBoolean()).isTrue();
        // the region's catalogue shows what it inherits and what it sets
        JsonNode catalogue = api.get(SV + "/catalogue/990122", null).json();
        assertThat(catalogue.path("own")).anySatisfy(e -> assertThat(e.path("basis").asString()).contains("临江县"));
        assertThat(catalogue.path("effective")).anySatisfy(e -> assertThat(e.path("kind").asString()).isEqualTo("TDSYQ"));

        // county staff of 青山县 may not maintain 临江县's catalogue (out of their region: not found), nothing is added
        long before = rows("must_trade_entry");
        ApiClient.Response outOfScope = api.post(SV + "/catalogue/990122/entries", ApiClient.json(entry), api.token("qs-centre"));
        assertThat(outOfScope.status()).isEqualTo(404);
        assertThat(outOfScope.code()).isEqualTo("REGION_NOT_FOUND");
        assertThat(rows("must_trade_entry")).isEqualTo(before);

        // ending 临江县's entry returns it to the city's
        ApiClient.Response ended = api.post(SV + "/catalogue/entries/" + added.json().path("id").asString() + "/end",
                "{\"effectiveTo\":\"" + today().minusDays(1) + "\"}", api.token("centre"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(mustTrade("GCJS", "WORKS", "1500000", "990122", null).path("definedBy").asString()).isEqualTo("990100");
    }

    @Test
    void order16_art5_theEntryInForceOnTheDealsDateDecides() {
        // 3 million of works in the province: tendered under order No. 3 until 2018-05-31, not under order No. 16
        JsonNode before = mustTrade("GCJS", "WORKS", "3000000", "990000", "2018-05-31");
        JsonNode after = mustTrade("GCJS", "WORKS", "3000000", "990000", "2018-06-01");
        assertThat(before.path("required").asBoolean()).isTrue();
        assertThat(before.path("basis").asString()).contains("第3号");
        assertThat(after.path("required").asBoolean()).isFalse();
        // land, mining and state property: every deal
        for (String kind : List.of("TDSYQ", "KYQ", "GYCQ")) {
            assertThat(mustTrade(kind, "ANY", "1", "990121", null).path("required").asBoolean()).as(kind).isTrue();
        }
    }

    @Test
    void anExemptionIsAppliedForApprovedOneByOneByTheRegionsSupervisorAndPublished() {
        String code = code("EX");
        ApiClient.Response applied = applyExemption(code, "990121", "5000000", "项目涉及国家安全。", "招标投标法第六十六条");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String id = applied.json().path("id").asString();
        assertThat(applied.json().path("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.json().path("catalogueBasis").asString()).contains("云州市公共资源交易目录");
        assertThat(api.get(SV + "/public/exemptions", null).body()).doesNotContain(code);
        // it waits on the supervisor's home page
        assertThat(api.get(SV + "/exemptions", api.token("supervisor")).body()).contains(code);

        ApiClient.Response approved = api.post(SV + "/exemptions/" + id + "/approval", "{\"reason\":\"同意。\"}", api.token("supervisor"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        JsonNode published = null;
        for (JsonNode e : api.get(SV + "/public/exemptions", null).json()) {
            if (e.path("projectCode").asString().equals(code)) {
                published = e;
            }
        }
        assertThat(published).isNotNull();
        assertThat(published.path("basis").asString()).isEqualTo("招标投标法第六十六条");
        assertThat(published.path("reason").asString()).isEqualTo("项目涉及国家安全。");
        // decided once: a second decision is refused, nothing changes
        ApiClient.Response again = api.post(SV + "/exemptions/" + id + "/return", "{\"reason\":\"改变主意\"}", api.token("supervisor"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EXEMPTION_ALREADY_DECIDED");
        assertThat(api.get(SV + "/exemptions/" + id, api.token("tenderee")).json().path("status").asString()).isEqualTo("APPROVED");
        // both steps are in the transparency log
        assertThat(auditLog.withActions(List.of("supervision.exemption.applied", "supervision.exemption.approved"), List.of("990121"), 50))
                .extracting(e -> e.details()).filteredOn(d -> d.contains(id)).hasSize(2);
    }

    @Test
    void aReturnNeedsAReasonAndAReturnedExemptionIsNotPublished() {
        String code = code("EX");
        String id = applyExemption(code, "990100", "4500000", "抢险救灾。", "招标投标法第六十六条").json().path("id").asString();
        ApiClient.Response noReason = api.post(SV + "/exemptions/" + id + "/return", "{}", api.token("supervisor"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.code()).isEqualTo("RETURN_REASON_REQUIRED");
        assertThat(api.get(SV + "/exemptions/" + id, api.token("tenderee")).json().path("status").asString()).isEqualTo("APPLIED");
        ApiClient.Response returned = api.post(SV + "/exemptions/" + id + "/return", "{\"reason\":\"不属于抢险救灾情形。\"}",
                api.token("supervisor"));
        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.json().path("decisionReason").asString()).isEqualTo("不属于抢险救灾情形。");
        assertThat(api.get(SV + "/public/exemptions", null).body()).doesNotContain(code);
    }

    @Test
    void badInputGetsAClearCodeAndChangesNothing() {
        long exemptions = rows("must_trade_exemption");
        long deals = rows("off_platform_deal");
        long entries = rows("must_trade_entry");
        // an unknown kind, wherever a kind is given
        Map<String, Object> unknown = project("GCXX", "WORKS", code("BAD"), "990121", "5000000");
        unknown.put("reason", "理由");
        unknown.put("basis", "依据");
        for (String path : List.of("/exemptions", "/off-platform-deals")) {
            ApiClient.Response r = api.post(SV + path, ApiClient.json(unknown), api.token("tenderee"));
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("UNKNOWN_DEAL_KIND");
            assertThat(r.json().path("detail").asString()).contains("GCXX").contains("GCJS");
        }
        assertThat(api.get(SV + "/must-trade?kind=LAND&category=ANY&region=990121", null).code()).isEqualTo("UNKNOWN_DEAL_KIND");
        ApiClient.Response entry = api.post(SV + "/catalogue/990121/entries", "{\"kind\":\"XX\",\"category\":\"WORKS\",\"basis\":\"b\","
                + "\"effectiveFrom\":\"2026-01-01\"}", api.token("admin"));
        assertThat(entry.code()).isEqualTo("UNKNOWN_DEAL_KIND");
        // an unknown category
        assertThat(api.get(SV + "/must-trade?kind=GCJS&category=STUFF&region=990121", null).code()).isEqualTo("UNKNOWN_CATEGORY");
        // an exemption without its reason or its legal basis
        for (String[] missing : new String[][] {{"项目涉密。", ""}, {"", "招标投标法第六十六条"}, {null, null}}) {
            ApiClient.Response r = applyExemption(code("EX"), "990121", "5000000", missing[0], missing[1]);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("EXEMPTION_BASIS_REQUIRED");
        }
        // an exemption for a deal the catalogue does not require: none is needed
        ApiClient.Response notNeeded = applyExemption(code("EX"), "990000", "500000", "理由", "依据");
        assertThat(notNeeded.code()).isEqualTo("EXEMPTION_NOT_NEEDED");
        // a malformed amount, a result in the future
        assertThat(applyExemption(code("EX"), "990121", "五百万", "理由", "依据").code()).isEqualTo("INVALID_AMOUNT");
        Map<String, Object> future = project("ZFCG", "GOODS", code("OP"), "990121", "100000");
        future.put("result", Map.of("resultOn", today().plusDays(1).toString(), "resultValue", "100000", "counterparty", "某公司"));
        assertThat(api.post(SV + "/off-platform-deals", ApiClient.json(future), api.token("tenderee")).code())
                .isEqualTo("RESULT_DATE_IN_FUTURE");
        assertThat(rows("must_trade_exemption")).isEqualTo(exemptions);
        assertThat(rows("off_platform_deal")).isEqualTo(deals);
        assertThat(rows("must_trade_entry")).isEqualTo(entries);
    }

    @Test
    void aReportCannotBeChangedAfterPublication() throws Exception {
        String code = code("OP");
        Map<String, Object> declaration = project("ZFCG", "SERVICES", code, "990121", "300000");
        declaration.put("resultExpectedOn", today().plusDays(5).toString());
        ApiClient.Response declared = api.post(SV + "/off-platform-deals", ApiClient.json(declaration), api.token("tenderee"));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.json().path("status").asString()).isEqualTo("DECLARED");
        assertThat(declared.json().path("mustTrade").asBoolean()).isFalse();
        String id = declared.json().path("id").asString();
        assertThat(api.get(SV + "/public/off-platform-reports", null).body()).doesNotContain(code);

        String result = "{\"resultOn\":\"" + today() + "\",\"resultValue\":\"298000.00\",\"counterparty\":\"云州物业服务有限公司\"}";
        ApiClient.Response reported = api.post(SV + "/off-platform-deals/" + id + "/report", result, api.token("tenderee"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.json().path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.json().path("reportedLate").asBoolean()).isFalse();
        assertThat(api.get(SV + "/public/off-platform-reports", null).body()).contains(code).contains("云州物业服务有限公司");

        String snapshot = api.get(SV + "/off-platform-deals/" + id, api.token("tenderee")).body();
        ApiClient.Response again = api.post(SV + "/off-platform-deals/" + id + "/report",
                "{\"resultOn\":\"" + today() + "\",\"resultValue\":\"1.00\",\"counterparty\":\"另一家公司\"}", api.token("tenderee"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("REPORT_ALREADY_PUBLISHED");
        assertThat(api.get(SV + "/off-platform-deals/" + id, api.token("tenderee")).body()).isEqualTo(snapshot);
        // the application's own database role cannot change a published report behind the service's back either
        assertThatThrownBy(() -> jdbc.sql("UPDATE off_platform_deal SET result_value = 1 WHERE id = CAST(:id AS UUID)")
                .param("id", id).update()).hasMessageContaining("published");
        assertThat(api.get(SV + "/off-platform-deals/" + id, api.token("tenderee")).body()).isEqualTo(snapshot);
    }

    @Test
    void wrongRolesAndRegionsAreRefusedAndChangeNothing() {
        String id = applyExemption(code("EX"), "990100", "4500000", "项目涉密。", "招标投标法第六十六条").json().path("id").asString();
        String snapshot = api.get(SV + "/exemptions/" + id, api.token("admin")).body();
        // another owner does not see it; county staff of 青山县 do not (it is the city's)
        assertThat(api.get(SV + "/exemptions/" + id, api.token("tenderee2")).status()).isEqualTo(404);
        assertThat(api.get(SV + "/exemptions/" + id, api.token("qs-centre")).status()).isEqualTo(404);
        // only a supervisor decides: the owner, the centre, the administrator are refused by role
        for (String caller : List.of("tenderee", "centre", "admin", "agency")) {
            assertThat(api.post(SV + "/exemptions/" + id + "/approval", "{}", api.token(caller)).status()).as(caller).isEqualTo(403);
        }
        // the city's supervisor does not supervise a province-level project: not found, nothing changes
        String provincial = applyExemption(code("EX"), "990000", "5000000", "项目涉密。", "招标投标法第六十六条").json().path("id").asString();
        ApiClient.Response outOfRegion = api.post(SV + "/exemptions/" + provincial + "/approval", "{}", api.token("supervisor"));
        assertThat(outOfRegion.status()).isEqualTo(404);
        assertThat(outOfRegion.code()).isEqualTo("EXEMPTION_NOT_FOUND");
        assertThat(api.get(SV + "/exemptions/" + provincial, api.token("supervisor")).status()).isEqualTo(404);
        assertThat(api.get(SV + "/exemptions/" + provincial, api.token("admin")).json().path("status").asString()).isEqualTo("APPLIED");
        // agencies and bidders neither apply nor report
        assertThat(api.post(SV + "/exemptions", "{}", api.token("agency")).status()).isEqualTo(403);
        assertThat(api.post(SV + "/off-platform-deals", "{}", api.token("bidder1")).status()).isEqualTo(403);
        // another owner cannot report someone else's deal
        String overdue = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM off_platform_deal WHERE project_code = 'QS-2026-CG-0044'")
                .query(String.class).single();
        ApiClient.Response foreign = api.post(SV + "/off-platform-deals/" + overdue + "/report",
                "{\"resultOn\":\"" + today() + "\",\"resultValue\":\"1.00\",\"counterparty\":\"某公司\"}", api.token("tenderee"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM off_platform_deal WHERE project_code = 'QS-2026-CG-0044'").query(String.class).single())
                .isEqualTo("DECLARED");
        assertThat(api.get(SV + "/exemptions/" + id, api.token("admin")).body()).isEqualTo(snapshot);
    }

    @Test
    void theSupervisorIsFlaggedOverdueReportsUnexemptedDealsAndSplitPurchases() throws Exception {
        // the demo: the water bureau's second computer purchase is 30 days past its result and unreported, and the two
        // purchases of 品目 A02010104 (1.2 + 0.9 million, each below 2 million) look split (GPL Regs Art. 28)
        JsonNode flags = api.get(SV + "/flags", api.token("supervisor")).json();
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.path("kind").asString()).isEqualTo("offplatform-overdue");
            assertThat(f.path("title").asString()).contains("QS-2026-CG-0044");
        });
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.path("kind").asString()).isEqualTo("split-purchase");
            assertThat(f.path("title").asString()).contains("青山县水利局").contains("A02010104");
        });

        // a report is due 20 days after the result: due today is not overdue, one day more is
        String dueToday = code("OP");
        String pastDue = code("OP");
        for (String[] d : new String[][] {{dueToday, "20"}, {pastDue, "21"}}) {
            Map<String, Object> declaration = project("ZFCG", "SERVICES", d[0], "990121", "150000");
            declaration.put("resultExpectedOn", today().minusDays(Long.parseLong(d[1])).toString());
            assertThat(api.post(SV + "/off-platform-deals", ApiClient.json(declaration), api.token("tenderee")).status()).isEqualTo(201);
        }
        // a deal the catalogue requires (5 million of works in the city) made off the platform without an exemption
        String unexempted = code("OP");
        assertThat(api.post(SV + "/off-platform-deals", ApiClient.json(project("GCJS", "WORKS", unexempted, "990100", "5000000")),
                api.token("tenderee")).status()).isEqualTo(201);
        // the same with the approved exemption raises nothing
        String exemptionId = applyExemption(code("EX"), "990100", "5000000", "项目涉密。", "招标投标法第六十六条").json().path("id").asString();
        api.post(SV + "/exemptions/" + exemptionId + "/approval", "{}", api.token("supervisor"));
        String exempted = code("OP");
        Map<String, Object> withExemption = project("GCJS", "WORKS", exempted, "990100", "5000000");
        withExemption.put("exemptionId", exemptionId);
        assertThat(api.post(SV + "/off-platform-deals", ApiClient.json(withExemption), api.token("tenderee")).status()).isEqualTo(201);

        String all = api.get(SV + "/flags", api.token("supervisor")).body();
        assertThat(all).contains(pastDue).doesNotContain(dueToday).contains(unexempted).doesNotContain(exempted);
        // owners get no flags; the county's centre sees its county's only
        assertThat(api.get(SV + "/flags", api.token("tenderee")).status()).isEqualTo(403);
        assertThat(api.get(SV + "/flags", api.token("qs-centre")).body()).contains(pastDue).doesNotContain(unexempted);

        // the supervisor's home page lists them as to-dos; the owner's lists the reports it owes
        WebSession supervisor = new WebSession(baseUrl());
        supervisor.login("supervisor");
        String home = supervisor.get("/workbench").body();
        assertThat(home).contains("data-kind=\"offplatform-overdue\"").contains("data-kind=\"split-purchase\"")
                .contains("data-kind=\"offplatform-unexempted\"").contains("QS-2026-CG-0044");
        assertThat(supervisor.get("/workbench/supervision/flags").body()).contains("A02010104").contains("QS-2026-CG-0031");
        WebSession owner = new WebSession(baseUrl());
        owner.login("tenderee2");
        assertThat(owner.get("/workbench").body()).contains("data-kind=\"offplatform-report\"").contains("QS-2026-CG-0044");
    }

    @Test
    void ownersFormsKeepWhatWasTypedAndNameTheField() throws Exception {
        WebSession owner = new WebSession(baseUrl());
        owner.login("tenderee");
        long before = rows("must_trade_exemption");
        String fields = "kind=GCJS&category=WORKS&projectCode=FORM-1&projectName=" + enc("表单测试工程") + "&regionCode=990100"
                + "&value=" + enc("520万") + "&itemCode=&reason=" + enc("项目涉密") + "&basis=";
        var response = owner.submit("/workbench/supervision/exemptions", "/workbench/supervision/exemptions", fields);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"basis-error\"").contains("法律依据").contains("value=\"520万\"")
                .contains("表单测试工程");
        assertThat(rows("must_trade_exemption")).isEqualTo(before);
        var done = owner.submit("/workbench/supervision/exemptions", "/workbench/supervision/exemptions",
                fields + enc("招标投标法第六十六条"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(rows("must_trade_exemption")).isEqualTo(before + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
