package org.sunbid.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.sunbid.screening.Cli;

import org.sunbid.screening.cardinal.Engine;
import org.sunbid.screening.cardinal.JacksonProcessReader;
import org.sunbid.screening.cardinal.LineFolder;
import org.sunbid.screening.cardinal.Process;
import org.sunbid.screening.cardinal.ProcessReader;
import org.sunbid.screening.cardinal.Settings;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Screening benchmark (issue 19): Cardinal's 11 indicators over N generated OCDS compiled releases
 * ({@link ScreeningData}, JSON lines, generated once and reused) through the same code the CLI runs, beside the raw limit
 * measured in the same run on the same file and the same number of threads: reading the file the way the CLI does
 * ({@link LineFolder}: chunks split at newlines, one per thread at a time) and parsing every line with Jackson's
 * streaming parser — a parser per line, {@code nextToken()} over every token (field names decoded, string and number
 * values scanned, nothing converted, nothing built, no indicator). The last line is
 * {@code screening: <s> s for <n> processes (<MB/s> MB/s), raw <s> s to read and parse the same file, ratio <r>}
 * with ratio = screening seconds ÷ raw seconds.
 *
 * <p>Usage: {@code mvn -B -ntp -pl bench exec:exec@screening [-Dscreening.processes=1000000]} (a 512 MB heap: the
 * screening streams). Options: {@code --processes N --seed S --dir DIR --threads T --reader fast|jackson} (the CLI's
 * reader: its default, {@code FastProcessReader}, or the reference {@code JacksonProcessReader}). Not a test: it prints figures.
 */
public final class ScreeningBench {

    public static void main(String[] args) throws Exception {
        long processes = 1_000_000;
        long seed = 19;
        String reader = "fast";
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sunbid-screening-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--processes" -> processes = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--reader" -> reader = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("Sunbid screening benchmark — JDK %s (%s), %d cores, max heap %d MB, %,d processes, %d threads%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, processes, threads);
        Path file = ScreeningData.ensure(dir, processes, seed);
        double mb = Files.size(file) / 1e6;
        System.out.printf("input %s: %,.1f MB%n", file, mb);

        // the file into the page cache and the reading code warm
        double read = fold(file, threads, () -> (line, offset, length, seq) -> null);
        System.out.printf("read only (the CLI's chunked reading on %d threads, lines found, not parsed): %.2f s (%.0f MB/s)%n",
                threads, read, mb / read);

        long cpu1 = cpu();
        double raw = fold(file, threads, JacksonTokens::new);
        long cpu2 = cpu();
        System.out.printf("raw: the same reading + Jackson nextToken() over every token of every line (%,d tokens): %.2f s (%.0f MB/s), %.2f s CPU%n",
                JacksonTokens.TOKENS.sum(), raw, mb / raw, (cpu2 - cpu1) / 1e9);

        Path settings = Files.writeString(dir.resolve("settings.ini"), ScreeningData.SETTINGS, StandardCharsets.UTF_8);
        Path result = dir.resolve("indicators.json");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int code;
        try (PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(result), 1 << 16), false,
                StandardCharsets.UTF_8); PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
            if (reader.equals("jackson")) {
                System.setProperty(ProcessReader.PROPERTY, JacksonProcessReader.class.getName());
            }
            code = Cli.run(new String[] {"indicators", "--count", "--threads", Integer.toString(threads), "--settings",
                    settings.toString(), file.toString()}, out, err);
        }
        double screening = (System.nanoTime() - t0) / 1e9;
        long cpu3 = cpu();
        if (code != 0) {
            throw new IllegalStateException("the CLI failed (" + code + "): " + errors.toString(StandardCharsets.UTF_8));
        }
        System.out.printf("indicators (%s reader): %.2f s, %.2f s CPU (all threads of the JVM: folding, GC, JIT), %s, "
                + "%,.1f MB of JSON written to %s%n", reader, screening, (cpu3 - cpu2) / 1e9,
                errors.toString(StandardCharsets.UTF_8).trim().replace('\n', ' ').replace(": ", " "),
                Files.size(result) / 1e6, result);
        System.out.printf("load average now %.2f (other processes on the machine)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        flags(result);
        System.out.printf("screening: %.2f s for %d processes (%.0f MB/s), raw %.2f s to read and parse the same file, ratio %.2f%n",
                screening, processes, mb / screening, raw, screening / raw);
    }

    /** CPU time of this JVM so far (all its threads), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** How many results each indicator gave, per group (so one sees every indicator had work and flagged some). */
    private static void flags(Path result) throws IOException {
        JsonNode root = new ObjectMapper().readTree(result.toFile());
        for (String group : List.of("OCID", "Buyer", "ProcuringEntity", "Tenderer")) {
            Map<String, Integer> counts = new TreeMap<>();
            JsonNode g = root.path(group);
            for (JsonNode flags : g) {
                for (String indicator : flags.propertyNames()) {
                    counts.merge(indicator, 1, Integer::sum);
                }
            }
            System.out.printf("  %s: %,d flagged %s%n", group, g.size(), counts);
        }
    }

    /**
     * Reads the file through the CLI's own reading ({@link LineFolder}: chunks on {@code threads} threads, split at
     * newlines) and hands every line to {@code lines}, which returns no process: with a reader that does nothing this is
     * the cost of reading; with Jackson's tokenizer it is the raw limit.
     */
    private static double fold(Path file, int threads, Supplier<ProcessReader> lines) throws Exception {
        LineFolder folder = new LineFolder(new Engine(Settings.empty()), lines, threads, LineFolder.DEFAULT_CHUNK, false,
                warning -> { });
        long t0 = System.nanoTime();
        folder.fold(file);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The raw limit's parsing: every token of the line through Jackson's streaming parser, nothing built. */
    static final class JacksonTokens implements ProcessReader {
        private static final JsonFactory JSON = new JsonFactory();
        static final LongAdder TOKENS = new LongAdder();

        @Override
        public Process read(byte[] line, int offset, int length, long seq) {
            long n = 0;
            try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line, offset, length)) {
                while (p.nextToken() != null) {
                    n++;
                }
            }
            TOKENS.add(n);
            return null;
        }
    }
}
