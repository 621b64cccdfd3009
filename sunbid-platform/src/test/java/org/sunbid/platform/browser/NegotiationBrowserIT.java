package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.NegotiatingLot;
import org.sunbid.platform.WebSession;

/**
 * Acceptance 2 of issue 16 in real browsers: a 竞争性谈判 (ZFCG_NEGOTIATION) with three invited suppliers whose
 * responses were opened and a seated panel (set up through the API, {@link NegotiatingLot}). Two suppliers, each in its
 * own browser, negotiate in parallel with the panel (a third browser): the panel writes to each supplier's thread and
 * changes the documents for all (74号令 Art. 31–32); each supplier sees only its own thread and acknowledges the change;
 * the panel calls for final offers; each supplier seals its final offer on its page (74号令 Art. 33). Before opening
 * neither supplier's pages nor its API calls show the other's offer, nor its own price echoed back, and the panel's page
 * only says whether all are in; after the custodians release their shares both see the opened round record.
 */
class NegotiationBrowserIT extends BrowserTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The final offers: supplier 1 and 2 in their browsers, the third through the API. */
    private static final String P1 = "286400.00";
    private static final String P2 = "279800.00";
    private static final String P3 = "291200.00";

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void gpl74_art31to33_twoSuppliersNegotiateInParallelAndNeitherSeesTheOthersOfferBeforeOpening() throws Exception {
        NegotiatingLot n = NegotiatingLot.opened(this, context, "ZFCG_NEGOTIATION", "云州市第一中学录播教室设备竞争性谈判",
                List.of("bidder1", "bidder2", "bidder3"), List.of("298000.00", "296500.00", "299000.00"));
        ApiClient api = new ApiClient(baseUrl());
        String page = "/workbench/negotiations/" + n.lot();
        String s1 = n.suppliers().get("bidder1");
        String s2 = n.suppliers().get("bidder2");

        Path profile1 = Files.createTempDirectory("sunbid-chromium-");
        Path profile2 = Files.createTempDirectory("sunbid-chromium-");
        ChromeDriver one = newBrowser(profile1);
        ChromeDriver two = newBrowser(profile2);
        WebDriverWait wait1 = new WebDriverWait(one, Duration.ofSeconds(10));
        WebDriverWait wait2 = new WebDriverWait(two, Duration.ofSeconds(10));
        try {
            // The panel (the class's browser) starts the negotiation and writes to each supplier alone.
            logIn(n.members().get(0), PASSWORD);
            open(page);
            browser.findElement(By.id("start-submit")).click();
            assertThat(text(By.id("done"))).contains("谈判已开始");
            open(page + "?supplier=" + s1);
            set("panel-message", "请说明录播主机的编码方案和质保年限（致供应商一）");
            browser.findElement(By.id("panel-message-submit")).click();
            assertThat(text(By.id("thread"))).contains("致供应商一");
            open(page + "?supplier=" + s2);
            set("panel-message", "请确认摄像机数量及安装周期（致供应商二）");
            browser.findElement(By.id("panel-message-submit")).click();
            assertThat(text(By.id("thread"))).contains("致供应商二").doesNotContain("致供应商一");

            // Both suppliers open their page at once; each sees its own thread only and replies.
            withBrowser(one, wait1, () -> {
                logIn("bidder1", PASSWORD);
                open(page);
                assertThat(text(By.id("thread"))).contains("致供应商一").contains("其他供应商看不到");
                assertThat(browser.getPageSource()).doesNotContain("致供应商二");
            });
            withBrowser(two, wait2, () -> {
                logIn("bidder2", PASSWORD);
                open(page);
                assertThat(text(By.id("thread"))).contains("致供应商二");
                assertThat(browser.getPageSource()).doesNotContain("致供应商一");
            });
            withBrowser(one, wait1, () -> {
                set("reply", "编码 H.265，质保五年");
                browser.findElement(By.id("reply-submit")).click();
                assertThat(text(By.id("done"))).isEqualTo("已发送。");
            });
            withBrowser(two, wait2, () -> {
                set("reply", "摄像机 24 台，安装 15 天");
                browser.findElement(By.id("reply-submit")).click();
                assertThat(text(By.id("thread"))).contains("摄像机 24 台").doesNotContain("质保五年");
                screenshots("negotiation-supplier2-thread");
            });
            withBrowser(one, wait1, () -> {
                browser.navigate().refresh();
                assertThat(browser.getPageSource()).doesNotContain("摄像机 24 台").doesNotContain("致供应商二");
            });

            // The panel changes the documents: written notice to every supplier at once.
            open(page + "?supplier=" + s1);
            assertThat(text(By.id("thread"))).contains("质保五年").doesNotContain("摄像机 24 台");
            set("change-text", "技术要求变更：录播主机须支持 4K 输出");
            clickAndConfirm("change-submit");
            assertThat(text(By.id("done"))).contains("变更已书面通知");
            assertThat(text(By.id("changes"))).contains("已送达，未确认");
            for (var b : List.of(Map.entry(one, wait1), Map.entry(two, wait2))) {
                withBrowser(b.getKey(), b.getValue(), () -> {
                    browser.navigate().refresh();
                    assertThat(text(By.id("changes"))).contains("须支持 4K 输出");
                    browser.findElement(By.cssSelector("#changes button[id^='ack-']")).click();
                    assertThat(text(By.id("done"))).isEqualTo("已确认收到变更。");
                    assertThat(browser.findElements(By.cssSelector("#changes button[id^='ack-']"))).isEmpty();
                });
            }
            String change = api.get("/api/v1/tenders/" + n.lot() + "/negotiation", api.freshToken("bidder3")).json()
                    .path("changes").get(0).path("id").asString();
            assertThat(api.post("/api/v1/tenders/" + n.lot() + "/negotiation/changes/" + change + "/acknowledgement", "",
                    api.freshToken("bidder3")).status()).isEqualTo(200);

            // The panel calls for final offers, two hours from now (Beijing time in the form).
            open(page);
            setDateTime("deadline", LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), BEIJING));
            clickAndConfirm("call-submit");
            assertThat(text(By.id("done"))).isEqualTo("已要求最后报价。");
            assertThat(text(By.id("offers-all-in"))).isEqualTo("尚未全部提交（开启前不显示报价）");
            screenshots("negotiation-panel-awaiting-offers");

            // The third supplier offers through the API; supplier 1 seals its offer on its page.
            assertThat(api.post("/api/v1/tenders/" + n.lot() + "/offer-rounds/1/offers", ApiClient.json(Map.of("priceSheet",
                    "{\"totalPrice\":\"" + P3 + "\"}")), api.freshToken("bidder3")).status()).isEqualTo(201);
            withBrowser(one, wait1, () -> {
                browser.navigate().refresh();
                // counted by the platform's clock (two hours left, or just under when the test clock stood between minutes), not the device's
                assertThat(text(By.id("countdown"))).contains("距最后报价截止还有").containsPattern("(1 时 \\d+ 分|2 时 0 分 0 秒)").doesNotContain("已截止");
                assertThat(text(By.id("offer-none"))).contains("尚未提交");
                screenshots("negotiation-supplier1-offer-form");
                set("offer-price", P1);
                clickAndConfirm("offer-submit");
                assertThat(text(By.id("done"))).contains("最后报价已密封递交");
                assertThat(text(By.id("offer-receipt"))).contains("回执");
                assertThat(browser.getPageSource()).doesNotContain(P1).doesNotContain("286400").doesNotContain(P3);
                screenshots("negotiation-supplier1-offer-sealed");
            });
            // Two of three in: the panel's page says only "not all in".
            browser.navigate().refresh();
            assertThat(text(By.id("offers-all-in"))).isEqualTo("尚未全部提交（开启前不显示报价）");
            // A typing slip comes back in words, with nothing sealed and the slip not echoed.
            withBrowser(two, wait2, () -> {
                browser.navigate().refresh();
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "document.getElementById('offer-price').removeAttribute('pattern')");
                set("offer-price", "二十七万九千八");
                clickAndConfirm("offer-submit");
                assertThat(text(By.id("form-error"))).contains("最后报价须填写金额（元）");
                assertThat(browser.getPageSource()).doesNotContain("二十七万九千八");
                set("offer-price", P2);
                clickAndConfirm("offer-submit");
                assertThat(text(By.id("offer-receipt"))).contains("回执");
                assertThat(browser.getPageSource()).doesNotContain(P2).doesNotContain(P1).doesNotContain(P3);
            });

            // Before opening: neither supplier sees the other's offer on its pages or through the API with its account.
            browser.navigate().refresh();
            assertThat(text(By.id("offers-all-in"))).isEqualTo("所有供应商均已提交（开启前不显示报价）");
            assertThat(browser.getPageSource()).as("the panel's page").doesNotContain(P1).doesNotContain(P2).doesNotContain(P3);
            String base = "/api/v1/tenders/" + n.lot();
            for (var b : List.of(Map.entry(one, "bidder1"), Map.entry(two, "bidder2"))) {
                StringBuilder seen = new StringBuilder();
                for (String p : List.of(page, "/workbench/negotiations", "/workbench/tenders/" + n.lot() + "/offer-rounds",
                        "/workbench/tenders/" + n.lot())) {
                    b.getKey().get(baseUrl() + p);
                    seen.append(b.getKey().getPageSource());
                }
                String token = api.freshToken(b.getValue());
                for (String p : List.of(base + "/offer-rounds", base + "/offer-rounds/1", base + "/offer-rounds/1/offers/mine",
                        base + "/negotiation", base + "/opening")) {
                    ApiClient.Response r = api.get(p, token);
                    assertThat(r.status()).as(p).isEqualTo(200);
                    seen.append(r.body());
                }
                assertThat(seen.toString()).as(b.getValue()).contains("offer-round-1")
                        .doesNotContain(P1).doesNotContain(P2).doesNotContain(P3);
            }

            // The custodians release their shares of the round's key; sealing opens the offers.
            releaseRoundShare(n.lot(), "centre");
            assertThat(releaseRoundShare(n.lot(), "supervisor").json().path("status").asString()).isEqualTo("OPENED");
            String panelToken = api.freshToken(n.members().get(0));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ROUND_DONE".equals(
                    api.get(base + "/negotiation", panelToken).json().path("status").asString()));

            // After opening both suppliers (and the panel) see the opened round record.
            for (var b : List.of(Map.entry(one, wait1), Map.entry(two, wait2))) {
                withBrowser(b.getKey(), b.getValue(), () -> {
                    open(page);
                    assertThat(text(By.id("opened-rounds"))).contains("第 1 轮最后报价").contains(P1).contains(P2).contains(P3);
                    assertThat(browser.findElements(By.id("offer-form"))).isEmpty();
                });
            }
            withBrowser(one, wait1, () -> screenshots("negotiation-supplier1-opened"));

            // Too late now: the offer is refused in words, the price typed is not echoed, nothing is sealed; an outsider
            // posting the form learns nothing (the page is 404 to it).
            String envelopes = "SELECT COUNT(*) FROM offer_envelope WHERE lot_id = CAST(:l AS UUID)";
            long sealed = jdbc.sql(envelopes).param("l", n.lot()).query(Long.class).single();
            WebSession late = new WebSession(baseUrl());
            late.login("bidder1");
            assertThat(late.submit(page, page + "/final-offer", "price=123456.78").statusCode()).isEqualTo(302);
            assertThat(late.get(page).body()).contains("本轮最后报价已截止").doesNotContain("123456.78");
            WebSession stranger = new WebSession(baseUrl());
            stranger.login("bidder4");
            assertThat(stranger.submit("/workbench", page + "/final-offer", "price=123456.78").statusCode()).isEqualTo(302);
            assertThat(stranger.get(page).statusCode()).isEqualTo(404);
            assertThat(jdbc.sql(envelopes).param("l", n.lot()).query(Long.class).single()).isEqualTo(sealed);
            open(page);
            assertThat(text(By.id("status"))).isEqualTo("本轮报价已开启");
            assertThat(text(By.id("opened-rounds"))).contains(P1).contains(P2).contains(P3);
            assertThat(browser.getPageSource()).as("untranslated message").doesNotContain("??");
            screenshots("negotiation-panel-opened");
        } finally {
            one.quit();
            two.quit();
            deleteProfile(profile1);
            deleteProfile(profile2);
        }
    }

    /** A custodian's tool: fetches its encrypted share of round 1's key, decrypts it with its key and releases it. */
    private ApiClient.Response releaseRoundShare(String lot, String username) throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String token = api.freshToken(username);
        String round = "/api/v1/tenders/" + lot + "/offer-rounds/1";
        String encrypted = api.get(round + "/key/my-share", token).json().path("encryptedShare").asString();
        String share = new String(Sm2.decrypt(demoKeyOf(username), Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
        return api.post(round + "/shares", ApiClient.json(Map.of("share", share)), token);
    }
}
