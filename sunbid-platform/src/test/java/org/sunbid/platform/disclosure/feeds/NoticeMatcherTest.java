package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeResults.Hit;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.disclosure.NoticeType;

/** The matcher against a stand-in search (the real one is part S's, not under test here). */
class NoticeMatcherTest {

    /** Filters by words (contained in the title), types, kinds and Beijing dates; newest first; paged. */
    static final class ListSearch implements NoticeSearch {
        final List<Hit> hits = new ArrayList<>();
        int calls;

        @Override
        public NoticeResults search(NoticeQuery q) {
            calls++;
            List<Hit> found = hits.stream()
                    .filter(h -> q.text().isEmpty() || h.title().contains(q.text()))
                    .filter(h -> q.types().isEmpty() || q.types().contains(h.type()))
                    .filter(h -> q.dealKinds().isEmpty() || q.dealKinds().contains(h.dealKind()))
                    .filter(h -> q.from() == null || !day(h).isBefore(q.from()))
                    .filter(h -> q.to() == null || !day(h).isAfter(q.to()))
                    .sorted(Comparator.comparing(Hit::publishedAt).reversed()).toList();
            int from = Math.min(found.size(), q.page() * q.size());
            return new NoticeResults(found.size(), q.page(), q.size(), found.subList(from, Math.min(found.size(), from + q.size())));
        }

        private static LocalDate day(Hit h) {
            return h.publishedAt().atZone(NoticeMatcher.BEIJING).toLocalDate();
        }
    }

    private static final Instant T = Instant.parse("2026-11-23T01:30:00Z");

    private static Hit hit(String id, NoticeType type, String title, String kind, UUID lot, Instant at) {
        return new Hit(id, type, title, title, kind, kind + "_OPEN_TENDER", "530100", "C", lot.toString(), at, null, "/tenders/" + lot);
    }

    @Test
    void findsTheLotsNoticesPublishedSinceAmongMany() {
        ListSearch search = new ListSearch();
        UUID lot = UUID.randomUUID();
        for (int i = 0; i < 150; i++) {
            search.hits.add(hit("N" + i, NoticeType.TENDER_NOTICE, "其他" + i, "GCJS", UUID.randomUUID(), T.minusSeconds(i)));
        }
        search.hits.add(hit("OLD", NoticeType.TENDER_NOTICE, "道路", "GCJS", lot, T.minusSeconds(3600 * 30)));
        search.hits.add(hit("NEW", NoticeType.RESULT, "道路结果", "GCJS", lot, T.minusSeconds(200)));
        List<Hit> found = new NoticeMatcher(search, 5).noticesOfLot(lot, T.minusSeconds(600));
        assertThat(found).extracting(Hit::id).containsExactly("NEW");
    }

    @Test
    void aNoticeMatchesASavedSearchOnlyIfTheSearchFindsIt() {
        ListSearch search = new ListSearch();
        UUID lot = UUID.randomUUID();
        Hit road = hit("R", NoticeType.TENDER_NOTICE, "道路改造", "GCJS", lot, T);
        search.hits.add(road);
        NoticeMatcher matcher = new NoticeMatcher(search, 5);
        java.util.function.Predicate<String> regions = c -> true;
        assertThat(matcher.matches(SavedSearch.parse("q=道路", regions).query(), road)).isTrue();
        assertThat(matcher.matches(SavedSearch.parse("type=TENDER_NOTICE&kind=GCJS", regions).query(), road)).isTrue();
        assertThat(matcher.matches(SavedSearch.parse("", regions).query(), road)).isTrue();
        assertThat(matcher.matches(SavedSearch.parse("q=桥梁", regions).query(), road)).isFalse();
        assertThat(matcher.matches(SavedSearch.parse("type=RESULT", regions).query(), road)).isFalse();
        assertThat(matcher.matches(SavedSearch.parse("kind=ZFCG", regions).query(), road)).isFalse();
        // outside the saved date range: not even asked
        int before = search.calls;
        assertThat(matcher.matches(SavedSearch.parse("to=2026-11-01", regions).query(), road)).isFalse();
        assertThat(search.calls).isEqualTo(before);
    }

    @Test
    void findsAMatchBeyondTheFirstPageOfTheSameDay() {
        ListSearch search = new ListSearch();
        for (int i = 0; i < 130; i++) {
            search.hits.add(hit("N" + i, NoticeType.TENDER_NOTICE, "道路" + i, "GCJS", UUID.randomUUID(), T.plusSeconds(i + 1)));
        }
        Hit target = hit("TARGET", NoticeType.TENDER_NOTICE, "道路 目标", "GCJS", UUID.randomUUID(), T);
        search.hits.add(target);
        assertThat(new NoticeMatcher(search, 5).matches(SavedSearch.parse("q=道路", c -> true).query(), target)).isTrue();
    }
}
