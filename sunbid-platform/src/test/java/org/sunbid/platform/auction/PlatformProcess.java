package org.sunbid.platform.auction;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole platform as a separate JVM ({@code java -cp <test classpath> SunbidApplication --demo}) on its own data
 * directory and a free port, with the demo's live auction starting a few seconds after the demo loads and the scripted
 * rival off: what the crash test kills with {@code kill -9} and starts again on the same data.
 */
final class PlatformProcess implements AutoCloseable {

    static final String LIVE_AUCTION = "YZ-2026-TD-0032";
    static final String PASSWORD = "Sunbid@2026";

    final Path dataDir;
    final int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> extraArgs;
    private final List<ProcessHandle> descendants = new ArrayList<>();
    private Process process;
    private int starts;

    PlatformProcess(Path dataDir, List<String> extraArgs) throws IOException {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM (demo loaded on the first start only: the database is empty then) and waits until it answers. */
    void start(Duration timeout) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), "org.sunbid.platform.SunbidApplication", "--demo",
                "--server.port=" + port, "--sunbid.data-dir=" + dataDir, "--sunbid.demo.live-rival=false",
                "--logging.level.root=WARN", "--logging.level.org.sunbid=INFO"));
        command.addAll(extraArgs);
        Path log = dataDir.resolve("platform-" + (++starts) + ".log");
        Files.createDirectories(dataDir);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                if (get("/actuator/health", null).statusCode() == 200) {
                    process.descendants().forEach(descendants::add);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform did not answer within " + timeout + ": " + tail(log));
    }

    /** The demo live auction's lot id (from the public list of published tenders). */
    String liveLot() throws Exception {
        HttpResponse<String> r = get("/api/v1/tenders?limit=1000", null);
        int at = r.body().indexOf("\"" + LIVE_AUCTION + "\"");
        if (at < 0) {
            throw new IllegalStateException("no " + LIVE_AUCTION + " in " + r.body().substring(0, Math.min(500, r.body().length())));
        }
        int start = r.body().lastIndexOf("{\"id\":\"", at);
        return r.body().substring(start + 7, start + 7 + 36);
    }

    String token(String username) throws Exception {
        HttpResponse<String> r = post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}",
                null);
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login of " + username + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json").header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** kill -9 of the platform's JVM: no shutdown hook runs; its PostgreSQL is left to the next start to recover. */
    void kill() throws InterruptedException {
        process.descendants().forEach(descendants::add);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the platform survived kill -9");
        }
    }

    /** A normal stop (SIGTERM: the application stops its PostgreSQL), then anything left of either run is killed. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(descendants::add);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle h : descendants) {
            if (h.isAlive()) {
                h.destroy();
            }
        }
        for (ProcessHandle h : descendants) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|null|-?[0-9]+|true|false)").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1).equals("null") ? null : m.group(1);
    }
}
