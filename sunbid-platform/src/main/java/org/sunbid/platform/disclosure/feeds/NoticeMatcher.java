package org.sunbid.platform.disclosure.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeSearch;

/**
 * Which published notices match a saved search, asked of the search itself (so a subscription matches exactly what
 * its feed lists). Plain Java over the {@link NoticeSearch} port.
 */
final class NoticeMatcher {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 100;

    private final NoticeSearch search;
    private final int maxPages;

    NoticeMatcher(NoticeSearch search, int maxPages) {
        this.search = search;
        this.maxPages = maxPages;
    }

    /** The notices of {@code lot} published at or after {@code since}, newest first (looked for among the newest). */
    List<Hit> noticesOfLot(UUID lot, Instant since) {
        String id = lot.toString();
        LocalDate day = since.atZone(BEIJING).toLocalDate();
        List<Hit> found = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            NoticeResults results = search.search(new NoticeQuery("", null, null, null, null, null, day, null, null, null,
                    NoticeQuery.Sort.NEWEST, page, PAGE));
            results.hits().stream().filter(h -> id.equals(h.lotId()) && !h.publishedAt().isBefore(since)).forEach(found::add);
            if (results.hits().size() < PAGE || results.hits().get(results.hits().size() - 1).publishedAt().isBefore(since)) {
                break;
            }
        }
        return found;
    }

    /** Whether {@code hit} is among what {@code saved} finds (its date range narrowed to the hit's Beijing day). */
    boolean matches(NoticeQuery saved, Hit hit) {
        LocalDate day = hit.publishedAt().atZone(BEIJING).toLocalDate();
        if ((saved.from() != null && day.isBefore(saved.from())) || (saved.to() != null && day.isAfter(saved.to()))) {
            return false;
        }
        for (int page = 0; page < maxPages; page++) {
            NoticeResults results = search.search(new NoticeQuery(saved.text(), saved.types(), saved.dealKinds(),
                    saved.procedures(), saved.regionCode(), saved.stages(), day, day, saved.minValue(), saved.maxValue(),
                    NoticeQuery.Sort.NEWEST, page, PAGE));
            if (results.hits().stream().anyMatch(h -> h.id().equals(hit.id()))) {
                return true;
            }
            if (results.hits().size() < PAGE) {
                return false;
            }
        }
        return false;
    }
}
