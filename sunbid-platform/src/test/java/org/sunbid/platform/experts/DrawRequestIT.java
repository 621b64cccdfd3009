package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.Tenders;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance 5 and the request's rules: a draw that cannot be satisfied is refused with the shortfall named and
 * nothing kept; Law 37 is enforced; a request that becomes short once the bidders' employers count (at closing,
 * before the evaluation day) is marked short with the shortfall named, in the log.
 */
class DrawRequestIT extends PlatformIT {

    @Autowired JdbcClient jdbc;
    @Autowired AuditLog log;
    @Autowired Tenders tenders;
    @Autowired Experts experts;
    @Autowired Accounts accounts;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private static String request(Instant start, int representatives, List<Map<String, Object>> specialties, List<String> avoid) {
        return ApiClient.json(Map.of("evaluationStart", start.toString(), "evaluationVenue", "第一评标室",
                "representatives", representatives, "specialties", specialties, "poolRegions", List.of("990100"), "avoid", avoid));
    }

    @Test
    void tooFewEligibleExpertsIsRefusedNamingTheShortfallAndNothingIsKept() {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "20000");
        String id = tender.path("id").asString();
        Instant start = Instant.parse(tender.path("bidDeadline").asString()).plus(Duration.ofHours(2));
        String agency = api.freshToken("agency");
        long logBefore = log.size();

        ApiClient.Response short_ = api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 0, List.of(Map.of("code", "A03", "count", 9)), List.of()), agency);
        assertThat(short_.code()).isEqualTo("DRAW_POOL_SHORT");
        assertThat(short_.json().path("detail").asString()).contains("A03").contains("水利水电工程").contains("需 9 名")
                .containsPattern("仅 \\d 名");

        // Law 37: five or more, odd, experts at least two thirds.
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 0, List.of(Map.of("code", "A01", "count", 4)), List.of()), agency).code())
                .isEqualTo("COMMITTEE_COMPOSITION");
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 2, List.of(Map.of("code", "A01", "count", 3)), List.of()), agency).code())
                .isEqualTo("COMMITTEE_COMPOSITION");
        // Bad input, each named.
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(Instant.parse(tender.path("bidDeadline").asString()), 0, List.of(Map.of("code", "A01", "count", 5)),
                        List.of()), agency).json().path("detail").asString()).contains("evaluationStart");
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 0, List.of(Map.of("code", "A", "count", 5)), List.of()), agency).code()).isEqualTo("DRAW_INVALID");
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 0, List.of(Map.of("code", "A01", "count", 5)), List.of("无此人")), agency).json()
                .path("detail").asString()).contains("无此人");
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws", "{\"evaluationStart\":\"tomorrow\"}", agency).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(start, 0, List.of(Map.of("code", "A01", "count", 5)), List.of()), api.freshToken("bidder1")).status())
                .isEqualTo(403);

        assertThat(jdbc.sql("SELECT count(*) FROM expert_draw WHERE tender_id = :t").param("t", UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(log.size()).isEqualTo(logBefore);
    }

    @Test
    void aRequestThatTheBiddersEmployersMakeShortIsMarkedShortAtClosing() {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "20000");
        String id = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        UUID bidder3 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder3'").query(UUID.class).single();
        long lawyers = jdbc.sql("""
                SELECT count(*) FROM expert x JOIN expert_specialty s ON s.expert_id = x.id
                WHERE s.specialty_code = 'C02' AND x.status = 'ACTIVE'""").query(Long.class).single();
        for (int i = 0; i < 2; i++) {
            String username = "lawyer-of-bidder3-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            UUID account = accounts.create(new Accounts.NewAccount(username, "投标人法务" + i, PASSWORD, Role.EXPERT, null, "990100"),
                    Actor.SYSTEM);
            experts.register(account, bidder3, "990100", "律师", List.of("C02"), "1360000" + (1000 + i), Actor.SYSTEM);
        }
        assertThat(api.post("/api/v1/tenders/" + id + "/registrations", "", api.freshToken("bidder3")).status()).isEqualTo(200);

        // While registrations are anonymous the check leaves the bidders' employers out (its answer must not depend on them).
        int wanted = (int) lawyers + 1;
        ApiClient.Response requested = api.post("/api/v1/tenders/" + id + "/expert-draws",
                request(deadline.plus(Duration.ofDays(1)), 0, List.of(Map.of("code", "C02", "count", wanted),
                        Map.of("code", "A01", "count", wanted % 2 == 0 ? 5 : 4)), List.of()), api.freshToken("agency"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        String drawId = requested.json().path("id").asString();

        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        awaitEventsCompleted(org.sunbid.platform.tendering.BiddingClosed.class); // the draws' feasibility recheck runs after the close commits
        JsonNode draw = api.get("/api/v1/expert-draws/" + drawId, api.freshToken("centre")).json();
        assertThat(draw.path("status").asString()).isEqualTo("SHORT");
        assertThat(draw.path("shortfall").asString()).contains("C02").contains("需 " + wanted + " 名").contains("仅 " + lawyers + " 名");
        assertThat(jdbc.sql("SELECT count(*) FROM log_entry WHERE details::json->>'subject' = :d AND details::json->>'action' = 'experts.draw.short'")
                .param("d", drawId).query(Long.class).single()).isEqualTo(1);

        // The recheck ran after tendering committed the close, as a registered (crash-safe) publication, now completed.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE listener_id LIKE '%DrawFeasibility%'
                AND event_type LIKE '%BiddingClosed' AND serialized_event LIKE :t AND completion_date IS NOT NULL""")
                .param("t", "%" + id + "%").query(Long.class).single()).isEqualTo(1);
    }
}
