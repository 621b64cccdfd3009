package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;

/**
 * Filing of tender documents with the supervisor before publication (招标文件备案) where the region's rule requires it,
 * through the API against the running platform: publication refused until the documents as they are are accepted, a
 * return with reasons and a new filing, who may decide, documents changed after acceptance, a late decision flagged,
 * and regions without the rule unchanged. Every refusal leaves the tender, its filings and the log as they were.
 */
class FilingIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Regions regions;
    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        FilingRegion.ensure(api, regions, organisations, accounts, clock.instant());
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private UUID tendereeId(String username) {
        return accounts.findByUsername(username).orElseThrow().organisationId();
    }

    private String draft() {
        return FilingRegion.draftWithDocument(api, FilingRegion.TENDEREE, tendereeId(FilingRegion.TENDEREE), clock.instant());
    }

    private ApiClient.Response publish(String id, String username) {
        return api.post("/api/v1/tenders/" + id + "/publish", "", api.token(username));
    }

    private ApiClient.Response file(String id, String username) {
        return api.post("/api/v1/tenders/" + id + "/filings", "", api.token(username));
    }

    private ApiClient.Response decide(String id, String filingId, String decision, String reasons, String username) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        if (reasons != null) {
            body.put("reasons", reasons);
        }
        return api.post("/api/v1/tenders/" + id + "/filings/" + filingId + "/decision", ApiClient.json(body), api.token(username));
    }

    /** What a refusal must leave as it was: the tender's row, its filings and decisions, and the whole log. */
    private String snapshot(String id) {
        return jdbc.sql("SELECT status || '/' || version FROM tender WHERE id = CAST(:t AS UUID)").param("t", id)
                .query(String.class).single()
                + " filings " + jdbc.sql("SELECT COUNT(*) FROM tender_filing WHERE tender_id = CAST(:t AS UUID)").param("t", id)
                        .query(Long.class).single()
                + " decisions " + jdbc.sql("""
                        SELECT COUNT(*) FROM tender_filing_decision d JOIN tender_filing f ON f.id = d.filing_id
                        WHERE f.tender_id = CAST(:t AS UUID)""").param("t", id).query(Long.class).single()
                + " log " + jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
    }

    private List<String> logActions(String id) {
        return jdbc.sql("SELECT details FROM log_entry WHERE details LIKE :s ORDER BY seq").param("s", "%" + id + "%")
                .query(String.class).list().stream().map(d -> d.replaceAll("(?s).*\"action\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void regionRule_publicationIsRefusedUntilTheDocumentsAreFiledAndAccepted() {
        String id = draft();
        ApiClient.Response requirement = api.get("/api/v1/tenders/" + id + "/filing", api.token(FilingRegion.TENDEREE));
        assertThat(requirement.json().path("required").asBoolean()).as(requirement.body()).isTrue();
        assertThat(requirement.json().path("regionCode").asString()).isEqualTo(FilingRegion.COUNTY); // inherited
        assertThat(requirement.json().path("reviewUnit").asString()).isEqualTo("WORKING_DAY");
        assertThat(requirement.json().path("supervisorName").asString()).isEqualTo("云州市住房和城乡建设局");
        assertThat(requirement.json().path("publishable").asBoolean()).isFalse();
        String before = snapshot(id);

        ApiClient.Response unfiled = publish(id, FilingRegion.TENDEREE);

        assertThat(unfiled.status()).isEqualTo(422);
        assertThat(unfiled.code()).isEqualTo("FILING_REQUIRED");
        assertThat(unfiled.body()).contains(FilingRegion.BASIS);
        assertThat(snapshot(id)).isEqualTo(before);

        ApiClient.Response filed = file(id, FilingRegion.TENDEREE);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(filed.json().path("number").asInt()).isEqualTo(1);
        assertThat(filed.json().path("documents")).hasSize(1);
        // filed on Monday 2026-11-23: five working days end at 24:00 on Monday 2026-11-30, Beijing time
        assertThat(filed.json().path("due").asString()).isEqualTo("2026-11-30T16:00:00Z");
        String filingId = filed.json().path("id").asString();
        // the same documents cannot be filed twice while pending
        String pending = snapshot(id);
        assertThat(file(id, FilingRegion.TENDEREE).code()).isEqualTo("FILING_ALREADY_FILED");
        ApiClient.Response waiting = publish(id, FilingRegion.TENDEREE);
        assertThat(waiting.code()).isEqualTo("FILING_NOT_ACCEPTED");
        assertThat(snapshot(id)).isEqualTo(pending);
        // the supervisor's to-do list has it
        assertThat(api.get("/api/v1/filings", api.token("supervisor")).body()).contains(filingId);

        ApiClient.Response accepted = decide(id, filingId, "ACCEPTED", null, "supervisor");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("overdue").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/filings", api.token("supervisor")).body()).doesNotContain(filingId);
        assertThat(decide(id, filingId, "RETURNED", "改主意", "supervisor").code()).isEqualTo("FILING_DECIDED");
        ApiClient.Response published = publish(id, FilingRegion.TENDEREE);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(logActions(id)).containsSubsequence("tendering.filing.filed", "tendering.filing.accepted",
                "tendering.tender.published");
    }

    @Test
    void regionRule_aReturnNeedsReasons_thenTheOwnerChangesTheDocumentsAndFilesAgain() {
        String id = draft();
        String filingId = file(id, FilingRegion.TENDEREE).json().path("id").asString();
        String before = snapshot(id);

        for (String blank : new String[] {null, "", "   "}) {
            ApiClient.Response refused = decide(id, filingId, "RETURNED", blank, "supervisor");
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("FILING_REASONS_REQUIRED");
        }
        assertThat(snapshot(id)).isEqualTo(before);

        ApiClient.Response returned = decide(id, filingId, "RETURNED", "评标办法未载明价格分的计算公式", "supervisor");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().path("status").asString()).isEqualTo("RETURNED");
        ApiClient.Response refused = publish(id, FilingRegion.TENDEREE);
        assertThat(refused.code()).isEqualTo("FILING_RETURNED");
        assertThat(refused.body()).contains("评标办法未载明价格分的计算公式");

        // the owner adds the corrected chapter and files again: a new filing, the returned one kept as it was
        assertThat(api.uploadDocument(id, api.token(FilingRegion.TENDEREE)).status()).isEqualTo(201);
        ApiClient.Response again = file(id, FilingRegion.TENDEREE);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("number").asInt()).isEqualTo(2);
        assertThat(again.json().path("documents")).hasSize(2);
        // the returned filing can no longer be decided
        assertThat(decide(id, filingId, "ACCEPTED", null, "supervisor").code()).isEqualTo("FILING_DECIDED");
        assertThat(decide(id, again.json().path("id").asString(), "ACCEPTED", null, "supervisor").status()).isEqualTo(200);
        assertThat(publish(id, FilingRegion.TENDEREE).status()).isEqualTo(200);

        ApiClient.Response history = api.get("/api/v1/tenders/" + id + "/filings", api.token(FilingRegion.TENDEREE));
        assertThat(history.json()).hasSize(2);
        assertThat(history.json().get(0).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(history.json().get(1).path("status").asString()).isEqualTo("RETURNED");
        assertThat(history.json().get(1).path("reasons").asString()).isEqualTo("评标办法未载明价格分的计算公式");
        assertThat(logActions(id)).containsSubsequence("tendering.filing.filed", "tendering.filing.returned",
                "tendering.filing.filed", "tendering.filing.accepted", "tendering.tender.published");
    }

    @Test
    void onlyTheSupervisionDepartmentTheTenderIsFiledWithDecides() {
        String id = draft();
        String filingId = file(id, FilingRegion.TENDEREE).json().path("id").asString();
        String before = snapshot(id);

        // another region's supervisor cannot even see the draft; bidders, the owner and centre staff are not supervisors
        assertThat(decide(id, filingId, "ACCEPTED", null, FilingRegion.OTHER_SUPERVISOR).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenders/" + id + "/filings", api.token(FilingRegion.OTHER_SUPERVISOR)).status()).isEqualTo(404);
        assertThat(decide(id, filingId, "ACCEPTED", null, "bidder1").status()).isEqualTo(403);
        assertThat(decide(id, filingId, "ACCEPTED", null, FilingRegion.TENDEREE).status()).isEqualTo(403);
        assertThat(decide(id, filingId, "ACCEPTED", null, "centre").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/filings", api.token(FilingRegion.OTHER_SUPERVISOR)).body()).doesNotContain(filingId);
        // a filing of another tender under this tender's address is not found
        assertThat(decide(id, UUID.randomUUID().toString(), "ACCEPTED", null, "supervisor").code()).isEqualTo("FILING_NOT_FOUND");
        // only the owner files
        assertThat(file(id, "bidder1").status()).isEqualTo(403);
        assertThat(file(id, "supervisor").status()).isEqualTo(403);
        assertThat(file(id, FilingRegion.OTHER_SUPERVISOR).status()).isEqualTo(403);
        assertThat(snapshot(id)).isEqualTo(before);
    }

    @Test
    void regionRule_documentsChangedAfterAcceptanceNeedANewFilingBeforePublication() {
        String id = draft();
        String filingId = file(id, FilingRegion.TENDEREE).json().path("id").asString();
        assertThat(decide(id, filingId, "ACCEPTED", null, "supervisor").status()).isEqualTo(200);
        assertThat(api.uploadDocument(id, api.token(FilingRegion.TENDEREE)).status()).isEqualTo(201);
        String before = snapshot(id);

        ApiClient.Response refused = publish(id, FilingRegion.TENDEREE);

        assertThat(refused.code()).isEqualTo("FILING_REQUIRED");
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(api.get("/api/v1/tenders/" + id + "/filings", api.token(FilingRegion.TENDEREE)).json().get(0)
                .path("current").asBoolean()).isFalse();
        ApiClient.Response again = file(id, FilingRegion.TENDEREE);
        assertThat(again.json().path("number").asInt()).isEqualTo(2);
        assertThat(decide(id, again.json().path("id").asString(), "ACCEPTED", null, "supervisor").status()).isEqualTo(200);
        assertThat(publish(id, FilingRegion.TENDEREE).status()).isEqualTo(200);
    }

    @Test
    void regionRule_aDecisionAfterTheTimeLimitIsTakenAndFlaggedOnTheSupervisorsHomePage() throws Exception {
        String id = FilingRegion.draftWithDocument(api, FilingRegion.URGENT_TENDEREE, tendereeId(FilingRegion.URGENT_TENDEREE),
                clock.instant());
        ApiClient.Response filed = file(id, FilingRegion.URGENT_TENDEREE);
        // the township's own rule: 1 日, an exact day
        assertThat(filed.json().path("due").asString()).isEqualTo(START.plus(Duration.ofDays(1)).toString());
        clock.set(START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));

        ApiClient.Response late = decide(id, filed.json().path("id").asString(), "ACCEPTED", null, "supervisor");

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().path("overdue").asBoolean()).isTrue();
        assertThat(logActions(id)).containsSubsequence("tendering.filing.accepted", TenderFilings.OVERDUE);
        String home = session("supervisor").send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/workbench")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(home).contains("data-flag=\"" + TenderFilings.OVERDUE + "\"");
    }

    @Test
    void regionsThatDoNotRequireFilingPublishAsBefore() {
        String id = api.post("/api/v1/tenders", org.sunbid.platform.Fixtures.tenderJson(clock.instant(),
                org.sunbid.platform.Fixtures.projectCode(), Duration.ofDays(25), "500000",
                tendereeId("tenderee").toString()), api.token("agency")).json().path("id").asString();
        assertThat(api.uploadDocument(id, api.token("agency")).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/tenders/" + id + "/filing", api.token("agency")).json().path("required").asBoolean()).isFalse();
        String before = snapshot(id);
        ApiClient.Response refused = file(id, "agency");
        assertThat(refused.code()).isEqualTo("FILING_NOT_REQUIRED");
        assertThat(snapshot(id)).isEqualTo(before);
        assertThat(publish(id, "agency").status()).isEqualTo(200);
    }

    @Test
    void administratorsAloneSetTheRegionsRule_andABadRuleIsRefused() {
        String good = ApiClient.json(Map.of("regionCode", "990123", "appliesTo", "TDSYQ", "required", false, "reviewAmount", 5,
                "reviewUnit", "WORKING_DAY", "basis", FilingRegion.BASIS, "effectiveFrom", "2020-01-01"));
        assertThat(api.post("/api/v1/filing-rules", good, api.token("supervisor")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/filing-rules", good, api.token("centre")).status()).isEqualTo(403);
        String hours = good.replace("WORKING_DAY", "HOUR");
        ApiClient.Response refused = api.post("/api/v1/filing-rules", hours, api.token("admin"));
        assertThat(refused.code()).as(refused.body()).isEqualTo("INVALID_FILING_RULE");
    }
}
