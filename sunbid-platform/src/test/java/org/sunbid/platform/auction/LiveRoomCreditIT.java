package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditParties;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 (国土资源部令第39号 Art. 11, the record in force at the gate's own time): a bidder qualified for a land auction
 * and restricted afterwards — a sanction decided during the auction, or a record whose restriction starts while the
 * room runs — is refused in the live room with the record named ({@code CREDIT_RESTRICTED}, 403): its bids (HTTP and the
 * bid socket) change nothing in the room, and its entry as a bidder (the room with its number, the stream, the socket)
 * is refused; each refusal a confidential record. Its bid standing before the restriction stays until outbid.
 */
class LiveRoomCreditIT extends PlatformIT {

    private static final String REF = "LRC-";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired BasicAccounts basicAccounts;

    private AuctionFlow flow;
    private RoomClient rooms;

    @BeforeEach
    void start() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
        rooms = new RoomClient(baseUrl());
    }

    /** Every record this class made is voided (the database is shared by every IT class of the run). */
    @AfterEach
    void backToStart() {
        CreditParties.voidRecords(jdbc, "platform", REF + "%"); // bar() records them as the platform's
        clock.set(START);
    }

    /** A fresh bidder organisation with a bidder account of its own and a basic account (for its deposit). */
    private Organisation bidder(String name) {
        Organisation o = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), name,
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
        accounts.create(new Accounts.NewAccount(username(o), name + "经办人", PASSWORD, Role.BIDDER, o.id(), null), Actor.SYSTEM);
        basicAccounts.register(o.id(), "中国建设银行云州分行", "62179941" + String.format("%011d", Math.abs(o.id()
                .getMostSignificantBits() % 100_000_000_000L)), Actor.SYSTEM);
        return o;
    }

    private static String username(Organisation o) {
        return "lrc" + o.creditCode().value().substring(10).toLowerCase(java.util.Locale.ROOT);
    }

    /** A land auction with bidder1, bidder2 and {@code restricted} qualified; the clock 10 s into its bidding. */
    private AuctionFlow.Lot auction(Organisation restricted) {
        return flow.bidding(flow.ready("TDSYQ_AUCTION", START, "bidder1", username(restricted), "bidder2"), Duration.ofSeconds(10));
    }

    /** A record barring auction qualification of {@code o} from {@code from} for 60 days (a 39号令 sanction). */
    private UUID bar(Organisation o, Instant from) {
        String ref = REF + UUID.randomUUID();
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(),
                CreditClass.SERIOUS, "竞得后不按约定签订成交确认书", "国有建设用地使用权出让失信行为（国土资源部令第39号）",
                "云州市自然资源和规划局", "云自然资罚〔2026〕" + ref.substring(4, 10) + "号", "platform", ref, "990100",
                Set.of(Gate.AUCTION_QUALIFICATION), from, from.plus(Duration.ofDays(60)), from, from.plus(Duration.ofDays(60))),
                Actor.SYSTEM);
    }

    private String refusalsOf(UUID record) {
        return String.join("\n", jdbc.sql("SELECT canonical FROM log_confidential WHERE action = :a AND canonical LIKE :r")
                .param("a", CreditRefusals.REFUSED).param("r", "%" + record + "%").query(String.class).list());
    }

    private static void assertRefusedNaming(ApiClient.Response r, String... named) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(r.json().path("detail").asString()).contains(named);
    }

    /** The room as a watcher sees it, without the server's time (which moves). */
    private static String state(JsonNode room) {
        return room.path("phase").asString() + "|" + room.path("currentPrice").asString() + "|" + room.path("leader")
                + "|" + room.path("bids").asLong() + "|" + room.path("minimumNext").asString() + "|" + room.path("version").asLong();
    }

    @Test
    void order39_art11_aBidderRestrictedAfterQualifyingIsRefusedInTheRoom_theRecordNamed_theRoomUnchanged() throws Exception {
        Organisation restricted = bidder("云州竞买中受限置业有限公司");
        AuctionFlow.Lot lot = auction(restricted);
        UUID lotId = UUID.fromString(lot.id());
        String user = username(restricted);
        // qualified and clean: it enters the room with its number and leads
        ApiClient api = flow.api();
        ApiClient.Response entered = api.get("/api/v1/auctions/" + lot.id() + "/room", api.freshToken(user));
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String number = entered.json().path("you").path("bidderNumber").asString();
        assertThat(number).isNotBlank();
        ApiClient.Response first = rooms.bid(lot.id(), user, rooms.room(lot.id()).path("minimumNext").asString());
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        // a sanction decided during the auction bars it from now
        clock.set(clock.instant().plusSeconds(5));
        UUID record = bar(restricted, clock.instant());
        JsonNode before = rooms.room(lot.id());
        int journalled = context.getBean(LiveAuctions.class).bids(lotId).size();

        ApiClient.Response refused = rooms.bid(lot.id(), user, before.path("minimumNext").asString());
        assertRefusedNaming(refused, "云州竞买中受限置业有限公司", "竞得后不按约定签订成交确认书", "第39号", "云州市自然资源和规划局");
        assertThat(refusalsOf(record)).contains("AUCTION_QUALIFICATION", lot.id());
        // nothing changed in the room: no price, no bid, no version
        assertThat(state(rooms.room(lot.id()))).isEqualTo(state(before));
        assertThat(context.getBean(LiveAuctions.class).bids(lotId)).hasSize(journalled);

        // its entry as a bidder is refused too: the room with its number, the stream, the socket
        assertRefusedNaming(api.get("/api/v1/auctions/" + lot.id() + "/room", api.freshToken(user)), "第39号");
        assertRefusedNaming(api.send("GET", "/api/v1/auctions/" + lot.id() + "/live", null, api.freshToken(user),
                Map.of("Accept", "application/json")), "第39号");
        RoomClient.Frames frames = new RoomClient.Frames();
        WebSocket socket = rooms.socket(lot.id(), api.freshToken(user), "", frames);
        JsonNode answer = frames.next("refused");
        assertThat(answer.path("problem").path("code").asString()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(answer.path("problem").path("detail").asString()).contains("第39号");
        assertThat(frames.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        socket.abort();
        // and the room's page signed in: refused in Chinese with the record named (anonymous, the page is public)
        org.sunbid.platform.WebSession page = new org.sunbid.platform.WebSession(baseUrl());
        page.login(user);
        java.net.http.HttpResponse<String> refusedPage = page.get("/auctions/" + lot.id());
        assertThat(refusedPage.statusCode()).isEqualTo(403);
        assertThat(refusedPage.body()).contains("因失信记录受限，不予办理", "云州竞买中受限置业有限公司", "第39号");
        assertThat(new org.sunbid.platform.WebSession(baseUrl()).get("/auctions/" + lot.id()).statusCode()).isEqualTo(200);
        // the room stays public to anyone, and its bid placed before the restriction stands until outbid
        JsonNode now = rooms.room(lot.id());
        assertThat(state(now)).isEqualTo(state(before));
        assertThat(now.path("leader").asString()).isEqualTo(number);
        ApiClient.Response outbid = rooms.bid(lot.id(), "bidder1", now.path("minimumNext").asString());
        assertThat(outbid.status()).as(outbid.body()).isEqualTo(200);
        assertThat(rooms.room(lot.id()).path("leader").asString()).isNotEqualTo(number);
    }

    @Test
    void order39_art11_aRestrictionStartingDuringTheAuctionBarsFromItsInstant_nobodyActing() throws Exception {
        Organisation restricted = bidder("云州竞买将受限置业有限公司");
        AuctionFlow.Lot lot = auction(restricted);
        String user = username(restricted);
        Instant from = clock.instant().plusSeconds(30);
        UUID record = bar(restricted, from); // decided now, in force in 30 s: no event will come at its start

        assertThat(rooms.bid(lot.id(), user, rooms.room(lot.id()).path("minimumNext").asString()).status()).isEqualTo(200);
        // on the bid socket too, opened while it is not yet restricted
        RoomClient.Frames frames = new RoomClient.Frames();
        WebSocket socket = rooms.socket(lot.id(), rooms.token(user), "?room=false", frames);
        clock.set(from.minusSeconds(20));
        assertThat(rooms.bid(lot.id(), "bidder1", rooms.room(lot.id()).path("minimumNext").asString()).status()).isEqualTo(200);
        clock.set(from.minusMillis(1));
        ApiClient.Response justBefore = rooms.bid(lot.id(), user, rooms.room(lot.id()).path("minimumNext").asString());
        assertThat(justBefore.status()).as(justBefore.body()).isEqualTo(200);
        clock.set(from);
        ApiClient.Response other = rooms.bid(lot.id(), "bidder2", rooms.room(lot.id()).path("minimumNext").asString());
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        JsonNode before = rooms.room(lot.id());

        ApiClient.Response refused = rooms.bid(lot.id(), user, before.path("minimumNext").asString());
        assertRefusedNaming(refused, "云州竞买将受限置业有限公司", "第39号");
        assertThat(refusalsOf(record)).contains("AUCTION_QUALIFICATION", from.toString());
        assertThat(state(rooms.room(lot.id()))).isEqualTo(state(before));
        socket.sendText(RoomClient.bidFrame(before.path("minimumNext").asString(), "after"), true).join();
        JsonNode answer = frames.next("refused");
        assertThat(answer.path("ref").asString()).isEqualTo("after");
        assertThat(answer.path("problem").path("code").asString()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(answer.path("problem").path("detail").asString()).contains("云州竞买将受限置业有限公司", "第39号");
        assertThat(state(rooms.room(lot.id()))).isEqualTo(state(before));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        ApiClient api = flow.api();
        assertRefusedNaming(api.get("/api/v1/auctions/" + lot.id() + "/room", api.freshToken(user)), "第39号");
    }
}
