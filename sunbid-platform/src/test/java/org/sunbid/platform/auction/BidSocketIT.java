package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.auction.RoomClient.Frames;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.kernel.Problems;
import tools.jackson.databind.JsonNode;

/**
 * The bid socket ({@code /api/v1/auctions/{lot}/socket}): bids as frames answered once durable, with the same decision,
 * server times and RFC 9457 refusal as {@code POST …/bids}; room states pushed to everyone, bidder numbers only; a bad
 * frame, an anonymous or non-bidder caller or an unqualified bidder refused on the socket, which stays open and loses
 * nothing; a lot without an auction closes the socket.
 */
class BidSocketIT extends PlatformIT {

    @Autowired ApplicationContext context;
    @Autowired LiveAuctions live;
    @Autowired Problems problems;

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

    private WebSocket open(String lot, String user, String query, Frames frames) {
        return rooms.socket(lot, user == null ? null : rooms.token(user), query, frames);
    }

    @Test
    void land39_art16_bidsOnTheSocketAnsweredOnceDurableAsThePostWouldWithNumbersOnly() throws Exception {
        AuctionFlow.Lot lot = flow.bidding(flow.ready("TDSYQ_AUCTION", START, 3), Duration.ofSeconds(10));
        UUID lotId = UUID.fromString(lot.id());
        String first = flow.api().get("/api/v1/auctions/" + lot.id() + "/room", null).json().path("minimumNext").asString();

        Frames watcher = new Frames();
        WebSocket watching = open(lot.id(), null, "", watcher);
        JsonNode opening = watcher.next("room");
        assertThat(opening.path("currentPrice").asString()).isEqualTo("8000000.00");
        long openingVersion = opening.path("version").asLong();

        Frames one = new Frames();
        WebSocket bidder1 = open(lot.id(), "bidder1", "?room=false", one);
        bidder1.sendText(RoomClient.bidFrame(first, "a1"), true).join();
        JsonNode accepted = one.next("accepted");
        assertThat(accepted.path("ref").asString()).isEqualTo("a1");
        assertThat(accepted.path("seq").asLong()).isEqualTo(1);
        assertThat(accepted.path("amount").asString()).isEqualTo(first);
        assertThat(accepted.path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        String number1 = accepted.path("bidderNumber").asString();
        // durable before acknowledged: the journal's bid list holds it
        assertThat(live.bids(lotId)).extracting(Bid::seq).containsExactly(1L);

        // the same amount from another bidder: refused as the POST refuses it, with the least acceptable bid
        Frames two = new Frames();
        WebSocket bidder2 = open(lot.id(), "bidder2", "", two);
        JsonNode twoRoom = two.next("room");
        assertThat(twoRoom.path("you").path("leading").asBoolean()).isFalse();
        bidder2.sendText(RoomClient.bidFrame(first, "b1"), true).join();
        JsonNode refused = two.next("refused");
        assertThat(refused.path("ref").asString()).isEqualTo("b1");
        JsonNode problem = refused.path("problem");
        assertThat(problem.path("code").asString()).isEqualTo("BID_TOO_LOW");
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("receivedAt").asString()).isEqualTo(clock.instant().toString());
        String second = problem.path("minimumNext").asString();
        assertThat(problem.path("detail").asString()).isEqualTo(problems.of(AuctionError.BID_TOO_LOW,
                java.util.Locale.SIMPLIFIED_CHINESE, problem.path("receivedAt").asString(), "", second).getDetail());
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/auctions/" + lot.id() + "/socket");

        // a frame that is no bid: refused, and the socket goes on
        bidder2.sendText("{not json", true).join();
        assertThat(two.next("refused").path("problem").path("code").asString()).isEqualTo("INVALID_AUCTION_TERMS");
        bidder2.sendText(ApiClient.json(Map.of("amount", "-5", "ref", "b2")), true).join();
        assertThat(two.next("refused").path("problem").path("code").asString()).isEqualTo("INVALID_AUCTION_TERMS");
        bidder2.sendText(RoomClient.bidFrame(second, "b3"), true).join();
        JsonNode accepted2 = two.next("accepted");
        assertThat(accepted2.path("ref").asString()).isEqualTo("b3");
        assertThat(accepted2.path("seq").asLong()).isEqualTo(2);
        String number2 = accepted2.path("bidderNumber").asString();
        assertThat(number2).isNotEqualTo(number1);

        // the watcher sees the new price and the leader's number — never a name
        JsonNode seen;
        do {
            seen = watcher.next("room");
        } while (!seen.path("currentPrice").asString().equals(second));
        assertThat(seen.path("leader").asString()).isEqualTo(number2);
        assertThat(seen.has("you")).isFalse();
        assertThat(seen.toString()).doesNotContain(flow.orgOf("bidder2")).doesNotContain(flow.orgOf("bidder1"));
        JsonNode mine;
        do {
            mine = two.next("room");
        } while (!mine.path("currentPrice").asString().equals(second));
        assertThat(mine.path("you").path("bidderNumber").asString()).isEqualTo(number2);
        assertThat(mine.path("you").path("leading").asBoolean()).isTrue();

        // a watcher reconnecting after the opening state gets every durable state since, in order, up to the newest
        Frames back = new Frames();
        WebSocket reconnected = open(lot.id(), null, "?after=" + openingVersion, back);
        long current = flow.api().get("/api/v1/auctions/" + lot.id() + "/room", null).json().path("version").asLong();
        List<Long> replayed = new java.util.ArrayList<>();
        while (replayed.isEmpty() || replayed.get(replayed.size() - 1) < current) {
            replayed.add(back.next("room").path("version").asLong());
        }
        assertThat(replayed).isSorted().doesNotHaveDuplicates().allMatch(v -> v > openingVersion).contains(current);
        assertThat(replayed.size()).isGreaterThanOrEqualTo(2); // both accepted bids' states
        reconnected.sendClose(WebSocket.NORMAL_CLOSURE, "").join();

        // the public, a non-bidder and an unqualified bidder cannot bid on a socket either; nothing was taken
        String third = new java.math.BigDecimal(second).add(new java.math.BigDecimal("100000.00")).toPlainString();
        watching.sendText(RoomClient.bidFrame(third, "w"), true).join();
        assertThat(watcher.next("refused").path("problem").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        Frames owner = new Frames();
        WebSocket tenderee = open(lot.id(), "tenderee", "?room=false", owner);
        tenderee.sendText(RoomClient.bidFrame(third, "t"), true).join();
        assertThat(owner.next("refused").path("problem").path("code").asString()).isEqualTo("FORBIDDEN");
        Frames four = new Frames();
        WebSocket bidder4 = open(lot.id(), "bidder4", "?room=false", four);
        bidder4.sendText(RoomClient.bidFrame(third, "x"), true).join();
        assertThat(four.next("refused").path("problem").path("code").asString()).isEqualTo("BIDDER_NOT_QUALIFIED");
        assertThat(live.bids(lotId)).extracting(Bid::seq).containsExactly(1L, 2L);

        // a token revoked after the upgrade bids no more on the open socket: refused, the socket closed, nothing taken
        String token3 = flow.api().freshToken("bidder3");
        Frames three = new Frames();
        WebSocket bidder3 = rooms.socket(lot.id(), token3, "?room=false", three);
        assertThat(flow.api().delete("/api/v1/auth/token", token3).status()).isEqualTo(204);
        bidder3.sendText(RoomClient.bidFrame(third, "r"), true).join();
        assertThat(three.next("refused").path("problem").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(three.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(live.bids(lotId)).extracting(Bid::seq).containsExactly(1L, 2L);

        // pipelined bids from one socket are each answered, in order of receipt
        bidder1.sendText(RoomClient.bidFrame(third, "p1"), true).join();
        bidder1.sendText(RoomClient.bidFrame(third, "p2"), true).join();
        JsonNode p1 = one.nextAnswer();
        JsonNode p2 = one.nextAnswer();
        assertThat(List.of(p1.path("ref").asString(), p2.path("ref").asString())).containsExactly("p1", "p2");
        assertThat(p1.path("type").asString()).isEqualTo("accepted");
        assertThat(p2.path("problem").path("code").asString()).isEqualTo("BID_ALREADY_HIGHEST");
        assertThat(live.bids(lotId)).extracting(Bid::seq).containsExactly(1L, 2L, 3L);

        for (WebSocket s : List.of(watching, bidder1, bidder2, tenderee, bidder4)) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }

    @Test
    void aLotWithoutAnAuctionClosesTheSocket() throws Exception {
        Frames frames = new Frames();
        open(UUID.randomUUID().toString(), null, "", frames);
        assertThat(frames.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        Frames bad = new Frames();
        open("not-a-uuid", "bidder1", "", bad);
        assertThat(bad.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }
}
