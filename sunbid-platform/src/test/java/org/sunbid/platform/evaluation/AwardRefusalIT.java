package org.sunbid.platform.evaluation;

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
import org.sunbid.platform.ProcurementFlow;
import org.sunbid.platform.credit.CreditParties;
import org.sunbid.platform.payments.Deposits;

/**
 * Issue 20 fix D: the winner does not sign the contract (招标投标法实施条例第七十四条; government procurement: 政府采购法
 * 实施条例第四十九条、第七十二条). Only the lot's owner side records it; the winner's deposit is forfeited — never refunded,
 * never flagged as an overdue refund — no contract is then recorded with it nor flagged overdue, and one credit record
 * barring bidding is made, a repeat making none. Choosing the next candidate is not part of this step.
 */
class AwardRefusalIT extends PlatformIT {

    static final Instant DEADLINE = Instant.parse("2026-11-26T02:00:00Z");

    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Deposits deposits;
    @Autowired Awards awards;

    @AfterEach
    void backToStart() {
        clock.set(START);
        // The records made here bar a demo bidder for a year in the database every test class shares, and later tests
        // register those bidders: once this test has checked them, they are voided (withdrawn from their start).
        CreditParties.voidRecords(jdbc, "platform", "evaluation.award-refused:%");
    }

    private long records(String lot) {
        return jdbc.sql("SELECT COUNT(*) FROM credit_record WHERE source_ref = :r").param("r", "evaluation.award-refused:" + lot)
                .query(Long.class).single();
    }

    private long logCount(String lot, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    @Test
    void reg74_gplReg49_theOwnerRecordsTheWinnersRefusal_depositForfeitedOnceAndOneCreditRecord() throws Exception {
        clock.set(START);
        ProcurementFlow flow = new ProcurementFlow(this, context);
        String lot = flow.lot("ZFCG_INQUIRY", "云州市机关事务局会议桌询价采购", "300000.00", "GOODS", DEADLINE,
                "LOWEST_EVALUATED_PRICE", "6000.00");
        assertThat(flow.plan(lot, ProcurementFlow.LOWEST_PLAN).status()).isEqualTo(200);
        flow.invite(lot, "bidder1", "bidder2", "bidder3");
        assertThat(flow.publish(lot).status()).isEqualTo(200);
        clock.set(START.plus(Duration.ofHours(2)));
        flow.respond(lot, "bidder1", "271000.00", "bidder2", "269000.00", "bidder3", "273000.00");
        flow.closeAndOpen(lot, DEADLINE, 3, 2);
        List<String> members = flow.evaluationStarted(lot);
        flow.reviewed(lot, members, List.of());
        flow.reportSigned(lot, members);
        ApiClient.Response awarded = flow.award(lot, "bidder2");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        UUID winner = UUID.fromString(flow.orgOf("bidder2"));
        ApiClient api = flow.api();
        String path = "/api/v1/tenders/" + lot + "/award/refusal";
        String body = ApiClient.json(Map.of("kind", "CONTRACT", "reason", "中标供应商书面表示不再签订合同，无正当理由"));

        // only the owner side: the winner itself, another supplier, the supervisor and the centre are refused; nothing changes
        for (String other : List.of("bidder2", "bidder1", "supervisor", "centre")) {
            ApiClient.Response refused = api.post(path, body, api.freshToken(other));
            assertThat(refused.status()).as(other + " " + refused.body()).isEqualTo(403);
            assertThat(refused.code()).isIn("AWARD_REFUSAL_NOT_OWNER", "FORBIDDEN"); // a bidder: refused by its role already
        }
        assertThat(records(lot)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deposit_forfeiture WHERE tender_id = :t").param("t", UUID.fromString(lot))
                .query(Long.class).single()).isZero();
        assertThat(flow.stage(lot)).isEqualTo("AWARDED");

        ApiClient.Response recorded = api.post(path, body, api.freshToken("agency"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().path("winnerId").asString()).isEqualTo(winner.toString());
        assertThat(recorded.json().path("forfeited").asString()).isEqualTo("6000.00");
        assertThat(recorded.json().path("basis").asString()).contains("第四十九条");
        assertThat(records(lot)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT array_to_string(gates, ',') FROM credit_record WHERE source_ref = :r")
                .param("r", "evaluation.award-refused:" + lot).query(String.class).single()).isEqualTo("BIDDING");
        assertThat(jdbc.sql("SELECT credit_class FROM credit_record WHERE source_ref = :r")
                .param("r", "evaluation.award-refused:" + lot).query(String.class).single()).isEqualTo("GENERAL");
        // a retry makes no second record and forfeits nothing again
        assertThat(api.post(path, body, api.freshToken("agency")).status()).isEqualTo(200);
        assertThat(records(lot)).isEqualTo(1);
        assertThat(logCount(lot, "payments.deposit.forfeited")).isEqualTo(1);
        assertThat(logCount(lot, "evaluation.award.refused")).isEqualTo(1);

        // no contract with the refusing winner; its deposit never refunded nor flagged overdue; no contract flag either
        assertThat(api.post("/api/v1/tenders/" + lot + "/contract", "{}", api.freshToken("agency")).code()).isEqualTo("AWARD_REFUSED");
        deposits.refundWinner(UUID.fromString(lot), winner, clock.instant());
        clock.set(clock.instant().plus(Duration.ofDays(60)));
        deposits.flagOverdueRefunds();
        awards.checkContracts();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM refund_instruction r JOIN bank_payment p ON p.id = r.payment_id
                JOIN deposit_account a ON a.id = p.deposit_account_id WHERE a.tender_id = :t AND a.bidder_id = :b""")
                .param("t", UUID.fromString(lot)).param("b", winner).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'payments.refund.overdue' "
                + "AND details::json->>'subject' = :t AND payload LIKE :b").param("t", lot).param("b", "%" + winner + "%")
                .query(Long.class).single()).isZero();
        assertThat(logCount(lot, "evaluation.contract.overdue")).isZero();
    }
}
