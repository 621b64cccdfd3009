package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sunbid.platform.disclosure.statistics.Figures.Row;

/**
 * The statistics' tables as one CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, a quote or a line
 * break in double quotes and its quotes doubled), UTF-8 with a byte-order mark so that Excel opens the Chinese names.
 * One row per table row, the first column naming the table (total, kind, region, month, procedure: the page's order);
 * amounts in yuan and rates in percent exactly as the JSON gives them; an empty field where the JSON has null.
 */
final class StatisticsCsv {

    /** The columns' message keys ({@code statistics.col.<name>}), in order. */
    static final List<String> COLUMNS = List.of("table", "key", "name", "lots", "deals", "value", "failed", "savings",
            "savingsRate", "premium", "premiumRate", "averageBidders", "lotsWithBidders", "medianDays", "meanDays");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatisticsCsv() {
    }

    /** The CSV's bytes: BOM, the header row in {@code headers}' words, then every table row of {@code report}. */
    static byte[] of(StatisticsReports.Report report, Function<String, String> headers) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.stream().map(headers).toList());
        for (Map.Entry<String, Row> e : report.tableRows()) {
            Row r = e.getValue();
            line(out, java.util.Arrays.asList(e.getKey(), r.key(), r.name(), String.valueOf(r.lots()), String.valueOf(r.deals()),
                    plain(r.value()), String.valueOf(r.failed()), plain(r.savings()), plain(r.savingsRate()), plain(r.premium()),
                    plain(r.premiumRate()), plain(r.averageBidders()), String.valueOf(r.lotsWithBidders()),
                    plain(r.medianDays()), plain(r.meanDays())));
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    /** One field as RFC 4180 writes it. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }
}
