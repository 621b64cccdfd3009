package org.sunbid.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path temp;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    private static final String SINGLE_BID = "{\"ocid\":\"a\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":1}}\n";

    @Test
    void printsTheJsonWithMetaUnlessNoMeta() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID);
        Path settings = file("s.ini", "[R018]\n");
        assertEquals(0, run("indicators", "--settings", settings.toString(), input.toString()));
        assertEquals("{\"OCID\":{\"a\":{\"R018\":1.0}},\"Meta\":{}}\n", stdout);
        assertEquals(0, run("indicators", "--no-meta", "-s", settings.toString(), input.toString()));
        assertEquals("{\"OCID\":{\"a\":{\"R018\":1.0}}}\n", stdout);
        assertEquals(0, run("indicators", "--settings=" + settings, "--count", "--threads", "1", input.toString()));
        assertEquals("OCID: 1\n", stderr);
    }

    @Test
    void aSettingsNameWithoutExtensionFindsTheIniFile() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID);
        file("cardinal.ini", "[R018]\n");
        assertEquals(0, run("indicators", "--no-meta", "-s", temp.resolve("cardinal").toString(), input.toString()));
        assertEquals("{\"OCID\":{\"a\":{\"R018\":1.0}}}\n", stdout);
    }

    @Test
    void anotherReaderIsNamedBySystemProperty() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID);
        try {
            System.setProperty(org.sunbid.screening.cardinal.ProcessReader.PROPERTY, "java.lang.String");
            assertEquals(2, run("indicators", input.toString()));
            assertTrue(stderr.contains("is not a ProcessReader"), stderr);
            System.setProperty(org.sunbid.screening.cardinal.ProcessReader.PROPERTY,
                    org.sunbid.screening.cardinal.JacksonProcessReader.class.getName());
            assertEquals(0, run("indicators", input.toString()));
        } finally {
            System.clearProperty(org.sunbid.screening.cardinal.ProcessReader.PROPERTY);
        }
    }

    @Test
    void withoutSettingsNoIndicatorRuns() throws Exception {
        assertEquals(0, run("indicators", file("in.jsonl", SINGLE_BID).toString()));
        assertEquals("{\"Meta\":{}}\n", stdout);
    }

    @Test
    void aMissingInputFileIsAnError() {
        assertEquals(2, run("indicators", temp.resolve("nope.jsonl").toString()));
        assertEquals("error: " + temp.resolve("nope.jsonl") + ": No such file or directory\n", stderr);
        assertEquals("", stdout);
        assertEquals(2, run("indicators", temp.toString()));
        assertTrue(stderr.contains("Is a directory, not a file"), stderr);
    }

    @Test
    void aBadSettingsFileIsAnError() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID);
        assertEquals(2, run("indicators", "--settings", file("bad.ini", "[R018]\nthreshold = 1\n").toString(),
                input.toString()));
        assertTrue(stderr.startsWith("error: invalid value '") && stderr.contains("unknown key `threshold` in [R018]"),
                stderr);
        assertEquals(2, run("indicators", "--settings", temp.resolve("none.ini").toString(), input.toString()));
        assertTrue(stderr.contains("No such file or directory"), stderr);
        assertEquals(2, run("indicators", "--settings", file("broken.ini", "[R018\n").toString(), input.toString()));
        assertTrue(stderr.contains("line 1: section header without ]"), stderr);
        assertEquals("", stdout);
    }

    @Test
    void aMalformedLineIsAnErrorThatNamesTheLine() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID + "\n" + SINGLE_BID + "{\"ocid\": oops}\n" + SINGLE_BID);
        Path settings = file("s.ini", "[R018]\n");
        assertEquals(1, run("indicators", "-s", settings.toString(), input.toString()));
        assertTrue(stderr.startsWith("error: line 4 is invalid JSON: "), stderr);
        assertEquals("", stdout);
    }

    @Test
    void skipInvalidWarnsAndGoesOnAsCardinalDoes() throws Exception {
        Path input = file("in.jsonl", "{\"ocid\": oops}\n" + SINGLE_BID);
        assertEquals(0, run("indicators", "--skip-invalid", "--no-meta", "-s", file("s.ini", "[R018]\n").toString(),
                input.toString()));
        assertEquals("{\"OCID\":{\"a\":{\"R018\":1.0}}}\n", stdout);
        assertTrue(stderr.contains("Line 1 is invalid JSON, skipping."), stderr);
    }

    @Test
    void unknownFlagsAndMissingArgumentsAreUsageErrors() throws Exception {
        Path input = file("in.jsonl", SINGLE_BID);
        assertEquals(2, run("indicators", "--fast", input.toString()));
        assertTrue(stderr.startsWith("error: unexpected argument '--fast'"), stderr);
        assertEquals(2, run("indicators"));
        assertTrue(stderr.contains("required argument was not provided"), stderr);
        assertEquals(2, run("indicators", input.toString(), "--settings"));
        assertTrue(stderr.contains("a value is required for '--settings'"), stderr);
        assertEquals(2, run("coverage", input.toString()));
        assertTrue(stderr.contains("unrecognized subcommand 'coverage'"), stderr);
        assertEquals(2, run("indicators", "--threads", "0", input.toString()));
        assertEquals(2, run("indicators", input.toString(), input.toString()));
        assertEquals(0, run("--help"));
        assertTrue(stdout.startsWith("Usage: sunbid-screening indicators"));
    }
}
