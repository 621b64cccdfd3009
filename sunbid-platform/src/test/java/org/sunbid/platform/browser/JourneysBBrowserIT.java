package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The main journeys of the agency, the centre's staff and the supervisor, walked from their home page by clicking
 * only, at laptop and phone size: every page visited shows no UUID, raw JSON or certificate subject to the reader and
 * fits the screen sideways, and each home lists what the demo leaves waiting for that role. Nothing is published or
 * committed: other tests share the demo.
 */
class JourneysBBrowserIT extends BrowserTest {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What a reader sees: the rendered text nodes, leaving out what sits folded in a closed details element. */
    private static final String VISIBLE_TEXT = """
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (!el || el.closest('script, style, template')) continue;
              const folded = el.closest('details:not([open])');
              if (folded && !el.closest('summary')) continue;
              if (!el.checkVisibility({visibilityProperty: true, opacityProperty: false})) continue;
              out.push(n.textContent);
            }
            return out.join(' ');""";

    private boolean phone;
    private int step;
    private String journey;

    private void start(String name, boolean phone) {
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        this.journey = name + (phone ? "-phone" : "");
        this.phone = phone;
        this.step = 0;
        if (phone) {
            onPhone();
        } else {
            onLaptop();
        }
    }

    /** Waits for the page's heading, saves it and checks what every page owes its reader. */
    private void page(String name) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        screenshot("journey-" + journey + "-" + (++step) + "-" + name);
        String where = browser.getCurrentUrl();
        String visible = (String) browser.executeScript(VISIBLE_TEXT);
        assertThat(visible).as("the text read on %s", where).contains(text(By.tagName("h1")).replaceAll("\\s+", " ").split(" ")[0]);
        assertThat(UUID.matcher(visible).find()).as("a UUID shown on %s: %s", where, visible).isFalse();
        assertThat(visible).as("raw JSON on %s", where).doesNotContain("{\"");
        assertThat(visible).as("a certificate subject on %s", where).doesNotContain("CN=");
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number viewport = (Number) browser.executeScript("return window.innerWidth");
        assertThat(pageWidth.intValue()).as("page width on %s", where).isLessThanOrEqualTo(viewport.intValue());
        assertThat(browser.findElements(By.id("error-page"))).as("error page at %s", where).isEmpty();
    }

    private static void signIn(String username) {
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
    }

    /** From the portal's home, through the header's sign-in, to the workbench's home. */
    private void signInFromHome(String username) {
        open("/");
        page("portal");
        click(By.id("nav-login"));
        signIn(username);
        // Signing in from the portal's home leads to the workbench's home (or back to the portal, with its link).
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")),
                ExpectedConditions.urlToBe(baseUrl() + "/")));
        if (browser.findElements(By.id("workbench-title")).isEmpty()) {
            click(By.id("nav-workbench"));
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
    }

    private static void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        element.click();
    }

    private static void sidebar(String href) {
        click(By.cssSelector(".sidebar a[href='" + href + "']"));
        wait.until(ExpectedConditions.urlToBe(browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + href));
    }

    /** A link of the top menu: on a phone it sits behind the menu button. */
    private void topMenu(String href) {
        if (phone) {
            click(By.id("nav-toggle"));
        }
        click(By.cssSelector("#nav-links a[href='" + href + "']"));
    }

    private static List<String> todoTexts() {
        return browser.findElements(By.cssSelector("#todo-list .todo")).stream().map(WebElement::getText).toList();
    }

    private static void clickTodo(String about) {
        browser.findElements(By.cssSelector("#todo-list .todo a")).stream()
                .filter(a -> a.getText().contains(about)).findFirst().orElseThrow().click();
    }

    // --- the agency ----------------------------------------------------------------------------------------------

    @Test
    void theAgencysJourney() {
        for (boolean phone : new boolean[] {false, true}) {
            start("agency", phone);
            signInFromHome("agency");
            page("home");
            assertThat(todoTexts()).anySatisfy(t -> assertThat(t).contains("完善并发布草稿")
                    .contains("YZ-2026-GC-0103 松源县污水处理厂提标改造工程"));

            clickTodo("YZ-2026-GC-0103");
            wait.until(ExpectedConditions.textToBe(By.id("tender-status"), "草稿"));
            assertThat(text(By.id("tender-name"))).isEqualTo("松源县污水处理厂提标改造工程");
            page("draft");

            click(By.id("publish"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-checklist")));
            page("publish-checklist");
            click(By.id("publish-cancel"));
            wait.until(ExpectedConditions.textToBe(By.id("tender-status"), "草稿"));
            page("draft-after-cancel");

            sidebar("/workbench/tenders");
            page("tenders");
            click(By.linkText("云州市体育中心游泳馆改造工程"));
            wait.until(ExpectedConditions.textToBe(By.id("tender-name"), "云州市体育中心游泳馆改造工程"));
            page("tender-0090");
            click(By.id("award-page-link"));
            wait.until(ExpectedConditions.urlContains("/workbench/awards/"));
            page("award-0090");
        }
    }

    // --- the centre's staff --------------------------------------------------------------------------------------

    @Test
    void theCentresJourneyAfterSigningInFromAPageThatAskedForIt() {
        for (boolean phone : new boolean[] {false, true}) {
            start("centre", phone);
            // A page that needs signing in sends to the login page and, once signed in, back to itself.
            open("/workbench/organisations");
            wait.until(ExpectedConditions.urlContains("/login"));
            page("login-asked");
            signIn("centre");
            // (Spring Security marks the replayed request with a bare "continue" parameter.)
            wait.until(ExpectedConditions.urlMatches("/workbench/organisations(\\?continue)?$"));
            page("organisations-after-sign-in");

            sidebar("/workbench");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
            page("home");
            assertThat(todoTexts()).anySatisfy(t -> assertThat(t).contains("审核专家入库申请").contains("孙振华"));

            clickTodo("孙振华");
            wait.until(ExpectedConditions.textToBe(By.id("expert-name"), "孙振华"));
            assertThat(text(By.id("expert-status"))).isEqualTo("申请中");
            page("application");

            sidebar("/workbench/experts");
            page("experts");
            set("f-name", "孙振华");
            click(By.id("filter-submit"));
            wait.until(ExpectedConditions.urlContains("name="));
            assertThat(text(By.cssSelector("#expert-table tbody"))).contains("孙振华");
            page("experts-by-name");
            click(By.linkText("孙振华"));
            wait.until(ExpectedConditions.textToBe(By.id("expert-name"), "孙振华"));
            page("expert-file");

            sidebar("/workbench/organisations");
            page("organisations");
        }
    }

    // --- the supervisor ------------------------------------------------------------------------------------------

    @Test
    void theSupervisorsJourney() {
        for (boolean phone : new boolean[] {false, true}) {
            start("supervisor", phone);
            signInFromHome("supervisor");
            page("home");
            assertThat(todoTexts()).anySatisfy(t -> assertThat(t).contains("确认专家抽取密钥承诺")
                    .contains("YZ-2026-GC-0101 云州市第一中学教学楼新建工程"));
            // The flags sit on the home page, under the to-do list.
            WebElement flags = browser.findElement(By.id("flags"));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", flags);
            assertThat(flags.isDisplayed()).isTrue();
            assertThat(browser.findElements(By.cssSelector("#flags-table tbody tr"))).as("the demo's flags").isNotEmpty();

            clickTodo("YZ-2026-GC-0101");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draw-title")));
            assertThat(text(By.id("project-code"))).isEqualTo("YZ-2026-GC-0101");
            assertThat(browser.findElements(By.id("commit"))).as("the commitment form is there").hasSize(1);
            page("draw-awaiting-commitment");

            sidebar("/workbench/tenders");
            page("tenders");
            click(By.linkText("云州市体育中心游泳馆改造工程"));
            wait.until(ExpectedConditions.textToBe(By.id("tender-name"), "云州市体育中心游泳馆改造工程"));
            page("tender-0090");

            topMenu("/log");
            wait.until(ExpectedConditions.urlToBe(baseUrl() + "/log"));
            page("log");
        }
    }
}
