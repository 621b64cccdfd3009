package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;

/**
 * The bidder's guide (办事指南, issue 14 point 9) and its pictures: walks the demo as bidder1 — workbench, tenders,
 * registering and paying on a freshly published tender, sealing on arrival and the receipt, then YZ-2026-GC-0090's
 * documents, opening record, result and refund — and saves each step's picture, 1366 px wide, under
 * {@code target/guide-screenshots/}. Those files are what {@code src/main/resources/static/img/guide/} holds (copy them
 * there when a page changes). Then the guide shows every picture, fits a phone, and links the downloads.
 */
class GuideScreenshotsBrowserIT extends BrowserTest {

    static final Path GUIDE_SHOTS = Path.of("target", "guide-screenshots").toAbsolutePath();
    static final List<String> PICTURES = List.of("01-workbench", "02-tenders", "03-register", "04-deposit", "05-paid",
            "06-documents", "07-seal", "08-receipt", "09-opening", "10-result", "11-refund");

    @Autowired
    JdbcClient jdbc;

    @Test
    void walksTheBiddersJourneyAsBidder1SavingTheGuidesPictures() throws Exception {
        Files.createDirectories(GUIDE_SHOTS);
        String tenderId = publishTender(new ApiClient(baseUrl()), Duration.ofDays(21), "250000").path("id").asString();
        String pool = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();

        logIn("bidder1", PASSWORD);
        viewport("01-workbench");
        sidebarLink("/workbench/tenders").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("table")));
        viewport("02-tenders");

        open("/workbench/tenders/" + tenderId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("register")));
        // The objection to the documents sits with the objections, not in the registration card.
        assertThat(browser.findElements(By.cssSelector("#bidder-actions #objection-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#objections #objection-form"))).hasSize(1);
        viewport("03-register");
        browser.findElement(By.id("register")).click();
        assertThat(text(By.id("deposit-status"))).isEqualTo("待缴纳");
        card("04-deposit", "#bidder-actions");
        browser.findElement(By.id("pay-sandbox")).click();
        wait.until(ExpectedConditions.textToBe(By.id("deposit-status"), "已缴纳"));
        card("05-paid", "#bidder-actions");

        Path work = Files.createTempDirectory("guide-bid");
        Path plain = Files.writeString(work.resolve("投标文件.txt"), "投标报价 24,680,000.00 元", StandardCharsets.UTF_8);
        set("totalPrice", "24680000");
        set("durationDays", "360");
        set("projectManager", "赵工");
        browser.findElement(By.id("plainfile")).sendKeys(plain.toString());
        card("07-seal", "#my-bid");
        browser.findElement(By.id("seal-upload")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bid-received")));
        assertThat(browser.findElements(By.id("withdraw-form"))).hasSize(1);
        card("08-receipt", "#my-bid", "#my-bid dl");

        // The page offers the tool it tells the bidder to run.
        browser.findElement(By.id("bidder-tool-download")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("download-sunbid-bidder")));

        open("/workbench/tenders/" + pool);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#documents a")));
        card("06-documents", "#documents");
        card("09-opening", "#opening");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refunds")));
        card("11-refund", "#bidder-actions");
        open("/tenders/" + pool);
        card("10-result", "#result");

        for (String picture : PICTURES) {
            assertThat(GUIDE_SHOTS.resolve(picture + ".png")).exists();
        }
    }

    @Test
    void theGuideShowsEveryPictureFitsAPhoneAndLeadsToTheDownloads() {
        open("/");
        browser.findElement(By.id("quick-guide")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("seal")));
        for (String id : List.of("account", "login", "find", "register", "deposit", "documents", "seal", "submit", "change",
                "opening", "result", "refund")) {
            assertThat(browser.findElements(By.id(id))).as(id).hasSize(1);
        }
        assertThat(text(By.id("deposit"))).contains("基本账户");
        assertThat(text(By.id("submit"))).contains("check-receipt");
        List<WebElement> images = browser.findElements(By.cssSelector(".guide-shot img"));
        assertThat(images).hasSize(PICTURES.size());
        for (WebElement image : images) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", image);
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() > 0);
            assertThat(image.getDomAttribute("alt")).isNotBlank();
        }
        screenshot("guide");
        mainFitsAPhone("guide-phone");
        browser.findElement(By.cssSelector(".topbar .lang")).click();
        assertThat(text(By.id("deposit"))).contains("basic account");
        assertThat(text(By.tagName("h1"))).isEqualTo("Guide");
        browser.findElement(By.cssSelector(".topbar .lang")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "办事指南"));
        browser.findElement(By.cssSelector("#guide-downloads a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sm3-sunbid-bidder")));
        assertThat(text(By.id("sm3-sunbid-verifier"))).matches("[0-9a-f]{64}");
        screenshot("downloads");
        mainFitsAPhone("downloads-phone");
    }

    /**
     * On a phone every picture, table and command of the page's content fits the screen (the site's menu bar in the
     * header is the header's own matter), then back to the laptop.
     */
    private static void mainFitsAPhone(String name) {
        onPhone();
        browser.navigate().refresh();
        for (WebElement image : browser.findElements(By.cssSelector("main img"))) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", image);
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete", image));
        }
        Object wider = ((JavascriptExecutor) browser).executeScript("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('main, main *')].filter(e => e.getBoundingClientRect().right > w + 1)
                    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));""");
        assertThat((List<?>) wider).as("parts of %s wider than a phone", browser.getCurrentUrl()).isEmpty();
        screenshot(name);
        onLaptop();
        browser.navigate().refresh();
    }

    /** The visible window as the user sees it, 1366×900, from the top of the page. */
    private static void viewport(String name) {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        save(name, Map.of("x", 0, "y", 0, "width", LAPTOP_WIDTH, "height", LAPTOP_HEIGHT, "scale", 1));
    }

    /** One card of the page (the part of the page this step is about), with a margin. */
    private static void card(String name, String selector) {
        card(name, selector, selector);
    }

    /** The top of a card, down to the end of the element {@code until} inside it. */
    @SuppressWarnings("unchecked")
    private static void card(String name, String selector, String until) {
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)));
        WebElement end = browser.findElement(By.cssSelector(until));
        Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const r = arguments[0].getBoundingClientRect(), e = arguments[1].getBoundingClientRect();
                return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: e.bottom - r.top};""", card, end);
        double x = Math.max(0, ((Number) r.get("x")).doubleValue() - 12);
        double y = Math.max(0, ((Number) r.get("y")).doubleValue() - 12);
        save(name, Map.of("x", x, "y", y, "width", ((Number) r.get("w")).doubleValue() + 24,
                "height", Math.min(((Number) r.get("h")).doubleValue() + 24, 1100), "scale", 1));
    }

    private static void save(String name, Map<String, Object> clip) {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(GUIDE_SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
