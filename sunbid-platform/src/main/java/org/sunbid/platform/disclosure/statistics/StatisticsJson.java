package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.sunbid.platform.disclosure.statistics.Figures.Row;

/**
 * The statistics as open data: amounts in yuan and rates in percent as strict decimal strings (as the portal's project
 * API gives amounts), null where no lot qualifies; the rounding named. The page's charts draw from the same document.
 */
record StatisticsJson(QueryJson query, List<StatisticsReports.Place> trail, String rounding, RowJson total, List<RowJson> byKind,
        List<RowJson> byRegion, List<RowJson> byProcedure, List<RowJson> byMonth, List<StatisticsReports.FailureRow> failures,
        MallJson mall) {

    record QueryJson(String region, String kind, String procedure, LocalDate from, LocalDate to) {
    }

    /** One row of a table; see {@link Figures.Row} for what each figure is. */
    record RowJson(String key, String name, int lots, int deals, String value, int failed, String savings, String savingsRate,
            String premium, String premiumRate, String averageBidders, int lotsWithBidders, String medianDays, String meanDays) {

        static RowJson of(Row r) {
            return new RowJson(r.key(), r.name(), r.lots(), r.deals(), plain(r.value()), r.failed(), plain(r.savings()),
                    plain(r.savingsRate()), plain(r.premium()), plain(r.premiumRate()), plain(r.averageBidders()),
                    r.lotsWithBidders(), plain(r.medianDays()), plain(r.meanDays()));
        }
    }

    /**
     * The e-mall's orders (电子卖场) in the query's regions and dates (by the day each order was placed), null where
     * the query names a procedure or a kind other than ZFCG; see {@link MallFigures.Report}.
     */
    record MallJson(long orders, String total, int suppliers, int buyers, List<MallRowJson> byCategory,
            List<MallRowJson> byRegion, List<MallRowJson> topSuppliers, List<MallRowJson> topBuyers) {

        static MallJson of(MallFigures.Report m) {
            return m == null ? null : new MallJson(m.orders(), plain(m.total()), m.suppliers(), m.buyers(), rows(m.byCategory()),
                    rows(m.byRegion()), rows(m.topSuppliers()), rows(m.topBuyers()));
        }

        private static List<MallRowJson> rows(List<org.sunbid.platform.mall.MallStatistics.Row> rows) {
            return rows.stream().map(r -> new MallRowJson(r.key(), r.name(), r.orders(), plain(r.total()))).toList();
        }
    }

    /** One row of the e-mall's tables: a category's code, a region's code or a supplier's or buyer's id; its name. */
    record MallRowJson(String key, String name, long orders, String total) {
    }

    static StatisticsJson of(StatisticsReports.Report r) {
        StatisticsReports.Query q = r.query();
        return new StatisticsJson(new QueryJson(q.region(), q.kind(), q.procedure(), q.from(), q.to()), r.trail(),
                Figures.ROUNDING.name(), RowJson.of(r.total()), rows(r.byKind()), rows(r.byRegion()), rows(r.byProcedure()),
                rows(r.byMonth()), r.failures(), MallJson.of(r.mall()));
    }

    private static List<RowJson> rows(List<Row> rows) {
        return rows.stream().map(RowJson::of).toList();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
