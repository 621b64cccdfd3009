package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sunbid.platform.Fixtures;

/**
 * Acceptance 5 of the tender issue, in a real browser: an agency drafts a tender, uploads its documents and publishes
 * it; a bidder finds it, registers, downloads nothing it should not, and pays the deposit through the sandbox bank,
 * whose signed notification comes back over HTTP and turns the deposit to 已缴纳. A bad form gets a Chinese message.
 */
class TenderingBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private void fillTender(String code, String deposit) {
        open("/workbench/tenders/new");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tendereeId"))))
                .selectByVisibleText("云州市城市建设投资集团有限公司");
        set("projectCode", code);
        set("name", "云州市第三中学教学楼新建工程");
        set("estimatedPrice", "18000000");
        set("deposit", deposit);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), BEIJING);
        setDateTime("documentsAvailableUntil", now.plusDays(8));
        setDateTime("bidDeadline", now.plusDays(25));
        set("qualification", "具备建筑工程施工总承包二级及以上资质");
        set("notice", "云州市第三中学教学楼新建工程已批准建设，现进行公开招标，欢迎合格的投标人参加。");
        browser.findElement(By.id("create-submit")).click();
    }

    @Test
    void anAgencyPublishesATenderAndABidderRegistersAndPaysTheDepositThroughTheSandboxBank() throws Exception {
        String code = Fixtures.projectCode();
        logIn("agency", PASSWORD);
        browser.findElement(By.cssSelector(".sidebar a[href='/workbench/tenders']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-tender"))).click();
        screenshot("tender-new");

        // An over-limit deposit is refused with the article, and nothing is created.
        fillTender(code, "400000");
        assertThat(text(By.id("form-error"))).contains("第二十六条");
        screenshot("tender-new-error");

        fillTender(code, "360000");
        assertThat(text(By.id("done"))).contains("草稿");
        assertThat(text(By.id("tender-status"))).isEqualTo("草稿");

        // Publishing is guarded: the checklist names what is missing, and the confirmation page offers no way on.
        assertThat(text(By.id("check-documents"))).contains("尚未上传");
        browser.findElement(By.id("publish")).click();
        assertThat(text(By.id("publish-checklist"))).contains("尚未上传");
        assertThat(browser.findElements(By.id("publish-confirm-button"))).isEmpty();
        screenshot("tender-publish-missing");
        browser.findElement(By.id("publish-cancel")).click();

        Path document = Files.createTempFile("招标文件", ".pdf");
        Files.writeString(document, "%PDF-1.4 云州市第三中学教学楼新建工程 招标文件", StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(document.toString());
        browser.findElement(By.id("upload")).click();
        assertThat(text(By.id("done"))).contains("已上传");
        assertThat(text(By.id("documents"))).contains(document.getFileName().toString()).contains("SM3");

        // Publishing asks for confirmation with the legal dates it fixes; cancelling leaves the draft a draft.
        browser.findElement(By.id("publish")).click();
        String deadline = text(By.id("date-deadline"));
        assertThat(deadline).isEqualTo(LocalDateTime.ofInstant(clock.instant(), BEIJING).plusDays(25)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(text(By.id("date-objection"))).contains(LocalDateTime.ofInstant(clock.instant(), BEIJING).plusDays(15)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(text(By.id("date-documents"))).isNotBlank();
        screenshot("tender-publish-confirm");
        browser.findElement(By.id("publish-cancel")).click();
        assertThat(text(By.id("tender-status"))).isEqualTo("草稿");
        browser.findElement(By.id("publish")).click();
        browser.findElement(By.id("publish-confirm-button")).click();
        assertThat(text(By.id("done"))).contains("已发布");
        assertThat(text(By.id("tender-status"))).isEqualTo("招标中");
        String tenderUrl = browser.getCurrentUrl();
        screenshot("tender-agency-published");
        logOut();

        // The bidder finds it among the tenders, registers and pays.
        logIn("bidder3", PASSWORD);
        browser.findElement(By.cssSelector(".sidebar a[href='/workbench/tenders']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("云州市第三中学教学楼新建工程"))).click();
        assertThat(text(By.id("tender-name"))).isEqualTo("云州市第三中学教学楼新建工程");
        assertThat(browser.findElements(By.cssSelector("#documents a"))).as("no download before registering").isEmpty();
        browser.findElement(By.id("register")).click();
        assertThat(text(By.id("done"))).contains("报名成功");
        assertThat(text(By.id("deposit-status"))).isEqualTo("待缴纳");
        assertThat(text(By.id("sub-account"))).startsWith("6217");
        assertThat(browser.findElements(By.cssSelector("#documents a"))).hasSize(1);
        screenshot("tender-bidder-registered");

        browser.findElement(By.id("pay-sandbox")).click();
        assertThat(text(By.id("done"))).contains("已到账");
        assertThat(text(By.id("deposit-status"))).isEqualTo("已缴纳");
        assertThat(text(By.id("payments"))).contains("360,000.00").contains("已入账");
        screenshot("tender-bidder-paid");

        // It seals its bid with the bidder tool on its own machine and submits the sealed file through the page.
        String tenderId = tenderUrl.substring(tenderUrl.lastIndexOf('/') + 1);
        String creditCode = jdbc.sql("SELECT o.credit_code FROM account a JOIN organisation o ON o.id = a.organisation_id"
                + " WHERE a.username = 'bidder3'").query(String.class).single();
        Path work = Files.createTempDirectory("bid");
        Path folder = Files.createDirectories(work.resolve("投标文件"));
        Files.writeString(folder.resolve("投标函.txt"), "投标报价 17,650,000.00 元");
        Path price = Files.writeString(work.resolve("price.json"),
                "{\"totalPrice\":\"17650000.00\",\"durationDays\":420,\"projectManager\":\"李工\"}");
        Path envelope = work.resolve("bid.sbenv");
        Path keys = DATA.resolve("demo-keys");
        var sealed = org.sunbid.bidder.BidderTool.run("seal", "--platform", baseUrl(), "--tender", tenderId, "--folder",
                folder.toString(), "--price-sheet", price.toString(), "--key", keys.resolve(creditCode + ".key.pem").toString(),
                "--cert", keys.resolve(creditCode + ".crt.pem").toString(), "--out", envelope.toString());
        assertThat(sealed.ok()).as(sealed.line()).isTrue();
        browser.findElement(By.id("envelope")).sendKeys(envelope.toString());
        browser.findElement(By.id("upload-bid")).click();
        assertThat(text(By.id("done"))).contains("已递交");
        assertThat(text(By.id("bid-received"))).contains("签名回执");
        assertThat(text(By.id("my-bid"))).doesNotContain(org.sunbid.crypto.Sm3.hex(Files.readAllBytes(envelope)));
        browser.findElement(By.cssSelector("#my-bid details > summary")).click(); // the hash sits in the details fold
        assertThat(text(By.id("my-bid"))).contains(org.sunbid.crypto.Sm3.hex(Files.readAllBytes(envelope)));
        screenshot("tender-bidder-bid");

        // Or, without the tool: the page seals one plain file on arrival (replacing the bid above).
        Path plain = Files.writeString(work.resolve("在线投标文件.txt"), "投标报价 17,480,000.00 元（在线密封）");
        set("totalPrice", "17480000");
        set("durationDays", "410");
        set("projectManager", "李工");
        browser.findElement(By.id("plainfile")).sendKeys(plain.toString());
        browser.findElement(By.id("seal-upload")).click();
        // the page reloads when the upload is done: a poll may catch the old page's node as it goes
        wait.ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "接收时密封"));
        assertThat(jdbc.sql("SELECT receipt FROM bid_envelope WHERE tender_id = CAST(:t AS UUID) AND status = 'VALID'")
                .param("t", tenderId).query(String.class).single()).contains("platform-on-arrival");
        screenshot("tender-bidder-sealed-on-arrival");
        // What was just sealed is shown back once (the platform keeps no plain copy); the receipt is a page of its own.
        assertThat(text(By.id("sealed-echo"))).contains("17,480,000.00").contains("在线投标文件.txt");
        browser.findElement(By.id("receipt-link")).click();
        assertThat(text(By.id("receipt"))).contains("云州市第三中学教学楼新建工程").contains("平台接收时密封");
        assertThat(text(By.id("receipt-sealed"))).contains("开标");
        screenshot("tender-bidder-receipt");

        // On a phone, the same page fits the screen.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT,
                "deviceScaleFactor", 1, "mobile", true));
        browser.get(tenderUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deposit-status")));
        screenshot("tender-bidder-paid-phone");
        assertNoHorizontalScroll();
        logOut();

        // The agency, before the deadline, still cannot tell that anyone registered.
        logIn("agency", PASSWORD);
        browser.get(tenderUrl);
        assertThat(text(By.id("tender-name"))).isEqualTo("云州市第三中学教学楼新建工程");
        assertThat(browser.getPageSource()).doesNotContain("bidder3").doesNotContain("已报名").doesNotContain("6217");
        Files.deleteIfExists(document);
    }
}
