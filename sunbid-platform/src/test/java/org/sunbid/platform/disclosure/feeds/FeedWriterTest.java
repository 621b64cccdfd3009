package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FeedWriterTest {

    private static final String NASTY = "道路 <script>alert(1)</script> & \"引号\" 'x' ]]> \u0007";
    private static final FeedWriter.Channel CHANNEL = new FeedWriter.Channel("门户 · 公告订阅：<&\"",
            "https://p.example/feeds/notices.atom?q=a&type=RESULT", "https://p.example/search?q=a&type=RESULT", "门户");
    private static final List<Hit> HITS = List.of(
            new Hit("TENDER_NOTICE:1", NoticeType.TENDER_NOTICE, NASTY, "<mark>道路</mark> 工程 &lt;b&gt; &amp; 改造", "GCJS",
                    "GCJS_OPEN_TENDER", "530100", "C-1", "1", Instant.parse("2026-11-23T01:30:00Z"), null, "/tenders/1?a=1&b=2"),
            new Hit("RESULT:2", NoticeType.RESULT, "结果", "", "ZFCG", "ZFCG_OPEN_TENDER", "530100", "C-2", "2",
                    Instant.parse("2026-11-22T01:30:00Z"), null, "/tenders/2"));

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void atomIsWellFormedAndEscapesTitlesWithMarkupQuotesAndAmpersands() throws Exception {
        String xml = FeedWriter.atom(CHANNEL, HITS, "https://p.example", Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(xml).doesNotContain("<script>").doesNotContain("\u0007");
        Document doc = parse(xml);
        Element feed = doc.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("门户 · 公告订阅：<&\"");
        assertThat(feed.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-11-23T09:30:00+08:00");
        var entries = feed.getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("道路 <script>alert(1)</script> & \"引号\" 'x' ]]> ");
        assertThat(((Element) first.getElementsByTagName("link").item(0)).getAttribute("href"))
                .isEqualTo("https://p.example/tenders/1?a=1&b=2");
        assertThat(first.getElementsByTagName("published").item(0).getTextContent()).isEqualTo("2026-11-23T09:30:00+08:00");
        assertThat(first.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo("道路 工程 <b> & 改造");
        assertThat(first.getElementsByTagName("id").item(0).getTextContent()).isEqualTo("urn:sunbid:notice:TENDER_NOTICE%3A1");
        // an empty snippet: the title stands in
        assertThat(((Element) entries.item(1)).getElementsByTagName("summary").item(0).getTextContent()).isEqualTo("结果");
    }

    @Test
    void rssIsWellFormedWithItemsInTheGivenOrder() throws Exception {
        String xml = FeedWriter.rss(CHANNEL, HITS, "https://p.example", Instant.parse("2026-11-24T00:00:00Z"));
        Document doc = parse(xml);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        var items = doc.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        Element first = (Element) items.item(0);
        assertThat(first.getElementsByTagName("title").item(0).getTextContent()).startsWith("道路 <script>");
        assertThat(first.getElementsByTagName("pubDate").item(0).getTextContent()).isEqualTo("Mon, 23 Nov 2026 01:30:00 GMT");
        assertThat(((Element) items.item(1)).getElementsByTagName("link").item(0).getTextContent())
                .isEqualTo("https://p.example/tenders/2");
    }

    @Test
    void anEmptyFeedIsDatedNow() throws Exception {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        Document doc = parse(FeedWriter.atom(CHANNEL, List.of(), "https://p.example", now));
        assertThat(doc.getElementsByTagName("entry").getLength()).isZero();
        assertThat(doc.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-11-24T08:00:00+08:00");
    }
}
