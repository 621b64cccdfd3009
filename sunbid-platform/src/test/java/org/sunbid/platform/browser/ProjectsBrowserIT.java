package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;

/**
 * An agency creates a government procurement open tender with two lots from the one project form (which shows the
 * procedure's limits from deals' rules), sees one field's refusal under that field with everything it typed kept,
 * corrects it and saves; after publication a visitor finds the project on the portal by its kind and opens its notice
 * page. Every page at 1366 px and at 390 px without a sideways scroll; screenshots in target/screenshots/projects-*.png.
 */
class ProjectsBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void atStart() {
        clock.set(START);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void anAgencyCreatesATwoLotProcurementFromOneFormAndAVisitorFindsItOnThePortal() {
        String name = "云州市第二人民医院医疗设备采购项目";
        String code = "YZ-2026-CG-" + (System.nanoTime() % 10_000);
        logIn("agency", PASSWORD);
        open("/workbench/tenders");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-project"))).click();

        // 1. kind and procedure: only runnable ones are offered
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("procedure")));
        List<String> offered = new Select(browser.findElement(By.id("procedure"))).getOptions().stream()
                .map(o -> o.getDomAttribute("value")).toList();
        assertThat(offered).contains("GCJS_OPEN_TENDER", "ZFCG_OPEN_TENDER").doesNotContain("ZFCG_FRAMEWORK");
        new Select(browser.findElement(By.id("kind"))).selectByValue("ZFCG");
        // the chosen kind's procedures only
        assertThat(browser.findElement(By.cssSelector("#procedure option[value='GCJS_OPEN_TENDER']")).isEnabled()).isFalse();
        new Select(browser.findElement(By.id("procedure"))).selectByValue("ZFCG_OPEN_TENDER");
        browser.findElement(By.id("choose-procedure")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-form")));
        screenshots("projects-form");

        // the labels and hints show the procedure's limits, from deals' rules
        assertThat(text(By.cssSelector("#lot0 .hint-documents"))).contains("5 工作日").contains("第十八条");
        assertThat(text(By.cssSelector("#lot0 .hint-deadline"))).contains("20 日").contains("《政府采购法》第三十五条");
        assertThat(text(By.cssSelector("#lot0 .hint-deposit"))).contains("2 %");
        assertThat(browser.findElements(By.id("priceCap"))).isNotEmpty(); // a price cap and an item code for procurement
        assertThat(browser.findElements(By.id("itemCode"))).isNotEmpty();

        set("projectCode", code);
        set("name", name);
        set("budget", "500万");
        set("priceCap", "4,800,000");
        set("itemCode", "A02320000");
        set("lot0-name", "采购包1：CT 设备");
        set("lot0-budget", "3,000,000.00");
        set("lot0-deposit", "60000");
        set("lot0-notice", "采购包1 采购公告正文");
        browser.findElement(By.id("add-lot")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lot1-name")));
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name); // kept
        assertThat(browser.findElement(By.id("lot0-budget")).getDomProperty("value")).isEqualTo("3,000,000.00");
        set("lot1-name", "采购包2：超声设备");
        set("lot1-budget", "200万");
        set("lot1-deposit", "40,000.01"); // above 2% of 2,000,000.00
        set("lot1-notice", "采购包2 采购公告正文");
        browser.findElement(By.id("create-project")).click();

        // the refusal under the second lot's deposit, with its article; everything typed kept
        String refusal = text(By.id("lot1-deposit-error"));
        assertThat(refusal).contains("标段（包）2").contains("投标保证金").contains("第三十三条");
        assertThat(text(By.id("form-error"))).contains("1");
        assertThat(browser.findElement(By.id("lot1-deposit")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("lot1-deposit")).getDomProperty("value")).isEqualTo("40,000.01");
        assertThat(browser.findElement(By.id("lot1-budget")).getDomProperty("value")).isEqualTo("200万");
        assertThat(browser.findElement(By.id("priceCap")).getDomProperty("value")).isEqualTo("4,800,000");
        assertThat(jdbc.sql("SELECT count(*) FROM deal_project WHERE name = :n").param("n", name).query(Long.class).single())
                .isZero();
        screenshot("projects-form-error");
        onPhone();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lot1-deposit-error")));
        screenshot("projects-form-error-phone");
        assertNoHorizontalScroll();
        onLaptop();

        set("lot1-deposit", "40000");
        browser.findElement(By.id("create-project")).click();
        assertThat(text(By.id("done"))).contains("交易项目已登记");
        String dealCode = jdbc.sql("SELECT deal_code FROM deal_project WHERE name = :n").param("n", name)
                .query(String.class).single();
        assertThat(dealCode).startsWith("ZFCG-");
        assertThat(text(By.id("lot-code"))).isEqualTo(dealCode + "-1");
        assertThat(text(By.id("tender-procedure"))).contains("政府采购").contains("公开招标");
        List<String> lots = jdbc.sql("""
                SELECT CAST(l.id AS VARCHAR) FROM deal_lot l JOIN deal_project p ON p.id = l.project_id
                WHERE p.deal_code = :c ORDER BY l.lot_no""").param("c", dealCode).query(String.class).list();
        assertThat(lots).hasSize(2);
        logOut();

        // before publication the portal does not show it
        open("/projects?kind=ZFCG");
        assertThat(browser.getPageSource()).doesNotContain(dealCode).doesNotContain(name);

        // published (documents uploaded and the notice issued through the API, as the tender page does)
        ApiClient api = new ApiClient(baseUrl());
        String agency = api.token("agency");
        String projectId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM deal_project WHERE deal_code = :c").param("c", dealCode)
                .query(String.class).single();
        assertThat(api.post("/api/v1/projects/" + projectId + "/intention-exemption",
                ApiClient.json(java.util.Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status()).isEqualTo(200);
        for (String lot : lots) {
            ApiClient.Response published = api.publish(lot, agency);
            assertThat(published.status()).as(published.body()).isEqualTo(200);
        }

        // a visitor: 交易信息 in the top menu, filtered by kind, then the project's notice page
        open("/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("nav-deals"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("project-filters")));
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("ZFCG");
        browser.findElement(By.id("project-filter-submit")).click();
        wait.until(ExpectedConditions.urlContains("kind=ZFCG"));
        String listed = text(By.id("project-table"));
        assertThat(listed).contains(name).contains(dealCode).contains("政府采购").contains("公开招标").contains("500.00")
                .contains("招标中").doesNotContain("GCJS-");
        screenshots("projects-list");
        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deal-code")));
        assertThat(text(By.id("deal-code"))).isEqualTo(dealCode);
        assertThat(text(By.id("lot-table"))).contains("采购包1：CT 设备").contains("采购包2：超声设备").contains(dealCode + "-2");
        assertThat(text(By.id("rule-table"))).contains("财政部令第87号第十八条").contains("工作日");
        assertThat(text(By.id("project-facts"))).contains("A02320000").contains("480.00").contains("云州市城市建设投资集团有限公司");
        screenshots("projects-notice");
        browser.findElement(By.linkText("采购包2：超声设备")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lot-code")));
        assertThat(text(By.id("lot-code"))).isEqualTo(dealCode + "-2");
    }
}
