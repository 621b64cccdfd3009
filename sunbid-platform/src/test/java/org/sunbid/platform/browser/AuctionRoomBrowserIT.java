package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.auction.LandListing;

/**
 * Issue 17, acceptance 4: two bidders and a watcher in three browsers on one land listing's timed round (39号令 Art. 19,
 * 限时竞价). Each bidder bids from the room page; the watcher's page follows live (Server-Sent Events), the countdown
 * restarts at the second bid (its end moves to the second bid's receipt + the countdown, and the time left is the full
 * countdown again, by the server's clock), and the watcher sees bidder numbers only, never a bidder's name.
 * Screenshots in target/screenshots/auction-live-*.png.
 */
class AuctionRoomBrowserIT extends BrowserTest {

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
    void land39_art19_twoBiddersAndAWatcherTheCountdownRestartsOnABidAndTheWatcherSeesNumbersOnly() throws Exception {
        AuctionFlow.Lot lot = new AuctionFlow(this, context).ready(LandListing.PROCEDURE, START, 2);
        Instant timed = lot.freeEnd().plusSeconds(30); // the listing ended with two qualified bidders: the timed round
        clock.set(timed);
        String room = "/auctions/" + lot.id();

        Path profile1 = Files.createTempDirectory("sunbid-chromium-");
        Path profile2 = Files.createTempDirectory("sunbid-chromium-");
        ChromeDriver one = newBrowser(profile1);
        ChromeDriver two = newBrowser(profile2);
        WebDriverWait wait1 = new WebDriverWait(one, Duration.ofSeconds(10));
        WebDriverWait wait2 = new WebDriverWait(two, Duration.ofSeconds(10));
        try {
            // the watcher (the class's browser, not signed in) opens the room and stays on it
            open(room);
            wait.until(ExpectedConditions.textToBe(By.id("room-connection"), "实时连接中"));
            assertThat(browser.findElements(By.id("bid-form"))).isEmpty();

            String[] numbers = new String[2];
            withBrowser(one, wait1, () -> {
                logIn("bidder1", PASSWORD);
                open(room);
                wait.until(ExpectedConditions.textToBe(By.id("room-connection"), "实时连接中"));
                numbers[0] = text(By.id("you-number"));
                browser.findElement(By.id("bid-submit")).click(); // the prefilled least acceptable bid
                wait.until(ExpectedConditions.textMatches(By.id("bid-ok"), java.util.regex.Pattern.compile("出价成功")));
                wait.until(ExpectedConditions.textToBe(By.id("you-status"), "领先"));
            });
            String firstEnd = wait.until(d -> {
                String t = d.findElement(By.id("room-leader")).getText();
                return t.equals(numbers[0]) ? d.findElement(By.id("room-ends-at")).getText() : null;
            });
            screenshot("auction-live-watcher-1");

            clock.set(timed.plus(Duration.ofMinutes(2))); // two minutes of the countdown pass
            withBrowser(two, wait2, () -> {
                logIn("bidder2", PASSWORD);
                open(room);
                wait.until(ExpectedConditions.textToBe(By.id("room-connection"), "实时连接中"));
                numbers[1] = text(By.id("you-number"));
                assertThat(text(By.id("you-status"))).isEqualTo("已被超越");
                browser.findElement(By.id("bid-submit")).click();
                wait.until(ExpectedConditions.textMatches(By.id("bid-ok"), java.util.regex.Pattern.compile("出价成功")));
                screenshot("auction-live-bidder-2");
            });
            assertThat(numbers[1]).isNotEqualTo(numbers[0]);

            // the watcher: the second number leads, the end moved two minutes on, the full countdown runs again
            wait.until(ExpectedConditions.textToBe(By.id("room-leader"), numbers[1]));
            String secondEnd = text(By.id("room-ends-at"));
            assertThat(java.time.LocalDateTime.parse(secondEnd.replace(' ', 'T')))
                    .isEqualTo(java.time.LocalDateTime.parse(firstEnd.replace(' ', 'T')).plusMinutes(2));
            String left = text(By.id("room-countdown"));
            assertThat(left).matches("00:0[34]:\\d\\d");
            assertThat(left.compareTo("00:03:50")).as("the countdown restarted: %s left", left).isGreaterThanOrEqualTo(0);
            assertThat(text(By.id("room-bids"))).isEqualTo("2");
            assertThat(browser.findElements(By.cssSelector("#bid-history tbody tr"))).hasSize(2);
            withBrowser(one, wait1, () -> wait.until(ExpectedConditions.textToBe(By.id("you-status"), "已被超越")));

            // bidder numbers only: no bidder's organisation or person appears on the watcher's page
            String seen = browser.findElement(By.tagName("body")).getText();
            assertThat(seen).contains(numbers[0]).contains(numbers[1]);
            List<String> names = jdbc.sql("SELECT name FROM organisation WHERE kind = 'BIDDER'").query(String.class).list();
            names.forEach(name -> assertThat(seen).as("bidder %s shown to the watcher", name).doesNotContain(name));
            screenshots("auction-live-watcher-2");
        } finally {
            one.quit();
            two.quit();
            deleteProfile(profile1);
            deleteProfile(profile2);
        }
    }
}
