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
    void theBuyerOrdersByDirectSelectionAndPublishesTheContract() throws Exception {
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
        // the responses are sealed: the region's centre releases its share with its tool, the agency (the collecting body, a
        // custodian too) pastes its share on the agreement's page, and the responses open
        JsonNode pub = api.get("/api/v1/public/framework-agreements/" + id, null).json();
        String lot = pub.path("lotId").asString();
        int round = pub.path("responseRound").asInt();
        ApiClient.Response centre = null;
        for (String custodian : List.of("centre", "qs-centre")) { // the region's trading centre, whichever it is
            centre = releaseRoundShare(lot, round, custodian);
            if (centre.status() != 403) {
                break;
            }
        }
        assertThat(centre.status()).as(centre.body()).isEqualTo(200);
        assertThat(centre.json().path("status").asString()).isEqualTo("OPEN");
        String encrypted = api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/key/my-share", api.freshToken("agency"))
                .json().path("encryptedShare").asString();
        String agencyShare = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf("agency"), java.util.Base64.getDecoder().decode(encrypted)),
                java.nio.charset.StandardCharsets.UTF_8);
        logIn("agency", PASSWORD);
        open("/workbench/framework-agreements/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("response-share-form")));
        assertThat(text(By.id("response-round"))).contains("1 / 2");
        screenshots("framework-responses-round-agency");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('response-share').value = arguments[0];", agencyShare);
        browser.findElement(By.id("release-response-share")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        awaitEventsCompleted(org.sunbid.platform.sealing.OffersOpened.class);
        assertThat(api.get("/api/v1/public/framework-agreements/" + id, null).json().path("responsesOpened").asBoolean()).isTrue();
        logOut();
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
     * 二次竞价 from the supplier's side (session 12): a shortlisted supplier sees the competition open to it on its
     * framework page and offers there (the price is sealed on arrival to the competition round's key; the database
     * holds no plain price), another offers with the bidder tool; after the deadline the custodians of the round's key
     * release their shares (the buyer from its order page, pasting what its tool decrypted), the offers are opened
     * together, and the buyer's order page shows the winner at the lower offer and links the signed round record.
     */
    @Test
    void aShortlistedSupplierOffersOnItsPage_sealedOnArrival_theBuyerSeesTheWinnerAfterTheOpening() throws Exception {
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
        openFrameworkResponses(id);
        JsonNode shortlist = api.post("/api/v1/framework-agreements/" + id + "/shortlist", "{\"count\":2}", api.freshToken("agency")).json();
        String bidder2 = shortlist.path("members").get(0).path("supplierId").asString();
        Instant deadline = clock.instant().plus(Duration.ofHours(2));
        ApiClient.Response placed = api.post("/api/v1/framework-agreements/" + id + "/orders", ApiClient.json(Map.of("itemNo", 1,
                "quantity", "40", "method", "COMPETITION", "competitionDeadline", deadline.toString())), api.freshToken("tenderee2"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        String order = placed.json().path("id").asString();
        String lot = placed.json().path("lotId").asString();
        int round = placed.json().path("offerRound").asInt();

        logIn("bidder2", PASSWORD);
        open("/workbench/framework-agreements");
        By invitation = By.cssSelector("article.invitation[data-order='" + order + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(invitation));
        assertThat(text(invitation)).contains(name).contains("青山县水利局").contains("158.00").contains("未报价");
        screenshots("framework-offer-supplier");
        browser.findElement(By.id("offer-price-" + order)).sendKeys("154.37");
        browser.findElement(invitation).findElement(By.cssSelector("form.offer-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).contains("密封");
        assertThat(text(invitation)).contains("已密封报价").doesNotContain("154.37");
        screenshots("framework-offer-sealed");
        logOut();
        // the platform holds no plain price: not in the order, the round, its envelopes, nor the old commit–reveal table
        for (String table : List.of("framework_order", "framework_offer", "offer_round", "offer_round_key_share", "offer_envelope")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%154.37%' OR t::text LIKE '%6174.80%'")
                    .query(Long.class).single()).as(table).isZero();
        }

        // bidder1 offers with the bidder tool, which keeps the platform-signed receipt
        java.nio.file.Path kept = java.nio.file.Files.createTempDirectory("framework-offer").resolve("receipt.json");
        org.sunbid.bidder.BidderTool.Result tool = org.sunbid.bidder.BidderTool.run("framework-offer", "--platform", baseUrl(),
                "--order", order, "--user", "bidder1", "--password", PASSWORD, "--price", "156", "--out", kept.toString());
        assertThat(tool.ok()).as(tool.line()).isTrue();
        assertThat(java.nio.file.Files.readString(kept)).contains("sunbid.offer-receipt").doesNotContain("156.00");

        // after the deadline: the centre releases its share with its tool, the buyer from its order page
        clock.set(deadline.plusSeconds(60));
        for (String custodian : List.of("qs-centre", "centre")) {
            if (api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/key/my-share", api.freshToken(custodian)).status() == 200) {
                org.sunbid.bidder.BidderTool.Result released = org.sunbid.bidder.BidderTool.run("release", "--platform", baseUrl(),
                        "--tender", lot, "--round", String.valueOf(round), "--user", custodian, "--password", PASSWORD,
                        "--key", demoKeyFileOf(custodian).toString());
                assertThat(released.ok()).as(released.line()).isTrue();
                break;
            }
        }
        String encrypted = api.get("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/key/my-share", api.freshToken("tenderee2"))
                .json().path("encryptedShare").asString();
        String share = new String(org.sunbid.crypto.Sm2.decrypt(demoKeyOf("tenderee2"), java.util.Base64.getDecoder().decode(encrypted)),
                java.nio.charset.StandardCharsets.UTF_8);
        logIn("tenderee2", PASSWORD);
        open("/workbench/framework-orders/" + order);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("competition-share-form")));
        assertThat(text(By.id("competition-round"))).contains("1 / 2");
        screenshots("framework-round-buyer");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('competition-share').value = arguments[0];", share);
        browser.findElement(By.id("release-competition-share")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        awaitEventsCompleted(org.sunbid.platform.sealing.OffersOpened.class);
        open("/workbench/framework-orders/" + order);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("competition-round-record")));
        assertThat(text(By.id("order-status"))).isEqualTo("已成交待公告");
        assertThat(text(By.id("order-supplier"))).isNotEqualTo("—");
        assertThat(text(By.id("order-amount"))).isEqualTo("6,174.80");
        assertThat(text(By.id("competition-round-status"))).isEqualTo("已开启");
        screenshots("framework-order-competition-won");
        logOut();
        JsonNode view = api.get("/api/v1/framework-orders/" + order, api.freshToken("tenderee2")).json();
        assertThat(view.path("supplierId").asString()).isEqualTo(bidder2);
        assertThat(view.path("unitPrice").decimalValue()).isEqualByComparingTo("154.37");
    }
}
