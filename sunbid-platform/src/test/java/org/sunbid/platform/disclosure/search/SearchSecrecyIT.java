package org.sunbid.platform.disclosure.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.TenderPublished;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * Acceptance 4 for the search (issue 18): before a lot's deadline nobody finds, by searching, who registered, what they
 * bid or who was drawn to evaluate (the demo's drawn committees by name); a live auction's sealed reserve and qualified
 * bidders are searched for by {@code AuctionSealingIT}. The attack searches the running application
 * for exactly those strings and fails; after the opening, the opening record's public parts are found.
 */
class SearchSecrecyIT extends PlatformIT {

    @Autowired
    Tenders tenders;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private JsonNode search(String words) {
        ApiClient.Response r = new ApiClient(baseUrl()).get("/api/v1/search?size=100&q="
                + URLEncoder.encode(words, StandardCharsets.UTF_8), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> lotsOf(JsonNode results) {
        List<String> lots = new ArrayList<>();
        results.path("hits").forEach(h -> lots.add(h.path("lotId").asString()));
        return lots;
    }

    private static java.util.Set<String> idsOf(JsonNode results) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        results.path("hits").forEach(h -> ids.add(h.path("id").asString()));
        return ids;
    }

    private String organisationOf(String username) {
        return jdbc.sql("SELECT o.name FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.username = :u")
                .param("u", username).query(String.class).single();
    }

    @Test
    void beforeTheDeadlineNeitherBiddersNorBidsNorExpertsAreFindableAndAfterTheOpeningTheRecordIs() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "100000");
        String tenderId = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        awaitEventsCompleted(TenderPublished.class);
        // the notice itself is public at once
        assertThat(lotsOf(search("图书馆改扩建"))).contains(tenderId);

        String[][] bids = {{"bidder1", "36281234.56"}, {"bidder2", "35701234.56"}, {"bidder3", "37151234.56"}};
        // what searching for each bidder's name finds before it registers (its words may occur in notices by chance)
        java.util.Map<String, java.util.Set<String>> before = new java.util.HashMap<>();
        for (String[] bid : bids) {
            before.put(bid[0], idsOf(search(organisationOf(bid[0]))));
        }
        JsonNode notice = search("图书馆改扩建");

        clock.advance(Duration.ofDays(1));
        for (String[] bid : bids) {
            assertThat(sealAndUpload(tenderId, bid[0], bid[1])).as(bid[0]).isTrue();
        }
        // the attack: every registered bidder's name and every bid amount, searched for before the deadline
        for (String[] bid : bids) {
            assertThat(lotsOf(search(organisationOf(bid[0])))).as(bid[0]).doesNotContain(tenderId);
            // (other lots' notices may change meanwhile — other tests' events reach the index too — so only this lot counts)
            assertThat(idsOf(search(organisationOf(bid[0]))).stream().filter(id -> id.contains(tenderId)).toList())
                    .as(bid[0]).isEqualTo(before.get(bid[0]).stream().filter(id -> id.contains(tenderId)).toList());
            assertThat(search(bid[1]).path("total").asLong()).as(bid[1]).isZero();
        }
        // the drawn experts: the committees the demo's draws called (revealed to the platform at their sign-in), and
        // whoever else is in the expert database — none is ever indexed by name
        List<String> drawn = jdbc.sql("SELECT DISTINCT a.display_name FROM expert_draw_contact c"
                + " JOIN expert e ON e.id = c.revealed_expert_id JOIN account a ON a.id = e.account_id ORDER BY a.display_name")
                .query(String.class).list();
        assertThat(drawn).as("the demo has drawn committees").hasSizeGreaterThanOrEqualTo(5);
        List<String> experts = new ArrayList<>(drawn);
        experts.addAll(jdbc.sql("SELECT a.display_name FROM expert e JOIN account a ON a.id = e.account_id ORDER BY a.username LIMIT 30").query(String.class).list());
        for (String expert : experts) {
            assertThat(search(expert).path("total").asLong()).as(expert).isZero();
        }
        // nothing changed in what the search shows of the lot
        assertThat(idsOf(search("图书馆改扩建")).stream().filter(id -> id.contains(tenderId)).toList())
                .isEqualTo(idsOf(notice).stream().filter(id -> id.contains(tenderId)).toList());

        // at the opening, the record (bidders and prices) is public, and so searchable
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        awaitEventsCompleted(BiddingClosed.class);
        for (String[] bid : bids) {
            assertThat(idsOf(search(organisationOf(bid[0]))).stream().filter(id -> id.contains(tenderId)).toList())
                    .as(bid[0] + " before the opening").isEqualTo(before.get(bid[0]).stream().filter(id -> id.contains(tenderId)).toList());
            assertThat(search(bid[1]).path("total").asLong()).as(bid[1] + " before the opening").isZero();
        }
        releaseShare(tenderId, "centre");
        assertThat(releaseShare(tenderId, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        awaitEventsCompleted(BidsOpened.class);
        for (String[] bid : bids) {
            JsonNode found = search(organisationOf(bid[0]) + " " + bid[1]);
            assertThat(lotsOf(found)).as(bid[0]).containsExactly(tenderId);
            assertThat(found.path("hits").get(0).path("type").asString()).isEqualTo("OPENING_RECORD");
        }
    }
}
