package org.sunbid.screening.cardinal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.screening.Cli;
import tools.jackson.databind.ObjectMapper;

/**
 * Every Cardinal fixture through the CLI's code path: {@code indicators --no-meta --settings <derived> FILE} must
 * print the fixture's expected output, equal as JSON (as cardinal-rs's own test compares) and with the same number
 * formatting; and the output must not depend on the chunking or the number of threads.
 */
class CardinalFixturesTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesCardinalsOutput() {
        assertTrue(CardinalFixtures.names().size() >= 15, "fixtures copied from cardinal-rs");
        return CardinalFixtures.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path settings = Files.writeString(temp.resolve(name + ".ini"), CardinalFixtures.settings(name));
            Path input = CardinalFixtures.directory().resolve(name + ".jsonl");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(new String[] {"indicators", "--no-meta", "--settings", settings.toString(),
                    input.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String actual = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(actual.endsWith("}\n"), "one line, as Cardinal's println");
            String expected = CardinalFixtures.expected(name);
            ObjectMapper json = new ObjectMapper();
            assertEquals(json.readTree(expected), json.readTree(actual), "JSON-equal");
            assertEquals(CardinalFixtures.canonical(expected), CardinalFixtures.canonical(actual),
                    "same keys and number formatting");
        }));
    }

    @org.junit.jupiter.api.Test
    void metaIsTheDocumentedOneForR024() throws Exception {
        // Cardinal's documentation (docs/cli/indicators/index.md) shows this Meta block for the R024 fixture.
        Engine engine = new Engine(Settings.parse(CardinalFixtures.settings("R024")));
        Path input = CardinalFixtures.directory().resolve("R024.jsonl");
        String json = run(engine, input, 2, 100);
        assertTrue(json.endsWith(",\"Meta\":{\"R024\":{\"q1\":66.6667,\"q3\":100.0,\"lower_fence\":16.6667}}}"), json);
    }

    @TestFactory
    Stream<DynamicTest> outputDoesNotDependOnChunksOrThreads() {
        return CardinalFixtures.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Engine engine = new Engine(Settings.parse(CardinalFixtures.settings(name)));
            Path input = CardinalFixtures.directory().resolve(name + ".jsonl");
            String whole = run(engine, input, 1, LineFolder.DEFAULT_CHUNK);
            for (int chunk : new int[] {2, 37, 300}) {
                assertEquals(whole, run(engine, input, 3, chunk), "chunks of " + chunk + " bytes on 3 threads");
            }
        }));
    }

    private static String run(Engine engine, Path input, int threads, int chunk) throws Exception {
        LineFolder folder = new LineFolder(engine, JacksonProcessReader::new, threads, chunk, false, w -> { });
        return engine.finish(folder.fold(input)).toJson(true);
    }
}
