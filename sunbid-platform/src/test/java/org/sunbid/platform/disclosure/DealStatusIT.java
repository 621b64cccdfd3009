package org.sunbid.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.tendering.Tenders;

/**
 * One status per deal and per registration, the same on every page that shows it, and the actions that no longer apply
 * gone: the demo's finished tender YZ-2026-GC-0090 through the public page, the portal home and every role's workbench
 * list and page; a bidder's deposit in its list and on the tender page; a fresh tender before and after its deadline
 * and after its opening.
 */
class DealStatusIT extends PlatformIT {

    /** The tests share one clock: each starts at START and leaves it there, so no demo tender passes its deadline. */
    @org.junit.jupiter.api.BeforeEach
    void startAtStart() {
        clock.set(START);
    }

    @org.junit.jupiter.api.AfterEach
    void backToStart() {
        clock.set(START);
    }

    private static final Pattern STAGE = Pattern.compile("class=\"tag deal-stage[^\"]*\" data-stage=\"([A-Z_]+)\">([^<]+)<");
    private static final Pattern REGISTRATION = Pattern.compile(
            "class=\"tag registration-stage[^\"]*\" data-stage=\"([A-Z_]+)\">([^<]+)<");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    /** The stages shown in the parts of {@code html} (split at rows and list items) that mention {@code id}. */
    private static List<String> stagesAround(String html, String id, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String part : html.split("<tr|<li|<p class=\"crumb\"|<div class=\"card-head\"")) {
            if (part.contains(id) || part.contains("id=\"tender-status\"") || part.contains("id=\"evaluation-stage\"")
                    || part.contains("id=\"stage\"") || part.contains("id=\"deposit-status\"")) {
                Matcher m = pattern.matcher(part);
                while (m.find()) {
                    found.add(m.group(1) + "=" + m.group(2));
                }
            }
        }
        return found;
    }

    private WebSession as(String username) throws Exception {
        WebSession web = new WebSession(baseUrl());
        if (username != null) {
            assertThat(web.login(username).statusCode()).isEqualTo(302);
        }
        return web;
    }

    private static String page(WebSession web, String path) throws Exception {
        HttpResponse<String> response = web.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void theFinishedDemoTenderShowsOneStatusEverywhere() throws Exception {
        String id = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        Map<String, List<String>> seen = new LinkedHashMap<>();
        WebSession anonymous = as(null);
        seen.put("portal home", stagesAround(page(anonymous, "/"), id, STAGE));
        seen.put("public page", stagesAround(page(anonymous, "/tenders/" + id), id, STAGE));
        for (String user : List.of("tenderee", "agency", "bidder1", "bidder2", "supervisor", "centre")) {
            WebSession web = as(user);
            seen.put(user + " list", stagesAround(page(web, "/workbench/tenders"), id, STAGE));
            seen.put(user + " page", stagesAround(page(web, "/workbench/tenders/" + id), id, STAGE));
            seen.put(user + " award", stagesAround(page(web, "/workbench/awards/" + id), id, STAGE));
        }
        seen.forEach((where, stages) -> assertThat(stages).as(where + ": " + seen).isNotEmpty()
                .allMatch(s -> s.equals("CONTRACTED=合同已签订")));
        // The English pages say the same in English.
        assertThat(stagesAround(page(anonymous, "/tenders/" + id + "?lang=en"), id, STAGE)).containsOnly("CONTRACTED=Contract signed");

        // A bidder's list and its tender page agree on its registration (the deposit, refunded or not).
        for (String bidder : List.of("bidder1", "bidder2", "bidder3", "bidder4")) {
            WebSession web = as(bidder);
            List<String> inList = stagesAround(page(web, "/workbench/tenders"), id, REGISTRATION);
            String detail = page(web, "/workbench/tenders/" + id);
            List<String> onPage = stagesAround(detail, id, REGISTRATION);
            assertThat(inList).as(bidder).hasSize(1);
            assertThat(onPage).as(bidder).isEqualTo(inList);
            // The contract is signed: every deposit is being returned or has been (Reg. 57), and the page's refund table
            // says the same as the tag; a payment sent back earlier for the wrong account (bidder4) does not count.
            assertThat(detail).containsAnyOf("未中标，退还保证金及利息", "合同已签订，退还中标人保证金及利息");
            assertThat(inList.get(0)).as(bidder).startsWith("REFUND");
            // Long past the deadline and the opening: nothing left to submit, replace, withdraw or release.
            assertThat(detail).doesNotContain("id=\"bid-form\"", "id=\"seal-form\"", "id=\"withdraw-form\"", "id=\"register\"",
                    "id=\"pay-sandbox\"", "id=\"objection-form\"", "id=\"share-form\"", "sunbid-bidder.jar release",
                    "sunbid-bidder.jar seal");
        }
        for (String custodian : List.of("centre", "supervisor")) {
            String detail = page(as(custodian), "/workbench/tenders/" + id);
            assertThat(detail).doesNotContain("id=\"share-form\"", "sunbid-bidder.jar release", "id=\"custodian\"");
        }
    }

    @Test
    void actionsThatNoLongerApplyDisappearAtTheDeadlineAndTheOpening() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        var draft = publishTender(api, Duration.ofDays(21), "10000");
        String id = draft.path("id").asString();
        java.time.Instant deadline = java.time.Instant.parse(draft.path("bidDeadline").asString());
        assertThat(sealAndUpload(id, "bidder1", "9000000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder2", "9100000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder3", "9200000.00")).isTrue();

        WebSession bidder = as("bidder1");
        String before = page(bidder, "/workbench/tenders/" + id);
        assertThat(stagesAround(before, id, STAGE)).containsOnly("PUBLISHED=招标中");
        assertThat(before).contains("id=\"bid-form\"", "id=\"seal-form\"", "id=\"withdraw-form\"", "id=\"objection-form\"");
        assertThat(stagesAround(page(bidder, "/workbench/tenders"), id, REGISTRATION))
                .isEqualTo(stagesAround(before, id, REGISTRATION)).containsOnly("DEPOSIT_PAID=已缴纳");
        String custodianBefore = page(as("centre"), "/workbench/tenders/" + id);
        assertThat(custodianBefore).contains("id=\"custodian\"").doesNotContain("id=\"share-form\"");

        // One second past the deadline, before the closing job has run: the deadline alone decides.
        clock.set(deadline.plusSeconds(1));
        String after = page(bidder, "/workbench/tenders/" + id);
        assertThat(stagesAround(after, id, STAGE)).containsOnly("BIDDING_CLOSED=投标已截止");
        assertThat(stagesAround(page(as(null), "/tenders/" + id), id, STAGE)).containsOnly("BIDDING_CLOSED=投标已截止");
        assertThat(after).doesNotContain("id=\"bid-form\"", "id=\"seal-form\"", "id=\"withdraw-form\"", "id=\"objection-form\"",
                "id=\"register\"", "id=\"pay-sandbox\"", "sunbid-bidder.jar seal");
        tenders.closeDueTenders();
        String custodianClosed = page(as("centre"), "/workbench/tenders/" + id);
        assertThat(custodianClosed).contains("id=\"share-form\"", "sunbid-bidder.jar release");

        // Opened: no key-release steps any more, for anyone.
        assertThat(releaseShare(id, "centre").status()).isEqualTo(200);
        assertThat(releaseShare(id, "supervisor").status()).isEqualTo(200);
        for (String user : List.of("centre", "supervisor", "bidder1", "agency")) {
            String opened = page(as(user), "/workbench/tenders/" + id);
            assertThat(stagesAround(opened, id, STAGE)).as(user).containsOnly("OPENED=已开标");
            assertThat(opened).as(user).doesNotContain("id=\"share-form\"", "sunbid-bidder.jar release", "id=\"custodian\"",
                    "id=\"withdraw-form\"");
        }
        // (the public tender page: the portal's home lists only the latest notices, which other tests' tenders may fill)
        assertThat(stagesAround(page(as(null), "/tenders/" + id), id, STAGE)).containsOnly("OPENED=已开标");
    }
}
