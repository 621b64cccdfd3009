package org.sunbid.platform.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.supervision.PurchaseFact;

/** Splitting a purchase to avoid the open tender (政府采购法实施条例 Art. 28). No Spring, no database. */
class SplitPurchasesTest {

    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID HOSPITAL = UUID.randomUUID();
    static final BigDecimal THRESHOLD = new BigDecimal("2000000");

    static PurchaseFact buy(UUID purchaser, String item, String date, String value) {
        return new PurchaseFact(purchaser, purchaser == SCHOOL ? "云州一中" : "云州医院", item, LocalDate.parse(date),
                new BigDecimal(value), THRESHOLD, "采购 " + value, "990100");
    }

    @Test
    void gpiRegs_art28_sameItemSameYearEachBelowTotalAboveIsFlagged() {
        List<org.sunbid.platform.supervision.SuspectedSplit> splits = SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-03-01", "1200000"),
                buy(SCHOOL, "A02010104", "2026-09-15", "900000")));
        assertThat(splits).singleElement().satisfies(s -> {
            assertThat(s.total()).isEqualByComparingTo("2100000");
            assertThat(s.fiscalYear()).isEqualTo(2026);
            assertThat(s.purchases()).hasSize(2);
        });
    }

    @Test
    void gpiRegs_art28_aTotalAtTheThresholdDoesNotExceedIt() {
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-03-01", "1000000"),
                buy(SCHOOL, "A02010104", "2026-09-15", "1000000")))).isEmpty();
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-03-01", "1000000"),
                buy(SCHOOL, "A02010104", "2026-09-15", "1000000.01")))).hasSize(1);
    }

    @Test
    void gpiRegs_art28_purchasesInTwoFiscalYearsAreNotAdded() {
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2025-12-31", "1500000"),
                buy(SCHOOL, "A02010104", "2026-01-01", "1500000")))).isEmpty();
        // the same two in one year are
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-01-01", "1500000"),
                buy(SCHOOL, "A02010104", "2026-12-31", "1500000")))).hasSize(1);
    }

    @Test
    void gpiRegs_art28_otherItemsOrOtherPurchasersAreNotAdded() {
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-03-01", "1500000"),
                buy(SCHOOL, "A02010105", "2026-04-01", "1500000"),
                buy(HOSPITAL, "A02010104", "2026-05-01", "1500000")))).isEmpty();
    }

    @Test
    void gpiRegs_art28_aPurchaseAtOrAboveTheThresholdIsNoPartOfASplit() {
        // the 2.5 million purchase had to be tendered openly anyway; the one below it alone is no split
        assertThat(SplitPurchases.find(List.of(
                buy(SCHOOL, "A02010104", "2026-03-01", "2500000"),
                buy(SCHOOL, "A02010104", "2026-04-01", "1500000")))).isEmpty();
    }
}
