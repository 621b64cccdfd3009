package org.sunbid.platform.disclosure.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.disclosure.statistics.Figures.RegionGroup;
import org.sunbid.platform.disclosure.statistics.Figures.Row;
import org.sunbid.platform.disclosure.statistics.LotFacts.FailReason;
import org.sunbid.platform.disclosure.statistics.LotFacts.Outcome;

/**
 * The statistics' arithmetic against figures computed by hand on a small fixed set of six lots (the issue asks for
 * it). The set, amounts in yuan:
 * <pre>
 * lot kind  region  notice (UTC)        outcome            budget/start   price        bidders  notice→award
 * A   GCJS  青山县  2026-11-01 02:00    deal               1,000,000      950,000      5        20 d
 * B   ZFCG  临江县  2026-11-10 02:00    deal                 400,000      388,000      3        11.5 d
 * C   ZFCG  云州市  2026-10-31 17:00    failed (too few)     200,000      —            2        —   (Beijing: 11-01 01:00)
 * D   TDSYQ 青山县  2026-10-15 02:00    deal              start 10,000,000  12,345,000  4        30 d
 * E   GYCQ  松源县  2026-10-20 02:00    failed (no bid)   start 500,000  —            1        —
 * F   GCJS  青山县  2026-11-20 02:00    running            3,000,000      —            sealed   —
 * </pre>
 * By hand: value 950,000 + 388,000 + 12,345,000 = 13,683,000.00; 节约资金 50,000 + 12,000 = 62,000.00 of budgets
 * 1,400,000: 节支率 4.428571…% → 4.43; 溢价 2,345,000.00 on 10,000,000: 23.45%; bidders (5+3+2+4+1)/5 = 3.00 (F's are
 * sealed and count nowhere); days 20, 11.5, 30: mean 61.5/3 = 20.5, median 20.0.
 */
class FiguresTest {

    private static final String PROVINCE = "/990000/";
    private static final String CITY = PROVINCE + "990100/";
    private static final String QINGSHAN = CITY + "990121/";
    private static final String LINJIANG = CITY + "990122/";
    private static final String SONGYUAN = CITY + "990123/";

    private static LotFacts lot(String code, DealKind kind, String procedure, String region, String notice, Outcome outcome,
            FailReason reason, String budget, String start, String price, Integer bidders, Duration toAward) {
        Instant at = Instant.parse(notice);
        return new LotFacts(code, kind, procedure, region, at, outcome, reason, budget == null ? null : new BigDecimal(budget),
                start == null ? null : new BigDecimal(start), price == null ? null : new BigDecimal(price), bidders,
                toAward == null ? null : at.plus(toAward));
    }

    static final List<LotFacts> LOTS = List.of(
            lot("A", DealKind.GCJS, "GCJS_OPEN_TENDER", QINGSHAN, "2026-11-01T02:00:00Z", Outcome.DEAL, null, "1000000.00", null,
                    "950000.00", 5, Duration.ofDays(20)),
            lot("B", DealKind.ZFCG, "ZFCG_OPEN_TENDER", LINJIANG, "2026-11-10T02:00:00Z", Outcome.DEAL, null, "400000.00", null,
                    "388000.00", 3, Duration.ofDays(11).plusHours(12)),
            lot("C", DealKind.ZFCG, "ZFCG_OPEN_TENDER", CITY, "2026-10-31T17:00:00Z", Outcome.FAILED, FailReason.TOO_FEW_BIDS,
                    "200000.00", null, null, 2, null),
            lot("D", DealKind.TDSYQ, "TDSYQ_AUCTION", QINGSHAN, "2026-10-15T02:00:00Z", Outcome.DEAL, null, null, "10000000.00",
                    "12345000.00", 4, Duration.ofDays(30)),
            lot("E", DealKind.GYCQ, "GYCQ_LISTING", SONGYUAN, "2026-10-20T02:00:00Z", Outcome.FAILED, FailReason.NO_VALID_BID,
                    null, "500000.00", null, 1, null),
            lot("F", DealKind.GCJS, "GCJS_OPEN_TENDER", QINGSHAN, "2026-11-20T02:00:00Z", Outcome.IN_PROGRESS, null,
                    "3000000.00", null, null, null, null));

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theTotalsOfTheFixedSetAreTheHandComputedOnes() {
        Row total = Figures.row("total", "合计", LOTS);
        assertThat(total).isEqualTo(new Row("total", "合计", 6, 3, d("13683000.00"), 2, d("62000.00"), d("4.43"),
                d("2345000.00"), d("23.45"), d("3.00"), 5, d("20.0"), d("20.5")));
    }

    @Test
    void byKindEachKindHasItsOwnRatesInTheKindsOrder() {
        List<Row> rows = Figures.byKind(LOTS, DealKind::zh);
        assertThat(rows).extracting(Row::key).containsExactly("GCJS", "ZFCG", "TDSYQ", "GYCQ");
        // GCJS: A dealt (saved 50,000 of 1,000,000 = 5.00%), F running with its bidders sealed: average over A alone
        assertThat(rows.get(0)).isEqualTo(new Row("GCJS", "工程建设", 2, 1, d("950000.00"), 0, d("50000.00"), d("5.00"), null,
                null, d("5.00"), 1, d("20.0"), d("20.0")));
        // ZFCG: B saved 12,000 of 400,000 = 3.00% (C failed: its budget is no saving); bidders (3+2)/2 = 2.50
        assertThat(rows.get(1)).isEqualTo(new Row("ZFCG", "政府采购", 2, 1, d("388000.00"), 1, d("12000.00"), d("3.00"), null,
                null, d("2.50"), 2, d("11.5"), d("11.5")));
        assertThat(rows.get(2).premiumRate()).isEqualByComparingTo("23.45");
        assertThat(rows.get(2).savingsRate()).isNull();
        // GYCQ: failed, no deal, so no premium at all
        assertThat(rows.get(3)).isEqualTo(new Row("GYCQ", "国有产权", 1, 0, d("0.00"), 1, null, null, null, null, d("1.00"), 1,
                null, null));
    }

    @Test
    void monthsAreBeijingMonths() {
        // C's notice is 2026-10-31 17:00 UTC, 2026-11-01 01:00 in Beijing: a November lot
        List<Row> rows = Figures.byMonth(LOTS);
        assertThat(rows).extracting(Row::key, Row::lots, Row::deals).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2026-10", 2, 1), org.assertj.core.groups.Tuple.tuple("2026-11", 4, 2));
        assertThat(rows.get(1).value()).isEqualByComparingTo("1338000.00");
    }

    @Test
    void aRegionsRowHoldsItsWholeSubtreeAndTheSelectedRegionItsOwnLots() {
        RegionGroup city = new RegionGroup("990100", "云州市", CITY);
        List<Row> rows = Figures.byRegion(LOTS, city, "云州市（本级）", List.of(new RegionGroup("990121", "青山县", QINGSHAN),
                new RegionGroup("990122", "临江县", LINJIANG), new RegionGroup("990123", "松源县", SONGYUAN)));
        assertThat(rows).extracting(Row::key, Row::name, Row::lots).containsExactly(
                org.assertj.core.groups.Tuple.tuple("990100", "云州市（本级）", 1),
                org.assertj.core.groups.Tuple.tuple("990121", "青山县", 3),
                org.assertj.core.groups.Tuple.tuple("990122", "临江县", 1),
                org.assertj.core.groups.Tuple.tuple("990123", "松源县", 1));
        // 青山县: A and D dealt: 950,000 + 12,345,000; bidders (5+4)/2 = 4.50 (F sealed); days 20 and 30: 25.0
        assertThat(rows.get(1)).extracting(Row::value, Row::averageBidders, Row::medianDays, Row::meanDays)
                .containsExactly(d("13295000.00"), d("4.50"), d("25.0"), d("25.0"));
        // one step up, the province's only child holds everything: the same figures as the total
        List<Row> up = Figures.byRegion(LOTS, new RegionGroup("990000", "示范省", PROVINCE), "示范省（本级）", List.of(city));
        assertThat(up).hasSize(1);
        assertThat(up.get(0)).usingRecursiveComparison().ignoringFields("key", "name")
                .isEqualTo(Figures.row("total", "合计", LOTS));
    }

    @Test
    void failuresAreCountedByReason() {
        assertThat(Figures.failures(LOTS)).containsExactly(new Figures.Failure(FailReason.TOO_FEW_BIDS, 1),
                new Figures.Failure(FailReason.NO_VALID_BID, 1));
    }

    @Test
    void ratesRoundHalfUpOnceAtTheEnd() {
        // saved 125 of 100,000 = 0.125% → 0.13 (half up; half even would give 0.12)
        LotFacts saved = lot("S", DealKind.ZFCG, "ZFCG_OPEN_TENDER", CITY, "2026-11-01T02:00:00Z", Outcome.DEAL, null,
                "100000.00", null, "99875.00", 7, Duration.ofHours(36));
        // a premium of 1 fen on 8.00 yuan = 0.125% → 0.13; the same as the auction's own PremiumRate
        LotFacts premium = lot("P", DealKind.KYQ, "KYQ_AUCTION", CITY, "2026-11-01T02:00:00Z", Outcome.DEAL, null, null,
                "8.00", "8.01", 8, Duration.ofHours(12));
        Row row = Figures.row("x", "x", List.of(saved, premium));
        assertThat(row.savingsRate()).isEqualByComparingTo("0.13");
        assertThat(row.premiumRate()).isEqualByComparingTo("0.13")
                .isEqualByComparingTo(new org.sunbid.platform.auction.domain.PremiumRate(801, 800).percent());
        // bidders 15/2 = 7.50; days 1.5 and 0.5: mean 1.0, median the middle two's mean 1.0
        assertThat(row.averageBidders()).isEqualByComparingTo("7.50");
        assertThat(row.meanDays()).isEqualByComparingTo("1.0");
        assertThat(row.medianDays()).isEqualByComparingTo("1.0");
    }

    @Test
    void anEmptyGroupHasCountsButNoRates() {
        Row row = Figures.row("none", "无", List.of());
        assertThat(row).isEqualTo(new Row("none", "无", 0, 0, d("0.00"), 0, null, null, null, null, null, 0, null, null));
    }

    @Test
    void aDealWithoutAPriceOrAFailureWithoutAReasonIsRefused() {
        assertThatThrownBy(() -> lot("X", DealKind.GCJS, "GCJS_OPEN_TENDER", CITY, "2026-11-01T02:00:00Z", Outcome.DEAL, null,
                "1.00", null, null, 3, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lot("X", DealKind.GCJS, "GCJS_OPEN_TENDER", CITY, "2026-11-01T02:00:00Z", Outcome.FAILED,
                null, "1.00", null, null, 3, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
