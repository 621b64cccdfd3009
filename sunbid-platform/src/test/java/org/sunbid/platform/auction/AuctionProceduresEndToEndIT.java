package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.BiddingClosed;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17, acceptance 1: each runnable auction procedure end to end over HTTP only — the announcement (terms,
 * publication), applications with deposits paid through the sandbox bank, the close of applications (bidder numbers),
 * the sealed reserve (PUT …/reserve before RESERVE_DEADLINE; the custodians release their shares after the end), live
 * bids in the room with the server clock (the TestClock, moved between bids), the end of bidding, the result
 * (GET …/result) and the refunds. Each test asserts what the public sees (room, result, log entries) and that every
 * refused step changed nothing (the room's public state and the engine's bid list).
 *
 * <p>Time (brief 17): every test starts at {@code START}, moves the clock forward only as far as its lot needs (the
 * earliest schedule {@link AuctionFlow#plan} allows, within START + 60 d), closes only its own lot
 * ({@code tenders.closeIfDue}) and puts the clock back to START afterwards.
 */
class AuctionProceduresEndToEndIT extends PlatformIT {

    private static final String START_PRICE = "8000000.00";
    private static final String INCREMENT = "100000.00";
    private static final String DEPOSIT = "1600000.00";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired LiveAuctions live;

    private AuctionFlow flow;
    private ApiClient api;

    @BeforeEach
    void start() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
        api = flow.api();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    // ------------------------------------------------------------------------------------------------------------------
    // land: 挂牌 with a freeze and a timed round (国土资源部令第39号 Art. 17–19; 苏州工业园区网上挂牌规则)

    @Test
    void land39_art17_19_listingFreezeThenTimedRoundFromHighestPlusIncrementCountdownRestartsDealAtReserve() throws Exception {
        // reserve 8,300,000.00 sealed before its deadline; three bidders qualify
        Lot lot = lot("TDSYQ_LISTING", 3, "8300000.00");

        // free bidding during the listing (the qualified bidders, once applications closed), by whole increments only
        at(lot.applicationClose.plusSeconds(60));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        assertThat(accepted(lot, "bidder1", "8000000.00").path("phase").asString()).isEqualTo("FREE");
        assertRefused(lot, "bidder2", "8150000.00", "BID_NOT_WHOLE_INCREMENT");
        assertRefused(lot, "bidder1", "8100000.00", "BID_ALREADY_HIGHEST");
        at(clock.instant().plusSeconds(3600));
        accepted(lot, "bidder2", "8100000.00");

        // LISTING_FREEZE: listing bids stop one hour before the listing's end
        at(lot.freeEnd.minus(Duration.ofMinutes(60)).minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        at(lot.freeEnd.minus(Duration.ofMinutes(60)));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FROZEN");
        assertRefused(lot, "bidder3", "8200000.00", "AUCTION_FROZEN");
        at(lot.freeEnd.minusMillis(1));
        assertRefused(lot, "bidder1", "8200000.00", "AUCTION_FROZEN");

        // the timed round starts at the listing's end (TIMED_ROUND_PAUSE 0) from the highest listing bid + one increment
        at(lot.freeEnd);
        JsonNode timed = room(lot, null);
        assertThat(timed.path("phase").asString()).isEqualTo("TIMED");
        assertThat(timed.path("currentPrice").asString()).isEqualTo("8100000.00");
        assertThat(timed.path("minimumNext").asString()).isEqualTo("8200000.00");
        assertThat(Instant.parse(timed.path("endsAt").asString())).isEqualTo(lot.freeEnd.plus(Duration.ofMinutes(4)));

        // every valid bid restarts the countdown (COUNTDOWN 4 minutes) from its receipt
        Instant t1 = lot.freeEnd.plusSeconds(50);
        at(t1);
        JsonNode r1 = accepted(lot, "bidder3", "8200000.00");
        assertThat(r1.path("phase").asString()).isEqualTo("TIMED");
        assertThat(Instant.parse(r1.path("endsAt").asString())).isEqualTo(t1.plus(Duration.ofMinutes(4)));
        Instant t2 = t1.plus(Duration.ofMinutes(3)).plusMillis(999);
        at(t2);
        JsonNode r2 = accepted(lot, "bidder1", "8300000.00");
        Instant endsAt = Instant.parse(r2.path("endsAt").asString());
        assertThat(endsAt).isEqualTo(t2.plus(Duration.ofMinutes(4))).isAfter(t1.plus(Duration.ofMinutes(4)));
        assertThat(Instant.parse(room(lot, null).path("endsAt").asString())).isEqualTo(endsAt);
        // an equal amount later is too low (Art. 19: the tie goes to the earlier receipt); the countdown does not move
        at(t2.plusMillis(1));
        assertThat(assertRefused(lot, "bidder2", "8300000.00", "BID_TOO_LOW").path("minimumNext").asString()).isEqualTo("8400000.00");

        // no bid in the countdown: bidding ends at the exact instant; a bid then is late, with the exact server times
        at(endsAt.minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("TIMED");
        at(endsAt);
        JsonNode late = assertRefused(lot, "bidder2", "8400000.00", "AUCTION_ENDED");
        assertThat(late.path("receivedAt").asString()).isEqualTo(endsAt.toString());
        assertThat(late.path("endedAt").asString()).isEqualTo(endsAt.toString());

        // the custodians open the reserve after the end; the highest bid meets it (≥ reserve): a deal
        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), true);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("reserve").asString()).isEqualTo("8300000.00");
        assertThat(result.path("price").asString()).isEqualTo("8300000.00");
        assertThat(result.path("winnerNumber").asString()).isEqualTo(numberOf(lot, "bidder1"));
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder1"));
        assertThat(result.path("bids").asLong()).isEqualTo(4);
        assertThat(result.path("earnest").asString()).isEqualTo(DEPOSIT);
        assertThat(refundedBidders(lot)).containsExactlyInAnyOrder(org("bidder2"), org("bidder3"));
        assertThat(flow.logCount(lot.id, "payments.deposit.earnest")).isEqualTo(1);
        assertBidsLoggedOnce(lot, 4);
        assertThat(flow.logCount(lot.id, "auction.result")).isEqualTo(1);
    }

    @Test
    void land39_art11_17_19_bidderAdmittedOnDayOneOfTheListingBidsThenARivalAdmittedLaterOutbidsNobodyLearnsTheCount()
            throws Exception {
        // a listing published at START with a sealed reserve; nobody has applied when it starts
        AuctionFlow.Plan plan = flow.plan("TDSYQ_LISTING", START);
        String id = flow.lot("TDSYQ_LISTING", "云州挂牌期间竞买测试地块" + System.nanoTime() % 10000, START_PRICE, DEPOSIT,
                plan.applicationClose());
        assertThat(flow.terms(id, flow.termsBody("TDSYQ_LISTING", plan, START_PRICE, INCREMENT)).status()).isEqualTo(200);
        assertThat(flow.publish(id, START).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/auctions/" + id + "/reserve", ApiClient.json(Map.of("amount", "8200000.00")),
                api.freshToken("agency")).status()).isEqualTo(200);
        Lot lot = new Lot(id, plan.applicationClose(), plan.biddingStart(), plan.freeEnd(), START_PRICE);

        // day 1 of the listing: the room is open (Art. 17: bidding during the whole listing) though nobody qualified yet
        at(lot.biddingStart.plus(Duration.ofHours(1)));
        live.tick();
        JsonNode empty = room(lot, null);
        assertThat(empty.path("phase").asString()).isEqualTo("FREE");
        Map<String, String> publicBefore = publicViews(lot);
        long seqBefore = logSize();

        // bidder1 applies and pays during the listing: qualified at once, it alone learns its number
        flow.bidder(id, "bidder1");
        live.tick();
        String n1 = numberOf(lot, "bidder1");
        assertThat(n1).matches("[1-9][0-9]{5}");
        assertThat(api.get("/api/v1/auctions/" + id + "/bidder", api.freshToken("bidder2")).code()).isEqualTo("NO_BIDDER_NUMBER");
        // nobody else learns that someone was admitted: the public views (room with its version, lot, numbers) did not
        // change, and the log gained no entry about the lot nor any auction entry (the commitment is a confidential record)
        assertThat(publicViews(lot)).isEqualTo(publicBefore);
        assertThat(auctionOrLotEntriesSince(seqBefore, id)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM log_confidential WHERE action = 'auction.bidder.admitted' AND subject = :s")
                .param("s", id).query(Long.class).single()).isEqualTo(1);
        // and it bids on day 1
        assertThat(accepted(lot, "bidder1", "8000000.00").path("phase").asString()).isEqualTo("FREE");

        // day 3: bidder2 applies and pays; admitted by the engine's tick — again nothing public shows it
        at(lot.biddingStart.plus(Duration.ofDays(2)));
        live.tick(); // the accepted bid reaches the log in its batch
        Map<String, String> publicAfterBid = publicViews(lot);
        long seqAfterBid = logSize();
        flow.bidder(id, "bidder2");
        live.tick();
        assertThat(publicViews(lot)).isEqualTo(publicAfterBid);
        assertThat(auctionOrLotEntriesSince(seqAfterBid, id)).isEmpty();
        // the rival outbids by one whole increment
        assertThat(accepted(lot, "bidder2", "8100000.00").path("phase").asString()).isEqualTo("FREE");
        assertThat(bid(lot, "bidder3", "8200000.00").code()).isEqualTo("BIDDER_NOT_QUALIFIED"); // never applied

        // the close of applications fixes the set: the numbers are public now, as before, with their commitments
        assertThat(flow.closeApplications(id, lot.applicationClose)).isTrue();
        awaitEventsCompleted(BiddingClosed.class);
        live.tick();
        JsonNode numbers = api.get("/api/v1/auctions/" + id + "/bidders", null).json().path("numbers");
        assertThat(List.of(numbers.get(0).asString(), numbers.get(1).asString()))
                .containsExactlyInAnyOrder(n1, numberOf(lot, "bidder2"));
        assertThat(flow.logCount(id, AuctionBidders.QUALIFIED)).isEqualTo(1);

        // two bidders (TIMED_ROUND_MIN_BIDDERS counted on the final set): freeze, then the timed round as before
        at(lot.freeEnd.minus(Duration.ofMinutes(30)));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FROZEN");
        at(lot.freeEnd);
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("TIMED");
        Instant t1 = lot.freeEnd.plusSeconds(30);
        at(t1);
        Instant endsAt = Instant.parse(accepted(lot, "bidder1", "8200000.00").path("endsAt").asString());
        assertThat(endsAt).isEqualTo(t1.plus(Duration.ofMinutes(4)));
        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), true);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("8200000.00");
        assertThat(result.path("winnerNumber").asString()).isEqualTo(n1);
        assertThat(result.path("bids").asLong()).isEqualTo(3);
        assertBidsLoggedOnce(lot, 3);

        // when bidding ended each admission is disclosed with its confidential record, which verifies against the root
        // committed in public before the close (the log showed neither when nor how many were admitted)
        awaitEventsCompleted(BiddingEnded.class);
        tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        JsonNode disclosed = mapper.readTree(jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t""")
                .param("a", AuctionBidders.DISCLOSED).param("t", id).query(String.class).single());
        assertThat(disclosed.path("bidders")).hasSize(2);
        for (JsonNode b : disclosed.path("bidders")) {
            JsonNode admission = b.path("admission");
            assertThat(admission.isObject()).as(b.toString()).isTrue();
            long committedSeq = admission.path("committedSeq").asLong();
            assertThat(committedSeq).isLessThan(jdbc.sql("""
                    SELECT min(seq) FROM log_entry WHERE details::json->>'action' = 'tendering.bidding.closed'
                    AND details::json->>'subject' = :t""").param("t", id).query(Long.class).single() + 2);
            String root = mapper.readTree(jdbc.sql("SELECT payload FROM log_entry WHERE seq = :s").param("s", committedSeq)
                    .query(String.class).single()).path("root").asString();
            List<String> path = new ArrayList<>();
            admission.path("path").forEach(p -> path.add(p.asString()));
            org.sunbid.platform.audit.ConfidentialRecords.Disclosure record = new org.sunbid.platform.audit.ConfidentialRecords.Disclosure(
                    admission.path("record").asString(), committedSeq, admission.path("leafIndex").asInt(),
                    admission.path("batchSize").asInt(), path);
            assertThat(record.verify(root)).isTrue();
            assertThat(record.record()).contains(b.path("commitment").asString()).contains(b.path("bidderNumber").asString());
        }
    }

    /** What the public sees of a lot: its room (version included), its view and its bidder numbers. */
    private Map<String, String> publicViews(Lot lot) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("room", api.get("/api/v1/auctions/" + lot.id + "/room", null).body());
        out.put("lot", api.get("/api/v1/auctions/" + lot.id, null).body());
        out.put("bidders", api.get("/api/v1/auctions/" + lot.id + "/bidders", null).body());
        return out;
    }

    private long logSize() {
        return jdbc.sql("SELECT COALESCE(max(seq), 0) FROM log_entry").query(Long.class).single();
    }

    /** The actions of the log entries after {@code seq} about lot {@code lot} or from the auction context. */
    private List<String> auctionOrLotEntriesSince(long seq, String lot) {
        return jdbc.sql("""
                SELECT details::json->>'action' FROM log_entry WHERE seq > :s
                AND (details::json->>'subject' = :t OR details::json->>'action' LIKE 'auction.%') ORDER BY seq""")
                .param("s", seq).param("t", lot).query(String.class).list();
    }

    @Test
    void land39_art19_tieGoesToTheEarlierReceiptEvenAtTheSameServerInstant() throws Exception {
        Lot lot = lot("TDSYQ_AUCTION", 2, null);
        at(lot.biddingStart.minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("SCHEDULED");
        assertRefused(lot, "bidder1", START_PRICE, "AUCTION_NOT_STARTED");
        Instant t = lot.biddingStart.plusSeconds(20);
        at(t);
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("TIMED");
        JsonNode first = accepted(lot, "bidder2", "8000000.00");
        assertThat(first.path("receivedAt").asString()).isEqualTo(t.toString());
        // the same amount received after it, at the very same server time: the later receipt is refused
        JsonNode tie = assertRefused(lot, "bidder1", "8000000.00", "BID_TOO_LOW");
        assertThat(tie.path("receivedAt").asString()).isEqualTo(t.toString());
        assertThat(tie.path("minimumNext").asString()).isEqualTo("8100000.00");
        Instant endsAt = Instant.parse(first.path("endsAt").asString());

        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder2"));
        assertThat(result.path("price").asString()).isEqualTo("8000000.00");
        assertThat(result.path("bids").asLong()).isEqualTo(1);
        assertThat(refundedBidders(lot)).containsExactly(org("bidder1"));
    }

    @Test
    void land39_art16_19_reserveNotMetNoDealEveryDepositRefunded() throws Exception {
        Lot lot = lot("TDSYQ_AUCTION", 2, "9000000.00");
        at(lot.biddingStart.plusSeconds(30));
        accepted(lot, "bidder1", "8000000.00");
        at(lot.biddingStart.plusSeconds(90));
        JsonNode last = accepted(lot, "bidder2", "8500000.00");
        // nobody — not the bidders, not the public — learns during bidding whether a bid meets the reserve
        assertThat(api.get("/api/v1/auctions/" + lot.id + "/room", null).body()).doesNotContainIgnoringCase("reserve");
        assertThat(api.get("/api/v1/auctions/" + lot.id + "/result", null).status()).isEqualTo(404);

        JsonNode result = endAndOpen(lot, Instant.parse(last.path("endsAt").asString()).plusSeconds(1), true);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("noDealReason").asString()).isEqualTo("BELOW_RESERVE");
        assertThat(result.path("reserve").asString()).isEqualTo("9000000.00");
        assertThat(result.path("bids").asLong()).isEqualTo(2);
        assertThat(refundedBidders(lot)).containsExactlyInAnyOrder(org("bidder1"), org("bidder2"));
        assertThat(flow.logCount(lot.id, "payments.deposit.earnest")).isZero();
        assertThat(flow.logCount(lot.id, "auction.no-deal")).isEqualTo(1);
        assertThat(api.get("/api/v1/auctions/" + lot.id + "/confirmation", null).status()).isEqualTo(404);
    }

    @Test
    void land39_art19_singleBidderListingHasNoFreezeNorTimedRoundAndDealsAtOrAboveReserve() throws Exception {
        Lot lot = lot("TDSYQ_LISTING", 1, "8100000.00");
        at(lot.applicationClose.plusSeconds(60));
        accepted(lot, "bidder1", "8000000.00");
        // one qualified bidder: no timed round, hence no freeze: listing bids until the listing's end
        at(lot.freeEnd.minus(Duration.ofMinutes(30)));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        assertRefused(lot, "bidder1", "8100000.00", "BID_ALREADY_HIGHEST");
        assertThat(room(lot, null).path("bids").asLong()).isEqualTo(1);
        at(lot.freeEnd);
        JsonNode late = assertRefused(lot, "bidder1", "8100000.00", "AUCTION_ENDED");
        assertThat(late.path("endedAt").asString()).isEqualTo(lot.freeEnd.toString());

        JsonNode result = endAndOpen(lot, lot.freeEnd.plusSeconds(1), true);
        // 8,000,000.00 < reserve 8,100,000.00: no deal even with one bidder
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("noDealReason").asString()).isEqualTo("BELOW_RESERVE");
        assertThat(refundedBidders(lot)).containsExactly(org("bidder1"));
    }

    @Test
    void kyq2023_1_singleBidderListingAtOrAboveReserveDealsWithoutTimedRound() throws Exception {
        Lot lot = lot("KYQ_LISTING", 1, "8100000.00");
        at(lot.applicationClose.plusSeconds(60));
        accepted(lot, "bidder1", "8100000.00");
        at(lot.freeEnd.minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        at(lot.freeEnd);
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("ENDED");

        JsonNode result = endAndOpen(lot, lot.freeEnd.plusSeconds(1), true);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("8100000.00");
        assertThat(result.path("reserve").asString()).isEqualTo("8100000.00");
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder1"));
        assertThat(result.path("premiumRate").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(result.path("miningIncome").path("rate").asString()).isEqualTo("3.6"); // 出让收益 apart from the bid
        assertThat(refundedBidders(lot)).isEmpty();
    }

    @Test
    void kyq2023_1_auctionWithFewerThanThreeBiddersIsNotHeld() throws Exception {
        Lot lot = lot("KYQ_AUCTION", 2, null);
        at(lot.biddingStart.plusSeconds(10));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("ENDED");
        JsonNode refused = assertRefused(lot, "bidder1", START_PRICE, "AUCTION_ENDED");
        assertThat(refused.path("endedAt").asString()).isEqualTo(lot.biddingStart.toString());

        JsonNode result = endAndOpen(lot, lot.biddingStart.plusSeconds(11), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("noDealReason").asString()).isEqualTo("TOO_FEW_BIDDERS");
        assertThat(result.path("noDealText").asString()).contains("竞买人不足");
        assertThat(result.path("bids").asLong()).isZero();
        assertThat(refundedBidders(lot)).containsExactlyInAnyOrder(org("bidder1"), org("bidder2"));
    }

    @Test
    void kyq2023_1_noBidInTheCountdownTheListingBidWinsAndALateBidIsRefusedWithTheExactServerTimes() throws Exception {
        Lot lot = lot("KYQ_LISTING", 2, null);
        at(lot.applicationClose.plusSeconds(60));
        accepted(lot, "bidder2", "8200000.00"); // start price + 2 increments
        // KYQ_LISTING has no freeze: free bidding up to the listing's end, then the timed round (COUNTDOWN 5 minutes)
        at(lot.freeEnd.minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        at(lot.freeEnd.plusSeconds(1));
        JsonNode timed = room(lot, null);
        assertThat(timed.path("phase").asString()).isEqualTo("TIMED");
        assertThat(timed.path("minimumNext").asString()).isEqualTo("8300000.00");
        Instant endsAt = lot.freeEnd.plus(Duration.ofMinutes(5));
        assertThat(Instant.parse(timed.path("endsAt").asString())).isEqualTo(endsAt);

        Instant receivedAt = endsAt.plusMillis(7);
        at(receivedAt);
        JsonNode late = assertRefused(lot, "bidder1", "8300000.00", "AUCTION_ENDED");
        assertThat(late.path("receivedAt").asString()).isEqualTo(receivedAt.toString());
        assertThat(late.path("endedAt").asString()).isEqualTo(endsAt.toString());
        assertThat(late.path("detail").asString()).contains(receivedAt.toString()).contains(endsAt.toString());

        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("8200000.00");
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder2"));
        assertThat(refundedBidders(lot)).containsExactly(org("bidder1"));
        assertThat(jdbc.sql("SELECT ended_at FROM auction_room WHERE lot_id = :l").param("l", UUID.fromString(lot.id))
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(endsAt);
    }

    // ------------------------------------------------------------------------------------------------------------------
    // state property: 网络竞价 (国资委 财政部令第32号 Art. 17, 18, 22)

    @Test
    void gycq32_art18_22_redisclosureBelowNinetyPercentNeedsTheRecordedApprovalThenFreeAndTimedBidding() throws Exception {
        // the first disclosure at the appraisal (Art. 17), without a deal; the re-disclosure at 7,000,000.00 < 90%
        AuctionFlow.Lot first = flow.published("GYCQ_ONLINE_BIDDING", START, START_PRICE, INCREMENT, "800000.00");
        AuctionFlow.Plan plan = flow.plan("GYCQ_ONLINE_BIDDING", START, "7000000.00");
        String id = flow.lot("GYCQ_ONLINE_BIDDING", "云州城投物业股权再次披露" + System.nanoTime() % 1000, "7000000.00", "700000.00",
                plan.applicationClose());
        Map<String, Object> terms = flow.termsBody("GYCQ_ONLINE_BIDDING", plan, "7000000.00", INCREMENT);
        terms.remove("appraisal");
        terms.put("previousLotId", first.id());
        terms.put("reserveSealed", false);
        assertThat(flow.terms(id, terms).status()).isEqualTo(200);

        List<Object> before = publicationState(id);
        ApiClient.Response refused = flow.publish(id, START);
        assertThat(refused.code()).as(refused.body()).isEqualTo("AUCTION_APPROVAL_REQUIRED");
        assertThat(refused.body()).contains("第十八条").contains("7200000.00");
        assertThat(publicationState(id)).isEqualTo(before);
        assertThat(flow.view(id).status()).isEqualTo(404); // still a draft: nothing public

        Map<String, Object> approved = new LinkedHashMap<>(terms);
        approved.put("approval", Map.of("approver", "云州市人民政府国有资产监督管理委员会", "documentNumber", "云国资产权〔2026〕21号",
                "date", "2026-11-20", "fileSm3", org.sunbid.crypto.Sm3.hex("书面同意文件")));
        assertThat(flow.terms(id, approved).status()).isEqualTo(200);
        ApiClient.Response published = flow.publish(id, START);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode view = flow.view(id).json();
        assertThat(view.path("approval").path("documentNumber").asString()).isEqualTo("云国资产权〔2026〕21号");
        assertThat(view.path("appraisal").asString()).isEqualTo(START_PRICE);
        assertThat(flow.logCount(id, "auction.approval.recorded")).isEqualTo(1);

        flow.bidders(id, 2);
        assertThat(flow.closeApplications(id, plan.applicationClose())).isTrue();
        awaitEventsCompleted(BiddingClosed.class);
        Lot lot = new Lot(id, plan.applicationClose(), plan.biddingStart(), plan.freeEnd(), "7000000.00");

        // 自由报价 (free bidding) until the free end, then 限时报价 (timed) with a 5-minute countdown
        at(plan.biddingStart().plusSeconds(30));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        accepted(lot, "bidder1", "7000000.00");
        at(plan.biddingStart().plus(Duration.ofHours(2)));
        accepted(lot, "bidder2", "7100000.00");
        at(plan.freeEnd().plusSeconds(30));
        JsonNode timed = room(lot, null);
        assertThat(timed.path("phase").asString()).isEqualTo("TIMED");
        assertThat(timed.path("minimumNext").asString()).isEqualTo("7200000.00");
        JsonNode restart = accepted(lot, "bidder1", "7200000.00");
        Instant endsAt = Instant.parse(restart.path("endsAt").asString());
        assertThat(endsAt).isEqualTo(plan.freeEnd().plusSeconds(30).plus(Duration.ofMinutes(5)));
        assertThat(room(lot, "bidder1").path("you").path("leading").asBoolean()).isTrue();
        assertThat(room(lot, "bidder2").path("you").path("leading").asBoolean()).isFalse();

        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("7200000.00");
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder1"));
        assertThat(result.path("earnest").asString()).isEqualTo("700000.00");
        assertThat(refundedBidders(lot)).containsExactly(org("bidder2"));
        assertBidsLoggedOnce(lot, 3);
    }

    @Test
    void gycq32_art39_capitalIncreaseFortyWorkingDayCallOneInvestorNoTimedRoundDeals() throws Exception {
        // Art. 39: the capital increase's call runs ≥ 40 working days, so bidding starts later than a transfer's (Art. 13)
        Lot lot = lot("GYCQ_CAPITAL_INCREASE", 1, null);
        assertThat(lot.biddingStart).isAfter(flow.plan("GYCQ_ONLINE_BIDDING", START).biddingStart().plus(Duration.ofDays(20)));
        at(lot.biddingStart.minusSeconds(1));
        assertRefused(lot, "bidder1", START_PRICE, "AUCTION_NOT_STARTED");
        at(lot.biddingStart.plusSeconds(60));
        accepted(lot, "bidder1", START_PRICE);
        // Art. 22: a timed round only where two or more investors compete; one investor's free bid stands at the free end
        at(lot.freeEnd.minusMillis(1));
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("FREE");
        at(lot.freeEnd);
        JsonNode late = assertRefused(lot, "bidder1", "8100000.00", "AUCTION_ENDED");
        assertThat(late.path("endedAt").asString()).isEqualTo(lot.freeEnd.toString());

        JsonNode result = endAndOpen(lot, lot.freeEnd.plusSeconds(1), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo(START_PRICE);
        assertThat(result.path("premiumRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder1"));
        assertThat(refundedBidders(lot)).isEmpty();
    }

    @Test
    void gycq32_art48_22_assetTransferTenWorkingDayNoticeFreeThenTimedBidLastSecondRestartsThenLateBidRefused() throws Exception {
        // Art. 48: an asset at or below the value band is noticed ≥ 10 working days, so bidding starts before a transfer's
        Lot lot = lot("GYCQ_ASSET_TRANSFER", 2, null);
        assertThat(lot.biddingStart).isBefore(flow.plan("GYCQ_ONLINE_BIDDING", START).biddingStart());
        at(lot.biddingStart.plusSeconds(5));
        accepted(lot, "bidder1", START_PRICE);
        at(lot.biddingStart.plus(Duration.ofHours(1)));
        accepted(lot, "bidder2", "8100000.00");
        // the timed round: a bid in the countdown's last millisecond restarts it in full
        Instant last = lot.freeEnd.plus(Duration.ofMinutes(5)).minusMillis(1);
        at(last);
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("TIMED");
        JsonNode restart = accepted(lot, "bidder1", "8200000.00");
        Instant endsAt = Instant.parse(restart.path("endsAt").asString());
        assertThat(endsAt).isEqualTo(last.plus(Duration.ofMinutes(5)));
        at(endsAt.plusMillis(1));
        JsonNode late = assertRefused(lot, "bidder2", "8300000.00", "AUCTION_ENDED");
        assertThat(late.path("receivedAt").asString()).isEqualTo(endsAt.plusMillis(1).toString());
        assertThat(late.path("endedAt").asString()).isEqualTo(endsAt.toString());

        JsonNode result = endAndOpen(lot, endsAt.plusSeconds(1), false);
        assertThat(result.path("deal").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("price").asString()).isEqualTo("8200000.00");
        assertThat(result.path("winnerCreditCode").asString()).isEqualTo(creditCodeOf("bidder1"));
        assertThat(result.path("bids").asLong()).isEqualTo(3);
        assertThat(refundedBidders(lot)).containsExactly(org("bidder2"));
        assertBidsLoggedOnce(lot, 3);
    }

    // ------------------------------------------------------------------------------------------------------------------

    /** A lot of the test: id, when applications closed (bidders qualified), when bidding starts, when the listing / free bidding ends (null for an auction). */
    private record Lot(String id, Instant applicationClose, Instant biddingStart, Instant freeEnd, String startPrice) {
    }

    /**
     * A lot of {@code procedure} published at START on the earliest plan (start 8,000,000.00, increment 100,000.00,
     * deposit 1,600,000.00), the reserve sealed by the agency now where {@code reserve} is given (else announced as
     * none), bidder1 … bidder{@code n} paid, applications closed and the bidders qualified.
     */
    private Lot lot(String procedure, int bidders, String reserve) {
        AuctionFlow.Plan plan = flow.plan(procedure, START);
        String id = flow.lot(procedure, "云州端到端测试标的" + System.nanoTime() % 10000, START_PRICE, DEPOSIT, plan.applicationClose());
        Map<String, Object> terms = flow.termsBody(procedure, plan, START_PRICE, INCREMENT);
        terms.put("reserveSealed", reserve != null);
        ApiClient.Response set = flow.terms(id, terms);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        ApiClient.Response published = flow.publish(id, START);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        if (reserve != null) {
            ApiClient.Response sealed = api.send("PUT", "/api/v1/auctions/" + id + "/reserve", ApiClient.json(Map.of("amount", reserve)),
                    api.freshToken("agency"));
            assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        }
        flow.bidders(id, bidders);
        assertThat(flow.closeApplications(id, plan.applicationClose())).isTrue();
        awaitEventsCompleted(BiddingClosed.class);
        assertThat(api.get("/api/v1/auctions/" + id + "/bidders", null).body()).isNotEmpty();
        return new Lot(id, plan.applicationClose(), plan.biddingStart(), plan.freeEnd(), START_PRICE);
    }

    private void at(Instant instant) {
        clock.set(instant);
    }

    private JsonNode room(Lot lot, String user) {
        ApiClient.Response r = api.get("/api/v1/auctions/" + lot.id + "/room", user == null ? null : api.freshToken(user));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private ApiClient.Response bid(Lot lot, String bidder, String amount) {
        return api.post("/api/v1/auctions/" + lot.id + "/bids", ApiClient.json(Map.of("amount", amount)),
                api.freshToken(bidder)); // fresh: the clock moves days between bids, past a cached token's expiry
    }

    /** {@code bidder}'s bid of {@code amount} is accepted at the clock's time and the room shows it; the answer. */
    private JsonNode accepted(Lot lot, String bidder, String amount) {
        long before = room(lot, null).path("bids").asLong();
        ApiClient.Response r = bid(lot, bidder, amount);
        assertThat(r.status()).as(bidder + " " + amount + ": " + r.body()).isEqualTo(200);
        assertThat(r.json().path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        assertThat(r.json().path("bidderNumber").asString()).isEqualTo(numberOf(lot, bidder));
        JsonNode after = room(lot, null);
        assertThat(after.path("bids").asLong()).isEqualTo(before + 1);
        assertThat(after.path("currentPrice").asString()).isEqualTo(amount);
        assertThat(after.path("leader").asString()).isEqualTo(numberOf(lot, bidder));
        return r.json();
    }

    /** {@code bidder}'s bid is refused with {@code code}, the exact receipt time, and nothing public changed; the problem. */
    private JsonNode assertRefused(Lot lot, String bidder, String amount, String code) {
        Map<String, Object> before = publicState(lot);
        ApiClient.Response r = bid(lot, bidder, amount);
        assertThat(r.code()).as(bidder + " " + amount + ": " + r.body()).isEqualTo(code);
        assertThat(r.json().path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        assertThat(publicState(lot)).isEqualTo(before);
        return r.json();
    }

    /** What a refused bid must leave as it was: the room as the public sees it (not its version) and the accepted bids. */
    private Map<String, Object> publicState(Lot lot) {
        JsonNode room = room(lot, null);
        Map<String, Object> s = new LinkedHashMap<>();
        for (String field : List.of("phase", "currentPrice", "leader", "bids", "endsAt", "minimumNext", "increment")) {
            s.put(field, room.path(field).toString());
        }
        s.put("engine", live.bids(UUID.fromString(lot.id)));
        return s;
    }

    private String numberOf(Lot lot, String bidder) {
        return api.get("/api/v1/auctions/" + lot.id + "/bidder", api.freshToken(bidder)).json().path("bidderNumber").asString();
    }

    /**
     * The clock past the end: the engine ends bidding on its tick (once), the custodians release their shares of the
     * sealed reserve where there is one, and the result is published; the public result.
     */
    private JsonNode endAndOpen(Lot lot, Instant after, boolean sealedReserve) throws Exception {
        at(after);
        live.tick();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> flow.logCount(lot.id, "auction.bidding.ended") == 1);
        awaitEventsCompleted(BiddingEnded.class);
        assertThat(room(lot, null).path("phase").asString()).isEqualTo("ENDED");
        if (sealedReserve) {
            assertThat(api.get("/api/v1/auctions/" + lot.id + "/result", null).status()).isEqualTo(404); // not before the opening
            for (String custodian : List.of("centre", "supervisor")) {
                ApiClient.Response released = releaseReserveShare(lot.id, custodian);
                assertThat(released.status()).as(released.body()).isEqualTo(200);
            }
        }
        awaitEventsCompleted(ReserveOpened.class);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/auctions/" + lot.id + "/result", null).status() == 200);
        live.tick();
        assertThat(flow.logCount(lot.id, "auction.bidding.ended")).isEqualTo(1);
        return api.get("/api/v1/auctions/" + lot.id + "/result", null).json();
    }

    /** A custodian's tool: its encrypted share of the reserve key, decrypted with its organisation's key, released. */
    private ApiClient.Response releaseReserveShare(String lot, String username) throws Exception {
        String t = api.freshToken(username);
        String encrypted = api.get("/api/v1/auctions/" + lot + "/reserve/key/my-share", t).json().path("encryptedShare").asString();
        String share = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf(username), Base64.getDecoder().decode(encrypted)),
                StandardCharsets.UTF_8);
        return api.post("/api/v1/auctions/" + lot + "/reserve/shares", ApiClient.json(Map.of("share", share)), t);
    }

    /** The accepted bids are in the transparency log in batched entries covering seq 1..{@code count} exactly once. */
    private void assertBidsLoggedOnce(Lot lot, int count) {
        long next = 1;
        for (String entry : jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'auction.bids.accepted'
                AND details::json->>'subject' = :t ORDER BY seq""").param("t", lot.id).query(String.class).list()) {
            JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(entry);
            assertThat(payload.path("fromSeq").asLong()).isEqualTo(next);
            next = payload.path("toSeq").asLong() + 1;
        }
        assertThat(next).isEqualTo(count + 1L);
    }

    private UUID org(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(UUID.class).single();
    }

    /** The bidders whose deposits are to be refunded (refund instructions), by organisation. */
    private List<UUID> refundedBidders(Lot lot) {
        return jdbc.sql("""
                SELECT a.bidder_id FROM refund_instruction r
                JOIN bank_payment p ON p.id = r.payment_id JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = CAST(:t AS UUID) ORDER BY a.bidder_id""").param("t", lot.id).query(UUID.class).list();
    }

    /** What a refused publication must leave unchanged: the tender's status, the lots' terms, the publication entries. */
    private List<Object> publicationState(String lot) {
        List<Object> out = new ArrayList<>();
        out.add(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot).query(String.class).single());
        out.add(jdbc.sql("SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) FROM auction_lot x").query(String.class)
                .single());
        out.add(flow.logCount(lot, "tendering.tender.published"));
        return out;
    }
}
