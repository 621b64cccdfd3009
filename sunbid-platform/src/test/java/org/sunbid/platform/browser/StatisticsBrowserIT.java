package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The statistics page in Chromium (issue 18, acceptance 1): the charts draw from the WebJar's ECharts (each chart's
 * instance exists and its canvas has a size) at 1366 px and at 390 px without a sideways scroll (screenshots
 * target/screenshots/statistics*.png); the CSV behind the page's download link holds exactly the tables the page
 * shows; a region's link goes one step down the tree.
 */
class StatisticsBrowserIT extends BrowserTest {

    private static final List<String> CHARTS = List.of("chart-kind", "chart-region", "chart-month", "chart-procedure");

    /** Waits until every chart of the page has an ECharts instance whose canvas has a non-zero size. */
    private static void awaitCharts() {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("""
                if (typeof echarts === 'undefined') { return false; }
                return arguments[0].every(function (id) {
                  var el = document.getElementById(id);
                  var chart = el && echarts.getInstanceByDom(el);
                  var canvas = el && el.querySelector('canvas');
                  return !!chart && !!canvas && canvas.width > 0 && canvas.height > 0;
                });""", CHARTS)));
    }

    @Test
    void theChartsDrawOnALaptopAndAPhoneAndTheCsvHoldsTheTables() {
        open("/statistics");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-headline")));
        assertThat(browser.findElement(By.id("nav-statistics")).getDomAttribute("class")).contains("active");
        awaitCharts();
        screenshot("statistics");
        onPhone();
        browser.navigate().refresh();
        awaitCharts();
        screenshot("statistics-phone");
        assertNoHorizontalScroll();
        onLaptop();
        browser.navigate().refresh();
        awaitCharts();

        // the download link's file, fetched as the browser downloads it (its bytes, BOM kept)
        String href = browser.findElement(By.id("stat-csv")).getDomProperty("href");
        // (as a JSON string: the driver's answer would turn CRLF into LF)
        String csv = tools.jackson.databind.json.JsonMapper.shared().readValue((String) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); })
                  .then(function (b) { done(JSON.stringify(new TextDecoder('utf-8', { ignoreBOM: true }).decode(b))); });""", href),
                String.class);
        assertThat(csv).startsWith("\uFEFF表,");
        List<List<String>> rows = org.sunbid.platform.CsvText.parse(csv);
        assertThat(rows.get(1).get(0)).isEqualTo("total");
        assertThat(rows.get(1).get(3)).isEqualTo(text(By.id("stat-lots")));
        assertThat(rows.get(1).get(4)).isEqualTo(text(By.id("stat-deals")));
        int checked = 0;
        for (String table : List.of("kind", "region", "month", "procedure")) {
            List<List<String>> csvRows = rows.stream().filter(r -> r.get(0).equals(table)).toList();
            List<WebElement> trs = browser.findElements(By.cssSelector("#table-" + table + " tbody tr"));
            assertThat(trs).as(table).hasSize(csvRows.size());
            for (int i = 0; i < trs.size(); i++) {
                List<String> cells = trs.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                List<String> c = csvRows.get(i);
                assertThat(trs.get(i).getDomAttribute("data-key")).isEqualTo(c.get(1));
                assertThat(cells.get(0)).isEqualTo(c.get(2));
                assertThat(cells.get(1)).isEqualTo(c.get(3)); // lots
                assertThat(cells.get(2)).isEqualTo(c.get(4)); // deals
                // value: the page in 万元 (exact), the file in yuan
                assertThat(new BigDecimal(cells.get(3).replace(",", "")).movePointRight(4))
                        .isEqualByComparingTo(new BigDecimal(c.get(5)));
                assertThat(cells.get(4)).isEqualTo(c.get(6)); // failed
                assertThat(dash(cells.get(5))).isEqualTo(c.get(8)); // savings rate
                assertThat(dash(cells.get(6))).isEqualTo(c.get(10)); // premium rate
                assertThat(dash(cells.get(7))).isEqualTo(c.get(11)); // average bidders
                assertThat(dash(cells.get(8))).isEqualTo(c.get(13)); // median days
                assertThat(dash(cells.get(9))).isEqualTo(c.get(14)); // mean days
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(4);
        assertThat(rows).hasSize(1 + 1 + checked);

        // a region leads one step down the tree, and the trail back up
        WebElement region = browser.findElement(By.cssSelector("#table-region a.drill"));
        String name = region.getText();
        region.click();
        wait.until(ExpectedConditions.textToBe(By.id("stat-region"), name));
        assertThat(browser.getCurrentUrl()).contains("region=");
        awaitCharts();
        screenshot("statistics-region");

        open("/statistics?lang=en");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-headline")));
        assertThat(text(By.tagName("h1"))).isEqualTo("Trading statistics");
        awaitCharts();
        open("/statistics?lang=zh-CN");
    }

    private static String dash(String cell) {
        return cell.equals("—") ? "" : cell;
    }

}
