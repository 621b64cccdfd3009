package org.sunbid.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.catalog.ProcurementItems.ProcurementItem;
import org.sunbid.platform.catalog.ProcurementItems.Standing;

/** The 品目 lookup rule on a hand-made table: listed, under a partly listed item, under a fully listed one, malformed. */
class ProcurementItemsTest {

    private static final Map<String, ProcurementItem> TABLE = Map.of(
            "A", new ProcurementItem("A", "货物", null, true, true, "test"),
            "A02", new ProcurementItem("A02", "设备", "A", false, false, "test"),
            "A0201", new ProcurementItem("A0201", "信息化设备", "A02", true, false, "test"),
            "A020101", new ProcurementItem("A020101", "计算机", "A0201", false, false, "test"),
            "B", new ProcurementItem("B", "工程", null, false, true, "test"));
    private static final Function<String, Optional<ProcurementItem>> LISTED = c -> Optional.ofNullable(TABLE.get(c));

    private static ProcurementItems.Lookup lookup(String code) {
        return ProcurementItems.lookup(code, LISTED);
    }

    @Test
    void aListedCodeIsItself() {
        assertThat(lookup(" A0201 ")).isEqualTo(new ProcurementItems.Lookup("A0201", Standing.LISTED, TABLE.get("A0201")));
        assertThat(lookup("A").accepted()).isTrue();
    }

    @Test
    void underAPartlyListedItemAWellFormedCodeIsTaken_namingTheNearestListed() {
        ProcurementItems.Lookup l = lookup("A02010199");
        assertThat(l.standing()).isEqualTo(Standing.UNDER_LISTED);
        assertThat(l.nearest().code()).isEqualTo("A020101");
        assertThat(l.accepted()).isTrue();
        assertThat(lookup("A02990000").nearest().code()).isEqualTo("A02");
        assertThat(lookup("B0101").standing()).isEqualTo(Standing.UNDER_LISTED);
    }

    @Test
    void underAFullyListedItemAnUnlistedCodeIsNoItem() {
        assertThat(lookup("A09").standing()).isEqualTo(Standing.UNKNOWN);
        assertThat(lookup("A09010104").nearest().code()).isEqualTo("A");
        ProcurementItems.Lookup l = lookup("A020299"); // A0201's children are all listed; A0202 is not listed, A02 is partly
        assertThat(l.standing()).isEqualTo(Standing.UNDER_LISTED);
        assertThat(lookup("A020199").standing()).isEqualTo(Standing.UNKNOWN); // under A0201, all of whose children are listed
        assertThat(lookup("A020199").accepted()).isFalse();
    }

    @Test
    void malformedCodesAreNoItem() {
        for (String code : new String[] {null, "", "D01", "A2", "A0201010101", "a02", "A02-01", "Ａ02"}) {
            assertThat(lookup(code).standing()).as(String.valueOf(code)).isEqualTo(Standing.MALFORMED);
            assertThat(lookup(code).nearest()).isNull();
        }
    }

    @Test
    void withoutTheTopItemsNothingIsAnItem() {
        assertThat(ProcurementItems.lookup("A02", c -> Optional.empty()).standing()).isEqualTo(Standing.UNKNOWN);
    }
}
