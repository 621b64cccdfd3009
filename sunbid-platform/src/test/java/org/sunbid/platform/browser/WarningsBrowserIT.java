package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.WarningRegions;
import org.sunbid.platform.supervision.Warnings;

/**
 * A warning (监督预警) from the queue to a decision, by clicking: a test county's supervisor finds a warning of one of its
 * townships in its queue, reads the evidence, accepts it for investigation, adds a note, is told that a decision needs
 * its legal basis (what was typed stays), and refers it with the basis after confirming; each step appears with its
 * transparency-log entry. The sibling county's supervisor neither lists nor opens it. The monitoring page shows
 * the city's deals and open warnings. Every page at laptop and phone size.
 */
class WarningsBrowserIT extends BrowserTest {

    @Autowired Warnings warnings;
    @Autowired Organisations organisations;
    @Autowired org.sunbid.platform.catalog.Regions regions;
    @Autowired Accounts accounts;
    @Autowired AuditLog auditLog;

    @Test
    void aCountySupervisorMovesAWarningThroughTriageAndNotesToADecisionASiblingCountyNeverSeesIt() {
        WarningRegions.ensure(regions, organisations, accounts);
        String key = "browser-" + UUID.randomUUID();
        UUID id = warnings.raise(new WarningDraft("art40", key, WarningDraft.Severity.HIGH, WarningRegions.TOWNSHIP, null, null,
                "QS-浏览器测试：两家投标人的投标文件由同一台电脑制作", "两份投标文件的制作机器码相同。",
                "《招标投标法实施条例》第四十条第（二）项", List.of(
                        new WarningDraft.Evidence("制作机器码（SM3）", "3f9a…c21e", null),
                        new WarningDraft.Evidence("投标人", "青山路桥建设有限公司；青山绿城园林工程有限公司", null)), List.of()));

        logIn(WarningRegions.QINGSHAN, PASSWORD);
        sidebarLink("/workbench/supervision/warnings").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warning-table")));
        assertThat(text(By.cssSelector("tr[data-id='" + id + "']"))).contains("同一台电脑").contains("高").contains("待研判");
        screenshots("warnings-queue");
        new Select(browser.findElement(By.id("f-severity"))).selectByValue("HIGH");
        browser.findElement(By.id("warning-filter-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        browser.findElement(By.cssSelector("tr[data-id='" + id + "'] a")).click();

        // the warning: its evidence, and the triage form
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("triage-form")));
        assertThat(text(By.id("evidence-table"))).contains("制作机器码（SM3）").contains("3f9a…c21e");
        assertThat(text(By.id("warning-log"))).contains("生成：第");
        screenshots("warning-open");
        set("triage-reason", "两份投标文件机器码一致，立案核查。");
        browser.findElement(By.id("accept")).click();
        assertThat(text(By.id("done"))).isEqualTo("已立案调查。");
        assertThat(text(By.id("warning-status"))).isEqualTo("调查中");

        set("note", "调取开标记录和两家投标人的投标文件元数据，机器码一致，约谈两家投标人。");
        browser.findElement(By.id("note-submit")).click();
        assertThat(text(By.id("done"))).isEqualTo("调查记录已添加。");
        assertThat(text(By.id("steps"))).contains("立案调查").contains("调查记录").contains("约谈两家投标人");

        // a decision without its legal basis is refused, under its field, with what was typed kept
        new Select(browser.findElement(By.id("decision"))).selectByValue("REFERRED");
        set("decision-reason", "涉嫌串通投标，移送公安机关。");
        clickAndConfirm("decision-submit");
        assertThat(text(By.id("decision-reason-error"))).contains("法律依据");
        assertThat(browser.findElement(By.id("decision-reason")).getDomProperty("value")).isEqualTo("涉嫌串通投标，移送公安机关。");
        assertThat(text(By.id("warning-status"))).isEqualTo("调查中");
        screenshot("warning-decision-basis-required");
        set("decision-basis", "《中华人民共和国招标投标法》第五十三条");
        clickAndConfirm("decision-submit");
        assertThat(text(By.id("done"))).isEqualTo("处理决定已作出。");
        assertThat(text(By.id("warning-status"))).isEqualTo("已办结");
        assertThat(text(By.id("warning-decision"))).isEqualTo("移送处理");
        assertThat(text(By.id("decision-basis"))).isEqualTo("《中华人民共和国招标投标法》第五十三条");
        assertThat(browser.findElements(By.id("decision-form"))).isEmpty();
        assertThat(browser.findElements(By.id("note-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#steps li"))).hasSize(3);
        // each step names its log entry, and the decision is in the log
        assertThat(auditLog.withActions(List.of("supervision.warning.decided"), List.of(WarningRegions.TOWNSHIP), 100))
                .filteredOn(e -> e.details().contains(id.toString())).singleElement()
                .satisfies(e -> assertThat(text(By.cssSelector("#steps li[data-kind='decided']"))).contains("日志第 " + e.seq() + " 条"));
        screenshots("warning-decided");
        logOut();

        // the sibling county's supervisor: not in its queue, and not found by its address
        logIn(WarningRegions.LINJIANG, PASSWORD);
        sidebarLink("/workbench/supervision/warnings").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warning-count")));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("");
        browser.findElement(By.id("warning-filter-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warning-count")));
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + id + "']"))).isEmpty();
        open("/workbench/supervision/warnings/" + id);
        assertThat(text(By.id("error-detail"))).contains("不存在");
        assertThat(browser.getPageSource()).doesNotContain("同一台电脑");
        logOut();

        // the city's supervisor: the monitoring page
        logIn("supervisor", PASSWORD);
        sidebarLink("/workbench/supervision/monitor").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("warning-ages")));
        assertThat(Integer.parseInt(text(By.cssSelector("#stat-in-progress .stat-value")))).isPositive();
        assertThat(text(By.id("monitor-stages"))).isNotEmpty();
        screenshots("supervision-monitor");
    }
}
