package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sunbid.platform.PlatformIT;

/**
 * What every browser test shares: Debian's headless Chromium driven by Selenium (one browser per test class), a fresh
 * cookie jar per test, helpers to log in and out, and full-page screenshots under {@code target/screenshots/} (laptop
 * 1366×900 and phone 390×844) so the layout can be looked at.
 */
abstract class BrowserTest extends PlatformIT {

    protected static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    protected static final int LAPTOP_WIDTH = 1366;
    protected static final int LAPTOP_HEIGHT = 900;
    protected static final int PHONE_WIDTH = 390;
    protected static final int PHONE_HEIGHT = 844;

    protected static ChromeDriver browser;
    protected static WebDriverWait wait;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("sunbid-chromium-");
        browser = newBrowser(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /**
     * A headless Chromium with its own profile directory, laptop-sized and asking for Chinese: the class's
     * {@link #browser}, or a second one for a test where two people work at once (the test quits it).
     */
    protected static ChromeDriver newBrowser(Path profile) {
        // The network is closed: an explicit driver and binary keep Selenium Manager from trying to download either.
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + LAPTOP_WIDTH + "," + LAPTOP_HEIGHT,
                "--user-data-dir=" + profile, "--lang=zh-CN");
        // Headless Chromium sends "Accept-Language: en-US" by default, which the platform would answer in English;
        // a visitor from China sends zh-CN.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        deleteProfile(profile);
    }

    /** Removes a browser profile directory made for {@link #newBrowser}. */
    protected static void deleteProfile(Path profile) throws IOException {
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void anonymousLaptopVisitor() {
        // Clears every cookie of the browser (session and language), not only those of the current page.
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    protected void open(String path) {
        browser.get(baseUrl() + path);
    }

    /** Types {@code value} into the field {@code id} once it is visible. */
    protected static void set(String id, String value) {
        org.openqa.selenium.WebElement field = wait.until(
                org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    /** datetime-local inputs take their value by script: typing into them depends on the browser's locale. */
    protected static void setDateTime(String id, java.time.LocalDateTime value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, value.withSecond(0).withNano(0).toString());
    }

    protected static String text(By locator) {
        // A page that reloads (after an upload, a form post) can swap the node between finding and reading it.
        for (int attempt = 1; ; attempt++) {
            try {
                return wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
            } catch (org.openqa.selenium.TimeoutException e) {
                throw e;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    protected void typeCredentials(String username, String password) {
        open("/login");
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    protected void logIn(String username, String password) {
        typeCredentials(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
    }

    protected void logInExpectingFailure(String username, String password) {
        typeCredentials(username, password);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    }

    protected static void logOut() {
        browser.findElement(By.id("nav-logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-login")));
    }

    protected static List<String> menuLinks() {
        return browser.findElements(By.cssSelector(".sidebar a")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    protected static WebElement sidebarLink(String href) {
        return browser.findElement(By.cssSelector(".sidebar a[href='" + href + "']"));
    }

    protected static void fillRegistration(String creditCode, String name) {
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("creditCode")));
        code.clear();
        code.sendKeys(creditCode);
        WebElement nameField = browser.findElement(By.id("name"));
        nameField.clear();
        nameField.sendKeys(name);
        new Select(browser.findElement(By.id("kind"))).selectByValue("BIDDER");
        new Select(browser.findElement(By.id("regionCode"))).selectByValue("990121"); // 青山县, in the centre's scope
        browser.findElement(By.id("register-submit")).click();
    }

    protected static void onPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                "deviceScaleFactor", 1, "mobile", true));
    }

    protected static void onLaptop() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The page at both widths: the phone's must fit the screen. */
    protected void screenshots(String name) {
        screenshot(name);
        onPhone();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        screenshot(name + "-phone");
        assertNoHorizontalScroll();
        onLaptop();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    /** Clicks a button guarded by a confirmation dialog and agrees. */
    protected static void clickAndConfirm(String id) {
        browser.findElement(By.id(id)).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Runs {@code steps} with the shared helpers (log in, open, text, screenshots, ...) driving {@code driver} instead. */
    protected static void withBrowser(ChromeDriver driver, WebDriverWait driverWait, Runnable steps) {
        ChromeDriver first = browser;
        WebDriverWait firstWait = wait;
        browser = driver;
        wait = driverWait;
        try {
            steps.run();
        } finally {
            browser = first;
            wait = firstWait;
        }
    }

    /** Nothing sticks out sideways: the page is no wider than the viewport. */
    protected static void assertNoHorizontalScroll() {
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number viewportWidth = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(pageWidth.intValue()).as(() -> "page width on " + browser.getCurrentUrl() + "; sticking out: "
                + browser.executeScript("""
                        const w = document.documentElement.clientWidth, out = [];
                        for (const e of document.querySelectorAll('body *')) {
                          const r = e.getBoundingClientRect();
                          if (r.right > w + 0.5 && out.length < 6) {
                            out.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
                                + ' right=' + Math.round(r.right) + ' "' + (e.innerText || '').slice(0, 30) + '"');
                          }
                        }
                        return out.join(' | ');"""))
                .isLessThanOrEqualTo(viewportWidth.intValue());
    }

    /** Saves the whole page, not only the viewport, as {@code target/screenshots/<name>.png}. */
    protected static void screenshot(String name) {
        screenshot(browser, name);
    }

    /** The same for another browser than the class's. */
    @SuppressWarnings("unchecked")
    protected static void screenshot(ChromeDriver driver, String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) content.get("width")).doubleValue(),
                        "height", ((Number) content.get("height")).doubleValue())));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
