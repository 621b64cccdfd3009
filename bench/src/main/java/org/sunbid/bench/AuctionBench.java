package org.sunbid.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sunbid.platform.auction.Journal;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.RoomEvent;

/**
 * The live auction benchmark (issue 17, acceptance 5). Starts the whole platform as its own JVM ({@code --demo} on a
 * fresh data directory, the demo's live land auction YZ-2026-TD-0032 opening 2 s after the demo loads, its scripted
 * rival off, all eight demo bidders qualified), then for {@code --seconds}:
 * <ul>
 *   <li>{@code --bidders} concurrent bidders over HTTP/1.1 keep-alive (a lean blocking client, one connection each)
 *       as the eight demo bidders, each bid the next ticket of a shared counter rising one increment per bid sent
 *       (and jumping to the least acceptable amount a refusal names), every answer given only once the bid is
 *       fsync'd. Bids in flight at once reach the room in an order the scheduler picks, so with hundreds in flight
 *       many are refused (too low, or the leader's own number); refusals are journalled and fsync'd before their
 *       answer like acceptances, so "acknowledged" counts both and the accepted rate is printed apart;</li>
 *   <li>{@code --watchers} Server-Sent Events watchers of {@code /live}; afterwards each acknowledged bid is checked
 *       against each watcher's stream: the watcher must have seen a price at least that bid's within 100 ms of its
 *       acknowledgement (misses are counted and printed).</li>
 * </ul>
 * The raw limit is measured in the same run: the same {@link Journal} (same file system, same group commit) with the
 * same number of concurrent appenders, each waiting for its fsync'd acknowledgement. Last line:
 * {@code auction: <bids/s> acknowledged bids/s, p99 <ms> ms, raw <appends/s> durable appends/s, ratio <r>, watchers <n>}.
 * Usage: {@code mvn -B -ntp -pl bench exec:exec@auction [-Dauction.bidders=256 -Dauction.seconds=20]}.
 */
public final class AuctionBench {

    private static final String LOT_CODE = "YZ-2026-TD-0032";
    private static final String PASSWORD = "Sunbid@2026";
    private static final List<String> ACCOUNTS = List.of("bidder1", "bidder2", "bidder3", "bidder4", "bidder5", "bidder6",
            "bidder7", "bidder8");

    public static void main(String[] args) throws Exception {
        int bidders = intArg(args, "--bidders", 256);
        int watchers = intArg(args, "--watchers", 1000);
        int seconds = intArg(args, "--seconds", 20);
        // --route room: the same client GETs the room's snapshot (a trivial route: same filters and bearer token, no
        // journal, no fsync) instead of bidding — what the HTTP stack alone answers on this machine
        boolean roomOnly = "room".equals(stringArg(args, "--route", "bids"));
        Path data = Files.createTempDirectory("sunbid-auction-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.sunbid.platform.SunbidApplication", "--demo",
                "--server.port=" + port, "--sunbid.data-dir=" + data, "--sunbid.demo.live-rival=false",
                "--sunbid.demo.live-auction-delay=PT2S", "--sunbid.demo.live-auction-bidders=" + String.join(",", ACCOUNTS),
                "--server.tomcat.threads.max=" + Math.max(200, bidders * 2), "--server.tomcat.max-keep-alive-requests=-1", "--server.tomcat.max-connections=" + (watchers + bidders + 200),
                "--logging.level.root=WARN", "--logging.level.org.sunbid=INFO"));
        Path log = data.resolve("platform.log");
        System.out.println("starting the platform on port " + port + ", data " + data + " (log " + log + ")");
        Process platform = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long started = System.nanoTime();
            while (true) {
                if (!platform.isAlive()) {
                    throw new IllegalStateException("the platform exited: see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("the platform did not start: see " + log);
                }
                Thread.sleep(250);
            }
            platform.descendants().forEach(children::add);
            System.out.printf("platform up in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            String tendersJson = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenders?limit=1000")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int at = tendersJson.indexOf("\"" + LOT_CODE + "\"");
            int idAt = tendersJson.lastIndexOf("{\"id\":\"", at);
            String lot = tendersJson.substring(idAt + 7, idAt + 7 + 36);
            String room = "";
            for (int i = 0; i < 300 && field(room, "minimumNext") == null; i++) {
                room = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot + "/room")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (field(room, "minimumNext") == null) {
                    Thread.sleep(200);
                }
            }
            System.out.println("room " + lot + ": " + room);
            long increment = fen(field(room, "increment"));
            List<String> tokens = new ArrayList<>();
            for (String account : ACCOUNTS) {
                String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + account + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                tokens.add(field(body, "token"));
            }

            // the watchers, connected before the bidding starts
            List<Watcher> watching = new ArrayList<>();
            HttpClient sse = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < watchers; i++) {
                Watcher w = new Watcher();
                watching.add(w);
                sse.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot + "/live"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.fromLineSubscriber(w));
            }
            long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (watching.stream().filter(w -> w.count > 0).count() < watchers && System.nanoTime() < connectDeadline) {
                Thread.sleep(100);
            }
            long connected = watching.stream().filter(w -> w.count > 0).count();
            System.out.printf("%d of %d watchers connected%n", connected, watchers);

            // the bidders
            AtomicLong minimum = new AtomicLong(fen(field(room, "minimumNext")));
            AtomicBoolean stop = new AtomicBoolean();
            Bidder[] all = new Bidder[bidders];
            for (int i = 0; i < bidders; i++) {
                all[i] = new Bidder(port, "/api/v1/auctions/" + lot + (roomOnly ? "/room" : "/bids"), tokens.get(i % tokens.size()), i, bidders,
                        increment, minimum, stop);
            }
            double load = loadAverage();
            long t0 = System.nanoTime();
            for (Bidder b : all) {
                b.start();
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Bidder b : all) {
                b.join(30_000);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double loadAfter = loadAverage();
            Thread.sleep(500); // the last pushes

            long accepted = 0, refused = 0, errors = 0, reconnects = 0;
            int totalLatencies = 0;
            for (Bidder b : all) {
                accepted += b.accepted;
                refused += b.refused;
                errors += b.errors;
                reconnects += b.reconnects;
                totalLatencies += b.latencyCount;
            }
            long[] latencies = new long[totalLatencies];
            int k = 0;
            for (Bidder b : all) {
                System.arraycopy(b.latencies, 0, latencies, k, b.latencyCount);
                k += b.latencyCount;
            }
            Arrays.sort(latencies);
            double p99 = latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)] / 1e6;
            double p50 = latencies.length == 0 ? 0 : latencies[latencies.length / 2] / 1e6;

            // every acknowledged price seen by every watcher within 100 ms of its acknowledgement
            long[][] acks = acknowledgements(all);
            long misses = 0, checks = 0, worstLate = 0;
            for (Watcher w : watching) {
                long[] times, prices;
                int n;
                synchronized (w) {
                    n = w.count;
                    times = Arrays.copyOf(w.times, n);
                    prices = Arrays.copyOf(w.prices, n);
                }
                int j = 0;
                for (int i = 0; i < acks[0].length; i++) {
                    long amount = acks[0][i];
                    long ackTime = acks[1][i];
                    while (j < n && prices[j] < amount) {
                        j++;
                    }
                    checks++;
                    if (j == n) {
                        misses++;
                    } else {
                        // the first state at or above the bid, if it came after the acknowledgement
                        long late = times[j] - ackTime;
                        if (late > 100_000_000L) {
                            misses++;
                            worstLate = Math.max(worstLate, late);
                        }
                    }
                }
            }

            // the raw limit: the same journal, the same concurrency, fsync'd appends acknowledged per second
            double raw = rawAppends(data.resolve("raw"), bidders, 5);
            // acknowledged = answered only once fsync'd in the room's journal: the accepted bids and the refused ones
            // (journalled as evidence, their refusal naming the least acceptable bid); accepted/s is printed apart
            double rate = (accepted + refused) / elapsed;
            System.out.printf("bidders %d (over %d bidder numbers), %.1f s: %d accepted (%.0f/s), %d refused (%.0f/s; answered once"
                    + " durable too), %d errors, %d reconnects; latency p50 %.2f ms, p99 %.2f ms%n", bidders, ACCOUNTS.size(), elapsed,
                    accepted, accepted / elapsed, refused, refused / elapsed, errors, reconnects, p50, p99);
            System.out.printf("watchers %d connected of %d; %d price checks (acknowledged bids x watchers), %d missed 100 ms"
                    + " (worst %.0f ms late); events per watcher ~%d%n", connected, watchers, checks, misses, worstLate / 1e6,
                    watching.isEmpty() ? 0 : watching.get(0).count);
            System.out.printf("machine: %d cores, load average %.2f before / %.2f after the bidding%n",
                    Runtime.getRuntime().availableProcessors(), load, loadAfter);
            System.out.printf("auction: %.0f acknowledged bids/s, p99 %.1f ms, raw %.0f durable appends/s, ratio %.2f, watchers %d%n",
                    rate, p99, raw, raw == 0 ? 0 : rate / raw, watchers);
        } finally {
            platform.descendants().forEach(children::add);
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
            }
            for (ProcessHandle h : children) {
                if (h.isAlive()) {
                    h.destroy();
                }
            }
        }
    }

    /** Acknowledged bids sorted by amount: [0] amounts, [1] acknowledgement times (nanoTime). */
    private static long[][] acknowledgements(Bidder[] all) {
        int n = 0;
        for (Bidder b : all) {
            n += b.ackCount;
        }
        long[][] pairs = new long[n][];
        int k = 0;
        for (Bidder b : all) {
            for (int i = 0; i < b.ackCount; i++) {
                pairs[k++] = new long[] {b.ackAmounts[i], b.ackTimes[i]};
            }
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[][] out = new long[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = pairs[i][0];
            out[1][i] = pairs[i][1];
        }
        return out;
    }

    private static double rawAppends(Path dir, int concurrency, int seconds) throws Exception {
        Files.createDirectories(dir);
        UUID lot = UUID.randomUUID();
        AuctionTerms terms = new AuctionTerms(lot, AuctionFormat.ASCENDING, 100_000_00L, 1_000_00L, Instant.now(), null,
                Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), 0, 1, false);
        try (Journal journal = Journal.open(dir.resolve(lot + ".journal"), new Journal.Header(terms, Set.of("A001")), null)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Thread t = new Thread(() -> {
                    long amount = 0;
                    while (!stop.get()) {
                        journal.append(new RoomEvent.BidPlaced("A001", amount += 100, Instant.now()), null).join();
                        done.incrementAndGet();
                    }
                });
                threads.add(t);
                t.start();
            }
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            long count = done.get();
            double elapsed = (System.nanoTime() - t0) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf("raw: %d concurrent appenders on the same journal, %d fsync'd appends in %.1f s (%d fsyncs)%n",
                    concurrency, count, elapsed, journal.syncs());
            return count / elapsed;
        }
    }

    /** One bidder on one keep-alive connection; bids its own slot above the least acceptable amount it last learned. */
    private static final class Bidder extends Thread {
        private final int port;
        private final byte[] head;
        private final boolean get;
        private final int slot;
        private final int of;
        private final long increment;
        private final AtomicLong minimum;
        private final AtomicBoolean stop;
        long accepted, refused, errors, reconnects;
        long[] latencies = new long[1 << 16];
        int latencyCount;
        long[] ackAmounts = new long[1 << 14], ackTimes = new long[1 << 14];
        int ackCount;

        Bidder(int port, String path, String token, int slot, int of, long increment, AtomicLong minimum, AtomicBoolean stop) {
            super("bidder-" + slot);
            this.port = port;
            this.get = path.endsWith("/room");
            this.head = ((get ? "GET " : "POST ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json, application/problem+json\r\nContent-Type: application/json\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
            this.slot = slot;
            this.of = of;
            this.increment = increment;
            this.minimum = minimum;
            this.stop = stop;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                try {
                    bidOn();
                } catch (IOException e) {
                    reconnects++; // the server closed the connection: open another and go on
                }
            }
        }

        private void bidOn() throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                while (!stop.get()) {
                    // the next ticket of a shared counter that rises by one increment per bid sent (and jumps to
                    // the least acceptable amount a refusal names): bids reach the server nearly in amount order, so
                    // most are valid
                    long amount = minimum.getAndAdd(increment);
                    byte[] body = ("{\"amount\":\"" + yuan(amount) + "\"}").getBytes(StandardCharsets.US_ASCII);
                    long t0 = System.nanoTime();
                    if (get) {
                        out.write(head);
                        out.write('0');
                        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        int[] status = new int[1];
                        readResponse(in, status);
                        long t1 = System.nanoTime();
                        if (latencyCount == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencyCount * 2);
                        }
                        latencies[latencyCount++] = t1 - t0;
                        if (status[0] == 200) {
                            accepted++;
                        } else {
                            errors++;
                        }
                        continue;
                    }
                    out.write(head);
                    out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
                    out.write('\r');
                    out.write('\n');
                    out.write('\r');
                    out.write('\n');
                    out.write(body);
                    out.flush();
                    int[] status = new int[1];
                    String answer = readResponse(in, status);
                    long t1 = System.nanoTime();
                    if (latencyCount == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencyCount * 2);
                    }
                    latencies[latencyCount++] = t1 - t0;
                    if (status[0] == 200) {
                        accepted++;
                        long got = fen(field(answer, "amount"));
                        if (ackCount == ackAmounts.length) {
                            ackAmounts = Arrays.copyOf(ackAmounts, ackCount * 2);
                            ackTimes = Arrays.copyOf(ackTimes, ackCount * 2);
                        }
                        ackAmounts[ackCount] = got;
                        ackTimes[ackCount++] = t1;
                    } else if (status[0] == 409 || status[0] == 422 || status[0] == 400) {
                        refused++;
                        String next = field(answer, "minimumNext");
                        if (next != null) {
                            minimum.accumulateAndGet(fen(next), Math::max);
                        }
                    } else {
                        errors++;
                        if (errors < 3) {
                            System.out.println("bidder " + slot + ": " + status[0] + " " + answer);
                        }
                    }
                }
            }
        }
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked); answers its body, the status in {@code status[0]}. */
    static String readResponse(InputStream in, int[] status) throws IOException {
        String statusLine = line(in);
        status[0] = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(h.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && h.toLowerCase().contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int l = b.length();
                return l > 0 && b.charAt(l - 1) == '\r' ? b.substring(0, l - 1) : b.toString();
            }
            b.append((char) c);
        }
        throw new IOException("connection closed");
    }

    /** One SSE watcher: the time (nanoTime) and price of every room state it receives. */
    private static final class Watcher implements Flow.Subscriber<String> {
        long[] times = new long[4096];
        long[] prices = new long[4096];
        int count;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            long now = System.nanoTime();
            String price = field(line, "currentPrice");
            if (price == null) {
                return;
            }
            synchronized (this) {
                if (count == times.length) {
                    times = Arrays.copyOf(times, count * 2);
                    prices = Arrays.copyOf(prices, count * 2);
                }
                times[count] = now;
                prices[count++] = fen(price);
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z]+)\":(\"([^\"]*)\"|null|-?[0-9]+)");

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

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
