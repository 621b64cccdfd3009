package org.sunbid.platform.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.verifier.Verifier;

/**
 * A construction tender over the real API with a controllable clock: drafted by an agency, published, clarified,
 * suspended by an objection and resumed, closed at the deadline; every step in the transparency log.
 */
class TenderingIT extends PlatformIT {

    @Autowired
    Tenders tenders;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String cityInvestment;

    @BeforeEach
    void setUp() {
        api = new ApiClient(baseUrl());
        cityInvestment = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private String tenderJson(String code, Duration toDeadline, String deposit) {
        Instant now = clock.instant();
        return ApiClient.json(Map.ofEntries(Map.entry("projectCode", code), Map.entry("name", "云州市图书馆改扩建工程"),
                Map.entry("category", "房屋建筑工程"), Map.entry("estimatedPrice", "25000000.00"), Map.entry("deposit", deposit),
                Map.entry("qualification", "建筑工程施工总承包二级及以上"), Map.entry("evaluationMethod", "COMPREHENSIVE"),
                Map.entry("bidDeadline", now.plus(toDeadline).toString()), Map.entry("openingVenue", "第一开标室"),
                Map.entry("bidValidityDays", 90), Map.entry("documentsAvailableUntil", now.plus(Duration.ofDays(7)).toString()),
                Map.entry("notice", "现对云州市图书馆改扩建工程进行公开招标。"), Map.entry("tendereeId", cityInvestment),
                Map.entry("lots", java.util.List.of(Map.of("name", "施工标段", "estimatedPrice", "25000000.00")))));
    }

    private String code() {
        return "IT-" + System.nanoTime() % 100_000_000;
    }

    @Test
    void fromDraftToBiddingClosedWithAClarificationAndAnObjection() {
        String agency = api.token("agency");
        long logBefore = log.size();
        ApiClient.Response created = api.post("/api/v1/tenders", tenderJson(code(), Duration.ofDays(20), "500000"), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String path = "/api/v1/tenders/" + id;

        // A draft is the owners' and the region's staff's only.
        assertThat(api.get(path, null).status()).isEqualTo(404);
        assertThat(api.get(path, api.token("bidder1")).status()).isEqualTo(404);
        assertThat(api.get(path, api.token("tenderee")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("centre")).status()).isEqualTo(200);
        assertThat(api.get(path, api.token("qs-centre")).status()).isEqualTo(404); // a city tender, outside 青山县

        // Publishing issues the documents: without any it is refused, naming what is missing, and nothing changes.
        long logBeforePublishing = log.size();
        ApiClient.Response noDocuments = api.post(path + "/publish", "", agency);
        assertThat(noDocuments.status()).isEqualTo(422);
        assertThat(noDocuments.contentType()).startsWith("application/problem+json");
        assertThat(noDocuments.code()).isEqualTo("TENDER_DOCUMENTS_MISSING");
        assertThat(noDocuments.json().path("detail").asString()).contains("招标文件").contains("第二十四条");
        assertThat(api.get(path, agency).json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(log.size()).isEqualTo(logBeforePublishing);

        assertThat(api.publish(id, agency).json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get(path, null).status()).isEqualTo(200);

        // Day 12: a clarification that affects preparation, 8 days before the deadline, moves it to day 27 (Law 23).
        clock.advance(Duration.ofDays(12));
        ApiClient.Response clarified = api.post(path + "/clarifications",
                "{\"text\":\"工程量清单第 5 项数量更正\",\"affectsPreparation\":true}", api.freshToken("tenderee"));
        assertThat(clarified.status()).isEqualTo(200);
        Instant day27 = START.plus(Duration.ofDays(27));
        assertThat(Instant.parse(clarified.json().path("deadlineMovedTo").asString())).isEqualTo(day27);

        // Day 13: a bidder objects (Reg. 22: 14 days before the deadline): suspended.
        clock.advance(Duration.ofDays(1));
        ApiClient.Response objection = api.post(path + "/objections", "{\"text\":\"评分标准中业绩分值设置不合理\"}", api.freshToken("bidder3"));
        assertThat(objection.status()).isEqualTo(200);
        var view = api.get(path, null).json();
        assertThat(view.path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(view.toString()).doesNotContain("objectorId").doesNotContain("bidder3");

        // Day 15: the agency answers; the deadline moves by the two days of suspension.
        clock.advance(Duration.ofDays(2));
        ApiClient.Response answered = api.post(path + "/objections/" + objection.json().path("id").asString() + "/answer",
                "{\"text\":\"已调整业绩分值，见澄清二。\"}", api.freshToken("agency")); // tokens expire after 8 hours
        assertThat(answered.json().path("status").asString()).isEqualTo("PUBLISHED");
        Instant extended = day27.plus(Duration.ofDays(2));
        assertThat(Instant.parse(answered.json().path("bidDeadline").asString())).isEqualTo(extended);

        // At the deadline the system closes bidding.
        clock.set(extended.minusMillis(1));
        tenders.closeDueTenders();
        assertThat(api.get(path, null).json().path("status").asString()).isEqualTo("PUBLISHED");
        clock.set(extended);
        tenders.closeDueTenders();
        assertThat(api.get(path, null).json().path("status").asString()).isEqualTo("BIDDING_CLOSED");

        // Every step is in the log; the objector's identity only as a sealed entry until the deadline.
        String actions = String.join(" ", jdbc.sql("SELECT details FROM log_entry WHERE seq >= :s AND details LIKE :id")
                .param("s", logBefore).param("id", "%" + id + "%").query(String.class).list());
        assertThat(actions).contains("tendering.tender.drafted", "tendering.tender.published", "tendering.clarification.issued",
                "tendering.objection.raised", "tendering.tender.suspended", "tendering.objection.answered",
                "tendering.bidding.closed");
        assertThat(Verifier.run("log", baseUrl()).ok()).isTrue();
        // The objector's entry stayed sealed until bidding closed; closing disclosed it in a public entry that repeats its
        // salted details, checked by the verifier against the sealed entry's commitment.
        String disclosed = jdbc.sql("SELECT payload FROM log_entry WHERE details::json->>'action' = 'tendering.objection.disclosed'"
                + " AND details::json->>'subject' = :t").param("t", id).query(String.class).single();
        assertThat(disclosed).contains("bidder3").contains("tendering.objection.raised");
        long sealedSeq = new ApiClient.Response(200, "application/json", disclosed).json().path("sealedSeq").asLong();
        var sealedEntry = api.get("/api/v1/log/entries?start=" + sealedSeq + "&end=" + (sealedSeq + 1), null).json().get(0);
        assertThat(sealedEntry.path("sealed").asBoolean()).isTrue();
        assertThat(sealedEntry.path("commitment").asString())
                .isEqualTo(org.sunbid.crypto.log.LogLeaf.commitment(new ApiClient.Response(200, "application/json", disclosed).json()
                        .path("details").asString()));
    }

    @Test
    void law24_publishingWithNineteenDaysAndTwentyThreeHoursIsRefusedWithTheArticle() {
        String agency = api.token("agency");
        String id = api.post("/api/v1/tenders", tenderJson(code(), Duration.ofDays(20).minusMinutes(1), "500000"), agency)
                .json().path("id").asString();
        ApiClient.Response refused = api.publish(id, agency);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("LAW_24_BIDDING_PERIOD_TOO_SHORT");
        assertThat(refused.json().path("detail").asString()).contains("第二十四条").contains("19 天 23 小时 59 分钟");
        assertThat(api.get("/api/v1/tenders/" + id, agency).json().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void reg26_aDepositAboveTwoPercentIsRefusedAndNothingIsStored() {
        long before = jdbc.sql("SELECT count(*) FROM tender").query(Long.class).single();
        ApiClient.Response refused = api.post("/api/v1/tenders", tenderJson(code(), Duration.ofDays(25), "500000.01"),
                api.token("agency"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("REG_26_DEPOSIT_TOO_HIGH");
        assertThat(refused.json().path("detail").asString()).contains("第二十六条").contains("500000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM tender").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyTheTendersOwnersMayActOnIt() {
        String id = api.post("/api/v1/tenders", tenderJson(code(), Duration.ofDays(25), "100000"), api.token("agency"))
                .json().path("id").asString();
        api.publish(id, api.token("agency"));
        ApiClient.Response stranger = api.post("/api/v1/tenders/" + id + "/clarifications",
                "{\"text\":\"x\",\"affectsPreparation\":false}", api.token("tenderee2"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("FORBIDDEN");
    }
}
