package org.sunbid.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar itself, as a user runs it: {@code java -jar sunbid-screening.jar indicators ...} on Cardinal's
 * fixtures. Runs in the {@code integration-test} phase, after {@code package} (the jar's path comes from the POM).
 */
class CliJarIT {

    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result java(String... args) throws Exception {
        return java(null, args);
    }

    private static Result java(Path stdin, String... args) throws Exception {
        String jar = System.getProperty("screening.jar", "target/sunbid-screening.jar");
        assertTrue(new File(jar).isFile(), "the shaded jar exists: " + jar);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stdin != null) builder.redirectInput(stdin.toFile());
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(CliJarIT.class.getResource("/cardinal/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"R003-procurement_method_details-x-5-y-10", "R028", "R038", "R058"})
    void theJarPrintsCardinalsOutput(String name) throws Exception {
        Path settings = Files.writeString(temp.resolve("s.ini"),
                org.sunbid.screening.cardinal.CardinalFixturesAccess.settings(name));
        Result r = java("indicators", "--no-meta", "--settings", settings.toString(),
                fixture(name + ".jsonl").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(fixture(name + ".expected")).strip(), r.out().strip());
        assertTrue(r.out().endsWith("\n"));
    }

    @Test
    void theJarPrintsMetaByDefault() throws Exception {
        Path settings = Files.writeString(temp.resolve("s.ini"),
                org.sunbid.screening.cardinal.CardinalFixturesAccess.settings("R058"));
        Result r = java("indicators", "--settings", settings.toString(), fixture("R058.jsonl").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"OCID\":{\"F\":{\"R058\":100.0}},\"Tenderer\":{\"W\":{\"R058\":0.0}},"
                + "\"Meta\":{\"R058\":{\"q1\":0.0,\"q3\":33.3333,\"upper_fence\":83.3333}}}\n", r.out());
    }

    @Test
    void theJarReadsStandardInput() throws Exception {
        Path settings = Files.writeString(temp.resolve("s.ini"),
                org.sunbid.screening.cardinal.CardinalFixturesAccess.settings("R028"));
        Result r = java(fixture("R028.jsonl"), "indicators", "--no-meta", "--settings", settings.toString(), "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(fixture("R028.expected")), r.out());
    }

    @Test
    void theJarExitsNonZeroWithAMessage() throws Exception {
        Result missing = java("indicators", temp.resolve("missing.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("No such file or directory"), missing.err());
        Path bad = Files.writeString(temp.resolve("bad.jsonl"), "{}\n{\n");
        Result malformed = java("indicators", bad.toString());
        assertEquals(1, malformed.code());
        assertTrue(malformed.err().startsWith("error: line 2 is invalid JSON"), malformed.err());
        Result flag = java("indicators", "--nope", bad.toString());
        assertEquals(2, flag.code());
        assertTrue(flag.err().contains("unexpected argument '--nope'"), flag.err());
    }
}
