package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.platform.disclosure.statistics.Figures.RegionGroup;
import org.sunbid.platform.mall.MallStatistics;
import org.sunbid.platform.mall.MallStatistics.Row;

/**
 * The e-mall's part of the statistics (电子卖场交易统计, issue 22), plain Java over the mall's published sales
 * ({@link MallStatistics}): its totals, by category, one step down the region tree as the lots' region table goes, and
 * the largest suppliers and buyers.
 */
final class MallFigures {

    /** How many suppliers and buyers the page lists (the mall's own statistics page lists them all). */
    static final int TOP = 10;

    private MallFigures() {
    }

    /**
     * The e-mall's figures for the page.
     *
     * @param orders       orders counted (not refused at acceptance)
     * @param total        their total, yuan
     * @param suppliers    how many suppliers sold
     * @param buyers       how many buyers bought
     * @param byCategory   by category, largest first
     * @param byRegion     the chosen region's own orders, then each child region's subtree (as the lots' table)
     * @param topSuppliers the {@link #TOP} largest suppliers
     * @param topBuyers    the {@link #TOP} largest buyers
     */
    record Report(long orders, BigDecimal total, int suppliers, int buyers, List<Row> byCategory, List<Row> byRegion,
            List<Row> topSuppliers, List<Row> topBuyers) {
    }

    static Report of(MallStatistics.Sales sales, Map<String, String> paths, RegionGroup selected, String ownName,
            List<RegionGroup> children) {
        return new Report(sales.orders(), sales.total(), sales.bySupplier().size(), sales.byBuyer().size(), sales.byCategory(),
                byRegion(sales.byRegion(), paths, selected, ownName, children), top(sales.bySupplier()), top(sales.byBuyer()));
    }

    /**
     * One step down the region tree, as {@link Figures#byRegion} does for lots: a row for {@code selected}'s own orders
     * (named {@code ownName}) when there are any, then a row per child holding its whole subtree's orders, in the
     * children's order; rows of a region in none of them (unknown to {@code paths}) are in no row.
     *
     * @param rows  the sales by the buyers' own region codes
     * @param paths every region's path by its code
     */
    static List<Row> byRegion(List<Row> rows, Map<String, String> paths, RegionGroup selected, String ownName,
            List<RegionGroup> children) {
        List<Row> out = new ArrayList<>();
        if (selected != null) {
            Row own = sum(selected.code(), ownName, rows.stream().filter(r -> selected.path().equals(paths.get(r.key()))).toList());
            if (own.orders() > 0) {
                out.add(own);
            }
        }
        Map<RegionGroup, List<Row>> groups = new LinkedHashMap<>();
        children.forEach(c -> groups.put(c, new ArrayList<>()));
        for (Row r : rows) {
            String path = paths.get(r.key());
            if (path != null) {
                children.stream().filter(c -> path.startsWith(c.path())).findFirst().ifPresent(c -> groups.get(c).add(r));
            }
        }
        groups.forEach((c, rs) -> {
            if (!rs.isEmpty()) {
                out.add(sum(c.code(), c.name(), rs));
            }
        });
        return out;
    }

    private static Row sum(String key, String name, List<Row> rows) {
        long orders = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Row r : rows) {
            orders += r.orders();
            total = total.add(r.total());
        }
        return new Row(key, name, orders, total);
    }

    private static List<Row> top(List<Row> rows) {
        return rows.size() <= TOP ? rows : List.copyOf(rows.subList(0, TOP));
    }
}
