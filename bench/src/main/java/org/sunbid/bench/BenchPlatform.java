package org.sunbid.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole platform started as its own JVM for a benchmark driven over HTTP ({@code SunbidApplication} on the bench's
 * class path, a fresh data directory, the embedded PostgreSQL it starts), and the small helpers the HTTP benchmarks
 * share. Closing it stops the platform and the processes it started (the database server).
 */
final class BenchPlatform implements AutoCloseable {

    /** The platform's data directory (a fresh temporary directory). */
    final Path data;
    /** The platform's HTTP port. */
    final int port;
    /** {@code http://127.0.0.1:<port>}. */
    final String base;
    /** The platform's output (stdout and stderr). */
    final Path log;
    final Process process;
    private final List<ProcessHandle> children = new ArrayList<>();

    private BenchPlatform(Path data, int port, Path log, Process process) {
        this.data = data;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the platform in {@code data} (a GC log there too) with the JVM options {@code jvm} (none: the launcher's
     * defaults) and the application arguments {@code arguments} besides the port and data directory; waits (at most
     * {@code startup}) until its health endpoint answers.
     */
    static BenchPlatform start(Path data, List<String> jvm, List<String> arguments, Duration startup) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : jvm) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.add("-Xlog:gc:file=" + data.resolve("gc.log"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sunbid.platform.SunbidApplication",
                "--server.port=" + port, "--sunbid.data-dir=" + data));
        command.addAll(arguments);
        Path log = data.resolve("platform.log");
        System.out.println("starting the platform on port " + port + ", data " + data + " (log " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BenchPlatform platform = new BenchPlatform(data, port, log, process);
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long started = System.nanoTime();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the platform exited: see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(platform.base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - started > startup.toNanos()) {
                    throw new IllegalStateException("the platform did not start: see " + log);
                }
                Thread.sleep(250);
            }
            process.descendants().forEach(platform.children::add);
            System.out.printf("platform up in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    /** A port nobody listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the platform (at most a minute, then killed) and whatever it started. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(children::add);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle h : children) {
            if (h.isAlive()) {
                h.destroy();
            }
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\":(\"([^\"]*)\"|null|-?[0-9]+)");

    /** The first value of {@code name} in {@code json} (a string or a number, as text; null if absent or null). */
    static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(3) != null ? m.group(3) : m.group(2).equals("null") ? null : m.group(2);
            }
        }
        return null;
    }

    /** The machine's one-minute load average, or -1. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The {@code q}-quantile of sorted nanosecond latencies, in milliseconds (0 when there are none). */
    static double quantileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] / 1e6;
    }
}
