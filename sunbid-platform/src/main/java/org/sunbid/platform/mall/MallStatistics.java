package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mall's sales (电子卖场交易统计) per supplier, buyer, category and region: every order not refused at acceptance
 * counts, at its total, on the Beijing day it was placed (the day its contract was published). Public: the orders are
 * published contracts. The portal's statistics page ({@code disclosure}) reads them here for its e-mall section.
 */
@Service
public class MallStatistics {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    MallStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row: what it is (a supplier's or buyer's id, a category's code, a region's code), its name, how many orders, their total in yuan. */
    public record Row(String key, String name, long orders, BigDecimal total) {
    }

    /**
     * Which orders count.
     *
     * @param from        the first Beijing day of orders, or null for no bound
     * @param to          the last Beijing day of orders (inclusive), or null for no bound
     * @param regionCodes the buyers' regions the orders must be in, or null for any (an empty set matches nothing)
     */
    public record Scope(LocalDate from, LocalDate to, Collection<String> regionCodes) {

        public Scope {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("to before from");
            }
            regionCodes = regionCodes == null ? null : List.copyOf(regionCodes);
        }

        /** One calendar year, every region. */
        public static Scope year(int year) {
            return new Scope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
        }
    }

    /**
     * The sales in a scope by each dimension, each table largest total first (then by key). {@code byRegion} is by the
     * buyer's own region code (its name is the code too: callers name regions from {@code catalog}).
     */
    public record Sales(Scope scope, long orders, BigDecimal total, List<Row> bySupplier, List<Row> byBuyer, List<Row> byCategory,
            List<Row> byRegion) {
    }

    /** The year's sales (Beijing calendar year), every region. */
    public Sales of(int year) {
        return of(Scope.year(year));
    }

    public Sales of(Scope scope) {
        if (scope.regionCodes() != null && scope.regionCodes().isEmpty()) {
            return new Sales(scope, 0, BigDecimal.ZERO.setScale(2), List.of(), List.of(), List.of(), List.of());
        }
        StringBuilder where = new StringBuilder(
                " FROM mall_order o JOIN mall_category c ON c.id = o.category_id WHERE o.status <> 'REJECTED'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (scope.from() != null) {
            where.append(" AND o.ordered_at >= :from");
            params.put("from", scope.from().atStartOfDay(BEIJING).toOffsetDateTime());
        }
        if (scope.to() != null) {
            where.append(" AND o.ordered_at < :to");
            params.put("to", scope.to().plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime());
        }
        if (scope.regionCodes() != null) {
            where.append(" AND o.region_code IN (:regions)");
            params.put("regions", scope.regionCodes());
        }
        String w = where.toString();
        var totals = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(o.total), 0)" + w).params(params)
                .query((rs, n) -> new Row("", "", rs.getLong(1), rs.getBigDecimal(2))).single();
        return new Sales(scope, totals.orders(), totals.total().setScale(2),
                rows("o.supplier_id::text", "MIN(o.supplier_name)", w, params),
                rows("o.buyer_id::text", "MIN(o.buyer_name)", w, params),
                rows("c.code", "MIN(c.name) || '（' || MIN(c.item_code) || '）'", w, params),
                rows("o.region_code", "o.region_code", w, params));
    }

    // the column expressions and the where clause are constants of this class, never input; the values are parameters
    private List<Row> rows(String key, String name, String where, Map<String, Object> params) {
        return jdbc.sql("SELECT " + key + ", " + name + ", COUNT(*), SUM(o.total)" + where + " GROUP BY " + key
                        + " ORDER BY SUM(o.total) DESC, 1").params(params)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4))).list();
    }
}
