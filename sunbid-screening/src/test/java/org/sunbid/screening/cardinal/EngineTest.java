package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cases the fixtures do not cover: currencies, repeated ocids, empty input, merging in any order, serialization. */
class EngineTest {

    private static final String TWO_CURRENCIES = """
            {"ocid":"usd1","awards":[{"status":"active","suppliers":[{"id":"W"}]}],"bids":{"details":[{"status":"valid","value":{"amount":1,"currency":"USD"},"tenderers":[{"id":"W"}]},{"status":"valid","value":{"amount":101,"currency":"USD"},"tenderers":[{"id":"L"}]}]}}
            {"ocid":"eur1","awards":[{"status":"active","suppliers":[{"id":"W"}]}],"bids":{"details":[{"status":"valid","value":{"amount":1,"currency":"EUR"},"tenderers":[{"id":"W"}]},{"status":"valid","value":{"amount":101,"currency":"EUR"},"tenderers":[{"id":"L"}]}]}}
            {"ocid":"usd2","awards":[{"status":"active","suppliers":[{"id":"W"}]}],"bids":{"details":[{"status":"valid","value":{"amount":1,"currency":"USD"},"tenderers":[{"id":"W"}]},{"status":"valid","value":{"amount":1,"currency":"USD"},"tenderers":[{"id":"L"}]}]}}
            """;

    private static String run(String settings, String lines) throws Exception {
        Engine engine = new Engine(Settings.parse(settings));
        LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, 1, LineFolder.DEFAULT_CHUNK, false,
                w -> { });
        return engine.finish(folder.fold(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))))
                .toJson(true);
    }

    @Test
    void amountsAreComparedInTheFirstCurrencyMet() throws Exception {
        assertEquals("{\"OCID\":{\"usd1\":{\"R058\":100.0}},\"Tenderer\":{\"W\":{\"R058\":0.0}},"
                + "\"Meta\":{\"R058\":{\"upper_fence\":50.0}}}", run("[R058]\nthreshold = 50\n", TWO_CURRENCIES));
    }

    @Test
    void amountsInOtherCurrenciesAreReportedUnlessInformational() throws Exception {
        Engine engine = new Engine(Settings.parse("[R058]\n[R036]\n"));
        LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, 1, 1 << 20, false, w -> { });
        Output out = engine.finish(folder.fold(new ByteArrayInputStream(TWO_CURRENCIES.getBytes(StandardCharsets.UTF_8))));
        assertEquals(java.util.List.of("2 valid bid amount(s) not in USD skipped by R024/R058",
                "2 submitted bid amount(s) not in USD skipped by R036"), out.warnings());
        Engine quiet = new Engine(Settings.parse("[output]\ninfo_currency_mismatches = true\n[R058]\n[R036]\n"));
        LineFolder quietFolder = new LineFolder(quiet, JacksonProcessReader::new, 1, 1 << 20, false, w -> { });
        assertTrue(quiet.finish(quietFolder.fold(new ByteArrayInputStream(
                TWO_CURRENCIES.getBytes(StandardCharsets.UTF_8)))).warnings().isEmpty());
    }

    @Test
    void theConfiguredCurrencyWins() throws Exception {
        assertEquals("{\"OCID\":{\"eur1\":{\"R058\":100.0}},\"Tenderer\":{\"W\":{\"R058\":0.0}},"
                        + "\"Meta\":{\"R058\":{\"upper_fence\":50.0}}}",
                run("currency = EUR\n[R058]\nthreshold = 50\n", TWO_CURRENCIES));
    }

    @Test
    void theFirstCurrencyDoesNotDependOnWhichPartIsMergedFirst() throws Exception {
        Engine engine = new Engine(Settings.parse("[R058]\nthreshold = 50\n"));
        String[] lines = TWO_CURRENCIES.split("\n");
        JacksonProcessReader reader = new JacksonProcessReader();
        Fold[] parts = new Fold[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = engine.newFold();
            byte[] b = lines[i].getBytes(StandardCharsets.UTF_8);
            parts[i].add(reader.read(b, 0, b.length, i * 1000L));
        }
        Fold merged = parts[2].merge(parts[1]).merge(parts[0]);
        assertTrue(engine.finish(merged).toJson(false).contains("\"usd1\""));
    }

    @Test
    void emptyInputGivesAnEmptyObjectAndEmptyMeta() throws Exception {
        assertEquals("{\"Meta\":{}}", run("[R003]\n", ""));
        assertEquals("{\"Meta\":{}}", run("", "{\"ocid\":\"a\",\"tender\":{\"numberOfTenderers\":1}}\n"));
    }

    @Test
    void metaOfAnEmptyDistributionIsNull() throws Exception {
        assertEquals("{\"Meta\":{\"R024\":{\"q1\":null,\"q3\":null,\"lower_fence\":null}}}", run("[R024]\n", "{}\n"));
    }

    @Test
    void severalIndicatorsShareAKey() throws Exception {
        String line = "{\"ocid\":\"x\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":1,"
                + "\"tenderPeriod\":{\"startDate\":\"2020-01-01T00:00:00Z\",\"endDate\":\"2020-01-02T00:00:00Z\"}}}\n";
        assertEquals("{\"OCID\":{\"x\":{\"R003\":1.0,\"R018\":1.0}},\"Meta\":{}}", run("[R018]\n[R003]\n", line));
    }

    @Test
    void excludedAndCancelledProcessesAreSkipped() throws Exception {
        String lines = """
                {"ocid":"a","tender":{"numberOfTenderers":1,"procurementMethod":"open","procurementMethodDetails":"EXC"}}
                {"ocid":"b","tender":{"numberOfTenderers":1,"procurementMethod":"open","status":"cancelled"}}
                {"ocid":"c","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}
                """;
        assertEquals("{\"OCID\":{\"c\":{\"R018\":1.0}}}",
                run("[exclusions]\nprocurement_method_details = EXC\n[R018]\n", lines).replace(",\"Meta\":{}", ""));
    }

    @Test
    void foldsAreSerializableForSpark() throws Exception {
        Engine engine = new Engine(Settings.parse("[R024]\n[R025]\n[R038]\n[R048]\nminimum_contracting_processes = 1\n"));
        Fold fold = engine.newFold();
        JacksonProcessReader reader = new JacksonProcessReader();
        long seq = 0;
        for (String line : TWO_CURRENCIES.split("\n")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            fold.add(reader.read(b, 0, b.length, seq++));
        }
        String direct = new Engine(engine.settings()).finish(copy(fold)).toJson(true);
        Fold copied = copy(fold);
        assertEquals(direct, copy(engine).finish(copied).toJson(true));
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
