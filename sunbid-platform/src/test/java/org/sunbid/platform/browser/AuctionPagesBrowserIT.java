package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.auction.LandListing;
import tools.jackson.databind.JsonNode;

/**
 * The auction pages in Chromium (issue 17, part P): the public auction room of a published land listing, the
 * project page's auction card and the owner's settings page of a draft listing, each at 1366 px and at 390 px without
 * a sideways scroll (screenshots in target/screenshots/auction-*.png). The room's script starts its live connection
 * and its countdown; the three-browser bidding test of acceptance 4 needs the live engine (parts C, D, L).
 */
class AuctionPagesBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @BeforeEach
    void atStart() {
        clock.set(START);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void theRoomTheProjectCardAndTheOwnersSettingsFitALaptopAndAPhone() {
        org.sunbid.platform.AuctionFlow flow = new org.sunbid.platform.AuctionFlow(this, context);
        JsonNode project = LandListing.published(flow, clock.instant());
        String lotId = project.path("lots").get(0).path("id").asString();

        open("/auctions/" + lotId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("room-countdown")));
        assertThat(text(By.id("lot-name"))).isEqualTo(LandListing.LOT_NAME);
        assertThat(text(By.id("room-phase"))).isEqualTo("未开始");
        // the script ran: it took the live connection in hand (connected, or reconnecting while no room exists yet)
        wait.until(d -> !d.findElement(By.id("room-connection")).getText().contains("正在连接"));
        assertThat(browser.findElements(By.id("bid-form"))).isEmpty();
        screenshots("auction-room");

        open("/projects/" + project.path("id").asString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auctions")));
        assertThat(browser.findElement(By.cssSelector("#auctions a.room-link")).getDomAttribute("href"))
                .isEqualTo("/auctions/" + lotId);
        screenshots("auction-project");

        JsonNode draft = LandListing.draft(flow, clock.instant());
        logIn("agency", PASSWORD);
        open("/workbench/auctions/" + draft.path("lots").get(0).path("id").asString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("terms-form")));
        assertThat(browser.findElement(By.id("details.parcelNo")).isDisplayed()).isTrue();
        screenshots("auction-settings");
        open("/workbench/auctions");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auction-table")));
        screenshots("auction-lots");
        logOut();
    }
}
