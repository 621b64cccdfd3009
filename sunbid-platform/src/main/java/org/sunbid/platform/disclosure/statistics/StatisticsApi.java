package org.sunbid.platform.disclosure.statistics;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;

/**
 * 交易统计 as open data, no login: {@code GET /api/v1/statistics?region=&kind=&procedure=&from=&to=} (JSON, or
 * {@code format=csv}) and {@code GET /api/v1/statistics.csv} (the same tables as CSV, UTF-8 with BOM). Bad filters are
 * problem+json with the portal list's codes ({@code DISCLOSURE_UNKNOWN_REGION}, {@code DEALS_UNKNOWN_KIND},
 * {@code DEALS_UNKNOWN_PROCEDURE}, {@code DISCLOSURE_BAD_DATE_RANGE}, {@code INVALID_PARAMETER} for a date that is not
 * one), an unknown format {@code STATISTICS_UNKNOWN_FORMAT}.
 */
@RestController
class StatisticsApi {

    private final StatisticsReports reports;
    private final MessageSource messages;

    StatisticsApi(StatisticsReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/api/v1/statistics")
    ResponseEntity<?> statistics(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String format, Locale locale) {
        String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("json") && !f.equals("csv")) {
            throw new DomainException(StatisticsError.STATISTICS_UNKNOWN_FORMAT, format);
        }
        StatisticsReports.Report report = reports.report(query(region, kind, procedure, from, to), locale);
        if (f.equals("csv")) {
            return csv(report, locale);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(StatisticsJson.of(report));
    }

    @GetMapping("/api/v1/statistics.csv")
    ResponseEntity<?> statisticsCsv(@RequestParam(required = false) String region, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String procedure,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        return csv(reports.report(query(region, kind, procedure, from, to), locale), locale);
    }

    static StatisticsReports.Query query(String region, String kind, String procedure, LocalDate from, LocalDate to) {
        return new StatisticsReports.Query(blank(region), blank(kind), blank(procedure), from, to);
    }

    private ResponseEntity<byte[]> csv(StatisticsReports.Report report, Locale locale) {
        byte[] body = StatisticsCsv.of(report, c -> messages.getMessage("statistics.col." + c, null, locale));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("statistics.csv").build().toString())
                .body(body);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
