package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * 场地预约 in Chromium (issue 20 V, acceptance 5): the agency books the opening hall (at the bid deadline) and an isolated
 * evaluation room (two hours after it) for its lot on the workbench and sees both bookings; the page at 1366 px and at
 * 390 px without a sideways scroll (target/screenshots/venues-*.png).
 */
class VenuesBrowserIT extends BrowserTest {

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void theAgencyBooksTheOpeningHallAndAnEvaluationRoomForItsLot() {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(22), "100000");
        String lot = tender.path("id").asString();
        Instant deadline = Instant.parse(tender.path("bidDeadline").asString());
        String suffix = String.valueOf(System.nanoTime() % 100_000);
        String hall = "浏览器开标室" + suffix;
        String room = "浏览器封闭评标室" + suffix;
        assertThat(api.post("/api/v1/venues/rooms", ApiClient.json(Map.of("name", hall, "kind", "OPENING_HALL", "capacity", 60)),
                api.token("centre")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/venues/rooms", ApiClient.json(Map.of("name", room, "kind", "EVALUATION_ROOM", "isolated", true,
                "capacity", 9)), api.token("centre")).status()).isEqualTo(201);

        logIn("agency", PASSWORD);
        sidebarLink("/workbench/venues").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("booking-form")));
        new Select(browser.findElement(By.id("booking-lot"))).selectByValue(lot);
        new Select(browser.findElement(By.id("booking-purpose"))).selectByValue("OPENING");
        selectRoom(hall);
        browser.findElement(By.id("book")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).isEqualTo("已预约场地。");

        new Select(browser.findElement(By.id("booking-lot"))).selectByValue(lot);
        new Select(browser.findElement(By.id("booking-purpose"))).selectByValue("EVALUATION");
        selectRoom(room);
        set("booking-offset", "2");
        set("booking-hours", "6");
        browser.findElement(By.id("book")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("booking-table"), room));

        String table = text(By.id("booking-table"));
        java.time.ZoneId bj = java.time.ZoneId.of("Asia/Shanghai");
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(table).contains(hall).contains(room + " · 封闭评标").contains("开标").contains("评标")
                .contains(f.format(deadline.atZone(bj)))
                .contains(f.format(deadline.plus(Duration.ofHours(2)).atZone(bj)));
        screenshots("venues-agency");

        // the same room again for the same time: refused with the reason, nothing booked
        new Select(browser.findElement(By.id("booking-lot"))).selectByValue(lot);
        new Select(browser.findElement(By.id("booking-purpose"))).selectByValue("OPENING");
        selectRoom(hall);
        browser.findElement(By.id("book")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(text(By.id("form-error"))).contains(hall).contains("已被预约");
        assertThat(api.get("/api/v1/lots/" + lot + "/venue-bookings", api.token("agency")).json().size()).isEqualTo(2);
        logOut();

        logIn("centre", PASSWORD);
        open("/workbench/venues");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("room-form")));
        assertThat(text(By.id("booking-table"))).contains(hall);
        screenshots("venues-centre");
        logOut();
    }

    private static void selectRoom(String name) {
        Select rooms = new Select(browser.findElement(By.id("booking-room")));
        rooms.getOptions().stream().filter(o -> o.getText().startsWith(name + " ·")).findFirst().orElseThrow().click();
    }
}
