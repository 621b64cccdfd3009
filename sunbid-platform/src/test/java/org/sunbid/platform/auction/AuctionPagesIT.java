package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

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

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new ApiClient(baseUrl());
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private String projectId;

    private String publishedLandListing() {
        JsonNode project = LandListing.published(api, jdbc, clock.instant());
        projectId = project.path("id").asString();
        return project.path("lots").get(0).path("id").asString();
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
        JsonNode draft = LandListing.draft(api, jdbc, clock.instant());
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
