package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.Phase;
import org.sunbid.platform.credit.CreditParties;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20 fix D: the 竞得人's default (国土资源部令第39号第二十条; 民法典第五百八十七条). Only the lot's owner side declares
 * it, once something is overdue; the winner's deposit (its earnest money) is forfeited — never refunded, never flagged
 * as an overdue refund — and one credit record barring auction qualification is made, a repeat making none.
 */
class AuctionDefaultIT extends PlatformIT {

    @Autowired AuctionResults results;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.sunbid.platform.payments.Deposits deposits;

    private ApiClient client;
    private AuctionFlow flow;

    @BeforeEach
    void atStart() {
        clock.set(START);
        client = new ApiClient(baseUrl());
        flow = new AuctionFlow(this, context);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
        // The records made here bar a demo bidder for a year in the database every test class shares, and later tests
        // register those bidders: once this test has checked them, they are voided (withdrawn from their start).
        CreditParties.voidRecords(jdbc, "platform", "auction.default:%");
    }

    private UUID org(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    private long records(String lot) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_record WHERE source_ref = :r").param("r", "auction.default:" + lot)
                .query(Long.class).single();
    }

    private long count(String sql, String lot) {
        return jdbc.sql(sql).param("t", UUID.fromString(lot)).query(Long.class).single();
    }

    private ApiClient.Response declare(String lot, String username) {
        return client.post("/api/v1/auctions/" + lot + "/default", ApiClient.json(java.util.Map.of("reason", "竞得人逾期未签订成交确认书")),
                client.freshToken(username));
    }

    @Test
    void land39_art20_theOwnerDeclaresTheWinnersDefault_depositForfeitedOnceAndOneCreditRecord() {
        String lot = flow.ready("TDSYQ_LISTING", START, 2).id();
        long price = 9_000_000_00L;
        results.record(UUID.fromString(lot), new AuctionResult(true, new Bid(3, "J-bidder2", price,
                clock.instant().minusSeconds(240), Phase.TIMED), null, null), 8_000_000_00L, org("bidder2"), 3, clock.instant());
        UUID winner = org("bidder2");

        // before the 成交确认书 is overdue: no default yet
        ApiClient.Response early = declare(lot, "agency");
        assertThat(early.code()).as(early.body()).isEqualTo("DEFAULT_NOT_DUE");
        Instant due = Instant.parse(client.get("/api/v1/auctions/" + lot + "/confirmation", null).json().path("dueAt").asString());
        clock.set(due.plusSeconds(60));

        // only the owner side: the winner itself, another bidder, the supervisor and the centre are refused; nothing changes
        for (String other : List.of("bidder2", "bidder1", "supervisor", "centre")) {
            ApiClient.Response refused = declare(lot, other);
            assertThat(refused.status()).as(other + " " + refused.body()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("DEFAULT_NOT_OWNER");
        }
        assertThat(records(lot)).isZero();
        assertThat(count("SELECT COUNT(*) FROM deposit_forfeiture WHERE tender_id = :t", lot)).isZero();

        ApiClient.Response declared = declare(lot, "agency");
        assertThat(declared.status()).as(declared.body()).isEqualTo(200);
        JsonNode d = declared.json();
        assertThat(d.path("winnerId").asString()).isEqualTo(winner.toString());
        assertThat(d.path("basis").asString()).contains("第二十条");
        assertThat(records(lot)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT array_to_string(gates, ',') FROM credit_record WHERE source_ref = :r")
                .param("r", "auction.default:" + lot).query(String.class).single()).isEqualTo("AUCTION_QUALIFICATION");
        assertThat(jdbc.sql("SELECT subject_key FROM credit_record WHERE source_ref = :r").param("r", "auction.default:" + lot)
                .query(String.class).single()).isEqualTo(creditCodeOf("bidder2"));

        // a retry (by the tenderee this time) makes no second record, no second forfeiture
        assertThat(declare(lot, "tenderee").status()).isEqualTo(200);
        assertThat(records(lot)).isEqualTo(1);
        long forfeited = count("SELECT COUNT(*) FROM deposit_forfeiture WHERE tender_id = :t", lot);
        assertThat(forfeited).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'payments.deposit.forfeited' "
                + "AND details::json->>'subject' = :t").param("t", lot).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM deposit_earnest WHERE tender_id = :t").param("t", UUID.fromString(lot))
                .query(String.class).list()).containsOnly("FORFEITED");

        // the winner's deposit is never refunded, whatever refund path runs, nor flagged as an overdue refund
        deposits.refundFailedLot(UUID.fromString(lot), clock.instant());
        deposits.refundWinner(UUID.fromString(lot), winner, clock.instant());
        clock.set(due.plus(java.time.Duration.ofDays(60)));
        deposits.flagOverdueRefunds();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM refund_instruction r JOIN bank_payment p ON p.id = r.payment_id
                JOIN deposit_account a ON a.id = p.deposit_account_id WHERE a.tender_id = :t AND a.bidder_id = :b""")
                .param("t", UUID.fromString(lot)).param("b", winner).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'payments.refund.overdue' "
                + "AND details::json->>'subject' = :t AND payload LIKE :b").param("t", lot).param("b", "%" + winner + "%")
                .query(Long.class).single()).isZero();
        // a declared default is the decision: the confirmation is no longer flagged overdue
        results.flagOverdue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'auction.confirmation.overdue' "
                + "AND details::json->>'subject' = :t").param("t", lot).query(Long.class).single()).isZero();
    }
}
