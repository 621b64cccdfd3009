package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In the browser: each role's home lists what waits for it (待办), a sign-in asked for by a page returns to that page,
 * switching account is announced, and error pages keep the signed-in header — at laptop and phone size.
 */
class TodoAndSignInBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private static void typeOnLoginPage(String username) {
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-submit")).click();
    }

    private static List<String> todoTexts() {
        return browser.findElements(By.cssSelector("#todo-list .todo")).stream().map(WebElement::getText).toList();
    }

    @ParameterizedTest(name = "{0}''s home lists {1}")
    @CsvSource(delimiter = '|', value = {
            "supervisor | 确认专家抽取密钥承诺 | YZ-2026-GC-0101 云州市第一中学教学楼新建工程",
            "centre     | 审核专家入库申请     | 孙振华",
            "admin      | 审核专家入库申请     | 孙振华",
            "agency     | 完善并发布草稿       | YZ-2026-GC-0103 松源县污水处理厂提标改造工程",
            "tenderee2  | 答复对招标文件的异议 | QS-2026-SL-0007 青山县柳河水库除险加固工程"})
    void eachRolesHomeListsWhatWaitsForIt(String username, String kind, String about) {
        logIn(username, PASSWORD);
        assertThat(todoTexts()).anySatisfy(t -> assertThat(t).contains(kind).contains(about));
        WebElement entry = browser.findElements(By.cssSelector("#todo-list .todo")).stream()
                .filter(e -> e.getText().contains(about)).findFirst().orElseThrow();
        String link = entry.findElement(By.tagName("a")).getDomProperty("href");
        assertNoHorizontalScroll();
        screenshots("todo-" + username);
        // The entry leads to the page where the work is done.
        browser.findElements(By.cssSelector("#todo-list .todo a")).stream()
                .filter(a -> a.getText().contains(about)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlToBe(link));
        assertThat(browser.findElements(By.id("error-page"))).isEmpty();
    }

    @Test
    void aBiddersHomeListsTheDepositToPayBeforeTheDeadline() {
        // A tender of its own, so that what other tests did to the demo's tenders does not matter.
        org.sunbid.platform.ApiClient api = new org.sunbid.platform.ApiClient(baseUrl());
        tools.jackson.databind.JsonNode tender = publishTender(api, java.time.Duration.ofDays(21), "20000");
        String code = tender.path("terms").path("projectCode").asString();
        assertThat(api.post("/api/v1/tenders/" + tender.path("id").asString() + "/registrations", "", api.token("bidder5"))
                .status()).isIn(200, 201);
        logIn("bidder5", PASSWORD);
        assertThat(todoTexts()).anySatisfy(t -> assertThat(t).contains("缴纳投标保证金").contains(code).contains("截止").contains("剩"));
        assertNoHorizontalScroll();
        screenshots("todo-bidder5");
        browser.findElements(By.cssSelector("#todo-list .todo a")).stream()
                .filter(a -> a.getText().contains(code)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains("/workbench/tenders/" + tender.path("id").asString()));
        assertThat(browser.getPageSource()).contains(code);
    }

    @Test
    void anExpertAndATendereeWithNothingWaitingSeeAnEmptyList() {
        for (String username : List.of("expert01", "tenderee")) {
            browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            logIn(username, PASSWORD);
            assertThat(browser.findElement(By.id("todo")).getText()).contains("待办");
            screenshot("todo-" + username);
        }
    }

    @Test
    void registeringFromATenderPageReturnsToItAfterSignIn() {
        // the tender's public page, as a visitor reaches it from the portal's lists (the home page shows the latest ten,
        // which other tests' tenders may have pushed it out of)
        String road = "/tenders/" + jdbc.sql("SELECT CAST(id AS VARCHAR) FROM tender WHERE project_code = 'YZ-2026-GC-0102'")
                .query(String.class).single();
        open(road);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("take-part"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        screenshot("signin-asked-by-tender");
        typeOnLoginPage("bidder2");
        wait.until(ExpectedConditions.urlContains("/workbench/tenders/"));
        assertThat(browser.getPageSource()).contains("YZ-2026-GC-0102");
        assertThat(browser.findElements(By.id("workbench-title"))).isEmpty();
        screenshots("signin-returned-to-tender");

        // The header's "sign in" on a portal page comes back to that page too.
        logOut();
        open(road);
        String tenderPage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tender-name"))) != null
                ? browser.getCurrentUrl() : null;
        browser.findElement(By.id("nav-login")).click();
        typeOnLoginPage("bidder2");
        wait.until(ExpectedConditions.urlToBe(tenderPage));
        assertThat(text(By.id("nav-user"))).isNotBlank();
    }

    @Test
    void signingInAsAnotherUserSaysSoAndSwitches() {
        logIn("agency", PASSWORD);
        open("/login");
        assertThat(text(By.id("login-switch"))).contains("agency").contains("继续将退出并以其他账号登录");
        screenshots("login-switch-user");
        typeOnLoginPage("supervisor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
        assertThat(text(By.id("workbench-title"))).isEqualTo("行政监督工作台");
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl() + "/workbench");
    }

    @Test
    void errorPagesAreSitePagesWithTheSignedInHeaderInTheUsersLanguage() {
        logIn("bidder1", PASSWORD);
        String name = text(By.id("nav-user"));
        open("/tenders/not-a-uuid");
        assertThat(text(By.id("error-title"))).isEqualTo("网址有误");
        assertThat(text(By.id("error-detail"))).doesNotContain("JSON");
        assertThat(text(By.id("nav-user"))).isEqualTo(name);
        assertThat(browser.findElements(By.id("nav-login"))).isEmpty();
        screenshots("error-400-zh");

        open("/workbench/organisations");
        assertThat(text(By.id("error-title"))).isEqualTo("无权访问");
        assertThat(text(By.id("nav-user"))).isEqualTo(name);
        screenshots("error-403-zh");

        open("/tenders/00000000-0000-4000-8000-000000000000?lang=en");
        assertThat(text(By.id("error-title"))).isEqualTo("Page not found");
        assertThat(text(By.id("nav-logout"))).isEqualTo("Sign out");
        assertThat(text(By.id("nav-user"))).isEqualTo(name);
        screenshots("error-404-en");

        open("/tenders/not-a-uuid");
        assertThat(text(By.id("error-title"))).isEqualTo("The address is not valid");
        browser.findElement(By.id("error-workbench")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workbench-title")));
    }
}
