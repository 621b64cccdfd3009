package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.tendering.TenderPublished;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 18, acceptance 1 ("a subscription's feed lists a notice published after it"), the whole flow through the real
 * search (part S's {@link NoticeSearch}): a bidder subscribes, the agency publishes a new tender notice through the API,
 * the subscription's Atom feed lists it first, and the outbox notifies the subscriber once, however often the event is
 * handled or the outbox dispatched; a subscription whose search does not find it is not notified.
 */
class SubscriptionFlowIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubscriptionWatch watch;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<NoticeSearch> search;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private List<Map<String, Object>> outboxOf(String subscription) {
        return jdbc.sql("SELECT id, notice_id, lot_id, notice_type, delivered_at FROM notice_outbox WHERE subscription_id = :s::uuid")
                .param("s", subscription).query().listOfRows();
    }

    @Test
    void aNewTenderNoticeIsInTheSubscriptionsFeedAndNotifiedOnce() throws Exception {
        assertThat(search.getIfAvailable()).as("the notice search (issue 18 part S) is part of the platform").isNotNull();
        clock.set(START);
        ApiClient api = new ApiClient(baseUrl());
        String token = api.token("bidder7");
        String matching = api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "招标公告",
                "search", "type=TENDER_NOTICE&kind=GCJS")), token).json().path("id").asString();
        String other = api.post("/api/v1/subscriptions", ApiClient.json(Map.of("name", "结果公告",
                "search", "type=RESULT")), token).json().path("id").asString();

        clock.advance(Duration.ofMinutes(1)); // published after the subscriptions were made
        String tenderId = publishTender(api, Duration.ofDays(21), "100000.00").path("id").asString();
        awaitEventsCompleted(TenderPublished.class);
        if (outboxOf(matching).isEmpty()) {
            // this listener ran before the index had the notice: the pending match runs again (5 s later)
            clock.advance(Duration.ofSeconds(10));
            watch.retryPending();
        }

        // (other tests' notices, published at later test-clock times, may match this subscription too: only this
        // tender's rows are this test's)
        List<Map<String, Object>> rows = outboxOf(matching).stream().filter(r -> tenderId.equals(String.valueOf(r.get("lot_id"))))
                .toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("notice_type")).isEqualTo("TENDER_NOTICE");
        assertThat(outboxOf(other)).noneMatch(r -> tenderId.equals(String.valueOf(r.get("lot_id"))));

        // the feed of the same search, without signing in: newest first, the new notice on top
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/feeds/notices.atom?type=TENDER_NOTICE&kind=GCJS")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        // this tender's entry (other tests may have published newer notices of the same search)
        Element first = null;
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength() && first == null; i++) {
            Element e = (Element) entries.item(i);
            if (((Element) e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href").contains(tenderId)) {
                first = e;
            }
        }
        assertThat(first).as("the new tender's entry in the feed").isNotNull();
        assertThat(((Element) first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0)).getAttribute("href"))
                .contains(tenderId);
        assertThat(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent())
                .endsWith(java.net.URLEncoder.encode((String) rows.get(0).get("notice_id"), StandardCharsets.UTF_8));
        // asked again with its ETag: not modified
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/feeds/notices.atom?type=TENDER_NOTICE&kind=GCJS")).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(304);

        // delivered once, however often matched (a redelivered event) or dispatched
        watch.dispatch();
        watch.noticeOf(java.util.UUID.fromString(tenderId));
        watch.dispatch();
        watch.run();
        List<Map<String, Object>> all = jdbc.sql("""
                SELECT m.text, m.url FROM sandbox_notice_message m JOIN notice_subscription s ON s.id = m.subscription_id
                WHERE s.id = :s::uuid""").param("s", matching).query().listOfRows();
        // (notices other tests published at later test-clock times match the same search: only this tender's count)
        List<Map<String, Object>> messages = all.stream().filter(m -> ((String) m.get("url")).contains(tenderId)).toList();
        assertThat(messages).hasSize(1);
        assertThat((String) messages.get(0).get("text")).contains("招标公告");
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_notice_message WHERE subscription_id = :s::uuid").param("s", other)
                .query(Long.class).single()).isZero();
        // the subscription's count is the messages it was sent, each notice once
        assertThat(api.get("/api/v1/subscriptions", token).json().valueStream()
                .filter(s -> s.path("id").asString().equals(matching)).findFirst().orElseThrow().path("notified").asLong())
                .isEqualTo(all.size());
        assertThat(all.stream().map(m -> m.get("url")).distinct().count()).isEqualTo(all.size());
    }
}
