package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.sealing.OffersOpened;

import tools.jackson.databind.JsonNode;

/**
 * A framework agreement's first-stage responses are bids (issue 22, session 12), sealed on arrival to the agreement's
 * competition round, against the real application: before the response deadline nobody — a rival supplier, the
 * collecting body, an administrator, the public — learns anything from a response (their answers are byte-identical
 * before and after it); a database administrator reading every table of every schema finds no plain price of it;
 * shortlisting is refused until the custodians (the centre, supervision, the collecting body) have released their
 * shares and the responses are opened; once opened the prices reach the responses (once, however often sealing's event
 * is delivered) and the shortlist ranks them. Runs in August 2027 with suppliers of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class FrameworkResponseSealingIT extends PlatformIT {

    /** Monday 2027-08-02 09:30 Beijing. */
    static final Instant T0 = Instant.parse("2027-08-02T01:30:00Z");
    /** Supplier 1's unit prices and their sum, which appear nowhere else in the database. */
    static final String P1 = "3888.81";
    static final String P2 = "1277.72";
    static final String TOTAL = "5166.53";

    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired FrameworkAgreements agreements;
    @Autowired OfferRounds rounds;

    private ApiClient api;
    private final List<Organisation> suppliers = new ArrayList<>();

    @BeforeAll
    void freshSuppliers() {
        clock.set(T0);
        api = new ApiClient(baseUrl());
        suppliers.addAll(SUPPLIERS.register(organisations, accounts, 4, "框架协议密封响应测试供应商", PASSWORD));
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private static final FrameworkSuppliers SUPPLIERS = new FrameworkSuppliers("fr");

    private static String username(Organisation o) {
        return SUPPLIERS.username(o);
    }

    private String supplier(int i) {
        return api.freshToken(username(suppliers.get(i - 1)));
    }

    private ApiClient.Response respond(String agreement, int supplier, String p1, String p2) {
        return api.post("/api/v1/framework-agreements/" + agreement + "/responses",
                ApiClient.json(Map.of("prices", Map.of("1", p1, "2", p2))), supplier(supplier));
    }

    /** What each outsider to supplier 1's response can read about the agreement and its round, as raw bytes. */
    private Map<String, String> outsiderViews(String agreement, String lot, int round) {
        Map<String, String> seen = new LinkedHashMap<>();
        String rival = supplier(2);
        String collector = api.freshToken("agency");
        String admin = api.freshToken("admin");
        String roundPath = "/api/v1/tenders/" + lot + "/offer-rounds/" + round;
        seen.put("rival agreement", api.get("/api/v1/framework-agreements/" + agreement, rival).body());
        seen.put("rival round", api.get(roundPath, rival).body());
        seen.put("rival rounds", api.get("/api/v1/tenders/" + lot + "/offer-rounds", rival).body());
        seen.put("collector agreement", api.get("/api/v1/framework-agreements/" + agreement, collector).body());
        seen.put("collector joins", api.get("/api/v1/framework-agreements/" + agreement + "/joins", collector).body());
        seen.put("collector round", api.get(roundPath, collector).body());
        seen.put("collector shortlist", api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":1}",
                collector).body());
        seen.put("admin agreement", api.get("/api/v1/framework-agreements/" + agreement, admin).body());
        seen.put("admin round", api.get(roundPath, admin).body());
        seen.put("public agreement", api.get("/api/v1/public/framework-agreements/" + agreement, null).body());
        seen.put("public round", api.get(roundPath, null).body());
        seen.put("public log head", api.get("/api/v1/log/head", null).body()); // no entry per response, not even a sealed one
        return seen;
    }

    /** Every table of every schema (as a database administrator) whose rows hold {@code text} in their text form. */
    private List<String> tablesHolding(String text) {
        List<String> found = new ArrayList<>();
        for (String table : jdbc.sql("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                ORDER BY 1""").query(String.class).list()) {
            long n = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, :x) > 0").param("x", text)
                    .query(Long.class).single();
            if (n > 0) {
                found.add(table);
            }
        }
        return found;
    }

    @Test
    void responsesAreSealedBids_nobodyLearnsOneBeforeTheDeadline_shortlistingWaitsForTheOpening(CapturedOutput output)
            throws Exception {
        clock.set(T0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "云州市2027年度笔记本电脑及投影仪框架协议采购（密封响应）" + (System.nanoTime() % 10_000));
        body.put("regionCode", "990100");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("itemCode", "A02010104");
        body.put("budget", "1500000.00");
        Instant deadline = T0.plus(Duration.ofDays(5));
        body.put("responseDeadline", deadline.toString());
        body.put("items", List.of(Map.of("name", "笔记本电脑", "unit", "台", "maxUnitPrice", "5000.00"),
                Map.of("name", "投影仪", "unit", "台", "maxUnitPrice", "1500.00")));
        ApiClient.Response created = api.post("/api/v1/framework-agreements", ApiClient.json(body), api.freshToken("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String agreement = created.json().path("id").asString();
        String lot = created.json().path("lotId").asString();
        int round = created.json().path("responseRound").asInt();
        assertThat(round).isPositive();
        assertThat(created.json().path("responsesOpened").asBoolean()).isFalse();
        JsonNode publicRound = api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round, null).json();
        assertThat(publicRound.path("kind").asString()).isEqualTo("COMPETITION");
        assertThat(publicRound.path("purpose").asString()).isEqualTo("framework-response:" + agreement);

        // The outsiders' answers before and after supplier 1 responds: byte-identical (no price, no count, no name).
        clock.set(T0.plusSeconds(10));
        Map<String, String> before = outsiderViews(agreement, lot, round);
        ApiClient.Response first = respond(agreement, 1, P1, P2);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"signature\"").doesNotContain(P1).doesNotContain(P2).doesNotContain(TOTAL);
        Map<String, String> after = outsiderViews(agreement, lot, round);
        assertThat(after).isEqualTo(before);
        assertThat(before.get("collector shortlist")).contains("FRAMEWORK_STATE"); // before the deadline: the period runs

        // A database administrator reading every table of every schema finds no price of the response.
        assertThat(tablesHolding(P1)).isEmpty();
        assertThat(tablesHolding(P2)).isEmpty();
        assertThat(tablesHolding(TOTAL)).isEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM framework_response_price p JOIN framework_response r ON r.id = p.response_id
                WHERE r.agreement_id = CAST(:a AS UUID)""").param("a", agreement).query(Long.class).single()).isZero();

        // The other suppliers respond, a second apart; the checks on arrival still hold.
        assertThat(respond(agreement, 2, "5000.01", "1000.00").code()).isEqualTo("GPL110_ABOVE_MAX_UNIT_PRICE");
        String[][] prices = {{"4100.00", "1200.00"}, {"3990.00", "1490.00"}, {"4600.00", "1400.00"}};
        for (int i = 0; i < prices.length; i++) {
            clock.set(clock.instant().plusSeconds(1));
            ApiClient.Response r = respond(agreement, i + 2, prices[i][0], prices[i][1]);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        assertThat(respond(agreement, 1, "4000.00", "1000.00").code()).isEqualTo("FRAMEWORK_ALREADY_RESPONDED");
        // nor through sealing's own endpoint; and no custodian may release a share before the deadline
        assertThat(api.post("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/offers",
                ApiClient.json(Map.of("priceSheet", "{\"totalPrice\":\"1.00\"}")), supplier(2)).code()).isEqualTo("OFFER_THROUGH_OWNER");
        assertThat(releaseRoundShare(lot, round, "centre").code()).isEqualTo("ROUND_NOT_DUE");
        assertThat(releaseRoundShare(lot, round, "agency").code()).isEqualTo("ROUND_NOT_DUE");

        // After the deadline: no late response; shortlisting is refused until the responses are opened.
        clock.set(deadline.plusSeconds(60));
        assertThat(respond(agreement, 1, "4000.00", "1000.00").code()).isEqualTo("FRAMEWORK_RESPONSE_CLOSED");
        ApiClient.Response sealed = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":3}",
                api.freshToken("agency"));
        assertThat(sealed.status()).isEqualTo(409);
        assertThat(sealed.isProblem()).isTrue();
        assertThat(sealed.code()).isEqualTo("FRAMEWORK_RESPONSES_SEALED");
        assertThat(sealed.body()).doesNotContain(P1).doesNotContain("4100.00");
        assertThat(tablesHolding(P1)).isEmpty();
        // nor did any log line of the application carry a price of the response up to here
        assertThat(output.getAll()).doesNotContain(P1).doesNotContain(P2).doesNotContain(TOTAL);

        // The custodians release their shares: the round opens and the opened prices reach the responses.
        JsonNode opened = openFrameworkResponses(agreement);
        assertThat(opened.path("record").asString()).contains(suppliers.get(0).id().toString()).contains(P1);
        JsonNode view = api.get("/api/v1/framework-agreements/" + agreement, api.freshToken("agency")).json();
        assertThat(view.path("responsesOpened").asBoolean()).isTrue();
        Map<Integer, BigDecimal> written = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.item_no, p.unit_price FROM framework_response_price p JOIN framework_response r ON r.id = p.response_id
                WHERE r.supplier_id = :s AND r.agreement_id = CAST(:a AS UUID) ORDER BY p.item_no""")
                .param("s", suppliers.get(0).id()).param("a", agreement)
                .query(rs -> {
                    written.put(rs.getInt(1), rs.getBigDecimal(2));
                });
        assertThat(written).hasSize(2);
        assertThat(written.get(1)).isEqualByComparingTo(P1);
        assertThat(written.get(2)).isEqualByComparingTo(P2);

        // Sealing's event delivered again (a replay) changes nothing.
        String stateBefore = responsesState(agreement);
        clock.set(clock.instant().plusSeconds(30));
        deliver(rounds.replay(UUID.fromString(lot), round).orElseThrow());
        assertThat(responsesState(agreement)).isEqualTo(stateBefore);

        // The shortlist ranks the opened prices by their sum: s1 5166.53, s2 5300, s3 5480; s4 6000 is eliminated.
        ApiClient.Response shortlist = api.post("/api/v1/framework-agreements/" + agreement + "/shortlist", "{\"count\":3}",
                api.freshToken("agency"));
        assertThat(shortlist.status()).as(shortlist.body()).isEqualTo(200);
        List<String> members = new ArrayList<>();
        shortlist.json().path("members").forEach(m -> members.add(m.path("supplierId").asString()));
        assertThat(members).containsExactly(suppliers.get(0).id().toString(), suppliers.get(1).id().toString(),
                suppliers.get(2).id().toString());
        assertThat(shortlist.json().path("members").get(0).path("prices").path("1").decimalValue()).isEqualByComparingTo(P1);
    }

    /**
     * What the listener makes of an opened round (sealing's event as it arrives, built here in-process for three real
     * responses): the response that opened within its maxima takes its prices; one whose opened price is above a maximum,
     * and one whose envelope is not among the opened, are eliminated with their reason; the agreement counts as opened.
     */
    @Test
    void anOpenedPriceAboveAMaximum_orAnEnvelopeThatDidNotOpen_isEliminatedWithAReason() {
        Instant t = T0.plus(Duration.ofDays(20));
        clock.set(t);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "云州市2027年度碎纸机框架协议采购（开启淘汰）" + (System.nanoTime() % 10_000));
        body.put("regionCode", "990100");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("budget", "300000.00");
        body.put("responseDeadline", t.plus(Duration.ofDays(2)).toString());
        body.put("items", List.of(Map.of("name", "碎纸机", "unit", "台", "maxUnitPrice", "900.00")));
        JsonNode created = api.post("/api/v1/framework-agreements", ApiClient.json(body), api.freshToken("agency")).json();
        String agreement = created.path("id").asString();
        UUID lot = UUID.fromString(created.path("lotId").asString());
        int round = created.path("responseRound").asInt();
        for (int i = 1; i <= 3; i++) {
            clock.set(clock.instant().plusSeconds(1));
            assertThat(api.post("/api/v1/framework-agreements/" + agreement + "/responses",
                    ApiClient.json(Map.of("prices", Map.of("1", "800.00"))), supplier(i)).status()).isEqualTo(200);
        }
        clock.set(t.plus(Duration.ofDays(2)).plusSeconds(60));
        List<OffersOpened.Offer> offers = List.of(
                new OffersOpened.Offer(suppliers.get(0).id(), new BigDecimal("850.00"),
                        "{\"itemPrices\":{\"1\":\"850.00\"},\"totalPrice\":\"850.00\"}", t),
                new OffersOpened.Offer(suppliers.get(1).id(), new BigDecimal("950.00"),
                        "{\"itemPrices\":{\"1\":\"950.00\"},\"totalPrice\":\"950.00\"}", t));
        deliver(new OffersOpened(lot, round, "0".repeat(64), clock.instant(), offers, "COMPETITION",
                "framework-response:" + agreement));
        Map<UUID, String> decided = new LinkedHashMap<>();
        jdbc.sql("SELECT supplier_id, status || ' ' || coalesce(review_reason, '') FROM framework_response"
                + " WHERE agreement_id = CAST(:a AS UUID)").param("a", agreement)
                .query(rs -> {
                    decided.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        assertThat(decided.get(suppliers.get(0).id())).isEqualTo("SUBMITTED ");
        assertThat(decided.get(suppliers.get(1).id())).startsWith("ELIMINATED").contains("above its maximum unit price");
        assertThat(decided.get(suppliers.get(2).id())).isEqualTo("ELIMINATED sealed response did not open");
        assertThat(jdbc.sql("SELECT p.unit_price FROM framework_response_price p JOIN framework_response r ON r.id = p.response_id"
                + " WHERE r.agreement_id = CAST(:a AS UUID) AND r.supplier_id = :s").param("a", agreement)
                .param("s", suppliers.get(0).id()).query(BigDecimal.class).single()).isEqualByComparingTo("850.00");
        assertThat(api.get("/api/v1/public/framework-agreements/" + agreement, null).json().path("responsesOpened").asBoolean())
                .isTrue();
        // an order's round on the same lot is not this listener's: nothing of the agreement changes
        String state = responsesState(agreement);
        deliver(new OffersOpened(lot, round, "1".repeat(64), clock.instant(), List.of(), "COMPETITION",
                "framework-order:" + agreement));
        assertThat(responsesState(agreement)).isEqualTo(state);
    }

    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    /**
     * Delivers {@code event} to procurement's listener as sealing's event publication would, but in this thread and
     * transaction-bound (the listener is asynchronous through its proxy), so the assertions after it see its effect.
     */
    private void deliver(OffersOpened event) {
        FrameworkAgreements target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(agreements);
        tx.executeWithoutResult(status -> target.on(event));
    }

    /** The agreement's opening state and every response's status and prices, as one text. */
    private String responsesState(String agreement) {
        return jdbc.sql("SELECT responses_opened_at::text || response_record_sm3 FROM framework_agreement WHERE id = CAST(:a AS UUID)")
                .param("a", agreement).query(String.class).single()
                + jdbc.sql("""
                        SELECT string_agg(r.id::text || r.status || coalesce(r.updated_at::text, '') || coalesce(p.item_no::text, '')
                            || coalesce(p.unit_price::text, ''), ',' ORDER BY r.id, p.item_no)
                        FROM framework_response r LEFT JOIN framework_response_price p ON p.response_id = r.id
                        WHERE r.agreement_id = CAST(:a AS UUID)""")
                .param("a", agreement).query(String.class).single();
    }
}
