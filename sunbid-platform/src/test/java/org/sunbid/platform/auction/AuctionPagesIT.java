package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The auction pages (issue 17, part P) over real HTTP: the public auction room of a published land listing (39号令
 * Art. 17: 挂牌) renders for anyone with the lot, the live stream's address and the countdown's server time, and shows
 * no bidder's identity; the lot appears on the portal's project page with a link to the room; a lot that is not an
 * auction has no room; the workbench's auction pages follow the roles (a bidder's 我的竞买, the owners' settings page,
 * nobody else's).
 */
class AuctionPagesIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String cityInvestment;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
        cityInvestment = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'")
                .query(String.class).single();
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** A land-use-right listing (TDSYQ_LISTING) drafted by the demo agency; its project JSON. */
    private JsonNode landListing() {
        Instant now = clock.instant();
        Map<String, Object> lot = Map.ofEntries(Map.entry("projectCode", "TD-" + System.nanoTime() % 100_000_000),
                Map.entry("name", "云州市城东片区 2026-08 号地块国有建设用地使用权"), Map.entry("category", "土地"),
                Map.entry("estimatedPrice", "32000000.00"), Map.entry("deposit", "6400000.00"),
                Map.entry("qualification", "中华人民共和国境内的法人和其他组织"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", now.plus(Duration.ofDays(30)).toString()), Map.entry("openingVenue", "网上交易系统"),
                Map.entry("bidValidityDays", 90), Map.entry("documentsAvailableUntil", now.plus(Duration.ofDays(29)).toString()),
                Map.entry("notice", "国有建设用地使用权挂牌出让公告"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "TDSYQ",
                "procedureCode", "TDSYQ_LISTING", "name", "云州市城东片区 2026-08 号地块挂牌出让", "budget", "32000000.00",
                "category", "GOODS", "tendereeId", cityInvestment, "lots", List.of(lot))), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private String projectId;

    private String publishedLandListing() {
        JsonNode project = landListing();
        projectId = project.path("id").asString();
        String lotId = project.path("lots").get(0).path("id").asString();
        ApiClient.Response published = api.publish(lotId, api.token("agency"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return lotId;
    }

    @Test
    void land39_art17_theAuctionRoomIsPublicLiveAndShowsNoBiddersIdentity() throws Exception {
        String lotId = publishedLandListing();
        HttpResponse<String> room = new WebSession(baseUrl()).get("/auctions/" + lotId);
        assertThat(room.statusCode()).isEqualTo(200);
        assertThat(room.body()).contains("竞价大厅").contains("云州市城东片区 2026-08 号地块国有建设用地使用权")
                .contains("data-live=\"/api/v1/auctions/" + lotId + "/live\"")
                .contains("data-bid=\"/api/v1/auctions/" + lotId + "/bids\"")
                .contains("data-server-now=\"" + clock.instant().toEpochMilli() + "\"")
                .contains("id=\"bid-history\"").contains("/js/auction-room.js")
                .contains("竞买人登录后出价"); // the public has no bid form, only a way to sign in
        assertThat(room.body()).doesNotContain("id=\"bid-form\"");
        // no bidder's identity: no bidder organisation's name anywhere on the page
        List<String> bidders = jdbc.sql("SELECT name FROM organisation WHERE kind = 'BIDDER'").query(String.class).list();
        assertThat(bidders).isNotEmpty();
        bidders.forEach(name -> assertThat(room.body()).as("bidder %s named in the room", name).doesNotContain(name));

        // the portal's project page lists the lot with the way into its room
        HttpResponse<String> project = new WebSession(baseUrl()).get("/projects/" + projectId);
        assertThat(project.statusCode()).isEqualTo(200);
        assertThat(project.body()).contains("id=\"auctions\"").contains("href=\"/auctions/" + lotId + "\"")
                .contains("出让公告、出让文件与竞买申请");

        // in English too
        assertThat(new WebSession(baseUrl()).get("/auctions/" + lotId + "?lang=en").body()).contains("Auction room")
                .contains("Bid history");
    }

    @Test
    void aLotThatIsNotAnAuctionHasNoRoom() throws Exception {
        String tender = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0101'").query(String.class).single();
        HttpResponse<String> page = new WebSession(baseUrl()).get("/auctions/" + tender);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在");
        assertThat(new WebSession(baseUrl()).get("/auctions/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(new WebSession(baseUrl()).get("/auctions/not-a-uuid").statusCode()).isEqualTo(400);
    }

    @Test
    void theWorkbenchAuctionPagesFollowTheRoles() throws Exception {
        JsonNode draft = landListing();
        String lotId = draft.path("lots").get(0).path("id").asString();

        WebSession agency = new WebSession(baseUrl());
        agency.login("agency");
        HttpResponse<String> settings = agency.get("/workbench/auctions/" + lotId);
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("id=\"terms-form\"").contains("data-action=\"/api/v1/auctions/" + lotId + "/terms\"")
                .contains("id=\"reserve-form\"").contains("宗地编号").doesNotContain("id=\"increment-form\"")
                .doesNotContain("id=\"confirmation-form\"");
        assertThat(agency.get("/workbench/auctions").body()).contains("竞价标的").contains("href=\"/workbench/auctions/" + lotId + "\"");

        WebSession bidder = new WebSession(baseUrl());
        bidder.login("bidder1");
        assertThat(bidder.get("/workbench/auctions/" + lotId).statusCode()).isEqualTo(403);
        HttpResponse<String> mine = bidder.get("/workbench/auctions");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("我的竞买").contains("id=\"no-auctions\""); // not qualified anywhere yet

        HttpResponse<String> anonymous = new WebSession(baseUrl()).get("/workbench/auctions/" + lotId);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
    }
}
