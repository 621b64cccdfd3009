package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.disclosure.DisclosureError;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.kernel.DomainException;

class SavedSearchTest {

    private static SavedSearch of(Map<String, List<String>> p) {
        return SavedSearch.of(p, code -> code.equals("530100"));
    }

    @Test
    void theSameSearchHasOneCanonicalFormWhicheverWayItIsWritten() {
        SavedSearch a = of(Map.of("q", List.of(" 道路 改造 "), "type", List.of("result,tender_notice"), "kind", List.of("GCJS"),
                "region", List.of("530100"), "from", List.of("2026-11-01"), "min", List.of("1,000,000.00")));
        SavedSearch b = SavedSearch.parse(a.canonical(), code -> code.equals("530100"));
        assertThat(b).isEqualTo(a);
        assertThat(a.canonical()).isEqualTo("q=%E9%81%93%E8%B7%AF+%E6%94%B9%E9%80%A0&type=TENDER_NOTICE,RESULT&kind=GCJS"
                + "&region=530100&from=2026-11-01&min=1000000");
        assertThat(a.query().types()).isEqualTo(Set.of(NoticeType.RESULT, NoticeType.TENDER_NOTICE));
        assertThat(a.query().text()).isEqualTo("道路 改造");
        assertThat(a.query().from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(a.query().minValue()).isEqualByComparingTo(new BigDecimal("1000000"));
    }

    @Test
    void nothingIsEverything() {
        SavedSearch all = SavedSearch.parse("", c -> false);
        assertThat(all.canonical()).isEmpty();
        assertThat(all.query().types()).isEmpty();
        assertThat(all.query().text()).isEmpty();
    }

    @Test
    void aCommaInTheWordsSurvivesTheRoundTrip() {
        SavedSearch a = of(Map.of("q", List.of("A,B")));
        assertThat(SavedSearch.parse(a.canonical(), c -> false).query().text()).isEqualTo("A,B");
    }

    @Test
    void refusesUnknownTypesKindsStagesDatesAndAmountsWithTheirCode() {
        for (Map<String, List<String>> bad : List.of(Map.of("type", List.of("PRESS_RELEASE")), Map.of("kind", List.of("XX")),
                Map.of("stage", List.of("NOPE")), Map.of("from", List.of("2026-13-01")), Map.of("min", List.of("-1")),
                Map.of("max", List.of("abc")), Map.of("procedure", List.of("x'; DROP")))) {
            assertThatThrownBy(() -> of(bad)).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).errorCode()).isEqualTo(FeedError.FEEDS_BAD_PARAMETER));
        }
        assertThatThrownBy(() -> of(Map.of("region", List.of("999999"))))
                .satisfies(e -> assertThat(((DomainException) e).errorCode()).isEqualTo(DisclosureError.DISCLOSURE_UNKNOWN_REGION));
        assertThatThrownBy(() -> of(Map.of("from", List.of("2026-11-02"), "to", List.of("2026-11-01"))))
                .satisfies(e -> assertThat(((DomainException) e).errorCode()).isEqualTo(DisclosureError.DISCLOSURE_BAD_DATE_RANGE));
    }

    @Test
    void refusesASearchTooLongToKeep() {
        assertThatThrownBy(() -> of(Map.of("q", List.of("道".repeat(400)))))
                .satisfies(e -> assertThat(((DomainException) e).errorCode()).isEqualTo(FeedError.FEEDS_SEARCH_TOO_LONG));
    }
}
