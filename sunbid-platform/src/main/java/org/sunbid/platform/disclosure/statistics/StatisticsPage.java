package org.sunbid.platform.disclosure.statistics;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Procedures;

/**
 * The portal's statistics page (交易统计): headline figures, then each table beside its chart (ECharts from the
 * WebJar; the table is what the CSV holds and what a screen reader or a browser without script reads), the region rows
 * leading one step down the tree and the trail back up, a CSV download of the same tables.
 */
@Controller
class StatisticsPage {

    private final StatisticsReports reports;
    private final Procedures procedures;
    private final tools.jackson.databind.json.JsonMapper json;

    StatisticsPage(StatisticsReports reports, Procedures procedures, tools.jackson.databind.json.JsonMapper json) {
        this.reports = reports;
        this.procedures = procedures;
        this.json = json;
    }

    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
            Model model) {
        StatisticsReports.Query query = StatisticsApi.query(region, kind, procedure, from, to);
        StatisticsReports.Report report = reports.report(query, locale);
        model.addAttribute("query", query);
        model.addAttribute("report", report);
        model.addAttribute("kinds", DealKind.values());
        model.addAttribute("procedures", procedures.all());
        // inside a script element: "</" would end it
        model.addAttribute("data", json.writeValueAsString(StatisticsJson.of(report)).replace("</", "<\\/"));
        model.addAttribute("csvUrl", link("/api/v1/statistics.csv", query, query.region()));
        model.addAttribute("jsonUrl", link("/api/v1/statistics", query, query.region()));
        model.addAttribute("drill", new Drill(query));
        return "portal/statistics";
    }

    /** Links to the same statistics for another region (the page's drill-down), keeping the other filters. */
    record Drill(StatisticsReports.Query query) {

        /** The page for region {@code code} (null: every region). */
        public String to(String code) {
            return link("/statistics", query, code);
        }
    }

    static String link(String path, StatisticsReports.Query q, String region) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (region != null) {
            b.queryParam("region", region);
        }
        if (q.kind() != null) {
            b.queryParam("kind", q.kind());
        }
        if (q.procedure() != null) {
            b.queryParam("procedure", q.procedure());
        }
        if (q.from() != null) {
            b.queryParam("from", q.from());
        }
        if (q.to() != null) {
            b.queryParam("to", q.to());
        }
        return b.encode().build().toUriString();
    }
}
