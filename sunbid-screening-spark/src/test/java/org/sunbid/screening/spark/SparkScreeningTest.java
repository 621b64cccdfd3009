package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.screening.Cli;
import org.sunbid.screening.cardinal.JacksonProcessReader;
import org.sunbid.screening.cardinal.MalformedLineException;
import org.sunbid.screening.cardinal.ProcessReader;
import tools.jackson.databind.json.JsonMapper;

class SparkScreeningTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesTheCommandLineWithOptionsAnywhere() {
        SparkScreening.Command c = SparkScreening.Command.parse("indicators", "a.jsonl", "--master", "spark://h:7077",
                "--no-meta", "-s", "s.ini", "dir/", "--skip-invalid", "-c", "--compile");
        assertEquals(new SparkScreening.Command("spark://h:7077", "s.ini", false, true, true, true,
                List.of("a.jsonl", "dir/")), c);
        assertEquals(new SparkScreening.Command("local[3]", "t.ini", true, false, false, false, List.of("x")),
                SparkScreening.Command.parse("indicators", "--master=local[3]", "x", "--settings=t.ini"));
        assertNull(SparkScreening.Command.parse("indicators", "--help"));
    }

    @Test
    void refusesAWrongCommandLineWithoutStartingSpark() {
        for (String[] args : List.of(new String[] {}, new String[] {"coverage", "x"}, new String[] {"indicators"},
                new String[] {"indicators", "--master"}, new String[] {"indicators", "x", "--threads", "2"},
                new String[] {"indicators", "-"})) {
            out.reset();
            err.reset();
            assertEquals(2, SparkScreening.run(args, print(out), print(err)), List.of(args).toString());
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: "), err.toString());
        }
        assertEquals(0, SparkScreening.run(new String[] {"--help"}, print(out), print(err)));
        assertEquals(SparkScreening.USAGE, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusesABadSettingsFileAsTheCliDoes() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.ini"), "[R999]\n");
        for (String settings : List.of(bad.toString(), dir.resolve("none.ini").toString(), dir.toString())) {
            String[] args = {"indicators", "--settings", settings, fixture("R018.jsonl").toString()};
            ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
            assertEquals(2, Cli.run(args, print(new ByteArrayOutputStream()), print(cliErr)));
            err.reset();
            assertEquals(2, SparkScreening.run(args, print(out), print(err)));
            assertEquals(cliErr.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingInputIsAnErrorWithoutOutput() throws Exception {
        String missing = dir.resolve("none.jsonl").toString();
        assertEquals(2, indicators("indicators", fixture("R018.jsonl").toString(), missing));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("error: " + missing + ": No such file or directory" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInvalidLineFailsTheRunOrIsSkippedWithAWarningAsInTheCli() throws Exception {
        Path clean = fixture("R018.jsonl");
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"ocid\": [\n" + Files.readString(clean) + "{\"ocid\":\n");
        Path settings = Files.writeString(dir.resolve("s.ini"), "[R018]\n");

        assertEquals(1, indicators("indicators", "-s", settings.toString(), input.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        assertEquals(1, Cli.run(new String[] {"indicators", "-s", settings.toString(), input.toString()},
                print(new ByteArrayOutputStream()), print(cliErr)));
        assertEquals(cliErr.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: line 1 is invalid JSON: "), err.toString());

        assertEquals(0, indicators("indicators", "--skip-invalid", "-s", settings.toString(), input.toString()));
        String skipped = out.toString(StandardCharsets.UTF_8);
        List<String> warnings = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, indicators("indicators", "-s", settings.toString(), clean.toString()));
        assertEquals(out.toString(StandardCharsets.UTF_8), skipped);
        long lines = Files.readString(clean).lines().count();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(" WARN  sunbid-screening > Line 1 is invalid JSON, skipping. ["), warnings.get(0));
        assertTrue(warnings.get(1).startsWith(" WARN  sunbid-screening > Line " + (lines + 2)
                + " is invalid JSON, skipping. ["), warnings.get(1));
    }

    @Test
    void countsTheResultsPerGroupAsTheCliDoes() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.ini"), CardinalFixturesTest.settings("R024"));
        String[] args = {"indicators", "-c", "--settings", settings.toString(), fixture("R024.jsonl").toString()};
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args, print(cliOut), print(cliErr)));

        assertEquals(0, indicators(args));

        assertEquals(cliOut.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("OCID: 2", "Tenderer: 2"), err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(cliErr.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void findsTheSettingsByNameWithoutIniAsTheCliDoes() throws Exception {
        Path settings = Files.writeString(dir.resolve("cardinal.ini"), CardinalFixturesTest.settings("R024"));
        String name = dir.resolve("cardinal").toString();
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(new String[] {"indicators", "-s", name, fixture("R024.jsonl").toString()},
                print(cliOut), print(new ByteArrayOutputStream())));
        assertEquals(0, indicators("indicators", "-s", name, fixture("R024.jsonl").toString()));
        assertEquals(cliOut.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(settings));
    }

    @Test
    void readsWithTheReaderTheCliIsToldToUse() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.ini"), CardinalFixturesTest.settings("R024"));
        String[] args = {"indicators", "-s", settings.toString(), fixture("R024.jsonl").toString()};
        String before = System.getProperty(ProcessReader.PROPERTY);
        try {
            System.setProperty(ProcessReader.PROPERTY, CountingReader.class.getName());
            CountingReader.LINES.set(0);
            assertEquals(0, indicators(args));
            assertEquals(Files.readAllLines(fixture("R024.jsonl")).size(), CountingReader.LINES.get());

            System.setProperty(ProcessReader.PROPERTY, String.class.getName());
            ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
            assertEquals(2, Cli.run(args, print(new ByteArrayOutputStream()), print(cliErr)));
            assertEquals(2, indicators(args));
            assertEquals(cliErr.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (before == null) {
                System.clearProperty(ProcessReader.PROPERTY);
            } else {
                System.setProperty(ProcessReader.PROPERTY, before);
            }
        }
    }

    /** A reader that counts the lines it reads (local mode: the executors are this JVM). */
    public static final class CountingReader implements ProcessReader {
        static final AtomicInteger LINES = new AtomicInteger();
        private final JacksonProcessReader reader = new JacksonProcessReader();

        @Override
        public org.sunbid.screening.cardinal.Process read(byte[] line, int offset, int length, long seq)
                throws MalformedLineException {
            LINES.incrementAndGet();
            return reader.read(line, offset, length, seq);
        }
    }

    /** The launcher the build writes, as a user runs it: its own JVM, local[*], JSON alone on standard output. */
    @Test
    void theLauncherRunsTheScreeningInAPlainJava() throws Exception {
        Path args = Path.of("target/sunbid-screening-spark.args").toAbsolutePath();
        assertTrue(Files.exists(args), "the build writes " + args);
        Path settings = Files.writeString(dir.resolve("settings.ini"), CardinalFixturesTest.settings("R024"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "@" + args, "indicators", "--no-meta", "--settings",
                settings.toString(), fixture("R024.jsonl").toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        p.getOutputStream().close();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        JsonMapper mapper = JsonMapper.builder().build();
        assertEquals(mapper.readTree(Files.readString(fixture("R024.expected"))), mapper.readTree(json));
        assertEquals(1, json.lines().count(), json);
    }

    private int indicators(String... args) throws Exception {
        out.reset();
        err.reset();
        SparkScreening.Command command = SparkScreening.Command.parse(args);
        return SparkScreening.indicators(TestSpark.session(), SparkScreening.engine(command), command, print(out),
                print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SparkScreeningTest.class.getResource("/cardinal/" + name).toURI());
    }
}
