package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sunbid.platform.ApiClient;

/**
 * 电子卖场 in Chromium (issue 22, acceptance 3): a buyer finds an approved listing in the public mall, orders it directly
 * from its page (confirming that the order becomes the published contract), then records the acceptance on the
 * workbench, which sets the payment due day 30 days later; the pages at 1366 px and 390 px without a sideways scroll
 * (target/screenshots/mall-*.png).
 */
class MallBrowserIT extends BrowserTest {

    @Test
    void aBuyerOrdersFromTheMallAndRecordsTheAcceptance() {
        ApiClient api = new ApiClient(baseUrl());
        String suffix = String.valueOf(100000 + System.nanoTime() % 800_000);
        ApiClient.Response category = api.post("/api/v1/mall/categories", ApiClient.json(Map.of("code", "BR-" + suffix,
                "name", "打印机" + suffix, "itemCode", "A02" + suffix, "unit", "台", "attributes", List.of("幅面", "打印方式"),
                "policy", "NONE")), api.token("centre"));
        assertThat(category.status()).as(category.body()).isEqualTo(201);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String sm3 = "ab".repeat(32);
        ApiClient.Response listed = api.post("/api/v1/mall/listings", ApiClient.json(Map.of(
                "categoryId", category.json().path("id").asString(), "productName", "激光打印机 LJ" + suffix, "brand", "惠普",
                "model", "LJ" + suffix, "specs", Map.of("幅面", "A4", "打印方式", "黑白激光"), "price", "1899.00",
                "evidence", List.of(
                        Map.of("kind", "MANUFACTURER", "price", "1999.00", "source", "惠普官网", "observedOn", today.toString(), "fileSm3", sm3),
                        Map.of("kind", "ECOMMERCE", "price", "1899.00", "source", "京东自营", "observedOn", today.toString(), "fileSm3", sm3)))),
                api.token("bidder1"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(201);
        String listing = listed.json().path("id").asString();
        assertThat(api.post("/api/v1/mall/listings/" + listing + "/review", "{\"decision\":\"APPROVE\"}", api.token("centre")).status())
                .isEqualTo(200);

        open("/mall?q=LJ" + suffix);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mall-listings")));
        assertThat(text(By.id("mall-listings"))).contains("激光打印机 LJ" + suffix).contains("1,899.00");
        screenshots("mall-portal");

        logIn("tenderee", PASSWORD);
        open("/mall/listings/" + listing);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-form")));
        assertThat(text(By.id("listing-evidence"))).contains("1,999.00").contains("京东自营").contains(sm3);
        screenshots("mall-listing");
        set("order-quantity", "3");
        clickAndConfirm("order-submit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).startsWith("已下单，合同已公告");
        String orderRow = text(By.id("mall-orders"));
        assertThat(orderRow).contains("激光打印机 LJ" + suffix + " × 3").contains("5,697.00").contains("已下单");

        String orderId = null;
        for (tools.jackson.databind.JsonNode o : api.get("/api/v1/mall/orders", api.token("tenderee")).json()) {
            if (o.path("listingId").asString().equals(listing)) {
                orderId = o.path("id").asString();
            }
        }
        assertThat(orderId).isNotNull();
        set("note-" + orderId, "3 台到货，型号与订单一致，打印测试正常");
        clickAndConfirm("accept-" + orderId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(text(By.id("done"))).contains("验收已记录");
        assertThat(text(By.id("order-" + orderId))).contains("已验收").contains("付款期限：" + today.plusDays(30))
                .contains("打印测试正常");
        assertThat(browser.findElements(By.id("pay-" + orderId))).hasSize(1); // payment is now possible
        screenshots("mall-orders");
        logOut();
    }
}
