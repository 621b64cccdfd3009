package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acceptance 4 of the usability issue: the evaluation workspace, the opening record, the log and the tender list
 * show every column that matters on a laptop (1366×900) and on a phone (390×844), with no sideways scroll of the
 * page. On the laptop every column of these tables is in the viewport (the workspace shows all four bids side by
 * side); on the phone the list tables are cards whose every cell is on the screen, labelled by its column, and the
 * workspace's bids scroll inside their own box while its first column stays in view. The top menu collapses behind
 * a menu button on the phone. Screenshots go to target/screenshots/tables-*.png.
 */
class TablesBrowserIT extends BrowserTest {

    @Autowired JdbcClient jdbc;

    /** Elements sticking out of the viewport that no scroll container of their own clips: none may exist. */
    private static final String OVERFLOWING = """
            var w = document.documentElement.clientWidth, out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if ((r.width === 0 && r.height === 0) || (r.left >= -1 && r.right <= w + 1)) { return; }
              for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                var o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'hidden' || o === 'scroll' || o === 'clip') { return; }
              }
              if (getComputedStyle(e).position === 'absolute' && r.width <= 1) { return; } // visually hidden
              out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
            });
            return out;""";

    @Test
    void theWorkspaceTheOpeningRecordTheLogAndTheTenderListShowEveryColumnAtBothSizes() {
        String tenderId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM tender WHERE project_code = 'YZ-2026-GC-0090'")
                .query(String.class).single();
        String member = jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = CAST(:t AS UUID) ORDER BY position LIMIT 1")
                .param("t", tenderId).query(String.class).single();
        String workspace = "/workbench/evaluations/" + tenderId;

        for (boolean phone : List.of(false, true)) {
            String size = phone ? "-phone" : "";
            size(phone);

            // the opening record on the tender's public page: bidder, price, duration, manager, status
            open("/tenders/" + tenderId);
            screenshot("tables-opening" + size);
            assertColumnsShown("opening-record", phone);
            assertPageFits();

            // the log: number, time, what, who
            open("/log");
            screenshot("tables-log" + size);
            assertColumnsShown("log-table", phone);
            assertPageFits();
            if (phone) {
                assertMenuCollapses();
            }

            // the tender list of a bidder: code, name, status, deadline, own registration
            logIn("bidder1", PASSWORD);
            size(phone);
            open("/workbench/tenders");
            screenshot("tables-tenders" + size);
            assertColumnsShown("tender-table", phone);
            assertPageFits();
            logOut();

            // the committee's workspace: four bids side by side, then the ranking
            logIn(member, PASSWORD);
            size(phone);
            open(workspace);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bids-table")));
            screenshot("tables-workspace" + size);
            List<WebElement> bidders = browser.findElements(By.cssSelector("#bids-table thead th"));
            assertThat(bidders).as("the item column and four bids").hasSize(5);
            if (phone) {
                assertScrollsInsideWithFirstColumnInView("bids-table");
                assertScrollsInsideWithFirstColumnInView("score-sheets");
            } else {
                assertColumnsShown("bids-table", false);
                assertColumnsShown("score-sheets", false);
            }
            assertColumnsShown("ranking-table", phone);
            assertPageFits();
            logOut();
        }
        size(false);
    }

    private static void size(boolean phone) {
        if (phone) {
            onPhone();
        } else {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", LAPTOP_WIDTH, "height", LAPTOP_HEIGHT,
                    "deviceScaleFactor", 1, "mobile", false));
        }
    }

    /** The page is no wider than the viewport, and no element sticks out of it except inside its own scroll box. */
    @SuppressWarnings("unchecked")
    private static void assertPageFits() {
        assertNoHorizontalScroll();
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number innerWidth = (Number) browser.executeScript("return window.innerWidth");
        assertThat(scrollWidth.intValue()).as("scrollWidth <= innerWidth on %s", browser.getCurrentUrl())
                .isLessThanOrEqualTo(innerWidth.intValue());
        List<String> overflowing = (List<String>) browser.executeScript(OVERFLOWING);
        assertThat(overflowing).as("elements wider than the viewport on %s", browser.getCurrentUrl()).isEmpty();
    }

    /**
     * Laptop: every header cell lies inside the viewport and the table needs no sideways scroll of its box. Phone: the
     * table is shown as cards: the header is hidden, and every cell of every row is on the screen, with its column's
     * name as its label.
     */
    @SuppressWarnings("unchecked")
    private static void assertColumnsShown(String tableId, boolean phone) {
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(tableId)));
        Map<String, Object> box = (Map<String, Object>) browser.executeScript("""
                var t = arguments[0], wrap = t.closest('.table-wrap'), w = document.documentElement.clientWidth;
                var heads = Array.from(t.tHead ? t.tHead.rows[0].cells : []);
                var cells = Array.from(t.tBodies[0].rows).slice(0, 5).flatMap(function (r) { return Array.from(r.cells); });
                function inView(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.left >= -1 && r.right <= w + 1; }
                return {
                  wrapFits: wrap.scrollWidth <= wrap.clientWidth + 1,
                  headsInView: heads.every(inView),
                  headCount: heads.length,
                  cellsInView: cells.every(inView),
                  outOfView: cells.filter(function (c) { return !inView(c); }).map(function (c) {
                    var r = c.getBoundingClientRect(); return c.textContent.trim().slice(0, 30) + ' ' + Math.round(r.left) + '..' + Math.round(r.right); }),
                  cellCount: cells.length,
                  labelled: cells.every(function (c) { return c.hasAttribute('data-label'); }),
                  cards: getComputedStyle(t.tBodies[0].rows[0]).display === 'block'
                };""", table);
        assertThat((Number) box.get("cellCount")).as(tableId + " has rows").matches(n -> n.intValue() > 0);
        if (phone) {
            assertThat(box.get("cards")).as(tableId + " rows as cards").isEqualTo(true);
            assertThat(box.get("cellsInView")).as(tableId + " every cell on the screen " + box.get("outOfView")).isEqualTo(true);
            assertThat(box.get("labelled")).as(tableId + " every cell labelled").isEqualTo(true);
        } else {
            assertThat(box.get("wrapFits")).as(tableId + " fits without scrolling its box").isEqualTo(true);
            assertThat(box.get("headsInView")).as(tableId + " every column in view").isEqualTo(true);
            assertThat(box.get("cellsInView")).as(tableId + " every cell in view " + box.get("outOfView")).isEqualTo(true);
        }
    }

    /** A matrix on a phone: scrolled to its far end inside its own box, its first column is still in view. */
    @SuppressWarnings("unchecked")
    private static void assertScrollsInsideWithFirstColumnInView(String tableId) {
        WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(tableId)));
        Map<String, Object> box = (Map<String, Object>) browser.executeScript("""
                var t = arguments[0], wrap = t.closest('.table-wrap'), w = document.documentElement.clientWidth;
                wrap.scrollLeft = wrap.scrollWidth;
                var b = wrap.getBoundingClientRect();
                var row = t.tHead.rows[0], first = row.cells[0].getBoundingClientRect(), last = row.cells[row.cells.length - 1].getBoundingClientRect();
                var result = { boxInView: b.left >= -1 && b.right <= w + 1,
                  firstInView: first.left >= b.left - 1 && first.right <= b.right + 1,
                  lastReached: last.right <= b.right + 1 && last.left >= first.right - 1 };
                wrap.scrollLeft = 0;
                return result;""", table);
        assertThat(box).as(tableId).containsEntry("boxInView", true).containsEntry("firstInView", true).containsEntry("lastReached", true);
    }

    /** On a phone the top menu hides behind its button, which opens it. */
    private static void assertMenuCollapses() {
        WebElement toggle = browser.findElement(By.id("nav-toggle"));
        WebElement links = browser.findElement(By.id("nav-links"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(links.isDisplayed()).isFalse();
        toggle.click();
        wait.until(ExpectedConditions.visibilityOf(links));
        assertThat(browser.findElement(By.cssSelector("#nav-links a.active")).getDomAttribute("href")).isEqualTo("/log");
        screenshot("tables-menu-phone");
        toggle.click();
        wait.until(ExpectedConditions.invisibilityOf(links));
    }
}
