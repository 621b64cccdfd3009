package org.sunbid.platform.disclosure.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.disclosure.statistics.Figures.RegionGroup;
import org.sunbid.platform.mall.MallStatistics;
import org.sunbid.platform.mall.MallStatistics.Row;

/** The e-mall's rows one step down the region tree, and the top lists, on a hand-made set. */
class MallFiguresTest {

    private static final Map<String, String> PATHS = Map.of("990000", "990000/", "990100", "990000/990100/",
            "990101", "990000/990100/990101/", "990102", "990000/990100/990102/", "990200", "990000/990200/");
    private static final RegionGroup PROVINCE = new RegionGroup("990000", "示范省", "990000/");
    private static final RegionGroup CITY = new RegionGroup("990100", "云州市", "990000/990100/");
    private static final RegionGroup CITY2 = new RegionGroup("990200", "海州市", "990000/990200/");
    private static final RegionGroup COUNTY = new RegionGroup("990101", "青山县", "990000/990100/990101/");
    private static final RegionGroup COUNTY2 = new RegionGroup("990102", "白水县", "990000/990100/990102/");

    private static Row row(String key, long orders, String total) {
        return new Row(key, key, orders, new BigDecimal(total));
    }

    private static final List<Row> BY_REGION = List.of(row("990101", 3, "30000.00"), row("990100", 2, "1500.50"),
            row("990000", 1, "99.99"), row("990102", 1, "0.01"), row("990200", 4, "4000.00"), row("123456", 9, "9.00"));

    @Test
    void theProvinceOwnRowThenEachCitysSubtree() {
        List<Row> rows = MallFigures.byRegion(BY_REGION, PATHS, PROVINCE, "示范省（本级）", List.of(CITY, CITY2));
        assertThat(rows).containsExactly(new Row("990000", "示范省（本级）", 1, new BigDecimal("99.99")),
                new Row("990100", "云州市", 6, new BigDecimal("31500.51")), new Row("990200", "海州市", 4, new BigDecimal("4000.00")));
    }

    @Test
    void aCitysOwnOrdersThenItsCounties_anUnknownRegionInNoRow() {
        List<Row> rows = MallFigures.byRegion(BY_REGION, PATHS, CITY, "云州市（本级）", List.of(COUNTY, COUNTY2));
        assertThat(rows).containsExactly(new Row("990100", "云州市（本级）", 2, new BigDecimal("1500.50")),
                new Row("990101", "青山县", 3, new BigDecimal("30000.00")), new Row("990102", "白水县", 1, new BigDecimal("0.01")));
    }

    @Test
    void noOwnRowWithoutOwnOrders_noRowForAChildWithout() {
        List<Row> rows = MallFigures.byRegion(List.of(row("990101", 3, "30000.00")), PATHS, CITY, "云州市（本级）",
                List.of(COUNTY, COUNTY2));
        assertThat(rows).extracting(Row::key).containsExactly("990101");
    }

    @Test
    void theTopListsHoldTheTenLargest_theCountsAll() {
        List<Row> suppliers = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            suppliers.add(row("s" + i, 1, i + ".00"));
        }
        MallStatistics.Sales sales = new MallStatistics.Sales(MallStatistics.Scope.year(2026), 12, new BigDecimal("78.00"),
                suppliers, List.of(row("b", 12, "78.00")), List.of(), List.of());
        MallFigures.Report report = MallFigures.of(sales, PATHS, null, null, List.of(PROVINCE));
        assertThat(report.suppliers()).isEqualTo(12);
        assertThat(report.buyers()).isEqualTo(1);
        assertThat(report.topSuppliers()).hasSize(MallFigures.TOP).first().isEqualTo(row("s12", 1, "12.00"));
        assertThat(report.topSuppliers().get(9).key()).isEqualTo("s3");
        assertThat(report.byRegion()).isEmpty();
    }
}
