package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.verifier.Verifier;

import tools.jackson.databind.JsonNode;

/**
 * Sealed final offers (最后报价, 74号令 Art. 33; 财库〔2014〕214号 Art. 21) per round, sealed and opened like bids. The
 * attacks run against the running application over HTTP — a rival supplier, the purchaser's and the agency's accounts,
 * an expert and the application's own database role try to learn a price before opening; a late offer, an uninvited
 * supplier and an early opening are refused — and each refusal changes nothing (snapshot). The honest paths: both
 * offers in, the custodians release their shares, the signed round record and {@link OffersOpened} carry the prices.
 */
@ExtendWith(PublishedEventsExtension.class)
class OfferRoundsIT extends PlatformIT {

    static final String P1 = "2468013.57";
    static final String P2_FIRST = "2579124.68";
    static final String P2 = "2513579.24";

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired OfferRounds rounds;
    @Autowired Accounts accounts;
    @Autowired FileStore files;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private UUID org(String username) {
        return accounts.findByUsername(username).orElseThrow().organisationId();
    }

    /** A published tender with three sealed bids, its deadline passed, closed; opened unless {@code open} is false. */
    private UUID lotWithBids(boolean open) throws Exception {
        JsonNode tender = publishTender(api(), Duration.ofDays(21), "50000");
        String id = tender.path("id").asString();
        clock.advance(Duration.ofDays(1));
        for (String b : List.of("bidder1", "bidder2", "bidder3")) {
            assertThat(sealAndUpload(id, b, "2600000.00")).as(b).isTrue();
        }
        clock.set(Instant.parse(tender.path("bidDeadline").asString()).plusSeconds(1));
        tenders.closeDueTenders();
        if (open) {
            releaseShare(id, "centre");
            assertThat(releaseShare(id, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        }
        return UUID.fromString(id);
    }

    private OfferRoundView openRound(UUID lot, int round, Instant deadline, String... suppliers) {
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (String s : suppliers) {
            ids.add(org(s));
        }
        return rounds.open(lot, round, deadline, ids, accounts.findByUsername("agency").orElseThrow());
    }

    private ApiClient.Response offer(UUID lot, int round, String bidder, String price) {
        return api().post("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/offers",
                ApiClient.json(Map.of("priceSheet", "{\"totalPrice\":\"" + price + "\",\"deliveryDays\":30}")), api().freshToken(bidder));
    }

    /** A custodian's tool: fetches its encrypted share of the round's key, decrypts it with its key and releases it. */
    private ApiClient.Response releaseRoundShare(UUID lot, int round, String username) throws Exception {
        ApiClient api = api();
        String token = api.freshToken(username);
        String base = "/api/v1/tenders/" + lot + "/offer-rounds/" + round;
        String encrypted = api.get(base + "/key/my-share", token).json().path("encryptedShare").asString();
        String share = new String(Sm2.decrypt(demoKeyOf(username), Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
        return api.post(base + "/shares", ApiClient.json(Map.of("share", share)), token);
    }

    /** The kinds of the to-do entries about {@code lot} on {@code username}'s workbench home. */
    private List<String> todoKinds(String username, UUID lot) throws Exception {
        String home = session(username).send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/workbench"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return java.util.regex.Pattern.compile("data-kind=\"([a-z-]+)\">\\s*<a href=\"[^\"]*" + lot).matcher(home).results()
                .map(m -> m.group(1)).toList();
    }

    /** What a refused attempt must leave unchanged: the round's offers, releases, record, and the log. */
    private Map<String, Object> snapshot(UUID lot) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("offers", jdbc.sql("SELECT string_agg(id::text || envelope_sm3, ',' ORDER BY seq) FROM offer_envelope WHERE lot_id = :l")
                .param("l", lot).query(String.class).optional().orElse(""));
        s.put("releases", jdbc.sql("SELECT COUNT(*) FROM offer_round_share_release WHERE lot_id = :l").param("l", lot)
                .query(Long.class).single());
        s.put("shares", jdbc.sql("SELECT COUNT(*) FROM offer_round_released_share WHERE lot_id = :l").param("l", lot)
                .query(Long.class).single());
        s.put("openings", jdbc.sql("SELECT COUNT(*) FROM offer_round_opening WHERE lot_id = :l").param("l", lot)
                .query(Long.class).single());
        s.put("rounds", jdbc.sql("SELECT COUNT(*) FROM offer_round WHERE lot_id = :l").param("l", lot).query(Long.class).single());
        s.put("log", jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'subject' = :l").param("l", lot.toString())
                .query(Long.class).single());
        s.put("confidential", jdbc.sql("SELECT COUNT(*) FROM log_confidential").query(Long.class).single());
        return s;
    }

    /** Everything the application's database role can read about the lot's offers, as text: rows, log, files. */
    private String whatTheDatabaseRoleSees(UUID lot) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (String table : List.of("offer_round", "offer_round_key_share", "offer_envelope", "offer_round_share_release",
                "offer_round_released_share", "offer_round_opening")) {
            jdbc.sql("SELECT t::text FROM " + table + " t WHERE lot_id = :l").param("l", lot).query(String.class).list()
                    .forEach(seen::append);
        }
        jdbc.sql("SELECT details FROM log_entry").query(String.class).list().forEach(seen::append);
        jdbc.sql("SELECT l::text FROM log_confidential l").query(String.class).list().forEach(seen::append);
        for (String sm3 : jdbc.sql("SELECT envelope_sm3 FROM offer_envelope WHERE lot_id = :l").param("l", lot)
                .query(String.class).list()) {
            seen.append(new String(Files.readAllBytes(files.find(sm3).orElseThrow()), StandardCharsets.ISO_8859_1));
        }
        return seen.toString();
    }

    private static void assertNoPrice(String seen, String who) {
        for (String price : List.of(P1, P2_FIRST, P2)) {
            assertThat(seen).as(who + " must not see " + price).doesNotContain(price);
        }
    }

    @Test
    void gpl74_art33_nobodyLearnsAPriceBeforeOpening_lateUninvitedAndEarlyAreRefused_theRecordCarriesTheFinalOffers(
            PublishedEvents events) throws Exception {
        UUID lot = lotWithBids(false);
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        // No round before the lot's responses are opened.
        assertThat(((DomainException) org.assertj.core.api.Assertions.catchThrowable(() -> openRound(lot, 1, deadline, "bidder1",
                "bidder2"))).errorCode()).isEqualTo(SealingError.ROUND_BIDS_NOT_OPENED);
        releaseShare(lot.toString(), "centre");
        assertThat(releaseShare(lot.toString(), "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        OfferRoundView opened = openRound(lot, 1, deadline, "bidder1", "bidder2");
        assertThat(opened.status()).isEqualTo("OPEN");
        // The round's key is logged in public, with the same threshold as the lot's bid opening key.
        assertThat(jdbc.sql("SELECT details FROM log_entry WHERE seq = :s").param("s", opened.createdLogSeq()).query(String.class)
                .single()).contains(OfferRounds.KEY_CREATED).contains(lot.toString());
        assertThat(opened.threshold()).isEqualTo(api().get("/api/v1/tenders/" + lot + "/opening-key", null).json()
                .path("threshold").asInt());

        assertThat(offer(lot, 1, "bidder1", P1).status()).isEqualTo(201);
        assertThat(offer(lot, 1, "bidder2", P2_FIRST).status()).isEqualTo(201);

        // Nobody sees a price before opening: the rival (whose response was opened, not in this round), the purchaser,
        // the agency, an expert, the public — through every route of the round.
        String base = "/api/v1/tenders/" + lot + "/offer-rounds";
        for (String who : new String[] {"bidder3", "tenderee", "agency", "expert01", "centre", null}) {
            String token = who == null ? null : api().freshToken(who);
            StringBuilder seen = new StringBuilder();
            for (String path : List.of(base, base + "/1", base + "/1/offers/mine", "/api/v1/tenders/" + lot + "/opening",
                    "/tenders/" + lot)) {
                seen.append(api().get(path, token).body());
            }
            assertNoPrice(seen.toString(), String.valueOf(who));
        }
        for (String who : new String[] {"bidder3", "tenderee", "agency", "centre"}) { // and on their workbench pages
            java.net.http.HttpClient web = session(who);
            StringBuilder seen = new StringBuilder();
            for (String page : List.of("/workbench/tenders/" + lot, "/workbench/tenders/" + lot + "/offer-rounds")) {
                seen.append(web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + page)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            }
            assertThat(seen.toString()).as(who).contains("offer-round-1");
            assertNoPrice(seen.toString(), who);
        }
        JsonNode view = api().get(base + "/1", api().freshToken("bidder3")).json();
        assertThat(view.path("allIn").asBoolean()).isTrue(); // all that is shown of the offers in: all in or not
        assertThat(view.path("record").isNull()).isTrue();
        assertThat(api().get(base + "/1/offers/mine", api().freshToken("bidder3")).code()).isEqualTo("OFFER_NOT_FOUND");
        // The application's own database role: the stored rows, the log and the stored files hold no price.
        assertNoPrice(whatTheDatabaseRoleSees(lot), "the database role");

        // An uninvited supplier — the rival whose response was opened, and one without any response — is refused.
        Map<String, Object> before = snapshot(lot);
        assertThat(offer(lot, 1, "bidder3", "1.00").code()).isEqualTo("OFFER_NOT_INVITED");
        assertThat(offer(lot, 1, "bidder4", "1.00").code()).isEqualTo("OFFER_NOT_INVITED");
        assertThat(snapshot(lot)).isEqualTo(before);

        // Deadline − 1 ms: bidder2's later offer replaces its earlier one. At the deadline: late, nothing changes.
        clock.set(deadline.minusMillis(1));
        ApiClient.Response replaced = offer(lot, 1, "bidder2", P2);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(201);
        assertThat(api().get(base + "/1/offers/mine", api().freshToken("bidder2")).json().path("receipt").asString())
                .isEqualTo(replaced.json().path("receipt").asString());
        clock.set(deadline);
        before = snapshot(lot);
        ApiClient.Response late = offer(lot, 1, "bidder1", "1000000.00");
        assertThat(late.code()).isEqualTo("OFFER_LATE");
        assertThat(late.body()).doesNotContain("1000000.00"); // the price is never echoed in an error
        assertThat(snapshot(lot)).isEqualTo(before);
        assertNoPrice(whatTheDatabaseRoleSees(lot), "the database role");

        // The custodians release their shares of the round's key; the offers are opened and the record signed.
        assertThat(releaseRoundShare(lot, 1, "centre").json().path("status").asString()).isEqualTo("OPEN");
        JsonNode done = releaseRoundShare(lot, 1, "supervisor").json();
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("OPENED");
        String recordJson = done.path("record").asString();
        JsonNode record = new ApiClient.Response(200, "application/json", recordJson).json();
        Map<String, String> read = new LinkedHashMap<>();
        record.path("offers").forEach(o -> read.put(o.path("bidderId").asString(), o.path("priceSheet").path("totalPrice").asString()));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.of(org("bidder1").toString(), P1, org("bidder2").toString(), P2));
        X509Certificate platform = Pem.certificate(api().get("/api/v1/ca/platform-certificate", null).json().path("pem").asString());
        assertThat(Sm2.verify(platform.getPublicKey(), recordJson.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(done.path("recordSignature").asString()))).isTrue();
        List<OffersOpened> published = java.util.stream.StreamSupport.stream(events.ofType(OffersOpened.class).matching(e -> e.lotId().equals(lot)).spliterator(), false).toList();
        assertThat(published).hasSize(1);
        OffersOpened offersOpened = published.get(0);
        assertThat(offersOpened.round()).isEqualTo(1);
        assertThat(offersOpened.recordSm3()).isEqualTo(org.sunbid.crypto.Sm3.hex(recordJson));
        assertThat(offersOpened.offers()).extracting(o -> o.bidderId() + "=" + o.price().toPlainString())
                .containsExactlyInAnyOrder(org("bidder1") + "=" + P1, org("bidder2") + "=" + P2);
        assertThat(rounds.replay(lot, 1)).contains(offersOpened);
        // The plaintext shares are gone; the record is public; a share after opening changes nothing.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM offer_round_released_share WHERE lot_id = :l").param("l", lot)
                .query(Long.class).single()).isZero();
        assertThat(api().get(base + "/1", null).body()).contains(P1).contains(P2);
        before = snapshot(lot);
        assertThat(releaseRoundShare(lot, 1, "tenderee").code()).isEqualTo("OPENING_NOT_READY");
        assertThat(snapshot(lot)).isEqualTo(before);
        var verdict = Verifier.run("log", baseUrl());
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
    }

    @Test
    void gpl74_art33_aRoundIsOpenedBeforeItsDeadlineOnlyOnceEveryOfferIsIn_roundsAreNumberedInTurn(PublishedEvents events)
            throws Exception {
        UUID lot = lotWithBids(true);
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        DomainException skipped = (DomainException) org.assertj.core.api.Assertions.catchThrowable(
                () -> openRound(lot, 2, deadline, "bidder1", "bidder2"));
        assertThat(skipped.errorCode()).isEqualTo(SealingError.ROUND_INVALID);
        openRound(lot, 1, deadline, "bidder1", "bidder2", "bidder3");
        DomainException second = (DomainException) org.assertj.core.api.Assertions.catchThrowable(
                () -> openRound(lot, 2, deadline, "bidder1", "bidder2"));
        assertThat(second.errorCode()).isEqualTo(SealingError.ROUND_INVALID); // round 1 is not opened yet
        assertThat(offer(lot, 1, "bidder1", P1).status()).isEqualTo(201);
        assertThat(offer(lot, 1, "bidder2", P2).status()).isEqualTo(201);

        // Two of three in, before the deadline: not due; nothing changes.
        Map<String, Object> before = snapshot(lot);
        assertThat(api().get("/api/v1/tenders/" + lot + "/offer-rounds/1", null).json().path("allIn").asBoolean()).isFalse();
        assertThat(releaseRoundShare(lot, 1, "centre").code()).isEqualTo("ROUND_NOT_DUE");
        assertThat(snapshot(lot)).isEqualTo(before);

        assertThat(todoKinds("centre", lot)).doesNotContain("offer-share");
        assertThat(offer(lot, 1, "bidder3", "2400000.00").status()).isEqualTo(201);
        assertThat(todoKinds("centre", lot)).contains("offer-share"); // due: the custodians' to-do lists say so
        releaseRoundShare(lot, 1, "centre");
        // The tenderee releases with its tool, as for the bid opening (sunbid-bidder release --round 1).
        var tool = org.sunbid.bidder.BidderTool.run("release", "--platform", baseUrl(), "--tender", lot.toString(), "--round", "1",
                "--user", "tenderee", "--password", PASSWORD,
                "--key", DATA.resolve("demo-keys").resolve(creditCodeOf("tenderee") + ".key.pem").toString());
        assertThat(tool.ok()).as(tool.line()).isTrue();
        assertThat(tool.line()).contains("OPENED");
        assertThat(rounds.view(lot, 1).orElseThrow().status()).isEqualTo("OPENED");
        assertThat(clock.instant()).isBefore(deadline);
        assertThat(java.util.stream.StreamSupport.stream(events.ofType(OffersOpened.class).matching(e -> e.lotId().equals(lot)).spliterator(), false).findFirst().orElseThrow()
                .offers()).hasSize(3);

        // Round 2 follows round 1; its deadline passes with one offer missing: the record says "none" for it.
        Instant deadline2 = clock.instant().plus(Duration.ofHours(1));
        OfferRoundView round2 = openRound(lot, 2, deadline2, "bidder1", "bidder2");
        assertThat(round2.keySm3()).isNotEqualTo(rounds.view(lot, 1).orElseThrow().keySm3()); // a key of its own
        assertThat(offer(lot, 2, "bidder2", "2400000.00").status()).isEqualTo(201);
        clock.set(deadline2);
        releaseRoundShare(lot, 2, "centre");
        // The supervisor pastes its decrypted share into its workbench page.
        String page = "/workbench/tenders/" + lot + "/offer-rounds";
        java.net.http.HttpClient web = session("supervisor");
        String html = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + page)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("round-share-form");
        String csrf = html.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String encrypted = api().get("/api/v1/tenders/" + lot + "/offer-rounds/2/key/my-share", api().freshToken("supervisor")).json()
                .path("encryptedShare").asString();
        String share = new String(Sm2.decrypt(demoKeyOf("supervisor"), Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
        var posted = web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + page + "/2/share"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("share=" + java.net.URLEncoder.encode(share, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode opened2 = api().get("/api/v1/tenders/" + lot + "/offer-rounds/2", null).json();
        assertThat(opened2.path("status").asString()).isEqualTo("OPENED");
        assertThat(opened2.path("record").asString()).contains("\"status\":\"NONE\"");
        assertThat(web.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + page)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("2400000.00");
        assertThat(rounds.rounds(lot)).extracting(OfferRoundView::status).containsExactly("OPENED", "OPENED");
    }

    /**
     * 政府采购法 Art. 57 / 94号令 Art. 28: while the department handling a complaint has the lot suspended (tendering's
     * API, which complaints calls), no final offer is taken and nothing changes; when the suspension ends by its own
     * end instant, the offer is accepted.
     */
    @Test
    void gpl_art57_aComplaintsSuspensionRefusesFinalOffersUntilItEnds() throws Exception {
        UUID lot = lotWithBids(true);
        Instant until = clock.instant().plus(Duration.ofHours(1));
        openRound(lot, 1, clock.instant().plus(Duration.ofHours(3)), "bidder1", "bidder2", "bidder3");
        tenders.suspendForComplaint(lot, UUID.randomUUID(), until, org.sunbid.platform.kernel.Actor.SYSTEM);

        Map<String, Object> before = snapshot(lot);
        ApiClient.Response refused = offer(lot, 1, "bidder1", P1);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("GPL_57_PROCUREMENT_SUSPENDED");
        assertThat(snapshot(lot)).isEqualTo(before);

        clock.set(until);
        assertThat(offer(lot, 1, "bidder1", P1).status()).isEqualTo(201);
    }
}
