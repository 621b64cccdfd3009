package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance 1 of the usability issue for the bidder, an evaluation expert and the public: each walks its main journey
 * on the demo from its home page by clicking only (after opening the portal or the login page), at laptop (1366×900)
 * and phone (390×844) size. Every page visited is saved as {@code target/screenshots/journey-<role>-<size>-<step>.png}
 * and must show no UUID, no raw JSON document and no {@code CN=} certificate subject in its visible text (the content
 * of closed "details" is not visible), and must be no wider than the viewport.
 */
class JourneysABrowserIT extends BrowserTest {

    private static final String POOL = "云州市体育中心游泳馆改造工程"; // YZ-2026-GC-0090, evaluated and awarded in the demo

    /** The page's visible text; Chromium leaves the content of a closed details element out of innerText. */
    private static final String VISIBLE_TEXT = """
            var hidden = Array.from(document.querySelectorAll('details:not([open])'));
            var text = document.body.innerText;
            hidden.forEach(function (d) {
              Array.from(d.children).forEach(function (c) {
                if (c.tagName !== 'SUMMARY' && c.innerText) { text = text.split(c.innerText).join(''); }
              });
            });
            return text;""";

    @Autowired JdbcClient jdbc;

    private String role;
    private String size;
    private boolean phone;
    private int step;

    @Test
    void theBiddersJourney() {
        for (boolean onPhone : List.of(false, true)) {
            start("bidder", onPhone);
            open("/login");
            signIn("bidder1");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
            // bidder1 has nothing waiting in the demo (its deposits are paid, its bids in): the list says so, and any
            // entry it shows leads somewhere.
            assertThat(text(By.id("todo"))).as("the to-do list on the bidder's home").contains("待办");
            assertThat(browser.findElements(By.cssSelector("#todo-list .todo")))
                    .allSatisfy(entry -> assertThat(entry.findElements(By.tagName("a"))).isNotEmpty());
            check("home");

            click(By.cssSelector(".sidebar a[href='/workbench/tenders']"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-table")));
            check("tenders");

            click(By.cssSelector("#tender-table a"), POOL);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-bid")));
            assertThat(text(By.id("deposit-status"))).isNotBlank();
            assertThat(browser.findElement(By.id("refunds")).isDisplayed()).as("the deposit refund").isTrue();
            assertThat(browser.findElement(By.id("opening")).isDisplayed()).as("the opening record").isTrue();
            check("tender");

            click(By.id("receipt-link"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt")));
            assertThat(text(By.id("receipt-price"))).isNotBlank();
            check("receipt");

            click(By.cssSelector("#receipt a"), POOL);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-bid")));
            click(By.tagName("a"), "查看公开公告页");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            assertThat(text(By.id("public-winner"))).isNotBlank();
            check("public-tender");

            menu("/guide");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("guide-downloads")));
            check("guide");

            click(By.cssSelector("#guide-downloads a"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("download-sunbid-bidder")));
            check("downloads");
        }
    }

    @Test
    void thePublicsJourney() {
        for (boolean onPhone : List.of(false, true)) {
            start("public", onPhone);
            open("/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices")));
            check("home");

            click(By.cssSelector("#result-list a"), POOL);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-name")));
            assertThat(browser.findElement(By.id("opening")).isDisplayed()).as("the opening record").isTrue();
            assertThat(browser.findElement(By.id("result")).isDisplayed()).as("the result").isTrue();
            check("tender");

            click(By.cssSelector("a.brand"));
            click(By.cssSelector("#draw-record-list a"), POOL);
            wait.until(ExpectedConditions.urlContains("/draws/"));
            check("draw");

            menu("/log");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("log-table")));
            check("log");
            WebElement subject = browser.findElements(By.cssSelector("#log-table a.log-subject")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElseThrow();
            String label = subject.getText();
            scrollTo(subject);
            subject.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(browser.findElements(By.id("error-page"))).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).as("the page a log row leads to")
                    .contains(label.replaceFirst("^\\S+\\s+", "").isBlank() ? label : label.replaceFirst("^\\S+\\s+", ""));
            check("log-subject");

            menu("/open-data");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-reference")));
            check("open-data");

            click(By.id("api-reference"));
            wait.until(ExpectedConditions.urlContains("/open-data/api"));
            check("api-reference");
        }
    }

    @Test
    void anExpertsJourney() {
        String tenderId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM tender WHERE project_code = 'YZ-2026-GC-0090'")
                .query(String.class).single();
        String member = jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = CAST(:t AS UUID) ORDER BY position LIMIT 1")
                .param("t", tenderId).query(String.class).single();
        for (boolean onPhone : List.of(false, true)) {
            start("expert", onPhone);
            open("/");
            click(By.cssSelector("#result-list a"), POOL);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-name")));
            String asked = browser.getCurrentUrl();
            click(By.id("nav-login"));
            wait.until(ExpectedConditions.urlContains("/login"));
            check("login");
            signIn(member);
            wait.until(ExpectedConditions.urlToBe(asked));
            assertThat(text(By.id("nav-user"))).isNotBlank();
            check("returned");

            click(By.id("nav-workbench"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
            check("home");

            click(By.cssSelector(".sidebar a[href='/workbench/evaluations']"));
            wait.until(ExpectedConditions.urlToBe(baseUrl() + "/workbench/evaluations"));
            check("evaluations");

            click(By.cssSelector("a[href='/workbench/evaluations/" + tenderId + "']"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bids-table")));
            check("workspace");

            WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-link")));
            String href = report.getDomProperty("href");
            assertThat(href).endsWith("/workbench/evaluations/" + tenderId + "/report.pdf");
            // The report is a PDF the browser would download or show in its viewer: its answer is checked, not its text.
            Object status = browser.executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });",
                    href);
            assertThat(String.valueOf(status)).startsWith("200 application/pdf");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void start(String who, boolean onPhone) {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        role = who;
        phone = onPhone;
        size = onPhone ? "phone" : "laptop";
        step = 0;
        if (onPhone) {
            onPhone();
        } else {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", LAPTOP_WIDTH, "height", LAPTOP_HEIGHT,
                    "deviceScaleFactor", 1, "mobile", false));
        }
    }

    private static void signIn(String username) {
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
    }

    /** Saves the page and checks what the person sees: no internal identifiers, nothing wider than the screen. */
    private void check(String name) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        step++;
        screenshot(String.format("journey-%s-%s-%02d-%s", role, size, step, name));
        String where = name + " " + browser.getCurrentUrl();
        String visible = (String) browser.executeScript(VISIBLE_TEXT);
        assertThat(visible).as("visible text of %s", where)
                .doesNotContainPattern("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .doesNotContain("{\"")
                .doesNotContain("CN=");
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) browser.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("scrollWidth <= innerWidth on %s", where)
                .isLessThanOrEqualTo(innerWidth.intValue());
    }

    private static void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        scrollTo(element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Clicks the first element found by {@code locator} whose text contains {@code label}. */
    private static void click(By locator, String label) {
        WebElement element = wait.until(d -> d.findElements(locator).stream()
                .filter(e -> e.getText().contains(label)).findFirst().orElse(null));
        scrollTo(element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** A link of the top menu, which hides behind the menu button on a phone. */
    private void menu(String href) {
        WebElement link = browser.findElement(By.cssSelector("#nav-links a[href='" + href + "']"));
        if (phone && !link.isDisplayed()) {
            click(By.id("nav-toggle"));
            wait.until(ExpectedConditions.visibilityOf(link));
        }
        scrollTo(link);
        link.click();
        wait.until(ExpectedConditions.urlContains(href));
    }
}
