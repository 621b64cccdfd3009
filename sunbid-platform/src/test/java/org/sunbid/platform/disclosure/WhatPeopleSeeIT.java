package org.sunbid.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verdict;
import org.sunbid.verifier.Verifier;

/**
 * People see names and project codes, not UUIDs, raw JSON or certificate DNs: a sweep over the main pages of every demo
 * role (the portal, the log, open data, the API reference, the demo's finished deal, each workbench menu entry), their
 * visible text checked outside the "details" folds; the log rows link to what they are about; the bid receipt is a page
 * and a signed file the verifier's check-receipt accepts.
 */
class WhatPeopleSeeIT extends PlatformIT {

    /** The tests share one clock: each starts at START and leaves it there, so no demo tender passes its deadline. */
    @org.junit.jupiter.api.BeforeEach
    void startAtStart() {
        clock.set(START);
    }

    @org.junit.jupiter.api.AfterEach
    void backToStart() {
        clock.set(START);
    }

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tenders tenders;

    @Autowired
    ConfidentialRecords confidential;

    /** The text a person reads on the page: no head, scripts, styles, details folds, tags or attributes. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<details.*?</details>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text);
    }

    private static void assertReadable(String where, String html) {
        assertThat(problems(where, html)).isEmpty();
    }

    /** What a person should not see on the page, each with where it is. */
    private static List<String> problems(String where, String html) {
        String text = visibleText(html);
        List<String> found = new ArrayList<>();
        Matcher uuid = UUID_PATTERN.matcher(text);
        if (uuid.find()) {
            found.add(where + " shows a UUID: " + around(text, uuid));
        }
        for (String raw : List.of("{\"", "CN=")) {
            int at = text.indexOf(raw);
            if (at >= 0) {
                found.add(where + " shows " + raw + ": " + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40))
                        .replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    private static String around(String text, Matcher m) {
        return text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 20)).replaceAll("\\s+", " ");
    }

    private WebSession as(String username) throws Exception {
        WebSession web = new WebSession(baseUrl());
        if (username != null) {
            assertThat(web.login(username).statusCode()).isEqualTo(302);
        }
        return web;
    }

    @Test
    void noRoleSeesUuidsRawJsonOrDistinguishedNames() throws Exception {
        String deal = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        String draw = jdbc.sql("SELECT id FROM expert_draw WHERE status = 'PUBLISHED' LIMIT 1").query(String.class).optional().orElse(null);
        List<String> roles = new ArrayList<>(java.util.Arrays.asList(null, "bidder1", "tenderee", "agency", "centre", "supervisor",
                "admin", "expert01"));
        int pages = 0;
        List<String> problems = new ArrayList<>();
        for (String role : roles) {
            WebSession web = as(role);
            Set<String> paths = new LinkedHashSet<>(List.of("/", "/log", "/guide", "/open-data", "/tenders/" + deal));
            if (draw != null) {
                paths.add("/draws/" + draw);
            }
            if (role != null) {
                String home = web.get("/workbench").body();
                Matcher menu = HREF.matcher(home.replaceAll("(?s).*<aside[^>]*class=\"sidebar\"[^>]*>(.*?)</aside>.*", "$1"));
                paths.add("/workbench");
                while (menu.find()) {
                    paths.add(menu.group(1));
                }
                paths.add("/workbench/tenders/" + deal);
                paths.add("/workbench/awards/" + deal);
            }
            if ("bidder1".equals(role)) {
                paths.add("/workbench/tenders/" + deal + "/receipt");
            }
            for (String path : paths) {
                HttpResponse<String> page = web.get(path);
                if (page.statusCode() == 403 || page.statusCode() == 404) {
                    continue; // not this role's page (the error page itself is swept as a page too)
                }
                assertThat(page.statusCode()).as(role + " " + path).isEqualTo(200);
                if (page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    problems.addAll(problems(role + " " + path, page.body()));
                    pages++;
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(pages).isGreaterThan(40);
        // The API reference is a page for people: paths, methods and schemas, rendered here, no raw document.
        String reference = as(null).get("/open-data/api").body();
        assertReadable("API reference", reference);
        assertThat(reference).contains("/api/v1/tenders/{id}").contains("id=\"schemas\"").contains("GET");
        String openData = as(null).get("/open-data").body();
        assertThat(openData).contains("href=\"/open-data/api\"").contains("sunbid-verifier");
        assertThat(as(null).get("/").body()).doesNotContain("href=\"/v3/api-docs\"");
    }

    @Test
    void logRowsLinkToWhatTheyAreAbout() throws Exception {
        String deal = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        long seq = jdbc.sql("""
                SELECT seq FROM log_entry WHERE details IS NOT NULL AND details::json->>'subject' = :t ORDER BY seq DESC LIMIT 1""")
                .param("t", deal).query(Long.class).single();
        String page = as(null).get("/log?before=" + (seq + 1)).body();
        String row = page.substring(page.indexOf("<td class=\"num\">" + seq + "</td>"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("href=\"/tenders/" + deal + "\"").contains("YZ-2026-GC-0090");
        assertReadable("log", page);
    }

    @Test
    void theBidReceiptIsAPageAndASignedFileTheVerifierChecks() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        var draft = publishTender(api, java.time.Duration.ofDays(21), "10000");
        String id = draft.path("id").asString();
        String code = draft.path("terms").path("projectCode").asString();
        assertThat(sealAndUpload(id, "bidder1", "9000000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder2", "9100000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder3", "9200000.00")).isTrue();
        confidential.commit();

        WebSession bidder = as("bidder1");
        String tenderPage = bidder.get("/workbench/tenders/" + id).body();
        assertThat(tenderPage).contains("href=\"/workbench/tenders/" + id + "/receipt\"");
        assertReadable("tender page with a bid", tenderPage);
        String before = bidder.get("/workbench/tenders/" + id + "/receipt").body();
        assertReadable("receipt before opening", before);
        assertThat(visibleText(before)).contains(draft.path("terms").path("name").asString()).contains(code);
        assertThat(before).contains("id=\"receipt-sealed\"").contains("id=\"receipt-time\"");
        HttpResponse<String> file = bidder.get("/workbench/tenders/" + id + "/receipt.json");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".receipt.json");
        // The same signed receipt the API (and so the bidder tool) gives.
        assertThat(api.get("/api/v1/tenders/" + id + "/bids/mine", api.freshToken("bidder1")).json())
                .isEqualTo(new ApiClient.Response(200, "application/json", file.body()).json());
        // Another bidder gets its own, never this one.
        assertThat(as("bidder2").get("/workbench/tenders/" + id + "/receipt.json").body()).isNotEqualTo(file.body());

        clock.set(java.time.Instant.parse(draft.path("bidDeadline").asString()).plusSeconds(1));
        tenders.closeDueTenders();
        assertThat(releaseShare(id, "centre").status()).isEqualTo(200);
        assertThat(releaseShare(id, "supervisor").status()).isEqualTo(200);

        String after = bidder.get("/workbench/tenders/" + id + "/receipt").body();
        assertReadable("receipt after opening", after);
        assertThat(after).contains("id=\"receipt-price\"").contains("9,000,000.00").contains("投标函.txt").contains(code);
        Path saved = Files.writeString(Files.createTempFile("receipt", ".json"),
                bidder.get("/workbench/tenders/" + id + "/receipt.json").body());
        Verdict verdict = Verifier.run("check-receipt", saved.toString(), baseUrl());
        assertThat(verdict.line()).as(verdict.line()).startsWith("OK bid ").endsWith(" as OPENED");
    }
}
