package org.sunbid.screening.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    private final JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());

    @Test
    void readsEveryLineOfFilesNestedDirectoriesAndGzipOnceInInputOrderSkippingMarkers() throws IOException {
        // lines end at \n only (a \r stays, the JSON reader takes it for whitespace), as in the CLI
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"ocid\":\"a1\"}\n{\"ocid\":\"a2\"}\r\n{\"ocid\":\"a3\"}");
        Path regions = dir.resolve("regions");
        Path year = Files.createDirectories(regions.resolve("330000/2026"));
        Files.writeString(year.resolve("b.jsonl"), "{\"ocid\":\"b1\"}\n\n{\"ocid\":\"b2\"}\n");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(year.resolve("c.jsonl.gz")))) {
            gz.write("{\"ocid\":\"c1\"}\n{\"ocid\":\"c2\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(year.resolve("_SUCCESS"), "{\"ocid\":\"marker\"}\n");
        Files.writeString(year.resolve(".hidden.jsonl"), "{\"ocid\":\"hidden\"}\n");
        Files.createDirectories(regions.resolve("_temporary"));
        Files.writeString(regions.resolve("_temporary/d.jsonl"), "{\"ocid\":\"temporary\"}\n");

        // the directory first, then a file, then a file already read: each file once, in that order
        List<String> files = JsonLines.files(spark.hadoopConfiguration(),
                List.of(regions.toString(), a.toString(), year.resolve("b.jsonl").toString()));
        assertEquals(List.of("file:" + year.resolve("b.jsonl"), "file:" + year.resolve("c.jsonl.gz"), "file:" + a),
                files);

        long f1 = 1L << JsonLines.OFFSET_BITS;
        long f2 = 2L << JsonLines.OFFSET_BITS;
        assertEquals(List.of(new Line(0, "{\"ocid\":\"b1\"}"), new Line(14, ""), new Line(15, "{\"ocid\":\"b2\"}"),
                new Line(f1, "{\"ocid\":\"c1\"}"), new Line(f1 + 14, "{\"ocid\":\"c2\"}"),
                new Line(f2, "{\"ocid\":\"a1\"}"), new Line(f2 + 14, "{\"ocid\":\"a2\"}\r"),
                new Line(f2 + 29, "{\"ocid\":\"a3\"}")), lines(files));
    }

    @Test
    void aLargeFileIsReadInSeveralPartitionsEachLineOnceWithItsOffset() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Line> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String line = "{\"ocid\":\"ocds-x-" + i + "\"}";
            expected.add(new Line(text.length(), line));
            text.append(line).append('\n');
        }
        Path file = Files.writeString(dir.resolve("big.jsonl"), text);
        spark.hadoopConfiguration().setLong("mapreduce.input.fileinputformat.split.maxsize", 64 * 1024);
        try {
            List<String> files = JsonLines.files(spark.hadoopConfiguration(), List.of(file.toString()));
            assertEquals(true, JsonLines.foldPartitions(spark, files, Counter::new).getNumPartitions() > 3);
            assertEquals(expected, lines(files));
        } finally {
            spark.hadoopConfiguration().unset("mapreduce.input.fileinputformat.split.maxsize");
        }
    }

    @Test
    void countsLineNumbersInPlainAndGzipFiles() throws IOException {
        String text = "a\n\nbb\r\nc\n";
        Path plain = Files.writeString(dir.resolve("p.jsonl"), text);
        Path gzip = dir.resolve("g.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        for (Path file : List.of(plain, gzip)) {
            assertEquals(List.of(1L, 2L, 3L, 4L), java.util.Arrays.stream(JsonLines.lineNumbers(
                    spark.hadoopConfiguration(), "file:" + file, new long[] {0, 2, 3, 7})).boxed().toList());
        }
    }

    @Test
    void anInputThatMatchesNothingIsAnError() {
        String missing = dir.resolve("nowhere.jsonl").toString();
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> JsonLines.files(spark.hadoopConfiguration(), List.of(dir.toString(), missing)));
        assertEquals(missing + ": No such file or directory", e.getMessage());
    }

    @Test
    void anEmptyDirectoryHasNoLines() {
        List<String> files = JsonLines.files(spark.hadoopConfiguration(), List.of(dir.toString()));
        assertEquals(List.of(), files);
        assertEquals(0, JsonLines.foldPartitions(spark, files, Counter::new).count());
    }

    private List<Line> lines(List<String> files) {
        List<Line> all = new ArrayList<>();
        JsonLines.foldPartitions(spark, files, Collector::new).collect().forEach(all::addAll);
        all.sort(Comparator.comparingLong(Line::seq));
        return all;
    }

    record Line(long seq, String text) implements Serializable {
    }

    static final class Collector implements JsonLines.PartitionFolder<ArrayList<Line>> {
        private final ArrayList<Line> lines = new ArrayList<>();

        @Override
        public void accept(byte[] buffer, int length, long seq) {
            lines.add(new Line(seq, new String(buffer, 0, length, StandardCharsets.UTF_8)));
        }

        @Override
        public ArrayList<Line> result() {
            return lines;
        }
    }

    static final class Counter implements JsonLines.PartitionFolder<Long> {
        private long n;

        @Override
        public void accept(byte[] buffer, int length, long seq) {
            n++;
        }

        @Override
        public Long result() {
            return n;
        }
    }
}
