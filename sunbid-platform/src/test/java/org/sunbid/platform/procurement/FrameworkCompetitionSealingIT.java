package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.sealing.OffersOpened;

import tools.jackson.databind.JsonNode;

/**
 * Attacks on a framework agreement's secondary competition (二次竞价) sealed as a competition round (issue 22, session
 * 12), against the real application: before the opening nobody — a rival supplier, the buyer, an administrator, the
 * public — learns anything from an offer (their answers are byte-identical before and after it; only
 * {@code OfferRoundView.allIn} says whether every supplier of the round has offered, as for a negotiation's final
 * offers); a database administrator reading every table finds no plain price; an offer at the deadline, from a supplier
 * not shortlisted, or a share before the round is due is refused; once opened, the lower offer wins and a supplier that
 * stayed silent cannot change the outcome. Runs in June 2027 with suppliers of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworkCompetitionSealingIT extends PlatformIT {

    /** Monday 2027-06-07 09:30 Beijing. */
    static final Instant T0 = Instant.parse("2027-06-07T01:30:00Z");
    /** A price that appears nowhere else in the database (and its amount for 20 units). */
    static final String PRICE = "3777.77";
    static final String AMOUNT = "75555.40";

    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private ApiClient api;
    private final List<Organisation> suppliers = new ArrayList<>();

    @BeforeAll
    void freshSuppliers() {
        clock.set(T0);
        api = new ApiClient(baseUrl());
        suppliers.addAll(SUPPLIERS.register(organisations, accounts, 4, "二次竞价密封测试供应商", PASSWORD));
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private static final FrameworkSuppliers SUPPLIERS = new FrameworkSuppliers("fc");

    private static String username(Organisation o) {
        return SUPPLIERS.username(o);
    }

    private String supplier(int i) {
        return api.freshToken(username(suppliers.get(i - 1)));
    }

    /** An agreement in force with suppliers 1–3 shortlisted (4 eliminated), and a competition for 20 units of item 1. */
    private JsonNode competition() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "云州市2027年度服务器框架协议采购（密封二次竞价）" + (System.nanoTime() % 10_000));
        body.put("regionCode", "990100");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("itemCode", "A02010104");
        body.put("budget", "2000000.00");
        body.put("responseDeadline", clock.instant().plus(Duration.ofDays(3)).toString());
        body.put("items", List.of(Map.of("name", "机架式服务器", "unit", "台", "maxUnitPrice", "5000.00")));
        ApiClient.Response created = api.post("/api/v1/framework-agreements", ApiClient.json(body), api.freshToken("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String agreement = created.json().path("id").asString();
        String[] prices = {"4200.00", "4300.00", "4400.00", "4900.00"};
        for (int i = 0; i < prices.length; i++) {
            clock.set(clock.instant().plusSeconds(1));
            ApiClient.Response r = api.post("/api/v1/framework-agreements/" + agreement + "/responses",
                    ApiClient.json(Map.of("prices", Map.of("1", prices[i]))), supplier(i + 1));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        clock.set(clock.instant().plus(Duration.ofDays(3)).plusSeconds(60));
        openFrameworkResponses(agreement);
        ApiClient.Response shortlist = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":3}",
                api.freshToken("agency"));
        assertThat(shortlist.status()).as(shortlist.body()).isEqualTo(200);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("itemNo", 1);
        order.put("quantity", "20");
        order.put("method", "COMPETITION");
        order.put("competitionDeadline", clock.instant().plus(Duration.ofHours(2)).toString());
        ApiClient.Response placed = api.post("/api/v1/framework-agreements/" + agreement + "/orders", ApiClient.json(order),
                api.freshToken("tenderee2"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        return placed.json();
    }

    /** What each outsider to supplier 1's offer can read about the competition, as raw bytes. */
    private Map<String, String> outsiderViews(String order, String lot, int round, String agreement) {
        Map<String, String> seen = new LinkedHashMap<>();
        String rival = supplier(2);
        String buyer = api.freshToken("tenderee2");
        String admin = api.freshToken("admin");
        String roundPath = "/api/v1/tenders/" + lot + "/offer-rounds/" + round;
        seen.put("rival order", api.get("/api/v1/framework-orders/" + order, rival).body());
        seen.put("rival invitations", api.get("/api/v1/framework-orders/invitations", rival).body());
        seen.put("rival round", api.get(roundPath, rival).body());
        seen.put("rival rounds", api.get("/api/v1/tenders/" + lot + "/offer-rounds", rival).body());
        seen.put("buyer order", api.get("/api/v1/framework-orders/" + order, buyer).body());
        seen.put("buyer orders", api.get("/api/v1/framework-orders/mine", buyer).body());
        seen.put("buyer round", api.get(roundPath, buyer).body());
        seen.put("admin order", api.get("/api/v1/framework-orders/" + order, admin).body());
        seen.put("admin round", api.get(roundPath, admin).body());
        seen.put("public round", api.get(roundPath, null).body());
        seen.put("public agreement", api.get("/api/v1/public/framework-agreements/" + agreement, null).body());
        return seen;
    }

    /** Every row of every table of the database that holds {@code text} in its text form (a DBA's full read). */
    private List<String> tablesHolding(String text) {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.sql("""
                SELECT quote_ident(table_name) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list()) {
            long n = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :x) > 0").param("x", text)
                    .query(Long.class).single();
            if (n > 0) {
                found.add(table);
            }
        }
        return found;
    }

    @Test
    void beforeTheOpening_nobodyLearnsAnythingFromAnOffer_andNoTableHoldsItsPrice_thenTheLowerOfferWins() throws Exception {
        clock.set(T0);
        JsonNode placed = competition();
        String order = placed.path("id").asString();
        String agreement = placed.path("agreementId").asString();
        String lot = placed.path("lotId").asString();
        int round = placed.path("offerRound").asInt();
        Instant deadline = Instant.parse(placed.path("competitionDeadline").asString());

        // The outsiders' answers before and after supplier 1 offers: byte-identical (no price, no count, no name).
        Map<String, String> before = outsiderViews(order, lot, round, agreement);
        ApiClient.Response offered = api.post("/api/v1/framework-orders/" + order + "/offers",
                ApiClient.json(Map.of("price", PRICE)), supplier(1));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        assertThat(offered.body()).doesNotContain(PRICE).doesNotContain(AMOUNT);
        Map<String, String> after = outsiderViews(order, lot, round, agreement);
        assertThat(after).isEqualTo(before);
        assertThat(before.get("public round")).contains("\"allIn\":false").doesNotContain(PRICE);

        // A database administrator reading every table finds neither the unit price nor the amount before the opening.
        assertThat(tablesHolding(PRICE)).isEmpty();
        assertThat(tablesHolding(AMOUNT)).isEmpty();

        // Refusals: a supplier not shortlisted; a share before the round is due; an offer at the deadline.
        assertThat(api.post("/api/v1/framework-orders/" + order + "/offers", ApiClient.json(Map.of("price", "4000.00")),
                supplier(4)).code()).isEqualTo("GPL110_NOT_SHORTLISTED");
        assertThat(releaseRoundShare(lot, round, "centre").code()).isEqualTo("ROUND_NOT_DUE");
        assertThat(releaseRoundShare(lot, round, "tenderee2").code()).isEqualTo("ROUND_NOT_DUE");
        clock.set(clock.instant().plusSeconds(1));
        ApiClient.Response second = api.post("/api/v1/framework-orders/" + order + "/offers",
                ApiClient.json(Map.of("price", "4100.00")), supplier(2));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        clock.set(deadline);
        ApiClient.Response late = api.post("/api/v1/framework-orders/" + order + "/offers",
                ApiClient.json(Map.of("price", "3000.00")), supplier(3));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("FRAMEWORK_OFFER_CLOSED");
        // nor through sealing's own endpoint, nor by the buyer
        assertThat(api.post("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/offers",
                ApiClient.json(Map.of("priceSheet", "{\"totalPrice\":\"1.00\"}")), supplier(3)).code()).isEqualTo("OFFER_THROUGH_OWNER");

        // After the deadline the custodians (the centre, the buyer) open the round: the lower offer wins; supplier 3, who
        // stayed silent, is listed without an offer and changes nothing.
        clock.set(deadline.plusSeconds(30));
        assertThat(releaseRoundShare(lot, round, "agency").status()).isIn(403, 404); // not a custodian
        assertThat(releaseRoundShare(lot, round, "centre").status()).isEqualTo(200);
        JsonNode opened = releaseRoundShare(lot, round, "tenderee2").json();
        assertThat(opened.path("status").asString()).isEqualTo("OPENED");
        awaitEventsCompleted(OffersOpened.class);
        JsonNode done = api.get("/api/v1/framework-orders/" + order, api.freshToken("tenderee2")).json();
        assertThat(done.path("status").asString()).isEqualTo("CONCLUDED");
        assertThat(done.path("supplierId").asString()).isEqualTo(suppliers.get(0).id().toString());
        assertThat(done.path("unitPrice").decimalValue()).isEqualByComparingTo(PRICE);
        String record = opened.path("record").asString();
        assertThat(record).contains("\"status\":\"NONE\"").contains(suppliers.get(2).id().toString());
        assertThat(api.post("/api/v1/framework-orders/" + order + "/offers", ApiClient.json(Map.of("price", "1.00")),
                supplier(3)).code()).isIn("FRAMEWORK_STATE", "FRAMEWORK_OFFER_CLOSED");
        // the competition round is not a negotiation's: neither the negotiation nor the evaluation took it
        assertThat(jdbc.sql("SELECT count(*) FROM evaluation_offer WHERE lot_id = CAST(:l AS UUID)").param("l", lot)
                .query(Long.class).single()).isZero();
    }
}
