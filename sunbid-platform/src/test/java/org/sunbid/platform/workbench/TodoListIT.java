package org.sunbid.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;

/**
 * Each role's workbench home lists what waits for it on the demo (待办), with a link and the deadline, and only for the
 * role the action's own rule allows; an entry goes when that rule says so (past the deadline here; after the action in
 * ExpertDrawScenarioIT, EvaluationScenarioIT and BidOpeningIT, which check the entries along their scenarios). The demo
 * states read here are ones no other test changes.
 */
class TodoListIT extends PlatformIT {

    private static final Pattern ITEM = Pattern.compile(
            "<li class=\"todo\" data-kind=\"([a-z-]+)\">\\s*<a href=\"([^\"]+)\">\\s*<span class=\"todo-kind\">([^<]*)</span>\\s*"
                    + "<span class=\"todo-title\">([^<]*)</span>\\s*</a>(.*?)</li>", Pattern.DOTALL);

    /** One entry as the page shows it. */
    record Entry(String kind, String link, String label, String title, String deadline) {
    }

    @Autowired
    JdbcClient jdbc;

    private List<Entry> todos(WebSession session) throws Exception {
        HttpResponse<String> home = session.get("/workbench");
        assertThat(home.statusCode()).isEqualTo(200);
        Matcher m = ITEM.matcher(home.body());
        return m.results().map(r -> new Entry(r.group(1), r.group(2), r.group(3).strip(), r.group(4).strip(),
                r.group(5).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())).toList();
    }

    private WebSession signedIn(String username) throws Exception {
        WebSession session = new WebSession(baseUrl());
        assertThat(session.login(username).statusCode()).isEqualTo(302);
        return session;
    }

    private String tenderId(String code) {
        return jdbc.sql("SELECT id::text FROM tender WHERE project_code = ?").param(code).query(String.class).single();
    }

    @Test
    void theSupervisorAndOnlyTheSupervisorSeesTheDrawAwaitingItsCommitment() throws Exception {
        WebSession supervisor = signedIn("supervisor");
        String drawId = jdbc.sql("SELECT d.id::text FROM expert_draw d JOIN tender t ON t.id = d.tender_id"
                + " WHERE t.project_code = 'YZ-2026-GC-0101'").query(String.class).single();
        Entry entry = todos(supervisor).stream().filter(e -> e.title().startsWith("YZ-2026-GC-0101")).findFirst().orElseThrow();
        assertThat(entry.kind()).isEqualTo("draw-commitment");
        assertThat(entry.label()).isEqualTo("确认专家抽取密钥承诺");
        assertThat(entry.title()).isEqualTo("YZ-2026-GC-0101 云州市第一中学教学楼新建工程");
        assertThat(entry.link()).isEqualTo("/workbench/expert-draws/" + drawId);
        assertThat(entry.deadline()).matches("截止 2026-\\d\\d-\\d\\d \\d\\d:\\d\\d 剩 \\d+ (天 \\d+ 小时|小时 \\d+ 分)");
        assertThat(supervisor.get(entry.link()).statusCode()).isEqualTo(200);
        // Only a supervisor of the region commits (the action's rule): the centre and the agency that asked see no such entry.
        assertThat(todos(signedIn("centre"))).noneMatch(e -> e.kind().startsWith("draw-"));
        assertThat(todos(signedIn("agency"))).noneMatch(e -> e.kind().startsWith("draw-"));
    }

    @Test
    void theCentreAndTheAdministratorSeeTheExpertApplicationTheSupervisorDoesNot() throws Exception {
        String expertId = jdbc.sql("SELECT x.id::text FROM expert x JOIN account a ON a.id = x.account_id"
                + " WHERE a.username = 'expert35'").query(String.class).single();
        WebSession admin = signedIn("admin");
        assertThat(todos(admin)).anyMatch(e -> e.kind().equals("expert-application") && e.title().startsWith("孙振华"));

        WebSession centre = signedIn("centre");
        Entry entry = todos(centre).stream().filter(e -> e.kind().equals("expert-application")).findFirst().orElseThrow();
        assertThat(entry.label()).isEqualTo("审核专家入库申请");
        assertThat(entry.title()).startsWith("孙振华");
        assertThat(entry.link()).isEqualTo("/workbench/experts/" + expertId);
        assertThat(entry.deadline()).isEmpty();
        assertThat(centre.get(entry.link()).statusCode()).isEqualTo(200);
        // Supervisors see the expert database but do not decide entry reviews (the review's own rule).
        assertThat(todos(signedIn("supervisor"))).noneMatch(e -> e.kind().equals("expert-application"));
    }

    @Test
    void theAgencySeesItsDraftAndTheTendereeItsUnansweredObjection() throws Exception {
        WebSession agency = signedIn("agency");
        assertThat(todos(agency)).contains(new Entry("draft", "/workbench/tenders/" + tenderId("YZ-2026-GC-0103"),
                "完善并发布草稿", "YZ-2026-GC-0103 松源县污水处理厂提标改造工程", ""));
        // The agency's published demo tenders are no drafts: no draft entry for them (other tests may leave drafts).
        assertThat(todos(agency)).filteredOn(e -> e.kind().equals("draft")).extracting(Entry::title)
                .noneMatch(t -> t.startsWith("YZ-2026-GC-0101") || t.startsWith("YZ-2026-GC-0102") || t.startsWith("YZ-2026-GC-0090"));

        WebSession waterBureau = signedIn("tenderee2");
        Entry objection = todos(waterBureau).stream().filter(e -> e.kind().equals("objection")).findFirst().orElseThrow();
        assertThat(objection.title()).isEqualTo("QS-2026-SL-0007 青山县柳河水库除险加固工程");
        assertThat(objection.link()).isEqualTo("/workbench/tenders/" + tenderId("QS-2026-SL-0007") + "#objections");
        assertThat(objection.label()).isEqualTo("答复对招标文件的异议");
        assertThat(objection.deadline()).startsWith("截止 2026-");
        // Another organisation's work is not on the list.
        assertThat(todos(signedIn("tenderee"))).noneMatch(e -> e.title().startsWith("QS-2026-SL-0007"));
    }

    @Test
    void aBidderSeesTheDepositStillToPayUntilTheBidDeadline() throws Exception {
        // A tender of its own, so that what other tests did to the demo's tenders does not matter.
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode tender = publishTender(api, java.time.Duration.ofDays(21), "20000");
        String id = tender.path("id").asString();
        String code = tender.path("terms").path("projectCode").asString();
        assertThat(api.post("/api/v1/tenders/" + id + "/registrations", "", api.token("bidder6")).status()).isIn(200, 201);
        WebSession bidder6 = signedIn("bidder6");
        Entry deposit = todos(bidder6).stream().filter(e -> e.link().contains(id)).findFirst().orElseThrow();
        assertThat(deposit.kind()).isEqualTo("deposit");
        assertThat(deposit.label()).isEqualTo("缴纳投标保证金（或提交电子保函）");
        assertThat(deposit.title()).startsWith(code);
        assertThat(deposit.link()).isEqualTo("/workbench/tenders/" + id + "#deposit");
        assertThat(deposit.deadline()).matches("截止 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 剩 2\\d 天 \\d+ 小时");
        // Another bidder has nothing to pay there; and once the deadline has passed nothing can be paid (the payment's rule).
        assertThat(todos(signedIn("bidder7"))).noneMatch(e -> e.link().contains(id));
        java.time.Instant now = clock.instant();
        try {
            clock.set(java.time.Instant.parse(tender.path("bidDeadline").asString()).plusSeconds(1));
            assertThat(todos(bidder6)).noneMatch(e -> e.link().contains(id));
        } finally {
            clock.set(now);
        }
    }

    @Test
    void everyDemoRoleHasAToDoCardAndEnglishLabels() throws Exception {
        for (String username : List.of("admin", "centre", "supervisor", "tenderee", "agency", "bidder1", "expert01")) {
            HttpResponse<String> home = signedIn(username).get("/workbench");
            assertThat(home.body()).as(username).contains("id=\"todo\"");
            assertThat(home.body()).as(username).containsAnyOf("id=\"todo-list\"", "id=\"todo-empty\"");
        }
        WebSession agency = signedIn("agency");
        assertThat(agency.get("/workbench?lang=en").body()).contains("Complete and publish the draft")
                .contains("YZ-2026-GC-0103");
    }
}
