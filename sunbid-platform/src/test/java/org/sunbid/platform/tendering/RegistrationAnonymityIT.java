package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisations;

/**
 * Law 22: before the deadline nobody but the bidder itself learns who registered or how many did. Every endpoint and
 * page a role can reach must answer exactly the same before and after three bidders register; the public log grows by
 * one sealed digest per interval whatever happened; a supervisor's break-glass view works and is logged in public.
 */
class RegistrationAnonymityIT extends PlatformIT {

    @Autowired
    Registrations registrations;

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organisations organisations;

    private ApiClient api;
    private String tenderId;

    /** Everyone but the registering bidders: the public, each staff role, the owners, another bidder, an expert. */
    private static final String[] OTHERS = {null, "admin", "centre", "qs-centre", "supervisor", "tenderee", "agency", "bidder8",
            "expert01"};

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        tenderId = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0101'").query(String.class).single();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /**
     * Every GET route of the application (API and pages), with its variables filled in for the tender under test.
     * The transparency log's routes are left to {@link #theLogGrowsAtTheSameRateWhetherOrNotAnyoneRegistered} (the
     * log grows by one commitment per interval whatever happens), and a caller's own subscriptions (their delivery
     * counters move with other notices); a route with a variable this test does not know
     * fails it, so a new route cannot slip past.
     */
    private List<String> everyGetRoute() {
        String documentId = jdbc.sql("SELECT id FROM tender_document WHERE tender_id = CAST(:t AS UUID) LIMIT 1")
                .param("t", tenderId).query(String.class).single();
        Map<String, String> variables = Map.of("{id}", tenderId, "{documentId}", documentId, "{code}", "990100",
                "{bidId}", tenderId, "{file}", "sunbid-bidder.jar", "{supplierId}", tenderId, "{round}", "1", "{lotId}", tenderId,
                "{evidenceId}", tenderId); // a mall evidence file: no such listing, the same answer to everyone
        java.util.TreeSet<String> routes = new java.util.TreeSet<>();
        for (String pattern : everyGetPattern(mappings)) {
            if (pattern.startsWith("/api/v1/log") || pattern.equals("/log")) {
                continue;
            }
            // a caller's own subscriptions count the notifications the dispatcher delivered, which move with other
            // tests' public notices whatever happens here; what a subscription can match is only what the search holds
            // (SearchSecrecyIT, OcdsSecrecyIT, SubscriptionFlowIT)
            if (pattern.equals("/api/v1/subscriptions") || pattern.equals("/workbench/subscriptions")) {
                continue;
            }
            String path = pattern;
            for (var v : variables.entrySet()) {
                path = path.replace(v.getKey(), v.getValue());
            }
            assertThat(path).as("a route with a variable this test cannot fill: " + pattern).doesNotContain("{");
            routes.add(path);
        }
        assertThat(routes).contains("/api/v1/tenders/" + tenderId + "/registrations", "/workbench/tenders/" + tenderId,
                "/api/v1/tenders/" + tenderId + "/deposits", "/tenders/" + tenderId);
        return List.copyOf(routes);
    }

    /** What each caller sees on every GET route, by API (bearer token) and as pages (a session). */
    private Map<String, String> everythingVisible() throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> routes = everyGetRoute();
        for (String caller : OTHERS) {
            String token = caller == null ? null : api.freshToken(caller);
            HttpClient session = session(caller);
            for (String path : routes) {
                if (path.startsWith("/api/")) {
                    ApiClient.Response r = api.get(path, token);
                    seen.put(caller + " " + path, r.status() + " " + r.body());
                } else {
                    seen.put(caller + " page " + path, page(session, path));
                }
            }
        }
        return seen;
    }

    /** The two answers around where they first differ (the whole of a long page says nothing useful). */
    private static String difference(String before, String after) {
        if (after == null) {
            return "\n  before: " + excerpt(before, 0) + "\n  after:  (none)";
        }
        int at = 0;
        while (at < before.length() && at < after.length() && before.charAt(at) == after.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 150);
        return " (first difference at " + at + ")\n  before: " + excerpt(before, from) + "\n  after:  " + excerpt(after, from);
    }

    private static String excerpt(String s, int from) {
        int to = Math.min(s.length(), from + 400);
        return (from > 0 ? "…" : "") + s.substring(Math.min(from, s.length()), to) + (to < s.length() ? "…" : "");
    }

    /** A page as the session sees it, without the per-request CSRF mask. */
    private String page(HttpClient session, String path) throws Exception {
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body().replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
                .replaceAll("_csrf=[^\"&]+", "").replaceAll("\"timestamp\":\"[^\"]+\"", "");
    }

    @Test
    void law22_noOtherRoleLearnsWhoRegisteredOrHowManyBeforeTheDeadline() throws Exception {
        confidential.commit();
        Map<String, String> before = everythingVisible();
        long logBefore = log.size();

        List<String> names = new ArrayList<>();
        for (String bidder : List.of("bidder1", "bidder2", "bidder3")) {
            ApiClient.Response r = api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken(bidder));
            assertThat(r.status()).as(() -> r.body() + " at " + clock.instant() + "; the tender: " + jdbc.sql(
                    "SELECT status || ' documents until ' || documents_available_until || ' deadline ' || bid_deadline FROM tender WHERE id = CAST(:t AS UUID)")
                    .param("t", tenderId).query(String.class).single()).isEqualTo(200);
            names.add(r.json().path("bidderName").asString());
        }
        confidential.commit();
        Map<String, String> after = everythingVisible();

        // Identical answers everywhere: not even a count changed.
        List<String> changed = new ArrayList<>();
        before.forEach((route, answer) -> {
            if (!answer.equals(after.get(route))) {
                changed.add(route + difference(answer, after.get(route)));
            }
        });
        assertThat(changed).as("answers that changed when bidders registered").isEmpty();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // The tenderee asking gets a refusal that says nothing about the count.
        assertThat(api.get("/api/v1/tenders/" + tenderId + "/registrations", api.freshToken("tenderee")).code())
                .isEqualTo("REGISTRATIONS_SEALED");
        // The public log grew by exactly one commitment, as it would have with no registration at all: a Merkle root,
        // which says nothing about how many records it covers.
        assertThat(log.size()).isEqualTo(logBefore + 1);
        var digest = api.get("/api/v1/log/entries?start=" + logBefore + "&end=" + log.size(), null).json().get(0);
        assertThat(digest.path("payload").asString()).matches("\\{\"root\":\"[0-9a-f]{64}\"}");
        String gained = api.get("/api/v1/log/entries?start=" + logBefore + "&end=" + log.size(), null).body();
        for (String name : names) {
            assertThat(gained).doesNotContain(name);
        }

        // The bidder itself sees its own registration, committed by the digest.
        var mine = api.get("/api/v1/tenders/" + tenderId + "/registrations/mine", api.freshToken("bidder2")).json();
        assertThat(mine.path("bidderName").asString()).isEqualTo(names.get(1));
        assertThat(mine.path("committedSeq").asLong()).isEqualTo(logBefore);
    }

    @Test
    void theLogGrowsAtTheSameRateWhetherOrNotAnyoneRegistered() {
        long start = log.size();
        confidential.commit();
        long quiet = log.size() - start;
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken("bidder4"));
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken("bidder5"));
        long middle = log.size();
        confidential.commit();
        assertThat(log.size() - middle).isEqualTo(quiet).isEqualTo(1);
    }

    @Test
    void aSupervisorsBreakGlassViewIsAnsweredAndLoggedInPublic() {
        api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.freshToken("bidder6"));
        long before = log.size();
        ApiClient.Response r = api.post("/api/v1/tenders/" + tenderId + "/registrations/break-glass",
                "{\"text\":\"核查围标串标举报（监督函〔2026〕12号）\"}", api.freshToken("supervisor"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("bidderName")).isNotEmpty();
        var entry = api.get("/api/v1/log/entries?start=" + before + "&end=" + (before + 1), null).json().get(0);
        assertThat(entry.path("sealed").asBoolean()).isFalse();
        assertThat(entry.path("details").asString()).contains("tendering.registrations.break-glass").contains("\"actor\":\"supervisor\"");
        assertThat(entry.path("payload").asString()).contains("监督函");
    }

    @Test
    void aBlacklistedOrganisationCannotRegisterAndNothingIsStored() {
        String token = api.freshToken("bidder7");
        UUID org = UUID.fromString(api.get("/api/v1/me", token).json().path("organisationId").asString());
        organisations.setBlacklisted(org, true, "行贿犯罪记录", Actor.SYSTEM);
        try {
            long before = jdbc.sql("SELECT count(*) FROM tender_registration").query(Long.class).single();
            ApiClient.Response r = api.post("/api/v1/tenders/" + tenderId + "/registrations", "", token);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("REGISTRATION_REFUSED_BLACKLISTED");
            assertThat(jdbc.sql("SELECT count(*) FROM tender_registration").query(Long.class).single()).isEqualTo(before);
        } finally {
            organisations.setBlacklisted(org, false, "测试结束", Actor.SYSTEM);
        }
    }

    @Test
    void registrationClosesWithTheDocumentsAndTheListOpensWithTheDeadline() {
        String draftless = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0102'").query(String.class).single();
        api.post("/api/v1/tenders/" + draftless + "/registrations", "", api.freshToken("bidder1"));
        var tender = api.get("/api/v1/tenders/" + draftless, null).json();

        clock.set(java.time.Instant.parse(tender.path("terms").path("documentsAvailableUntil").asString()));
        ApiClient.Response late = api.post("/api/v1/tenders/" + draftless + "/registrations", "", api.freshToken("bidder2"));
        assertThat(late.code()).isEqualTo("REGISTRATION_CLOSED");

        clock.set(java.time.Instant.parse(tender.path("bidDeadline").asString()));
        long before = log.size();
        tenders.closeDueTenders();
        ApiClient.Response list = api.get("/api/v1/tenders/" + draftless + "/registrations", api.freshToken("tenderee"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("bidderName")).contains("云州第一建筑工程有限公司");
        String disclosed = api.get("/api/v1/log/entries?start=" + before + "&end=" + log.size(), null).body();
        assertThat(disclosed).contains("tendering.registrations.disclosed").contains("云州第一建筑工程有限公司");
    }
}
