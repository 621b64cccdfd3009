package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
}
