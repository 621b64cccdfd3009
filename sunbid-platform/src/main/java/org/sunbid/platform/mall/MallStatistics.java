package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mall's sales (电子卖场交易统计) per supplier, buyer, category and region in a year: every order not refused at
 * acceptance counts, at its total. Public: the orders are published contracts.
 */
@Service
public class MallStatistics {

    private final JdbcClient jdbc;

    MallStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row: what it is, how many orders, their total in yuan. */
    public record Row(String key, String name, long orders, BigDecimal total) {
    }

    /** The year's sales by each dimension. */
    public record Sales(int year, long orders, BigDecimal total, List<Row> bySupplier, List<Row> byBuyer, List<Row> byCategory,
                        List<Row> byRegion) {
    }

    public Sales of(int year) {
        String where = " FROM mall_order o JOIN mall_category c ON c.id = o.category_id WHERE o.status <> 'REJECTED'"
                + " AND EXTRACT(YEAR FROM o.ordered_at AT TIME ZONE 'Asia/Shanghai') = :y";
        var totals = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(o.total), 0)" + where).param("y", year)
                .query((rs, n) -> new Row("", "", rs.getLong(1), rs.getBigDecimal(2))).single();
        return new Sales(year, totals.orders(), totals.total(),
                rows("o.supplier_id::text", "MIN(o.supplier_name)", where, year),
                rows("o.buyer_id::text", "MIN(o.buyer_name)", where, year),
                rows("c.code", "MIN(c.name) || '（' || MIN(c.item_code) || '）'", where, year),
                rows("o.region_code", "o.region_code", where, year));
    }

    // the column expressions are constants of this class, never input
    private List<Row> rows(String key, String name, String where, int year) {
        return jdbc.sql("SELECT " + key + ", " + name + ", COUNT(*), SUM(o.total)" + where + " GROUP BY " + key
                        + " ORDER BY SUM(o.total) DESC, 1").param("y", year)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list();
    }
}
