package org.sunbid.platform.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.Tenders;

/**
 * Spring Modulith's event publication registry (table {@code event_publication}) with a real after-commit listener,
 * payments' Reg. 26 flags at closing ({@code Deposits.flagNotFromBasicAccount}, an {@code @ApplicationModuleListener}):
 * the publication is written by the closing transaction, completed when the listener's transaction commits, stays
 * incomplete when the listener fails, and runs again when resubmitted or when the application starts; a second run
 * flags nothing twice. Nothing acknowledged is lost between the two commits.
 */
class EventPublicationRegistryIT extends PlatformIT {

    private static final String PUBLICATION = """
            SELECT CAST(id AS VARCHAR) AS id, completion_date IS NOT NULL AS completed, status, completion_attempts
              FROM event_publication
             WHERE listener_id LIKE '%Deposits.flagNotFromBasicAccount%' AND serialized_event LIKE :t""";
    private static final String FLAGS = """
            SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'payments.deposit.not-basic-account'
               AND details::json->>'subject' = :t""";

    @Autowired
    Tenders tenders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    Environment environment;

    private ApiClient api;
    private String tenderId;

    @BeforeEach
    void aTenderWithADepositFromAnotherAccount() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        tenderId = publishTender(api, Duration.ofDays(21), "500000").path("id").asString();
        assertThat(api.post("/api/v1/tenders/" + tenderId + "/registrations", "", api.token("bidder3")).status()).isEqualTo(200);
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId,
                "payerName", "云州某商贸有限公司", "payerAccount", "6222 0211 5566 7788")), api.token("bidder3"));
        assertThat(paid.json().path("platformAnswer").asString()).contains("\"result\":\"NOT_BASIC_ACCOUNT\"");
    }

    @AfterEach
    void backToStart() throws Exception {
        runAsAdministrator("GRANT INSERT ON deposit_payment_flag TO sunbid_app");
        clock.set(START);
    }

    private Map<String, Object> publication() {
        return jdbc.sql(PUBLICATION).param("t", "%" + tenderId + "%").query().singleRow();
    }

    private long flags() {
        return jdbc.sql(FLAGS).param("t", tenderId).query(Long.class).single();
    }

    private void runAsAdministrator(String sql) throws Exception {
        try (Connection c = databaseAdministrator(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void closeBidding() {
        assertThat(jdbc.sql(PUBLICATION).param("t", "%" + tenderId + "%").query().listOfRows()).isEmpty();
        clock.advance(Duration.ofDays(22));
        tenders.closeDueTenders();
    }

    @Test
    void theClosingRecordsThePublicationAndTheListenerCompletesItAfterTheCommit() {
        closeBidding();
        // Recorded by the closing transaction, which has committed when closeDueTenders returns.
        assertThat(jdbc.sql(PUBLICATION).param("t", "%" + tenderId + "%").query().listOfRows()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publication().get("completed")).isEqualTo(true));
        assertThat(publication().get("status")).isEqualTo("COMPLETED");
        assertThat(flags()).isEqualTo(1);
        // So is every other after-commit listener of this closing (a row per listener, none left incomplete).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT listener_id FROM event_publication WHERE serialized_event LIKE :t AND completion_date IS NULL""")
                .param("t", "%" + tenderId + "%").query(String.class).list()).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :t")
                .param("t", "%" + tenderId + "%").query(Long.class).single()).isGreaterThan(1);
        assertThat(jdbc.sql("SELECT count(*) FROM deposit_payment_flag f JOIN bank_payment p ON p.id = f.payment_id"
                + " WHERE p.sub_account IN (SELECT sub_account FROM deposit_account WHERE tender_id = CAST(:t AS UUID))")
                .param("t", tenderId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedListenerStaysIncompleteAndRunsAgainAtRestartWithoutFlaggingTwice() throws Exception {
        // The listener fails (its database role may not write the flag): the closing itself stands.
        runAsAdministrator("REVOKE INSERT ON deposit_payment_flag FROM sunbid_app");
        closeBidding();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publication().get("status")).isEqualTo("FAILED"));
        assertThat(publication().get("completed")).isEqualTo(false);
        assertThat(flags()).isZero();
        assertThat(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", tenderId).query(String.class)
                .single()).isEqualTo("BIDDING_CLOSED");

        // Repaired, then what the application does when it starts: every incomplete publication runs again.
        runAsAdministrator("GRANT INSERT ON deposit_payment_flag TO sunbid_app");
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart", Boolean.class))
                .isTrue();
        ((SmartInitializingSingleton) incomplete).afterSingletonsInstantiated();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publication().get("completed")).isEqualTo(true));
        assertThat(flags()).isEqualTo(1);

        // A crash after the listener committed but before its publication was marked complete: it runs once more, and
        // flags nothing twice.
        String id = (String) publication().get("id");
        runAsAdministrator("UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED' WHERE id = '" + id + "'");
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(UUID.fromString(id)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publication().get("completed")).isEqualTo(true));
        assertThat(flags()).isEqualTo(1);
    }
}
