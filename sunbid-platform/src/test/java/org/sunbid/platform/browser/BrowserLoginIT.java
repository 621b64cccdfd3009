package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;

/**
 * The web UI as a person uses it: Debian's headless Chromium, driven by Selenium, logs in through the real form, reads
 * the workbench, registers an organisation and looks at the public portal. Every page visited is saved as a full-page
 * PNG under {@code target/screenshots/} so the layout can be looked at (laptop 1366×900 and phone 390×844).
 *
 * <p>One browser serves the whole class; each test starts from an empty cookie jar (no session, no language choice),
 * so the tests do not depend on each other's order.
 */
class BrowserLoginIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The 8 demo bidders plus any that tests running earlier in the same application registered. */
    /** The demo's 34 experts and any a test has added (the count is the database's). */
    private String activeExperts() {
        long count = jdbc.sql("SELECT count(*) FROM expert WHERE status = 'ACTIVE'").query(Long.class).single();
        assertThat(count).isGreaterThanOrEqualTo(34);
        return String.valueOf(count);
    }

    private String registeredBidders() {
        long count = jdbc.sql("SELECT count(*) FROM organisation WHERE kind = 'BIDDER'").query(Long.class).single();
        assertThat(count).isGreaterThanOrEqualTo(8);
        return String.valueOf(count);
    }

    @Test
    void portalHomeShowsTheDemoStatisticsAndTheGuideLoads() {
        open("/");
        assertThat(text(By.id("stat-bidders"))).isEqualTo(registeredBidders());
        assertThat(text(By.id("stat-experts"))).isEqualTo(activeExperts());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertNoHorizontalScroll();
        screenshot("portal-home");

        browser.findElement(By.linkText("办事指南")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/guide"));
        assertThat(text(By.tagName("h1"))).isEqualTo("办事指南");
        assertThat(browser.findElement(By.id("login")).getText()).contains("账户不会因他人输错而锁定");
        screenshot("portal-guide");
    }

    @Test
    void theHomePageListsTenderNoticesThatOpenTheirTenderPage() {
        open("/");
        browser.findElement(By.linkText("云州大道（青山段）道路改造工程")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-name")));
        assertThat(text(By.id("project-code"))).isEqualTo("YZ-2026-GC-0102");
        assertThat(text(By.id("tender-status"))).isEqualTo("招标中");
        assertThat(browser.findElement(By.id("clarifications")).getText()).contains("沥青混凝土面层");
        assertNoHorizontalScroll();
        screenshot("portal-tender");

        open("/");
        browser.findElement(By.linkText("青山县柳河水库除险加固工程")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-name")));
        assertThat(text(By.id("tender-status"))).isEqualTo("暂停（异议处理中）");
        assertThat(browser.findElement(By.id("objections")).getText()).contains("排斥潜在投标人").doesNotContain("青山路桥");
        screenshot("portal-tender-suspended");
    }

    @Test
    void theTransparencyLogPageShowsTheSignedHeadAndTheNewestEntries() {
        open("/");
        browser.findElement(By.linkText("全程留痕")).click();
        wait.until(ExpectedConditions.urlToBe(baseUrl() + "/log"));
        assertThat(text(By.tagName("h1"))).isEqualTo("全程留痕");
        assertThat(Long.parseLong(text(By.id("head-size")))).isGreaterThan(100); // the demo data's own entries
        assertThat(browser.findElements(By.cssSelector("#log-table tbody tr"))).hasSize(50);
        assertNoHorizontalScroll();
        screenshot("portal-log");
    }

    @Test
    void langParameterSwitchesTheLoginPageToEnglish() {
        open("/login");
        assertThat(text(By.tagName("h1"))).isEqualTo("用户登录");
        // An untouched, empty required field is not yet an error: no red (--bad) border before the user acts.
        assertThat(browser.findElement(By.id("password")).getCssValue("border-top-color"))
                .isNotEqualTo("rgba(179, 38, 30, 1)");
        screenshot("login");

        open("/login?lang=en");
        assertThat(text(By.tagName("h1"))).isEqualTo("Sign in");
        assertThat(text(By.id("login-submit"))).isEqualTo("Sign in");
        screenshot("login-english");

        // The choice is remembered in a cookie: the next page is English without the parameter.
        open("/");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        screenshot("portal-home-english");
    }

    @ParameterizedTest(name = "{0} lands on the {1}工作台")
    @CsvSource({
            "admin,      系统管理员",
            "centre,     交易中心",
            "qs-centre,  交易中心",
            "supervisor, 行政监督",
            "tenderee,   招标人",
            "agency,     代理机构",
            "bidder1,    投标人",
            "expert01,   评标专家"
    })
    void eachRoleLandsOnItsOwnWorkbench(String username, String label) {
        logIn(username, PASSWORD);
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/workbench");
        assertThat(text(By.id("workbench-title"))).isEqualTo(label + "工作台");
        assertThat(text(By.id("profile-role"))).isEqualTo(label);
        assertThat(browser.getTitle()).startsWith(label + "工作台");
        assertNoHorizontalScroll();
        screenshot("workbench-" + username);

        logOut();
        // The session is gone: the workbench asks for a login again.
        open("/workbench");
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/login");
    }

    @Test
    void wrongPasswordIsRefusedWithAChineseMessage() {
        // One wrong attempt only, on an account no other test uses: failures from 127.0.0.1 would throttle the other tests.
        logInExpectingFailure("bidder8", "Wrong@2026");
        assertThat(text(By.id("login-error"))).isEqualTo("用户名或密码错误。");
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/login?error");
        assertThat(browser.findElements(By.id("workbench-title"))).isEmpty();
        screenshot("login-wrong-password");
    }

    @Test
    void centreStaffSeeTheOrganisationRegisterInTheirMenu() {
        logIn("centre", PASSWORD);
        assertThat(menuLinks()).contains("/workbench/organisations", "/workbench/regions");

        sidebarLink("/workbench/organisations").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-table")));
        assertThat(text(By.tagName("h1"))).isEqualTo("主体管理");
        assertThat(sidebarLink("/workbench/organisations").getDomAttribute("class")).contains("active");
    }

    @Test
    void biddersHaveNoOrganisationMenuAndAreRefusedTheRegister() throws Exception {
        logIn("bidder1", PASSWORD);
        assertThat(menuLinks()).containsExactly("/workbench", "/workbench/tenders",
                "/workbench/auctions", "/workbench/invitations",
                "/workbench/negotiations", "/workbench/complaints", "/workbench/method-approvals",
                "/workbench/framework-agreements", "/workbench/mall", // issue 22: a supplier responds, lists, offers
                "/workbench/credit", "/workbench/subscriptions");

        open("/workbench/organisations");
        assertThat(text(By.id("error-detail"))).isEqualTo("您的角色或所属区域无权进行此操作。");
        assertThat(browser.findElements(By.id("org-table"))).isEmpty();
        screenshot("organisations-forbidden-bidder1");

        // WebDriver cannot read a response's status: ask again with the browser's own session cookie.
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/organisations"))
                        .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("org-table");
    }

    @Test
    void centreStaffRegisterAnOrganisationOnlyWithAValidCreditCode() {
        logIn("centre", PASSWORD);
        open("/workbench/organisations");
        String name = "青山县浏览器测试建材有限公司" + ThreadLocalRandom.current().nextInt(1000, 10000);

        // 18 alphanumerics, so the form's pattern lets it through and the server's check-character test decides.
        String wrongCode = "91350100M000100Y44";
        fillRegistration(wrongCode, name);
        String error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error"))).getText();
        assertThat(error).contains("校验码不正确").contains(wrongCode);
        // The form keeps what was typed, so the user only corrects the code.
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
        assertThat(browser.findElements(By.id("registered"))).isEmpty();
        assertNoHorizontalScroll();
        screenshot("organisations-check-character-error");

        String first17 = "91990100MA9" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String validCode = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        fillRegistration(validCode, name);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered"))).getText())
                .contains(name);
        assertThat(browser.findElements(By.id("form-error"))).isEmpty();
        String table = text(By.id("org-table"));
        assertThat(table).contains(name).contains(validCode);
        screenshot("organisations-registered");
    }

    @Test
    void pagesFitAPhoneScreen() {
        // Emulated rather than resized: a desktop window cannot be made narrower than ~500 px.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));

        open("/");
        assertThat(text(By.id("stat-bidders"))).isEqualTo(registeredBidders());
        assertNoHorizontalScroll();
        screenshot("phone-portal-home");

        logIn("centre", PASSWORD);
        assertThat(text(By.id("workbench-title"))).isEqualTo("交易中心工作台");
        assertNoHorizontalScroll();
        screenshot("phone-workbench-centre");

        open("/workbench/organisations");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("org-table")));
        assertNoHorizontalScroll();
        screenshot("phone-organisations-centre");
    }
}
