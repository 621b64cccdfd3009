package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.verifier.Verifier;

/**
 * Part D of issue 17, acceptance 2: the sealed reserve (底价) and the identities behind the bidder numbers (竞买号) stay
 * sealed until bidding ends — the operator (platform administrator, centre staff, the custodians themselves) through
 * every API, a database administrator reading every table and every file under data/ (the application's own key files
 * under data/keys excepted, as for the expert draw's vault), and a rival bidder all fail to learn them, and nothing
 * changes by trying; when bidding ends the identities are disclosed against their commitments, tendering and payments
 * disclose what they held back, the custodians open the reserve, and the verifier checks the outcome from public data.
 *
 * <p>Bids go through part C's live engine (merged), which ends bidding when the countdown runs out and logs the bids.
 */
class AuctionSealingIT extends PlatformIT {

    private static final String RESERVE = "9123456.78";
    private static final String FIRST_RESERVE = "8765432.10";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private AuctionBidders bidders;
    @Autowired
    private org.sunbid.platform.auction.LiveAuctions liveAuctions;

    @AfterEach
    void clockBack() {
        clock.set(START);
    }

    private String token(String username) {
        return new ApiClient(baseUrl()).freshToken(username);
    }

    private ApiClient.Response putReserve(String lot, String amount, String username) {
        return new ApiClient(baseUrl()).send("PUT", "/api/v1/auctions/" + lot + "/reserve",
                ApiClient.json(Map.of("amount", amount)), token(username));
    }

    /** A custodian's tool: its encrypted share of the reserve key, decrypted with its organisation's key, released. */
    private ApiClient.Response releaseReserveShare(String lot, String username) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String t = api.freshToken(username);
        String encrypted = api.get("/api/v1/auctions/" + lot + "/reserve/key/my-share", t).json().path("encryptedShare").asString();
        String share = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf(username), Base64.getDecoder().decode(encrypted)),
                StandardCharsets.UTF_8);
        return api.post("/api/v1/auctions/" + lot + "/reserve/shares", ApiClient.json(Map.of("share", share)), t);
    }

    /** bidder {@code username} bids {@code amount} yuan in the room (part C's engine); the answer. */
    private ApiClient.Response bid(String lot, String username, String amount) {
        return new ApiClient(baseUrl()).post("/api/v1/auctions/" + lot + "/bids", ApiClient.json(Map.of("amount", amount)),
                token(username));
    }

    /** The clock past the room's countdown: the engine ends bidding on its tick (run here); the listeners have run. */
    private void biddingEnds(AuctionFlow flow, String lot, Instant after) {
        clock.set(after);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    liveAuctions.tick();
                    return flow.logCount(lot, "auction.bidding.ended") == 1;
                });
        awaitEventsCompleted(BiddingEnded.class);
        awaitEventsCompleted(ReserveOpened.class);
    }

    /** Everything an attempt could change: the reserve's and the bidders' rows, the log's size. */
    private Map<String, Object> state(String lot) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String table : List.of("reserve_seal", "reserve_seal_key_share", "reserve_envelope", "reserve_bidding_ended",
                "reserve_share_release", "reserve_released_share", "reserve_opening", "auction_qualification", "auction_bidder",
                "auction_bidders_disclosure")) {
            s.put(table, jdbc.sql("SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table
                    + " t WHERE lot_id = :l").param("l", UUID.fromString(lot)).query(String.class).single());
        }
        s.put("log", jdbc.sql("SELECT size FROM log_state WHERE id = 1").query(Long.class).single());
        return s;
    }

    /** The database administrator's search: every row of every table, as text, that contains {@code needle}. */
    private List<String> tablesContaining(String needle) {
        List<String> hits = new ArrayList<>();
        for (String table : jdbc.sql("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
                .query(String.class).list()) {
            long n = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :n) > 0").param("n", needle)
                    .query(Long.class).single();
            if (n > 0) {
                hits.add(table);
            }
        }
        return hits;
    }

    /** The administrator's search through the files under data/ (not the application's own keys under data/keys). */
    private List<Path> filesContaining(String needle) throws Exception {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (var walk = Files.walk(DATA)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.startsWith(DATA.resolve("keys"))).toList()) {
                byte[] content = Files.readAllBytes(p);
                for (int i = 0; i + n.length <= content.length; i++) {
                    if (java.util.Arrays.equals(content, i, i + n.length, n, 0, n.length)) {
                        hits.add(p);
                        break;
                    }
                }
            }
        }
        return hits;
    }

    private static Set<String> fieldNames(ApiClient.Response r) {
        Set<String> names = new HashSet<>();
        r.json().propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void land39_art10_reserveAndBidderIdentitiesStaySealedUntilBiddingEndsThenOpenAndVerify() throws Exception {
        clock.set(START);
        AuctionFlow flow = new AuctionFlow(this, context);
        AuctionFlow.Lot lot = flow.published("TDSYQ_AUCTION", START, "8000000.00", "100000.00", "1600000.00");
        String id = lot.id();
        // the owner's agency seals a reserve, then replaces it before the deadline; neither answer echoes the amount
        ApiClient.Response first = putReserve(id, FIRST_RESERVE, "agency");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        ApiClient.Response sealed = putReserve(id, RESERVE, "agency");
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        assertThat(sealed.body()).doesNotContain("9123456").doesNotContain("912345678").doesNotContain("8765432");
        assertThat(sealed.json().path("envelopeSm3").asString()).hasSize(64).isNotEqualTo(first.json().path("envelopeSm3").asString());
        assertThat(putReserve(id, RESERVE, "bidder1").status()).isEqualTo(403); // not the owner's side
        assertThat(putReserve(id, "0", "agency").code()).isEqualTo("INVALID_RESERVE");

        flow.bidders(id, 2);
        new ApiClient(baseUrl()).post("/api/v1/tenders/" + id + "/registrations", "", token("bidder3")); // registers, never pays
        assertThat(flow.closeApplications(id, lot.applicationClose())).isTrue();
        awaitEventsCompleted(BiddingClosed.class);
        Set<String> numbers = bidders.numbers(UUID.fromString(id));
        assertThat(numbers).hasSize(2).allMatch(n -> n.matches("[1-9][0-9]{5}")); // the two who paid, not bidder3
        // nobody's registrations or deposits went public at the close of a live-bidding lot
        assertThat(flow.logCount(id, "tendering.registrations.disclosed")).isZero();
        assertThat(flow.logCount(id, "payments.deposits.disclosed")).isZero();
        assertThat(flow.logCount(id, AuctionBidders.QUALIFIED)).isEqualTo(1);

        ApiClient api = new ApiClient(baseUrl());
        String mine1 = api.get("/api/v1/auctions/" + id + "/bidder", token("bidder1")).json().path("bidderNumber").asString();
        String mine2 = api.get("/api/v1/auctions/" + id + "/bidder", token("bidder2")).json().path("bidderNumber").asString();
        assertThat(Set.of(mine1, mine2)).isEqualTo(numbers);
        assertThat(api.get("/api/v1/auctions/" + id + "/bidder", token("bidder3")).code()).isEqualTo("NO_BIDDER_NUMBER");

        // after the deadline (30 minutes before the auction starts) the reserve cannot change
        clock.set(lot.biddingStart().minus(Duration.ofMinutes(10)));
        assertThat(putReserve(id, "1.00", "agency").code()).isEqualTo("RESERVE_LATE");

        // ---- the attacks, before bidding ends ----
        Map<String, Object> before = state(id);
        String org1 = flow.orgOf("bidder1");
        String org2 = flow.orgOf("bidder2");
        // the operator: administrator and centre staff through every API they have
        for (String operator : List.of("admin", "centre", "supervisor")) {
            ApiClient.Response reserve = api.get("/api/v1/auctions/" + id + "/reserve", token(operator));
            assertThat(reserve.status()).isEqualTo(200);
            assertThat(reserve.json().path("reserve").isNull()).isTrue();
            assertThat(reserve.body()).doesNotContain("9123456").doesNotContain("912345678");
            assertThat(api.get("/api/v1/auctions/" + id + "/reserve/envelope", token(operator)).code()).isEqualTo("RESERVE_NOT_OPENED");
            ApiClient.Response numbersView = api.get("/api/v1/auctions/" + id + "/bidders", token(operator));
            assertThat(numbersView.json().path("disclosed").size()).isZero();
            assertThat(numbersView.body()).doesNotContain(org1).doesNotContain(org2);
            for (String path : List.of("/registrations", "/deposits")) {
                ApiClient.Response list = api.get("/api/v1/tenders/" + id + path, token(operator));
                // whoever may list the registrants learns no number: no answer links one to an organisation
                assertThat(list.body()).doesNotContain(mine1).doesNotContain(mine2);
            }
        }
        // the custodians themselves cannot open it early (each holds a real share): refused before anything else
        for (String custodian : List.of("centre", "supervisor")) {
            assertThat(releaseReserveShare(id, custodian).code()).isEqualTo("RESERVE_NOT_DUE");
        }
        assertThat(api.post("/api/v1/auctions/" + id + "/reserve/shares", ApiClient.json(Map.of("share", "{}")), token("admin"))
                .status()).isEqualTo(403);
        // the database administrator: every table and every file under data/
        for (String needle : List.of("912345678", "9123456.78", "876543210", "8765432.10")) {
            assertThat(tablesContaining(needle)).as(needle).isEmpty();
            assertThat(filesContaining(needle)).as(needle).isEmpty();
        }
        { // no row of the bidders' tables and no log entry of the lot names a qualified organisation before the end
            for (String org : List.of(org1, org2)) {
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM log_entry WHERE details::json->>'subject' = :l AND strpos(payload, :o) > 0""")
                        .param("l", id).param("o", org).query(Long.class).single()).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM auction_bidder t WHERE lot_id = :l AND strpos(t::text, :o) > 0")
                        .param("l", UUID.fromString(id)).param("o", org).query(Long.class).single()).isZero();
            }
        }
        // the public's search and open data (issue 18): neither the reserve nor who qualified is findable or exported
        // (the search index and the bulk files live under data/ too, so the administrator's sweep above covers them)
        awaitEventsCompleted(BiddingClosed.class);
        for (String needle : List.of("9123456.78", "912345678", "8765432.10", org1, org2)) {
            ApiClient.Response found = api.get("/api/v1/search?size=100&q="
                    + java.net.URLEncoder.encode(needle, StandardCharsets.UTF_8), null);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            found.json().path("hits").forEach(h -> assertThat(h.path("lotId").asString()).as(needle).isNotEqualTo(id));
            if (needle.matches("[0-9.]+")) { // an amount is found nowhere at all
                assertThat(found.json().path("total").asLong()).as(needle).isZero();
            }
        }
        String ocid = "ocds-sunbid-" + context.getBean(org.sunbid.platform.deals.Projects.class)
                .ofLot(UUID.fromString(id)).orElseThrow().dealCode();
        ApiClient.Response record = api.get("/api/v1/ocds/records/" + ocid, null);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        assertThat(record.body()).doesNotContain("9123456").doesNotContain("8765432").doesNotContain(org1).doesNotContain(org2);
        // a rival bidder sees the numbers, never who holds them
        ApiClient.Response rival = api.get("/api/v1/auctions/" + id + "/bidders", token("bidder1"));
        assertThat(rival.body()).contains(mine2).doesNotContain(org2).doesNotContain("bidder2");
        assertThat(api.get("/api/v1/auctions/" + id + "/reserve/key/my-share", token("bidder1")).status()).isEqualTo(403);
        assertThat(state(id)).isEqualTo(before); // nothing changed by any attempt

        // ---- bidding (part C's room): a bid below the reserve and one above it are answered alike ----
        clock.set(lot.biddingStart().plusSeconds(60));
        ApiClient.Response below = bid(id, "bidder1", "8000000.00");
        ApiClient.Response above = bid(id, "bidder2", "9200000.00");
        assertThat(below.status()).as(below.body()).isEqualTo(200);
        assertThat(above.status()).as(above.body()).isEqualTo(200);
        assertThat(fieldNames(below)).isEqualTo(fieldNames(above));
        for (String watcher : new String[] {null, "admin", "bidder1"}) {
            ApiClient.Response room = api.get("/api/v1/auctions/" + id + "/room", watcher == null ? null : token(watcher));
            assertThat(room.body()).doesNotContainIgnoringCase("reserve").doesNotContain("9123456").doesNotContain(org2);
            assertThat(api.get("/api/v1/auctions/" + id + "/reserve", watcher == null ? null : token(watcher)).json()
                    .path("reserve").isNull()).isTrue();
        }
        for (String custodian : List.of("centre", "supervisor")) {
            assertThat(releaseReserveShare(id, custodian).code()).isEqualTo("RESERVE_NOT_DUE");
        }
        assertThat(tablesContaining("912345678")).isEmpty();

        // ---- bidding ends (the countdown runs out) ----
        biddingEnds(flow, id, Instant.parse(above.json().path("receivedAt").asString()).plus(Duration.ofMinutes(10)));
        ApiClient.Response disclosed = api.get("/api/v1/auctions/" + id + "/bidders", null);
        Map<String, String> numberToOrg = new LinkedHashMap<>();
        for (var d : disclosed.json().path("disclosed")) {
            assertThat(Sm3.hex(d.path("identity").asString())).isEqualTo(d.path("commitment").asString());
            numberToOrg.put(d.path("bidderNumber").asString(), d.path("bidderId").asString());
        }
        assertThat(numberToOrg).containsEntry(mine1, org1).containsEntry(mine2, org2).hasSize(2);
        String qualified = jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :l""")
                .param("a", AuctionBidders.QUALIFIED).param("l", id).query(String.class).single();
        for (var d : disclosed.json().path("disclosed")) {
            assertThat(qualified).contains(d.path("commitment").asString()); // committed at qualification
        }
        assertThat(flow.logCount(id, "tendering.registrations.disclosed")).isEqualTo(1);
        assertThat(flow.logCount(id, "payments.deposits.disclosed")).isEqualTo(1);

        // the custodians open the reserve now; the amount is the one that counted (the replacement)
        assertThat(releaseReserveShare(id, "centre").status()).isEqualTo(200);
        ApiClient.Response opened = releaseReserveShare(id, "supervisor");
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().path("reserve").asString()).isEqualTo(RESERVE);
        assertThat(api.get("/api/v1/auctions/" + id + "/reserve", null).json().path("reserve").asString()).isEqualTo(RESERVE);
        assertThat(flow.logCount(id, AuctionReserves.OPENED)).isEqualTo(1);

        var verdict = Verifier.run("verify-reserve", baseUrl(), id);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        // 39号令 Art. 25: the highest bid at or above the reserve wins — recomputed from the published bids and reserve
        assertThat(verdict.line()).contains("reserve " + RESERVE).contains("deal: bidder " + mine2 + " at 9200000.00");
    }

    @Test
    void land39_art15_aLotWithoutReservePublishesNoneWhenBiddingEnds() throws Exception {
        clock.set(START);
        AuctionFlow flow = new AuctionFlow(this, context);
        AuctionFlow.Plan plan = flow.plan("TDSYQ_AUCTION", START);
        String id = flow.lot("TDSYQ_AUCTION", "云州无底价测试地块" + (System.nanoTime() % 1000), "8000000.00", "1600000.00",
                plan.applicationClose());
        Map<String, Object> terms = flow.termsBody("TDSYQ_AUCTION", plan, "8000000.00", "100000.00");
        terms.put("reserveSealed", false);
        assertThat(flow.terms(id, terms).status()).isEqualTo(200);
        assertThat(flow.publish(id, START).status()).isEqualTo(200);
        assertThat(putReserve(id, RESERVE, "agency").code()).isEqualTo("RESERVE_NOT_ANNOUNCED");
        flow.bidders(id, 1);
        assertThat(flow.closeApplications(id, plan.applicationClose())).isTrue();
        awaitEventsCompleted(BiddingClosed.class);
        clock.set(plan.biddingStart().plusSeconds(60));
        ApiClient.Response only = bid(id, "bidder1", "8000000.00");
        assertThat(only.status()).as(only.body()).isEqualTo(200);
        biddingEnds(flow, id, Instant.parse(only.json().path("receivedAt").asString()).plus(Duration.ofMinutes(10)));
        ApiClient.Response view = new ApiClient(baseUrl()).get("/api/v1/auctions/" + id + "/reserve", null);
        assertThat(view.json().path("reserveSealed").asBoolean()).isFalse();
        assertThat(flow.logCount(id, AuctionReserves.OPENED)).isEqualTo(1);
        var verdict = Verifier.run("verify-reserve", baseUrl(), id);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        String number = new ApiClient(baseUrl()).get("/api/v1/auctions/" + id + "/bidder", token("bidder1")).json()
                .path("bidderNumber").asString();
        assertThat(verdict.line()).contains("no reserve was sealed").contains("deal: bidder " + number + " at 8000000.00");
    }
}
