package org.sunbid.platform.disclosure.search;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeSearch;

/**
 * {@code GET /api/v1/search}: the portal's full-text search as open data (no login). Parameters: {@code q} (words, all
 * required), {@code type}, {@code kind}, {@code procedure}, {@code stage} (each repeatable or comma-separated),
 * {@code region} (the region and everything under it), {@code from}/{@code to} (Beijing dates), {@code min}/{@code max}
 * (yuan), {@code sort} (RELEVANCE, NEWEST, OLDEST, VALUE_DESC, VALUE_ASC), {@code page} (from 0), {@code size} (1..100).
 * Bad input is a 400 problem+json with code {@code DISCLOSURE_SEARCH_BAD_PARAMETER} (or {@code
 * DISCLOSURE_UNKNOWN_REGION}, {@code DISCLOSURE_BAD_DATE_RANGE}).
 */
@RestController
class SearchApi {

    private final NoticeSearch search;
    private final Procedures procedures;

    SearchApi(NoticeSearch search, Procedures procedures) {
        this.search = search;
        this.procedures = procedures;
    }

    @GetMapping("/api/v1/search")
    NoticeResults search(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> kind, @RequestParam(required = false) List<String> procedure,
            @RequestParam(required = false) String region, @RequestParam(required = false) List<String> stage,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String min, @RequestParam(required = false) String max,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return search.search(new SearchParameters(q, type, kind, procedure, region, stage, from, to, min, max, sort, page,
                size).toQuery(procedures, 0, 20));
    }
}
