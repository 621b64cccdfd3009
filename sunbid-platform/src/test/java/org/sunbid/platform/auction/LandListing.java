package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A land-use-right listing (TDSYQ_LISTING, 39号令 Art. 17) the demo agency drafts for 云州市城市建设投资集团 over the
 * API, applications closing 30 days later: for the page tests (issue 17, part P).
 */
public final class LandListing {

    public static final String LOT_NAME = "云州市城东片区 2026-08 号地块国有建设用地使用权";

    private LandListing() {
    }

    /** The drafted project's JSON (id, lots[0].id, …). */
    public static JsonNode draft(ApiClient api, JdbcClient jdbc, Instant now) {
        String owner = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Map<String, Object> lot = Map.ofEntries(Map.entry("projectCode", "TD-" + System.nanoTime() % 100_000_000),
                Map.entry("name", LOT_NAME), Map.entry("category", "土地"),
                Map.entry("estimatedPrice", "32000000.00"), Map.entry("deposit", "6400000.00"),
                Map.entry("qualification", "中华人民共和国境内的法人和其他组织"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", now.plus(Duration.ofDays(30)).toString()), Map.entry("openingVenue", "网上交易系统"),
                Map.entry("bidValidityDays", 90), Map.entry("documentsAvailableUntil", now.plus(Duration.ofDays(29)).toString()),
                Map.entry("notice", "国有建设用地使用权挂牌出让公告"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "TDSYQ",
                "procedureCode", "TDSYQ_LISTING", "name", "云州市城东片区 2026-08 号地块挂牌出让", "budget", "32000000.00",
                "category", "GOODS", "tendereeId", owner, "lots", List.of(lot))), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Drafts and publishes one; the project's JSON. */
    public static JsonNode published(ApiClient api, JdbcClient jdbc, Instant now) {
        JsonNode project = draft(api, jdbc, now);
        ApiClient.Response published = api.publish(project.path("lots").get(0).path("id").asString(), api.token("agency"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return project;
    }
}
