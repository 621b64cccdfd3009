package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.experts.DrawStatus;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.SandboxNotifier;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The experts' pages in a real browser: centre staff browse the expert database and open a file; an expert keeps
 * their own file and takes leave; a draw goes from the agency's request on the tender page through the supervisor's
 * commitment, the experts' answers on the sandbox phone and their sign-in with a certificate, to the published record
 * that the verifier recomputes. Before sign-in no page shows who was drawn.
 */
class ExpertsBrowserIT extends BrowserTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Pattern REPLY_CODE = Pattern.compile("回复“1 (\\d{6})”");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExpertDraws draws;

    @Autowired
    SandboxNotifier sandboxPhone;

    @Autowired
    Accounts accounts;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private final List<String> leaveReasons = new ArrayList<>();

    @AfterEach
    void backToStart() {
        clock.set(START);
        // Leave taken here must not keep experts out of other tests' draws.
        for (String reason : leaveReasons) {
            jdbc.sql("DELETE FROM expert_leave WHERE reason = :r").param("r", reason).update();
        }
    }

    @Test
    void centreStaffBrowseTheExpertDatabaseAndOpenAFile() {
        logIn("centre", PASSWORD);
        assertThat(menuLinks()).contains("/workbench/experts", "/workbench/expert-draws");
        sidebarLink("/workbench/experts").click();
        assertThat(text(By.id("expert-count"))).startsWith("共");
        List<WebElement> rows = browser.findElements(By.cssSelector("#expert-table tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(text(By.cssSelector("#expert-table tbody"))).contains("在库");
        // Nothing about draws or sittings in the database's list: who was drawn stays secret.
        assertThat(text(By.cssSelector("#expert-table thead"))).doesNotContain("抽取").doesNotContain("评标次数");
        screenshots("experts-list");

        new Select(browser.findElement(By.id("f-specialty"))).selectByValue("A05");
        browser.findElement(By.id("filter-submit")).click();
        wait.until(ExpectedConditions.urlContains("specialty=A05"));
        for (WebElement row : browser.findElements(By.cssSelector("#expert-table tbody tr"))) {
            assertThat(row.getText()).contains("A05");
        }

        browser.findElement(By.cssSelector("#expert-table tbody tr a")).click();
        assertThat(text(By.id("expert-status"))).isEqualTo("在库");
        assertThat(text(By.id("expert-history"))).contains("批量导入");
        assertThat(browser.findElements(By.id("to-SUSPENDED"))).hasSize(1);
        assertThat(browser.findElements(By.id("to-RETIRED"))).hasSize(1);
        assertThat(browser.findElements(By.id("to-BLACKLISTED"))).as("blacklisting is the supervisor's").isEmpty();
        screenshots("expert-file-staff");

        // A status change without a reason is refused by the browser; the page keeps the expert active.
        browser.findElement(By.id("to-SUSPENDED")).click();
        assertThat(text(By.id("expert-status"))).isEqualTo("在库");
    }

    @Test
    void anExpertSeesTheirFileAndTakesLeave() {
        logIn("expert01", PASSWORD);
        assertThat(menuLinks()).contains("/workbench/expert", "/workbench/expert/draws", "/workbench/expert/phone")
                .doesNotContain("/workbench/experts", "/workbench/tenders");
        sidebarLink("/workbench/expert").click();
        assertThat(text(By.id("expert-status"))).isEqualTo("在库");
        assertThat(text(By.id("expert-profile"))).contains("13900000001");

        // A period ending before it starts comes back with the rule, in Chinese.
        LocalDateTime start = LocalDateTime.of(2027, 3, 8, 8, 0);
        setDateTime("leave-start", start);
        setDateTime("leave-end", start.minusDays(1));
        String reason = "出国学术交流 " + UUID.randomUUID().toString().substring(0, 8);
        leaveReasons.add(reason);
        set("leave-reason", reason);
        browser.findElement(By.id("leave-submit")).click();
        assertThat(text(By.id("form-error"))).contains("请假时间有误");

        setDateTime("leave-start", start);
        setDateTime("leave-end", start.plusDays(5).withHour(18));
        set("leave-reason", reason);
        browser.findElement(By.id("leave-submit")).click();
        assertThat(text(By.id("done"))).contains("请假已登记");
        assertThat(text(By.id("leave-table"))).contains(reason).contains("2027-03-08 08:00").contains("2027-03-13 18:00");
        screenshots("expert-mine");
    }

    @Test
    void aNewExpertAppliesAndCentreStaffReviewTheApplication() {
        String username = "applicant" + (System.nanoTime() % 100_000);
        accounts.create(new Accounts.NewAccount(username, "钱" + username.substring(9), PASSWORD,
                org.sunbid.platform.parties.Role.EXPERT, null, "990100"), org.sunbid.platform.kernel.Actor.SYSTEM);
        String university = jdbc.sql("SELECT credit_code FROM organisation WHERE name = '云州大学'").query(String.class).single();

        logIn(username, PASSWORD);
        sidebarLink("/workbench/expert").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application")));
        // An unknown employer comes back with the form as typed.
        set("employerCode", Fixtures.freshCreditCode("990100"));
        set("title", "高级工程师");
        set("phone", "13912345678");
        browser.findElement(By.cssSelector("input[name=specialties][value='C02']")).click();
        browser.findElement(By.id("apply-submit")).click();
        assertThat(text(By.id("application-error"))).contains("工作单位");
        assertThat(browser.findElement(By.cssSelector("input[name=specialties][value='C02']")).isSelected()).isTrue();
        screenshot("expert-application-refused");

        set("employerCode", university);
        browser.findElements(By.name("qualificationName")).get(0).sendKeys("律师执业证");
        browser.findElements(By.name("qualificationNumber")).get(0).sendKeys("13501201810000001");
        browser.findElement(By.id("apply-submit")).click();
        assertThat(text(By.id("done"))).contains("入库申请已提交");
        assertThat(text(By.id("expert-status"))).isEqualTo("申请中");
        assertThat(text(By.id("expert-qualifications"))).contains("律师执业证");
        screenshots("expert-applied");
        logOut();

        // Centre staff find the application and refuse it with a reason (it would otherwise join every C02 pool).
        logIn("centre", PASSWORD);
        open("/workbench/experts?status=APPLYING");
        browser.findElement(By.linkText("钱" + username.substring(9))).click();
        assertThat(browser.findElements(By.id("status-actions"))).as("no status change before the review").isEmpty();
        screenshots("expert-review");
        set("review-reason", "执业年限不足八年（《评标专家和评标专家库管理暂行办法》第七条）");
        clickAndConfirm("refuse");
        assertThat(text(By.id("done"))).contains("不予入库");
        assertThat(text(By.id("expert-status"))).isEqualTo("未通过");
        assertThat(text(By.id("expert-history"))).contains("执业年限不足八年");
    }

    @Test
    void aDrawGoesFromRequestToAVerifiablePublicRecordShowingOnlyCountsBeforeSignIn() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String tenderId = publishTender(api, Duration.ofDays(21), "20000").path("id").asString();
        String venue = "云州市公共资源交易中心 第二评标室 " + UUID.randomUUID().toString().substring(0, 6);
        List<String> expertNames = jdbc.sql("SELECT display_name FROM account WHERE role = 'EXPERT'").query(String.class).list();

        // The agency asks for four experts and one representative after a refused first try (four members).
        logIn("agency", PASSWORD);
        open("/workbench/tenders/" + tenderId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draw-form")));
        assertThat(text(By.id("draw-form"))).contains("第三十七条");
        screenshots("tender-draw-form");
        set("evaluationVenue", venue);
        set("representatives", "2");
        new Select(browser.findElement(By.id("specialty-0"))).selectByValue("A01");
        set("count-0", "2");
        browser.findElement(By.id("draw-submit")).click();
        assertThat(text(By.id("draw-error"))).contains("第三十七条").contains("专家 2 名、招标人代表 2 名");
        assertThat(browser.findElement(By.id("evaluationVenue")).getDomProperty("value")).isEqualTo(venue);
        assertThat(new Select(browser.findElement(By.id("specialty-0"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("A01");
        screenshot("draw-request-refused");

        set("representatives", "1");
        set("count-0", "3");
        new Select(browser.findElement(By.id("specialty-1"))).selectByValue("A05");
        set("count-1", "1");
        // The tenderee knows of a conflict the platform cannot see: one named expert is left out.
        set("avoid", accounts.findByUsername("expert01").orElseThrow().displayName());
        browser.findElement(By.id("draw-submit")).click();
        assertThat(text(By.id("done"))).contains("抽取申请已提交");
        assertThat(text(By.id("draw-status"))).isEqualTo("已申请");
        String drawUrl = browser.getCurrentUrl();
        UUID drawId = UUID.fromString(drawUrl.substring(drawUrl.lastIndexOf('/') + 1));
        screenshots("draw-requested");
        // Back on the tender page the request is listed and no second one can be made while it runs.
        open("/workbench/tenders/" + tenderId);
        assertThat(text(By.id("tender-draws"))).contains(venue).contains("已申请");
        assertThat(browser.findElements(By.id("draw-form"))).isEmpty();
        logOut();

        // The supervisor's own tool makes the draw's secret and prints its hash; the supervisor commits to the hash.
        org.sunbid.platform.SupervisorSecret secret = new org.sunbid.platform.NewExperts(context, DATA).supervisorSecret(drawId.toString());
        logIn("supervisor", PASSWORD);
        browser.get(drawUrl);
        set("secret-hash", secret.commitment());
        clickAndConfirm("commit");
        assertThat(text(By.id("done"))).contains("已承诺");
        assertThat(text(By.id("draw-status"))).isEqualTo("待抽取");
        assertThat(text(By.id("verifiable"))).contains("日志第");

        // An hour before the evaluation the platform fixes the pool and signs a head; then it waits for the secret.
        DrawView requested = draws.get(drawId, accounts.findByUsername("supervisor").orElseThrow());
        clock.set(requested.drawAt());
        draws.runDue(); // (the scheduler may have got there first)
        waitForStatus(drawId, DrawStatus.AWAITING_SECRET);
        browser.navigate().refresh();
        assertThat(text(By.id("draw-status"))).isEqualTo("待揭示密钥");
        assertThat(text(By.id("draw-state"))).contains("等待行政监督人员揭示抽取密钥");
        screenshots("draw-awaiting-secret");
        // The supervisor reveals the secret from the tool's file; the platform checks it and draws.
        set("secret", secret.secret());
        browser.findElement(By.id("reveal")).click();
        assertThat(text(By.id("done"))).contains("抽取密钥已核对");
        waitForStatus(drawId, DrawStatus.NOTIFYING);
        browser.navigate().refresh();
        assertThat(text(By.id("draw-status"))).isEqualTo("通知中");
        assertThat(text(By.id("progress-table"))).contains("A01").contains("A05");
        assertCountsOnly(expertNames);
        screenshots("draw-notifying-supervisor");
        logOut();

        // Who was called is known only to their phones.
        Map<String, String> codes = new LinkedHashMap<>();
        for (Map<String, Object> m : jdbc.sql("SELECT phone, text FROM sandbox_phone_message WHERE text LIKE :v ORDER BY sent_at")
                .param("v", "%" + venue + "%").query().listOfRows()) {
            String phone = (String) m.get("phone");
            Matcher code = REPLY_CODE.matcher((String) m.get("text"));
            assertThat(code.find()).isTrue();
            // The draw may pick a demo expert or one another test added (NewExperts): the phone says whose it is.
            codes.put(new org.sunbid.platform.NewExperts(context, DATA).usernameOf(phone), code.group(1));
        }
        assertThat(codes).hasSize(4);
        String first = codes.keySet().iterator().next();

        // The first answers on the sandbox phone; the project stays unnamed until sign-in.
        logIn(first, PASSWORD);
        sidebarLink("/workbench/expert/draws").click();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draw-" + drawId)));
        assertThat(notice.getText()).contains(venue).contains("待答复").doesNotContain("云州市图书馆改扩建工程");
        sidebarLink("/workbench/expert/phone").click();
        assertThat(text(By.id("inbox"))).contains(venue).contains("1 " + codes.get(first));
        set("reply-text", "1 " + codes.get(first));
        browser.findElement(By.id("reply-send")).click();
        assertThat(text(By.id("answer"))).isEqualTo("平台已记录您的答复。");
        set("reply-text", "1 " + codes.get(first));
        browser.findElement(By.id("reply-send")).click();
        assertThat(text(By.id("answer"))).contains("已经答复过");
        screenshots("expert-phone");
        logOut();
        for (var e : codes.entrySet()) {
            if (!e.getKey().equals(first)) {
                assertThat(sandboxPhone.reply("1 " + e.getValue(), user(e.getKey()))).contains("RECORDED");
            }
        }
        waitForStatus(drawId, DrawStatus.COMPLETE);

        // At the evaluation each member signs in with their certificate.
        clock.set(requested.evaluationStart());
        logIn(first, PASSWORD);
        sidebarLink("/workbench/expert/draws").click();
        String challenge = text(By.id("challenge-" + drawId));
        assertThat(challenge).isEqualTo(ExpertDraws.challenge(drawId, first));
        screenshots("expert-sign-in");
        set("signature-" + drawId, "bm90IGEgc2lnbmF0dXJl");
        browser.findElement(By.id("sign-in-" + drawId)).click();
        assertThat(text(By.id("form-error"))).contains("签到签名无效");
        set("signature-" + drawId, sign(first, challenge));
        browser.findElement(By.id("sign-in-" + drawId)).click();
        assertThat(text(By.id("done"))).contains("签到成功");
        assertThat(text(By.cssSelector("#draw-" + drawId + " .project-name"))).isEqualTo("云州市图书馆改扩建工程");
        screenshots("expert-signed-in");
        logOut();
        for (String username : codes.keySet()) {
            if (!username.equals(first)) {
                draws.signIn(drawId, sign(username, ExpertDraws.challenge(drawId, username)), user(username));
            }
        }

        // Centre staff see the members by name, publish the record and rate a member.
        logIn("centre", PASSWORD);
        sidebarLink("/workbench/expert-draws").click();
        browser.findElement(By.cssSelector("#draw-table a[href$='" + drawId + "']")).click();
        assertThat(text(By.id("draw-status"))).isEqualTo("已组建");
        String firstName = accounts.findByUsername(first).orElseThrow().displayName();
        assertThat(text(By.id("member-table"))).contains(firstName);
        clickAndConfirm("publish");
        assertThat(text(By.id("done"))).contains("已公开");
        assertThat(text(By.id("draw-status"))).isEqualTo("已公开");
        UUID firstExpert = jdbc.sql("SELECT x.id FROM expert x JOIN account a ON a.id = x.account_id WHERE a.username = :u")
                .param("u", first).query(UUID.class).single();
        WebElement rating = browser.findElement(By.id("member-" + firstExpert));
        rating.findElement(By.cssSelector("input[name=score][value='4']")).click();
        rating.findElement(By.cssSelector("details.violations summary")).click();
        rating.findElement(By.cssSelector("input[name=violations][value='LATE']")).click();
        rating.findElement(By.tagName("textarea")).sendKeys("开标后迟到 20 分钟");
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        // The page before the post shows "已公开" in the same place: wait for the answer's page, not the old one.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "评价已提交"));
        assertThat(text(By.id("done"))).contains("评价已提交");
        screenshots("draw-published-centre");
        logOut();

        // The public sees the record and can recompute it.
        open("/");
        assertThat(text(By.id("draw-records"))).contains("云州市图书馆改扩建工程");
        browser.findElement(By.cssSelector("#draw-records a[href$='" + drawId + "']")).click();
        assertThat(text(By.id("committee-table"))).contains(firstName);
        assertThat(text(By.id("avoided"))).contains("招标人指定回避");
        browser.findElement(By.id("verify-fold")).click(); // the command (with the draw's ID) sits in a fold
        assertThat(text(By.id("verify-command"))).contains("verify-draw").contains(drawId.toString());
        screenshots("draw-public-record");
        var verdict = org.sunbid.verifier.Verifier.run("verify-draw", baseUrl(), drawId.toString());
        assertThat(verdict.exitCode()).as(verdict.line()).isZero();
    }

    /** No expert's name anywhere on the page: only counts and confirmation states. */
    private static void assertCountsOnly(List<String> expertNames) {
        String page = browser.getPageSource();
        for (String name : expertNames) {
            assertThat(page).as("a drawn expert's name on " + browser.getCurrentUrl()).doesNotContain(name);
        }
        assertThat(page).doesNotContain("1390000");
    }

    private void waitForStatus(UUID drawId, DrawStatus status) throws InterruptedException {
        CurrentUser supervisor = user("supervisor");
        Instant until = Instant.now().plusSeconds(20);
        while (draws.get(drawId, supervisor).status() != status && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(draws.get(drawId, supervisor).status()).isEqualTo(status);
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    /** What the expert's bidder tool prints: the signature of {@code text} with their demo key. */
    private static String sign(String username, String text) {
        var signed = org.sunbid.bidder.BidderTool.run("sign", "--key",
                DATA.resolve("demo-keys").resolve(username + ".key.pem").toString(), "--text", text);
        assertThat(signed.ok()).as(signed.line()).isTrue();
        return signed.line();
    }
}
