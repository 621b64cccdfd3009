package org.sunbid.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.tendering.TenderPublished;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Search and subscriptions in Chromium (issue 18, acceptance 1): the public types Chinese words and picks filters in
 * the search page's form and finds a procurement result (highlighted) and a land deal (screenshots
 * target/screenshots/search-*.png at 1366 px and 390 px, no sideways scroll on the phone); a bidder subscribes to a
 * search on its workbench page, and the Atom feed behind the page's link lists a tender notice published after it.
 */
class SearchAndFeedBrowserIT extends BrowserTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** Fills the search page's form (words, notice type, kind; empty leaves the filter open) and submits it. */
    private void searchFor(String words, String type, String kind) {
        set("s-q", words);
        new Select(browser.findElement(By.id("s-type"))).selectByValue(type);
        new Select(browser.findElement(By.id("s-kind"))).selectByValue(kind);
        browser.findElement(By.id("search-submit")).click();
        wait.until(ExpectedConditions.urlContains("q="));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-count")));
    }

    private static List<String> hitTexts(String css) {
        return browser.findElements(By.cssSelector("#search-hits .search-hit " + css)).stream().map(WebElement::getText).toList();
    }

    @Test
    void aSearchWithFiltersFindsAProcurementResultAndALandDeal() {
        open("/search");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-form")));

        // procurement (ZFCG) results about 防汛物资: found, every hit a result notice, the words highlighted
        searchFor("防汛物资", "RESULT", "ZFCG");
        assertThat(browser.getCurrentUrl()).contains("kind=ZFCG").contains("type=RESULT");
        assertThat(browser.findElements(By.cssSelector("#search-hits .search-hit"))).isNotEmpty();
        assertThat(hitTexts(".tag")).isNotEmpty().containsOnly("结果公告");
        List<String> marked = browser.findElements(By.cssSelector("#search-hits .snippet mark")).stream()
                .map(WebElement::getText).toList();
        assertThat(marked).as("highlighted words").isNotEmpty().allMatch(m -> "防汛物资".contains(m) && !m.isBlank());
        // the form keeps what was asked
        assertThat(browser.findElement(By.id("s-q")).getDomProperty("value")).isEqualTo("防汛物资");
        assertThat(new Select(browser.findElement(By.id("s-kind"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("ZFCG");
        screenshots("search-procurement-result");

        // land (TDSYQ) deals: the 挂牌出让 announcement and its result; no procurement hit with the land filter
        searchFor("国有建设用地 挂牌", "", "TDSYQ");
        assertThat(hitTexts("a")).isNotEmpty().anyMatch(t -> t.contains("挂牌出让"));
        assertThat(hitTexts(".tag")).contains("出让公告", "结果公告");
        assertThat(hitTexts(".snippet")).noneMatch(t -> t.contains("防汛物资"));
        assertThat(browser.findElements(By.cssSelector("#search-hits .snippet mark"))).isNotEmpty();
        screenshots("search-land-deal");

        // both words' sets together find nothing: every word must occur
        searchFor("防汛物资 国有建设用地", "", "");
        assertThat(browser.findElements(By.id("search-hits"))).isEmpty();
        assertThat(text(By.cssSelector("p.empty"))).isNotBlank();
    }

    @Test
    void aSubscriptionsFeedListsANoticePublishedAfterIt() throws Exception {
        clock.set(START);
        String name = "图书馆招标 " + System.nanoTime() % 100_000;
        logIn("bidder8", PASSWORD);
        sidebarLink("/workbench/subscriptions").click();
        set("sub-name", name);
        set("sub-q", "图书馆");
        new Select(browser.findElement(By.id("sub-type"))).selectByValue("TENDER_NOTICE");
        new Select(browser.findElement(By.id("sub-kind"))).selectByValue("GCJS");
        browser.findElement(By.id("subscribe")).click();
        assertThat(text(By.id("done"))).isEqualTo("订阅已保存。");
        WebElement row = browser.findElements(By.cssSelector("#subscription-table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(name)).findFirst().orElseThrow();
        String atom = row.findElement(By.linkText("Atom")).getDomProperty("href");
        assertThat(atom).contains("/feeds/notices.atom?").contains("type=TENDER_NOTICE").contains("kind=GCJS");

        // published a minute after the subscription, through the API as the agency does
        clock.advance(Duration.ofMinutes(1));
        ApiClient api = new ApiClient(baseUrl());
        String tenderId = publishTender(api, Duration.ofDays(21), "100000.00").path("id").asString();
        awaitEventsCompleted(TenderPublished.class);
        // the feed behind the page's Atom link, as a feed reader fetches it (no session): the new tender is listed
        // (the index follows the event after its commit: asked again for a few seconds until it is there)
        Element[] found = new Element[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(atom)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
            found[0] = entryLinking(feed.body(), tenderId);
            return found[0] != null;
        });
        Element entry = found[0];
        assertThat(entry).as("the new tender's entry in the subscription's feed").isNotNull();
        assertThat(entry.getElementsByTagNameNS(ATOM, "title").item(0).getTextContent()).contains("云州市图书馆改扩建工程");

        // the subscriptions page with the subscription
        open("/workbench/subscriptions");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription-table")));
        screenshots("subscriptions");
    }

    /** The Atom entry of {@code xml} whose link leads to {@code tenderId}, or null. */
    private static Element entryLinking(String xml, String tenderId) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (((Element) e.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href").contains(tenderId)) {
                return e;
            }
        }
        return null;
    }
}
