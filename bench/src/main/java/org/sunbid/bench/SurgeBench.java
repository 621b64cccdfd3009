package org.sunbid.bench;

import static org.sunbid.bench.BenchPlatform.field;
import static org.sunbid.bench.BenchPlatform.intArg;
import static org.sunbid.bench.BenchPlatform.loadAverage;
import static org.sunbid.bench.BenchPlatform.quantileMs;
import static org.sunbid.bench.BenchPlatform.stringArg;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.ReceiptSignature;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deadline surge (issue 21, acceptance 1): many bidders uploading sealed bids in the last seconds before one
 * deadline, over real HTTP to the real platform (its own JVM, {@code --demo} on a fresh data directory, its embedded
 * PostgreSQL with fsync on), each upload answered with a platform-signed receipt that the client checks.
 * <ul>
 *   <li>Setup, not timed: the demo adds {@code --bidders} bidder companies (default 64; {@code sunbid.demo.surge-bidders})
 *       with demo-CA certificates, and one tender published 21 days before a deadline {@code --lead} + {@code --seconds}
 *       seconds after the demo has loaded ({@code sunbid.demo.surge-deadline}). Each bidder then signs in, registers and
 *       pays its deposit through the sandbox bank over the API, and seals {@code --envelopes} envelopes (default 40)
 *       with {@code sunbid-sealing}'s {@link Envelope} to the tender's opening key, each carrying a file of
 *       {@code --size} KB (default 32) of random bytes, signed with the bidder's demo key. The platform runs with
 *       {@code sunbid.sealing.max-replacements} raised so that replacements never run out.</li>
 *   <li>The surge: from {@code --seconds} (default 15) before the deadline, every bidder uploads its envelopes one after
 *       another on its own thread, as fast as the platform answers (each a replacement of the last), until the
 *       deadline. Each receipt is checked by the client ({@link #checkReceipt}): signed by the platform's certificate
 *       and naming the very envelope sent. A bidder whose envelopes run out seals more during the window (counted).</li>
 *   <li>The raw limit in the same run, on the same PostgreSQL server (same data directory, same fsync settings):
 *       {@code --bidders} clients each doing INSERT + COMMIT of a small row in a loop for {@code --raw-seconds}
 *       (default 5), each on its own connection.</li>
 * </ul>
 * {@code --dumps K} takes K thread dumps of the platform (jcmd Thread.print) spread over the window, into its data
 * directory, to see where the time goes (the data directory is then kept, as with {@code --keep true}; otherwise removed).
 * {@code --warmup K}: each bidder uploads K envelopes before the window (not counted), so that the platform's JIT has
 * compiled the upload path before it is measured (default 0, as in session 10's figures).
 * {@code --jfr FILE} records the platform with the Flight Recorder ({@code settings=profile}) over the window only.
 * Before the last line, the CPU each process spent in the window per receipt ({@link ProcessCpu}: the platform's JVM,
 * by thread too, its PostgreSQL server, this client), and what the window asked of the database per receipt.
 * Last line:
 * {@code surge: <receipts/s> receipts/s, p99 <ms> ms, raw <inserts/s> INSERT+COMMIT/s with <N> clients, ratio <r>}.
 * Usage: {@code mvn -B -ntp -pl bench exec:exec@surge [-Dsurge.bidders=64 -Dsurge.size=32 -Dsurge.seconds=15]}.
 */
public final class SurgeBench {

    private static final String PASSWORD = "Sunbid@2026";
    /** The demo's surge tender (demo.DemoSurge). */
    private static final String CODE = "YZ-2026-GC-0199";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int bidders = intArg(args, "--bidders", 64);
        int sizeKb = intArg(args, "--size", 32);
        int seconds = intArg(args, "--seconds", 15);
        int lead = intArg(args, "--lead", 150);
        int envelopes = intArg(args, "--envelopes", 40);
        int rawSeconds = intArg(args, "--raw-seconds", 5);
        int dumps = intArg(args, "--dumps", 0);
        Path data = Files.createTempDirectory("sunbid-surge-bench");
        int pgPort = BenchPlatform.freePort();
        List<String> jvm = List.of(optional(args, "--jvm").split(" "));
        List<String> arguments = new ArrayList<>(List.of("--demo", "--sunbid.demo.live-rival=false",
                "--sunbid.demo.surge-bidders=" + bidders, "--sunbid.demo.surge-deadline=PT" + (lead + seconds) + "S",
                "--sunbid.sealing.max-replacements=1000000", "--sunbid.db.embedded-port=" + pgPort,
                "--logging.level.root=WARN", "--logging.level.org.sunbid=INFO"));
        for (String extra : optional(args, "--platform-args").split(" ")) {
            if (!extra.isBlank()) {
                arguments.add(extra);
            }
        }
        try (BenchPlatform platform = BenchPlatform.start(data, jvm, arguments, Duration.ofMinutes(20))) {
            run(platform, pgPort, bidders, sizeKb, seconds, envelopes, rawSeconds, dumps, optional(args, "--jfr"),
                    intArg(args, "--warmup", 0));
        }
        if (dumps == 0 && !"true".equals(optional(args, "--keep"))) {
            try (java.util.stream.Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            System.out.println("kept " + data);
        }
    }

    private static void run(BenchPlatform platform, int pgPort, int n, int sizeKb, int seconds, int perBidder, int rawSeconds,
            int dumps, String jfr, int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String base = platform.base;
        // the demo creates the surge tender last: once it is listed, the demo has loaded
        String tenderId = null;
        long waitStarted = System.nanoTime();
        while (tenderId == null) {
            String list = get(http, base + "/api/v1/tenders?limit=200", null);
            int at = list.indexOf("\"" + CODE + "\"");
            if (at >= 0) {
                int idAt = list.lastIndexOf("{\"id\":\"", at);
                tenderId = list.substring(idAt + 7, idAt + 7 + 36);
            } else if (System.nanoTime() - waitStarted > Duration.ofMinutes(20).toNanos()) {
                throw new IllegalStateException("the demo's surge tender did not appear: see " + platform.log);
            } else {
                Thread.sleep(1000);
            }
        }
        Instant deadline = Instant.parse(field(get(http, base + "/api/v1/tenders/" + tenderId, null), "bidDeadline"));
        PublicKey openingKey = Pem.publicKey(field(get(http, base + "/api/v1/tenders/" + tenderId + "/opening-key", null), "publicKeyPem")
                .replace("\\n", "\n"));
        X509Certificate platformCert = Pem.certificate(field(get(http, base + "/api/v1/ca/platform-certificate", null), "pem")
                .replace("\\n", "\n"));
        System.out.printf("demo loaded %d s after start; tender %s (%s), deadline %s (in %d s)%n",
                (System.nanoTime() - waitStarted) / 1_000_000_000L, CODE, tenderId, deadline,
                Duration.between(Instant.now(), deadline).toSeconds());

        // setup: sign in, register, pay the deposit (through the API), seal the envelopes — not timed
        long setupStarted = System.nanoTime();
        Bidder[] all = new Bidder[n];
        byte[] fileBytes = new byte[sizeKb * 1024];
        ExecutorService setup = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<?>> done = new ArrayList<>();
        String tender = tenderId;
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(setup.submit(() -> {
                Bidder b = new Bidder("surge" + (k + 1));
                b.token = field(post(http, base + "/api/v1/auth/token", null, "{\"username\":\"" + b.username
                        + "\",\"password\":\"" + PASSWORD + "\"}", 200), "token");
                String org = field(get(http, base + "/api/v1/me", b.token), "organisationId");
                String code = field(get(http, base + "/api/v1/organisations/" + org, b.token), "creditCode");
                b.key = Pem.privateKey(Files.readString(platform.data.resolve("demo-keys").resolve(code + ".key.pem")));
                b.certificate = Pem.certificate(Files.readString(platform.data.resolve("demo-keys").resolve(code + ".crt.pem")));
                post(http, base + "/api/v1/tenders/" + tender + "/registrations", b.token, "", 200, 201);
                post(http, base + "/api/v1/sandbox/bank/transfers", b.token, "{\"tenderId\":\"" + tender + "\"}", 200, 201);
                b.file = Files.createTempFile(platform.data, "bid-" + b.username, ".pdf");
                byte[] mine = fileBytes.clone();
                ThreadLocalRandom.current().nextBytes(mine);
                Files.write(b.file, mine);
                for (int e = 0; e < perBidder + warmup; e++) {
                    b.pool.add(seal(UUID.fromString(tender), openingKey, b, e));
                }
                all[k] = b;
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        setup.shutdown();
        System.out.printf("setup: %d bidders signed in, registered, deposits paid, %d envelopes of %d KB sealed in %d s%n", n,
                n * (perBidder + warmup), sizeKb, (System.nanoTime() - setupStarted) / 1_000_000_000L);

        if (warmup > 0) { // every bidder uploads `warmup` envelopes before the window, so the JIT has compiled the path
            long w0 = System.nanoTime();
            List<Thread> warming = new ArrayList<>();
            for (Bidder b : all) {
                Thread t = new Thread(() -> b.warmUp(http, base, UUID.fromString(tender), platformCert, warmup));
                t.start();
                warming.add(t);
            }
            for (Thread t : warming) {
                t.join();
            }
            long warmed = Arrays.stream(all).mapToLong(b -> b.receipts).sum();
            System.out.printf("warm-up: %d uploads answered with checked receipts in %d ms (not counted below)%n", warmed,
                    (System.nanoTime() - w0) / 1_000_000);
            for (Bidder b : all) {
                b.receipts = 0;
                b.latencyCount = 0;
                b.refusals.clear();
                b.failedChecks = 0;
            }
        }

        // the surge: from `seconds` before the deadline until the deadline
        Instant windowStart = deadline.minusSeconds(seconds);
        if (!jfr.isEmpty()) { // the platform's Flight Recorder, from just before the window to its end
            jcmd(platform, "JFR.start", "name=surge", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
        }
        Map<String, long[]> tablesBefore = tableStats(platform, pgPort);
        long toStart = Duration.between(Instant.now(), windowStart).toMillis();
        if (toStart > 0) {
            Thread.sleep(toStart);
        } else {
            System.out.printf("the setup ran %d ms into the window: raise --lead%n", -toStart);
        }
        double loadBefore = loadAverage();
        AtomicBoolean stop = new AtomicBoolean();
        Path pgData = platform.data.resolve("pg");
        ProcessCpu.Snapshot cpuBefore = ProcessCpu.snapshot(platform.process.pid(), pgData);
        Map<String, Long> threadsBefore = ProcessCpu.threads(platform.process.pid());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long deadlineNanos = t0 + Duration.between(started, deadline).toNanos();
        for (Bidder b : all) {
            b.thread = new Thread(() -> b.upload(http, base, UUID.fromString(tender), openingKey, platformCert, deadlineNanos, stop),
                    "bidder-" + b.username);
            b.thread.start();
        }
        if (dumps > 0) {
            long windowNanos = deadlineNanos - t0;
            for (int d = 1; d <= dumps; d++) {
                long at = t0 + windowNanos * d / (dumps + 1);
                long sleep = at - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000);
                }
                Path dump = platform.data.resolve("dump-" + d + ".txt");
                new ProcessBuilder("jcmd", Long.toString(platform.process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(dump.toFile()).start().waitFor();
                System.out.println("thread dump " + dump);
            }
        }
        long sleep = deadlineNanos - System.nanoTime();
        if (sleep > 0) {
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
        // CPU is read at the deadline, not after the uploads in flight are answered: the tender's closing (a scheduled
        // job, at the deadline) is not the uploads' work. Divided by the receipts answered by then.
        ProcessCpu.Snapshot cpuAfter = ProcessCpu.snapshot(platform.process.pid(), pgData);
        Map<String, Long> threadsAfter = ProcessCpu.threads(platform.process.pid());
        // (a busy backend reports its table statistics at most once a second: up to a second of the window may be missing)
        Map<String, long[]> tablesAfter = tableStats(platform, pgPort);
        stop.set(true);
        for (Bidder b : all) {
            b.thread.join(120_000);
        }
        if (!jfr.isEmpty()) {
            jcmd(platform, "JFR.stop", "name=surge");
            System.out.println("flight recording of the window: " + jfr);
        }
        double window = (deadlineNanos - t0) / 1e9;
        double loadAfter = loadAverage();

        long receipts = 0, sealedLate = 0, failedChecks = 0, byDeadline = 0;
        Map<String, Long> refusals = new TreeMap<>();
        int count = 0;
        for (Bidder b : all) {
            receipts += b.receipts;
            byDeadline += b.byDeadline;
            sealedLate += b.sealedInWindow;
            failedChecks += b.failedChecks;
            b.refusals.forEach((k, v) -> refusals.merge(k, v, Long::sum));
            count += b.latencyCount;
        }
        long[] latencies = new long[count];
        int k = 0;
        for (Bidder b : all) {
            System.arraycopy(b.latencies, 0, latencies, k, b.latencyCount);
            k += b.latencyCount;
        }
        Arrays.sort(latencies);
        double rate = receipts / window;
        double p99 = quantileMs(latencies, 0.99);

        System.out.printf("window %.1f s before the deadline (%s): %d receipts, each checked by the client (%d failed the check);"
                + " refused %s; %d envelopes sealed during the window (pool of %d per bidder ran out)%n",
                window, started, receipts, failedChecks, refusals, sealedLate, perBidder);
        System.out.printf("upload latency (%d KB envelope in, signed receipt out): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sizeKb, quantileMs(latencies, 0.5), quantileMs(latencies, 0.9), p99, quantileMs(latencies, 1.0));
        System.out.printf("machine: %d cores, load average %.2f before / %.2f after the surge%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.printf("receipts answered by the deadline (the database's work and the CPU below are divided by these): %d%n",
                byDeadline);
        printTableStats(tablesBefore, tablesAfter, byDeadline);
        double raw = rawInserts(platform, pgPort, n, rawSeconds);
        // What the platform cannot avoid per upload however it is built: one SM3withSM2 verification of the bidder's
        // signature on the envelope. Measured here on every core, in this run.
        double verifies = sm2VerifyRate(all[0], Runtime.getRuntime().availableProcessors(), 3);
        System.out.printf("crypto bound: %.0f SM2 signature verifications/s on %d cores (one per upload: the surge can never exceed it)%n",
                verifies, Runtime.getRuntime().availableProcessors());
        // CPU per receipt by process, from /proc (user + system) between the window's start and the last answer: robust to
        // other load on the machine, unlike the rate per wall second
        long[] cpu = cpuAfter.millisSince(cpuBefore);
        double span = (cpuAfter.nanos() - cpuBefore.nanos()) / 1e6;
        double per = Math.max(1, byDeadline);
        long others = cpu[3] < 0 ? -1 : cpu[3] - Math.max(0, cpu[0]) - Math.max(0, cpu[1]) - Math.max(0, cpu[2]);
        System.out.printf("platform cpu per receipt by thread (ms): %s%n", ProcessCpu.threadsSince(threadsBefore, threadsAfter, per, 12));
        System.out.printf("cpu per receipt: platform %.2f ms, postgres %.2f ms, client %.2f ms (total %.2f ms); over %.0f ms: platform"
                + " %d, postgres %d, client %d, rest of the machine %d CPU-ms (of %d on %d cores)%n",
                cpu[1] / per, cpu[2] / per, cpu[0] / per, (cpu[0] + cpu[1] + cpu[2]) / per, span, cpu[1], cpu[2], cpu[0], others,
                Math.round(span * Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().availableProcessors());
        System.out.printf("surge: %.0f receipts/s, p99 %.1f ms, raw %.0f INSERT+COMMIT/s with %d clients, ratio %.2f%n",
                rate, p99, raw, n, raw == 0 ? 0 : rate / raw);
    }

    private static void jcmd(BenchPlatform platform, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(platform.process.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** SM3withSM2 verifications per second on {@code threads} threads for {@code seconds}, with {@code b}'s key. */
    private static double sm2VerifyRate(Bidder b, int threads, int seconds) throws InterruptedException {
        byte[] message = new byte[32];
        byte[] signature = Sm2.sign(b.key, message);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                long c = 0;
                while (System.nanoTime() < end) {
                    if (!Sm2.verify(b.certificate.getPublicKey(), message, signature)) {
                        throw new IllegalStateException("verification failed");
                    }
                    c++;
                }
                done.addAndGet(c);
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.get() / (double) seconds;
    }

    /** One bidder: its account, demo key and certificate, and the envelopes it has sealed, not yet sent. */
    private static final class Bidder {
        final String username;
        String token;
        PrivateKey key;
        X509Certificate certificate;
        Path file;
        final List<byte[]> pool = new ArrayList<>();
        Thread thread;
        long receipts, sealedInWindow, failedChecks, byDeadline;
        final Map<String, Long> refusals = new TreeMap<>();
        long[] latencies = new long[1024];
        int latencyCount;

        Bidder(String username) {
            this.username = username;
        }

        /** Uploads {@code count} envelopes of the pool, one after another, each receipt checked (the warm-up). */
        void warmUp(HttpClient http, String base, UUID tender, X509Certificate platformCert, int count) {
            for (int i = 0; i < count && !pool.isEmpty(); i++) {
                byte[] envelope = pool.remove(pool.size() - 1);
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenders/" + tender + "/bids"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201 || !checkReceipt(platformCert, JSON.readTree(r.body()), Sm3.hex(envelope))) {
                        throw new IllegalStateException("warm-up upload: " + r.statusCode() + " " + r.body());
                    }
                    receipts++;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Uploads one envelope after another until the deadline (an upload in flight then is answered first). */
        void upload(HttpClient http, String base, UUID tender, PublicKey openingKey, X509Certificate platformCert,
                long deadlineNanos, AtomicBoolean stop) {
            int next = 0;
            while (!stop.get() && System.nanoTime() < deadlineNanos) {
                try {
                    byte[] envelope;
                    if (next < pool.size()) {
                        envelope = pool.get(next);
                        pool.set(next++, null);
                    } else {
                        envelope = seal(tender, openingKey, this, next++);
                        sealedInWindow++;
                    }
                    long s0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenders/" + tender + "/bids"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
                    long s1 = System.nanoTime();
                    if (r.statusCode() == 201) {
                        if (checkReceipt(platformCert, JSON.readTree(r.body()), Sm3.hex(envelope))) {
                            receipts++;
                            if (s1 <= deadlineNanos) {
                                byDeadline++;
                            }
                            if (latencyCount == latencies.length) {
                                latencies = Arrays.copyOf(latencies, latencyCount * 2);
                            }
                            latencies[latencyCount++] = s1 - s0;
                        } else {
                            failedChecks++;
                        }
                    } else {
                        String code = field(r.body(), "code");
                        refusals.merge(r.statusCode() + " " + code, 1L, Long::sum);
                    }
                } catch (Exception e) {
                    refusals.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                }
            }
        }
    }

    /**
     * Batch statements (with their signature) this client has verified: the 64 bidders share this one client (and the
     * platform's 2 cores), so a batch signature verified once is not verified again, as one client of many receipts
     * would do; each receipt's own path to the signed root is always checked.
     */
    private static final java.util.Set<String> VERIFIED_BATCHES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The client's check of a receipt, as the bidder tool makes it ({@code BidderTool.checkReceipt}): the receipt is
     * signed by the platform's certificate, with its batch or on its own ({@link ReceiptSignature}), and names the
     * envelope sent.
     */
    static boolean checkReceipt(X509Certificate platformCert, JsonNode answer, String envelopeSm3) {
        if (!ReceiptSignature.check(answer, platformCert.getPublicKey(), VERIFIED_BATCHES).valid()) {
            return false;
        }
        return envelopeSm3.equals(JSON.readTree(answer.path("receipt").asString()).path("envelopeSm3").asString());
    }

    /** A real envelope: the bidder's file sealed to the tender's opening key, signed with the bidder's key. */
    private static byte[] seal(UUID tender, PublicKey openingKey, Bidder b, int serial) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.file.toFile().length() > 0 ? (int) b.file.toFile().length() + 4096 : 4096);
        String price = String.format("%d.%02d", 50_000_000 + ThreadLocalRandom.current().nextInt(5_000_000), serial % 100);
        Envelope.seal(new Envelope.Contents(tender, "{\"totalPrice\":\"" + price + "\",\"durationDays\":540}",
                Map.of("tool", "SurgeBench"), Map.of("投标文件.pdf", b.file)), openingKey, b.key, b.certificate, Instant.now(), out);
        return out.toByteArray();
    }

    /**
     * PostgreSQL's cumulative counters (pg_stat_user_tables, pg_stat_database) read as the superuser: per table its
     * index scans, sequential scans, rows inserted, updated and deleted; under {@code ""} the database's committed and
     * rolled-back transactions. Before and after the window, they say what an upload asks of the database.
     */
    private static Map<String, long[]> tableStats(BenchPlatform platform, int port) {
        Map<String, long[]> stats = new TreeMap<>();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres",
                Files.readString(platform.data.resolve("keys").resolve("db-postgres.secret")).strip());
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT relname, coalesce(idx_scan, 0), coalesce(seq_scan, 0), n_tup_ins, n_tup_upd,"
                    + " n_tup_del FROM pg_stat_user_tables");
            while (rs.next()) {
                stats.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
            }
            rs = s.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()");
            rs.next();
            stats.put("", new long[] {rs.getLong(1), rs.getLong(2)});
        } catch (Exception e) {
            System.out.println("database statistics unavailable: " + e);
        }
        return stats;
    }

    /** What the window asked of the database, per receipt: transactions, and the tables most scanned or written. */
    private static void printTableStats(Map<String, long[]> before, Map<String, long[]> after, long receipts) {
        if (before.isEmpty() || after.isEmpty() || receipts == 0) {
            return;
        }
        double per = receipts;
        long[] xb = before.getOrDefault("", new long[2]), xa = after.getOrDefault("", new long[2]);
        List<String> rows = new ArrayList<>();
        long scans = 0, writes = 0;
        for (var e : after.entrySet()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            long[] b = before.getOrDefault(e.getKey(), new long[5]), a = e.getValue();
            long idx = a[0] - b[0], seq = a[1] - b[1], ins = a[2] - b[2], upd = a[3] - b[3], del = a[4] - b[4];
            scans += idx + seq;
            writes += ins + upd + del;
            if (idx + seq + ins + upd + del >= receipts / 2) {
                rows.add(String.format("%s %.1f/%.1f/%.1f/%.1f/%.1f", e.getKey(), idx / per, seq / per, ins / per, upd / per, del / per));
            }
        }
        System.out.printf("database per receipt: %.1f transactions committed (%.2f rolled back), %.1f table scans, %.1f rows written;"
                + " by table (index scans/seq scans/inserted/updated/deleted): %s%n", (xa[0] - xb[0]) / per, (xa[1] - xb[1]) / per,
                scans / per, writes / per, String.join(", ", rows));
    }

    /**
     * The raw limit: {@code clients} connections to the platform's own PostgreSQL server, each doing INSERT + COMMIT of
     * a small row in a loop (autocommit: each statement its own transaction) for {@code seconds}.
     */
    private static double rawInserts(BenchPlatform platform, int port, int clients, int seconds) throws Exception {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        String password = Files.readString(platform.data.resolve("keys").resolve("db-postgres.secret")).strip();
        try (Connection dba = DriverManager.getConnection(url, "postgres", password); Statement s = dba.createStatement()) {
            s.execute("CREATE SCHEMA bench");
            s.execute("CREATE TABLE bench.raw (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, note TEXT NOT NULL)");
            var settings = s.executeQuery("SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings"
                    + " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay')");
            settings.next();
            System.out.println("database: " + settings.getString(1));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inserts = new AtomicLong();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(DriverManager.getConnection(url, "postgres", password));
            }
        } catch (java.sql.SQLException e) {
            for (Connection c : connections) {
                c.close();
            }
            // PostgreSQL's max_connections (100) is shared with the platform's pool (sunbid.db.pool-size)
            throw new IllegalStateException("raw: only " + connections.size() + " of " + clients
                    + " connections beside the platform's pool: " + e.getMessage(), e);
        }
        List<Thread> threads = new ArrayList<>();
        for (Connection c : connections) {
            Thread t = new Thread(() -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench.raw (at, note) VALUES (now(), ?)")) {
                    insert.setString(1, "x".repeat(100));
                    while (!stop.get()) {
                        insert.executeUpdate();
                        inserts.incrementAndGet();
                    }
                } catch (java.sql.SQLException e) {
                    System.out.println("raw: " + e);
                }
            });
            threads.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long count = inserts.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        for (Connection c : connections) {
            c.close();
        }
        System.out.printf("raw: %d clients on the platform's PostgreSQL, %d INSERT+COMMIT in %.1f s%n", clients, count, elapsed);
        return count / elapsed;
    }

    /** An optional argument's value: empty when absent or left empty (Maven may drop an empty argument). */
    private static String optional(String[] args, String name) {
        String value = stringArg(args, name, "");
        return value.matches("--[a-z-]+") ? "" : value;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String post(HttpClient http, String url, String token, String json, int... ok) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (Arrays.stream(ok).noneMatch(s -> s == response.statusCode())) {
            throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
