package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.FilingRegion;

/**
 * In the browser, where the region requires tender documents to be filed with the supervisor (招标文件备案): the owner
 * files from the tender's page, the supervisor finds the filing in the to-do list and returns it (first without a
 * reason, which is refused under the field, then with one), the owner adds a document and files again, the supervisor
 * accepts, the owner publishes — at laptop and phone width.
 */
class FilingBrowserIT extends BrowserTest {

    @Autowired
    Regions regions;
    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;

    private void switchTo(String username) {
        browser.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        logIn(username, PASSWORD);
    }

    @Test
    void theOwnerFilesTheSupervisorReturnsThenAcceptsAndTheOwnerPublishes() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        FilingRegion.ensure(api, regions, organisations, accounts, clock.instant());
        UUID tenderee = accounts.findByUsername(FilingRegion.TENDEREE).orElseThrow().organisationId();
        String id = FilingRegion.draftWithDocument(api, FilingRegion.TENDEREE, tenderee, clock.instant());
        String code = api.get("/api/v1/tenders/" + id, api.token(FilingRegion.TENDEREE)).json().path("terms").path("projectCode").asString();

        // The owner: the checklist says the filing is missing; the card explains the rule and files.
        switchTo(FilingRegion.TENDEREE);
        open("/workbench/tenders/" + id);
        assertThat(text(By.id("check-filing"))).contains("备案");
        assertThat(browser.findElement(By.id("check-filing")).getDomAttribute("class")).contains("missing");
        assertThat(text(By.id("filing-rule"))).contains("云州市住房和城乡建设局").contains("5 工作日").contains(FilingRegion.BASIS);
        screenshots("filing-1-owner-before");
        clickAndConfirm("file-documents");
        assertThat(text(By.id("done"))).contains("已提交备案");
        assertThat(text(By.cssSelector("#filing .filing-history"))).contains("第 1 次").contains("待审查");
        assertThat(browser.findElements(By.id("file-documents"))).isEmpty();

        // The supervisor: the to-do list leads to the filing; a return without reasons is refused under the field.
        switchTo("supervisor");
        assertThat(text(By.id("todo-list"))).contains("审查招标文件备案").contains(code);
        browser.findElements(By.cssSelector("#todo-list .todo a")).stream().filter(a -> a.getText().contains(code))
                .findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        screenshots("filing-2-supervisor-review");
        clickAndConfirm("filing-return");
        assertThat(text(By.id("reasons-error"))).contains("退回理由").contains("必须写明理由");
        assertThat(browser.findElement(By.id("reasons")).getDomAttribute("aria-invalid")).isEqualTo("true");
        screenshots("filing-3-supervisor-reason-required");
        set("reasons", "评标办法未载明价格分的计算公式，请补充。");
        clickAndConfirm("filing-return");
        assertThat(text(By.id("done"))).contains("已退回");
        assertThat(text(By.id("filing-status"))).contains("已退回");
        assertThat(browser.findElements(By.id("decision-form"))).isEmpty();

        // The owner reads the reasons, adds the missing chapter and files again.
        switchTo(FilingRegion.TENDEREE);
        open("/workbench/tenders/" + id);
        assertThat(text(By.id("check-filing"))).contains("评标办法未载明价格分的计算公式");
        assertThat(text(By.cssSelector("#filing .filing-history"))).contains("已退回").contains("评标办法未载明价格分的计算公式");
        Path chapter = Files.createTempFile("第三章-评标办法-", ".pdf");
        Files.writeString(chapter, "第三章 评标办法（补充价格分计算公式）");
        browser.findElement(By.id("file")).sendKeys(chapter.toString());
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        clickAndConfirm("file-documents");
        assertThat(text(By.cssSelector("#filing .filing-history"))).contains("第 2 次");
        screenshots("filing-4-owner-refiled");

        // The supervisor accepts the new filing.
        switchTo("supervisor");
        open("/workbench/filings");
        browser.findElements(By.cssSelector("#filing-table-pending a")).stream().filter(a -> a.getText().contains("图书馆"))
                .filter(a -> a.getDomAttribute("href").contains(id)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
        assertThat(text(By.id("filed-documents"))).contains("第三章-评标办法-");
        clickAndConfirm("filing-accept");
        assertThat(text(By.id("filing-status"))).contains("已接受");
        open("/workbench/filings");
        screenshots("filing-5-supervisor-list");

        // The owner publishes: the checklist is complete and the confirmation page publishes.
        switchTo(FilingRegion.TENDEREE);
        open("/workbench/tenders/" + id);
        assertThat(browser.findElement(By.id("check-filing")).getDomAttribute("class")).contains("ok");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-confirm-button"))).click();
        assertThat(text(By.id("done"))).contains("发布");
        assertThat(api.get("/api/v1/tenders/" + id, null).json().path("status").asString()).isEqualTo("PUBLISHED");
        screenshots("filing-6-owner-published");
    }
}
