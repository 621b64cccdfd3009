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
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditParties;
import org.sunbid.platform.credit.CreditRecordView;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * The credit pages in a browser (issue 20 K): the public 信用信息公示 with the demo's records (searched and filtered;
 * screenshots target/screenshots/credit-public*.png at 1366 and 390 px), and a repair request from the organisation's
 * application to the supervisor's approval, after which the record is no longer on the public page.
 */
class CreditBrowserIT extends BrowserTest {

    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
        CreditParties.Party party = CreditParties.party(organisations, accounts, "信用修复浏览器测试有限公司", "990100");
        Organisation o = party.organisation();
        String username = party.username();
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

    /**
     * 信用修复管理办法 Art. 18: the organisation objects in its workbench; the supervisor upholds it and corrects the record
     * with the decision form's correction fields (screenshots credit-objection-decision*, credit-objection-correct-form); the public page then shows the
     * corrected record marked 已更正 (credit-public-corrected). The record is withdrawn afterwards: it is a fresh
     * organisation's, but nothing of it should stay published.
     */
    @Test
    void anObjectionUpheldWithACorrectionChangesThePublishedRecordWhichIsMarkedCorrected() {
        CreditParties.Party party = CreditParties.party(organisations, accounts, "信用更正浏览器测试有限公司", "990100");
        Organisation o = party.organisation();
        String username = party.username();
        Instant decided = clock.instant().minus(Duration.ofDays(20));
        CreditRules.Publication p = CreditRules.publication(CreditClass.SERIOUS, decided, false, false);
        UUID id = records.record(new CreditRecords.NewRecord(CreditSubject.organisation(o.creditCode().value()), o.name(),
                CreditClass.SERIOUS, "以他人名义投标", "招标投标法实施条例第六十八条", "云州市住房和城乡建设局", "云建罚〔2026〕88号",
                "platform", "browser-" + id(), "990100", Set.of(), null, null, p.from(), p.until()), decided, false, Actor.SYSTEM);
        try {
            logIn(username, PASSWORD);
            open("/workbench/credit");
            WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-record='" + id + "']")));
            row.findElement(By.cssSelector("details.credit-objection-form summary")).click();
            row.findElement(By.cssSelector("details.credit-objection-form textarea[name=reason]")).sendKeys("决定书认定的是一般失信行为，且为逾期签约。");
            row.findElement(By.cssSelector("details.credit-objection-form textarea[name=documents]")).sendKeys("行政处罚决定书.pdf");
            row.findElement(By.cssSelector("button.objection-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            String objectionId = browser.findElement(By.cssSelector("#credit-objections tbody.credit-objection")).getDomAttribute("data-objection");
            logOut();

            logIn("supervisor", PASSWORD);
            open("/workbench/credit");
            By mine = By.cssSelector("tbody[data-objection='" + objectionId + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(mine));
            screenshots("credit-objection-decision"); // both widths, the phone's without horizontal scroll
            WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(mine));
            new Select(filed.findElement(By.cssSelector("select.objection-decision"))).selectByValue("CORRECT");
            filed.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("经核实，原记录类别和失信行为有误，予以更正。");
            filed.findElement(By.cssSelector("details.objection-correction summary")).click();
            new Select(filed.findElement(By.cssSelector("select.correction-class"))).selectByValue("GENERAL");
            java.time.LocalDate lastDay = CreditRules.plus(p.from(), java.time.Period.ofMonths(6)).atZone(CreditRules.ZONE).toLocalDate();
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                    filed.findElement(By.cssSelector("input.correction-publication")), lastDay.toString());
            filed.findElement(By.cssSelector("input.correction-conduct")).sendKeys("中标后无正当理由逾期不签订合同");
            filed.findElement(By.cssSelector("input.correction-document")).sendKeys("云建罚〔2026〕88-1号");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", filed);
            screenshot("credit-objection-correct-form");
            filed.findElement(By.cssSelector("button.objection-decide")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
            WebElement decided2 = browser.findElement(mine);
            assertThat(decided2.getDomAttribute("data-status")).isEqualTo("UPHELD");
            assertThat(decided2.getText()).contains("已更正记录");
            logOut();

            open("/credit?q=" + o.creditCode().value());
            WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-record='" + id + "']")));
            assertThat(shown.getText()).contains("中标后无正当理由逾期不签订合同", "一般", "云建罚〔2026〕88-1号",
                    "已更正 " + clock.instant().atZone(CreditRules.ZONE).toLocalDate()).doesNotContain("以他人名义投标");
            screenshots("credit-public-corrected");
            CreditRecordView after = records.find(id).orElseThrow();
            assertThat(after.creditClass()).isEqualTo(CreditClass.GENERAL);
            assertThat(after.publicationUntil()).isEqualTo(lastDay.plusDays(1).atStartOfDay(CreditRules.ZONE).toInstant());
        } finally {
            jdbc.sql("UPDATE credit_record SET withdrawn_at = :now, withdrawn_reason = 'test' WHERE id = :id AND withdrawn_at IS NULL")
                    .param("now", java.time.OffsetDateTime.now(clock)).param("id", id).update();
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
