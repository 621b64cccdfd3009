package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sunbid.platform.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * 框架协议采购 in Chromium (issue 22): after a shortlist made through the API, the buyer (a budget unit) finds the agreement
 * in its workbench menu and orders by direct selection (a price above the supplier's agreement price is refused on the
 * page, both prices named), then publishes the order's contract after confirming; the public page shows the contract
 * notice and the order in the period's summary. Screenshots at 1366 px and 390 px (target/screenshots/framework-*.png).
 */
class FrameworkOrderBrowserIT extends BrowserTest {

    /** Monday 2027-04-05 09:30 Beijing. */
    static final Instant T0 = Instant.parse("2027-04-05T01:30:00Z");

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void theBuyerOrdersByDirectSelectionAndPublishesTheContract() {
        clock.set(T0);
        ApiClient api = new ApiClient(baseUrl());
        String name = "云州市2027年度办公家具框架协议采购" + (System.nanoTime() % 10_000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("regionCode", "990121");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("budget", "800000.00");
        body.put("responseDeadline", T0.plus(Duration.ofDays(3)).toString());
        body.put("items", List.of(Map.of("name", "办公桌（1.4米）", "unit", "张", "maxUnitPrice", "1800.00")));
        ApiClient.Response created = api.post("/api/v1/framework-agreements", ApiClient.json(body), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.json().path("id").asString();
        String[][] responses = {{"bidder1", "1650.00"}, {"bidder2", "1580.00"}, {"bidder3", "1720.00"}};
        for (String[] r : responses) {
            ApiClient.Response ok = api.post("/api/v1/framework-agreements/" + id + "/responses",
                    ApiClient.json(Map.of("prices", Map.of("1", r[1]))), api.token(r[0]));
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        clock.set(T0.plus(Duration.ofDays(3)).plusSeconds(60));
        JsonNode shortlist = api.post("/api/v1/framework-agreements/" + id + "/shortlist", "{\"count\":2}",
                api.freshToken("agency")).json();
        assertThat(shortlist.path("members")).hasSize(2);
        String bidder2 = shortlist.path("members").get(0).path("supplierId").asString();

        logIn("tenderee2", PASSWORD);
        sidebarLink("/workbench/framework-agreements").click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-form")));
        assertThat(text(By.id("members"))).contains("1,580.00").contains("1,650.00");
        screenshots("framework-agreement-buyer");

        set("quantity", "12");
        new Select(browser.findElement(By.id("method"))).selectByValue("DIRECT");
        new Select(browser.findElement(By.id("supplierId"))).selectByValue(bidder2);
        set("unitPrice", "1600");
        browser.findElement(By.id("place-order")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(text(By.id("form-error"))).contains("1600").contains("1580");

        set("quantity", "12");
        new Select(browser.findElement(By.id("supplierId"))).selectByValue(bidder2);
        set("unitPrice", "1,560");
        browser.findElement(By.id("place-order")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publish-order")));
        assertThat(text(By.id("order-status"))).isEqualTo("已成交待公告");
        assertThat(text(By.id("order-amount"))).isEqualTo("18,720.00");
        screenshots("framework-order-buyer");

        clickAndConfirm("publish-order");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-published")));
        assertThat(text(By.id("order-status"))).isEqualTo("已公告");
        assertThat(text(By.id("done"))).isEqualTo("合同已公告。");
        logOut();

        open("/framework-agreements/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notices")));
        assertThat(text(By.id("notices"))).contains("入围结果").contains("合同公告").contains("青山县水利局");
        assertThat(text(By.id("summary-table"))).contains("直接选定").contains("18,720.00");
        screenshots("framework-public");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * 二次竞价 from the supplier's side (session 11): a shortlisted supplier sees the competition open to it on its
     * framework page and seals its offer there (the SM3 commitment is computed in the browser; the platform receives
     * only the hash), another seals with the bidder tool; after the deadline both reveal (the page fills in the price
     * and nonce it kept) and the buyer's order is concluded at the lower offer.
     */
    @Test
    void aShortlistedSupplierSealsItsOfferOnItsPage_theBuyersOrderCompletesAfterTheDeadline() throws Exception {
        Instant t1 = T0.plus(Duration.ofDays(7));
        clock.set(t1);
        ApiClient api = new ApiClient(baseUrl());
        String name = "青山县2027年度复印纸框架协议采购" + (System.nanoTime() % 10_000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("regionCode", "990121");
        body.put("kind", "CLOSED");
        body.put("shortlisting", "PRICE_FIRST");
        body.put("category", "GOODS");
        body.put("budget", "300000.00");
        body.put("responseDeadline", t1.plus(Duration.ofDays(3)).toString());
        body.put("items", List.of(Map.of("name", "A4复印纸（70克）", "unit", "箱", "maxUnitPrice", "180.00")));
        String id = api.post("/api/v1/framework-agreements", ApiClient.json(body), api.freshToken("agency")).json().path("id").asString();
        String[][] responses = {{"bidder1", "165.00"}, {"bidder2", "158.00"}, {"bidder3", "172.00"}};
        for (String[] r : responses) {
            assertThat(api.post("/api/v1/framework-agreements/" + id + "/responses", ApiClient.json(Map.of("prices", Map.of("1", r[1]))),
                    api.freshToken(r[0])).status()).isEqualTo(200);
        }
        clock.set(t1.plus(Duration.ofDays(3)).plusSeconds(60));
        JsonNode shortlist = api.post("/api/v1/framework-agreements/" + id + "/shortlist", "{\"count\":2}", api.freshToken("agency")).json();
        String bidder2 = shortlist.path("members").get(0).path("supplierId").asString();
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        ApiClient.Response placed = api.post("/api/v1/framework-agreements/" + id + "/orders", ApiClient.json(Map.of("itemNo", 1,
                "quantity", "40", "method", "COMPETITION", "competitionDeadline", deadline.toString())), api.freshToken("tenderee2"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String order = placed.json().path("id").asString();

        logIn("bidder2", PASSWORD);
        open("/workbench/framework-agreements");
        By invitation = By.cssSelector("article.invitation[data-order='" + order + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(invitation));
        assertThat(text(invitation)).contains(name).contains("青山县水利局").contains("158.00").contains("未报价");
        screenshots("framework-offer-supplier");
        browser.findElement(By.id("offer-price-" + order)).sendKeys("154");
        browser.findElement(invitation).findElement(By.cssSelector("form.offer-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).contains("SM3");
        // the price and nonce kept in this browser, shown for the reveal
        wait.until(ExpectedConditions.textToBePresentInElementLocated(invitation, "154.00"));
        assertThat(text(invitation)).contains("已密封报价");
        // the platform holds only the commitment: no price before the deadline
        Map<String, Object> sealed = jdbc.sql("""
                SELECT commitment, price FROM framework_offer WHERE order_id = CAST(:o AS UUID) AND supplier_id = CAST(:s AS UUID)""")
                .param("o", order).param("s", bidder2).query().singleRow();
        assertThat((String) sealed.get("commitment")).matches("[0-9a-f]{64}");
        assertThat(sealed.get("price")).isNull();

        // bidder1 seals with the bidder tool, which keeps its price and nonce in a file of its own
        java.nio.file.Path kept = java.nio.file.Files.createTempDirectory("framework-offer").resolve("offer.json");
        org.sunbid.bidder.BidderTool.Result tool = org.sunbid.bidder.BidderTool.run("framework-offer", "--platform", baseUrl(),
                "--order", order, "--user", "bidder1", "--password", PASSWORD, "--price", "156", "--out", kept.toString());
        assertThat(tool.ok()).as(tool.line()).isTrue();
        assertThat(java.nio.file.Files.readString(kept)).contains("156.00");
        assertThat(org.sunbid.bidder.BidderTool.run("framework-offer", "--platform", baseUrl(), "--order", order, "--user", "bidder1",
                "--password", PASSWORD, "--price", "150", "--out", kept.resolveSibling("again.json").toString()).exitCode()).isEqualTo(1);

        // after the deadline: bidder2 reveals from its page (filled in from what the browser kept), bidder1 with the tool
        clock.set(deadline.plusSeconds(60));
        open("/workbench/framework-agreements");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reveal-price-" + order)));
        wait.until(d -> "154.00".equals(d.findElement(By.id("reveal-price-" + order)).getDomProperty("value")));
        assertThat(browser.findElement(By.id("reveal-nonce-" + order)).getDomProperty("value")).matches("[0-9a-f]{32}");
        browser.findElement(invitation).findElement(By.cssSelector("form.reveal-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).contains("解密");
        assertThat(text(invitation)).contains("已解密报价");
        logOut();
        org.sunbid.bidder.BidderTool.Result revealed = org.sunbid.bidder.BidderTool.run("framework-reveal", "--platform", baseUrl(),
                "--order", order, "--user", "bidder1", "--password", PASSWORD, "--in", kept.toString());
        assertThat(revealed.ok()).as(revealed.line()).isTrue();

        JsonNode closed = api.post("/api/v1/framework-orders/" + order + "/close", "", api.freshToken("tenderee2")).json();
        assertThat(closed.path("status").asString()).isEqualTo("CONCLUDED");
        assertThat(closed.path("supplierId").asString()).isEqualTo(bidder2);
        assertThat(closed.path("unitPrice").decimalValue()).isEqualByComparingTo("154.00");
    }
}
