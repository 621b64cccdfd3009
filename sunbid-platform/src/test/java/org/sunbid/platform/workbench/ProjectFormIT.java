package org.sunbid.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;

/**
 * The one project form over plain HTTP (the browser journey is ProjectsBrowserIT): a construction project through the
 * same form, the construction procedure's limits in its hints, a past deadline and an unreadable amount refused under
 * their lot's fields with the input kept and nothing saved, and no form for a bidder.
 */
class ProjectFormIT extends PlatformIT {

    private static final String PAGE = "/workbench/projects/new?procedure=GCJS_OPEN_TENDER";

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void atStart() {
        clock.set(START);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> construction(String code, String name, String deadline) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("procedure", "GCJS_OPEN_TENDER");
        f.put("projectCode", code);
        f.put("name", name);
        f.put("category", "WORKS");
        f.put("tenderCategory", "市政公用工程");
        f.put("budget", "1,200万");
        f.put("validity", "90");
        f.put("qualification", "市政公用工程施工总承包二级及以上");
        f.put("lotName", name);
        f.put("lotBudget", "12,000,000.00");
        f.put("lotDeposit", "240000");
        f.put("lotMethod", "COMPREHENSIVE");
        f.put("lotDocumentsUntil", "2026-12-01T17:00");
        f.put("lotDeadline", deadline);
        f.put("lotVenue", "云州市公共资源交易中心 第二开标室");
        f.put("lotNotice", "招标公告正文");
        f.put("action", "save");
        return f;
    }

    private long projects(String name) {
        return jdbc.sql("SELECT count(*) FROM deal_project WHERE name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void law24_theConstructionFormShowsItsLimitsRefusesAPastDeadlineUnderTheLotAndSavesThroughTheSameService()
            throws Exception {
        WebSession tenderee = new WebSession(baseUrl());
        tenderee.login("tenderee");
        String page = tenderee.get(PAGE).body();
        assertThat(page).contains("20 日").contains("《招标投标法》第二十四条").contains("《招标投标法实施条例》第二十六条")
                .doesNotContain("id=\"priceCap\""); // a price cap and an item code are procurement's

        String name = "云州大道东延段道路工程";
        Map<String, String> past = construction("YZ-2026-GC-0777", name, "2026-11-01T09:30");
        past.put("lotBudget", "一千二百万");
        HttpResponse<String> refused = tenderee.submit(PAGE, "/workbench/projects", form(past));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"lot0-deadline-error\"").contains("须晚于当前时间")
                .contains("id=\"lot0-budget-error\"").contains("标段（包）1 本标段（包）预算（元）")
                .contains("value=\"一千二百万\"").contains("value=\"" + name + "\"").contains("value=\"1,200万\"");
        assertThat(projects(name)).isZero();

        HttpResponse<String> saved = tenderee.submit(PAGE, "/workbench/projects",
                form(construction("YZ-2026-GC-0777", name, "2026-12-20T09:30")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String tenderId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM tender WHERE project_code = 'YZ-2026-GC-0777-1'")
                .query(String.class).single();
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/workbench/tenders/" + tenderId);
        assertThat(jdbc.sql("SELECT kind || ' ' || procedure_code || ' ' || budget FROM deal_project WHERE name = :n")
                .param("n", name).query(String.class).single()).isEqualTo("GCJS GCJS_OPEN_TENDER 12000000.00");
        String tenderPage = tenderee.get("/workbench/tenders/" + tenderId).body();
        assertThat(tenderPage).contains("id=\"lot-code\"").contains("-1</code>").contains("工程建设 · 公开招标");
    }

    @Test
    void aBidderHasNoProjectForm() throws Exception {
        WebSession bidder = new WebSession(baseUrl());
        bidder.login("bidder1");
        assertThat(bidder.get(PAGE).statusCode()).isEqualTo(403);
    }
}
