package org.sunbid.platform.disclosure.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.SunbidProperties;

/**
 * The notice feeds (公告订阅 RSS/Atom), public without signing in: the newest notices matching a search, with the
 * search's own parameters ({@link SavedSearch}; {@code size} 1–100, 50 by default). Bad parameters are problem+json
 * ({@code FEEDS_BAD_PARAMETER}, {@code DISCLOSURE_UNKNOWN_REGION}, {@code DISCLOSURE_BAD_DATE_RANGE}). ETag and
 * Last-Modified let a reader ask again cheaply (304).
 */
@RestController
class FeedController {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final ObjectProvider<NoticeSearch> searches;
    private final Subscriptions subscriptions;
    private final SunbidProperties properties;
    private final Clock clock;
    private final org.sunbid.platform.kernel.Problems problems;

    FeedController(ObjectProvider<NoticeSearch> searches, Subscriptions subscriptions, SunbidProperties properties, Clock clock,
            org.sunbid.platform.kernel.Problems problems) {
        this.problems = problems;
        this.searches = searches;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/feeds/notices.atom")
    ResponseEntity<String> atom(@RequestParam MultiValueMap<String, String> parameters, WebRequest request) {
        return feed(parameters, request, true);
    }

    @GetMapping("/feeds/notices.rss")
    ResponseEntity<String> rss(@RequestParam MultiValueMap<String, String> parameters, WebRequest request) {
        return feed(parameters, request, false);
    }

    private ResponseEntity<String> feed(MultiValueMap<String, String> parameters, WebRequest request, boolean atom) {
        SavedSearch search = SavedSearch.of(parameters, subscriptions::regionExists);
        int size = size(parameters.getFirst("size"));
        NoticeSearch notices = searches.getIfAvailable();
        if (notices == null) {
            throw new DomainException(FeedError.FEEDS_SEARCH_UNAVAILABLE);
        }
        List<Hit> hits = notices.search(search.page(0, size)).hits();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String query = search.canonical().isEmpty() ? "" : "?" + search.canonical();
        String self = base + (atom ? "/feeds/notices.atom" : "/feeds/notices.rss") + query;
        String title = properties.portalName() + " · 公告订阅"
                + (search.query().text().isEmpty() ? "" : "：" + search.query().text());
        FeedWriter.Channel channel = new FeedWriter.Channel(title, self, base + "/search" + query, properties.portalName());
        Instant now = clock.instant();
        String body = atom ? FeedWriter.atom(channel, hits, base, now) : FeedWriter.rss(channel, hits, base, now);
        String etag = "\"" + org.sunbid.crypto.Sm3.hex(body.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + "\"";
        long lastModified = FeedWriter.updated(hits, now).toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return null;
        }
        return ResponseEntity.ok().contentType(atom ? ATOM : RSS).eTag(etag).lastModified(lastModified)
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic()).body(body);
    }

    /** A feed is read by programs: its refusals are problem+json, as the API's are (not the site's error page). */
    @org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> refused(DomainException e,
            jakarta.servlet.http.HttpServletRequest request) {
        org.springframework.http.ProblemDetail problem = problems.of(e.errorCode(), e.arguments());
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return 50;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size < 1 || size > 100) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new DomainException(FeedError.FEEDS_BAD_PARAMETER, "size", value);
        }
    }
}
