package org.sunbid.platform.disclosure.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV as RFC 4180 writes it, UTF-8 with a BOM for Excel. */
class StatisticsCsvTest {

    @Test
    void fieldsWithACommaAQuoteOrALineBreakAreQuotedWithQuotesDoubled() {
        assertThat(StatisticsCsv.field("云州市")).isEqualTo("云州市");
        assertThat(StatisticsCsv.field("挂牌, 拍卖")).isEqualTo("\"挂牌, 拍卖\"");
        assertThat(StatisticsCsv.field("“A” \"B\"")).isEqualTo("\"“A” \"\"B\"\"\"");
        assertThat(StatisticsCsv.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(StatisticsCsv.field(null)).isEmpty();
    }

    @Test
    void theFileStartsWithABomHasCrLfLinesAndReadsBackAsTheTables() {
        StatisticsReports.Report report = new StatisticsReports.Report(
                new StatisticsReports.Query(null, null, null, null, null), List.of(),
                Figures.row("total", "合计", FiguresTest.LOTS), Figures.byKind(FiguresTest.LOTS, k -> k.zh() + ", " + k.en()),
                List.of(), List.of(), Figures.byMonth(FiguresTest.LOTS), List.of(), null);
        byte[] bytes = StatisticsCsv.of(report, c -> c);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).hasSize(1 + 1 + 4 + 2 + 1); // header, total, 4 kinds, 2 months, then nothing
        assertThat(text).contains("kind,GCJS,\"工程建设, Construction\",2,1,950000.00,0,50000.00,5.00,,,5.00,1,20.0,20.0\r\n");
        List<List<String>> rows = org.sunbid.platform.CsvText.parse(text);
        assertThat(rows.get(0)).isEqualTo(StatisticsCsv.COLUMNS);
        assertThat(rows.get(1)).containsExactly("total", "total", "合计", "6", "3", "13683000.00", "2", "62000.00", "4.43",
                "2345000.00", "23.45", "3.00", "5", "20.0", "20.5");
        assertThat(rows.get(2).get(2)).isEqualTo("工程建设, Construction");
    }
}
