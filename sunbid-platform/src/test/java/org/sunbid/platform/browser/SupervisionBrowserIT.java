package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An exemption (不进场交易) from the owner's application to the portal, by clicking: the owner applies (a missing legal
 * basis is reported under its field, what was typed stays), the region's supervisor finds it on the to-do list and
 * approves it after confirming, and the public reads it with its basis on the portal; the supervisor's flags page
 * shows the demo's overdue report and split purchase. Every page at laptop and phone size.
 */
class SupervisionBrowserIT extends BrowserTest {

    @Test
    void ownerAppliesSupervisorApprovesAndThePortalPublishesIt() {
        String code = "YZ-2026-GC-" + (5000 + ThreadLocalRandom.current().nextInt(4000));
        String name = "云州市档案馆涉密库房改造工程";

        logIn("tenderee", PASSWORD);
        sidebarLink("/workbench/supervision/exemptions").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exemption-form")));
        new Select(browser.findElement(By.id("kind"))).selectByValue("GCJS");
        new Select(browser.findElement(By.id("category"))).selectByValue("WORKS");
        set("projectCode", code);
        set("projectName", name);
        new Select(browser.findElement(By.id("regionCode"))).selectByValue("990100");
        set("value", "680万");
        set("reason", "项目涉及国家秘密，不适宜进场公开交易。");
        browser.findElement(By.id("exemption-submit")).click();

        // the legal basis is required: said under the field, with the rule; what was typed is kept
        assertThat(text(By.id("basis-error"))).contains("法律依据").contains("理由和法律依据");
        assertThat(browser.findElement(By.id("basis")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).isEqualTo("680万");
        assertThat(browser.findElement(By.id("projectName")).getDomProperty("value")).isEqualTo(name);
        screenshots("supervision-exemption-basis-required");
        set("basis", "《中华人民共和国招标投标法》第六十六条");
        browser.findElement(By.id("exemption-submit")).click();
        assertThat(text(By.id("done"))).contains("等待行政监督部门审核");
        assertThat(text(By.cssSelector(".exemption-status"))).isEqualTo("待审核");
        assertThat(text(By.id("catalogue-basis"))).contains("云州市公共资源交易目录");
        screenshots("supervision-exemption-applied");
        logOut();

        // the supervisor: on the to-do list, one click to the application, approve after confirming
        logIn("supervisor", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("todo-list")));
        browser.findElement(By.xpath("//li[@data-kind='exemption']//a[contains(., '" + code + "')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        screenshots("supervision-exemption-decision");
        set("decision-reason", "经核实项目涉密，同意不进场交易。");
        clickAndConfirm("approve");
        assertThat(text(By.id("done"))).contains("已在门户网站公开");
        assertThat(text(By.cssSelector(".exemption-status"))).isEqualTo("已批准");
        assertThat(browser.findElements(By.id("decision-form"))).isEmpty();

        // the flags: the demo's overdue report and the two computer purchases of one 品目
        sidebarLink("/workbench/supervision/flags").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervision-flags")));
        assertThat(text(By.id("supervision-flags"))).contains("QS-2026-CG-0044").contains("场外交易逾期未报告")
                .contains("疑似化整为零");
        screenshots("supervision-flags");
        logOut();

        // the public: the portal lists it with its basis, and its own page
        open("/supervision/exemptions");
        assertThat(text(By.id("public-exemptions"))).contains(code).contains("第六十六条");
        assertThat(browser.findElement(By.cssSelector(".mainnav a.active")).getDomAttribute("href")).isEqualTo("/supervision/exemptions");
        screenshots("supervision-portal-exemptions");
        browser.findElement(By.linkText(code + " " + name)).click();
        assertThat(text(By.id("public-basis"))).isEqualTo("《中华人民共和国招标投标法》第六十六条");
        screenshots("supervision-portal-exemption");
        open("/supervision/reports");
        assertThat(text(By.id("public-reports"))).contains("QS-2026-CG-0031").doesNotContain("QS-2026-CG-0044");
        screenshots("supervision-portal-reports");
        open("/supervision/catalogue?region=990121");
        assertThat(text(By.id("catalogue-table"))).contains("云州市").contains("全部（不设限额）");
        screenshots("supervision-portal-catalogue");
    }

    @Test
    void theOwnerSeesTheReportItOwesAndItsDeadline() {
        // read only: the demo's overdue report stays unreported for the other tests
        logIn("tenderee2", PASSWORD);
        assertThat(text(By.id("todo-list"))).contains("QS-2026-CG-0044").contains("已逾期");
        sidebarLink("/workbench/supervision/off-platform").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offplatform-table")));
        assertThat(text(By.id("offplatform-table"))).contains("QS-2026-CG-0031").contains("已报告并公开");
        screenshots("supervision-offplatform");
        browser.findElement(By.linkText("QS-2026-CG-0044 青山县水利局防汛指挥中心计算机采购")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
        assertThat(text(By.id("must-trade"))).isEqualTo("目录不要求进场交易");
        screenshots("supervision-offplatform-report");
    }
}
