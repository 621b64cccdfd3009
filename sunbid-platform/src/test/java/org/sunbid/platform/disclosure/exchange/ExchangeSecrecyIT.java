package org.sunbid.platform.disclosure.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.TenderPublished;

/**
 * Attacks on the national exchange (issue 18, acceptance 4): no one but centre staff and administrators starts a
 * replay or reads the receipts, and a refused attempt changes nothing; before a tender's deadline the exchange holds
 * nothing about its registrations or bids, even after a replay by staff.
 */
class ExchangeSecrecyIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.sunbid.platform.deals.Projects projects;

    @AfterEach
    void restore() {
        clock.set(START);
    }

    private List<Long> exchangeState() {
        return List.of("exchange_outbox", "exchange_receipt", "exchange_replay", "exchange_sandbox_record").stream()
                .map(t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()).toList();
    }

    private String outboxDigest() {
        return jdbc.sql("""
                SELECT coalesce(md5(string_agg(record_id || content_sm3 || coalesce(delivered_at::text, '-') || attempts,
                                               ',' ORDER BY record_id, content_sm3)), '') FROM exchange_outbox""")
                .query(String.class).single();
    }

    @Test
    void noOneButCentreStaffOrAnAdministratorStartsAReplayOrReadsTheReceiptsAndARefusalChangesNothing() {
        ApiClient api = new ApiClient(baseUrl());
        String body = ApiClient.json(Map.of("from", "2026-01-01"));
        List<Long> before = exchangeState();
        String digest = outboxDigest();
        for (String user : List.of("bidder1", "agency", "tenderee", "supervisor", "expert01")) {
            ApiClient.Response r = api.post("/api/v1/exchange/replays", body, api.token(user));
            assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(api.get("/api/v1/exchange/receipts", api.token(user)).status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("/api/v1/exchange/replays", body, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/exchange/receipts", null).status()).isEqualTo(401);
        assertThat(exchangeState()).isEqualTo(before);
        assertThat(outboxDigest()).isEqualTo(digest);
    }

    @Test
    void beforeATendersDeadlineTheExchangeHoldsNothingAboutItsRegistrationsOrBids() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderId = publishTender(api, Duration.ofDays(20), "10000.00").path("id").asString();
        assertThat(sealAndUpload(tenderId, "bidder1", "950000.00")).isTrue();
        assertThat(sealAndUpload(tenderId, "bidder2", "960000.00")).isTrue();
        awaitEventsCompleted(TenderPublished.class);
        ApiClient.Response replay = api.post("/api/v1/exchange/replays", ApiClient.json(Map.of("from", "2026-01-01")),
                api.token("centre"));
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);

        String dealCode = projects.ofLot(java.util.UUID.fromString(tenderId)).orElseThrow().dealCode();
        List<String> datasets = jdbc.sql("SELECT DISTINCT dataset FROM exchange_outbox WHERE deal_code = :d ORDER BY dataset")
                .param("d", dealCode).query(String.class).list();
        assertThat(datasets).containsExactly("GCJS_NOTICE", "GCJS_PROJECT", "GCJS_SECTION", "GCJS_TENDER_PROJECT");
        List<String> secrets = List.of(organisationName("bidder1"), creditCodeOf("bidder1"), organisationName("bidder2"),
                creditCodeOf("bidder2"), "950000.00", "960000.00");
        for (String table : List.of("exchange_outbox", "exchange_sandbox_record")) {
            List<String> payloads = jdbc.sql("SELECT payload FROM " + table + " WHERE deal_code = :d").param("d", dealCode)
                    .query(String.class).list();
            assertThat(payloads).isNotEmpty();
            for (String secret : secrets) {
                assertThat(payloads).as(table + " / " + secret).noneMatch(p -> p.contains(secret));
            }
        }
    }

    private String organisationName(String username) {
        return jdbc.sql("SELECT o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = :u")
                .param("u", username).query(String.class).single();
    }
}
