package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryLineOfFilesNestedDirectoriesAndGzipOnceSkippingMarkers() throws IOException {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"ocid\":\"a1\"}\n{\"ocid\":\"a2\"}\r\n{\"ocid\":\"a3\"}");
        Path region = Files.createDirectories(dir.resolve("regions/330000/2026"));
        Files.writeString(region.resolve("b.jsonl"), "{\"ocid\":\"b1\"}\n{\"ocid\":\"b2\"}\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(region.resolve("c.jsonl.gz")))) {
            gz.write("{\"ocid\":\"c1\"}\n{\"ocid\":\"c2\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(region.resolve("_SUCCESS"), "{\"ocid\":\"marker\"}\n");
        Files.writeString(region.resolve(".hidden.jsonl"), "{\"ocid\":\"hidden\"}\n");

        List<String> lines = JsonLines.of(TestSpark.session(), List.of(a.toString(), dir.resolve("regions").toString()))
                .collect().stream().sorted().toList();

        assertEquals(List.of("{\"ocid\":\"a1\"}", "{\"ocid\":\"a2\"}", "{\"ocid\":\"a3\"}", "{\"ocid\":\"b1\"}",
                "{\"ocid\":\"b2\"}", "{\"ocid\":\"c1\"}", "{\"ocid\":\"c2\"}"), lines);
    }

    @Test
    void aMissingInputIsAnError() {
        String missing = dir.resolve("nowhere.jsonl").toString();
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> JsonLines.of(TestSpark.session(), List.of(dir.toString(), missing)));
        assertEquals(missing + ": no such file or directory", e.getMessage());
    }
}
