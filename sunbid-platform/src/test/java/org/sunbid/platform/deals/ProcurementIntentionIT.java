package org.sunbid.platform.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;

import tools.jackson.databind.JsonNode;

/**
 * 采购意向公开 (财库〔2020〕10号) before a government procurement notice, and the price cap at registration (财政部令第87号
 * Art. 12: a 最高限价 is allowed, never above the budget; no 最低限价 exists in the model). Through the real API.
 */
class ProcurementIntentionIT extends PlatformIT {

    @Autowired JdbcClient jdbc;
    @Autowired AuditLog log;

    private ApiClient api;
    private String agency;
    private String purchaser;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        agency = api.freshToken("agency");
        purchaser = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private Map<String, Object> lot(String name, String budget, String deposit) {
        return Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", budget), Map.entry("deposit", deposit), Map.entry("qualification", "具备相应资质"),
                Map.entry("evaluationMethod", "COMPREHENSIVE"), Map.entry("bidDeadline", START.plus(Duration.ofDays(21)).toString()),
                Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", "2026-11-30T09:00:00Z"), Map.entry("notice", "采购公告正文"));
    }

    private ApiClient.Response register(String kind, String procedure, String budget, String cap) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "procedureCode", procedure,
                "name", "云州市第二中学教学设备采购项目", "budget", budget, "category", kind.equals("ZFCG") ? "GOODS" : "WORKS",
                "tendereeId", purchaser, "lots", List.of(lot("采购包1", budget, "20000.00"))));
        if (cap != null) {
            body.put("priceCap", cap);
        }
        return api.post("/api/v1/projects", ApiClient.json(body), agency);
    }

    private JsonNode procurement() {
        ApiClient.Response created = register("ZFCG", "ZFCG_OPEN_TENDER", "1000000.00", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private String status(String lot) {
        return jdbc.sql("SELECT status FROM tender WHERE id = CAST(:id AS UUID)").param("id", lot).query(String.class).single();
    }

    @Test
    void caiku2020_10_theNoticeWaitsThirtyDaysAfterTheIntention() {
        // the project is registered and its intention published 30 days before START
        clock.set(START.minus(Duration.ofDays(30)));
        JsonNode project = procurement();
        String id = project.path("id").asString();
        String lot = project.path("lots").get(0).path("id").asString();
        // no intention yet: refused
        clock.set(START.minus(Duration.ofDays(29)));
        assertThat(api.publish(lot, agency).code()).isEqualTo("GPL_INTENTION_MISSING");
        clock.set(START.minus(Duration.ofDays(30)));
        ApiClient.Response published = api.post("/api/v1/projects/" + id + "/intention", ApiClient.json(Map.of(
                "summary", "采购教学用计算机 120 台及配套多媒体设备", "expected", "2026-11")), agency);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("publishedAt").asString()).isEqualTo(START.minus(Duration.ofDays(30)).toString());

        // 29 days later: refused, and nothing changes
        clock.set(START.minus(Duration.ofDays(1)));
        long logBefore = log.size();
        ApiClient.Response early = api.post("/api/v1/tenders/" + lot + "/publish", "", agency);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("GPL_INTENTION_TOO_RECENT");
        assertThat(early.json().path("detail").asString()).contains("财库〔2020〕10号").contains("30");
        ApiClient.Response en = api.send("POST", "/api/v1/tenders/" + lot + "/publish?lang=en", "", agency);
        assertThat(en.json().path("detail").asString()).contains("Caiku [2020] No. 10");
        assertThat(status(lot)).isEqualTo("DRAFT");
        assertThat(log.size()).isEqualTo(logBefore);

        // 30 days: accepted
        clock.set(START);
        assertThat(api.post("/api/v1/tenders/" + lot + "/publish", "", agency).json().path("status").asString())
                .isEqualTo("PUBLISHED");

        // the intention is public with the project: name, budget, summary, expected month, publication time
        JsonNode shown = api.get("/api/v1/public/projects/" + id, null).json().path("intention");
        assertThat(shown.path("name").asString()).isEqualTo("云州市第二中学教学设备采购项目");
        assertThat(shown.path("budget").asString()).isEqualTo("1000000.00");
        assertThat(shown.path("summary").asString()).contains("教学用计算机");
        assertThat(shown.path("expected").asString()).isEqualTo("2026-11");
        assertThat(api.get("/projects/" + id, null).body()).contains("采购意向").contains("教学用计算机");
        // recorded once, never changed
        assertThat(api.post("/api/v1/projects/" + id + "/intention", ApiClient.json(Map.of("summary", "改", "expected", "2026-12")),
                agency).code()).isEqualTo("DEALS_INTENTION_ALREADY_RECORDED");
        assertThat(jdbc.sql("SELECT count(*) FROM log_entry WHERE details LIKE '%deals.intention.published%' AND details LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void caiku2020_10_anExemptionNeedsItsReason() {
        JsonNode project = procurement();
        String id = project.path("id").asString();
        String lot = project.path("lots").get(0).path("id").asString();
        long logBefore = log.size();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("ground", "URGENT"), Map.of("ground", "URGENT", "reason", "  "),
                Map.of("reason", "抢险救灾急需"))) {
            ApiClient.Response refused = api.post("/api/v1/projects/" + id + "/intention-exemption", ApiClient.json(bad), agency);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("DEALS_INVALID_INTENTION");
        }
        // a bidder cannot record one, nothing was recorded, the notice still waits
        assertThat(api.post("/api/v1/projects/" + id + "/intention-exemption", ApiClient.json(Map.of("ground", "URGENT",
                "reason", "抢险救灾急需")), api.freshToken("bidder1")).status()).isEqualTo(404);
        assertThat(log.size()).isEqualTo(logBefore);
        assertThat(api.get("/api/v1/projects/" + id + "/intention", agency).status()).isEqualTo(404);
        assertThat(api.publish(lot, agency).code()).isEqualTo("GPL_INTENTION_MISSING");
        assertThat(status(lot)).isEqualTo("DRAFT");

        ApiClient.Response exempt = api.post("/api/v1/projects/" + id + "/intention-exemption", ApiClient.json(Map.of(
                "ground", "URGENT", "reason", "山洪灾害后急需采购应急物资，属预算单位不可预见的原因")), agency);
        assertThat(exempt.status()).as(exempt.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/tenders/" + lot + "/publish", "", agency).json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/v1/public/projects/" + id, null).json().path("intention").path("exemptionReason").asString())
                .contains("不可预见");
    }

    @Test
    void caiku2020_10_constructionPublishesNoIntention() {
        ApiClient.Response created = register("GCJS", "GCJS_OPEN_TENDER", "5000000.00", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        ApiClient.Response refused = api.post("/api/v1/projects/" + id + "/intention", ApiClient.json(Map.of(
                "summary", "施工", "expected", "2026-12")), agency);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("DEALS_INTENTION_NOT_APPLICABLE");
    }

    @Test
    void gpl87_art12_aCapAboveTheBudgetIsRefused() {
        long projects = jdbc.sql("SELECT count(*) FROM deal_project").query(Long.class).single();
        long logBefore = log.size();
        ApiClient.Response refused = register("ZFCG", "ZFCG_OPEN_TENDER", "1000000.00", "1000000.01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("DEALS_INVALID_PROJECT");
        assertThat(refused.json().path("detail").asString()).contains("priceCap");
        assertThat(jdbc.sql("SELECT count(*) FROM deal_project").query(Long.class).single()).isEqualTo(projects);
        assertThat(log.size()).isEqualTo(logBefore);
        // a cap equal to the budget is allowed
        assertThat(register("ZFCG", "ZFCG_OPEN_TENDER", "1000000.00", "1000000.00").status()).isEqualTo(201);
        // 87号令 Art. 12 forbids a 最低限价: the model has no field for one, and the API ignores any sent
        assertThat(Arrays.stream(NewProject.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(n -> n.contains("floor") || n.contains("min"));
        assertThat(Arrays.stream(ProjectView.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(n -> n.contains("floor") || n.contains("min"));
    }
}
