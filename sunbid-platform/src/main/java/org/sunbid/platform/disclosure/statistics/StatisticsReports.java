package org.sunbid.platform.disclosure.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.disclosure.DisclosureError;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.disclosure.statistics.Figures.RegionGroup;
import org.sunbid.platform.disclosure.statistics.Figures.Row;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.MallStatistics;

/**
 * The statistics for a query, named in the reader's language: the figures of {@link Figures} over the lots of
 * {@link PublicLots}, the region rows one step down the tree from the chosen region (with no region chosen and one root
 * in the tree, the root's children), and the trail from the root to the chosen region for going back up.
 */
@Service
class StatisticsReports {

    /** The query; each null means any. Bad values are refused as the portal's list refuses them. */
    record Query(String region, String kind, String procedure, LocalDate from, LocalDate to) {

        ProjectPortal.Filter filter() {
            return new ProjectPortal.Filter(kind, procedure, region, null, from, to);
        }
    }

    /** A region on the trail: code and name. */
    record Place(String code, String name) {
    }

    /** Failed lots of one reason: its code, its name, how many. */
    record FailureRow(String reason, String name, int count) {
    }

    /**
     * The statistics.
     *
     * @param query       what was asked
     * @param trail       from the root down to the region whose children the region rows are (empty for several roots)
     * @param total       all lots matching
     * @param byKind      by kind of deal
     * @param byProcedure by procedure
     * @param byRegion    the chosen region's own lots, then each child region's subtree
     * @param byMonth     by Beijing month of the notice
     * @param failures    failed lots by reason
     * @param mall        the e-mall's orders in the region's subtree and the dates, or null where the query names a
     *                    procedure or a kind other than government procurement (mall orders have neither)
     */
    record Report(Query query, List<Place> trail, Row total, List<Row> byKind, List<Row> byProcedure, List<Row> byRegion,
            List<Row> byMonth, List<FailureRow> failures, MallFigures.Report mall) {

        /** The rows of every table, each with its table's name: what the CSV holds, in the page's order. */
        List<Map.Entry<String, Row>> tableRows() {
            List<Map.Entry<String, Row>> rows = new ArrayList<>();
            rows.add(Map.entry("total", total));
            byKind.forEach(r -> rows.add(Map.entry("kind", r)));
            byRegion.forEach(r -> rows.add(Map.entry("region", r)));
            byMonth.forEach(r -> rows.add(Map.entry("month", r)));
            byProcedure.forEach(r -> rows.add(Map.entry("procedure", r)));
            return rows;
        }
    }

    private final PublicLots lots;
    private final Regions regions;
    private final Procedures procedures;
    private final MessageSource messages;
    private final MallStatistics mall;

    StatisticsReports(PublicLots lots, Regions regions, Procedures procedures, MessageSource messages, MallStatistics mall) {
        this.lots = lots;
        this.regions = regions;
        this.procedures = procedures;
        this.messages = messages;
        this.mall = mall;
    }

    Report report(Query query, Locale locale) {
        if (query.region() != null && regions.find(query.region()).isEmpty()) {
            throw new DomainException(DisclosureError.DISCLOSURE_UNKNOWN_REGION, query.region());
        }
        List<LotFacts> facts = lots.matching(query.filter());
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        List<Region> all = regions.all();
        Region selected = query.region() != null ? regions.get(query.region()) : soleRoot(all);
        List<RegionGroup> children = all.stream()
                .filter(r -> selected == null ? r.parentCode() == null : selected.code().equals(r.parentCode()))
                .sorted(Comparator.comparing(Region::code)).map(StatisticsReports::group).toList();
        Map<String, String> procedureNames = procedures.all().stream()
                .collect(Collectors.toMap(ProcedureView::code, v -> english ? v.kind().en() + " · " + v.nameEn()
                        : v.kind().zh() + " · " + v.nameZh())); // the kind first: 公开招标 and 挂牌出让 exist in several kinds
        List<Place> trail = new ArrayList<>();
        if (selected != null) {
            Map<String, Region> byCode = all.stream().collect(Collectors.toMap(Region::code, r -> r));
            for (String code : selected.path().split("/")) {
                if (!code.isEmpty() && byCode.containsKey(code)) {
                    trail.add(new Place(code, byCode.get(code).name()));
                }
            }
        }
        Row total = Figures.row("total", messages.getMessage("statistics.total", null, locale), facts);
        String ownName = selected == null ? null
                : messages.getMessage("statistics.region.own", new Object[] {selected.name()}, locale);
        MallFigures.Report mallReport = null;
        if (query.procedure() == null && (query.kind() == null || DealKind.ZFCG.name().equals(query.kind()))) {
            MallStatistics.Sales sales = mall.of(new MallStatistics.Scope(query.from(), query.to(),
                    query.region() == null ? null : regions.subtreeCodes(query.region())));
            mallReport = MallFigures.of(sales, all.stream().collect(Collectors.toMap(Region::code, Region::path)),
                    selected == null ? null : group(selected), ownName, children);
        }
        return new Report(query, List.copyOf(trail), total,
                Figures.byKind(facts, k -> english ? k.en() : k.zh()),
                Figures.byProcedure(facts, c -> procedureNames.getOrDefault(c, c)),
                Figures.byRegion(facts, selected == null ? null : group(selected), ownName, children),
                Figures.byMonth(facts),
                Figures.failures(facts).stream().map(f -> new FailureRow(f.reason().name(),
                        messages.getMessage("statistics.reason." + f.reason().name(), null, locale), f.count())).toList(),
                mallReport);
    }

    private static Region soleRoot(List<Region> all) {
        List<Region> roots = all.stream().filter(r -> r.parentCode() == null).toList();
        return roots.size() == 1 ? roots.get(0) : null;
    }

    private static RegionGroup group(Region r) {
        return new RegionGroup(r.code(), r.name(), r.path());
    }
}
