package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.tendering.BiddingClosed;
import tools.jackson.databind.JsonNode;

/**
 * The live engine over HTTP (issue 17 part C): bids acknowledged once durable in the journal, in server-receipt order
 * with the server's times, refusals as problem+json with the exact times and the least acceptable bid, the room and its
 * live stream showing bidder numbers only (a signed-in bidder also sees its own number and whether it leads), a late
 * bid refused with the exact end, the accepted bids in the transparency log as one batched entry with their SM3, and
 * once bidding ended the bid list in auction_bid and BiddingEnded published once.
 */
class LiveAuctionIT extends PlatformIT {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired LiveAuctions live;
    @Autowired org.sunbid.platform.kernel.Problems problems;

    private AuctionFlow flow;
    private RoomClient rooms;

    @BeforeEach
    void start() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
        rooms = new RoomClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void land39_art16_bidsInReceiptOrderDurableBeforeAcknowledgedNumbersOnlyLateBidRefusedWithExactTimes() throws Exception {
        AuctionFlow.Lot lot = flow.bidding(flow.ready("TDSYQ_AUCTION", START, 3), Duration.ofSeconds(10));
        UUID lotId = UUID.fromString(lot.id());

        JsonNode opening = rooms.room(lot.id(), null);
        assertThat(opening.path("currentPrice").asString()).isEqualTo("8000000.00");
        assertThat(opening.has("you")).isFalse();
        String first = opening.path("minimumNext").asString();

        // bidder4 registered nowhere: not qualified; the public cannot bid
        assertThat(rooms.bid(lot.id(), "bidder4", first).code()).isEqualTo("BIDDER_NOT_QUALIFIED");
        assertThat(flow.api().post("/api/v1/auctions/" + lot.id() + "/bids", ApiClient.json(Map.of("amount", first)), null)
                .status()).isEqualTo(401);

        ApiClient.Response b1 = rooms.bid(lot.id(), "bidder1", first);
        assertThat(b1.status()).as(b1.body()).isEqualTo(200);
        assertThat(b1.json().path("seq").asLong()).isEqualTo(1);
        assertThat(b1.json().path("amount").asString()).isEqualTo(first);
        assertThat(b1.json().path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        String number1 = b1.json().path("bidderNumber").asString();

        // a tie goes to the earlier receipt: the same amount later is too low, with the least acceptable bid
        clock.set(clock.instant().plusMillis(250));
        ApiClient.Response tie = rooms.bid(lot.id(), "bidder2", first);
        assertThat(tie.status()).isEqualTo(409);
        assertThat(tie.code()).isEqualTo("BID_TOO_LOW");
        assertThat(tie.json().path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        String second = tie.json().path("minimumNext").asString();
        // the refusal is pre-rendered (no Jackson, no MessageFormat per refusal): the same RFC 9457 members and text
        // as Problems renders for the code, with the exact server time and least acceptable bid in the message
        org.springframework.http.ProblemDetail expected = problems.of(org.sunbid.platform.auction.AuctionError.BID_TOO_LOW, java.util.Locale.SIMPLIFIED_CHINESE,
                tie.json().path("receivedAt").asString(), "", second);
        assertThat(tie.json().path("type").asString()).isEqualTo(expected.getType().toString());
        assertThat(tie.json().path("title").asString()).isEqualTo(expected.getTitle());
        assertThat(tie.json().path("status").asInt()).isEqualTo(409);
        assertThat(tie.json().path("detail").asString()).isEqualTo(expected.getDetail()).contains(second);
        assertThat(tie.json().path("instance").asString()).isEqualTo("/api/v1/auctions/" + lot.id() + "/bids");
        assertThat(tie.json().has("endedAt")).isFalse();
        assertThat(new java.math.BigDecimal(second)).isEqualByComparingTo(new java.math.BigDecimal(first).add(new java.math.BigDecimal("100000.00")));
        assertThat(rooms.bid(lot.id(), "bidder2", new java.math.BigDecimal(second).add(new java.math.BigDecimal("0.01")).toPlainString())
                .code()).isEqualTo("BID_NOT_WHOLE_INCREMENT");

        // a live watcher (public) and a reconnecting one
        HttpClient http = HttpClient.newHttpClient();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auctions/" + lot.id() + "/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(events::add));
        reader.setDaemon(true);
        reader.start();
        List<String> firstEvent = nextEvent(events);
        assertThat(firstEvent).anyMatch(l -> l.startsWith("data:") && l.contains("\"leader\":\"" + number1 + "\""));
        long firstVersion = Long.parseLong(firstEvent.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip());

        ApiClient.Response b2 = rooms.bid(lot.id(), "bidder2", second);
        assertThat(b2.status()).as(b2.body()).isEqualTo(200);
        assertThat(b2.json().path("seq").asLong()).isEqualTo(2);
        String number2 = b2.json().path("bidderNumber").asString();
        assertThat(number2).isNotEqualTo(number1);
        Instant endsAt = Instant.parse(b2.json().path("endsAt").asString());

        List<String> pushed = nextEvent(events);
        assertThat(pushed).anyMatch(l -> l.startsWith("data:") && l.contains("\"currentPrice\":\"" + second + "\"")
                && l.contains("\"leader\":\"" + number2 + "\""));
        long pushedVersion = Long.parseLong(pushed.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip());
        assertThat(pushedVersion).isGreaterThan(firstVersion);
        stream.body().close();

        // Last-Event-ID resumes exactly after the watcher's last state: nothing older, the newest included
        HttpResponse<Stream<String>> resumed = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auctions/" + lot.id() + "/live"))
                .header("Last-Event-ID", Long.toString(firstVersion)).build(), HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> again = new LinkedBlockingQueue<>();
        Thread reader2 = new Thread(() -> resumed.body().forEach(again::add));
        reader2.setDaemon(true);
        reader2.start();
        List<String> replay = nextEvent(again);
        long replayVersion = Long.parseLong(replay.stream().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip());
        assertThat(replayVersion).isGreaterThan(firstVersion).isLessThanOrEqualTo(pushedVersion);
        resumed.body().close();

        // bidder numbers only, never an identity; each bidder sees its own position
        String publicRoom = flow.api().get("/api/v1/auctions/" + lot.id() + "/room", null).body();
        for (String bidder : lot.bidders()) {
            String org = jdbc.sql("SELECT o.name FROM organisation o JOIN account a ON a.organisation_id = o.id WHERE a.username = :u")
                    .param("u", bidder).query(String.class).single();
            assertThat(publicRoom).doesNotContain(org).doesNotContain(flow.orgOf(bidder));
        }
        assertThat(String.join("\n", pushed)).doesNotContain(flow.orgOf("bidder1"));
        JsonNode mine1 = rooms.room(lot.id(), "bidder1").path("you");
        assertThat(mine1.path("bidderNumber").asString()).isEqualTo(number1);
        assertThat(mine1.path("leading").asBoolean()).isFalse();
        assertThat(rooms.room(lot.id(), "bidder2").path("you").path("leading").asBoolean()).isTrue();

        // durable in the journal, and the engine's bid list is exactly the acknowledged bids
        assertThat(Files.exists(DATA.resolve("auction").resolve(lot.id() + ".journal"))).isTrue();
        List<Bid> bids = live.bids(lotId);
        assertThat(bids).extracting(Bid::seq).containsExactly(1L, 2L);
        assertThat(bids).extracting(Bid::bidderNumber).containsExactly(number1, number2);

        // the accepted bids in the transparency log in batched entries (the scheduler's, every second), each with the
        // SM3 of its bids' canonical lines; together they cover seq 1..2 exactly once
        live.tick();
        List<String> entries = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'auction.bids.accepted'
                AND details::json->>'subject' = :t ORDER BY seq""").param("t", lot.id()).query(String.class).list();
        assertThat(entries).hasSizeBetween(1, 2);
        long next = 1;
        for (String entry : entries) {
            JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(entry);
            int from = payload.path("fromSeq").asInt();
            int to = payload.path("toSeq").asInt();
            assertThat((long) from).isEqualTo(next);
            assertThat(payload.path("bidsSm3").asString()).isEqualTo(LiveAuctions.batchSm3(bids.subList(from - 1, to)));
            next = to + 1;
        }
        assertThat(next).isEqualTo(3);
        live.tick();
        assertThat(flow.logCount(lot.id(), "auction.bids.accepted")).isEqualTo(entries.size()); // nothing new, no entry

        // a bid after the countdown ran out: refused with the exact server times; the end published once
        clock.set(endsAt.plusMillis(1));
        ApiClient.Response late = rooms.bid(lot.id(), "bidder1", new java.math.BigDecimal(second).add(new java.math.BigDecimal("100000.00")).toPlainString());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("AUCTION_ENDED");
        assertThat(late.json().path("receivedAt").asString()).isEqualTo(endsAt.plusMillis(1).toString());
        assertThat(late.json().path("endedAt").asString()).isEqualTo(endsAt.toString());
        assertThat(live.bids(lotId)).hasSize(2);
        live.tick();
        awaitEventsCompleted(BiddingEnded.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM auction_bid WHERE lot_id = :l").param("l", lotId).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT ended_at FROM auction_room WHERE lot_id = :l").param("l", lotId).query(java.sql.Timestamp.class)
                .single().toInstant()).isEqualTo(endsAt);
        assertThat(flow.logCount(lot.id(), "auction.bidding.ended")).isEqualTo(1);
        live.tick();
        assertThat(flow.logCount(lot.id(), "auction.bidding.ended")).isEqualTo(1);
        assertThat(rooms.room(lot.id(), null).path("phase").asString()).isEqualTo("ENDED");
    }

    /**
     * A lot that is not an auction lot (the demo's works tender) or no lot at all: …/room and …/live answer a clean 404
     * AUCTION_NOT_FOUND problem at once, whatever the caller accepts (a crawler asking for JSON, an EventSource asking
     * for text/event-stream) — never a 500, never a stream left open.
     */
    @Test
    void land39_art16_roomAndLiveOfANonAuctionLotAre404AtOnceWhateverTheAccept() throws Exception {
        ApiClient api = flow.api();
        String works = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0101'").query(String.class).single();
        for (String lot : List.of(works, UUID.randomUUID().toString())) {
            for (String path : List.of("/room", "/live")) {
                ApiClient.Response r = api.get("/api/v1/auctions/" + lot + path, null);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
                assertThat(r.code()).isEqualTo("AUCTION_NOT_FOUND");
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
            HttpResponse<String> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/api/v1/auctions/" + lot + "/live")).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sse.statusCode()).as(sse.body()).isEqualTo(404);
            assertThat(sse.body()).contains("AUCTION_NOT_FOUND");
        }
        // an auction lot asked for JSON on …/live gets the snapshot, not a stream
        AuctionFlow.Lot lot = flow.ready("TDSYQ_AUCTION", START, 2);
        awaitEventsCompleted(BiddingClosed.class);
        ApiClient.Response json = api.get("/api/v1/auctions/" + lot.id() + "/live", null);
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().path("lotId").asString()).isEqualTo(lot.id());
    }

    @Test
    void land39_art16_auctioneerChangesTheIncrementWithAReasonLoggedBiddersCannot() {
        AuctionFlow.Lot lot = flow.bidding(flow.ready("TDSYQ_AUCTION", START, 2), Duration.ofSeconds(5));
        ApiClient api = flow.api();
        String body = ApiClient.json(Map.of("increment", "200000.00", "reason", "竞价激烈，经现场确认调整加价幅度"));
        assertThat(api.post("/api/v1/auctions/" + lot.id() + "/increment", body, api.token("bidder1")).status()).isEqualTo(403);
        ApiClient.Response changed = api.post("/api/v1/auctions/" + lot.id() + "/increment", body, api.token("agency"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("increment").asString()).isEqualTo("200000.00");
        assertThat(rooms.room(lot.id(), null).path("increment").asString()).isEqualTo("200000.00");
        assertThat(flow.logCount(lot.id(), "auction.increment.changed")).isEqualTo(1);
    }

    private static List<String> nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        List<String> event = new ArrayList<>();
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("an SSE event within 10 s").isNotNull();
            if (line.isEmpty()) {
                if (!event.isEmpty()) {
                    return event;
                }
                continue;
            }
            event.add(line);
        }
    }
}
