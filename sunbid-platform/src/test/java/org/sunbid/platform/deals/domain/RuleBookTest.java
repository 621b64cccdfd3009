package org.sunbid.platform.deals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.WorkingDays;

/** A rule's dated versions: the one in force at the event's date, no overlap, no gap. */
class RuleBookTest {

    static final String GP = "ZFCG_OPEN_TENDER";

    static RuleVersion v(String key, long amount, String from, String to) {
        return new RuleVersion(GP, key, Limit.of(amount, LimitUnit.PERCENT, key + "@" + from), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    @Test
    void theVersionInForceOnTheDateIsPicked() {
        RuleBook book = new RuleBook(List.of(v("SME", 10, "2022-07-01", null), v("SME", 6, "2021-01-01", "2022-06-30")));
        assertThat(book.limit(GP, "SME", LocalDate.of(2022, 6, 30)).orElseThrow().plain()).isEqualTo("6");
        assertThat(book.limit(GP, "SME", LocalDate.of(2022, 7, 1)).orElseThrow().plain()).isEqualTo("10");
        assertThat(book.limit(GP, "SME", LocalDate.of(2020, 12, 31))).isEmpty(); // before its first version
        assertThat(book.limit("GCJS_OPEN_TENDER", "SME", LocalDate.of(2022, 7, 1))).isEmpty();
    }

    @Test
    void overlappingVersionsAreRefused() {
        assertThatThrownBy(() -> new RuleBook(List.of(v("SME", 6, "2021-01-01", "2022-07-01"), v("SME", 10, "2022-07-01", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> new RuleBook(List.of(v("SME", 6, "2021-01-01", null), v("SME", 10, "2022-07-01", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    @Test
    void aGapBetweenVersionsIsRefused() {
        assertThatThrownBy(() -> new RuleBook(List.of(v("SME", 6, "2021-01-01", "2022-06-29"), v("SME", 10, "2022-07-01", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2022-06-30");
    }

    @Test
    void aProceduresRulesAtADateHoldOnlyTheVersionsInForce() {
        RuleBook book = new RuleBook(List.of(v("SME", 6, "2021-01-01", "2022-06-30"), v("SME", 10, "2022-07-01", null),
                v("DOMESTIC", 20, "2026-01-01", null)));
        ProcedureRules before = book.rules(GP, LocalDate.of(2025, 12, 31), new WorkingDays(Map.of()));
        assertThat(before.find("DOMESTIC")).isEmpty();
        assertThat(before.limit("SME").plain()).isEqualTo("10");
        assertThat(before.kindPrefix()).isEqualTo("ZFCG");
        assertThatThrownBy(() -> before.limit("DOMESTIC")).isInstanceOf(IllegalStateException.class);
        assertThat(book.rules(GP, LocalDate.of(2026, 1, 1), new WorkingDays(Map.of())).limit("DOMESTIC").plain()).isEqualTo("20");
    }
}
