package org.sunbid.platform.disclosure.feeds;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.sunbid.platform.disclosure.NoticeResults.Hit;

/**
 * Writes a list of notices as an Atom 1.0 (RFC 4287) or RSS 2.0 document. Every text goes through the XML writer, which
 * escapes it; characters XML 1.0 cannot carry at all (control characters) are dropped. Plain Java.
 */
final class FeedWriter {

    /** What the feed is: its title, the absolute URL it is served at, and the portal page it stands for. */
    record Channel(String title, String selfUrl, String alternateUrl, String author) {
    }

    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private FeedWriter() {
    }

    /** Atom 1.0; {@code base} is prefixed to each hit's path. {@code now} is the feed's date when it lists nothing. */
    static String atom(Channel channel, List<Hit> hits, String base, Instant now) {
        return write(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            text(w, "title", channel.title());
            text(w, "id", channel.selfUrl());
            text(w, "updated", rfc3339(updated(hits, now)));
            link(w, "self", channel.selfUrl(), "application/atom+xml");
            link(w, "alternate", channel.alternateUrl(), "text/html");
            w.writeStartElement("author");
            text(w, "name", channel.author());
            w.writeEndElement();
            for (Hit hit : hits) {
                w.writeStartElement("entry");
                text(w, "title", hit.title());
                text(w, "id", "urn:sunbid:notice:" + URLEncoder.encode(hit.id(), StandardCharsets.UTF_8));
                link(w, "alternate", base + hit.url(), "text/html");
                text(w, "published", rfc3339(hit.publishedAt()));
                text(w, "updated", rfc3339(hit.publishedAt()));
                w.writeEmptyElement("category");
                w.writeAttribute("term", hit.type().name());
                w.writeStartElement("summary");
                w.writeAttribute("type", "text");
                w.writeCharacters(clean(summary(hit)));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /** RSS 2.0. */
    static String rss(Channel channel, List<Hit> hits, String base, Instant now) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", "http://www.w3.org/2005/Atom");
            w.writeStartElement("channel");
            text(w, "title", channel.title());
            text(w, "link", channel.alternateUrl());
            text(w, "description", channel.title());
            w.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
            w.writeAttribute("href", clean(channel.selfUrl()));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            text(w, "lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(updated(hits, now).atOffset(ZoneOffset.UTC)));
            for (Hit hit : hits) {
                w.writeStartElement("item");
                text(w, "title", hit.title());
                text(w, "link", base + hit.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(clean("urn:sunbid:notice:" + URLEncoder.encode(hit.id(), StandardCharsets.UTF_8)));
                w.writeEndElement();
                text(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(hit.publishedAt().atOffset(ZoneOffset.UTC)));
                text(w, "category", hit.type().name());
                text(w, "description", summary(hit));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    /** The newest publication time, the feed's "updated". */
    static Instant updated(List<Hit> hits, Instant now) {
        return hits.stream().map(Hit::publishedAt).max(Instant::compareTo).orElse(now);
    }

    /** The entry's summary as plain text: the snippet without its highlighting (the snippet is HTML-escaped). */
    static String summary(Hit hit) {
        String snippet = hit.snippet() == null ? "" : TAG.matcher(hit.snippet()).replaceAll("");
        snippet = snippet.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
        return snippet.isBlank() ? hit.title() : snippet;
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", clean(href));
    }

    static String clean(String value) {
        return value == null ? "" : NOT_XML.matcher(value).replaceAll("");
    }

    private static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.ofHours(8)));
    }
}
