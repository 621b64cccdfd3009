package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sunbid.screening.Cli;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Acceptance 1 for the Spark module: on every Cardinal fixture ({@code sunbid-screening}'s test resources, settings
 * from the fixture's name as Cardinal's own test build makes them, see {@link #settings}), the Spark screening prints
 * exactly what the CLI prints and Cardinal's expected output; in one partition without the meta block, in many (each
 * fixture cut into partitions of a few lines, so the folds of many partitions are merged) with it, and with the input
 * spread over several files (a directory, gzip).
 */
class CardinalFixturesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(CardinalFixturesTest.class.getResource("/cardinal").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList();
            assertTrue(names.size() >= 15, "Cardinal's fixtures: " + names);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void printsWhatTheCliPrintsAndCardinalExpects(String fixture) throws Exception {
        Path input = fixture(fixture + ".jsonl");
        Path settings = Files.writeString(dir.resolve("settings.ini"), settings(fixture));
        String expected = Files.readString(fixture(fixture + ".expected"), StandardCharsets.UTF_8);

        // one partition, --no-meta: Cardinal's expected output and the CLI's, byte for byte
        List<String> noMeta = List.of("indicators", "--settings", settings.toString(), "--no-meta", input.toString());
        String onePartition = spark(noMeta);
        assertEquals(cli(noMeta), onePartition, fixture + " --no-meta");
        assertEquals(JSON.readTree(expected), JSON.readTree(onePartition), fixture + " against Cardinal");

        // partitions of 200 bytes (a few lines each), so that many folds are merged; with the Meta block
        List<String> meta = List.of("indicators", "--settings", settings.toString(), input.toString());
        String manyPartitions = withSplitsOf(200, () -> {
            int partitions = JsonLines.foldPartitions(context(), JsonLines.files(
                    spark.sparkContext().hadoopConfiguration(), List.of(input.toString())), () -> null)
                    .getNumPartitions();
            assertTrue(partitions >= Files.size(input) / 200, fixture + ": " + partitions + " partitions");
            return spark(meta);
        });
        assertEquals(cli(meta), manyPartitions, fixture + " in partitions of 200 bytes");
    }

    @Test
    void readsAFixtureSpreadOverADirectoryOfFilesAndGzipAsTheCliReadsItWhole() throws Exception {
        String fixture = "R024"; // the largest: 22 processes, results in two groups
        Path input = fixture(fixture + ".jsonl");
        Path settings = Files.writeString(dir.resolve("settings.ini"), settings(fixture));
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        Path parts = Files.createDirectories(dir.resolve("parts/2026"));
        int third = lines.size() / 3;
        Files.write(parts.resolve("1.jsonl"), lines.subList(0, third));
        Files.write(parts.resolve("2.jsonl"), lines.subList(third, 2 * third));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(parts.resolve("3.jsonl.gz")))) {
            gz.write((String.join("\n", lines.subList(2 * third, lines.size())) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        String cli = cli(List.of("indicators", "--settings", settings.toString(), input.toString()));
        String spark = spark(List.of("indicators", "--settings", settings.toString(), dir.resolve("parts").toString()));

        assertEquals(cli, spark);
    }

    /** Beyond the fixtures: 5,000 random processes, every indicator enabled, ~20 partitions, many ties. */
    @Test
    void printsWhatTheCliPrintsForManyRandomProcessesWithEveryIndicator() throws Exception {
        Path input = dir.resolve("random.jsonl");
        RandomProcesses.write(input, 5_000, 19);
        StringBuilder ini = new StringBuilder("no_price_comparison_procurement_methods = NPC\n\n[exclusions]\n"
                + "procurement_method_details = EXC\n\n");
        for (String indicator : List.of("R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038",
                "R048", "R058")) {
            ini.append('[').append(indicator).append("]\n");
            if (indicator.equals("R048")) {
                ini.append("minimum_contracting_processes = 2\n");
            }
        }
        Path settings = Files.writeString(dir.resolve("settings.ini"), ini.toString());
        List<String> args = List.of("indicators", "--settings", settings.toString(), input.toString());

        String cli = cli(args);
        String spark = withSplitsOf(Files.size(input) / 20, () -> spark(args));

        assertEquals(cli, spark);
        for (String indicator : List.of("R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038",
                "R048", "R058")) {
            assertTrue(spark.contains("\"" + indicator + "\""), indicator + " found nothing: " + spark);
        }
    }

    /**
     * The platform's daily export holds releases, several per process: with {@code --compile} they are compiled per
     * ocid first. The random processes cut into releases (tender; bids all pending; awards; the bids' final statuses,
     * dated last but written first; a later file repeating the tender releases) give what the CLI gives on the
     * compiled file.
     */
    @Test
    void compilesReleasesPerProcessBeforeScreening() throws Exception {
        Path compiled = dir.resolve("random.jsonl");
        RandomProcesses.write(compiled, 2_000, 40);
        Path releases = Files.createDirectories(dir.resolve("releases"));
        JsonMapper json = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        List<String> first = new ArrayList<>();
        List<String> later = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (String line : Files.readAllLines(compiled, StandardCharsets.UTF_8)) {
            if (!line.startsWith("{")) {
                first.add(line);
                continue;
            }
            ObjectNode process = (ObjectNode) json.readTree(line);
            String ocid = process.get("ocid").stringValue();
            ObjectNode tender = process.deepCopy();
            tender.remove(List.of("bids", "awards"));
            first.add(json.writeValueAsString(release(json, tender, ocid, 1)));
            if (first.size() % 3 == 0) {
                repeated.add(first.get(first.size() - 1));
            }
            List<String> mine = new ArrayList<>();
            if (process.get("bids") != null) {
                ObjectNode bids = (ObjectNode) process.get("bids").deepCopy();
                tools.jackson.databind.node.ArrayNode statuses = json.createArrayNode();
                for (tools.jackson.databind.JsonNode detail : bids.get("details")) {
                    if (detail.get("status") != null) {
                        statuses.add(json.createObjectNode().put("id", detail.get("id").asInt())
                                .put("status", detail.get("status").stringValue()));
                        ((ObjectNode) detail).put("status", "pending");
                    }
                }
                mine.add(json.writeValueAsString(release(json, json.createObjectNode().set("bids", bids), ocid, 2)));
                mine.add(0, json.writeValueAsString(release(json, json.createObjectNode()
                        .set("bids", json.createObjectNode().set("details", statuses)), ocid, 4)));
            }
            if (process.get("awards") != null) {
                mine.add(json.writeValueAsString(release(json,
                        json.createObjectNode().set("awards", process.get("awards")), ocid, 3)));
            }
            later.addAll(0, mine);
        }
        Files.write(releases.resolve("2026-01-01.jsonl"), first);
        Files.write(releases.resolve("2026-01-02.jsonl"), later);
        Files.write(releases.resolve("2026-01-03.jsonl"), repeated);
        Path settings = Files.writeString(dir.resolve("settings.ini"), "[R024]\n[R028]\n[R030]\n[R035]\n[R036]\n"
                + "[R038]\n[R048]\nminimum_contracting_processes = 2\n[R058]\n");

        String cli = cli(List.of("indicators", "--settings", settings.toString(), compiled.toString()));
        String spark = withSplitsOf(64 * 1024, () -> spark(List.of("indicators", "--compile", "--settings",
                settings.toString(), releases.toString())));

        assertEquals(cli, spark);
        assertTrue(cli.length() > 1000, cli);
    }

    private static ObjectNode release(JsonMapper json, ObjectNode fields, String ocid, int n) {
        ObjectNode release = json.createObjectNode().put("ocid", ocid).put("id", ocid + "-" + n)
                .put("date", "2026-01-0" + n + "T08:00:00+08:00");
        release.setAll(fields);
        return release;
    }

    /** Cardinal's settings for a fixture name (its build.rs): see {@code SOURCE.md} beside the fixtures. */
    static String settings(String fixture) {
        List<String> parts = new ArrayList<>(List.of(fixture.replace('+', '|').split("-")));
        String indicator = parts.remove(0);
        StringBuilder ini = new StringBuilder("no_price_comparison_procurement_methods = NPC\n\n[exclusions]\n"
                + "procurement_method_details = EXC\n\n[" + indicator + "]\n");
        if (parts.size() == 2) {
            ini.append(parts.get(0)).append(" = ").append(parts.get(1)).append('\n');
        } else if (parts.size() > 2) {
            ini.append("\n[").append(indicator).append('.').append(parts.remove(0)).append("]\n");
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                ini.append(parts.get(i)).append(" = ").append(parts.get(i + 1)).append('\n');
            }
        }
        return ini.toString();
    }

    @Test
    void settingsFollowTheFixtureNameAsInCardinalsBuild() {
        String common = "no_price_comparison_procurement_methods = NPC\n\n[exclusions]\nprocurement_method_details = EXC\n\n";
        assertEquals(common + "[R038]\n", settings("R038-tenderer"));
        assertEquals(common + "[R003]\nthreshold = 10\n", settings("R003-threshold-10"));
        assertEquals(common + "[R003]\nprocurement_methods = open|selective\n",
                settings("R003-procurement_methods-open+selective"));
        assertEquals(common + "[R003]\n\n[R003.procurement_method_details]\nx = 5\ny = 10\n",
                settings("R003-procurement_method_details-x-5-y-10"));
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CardinalFixturesTest.class.getResource("/cardinal/" + name).toURI());
    }

    private static String cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, "CLI " + args + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private String spark(List<String> args) {
        SparkScreening.Command command = SparkScreening.Command.parse(args.toArray(String[]::new));
        org.sunbid.screening.cardinal.Engine engine;
        try {
            engine = SparkScreening.engine(command);
        } catch (SparkScreening.Failure e) {
            throw new AssertionError(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkScreening.indicators(spark, engine, command,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, "Spark " + args + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private org.apache.spark.api.java.JavaSparkContext context() {
        return org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    private <T> T withSplitsOf(long bytes, java.util.concurrent.Callable<T> run) throws Exception {
        var hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.setLong("mapreduce.input.fileinputformat.split.maxsize", bytes);
        try {
            return run.call();
        } finally {
            hadoop.unset("mapreduce.input.fileinputformat.split.maxsize");
        }
    }
}
