package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.Phase;

import tools.jackson.databind.JsonNode;

/**
 * After bidding ends (issue 17 part F), on real land, mining and property lots (projects of those procedures, the
 * bidders registered with their deposits paid through the sandbox bank). The parts that bring a lot to the end of
 * bidding (terms, qualification, the live room, the reserve) were not on this branch when these tests were written:
 * the outcome the live engine gives is recorded here through {@link AuctionResults#record} (what the ReserveOpened
 * listener calls with {@code LiveAuctions.result}). Time: START (a Monday, 09:30 Beijing) and at most 12 days on;
 * only these lots are acted on; the clock goes back to START after each test.
 */
class AuctionResultsIT extends PlatformIT {

    @Autowired
    AuctionResults results;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.sunbid.platform.payments.Deposits depositsBean;

    private ApiClient client;

    @BeforeEach
    void atStart() {
        clock.set(START);
        client = new ApiClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** A published lot of {@code procedure} (deposit 200,000.00, start price 1,000,000.00), bidders registered and paid. */
    private String lot(String procedure, String kind, String... bidders) {
        String agency = client.freshToken("agency");
        String owner = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Instant deadline = clock.instant().plus(Duration.ofDays(45));
        String name = "云州市测试地块（" + procedure + "）" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> lot = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", "1000000.00"), Map.entry("deposit", "200000.00"),
                Map.entry("qualification", "中华人民共和国境内的法人"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", deadline.toString()), Map.entry("openingVenue", "网上交易系统"),
                Map.entry("bidValidityDays", 60), Map.entry("documentsAvailableUntil", deadline.toString()),
                Map.entry("notice", "出让公告：" + name));
        ApiClient.Response created = client.post("/api/v1/projects", ApiClient.json(Map.of("kind", kind, "procedureCode", procedure,
                "name", name + "出让", "budget", "1000000.00", "category", "GOODS", "tendereeId", owner, "lots", List.of(lot))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("lots").get(0).path("id").asString();
        ApiClient.Response published = client.publish(id, agency);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        for (String bidder : bidders) {
            String token = client.freshToken(bidder);
            assertThat(client.post("/api/v1/tenders/" + id + "/registrations", "", token).status()).isIn(200, 201);
            ApiClient.Response paid = client.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", id)), token);
            assertThat(paid.status()).as(paid.body()).isIn(200, 201);
        }
        clock.advance(Duration.ofHours(1));
        return id;
    }

    private UUID org(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    /** A deal for {@code winner} at {@code price} fen after {@code bids} bids, recorded now (START + 1 h). */
    private AuctionResults.ResultView deal(String lot, String winner, long price, Long reserve, long bids) {
        Bid bid = new Bid(bids, "J-" + winner, price, clock.instant().minusSeconds(240), Phase.TIMED);
        return results.record(UUID.fromString(lot), new AuctionResult(true, bid, reserve, null), 1_000_000_00L, org(winner),
                bids, clock.instant());
    }

    private long logCount(String lot, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    private JsonNode logPayload(String lot, String action) {
        String payload = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t ORDER BY seq""")
                .param("a", action).param("t", lot).query(String.class).list().get(0);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload);
    }

    private List<Map<String, Object>> refunds(String lot) {
        return jdbc.sql("""
                SELECT a.bidder_id, r.amount, r.due_at, r.due_article FROM refund_instruction r
                JOIN bank_payment p ON p.id = r.payment_id JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = CAST(:t AS UUID) ORDER BY a.bidder_id""").param("t", lot).query().listOfRows();
    }

    @Test
    void land39_art21_othersRefundedWithinFiveWorkingDays() {
        String lot = lot("TDSYQ_LISTING", "TDSYQ", "bidder1", "bidder2", "bidder3");
        assertThat(refunds(lot)).isEmpty();
        deal(lot, "bidder1", 1_250_000_00L, 1_100_000_00L, 7);

        List<Map<String, Object>> refunds = refunds(lot);
        assertThat(refunds).extracting(r -> r.get("bidder_id")).containsExactlyInAnyOrder(org("bidder2"), org("bidder3"));
        // decided Monday 23 Nov 10:30 Beijing: the fifth working day after it is Monday 30 Nov, due at its end
        assertThat(refunds).allSatisfy(r -> {
            assertThat(((java.sql.Timestamp) r.get("due_at")).toInstant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
            assertThat((String) r.get("due_article")).contains("第二十一条");
        });
        // the winner's deposit is earnest money credited to the price, not refunded
        JsonNode result = client.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("earnest").asString()).isEqualTo("200000.00");
        assertThat(jdbc.sql("SELECT status FROM deposit_earnest WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(String.class).list()).containsExactly("CREDITED_TO_PRICE");
        assertThat(logCount(lot, "payments.deposit.earnest")).isEqualTo(1);
        assertThat(logCount(lot, "payments.refund.due")).isEqualTo(2);

        // the refund path later (e.g. the construction rule at the contract) never returns the earnest money
        org.sunbid.platform.payments.Deposits deposits = depositsBean;
        assertThat(deposits.refundWinner(UUID.fromString(lot), org("bidder1"), clock.instant())).isZero();
        assertThat(deposits.refundFailedLot(UUID.fromString(lot), clock.instant())).isZero();

        // recorded once: a second outcome changes nothing
        long logSize = jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
        AuctionResults.ResultView again = deal(lot, "bidder2", 1_300_000_00L, null, 9);
        assertThat(again.winnerName()).isEqualTo(result.path("winnerName").asString());
        assertThat(again.price().toString()).isEqualTo("1250000.00");
        assertThat(refunds(lot)).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single()).isEqualTo(logSize);
    }

    @Test
    void land39_art22_resultWithinTenWorkingDays_withReserveWinningBidAndBidCountInTheLog() {
        String lot = lot("TDSYQ_LISTING", "TDSYQ", "bidder1", "bidder2");
        Instant decided = clock.instant();
        deal(lot, "bidder2", 1_250_000_00L, 1_100_000_00L, 7);
        JsonNode result = client.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("deal").asBoolean()).isTrue();
        assertThat(Instant.parse(result.path("noticePublishedAt").asString())).isEqualTo(decided);
        // the tenth working day after Monday 23 Nov is Monday 7 Dec (Beijing): published at once, within it
        assertThat(result.path("noticeDue").asString()).isEqualTo("2026-12-07T16:00:00Z");
        assertThat(result.path("noticeRule").asString()).contains("第二十二条");
        assertThat(result.path("winnerName").asString()).isNotBlank();
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder2"));

        JsonNode logged = logPayload(lot, "auction.result");
        assertThat(logged.path("reserve").asString()).isEqualTo("1100000.00");
        assertThat(logged.path("bids").asLong()).isEqualTo(7);
        assertThat(logged.path("winningBid").path("amount").asString()).isEqualTo("1250000.00");
        assertThat(logged.path("winningBid").path("seq").asLong()).isEqualTo(7);
        // anyone recomputes the outcome from the log: the winning bid meets the reserve
        assertThat(new java.math.BigDecimal(logged.path("winningBid").path("amount").asString()))
                .isGreaterThanOrEqualTo(new java.math.BigDecimal(logged.path("reserve").asString()));
    }

    @Test
    void premiumRateComputedAndPublished() {
        String lot = lot("TDSYQ_AUCTION", "TDSYQ", "bidder1", "bidder2");
        deal(lot, "bidder1", 1_333_333_33L, null, 12); // start 1,000,000.00 → premium 333,333.33 = 33.33%
        JsonNode result = client.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("premium").asString()).isEqualTo("333333.33");
        assertThat(result.path("premiumRate").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(result.path("premiumRateExact").asString()).isEqualTo("33333333/100000000");
        assertThat(result.path("reserve").isNull()).isTrue();
        JsonNode logged = logPayload(lot, "auction.result");
        assertThat(logged.path("premiumRate").asString()).isEqualTo("33.33");
        assertThat(logged.path("reserve").isNull()).isTrue();
    }

    @Test
    void kyq_resultPublicityAtLeastTenWorkingDaysPublishedWithinFive() {
        String lot = lot("KYQ_LISTING", "KYQ", "bidder1");
        deal(lot, "bidder1", 1_000_000_00L, 900_000_00L, 1);
        JsonNode result = client.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("noticeDue").asString()).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(result.path("publicityUntil").asString()).isEqualTo("2026-12-07T16:00:00Z");
        assertThat(result.path("publicityRule").asString()).contains("不少于10个工作日");
        assertThat(result.path("premiumRate").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void land39_art19_noValidBidRefundsEveryDepositWithAPublicNotice() {
        String lot = lot("TDSYQ_LISTING", "TDSYQ", "bidder1", "bidder2");
        results.record(UUID.fromString(lot), new AuctionResult(false, null, 1_100_000_00L, AuctionResult.NoDeal.NO_VALID_BID),
                1_000_000_00L, null, 0, clock.instant());
        assertThat(refunds(lot)).hasSize(2);
        assertThat(logCount(lot, "payments.deposit.earnest")).isZero();
        JsonNode notice = logPayload(lot, "auction.no-deal");
        assertThat(notice.path("reason").asString()).isEqualTo("NO_VALID_BID");
        assertThat(notice.path("text").asString()).contains("流拍").contains("第十九条");
        JsonNode result = client.get("/api/v1/auctions/" + lot + "/result", null).json();
        assertThat(result.path("deal").asBoolean()).isFalse();
        assertThat(result.path("noDealText").asString()).contains("无有效报价");
        assertThat(client.get("/api/v1/auctions/" + lot + "/confirmation", null).status()).isEqualTo(404);
    }

    @Test
    void land39_art20_confirmationSignedByWinnerThenOwnerThenPlatformAndVerifiable() throws Exception {
        String lot = lot("TDSYQ_LISTING", "TDSYQ", "bidder1", "bidder2");
        deal(lot, "bidder1", 1_250_000_00L, 1_100_000_00L, 7);
        String path = "/api/v1/auctions/" + lot + "/confirmation";
        JsonNode c = client.get(path, null).json();
        String statement = c.path("statement").asString();
        assertThat(statement).contains("\"winnerCreditCode\":\"" + creditCodeOf("bidder1") + "\"").contains("\"price\":\"1250000.00\"")
                .contains("\"reserve\":\"1100000.00\"").contains("\"premiumRate\":\"25.00\"").contains("\"bidderNumber\"");
        assertThat(c.path("dueAt").asString()).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(client.get(path + "/statement", null).body()).isEqualTo(statement);

        String owner = client.freshToken("agency");
        String ownerSignature = Sm2.signText(demoKeyOf("agency"), statement);
        // the owner's side cannot sign before the winner; another bidder cannot sign at all; a forged signature fails
        assertThat(client.post(path + "/signatures", ApiClient.json(Map.of("signature", ownerSignature)), owner).status()).isEqualTo(409);
        assertThat(client.post(path + "/signatures", ApiClient.json(Map.of("signature",
                Sm2.signText(demoKeyOf("bidder2"), statement))), client.freshToken("bidder2")).status()).isEqualTo(403);
        String winner = client.freshToken("bidder1");
        ApiClient.Response forged = client.post(path + "/signatures", ApiClient.json(Map.of("signature",
                Sm2.signText(demoKeyOf("bidder2"), statement))), winner);
        assertThat(forged.status()).as(forged.body()).isEqualTo(400);
        assertThat(client.get(path, null).json().path("signatures").size()).isZero();

        ApiClient.Response signed = client.post(path + "/signatures", ApiClient.json(Map.of("signature",
                Sm2.signText(demoKeyOf("bidder1"), statement))), winner);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(client.post(path + "/signatures", ApiClient.json(Map.of("signature",
                Sm2.signText(demoKeyOf("bidder1"), statement))), winner).status()).isEqualTo(409);
        ApiClient.Response countersigned = client.post(path + "/signatures", ApiClient.json(Map.of("signature", ownerSignature)), owner);
        assertThat(countersigned.status()).as(countersigned.body()).isEqualTo(200);

        JsonNode done = client.get(path, null).json();
        assertThat(done.path("complete").asBoolean()).isTrue();
        assertThat(done.path("signatures")).extracting(s -> s.path("signer").asString()).containsExactly("WINNER", "OWNER", "PLATFORM");
        // verifiable by anyone from the download: each signature against its certificate
        for (JsonNode s : done.path("signatures")) {
            assertThat(Sm2.verifyText(Pem.certificate(s.path("certificatePem").asString()).getPublicKey(), statement,
                    s.path("signature").asString())).as(s.path("signer").asString()).isTrue();
        }
        assertThat(done.path("signatures").get(0).path("certificatePem").asString()).isEqualTo(Pem.encode(demoCertificateOf("bidder1")));
        assertThat(logCount(lot, "auction.confirmation.signed")).isEqualTo(3);
        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        results.flagOverdue();
        assertThat(logCount(lot, "auction.confirmation.overdue")).isZero();
    }

    @Test
    void land39_art20_confirmationNotSignedWithinFiveWorkingDaysIsFlaggedOnce() {
        String lot = lot("TDSYQ_LISTING", "TDSYQ", "bidder1", "bidder2");
        deal(lot, "bidder2", 1_100_000_00L, null, 3);
        clock.set(Instant.parse("2026-11-30T15:59:00Z"));
        results.flagOverdue();
        assertThat(logCount(lot, "auction.confirmation.overdue")).isZero();
        clock.set(Instant.parse("2026-11-30T16:01:00Z"));
        results.flagOverdue();
        results.flagOverdue();
        assertThat(logCount(lot, "auction.confirmation.overdue")).isEqualTo(1);
        assertThat(client.get("/api/v1/auctions/" + lot + "/confirmation", null).json().path("overdue").asBoolean()).isTrue();
    }

    @Test
    void gycq32_art27_firstInstalmentAtLeastThirtyPercent() {
        String lot = lot("GYCQ_ONLINE_BIDDING", "GYCQ", "bidder1", "bidder2");
        deal(lot, "bidder1", 2_000_000_00L, null, 5); // price 2,000,000.00; earnest 200,000.00 counted as paid
        String owner = client.freshToken("agency");
        String path = "/api/v1/auctions/" + lot + "/payments";
        // Art. 27: instalments only with a guarantee and interest
        assertThat(client.send("PUT", path + "/plan", ApiClient.json(Map.of("guarantee", "", "interestRate", 3.45)), owner).status())
                .isEqualTo(400);
        assertThat(client.send("PUT", path + "/plan", ApiClient.json(Map.of("guarantee", "云州银行履约保函 BH-001",
                "interestRate", 3.45)), client.freshToken("bidder1")).status()).isEqualTo(403);
        ApiClient.Response plan = client.send("PUT", path + "/plan", ApiClient.json(Map.of("guarantee", "云州银行履约保函 BH-001",
                "interestRate", 3.45)), owner);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().path("firstPaymentRequired").asString()).isEqualTo("600000.00");
        assertThat(plan.json().path("firstPaymentDue").asString()).isEqualTo("2026-11-30T16:00:00Z");
        assertThat(plan.json().path("paid").asString()).isEqualTo("200000.00");

        clock.advance(Duration.ofHours(2));
        ApiClient.Response paid = client.post(path, ApiClient.json(Map.of("amount", "300000.00",
                "paidAt", clock.instant().minusSeconds(60).toString())), owner);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("firstPaymentMet").asBoolean()).isFalse(); // 500,000.00 < 30% of 2,000,000.00
        assertThat(client.post(path, ApiClient.json(Map.of("amount", "1500000.01",
                "paidAt", clock.instant().toString())), owner).status()).isEqualTo(400); // more than outstanding
        assertThat(logCount(lot, "auction.payment")).isEqualTo(1);

        clock.set(Instant.parse("2026-11-30T16:01:00Z"));
        results.flagOverdue();
        results.flagOverdue();
        assertThat(logCount(lot, "auction.payment.overdue")).isEqualTo(1);
        JsonNode schedule = client.get(path, client.freshToken("agency")).json();
        assertThat(schedule.path("firstOverdue").asBoolean()).isTrue();
        // the balance within 12 months of the deal (decided 23 Nov 2026 10:30 Beijing)
        assertThat(schedule.path("balanceDue").asString()).isEqualTo("2027-11-23T02:30:00Z");
        assertThat(schedule.path("balanceOverdue").asBoolean()).isFalse();
        assertThat(client.get(path, null).status()).isIn(401, 403);
    }

    @Test
    void gycq32_art27_aThirtyPercentFirstPaymentInTimeIsMet() {
        String lot = lot("GYCQ_ONLINE_BIDDING", "GYCQ", "bidder1", "bidder2");
        deal(lot, "bidder2", 2_000_000_00L, null, 5);
        String owner = client.freshToken("agency");
        String path = "/api/v1/auctions/" + lot + "/payments";
        assertThat(client.send("PUT", path + "/plan", ApiClient.json(Map.of("guarantee", "保函", "interestRate", 3.45)), owner)
                .status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        JsonNode s = client.post(path, ApiClient.json(Map.of("amount", "400000.00", "paidAt", clock.instant().toString())), owner).json();
        assertThat(s.path("firstPaymentMet").asBoolean()).as(s.toString()).isTrue();
        assertThat(s.path("outstanding").asString()).isEqualTo("1400000.00");
        clock.set(Instant.parse("2026-11-30T16:01:00Z"));
        results.flagOverdue();
        assertThat(logCount(lot, "auction.payment.overdue")).isZero();
    }
}
