package org.sunbid.platform.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A search of the published notices: words (AND; empty = everything), filters (each empty = any), a sort and a page.
 *
 * @param text        the words, as a person types them (Chinese or not)
 * @param types       notice types ({@link NoticeType})
 * @param dealKinds   deal kinds (GCJS, ZFCG, TDSYQ, KYQ, GYCQ)
 * @param procedures  procedure codes (e.g. GCJS_OPEN_TENDER, TDSYQ_LISTING)
 * @param regionCode  a region: the region and every region under it; null = all
 * @param stages      the deal's stage as the portal shows it ({@code disclosure.DealStage} names)
 * @param from        published on or after this Beijing date; null = no bound
 * @param to          published on or before this Beijing date; null = no bound
 * @param minValue    the deal's value (budget, price cap, start price or deal price, yuan) at least; null = no bound
 * @param maxValue    at most; null = no bound
 * @param sort        the order
 * @param page        from 0
 * @param size        1..100
 */
public record NoticeQuery(String text, Set<NoticeType> types, Set<String> dealKinds, Set<String> procedures,
        String regionCode, Set<String> stages, LocalDate from, LocalDate to, BigDecimal minValue, BigDecimal maxValue,
        Sort sort, int page, int size) {

    public enum Sort {
        RELEVANCE, NEWEST, OLDEST, VALUE_DESC, VALUE_ASC
    }

    public NoticeQuery {
        text = text == null ? "" : text.strip();
        types = types == null ? Set.of() : Set.copyOf(types);
        dealKinds = dealKinds == null ? Set.of() : Set.copyOf(dealKinds);
        procedures = procedures == null ? Set.of() : Set.copyOf(procedures);
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        sort = sort == null ? (text.isEmpty() ? Sort.NEWEST : Sort.RELEVANCE) : sort;
        page = Math.max(0, page);
        size = Math.max(1, Math.min(100, size));
    }

    /** Everything, newest first (e.g. a feed's base). */
    public static NoticeQuery all(int size) {
        return new NoticeQuery("", null, null, null, null, null, null, null, null, null, Sort.NEWEST, 0, size);
    }
}
