package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * The credit pages in a browser (issue 20 K): the public 信用信息公示 with the demo's records (searched and filtered;
 * screenshots target/screenshots/credit-public*.png at 1366 and 390 px), and a repair request from the organisation's
 * application to the supervisor's approval, after which the record is no longer on the public page.
 */
class CreditBrowserIT extends BrowserTest {

    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    @Test
    void thePublicCreditPageListsThePublishedRecordsBySearchAndClassButNotEndedOnes() {
        open("/credit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-records")));
        String table = text(By.id("credit-records"));
        assertThat(table).contains("云州恒远建设有限公司", "无正当理由放弃中标资格", "云州市住房和城乡建设局", "招标投标法实施条例第七十四条");
        // bidder7's record whose year ended, its repaired one, and bidder8's 轻微 one are not published
        assertThat(table).doesNotContain("投标文件中隐瞒在建工程", "拒不按规定缴纳履约保证金", "未按时提交合同备案材料");
        assertThat(text(By.id("credit-rules"))).contains("2026-04-01", "12–36");
        screenshots("credit-public");

        set("c-q", "云州恒远");
        new Select(browser.findElement(By.id("c-class"))).selectByValue("SERIOUS");
        browser.findElement(By.id("credit-submit")).click();
        wait.until(ExpectedConditions.urlContains("class=SERIOUS"));
        assertThat(browser.findElements(By.cssSelector("#credit-records tr.credit-record"))).hasSize(1);
        assertThat(text(By.id("credit-records"))).contains("以他人名义投标", "严重").doesNotContain("无正当理由放弃中标资格");
    }

    @Test
    void aRepairRequestGoesFromTheApplicationToTheSupervisorsApprovalAndThePublicationEnds() {
        Organisation o = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), "信用修复浏览器测试有限公司",
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
        String username = "cb" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.NewAccount(username, "修复申请人", PASSWORD, Role.BIDDER, o.id(), null), Actor.SYSTEM);
        Instant decided = clock.instant().minus(Duration.ofDays(130));
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, decided, false, false);
        UUID id = records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(),
                CreditClass.GENERAL, "逾期未签订合同", "招标投标法实施条例第七十四条", "云州市住房和城乡建设局", "云建罚〔2026〕77号",
                "platform", "browser-" + id(), "990100", Set.of(), null, null, p.from(), p.until()), decided, false, Actor.SYSTEM);

        logIn(username, PASSWORD);
        open("/workbench/credit");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-record='" + id + "']")));
        assertThat(row.getDomAttribute("data-state")).isEqualTo("PUBLISHED");
        row.findElement(By.cssSelector("details.credit-repair-form summary")).click();
        row.findElement(By.cssSelector("textarea.repair-reason")).sendKeys("已签订合同并整改，作出信用承诺。");
        row.findElement(By.cssSelector("textarea.repair-documents")).sendKeys("整改报告.pdf\n信用承诺书.pdf");
        row.findElement(By.cssSelector("button.repair-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        WebElement repair = browser.findElement(By.cssSelector("#credit-repairs tbody.credit-repair"));
        assertThat(repair.getDomAttribute("data-status")).isEqualTo("APPLIED");
        assertThat(repair.getText()).contains("整改报告.pdf", "信用承诺书.pdf");
        String repairId = repair.getDomAttribute("data-repair");
        screenshots("credit-repair-applied");
        logOut();

        logIn("supervisor", PASSWORD);
        open("/workbench/credit");
        By mine = By.cssSelector("tbody[data-repair='" + repairId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(mine)).findElement(By.cssSelector("button.repair-accept")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElement(mine).getDomAttribute("data-status")).isEqualTo("ACCEPTED");
        WebElement accepted = browser.findElement(mine);
        new Select(accepted.findElement(By.cssSelector("select.repair-decision"))).selectByValue("APPROVE");
        accepted.findElement(By.cssSelector("textarea.repair-decision-reason")).sendKeys("整改到位，准予修复。");
        accepted.findElement(By.cssSelector("button.repair-decide")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElement(mine).getDomAttribute("data-status")).isEqualTo("APPROVED");
        screenshots("credit-repair-approved");
        logOut();

        open("/credit?q=" + o.creditCode().value());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-empty")));
        assertThat(records.find(id).orElseThrow().withdrawnAt()).isNotNull();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
