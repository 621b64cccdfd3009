package org.sunbid.platform.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A page of search hits and how many match in all. */
public record NoticeResults(long total, int page, int size, List<Hit> hits) {

    public NoticeResults {
        hits = List.copyOf(hits);
    }

    /**
     * One published notice.
     *
     * @param id          stable id of the notice (the same notice always has the same id: e.g. {@code TENDER_NOTICE:<lotId>})
     * @param type        what kind of notice
     * @param title       its title as published
     * @param snippet     an excerpt with the matched words in {@code <mark>…</mark>}, the rest HTML-escaped
     * @param dealKind    GCJS, ZFCG, TDSYQ, KYQ or GYCQ
     * @param procedure   the procedure code
     * @param regionCode  the deal's region
     * @param dealCode    the unified deal code (统一交易标识码) or lot code
     * @param lotId       the lot (tender) id
     * @param publishedAt when it was published
     * @param value       the deal's value in yuan where known, else null
     * @param url         where the portal shows it (a path)
     */
    public record Hit(String id, NoticeType type, String title, String snippet, String dealKind, String procedure,
            String regionCode, String dealCode, String lotId, Instant publishedAt, BigDecimal value, String url) {
    }
}
