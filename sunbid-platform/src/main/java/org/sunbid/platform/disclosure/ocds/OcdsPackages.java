package org.sunbid.platform.disclosure.ocds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The OCDS 1.1 package envelopes: release packages and record packages with the publisher (the platform, by its
 * 统一社会信用代码), the licence, the publication policy, version 1.1 and the bid extension. {@code publishedDate} is the
 * newest release's date (the clock's time only for an empty package), so the same data gives the same bytes.
 */
@Component
class OcdsPackages {

    /** The bid extension's description, as {@code extensions} lists it. */
    static final String BID_EXTENSION =
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json";

    /** The data's licence: Creative Commons Attribution 4.0. */
    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    private final SunbidProperties properties;
    private final Projects projects;
    private final Clock clock;

    OcdsPackages(SunbidProperties properties, Projects projects, Clock clock) {
        this.properties = properties;
        this.projects = projects;
        this.clock = clock;
    }

    /** A release package of {@code releases} (oldest first) at {@code uri}. */
    Map<String, Object> releasePackage(String uri, List<Map<String, Object>> releases) {
        Map<String, Object> p = envelope(uri, releases.stream().map(OcdsMapping::instant).max(java.util.Comparator.naturalOrder())
                .orElse(null), publicationPolicy(uri));
        p.put("releases", releases);
        return p;
    }

    /**
     * A record package of {@code processes} (each its releases, oldest first): each record's releases linked by URL
     * ({@code <base>/api/v1/ocds/releases/<id>}) with their dates and tags, and its compiled release.
     */
    Map<String, Object> recordPackage(String uri, String base, List<List<Map<String, Object>>> processes) {
        List<Object> records = new ArrayList<>();
        java.time.Instant newest = null;
        for (List<Map<String, Object>> releases : processes) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("ocid", releases.get(0).get("ocid"));
            List<Object> linked = new ArrayList<>();
            for (Map<String, Object> r : releases) {
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("url", base + "/api/v1/ocds/releases/" + r.get("id"));
                link.put("date", r.get("date"));
                link.put("tag", r.get("tag"));
                linked.add(link);
                java.time.Instant at = OcdsMapping.instant(r);
                newest = newest == null || at.isAfter(newest) ? at : newest;
            }
            record.put("releases", linked);
            record.put("compiledRelease", OcdsMapping.compile(releases));
            records.add(record);
        }
        Map<String, Object> p = envelope(uri, newest, publicationPolicy(uri));
        p.put("packages", processes.stream().flatMap(List::stream).map(r -> base + "/api/v1/ocds/releases/" + r.get("id"))
                .toList());
        p.put("records", records);
        return p;
    }

    private Map<String, Object> envelope(String uri, java.time.Instant newest, String policy) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uri", uri);
        p.put("version", "1.1");
        p.put("extensions", List.of(BID_EXTENSION));
        p.put("publishedDate", OcdsMapping.date(newest == null ? clock.instant() : newest));
        p.put("publisher", publisher());
        p.put("license", LICENSE);
        p.put("publicationPolicy", policy);
        return p;
    }

    /** The publisher: the platform's name and 统一社会信用代码. */
    Map<String, Object> publisher() {
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("name", properties.portalName());
        publisher.put("scheme", OcdsMapping.SCHEME);
        publisher.put("uid", projects.platformCode().value());
        return publisher;
    }

    /** The portal's 数据开放 page, which says what is published when (the publication policy). */
    private static String publicationPolicy(String uri) {
        int api = uri.indexOf("/api/");
        return (api < 0 ? uri : uri.substring(0, api)) + "/open-data#ocds";
    }
}
