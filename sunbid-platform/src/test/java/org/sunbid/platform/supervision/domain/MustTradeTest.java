package org.sunbid.platform.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.supervision.CatalogueEntry;
import org.sunbid.platform.supervision.Category;

/** The must-trade catalogue's rule (应进必进), each test named after the article it applies. No Spring, no database. */
class MustTradeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final List<String> QINGSHAN = List.of("990121", "990100", "990000"); // county, city, province
    static final List<String> LINJIANG = List.of("990122", "990100", "990000");

    static CatalogueEntry entry(String region, DealKind kind, Category category, String threshold, String basis,
            LocalDate from, LocalDate to) {
        return new CatalogueEntry(UUID.randomUUID(), region, kind, category, threshold == null ? null : new BigDecimal(threshold),
                basis, from, to);
    }

    /** The national entries as V73 seeds them. */
    static List<CatalogueEntry> national() {
        LocalDate order16 = LocalDate.of(2018, 6, 1);
        return List.of(
                entry(null, DealKind.GCJS, Category.WORKS, "2000000", "工程建设项目招标范围和规模标准规定（3号令）第七条",
                        LocalDate.of(2000, 5, 1), LocalDate.of(2018, 5, 31)),
                entry(null, DealKind.GCJS, Category.GOODS, "1000000", "3号令第七条", LocalDate.of(2000, 5, 1), LocalDate.of(2018, 5, 31)),
                entry(null, DealKind.GCJS, Category.SERVICES, "500000", "3号令第七条", LocalDate.of(2000, 5, 1), LocalDate.of(2018, 5, 31)),
                entry(null, DealKind.GCJS, Category.WORKS, "4000000", "必须招标的工程项目规定（16号令）第五条", order16, null),
                entry(null, DealKind.GCJS, Category.GOODS, "2000000", "16号令第五条", order16, null),
                entry(null, DealKind.GCJS, Category.SERVICES, "1000000", "16号令第五条", order16, null),
                entry(null, DealKind.TDSYQ, Category.ANY, null, "招标拍卖挂牌出让国有建设用地使用权规定", LocalDate.of(2007, 11, 1), null),
                entry(null, DealKind.KYQ, Category.ANY, null, "矿业权出让交易规则", LocalDate.of(2017, 9, 1), null),
                entry(null, DealKind.GYCQ, Category.ANY, null, "企业国有资产交易监督管理办法（32号令）", LocalDate.of(2016, 6, 24), null),
                entry(null, DealKind.ZFCG, Category.GOODS, "2000000", "政府采购货物和服务公开招标数额标准", LocalDate.of(2020, 1, 1), null),
                entry(null, DealKind.ZFCG, Category.SERVICES, "2000000", "政府采购货物和服务公开招标数额标准", LocalDate.of(2020, 1, 1), null));
    }

    final MustTrade catalogue = new MustTrade(national());

    @Test
    void order16_art5_worksFromFourMillionMustTrade() {
        assertThat(catalogue.decide(DealKind.GCJS, Category.WORKS, new BigDecimal("4000000.00"), QINGSHAN, TODAY).required()).isTrue();
        MustTrade.Decision below = catalogue.decide(DealKind.GCJS, Category.WORKS, new BigDecimal("3999999.99"), QINGSHAN, TODAY);
        assertThat(below.required()).isFalse();
        assertThat(below.threshold()).isEqualByComparingTo("4000000");
        assertThat(below.basis()).contains("16号令");
    }

    @Test
    void order16_art5_keyGoodsFromTwoMillionAndServicesFromOneMillion() {
        assertThat(catalogue.decide(DealKind.GCJS, Category.GOODS, new BigDecimal("2000000"), QINGSHAN, TODAY).required()).isTrue();
        assertThat(catalogue.decide(DealKind.GCJS, Category.GOODS, new BigDecimal("1999999"), QINGSHAN, TODAY).required()).isFalse();
        assertThat(catalogue.decide(DealKind.GCJS, Category.SERVICES, new BigDecimal("1000000"), QINGSHAN, TODAY).required()).isTrue();
        assertThat(catalogue.decide(DealKind.GCJS, Category.SERVICES, new BigDecimal("999999.99"), QINGSHAN, TODAY).required()).isFalse();
    }

    @Test
    void order16_art5_theThresholdInForceOnTheDealsDateDecides() {
        // 3 million of works: under order No. 3 (before 2018-06-01) it had to be tendered, under order No. 16 it need not
        BigDecimal threeMillion = new BigDecimal("3000000");
        MustTrade.Decision before = catalogue.decide(DealKind.GCJS, Category.WORKS, threeMillion, QINGSHAN, LocalDate.of(2018, 5, 31));
        MustTrade.Decision after = catalogue.decide(DealKind.GCJS, Category.WORKS, threeMillion, QINGSHAN, LocalDate.of(2018, 6, 1));
        assertThat(before.required()).isTrue();
        assertThat(before.basis()).contains("3号令");
        assertThat(after.required()).isFalse();
        assertThat(after.basis()).contains("16号令");
    }

    @Test
    void platformMeasures_art8_everyLandMiningAndStatePropertyDealMustTrade() {
        for (DealKind kind : List.of(DealKind.TDSYQ, DealKind.KYQ, DealKind.GYCQ)) {
            MustTrade.Decision d = catalogue.decide(kind, Category.ANY, new BigDecimal("1"), QINGSHAN, TODAY);
            assertThat(d.required()).as("%s", kind).isTrue();
            assertThat(d.threshold()).isNull();
            // even without a known value
            assertThat(catalogue.decide(kind, Category.GOODS, null, QINGSHAN, TODAY).required()).isTrue();
        }
    }

    @Test
    void platformMeasures_art8_procurementAboveTheOpenTenderThreshold() {
        assertThat(catalogue.decide(DealKind.ZFCG, Category.GOODS, new BigDecimal("2000000"), QINGSHAN, TODAY).required()).isTrue();
        assertThat(catalogue.decide(DealKind.ZFCG, Category.GOODS, new BigDecimal("1500000"), QINGSHAN, TODAY).required()).isFalse();
        // the catalogue says nothing of procurement works here: not required, no basis
        MustTrade.Decision none = catalogue.decide(DealKind.ZFCG, Category.WORKS, new BigDecimal("9000000"), QINGSHAN, TODAY);
        assertThat(none.required()).isFalse();
        assertThat(none.entry()).isNull();
    }

    @Test
    void aRegionInheritsItsNearestAncestorsEntriesUnlessItSetsItsOwn() {
        // the city widens construction works to 1 million; 青山县 inherits it; 临江县 narrows it back to 2 million for itself
        List<CatalogueEntry> entries = new java.util.ArrayList<>(national());
        entries.add(entry("990100", DealKind.GCJS, Category.WORKS, "1000000", "云州市公共资源交易目录", LocalDate.of(2026, 1, 1), null));
        entries.add(entry("990122", DealKind.GCJS, Category.WORKS, "2000000", "临江县公共资源交易目录", LocalDate.of(2026, 1, 1), null));
        MustTrade widened = new MustTrade(entries);
        BigDecimal value = new BigDecimal("1500000");

        MustTrade.Decision qingshan = widened.decide(DealKind.GCJS, Category.WORKS, value, QINGSHAN, TODAY);
        assertThat(qingshan.required()).isTrue();
        assertThat(qingshan.definedBy()).isEqualTo("990100");
        MustTrade.Decision linjiang = widened.decide(DealKind.GCJS, Category.WORKS, value, LINJIANG, TODAY);
        assertThat(linjiang.required()).isFalse();
        assertThat(linjiang.definedBy()).isEqualTo("990122");
        // goods are not set by the city: the national entry still decides
        assertThat(widened.decide(DealKind.GCJS, Category.GOODS, value, QINGSHAN, TODAY).definedBy()).isNull();
        // before the city's entry took effect the national one applied
        assertThat(widened.decide(DealKind.GCJS, Category.WORKS, value, QINGSHAN, LocalDate.of(2025, 12, 31)).required()).isFalse();
        // the effective catalogue of 青山县 shows the city's works entry and the national goods entry
        assertThat(widened.effective(QINGSHAN, TODAY)).anySatisfy(e -> {
            assertThat(e.regionCode()).isEqualTo("990100");
            assertThat(e.category()).isEqualTo(Category.WORKS);
        }).noneSatisfy(e -> {
            assertThat(e.regionCode()).isNull();
            assertThat(e.kind()).isEqualTo(DealKind.GCJS);
            assertThat(e.category()).isEqualTo(Category.WORKS);
        });
    }
}
