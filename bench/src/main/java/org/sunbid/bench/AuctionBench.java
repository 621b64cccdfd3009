package org.sunbid.bench;

import static org.sunbid.bench.BenchPlatform.field;
import static org.sunbid.bench.BenchPlatform.intArg;
import static org.sunbid.bench.BenchPlatform.loadAverage;
import static org.sunbid.bench.BenchPlatform.stringArg;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

import org.sunbid.platform.auction.Journal;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.RoomEvent;

/**
 * The live auction benchmark (issue 17, acceptance 5). Starts the whole platform as its own JVM ({@code --demo} on a
 * fresh data directory, with the launcher's JVM defaults unless {@code --jvm "…"}; the demo's live land auction
 * YZ-2026-TD-0032 opening 2 s after the demo loads, its scripted rival off, all eight demo bidders qualified), then:
 * <ul>
 *   <li>{@code --bidders} concurrent bidders (default 48) as the eight demo bidders, each with one bid in flight: on the
 *       bid socket ({@code --channel socket}, default: one WebSocket each, upgraded over HTTP with the bidder's bearer
 *       token, bids as frames, all connections driven by one selector thread) or as {@code POST …/bids} requests
 *       ({@code --channel http}: one keep-alive connection and thread each). Each bid is the next ticket of a shared
 *       counter rising one increment per bid sent (jumping to the least acceptable amount a refusal names); every
 *       answer comes only once the bid is fsync'd. Bids in flight at once reach the room in an order the scheduler
 *       picks, so many are refused (too low, or the leader's own number); refusals are journalled and fsync'd before
 *       their answer like acceptances, so "acknowledged" counts both and the accepted rate is printed apart;</li>
 *   <li>{@code --watchers} public watchers (default 1000) on the bid socket (or the SSE stream {@code /live} with
 *       {@code --channel http}); afterwards each accepted bid is checked against each watcher's frames: the watcher
 *       must have seen a price at least that bid's within 100 ms of its acknowledgement (misses are counted).</li>
 * </ul>
 * Bidding runs {@code --warmup} seconds unmeasured (default 15: both JVMs' JIT compile the hot paths meanwhile), then
 * {@code --seconds} measured (default 20). The raw limit is measured in the same run: the same {@link Journal} (same
 * file system, same group commit) with the same number of concurrent appenders, each waiting for its fsync'd
 * acknowledgement. Last line:
 * {@code auction: <bids/s> acknowledged bids/s, p99 <ms> ms, raw <appends/s> durable appends/s, ratio <r>, watchers <n>}.
 * Usage: {@code mvn -B -ntp -pl bench exec:exec@auction [-Dauction.bidders=48 -Dauction.seconds=20 -Dauction.channel=socket]}.
 */
public final class AuctionBench {

    private static final String LOT_CODE = "YZ-2026-TD-0032";
    private static final String PASSWORD = "Sunbid@2026";
    private static final List<String> ACCOUNTS = List.of("bidder1", "bidder2", "bidder3", "bidder4", "bidder5", "bidder6",
            "bidder7", "bidder8");

    public static void main(String[] args) throws Exception {
        int bidders = intArg(args, "--bidders", 48);
        int watchers = intArg(args, "--watchers", 1000);
        int seconds = intArg(args, "--seconds", 20);
        // bidding before the measured window, unmeasured: the JIT compiles the hot paths of both JVMs meanwhile
        int warmup = intArg(args, "--warmup", 15);
        // --route room: the same client GETs the room's snapshot (a trivial route: same filters and bearer token, no
        // journal, no fsync) instead of bidding — what the HTTP stack alone answers on this machine
        boolean roomOnly = "room".equals(stringArg(args, "--route", "bids"));
        // --channel socket (default): bidders and watchers on the bid socket (one WebSocket each, bids as frames);
        // --channel http: bids as POST requests, watchers on the Server-Sent Events stream (the first version's path)
        boolean socket = !roomOnly && "socket".equals(stringArg(args, "--channel", "socket"));
        Path data = Files.createTempDirectory("sunbid-auction-bench");
        // the platform's JVM options: none by default (as the sunbid launcher runs it); --jvm "…" to try others
        List<String> jvm = List.of(stringArg(args, "--jvm", "").split(" "));
        try (BenchPlatform platform = BenchPlatform.start(data, jvm, List.of("--demo", "--sunbid.demo.live-rival=false",
                "--sunbid.demo.live-auction-delay=PT2S", "--sunbid.demo.live-auction-bidders=" + String.join(",", ACCOUNTS),
                "--server.tomcat.threads.max=" + Math.max(200, bidders * 2), "--server.tomcat.max-keep-alive-requests=-1", "--server.tomcat.max-connections=" + (watchers + bidders + 200),
                "--logging.level.root=WARN", "--logging.level.org.sunbid=INFO"), Duration.ofMinutes(5))) {
            int port = platform.port;
            String base = platform.base;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
            SocketWatchers socketWatchers = null;
            if (socket) {
                socketWatchers = new SocketWatchers(port, "/api/v1/auctions/" + lot + "/socket", watchers);
                watching.addAll(socketWatchers.all);
                socketWatchers.start();
            } else {
                HttpClient sse = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                for (int i = 0; i < watchers; i++) {
                    Watcher w = new Watcher();
                    watching.add(w);
                    sse.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/auctions/" + lot + "/live"))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.fromLineSubscriber(w));
                }
            }
            long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (watching.stream().filter(w -> w.count > 0).count() < watchers && System.nanoTime() < connectDeadline) {
                Thread.sleep(100);
            }
            long connected = watching.stream().filter(w -> w.count > 0).count();
            System.out.printf("%d of %d watchers connected (%s)%n", connected, watchers, socket ? "bid socket" : "Server-Sent Events");

            // the bidders
            AtomicLong minimum = new AtomicLong(fen(field(room, "minimumNext")));
            AtomicBoolean stop = new AtomicBoolean();
            Bidder[] all = new Bidder[bidders];
            for (int i = 0; i < bidders; i++) {
                all[i] = new Bidder(port, "/api/v1/auctions/" + lot + (roomOnly ? "/room" : socket ? "/socket?room=false" : "/bids"),
                        tokens.get(i % tokens.size()), i, bidders, increment, minimum, stop, socket);
            }
            double load = loadAverage();
            long t0 = System.nanoTime();
            SocketBidders socketBidders = socket ? new SocketBidders(port, all, stop) : null;
            if (socketBidders != null) {
                socketBidders.start();
            } else {
                for (Bidder b : all) {
                    b.start();
                }
            }
            if (warmup > 0) {
                Thread.sleep(warmup * 1000L);
                System.out.printf("warm-up: %d s of bidding, not measured%n", warmup);
                load = loadAverage();
                t0 = System.nanoTime();
                for (Bidder b : all) {
                    b.measuring = true;
                }
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Bidder b : all) {
                b.join(30_000);
            }
            if (socketBidders != null) {
                socketBidders.join(30_000);
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            double loadAfter = loadAverage();
            Thread.sleep(500); // the last pushes
            if (socketWatchers != null) {
                socketWatchers.finish();
            }

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
            double p90 = latencies.length == 0 ? 0 : latencies[(int) (latencies.length * 0.90)] / 1e6;
            double p999 = latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, latencies.length * 0.999)] / 1e6;
            double max = latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6;

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
            System.out.printf("channel: %s%n", roomOnly ? "HTTP GET …/room (the stack alone)" : socket
                    ? "bid socket (a WebSocket per bidder, bids as frames; watchers on the same socket endpoint)"
                    : "HTTP POST …/bids, watchers on Server-Sent Events");
            System.out.printf("bidders %d (over %d bidder numbers), %.1f s: %d accepted (%.0f/s), %d refused (%.0f/s; answered once"
                    + " durable too), %d errors, %d reconnects; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                    bidders, ACCOUNTS.size(), elapsed, accepted, accepted / elapsed, refused, refused / elapsed, errors, reconnects,
                    p50, p90, p99, p999, max);
            System.out.printf("watchers %d connected of %d; %d price checks (acknowledged bids x watchers), %d missed 100 ms"
                    + " (worst %.0f ms late); events per watcher ~%d%n", connected, watchers, checks, misses, worstLate / 1e6,
                    watching.isEmpty() ? 0 : watching.get(0).count);
            System.out.printf("machine: %d cores, load average %.2f before / %.2f after the bidding%n",
                    Runtime.getRuntime().availableProcessors(), load, loadAfter);
            System.out.printf("auction: %.0f acknowledged bids/s, p99 %.1f ms, raw %.0f durable appends/s, ratio %.2f, watchers %d%n",
                    rate, p99, raw, raw == 0 ? 0 : rate / raw, watchers);
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
        private final boolean socket;
        private final String path;
        private final String token;
        long accepted, refused, errors, reconnects;
        /** Set when the measured window opens: the bidder then starts its counts afresh (its own thread resets them). */
        volatile boolean measuring;
        private boolean reset;
        long[] latencies = new long[1 << 16];
        int latencyCount;
        long[] ackAmounts = new long[1 << 14], ackTimes = new long[1 << 14];
        int ackCount;

        Bidder(int port, String path, String token, int slot, int of, long increment, AtomicLong minimum, AtomicBoolean stop,
                boolean socket) {
            super("bidder-" + slot);
            this.socket = socket;
            this.path = path;
            this.token = token;
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

        private final byte[] frame = new byte[256];
        private long sentAt;

        /** The next bid as a client frame (FIN + text, masked with the zero key: the payload goes as is); notes its time. */
        java.nio.ByteBuffer nextFrame() {
            byte[] body = nextBid();
            frame[0] = (byte) 0x81;
            frame[1] = (byte) (0x80 | body.length);
            frame[2] = frame[3] = frame[4] = frame[5] = 0;
            System.arraycopy(body, 0, frame, 6, body.length);
            sentAt = System.nanoTime();
            return java.nio.ByteBuffer.wrap(frame, 0, 6 + body.length);
        }

        /**
         * The next bid's body, {@code {"amount":"…"}}: the next ticket of a shared counter that rises by one increment
         * per bid sent (and jumps to the least acceptable amount a refusal names). Starts the counts afresh when the
         * measured window has just opened.
         */
        byte[] nextBid() {
            if (measuring && !reset) {
                reset = true;
                accepted = refused = errors = 0;
                latencyCount = 0;
                ackCount = 0;
            }
            long amount = minimum.getAndAdd(increment);
            return ("{\"amount\":\"" + yuan(amount) + "\"}").getBytes(StandardCharsets.US_ASCII);
        }

        /** The bid socket's answer to the bid in flight, received at {@code t1}. */
        void answered(String answer, long t1) {
            record(t1 - sentAt, t1, answer.startsWith("{\"type\":\"accepted\""),
                    answer.startsWith("{\"type\":\"refused\"") && answer.contains("\"status\":409"), answer);
        }

        /** One answer: its latency, and an accepted bid's amount and time, or a refusal's least acceptable amount. */
        private void record(long latency, long t1, boolean wasAccepted, boolean wasRefused, String answer) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencyCount * 2);
            }
            latencies[latencyCount++] = latency;
            if (wasAccepted) {
                accepted++;
                if (answer == null) {
                    return; // the trivial route: nothing to check
                }
                long got = fen(field(answer, "amount"));
                if (ackCount == ackAmounts.length) {
                    ackAmounts = Arrays.copyOf(ackAmounts, ackCount * 2);
                    ackTimes = Arrays.copyOf(ackTimes, ackCount * 2);
                }
                ackAmounts[ackCount] = got;
                ackTimes[ackCount++] = t1;
            } else if (wasRefused) {
                refused++;
                String next = field(answer, "minimumNext");
                if (next != null) {
                    minimum.accumulateAndGet(fen(next), Math::max);
                }
            } else {
                errors++;
                if (errors < 3) {
                    System.out.println("bidder " + slot + ": " + answer);
                }
            }
        }

        private void bidOn() throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                while (!stop.get()) {
                    byte[] body = nextBid();
                    long t0 = System.nanoTime();
                    if (get) {
                        out.write(head);
                        out.write('0');
                        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        int[] status = new int[1];
                        readResponse(in, status);
                        long t1 = System.nanoTime();
                        record(t1 - t0, t1, status[0] == 200, false, status[0] == 200 ? null : "status " + status[0]);
                        continue;
                    }
                    out.write(head);
                    out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
                    out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    int[] status = new int[1];
                    String answer = readResponse(in, status);
                    long t1 = System.nanoTime();
                    record(t1 - t0, t1, status[0] == 200, status[0] == 409 || status[0] == 422 || status[0] == 400,
                            status[0] + " " + answer);
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

    /** The WebSocket upgrade request for {@code path} (a bearer token where given). */
    static byte[] upgrade(String path, String token) {
        byte[] key = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(key);
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + java.util.Base64.getEncoder().encodeToString(key) + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The bidders on the bid socket: each its own connection upgraded with its bearer token, each with one bid in flight
     * (the next sent as soon as the answer to the last arrives), all driven by one selector thread — a lean client, so
     * that the machine's two cores go to the platform rather than to hundreds of client threads waking for each answer.
     */
    private static final class SocketBidders extends Thread {
        private final java.nio.channels.Selector selector;
        private final AtomicBoolean stop;
        private final List<java.nio.channels.SocketChannel> channels = new ArrayList<>();

        SocketBidders(int port, Bidder[] bidders, AtomicBoolean stop) throws IOException {
            super("socket-bidders");
            setDaemon(true);
            this.stop = stop;
            selector = java.nio.channels.Selector.open();
            for (Bidder b : bidders) {
                java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port));
                ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                java.nio.ByteBuffer buf = SocketWatchers.upgraded(ch, b.path, b.token);
                ch.configureBlocking(false);
                ch.register(selector, java.nio.channels.SelectionKey.OP_READ, new Object[] {b, buf});
                channels.add(ch);
            }
        }

        @Override
        public void run() {
            try {
                for (var key : selector.keys()) {
                    send(key);
                }
                while (!stop.get()) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                        var key = it.next();
                        it.remove();
                        Object[] state = (Object[]) key.attachment();
                        Bidder b = (Bidder) state[0];
                        java.nio.ByteBuffer buf = (java.nio.ByteBuffer) state[1];
                        java.nio.channels.SocketChannel ch = (java.nio.channels.SocketChannel) key.channel();
                        if (ch.read(buf) < 0) {
                            key.cancel();
                            b.errors++;
                            continue;
                        }
                        buf.flip();
                        boolean answered = false;
                        for (String text; (text = nextText(buf)) != null; ) {
                            if (!text.startsWith("{\"type\":\"room\"")) {
                                b.answered(text, now);
                                answered = true;
                            }
                        }
                        buf.compact();
                        if (answered && !stop.get()) {
                            send(key);
                        }
                    }
                }
            } catch (IOException e) {
                System.out.println("bidders: " + e);
            } finally {
                for (var ch : channels) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }

        private static void send(java.nio.channels.SelectionKey key) throws IOException {
            Bidder b = (Bidder) ((Object[]) key.attachment())[0];
            java.nio.ByteBuffer frame = b.nextFrame();
            java.nio.channels.SocketChannel ch = (java.nio.channels.SocketChannel) key.channel();
            while (frame.hasRemaining()) {
                ch.write(frame); // ~40 bytes on an idle socket: written at once
            }
        }

        /** The next whole text frame in {@code b} (read mode), consumed; null when none is whole yet. */
        private static String nextText(java.nio.ByteBuffer b) {
            while (b.remaining() >= 2) {
                int start = b.position();
                int b0 = b.get(start) & 0xff;
                int len = b.get(start + 1) & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (b.remaining() < 4) {
                        return null;
                    }
                    len = ((b.get(start + 2) & 0xff) << 8) | (b.get(start + 3) & 0xff);
                    header = 4;
                }
                if (b.remaining() < header + len) {
                    return null;
                }
                b.position(start + header + len);
                if ((b0 & 0x0f) == 1) {
                    return new String(b.array(), start + header, len, StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /**
     * The watchers on the bid socket: each its own connection (upgraded without a token: the public), all read by one
     * selector thread that notes the time and price of every room frame.
     */
    private static final class SocketWatchers extends Thread {
        final List<Watcher> all = new ArrayList<>();
        private final java.nio.channels.Selector selector;
        private volatile boolean stopped;

        SocketWatchers(int port, String path, int n) throws IOException {
            super("socket-watchers");
            setDaemon(true);
            selector = java.nio.channels.Selector.open();
            for (int i = 0; i < n; i++) {
                java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", port));
                java.nio.ByteBuffer buf = upgraded(ch, path, null);
                ch.configureBlocking(false);
                Watcher w = new Watcher();
                w.buffer = buf;
                all.add(w);
                ch.register(selector, java.nio.channels.SelectionKey.OP_READ, w);
                w.parse(System.nanoTime());
            }
        }

        /** Upgrades {@code ch} (blocking) to a WebSocket on {@code path}; answers a buffer (write mode) with what followed. */
        static java.nio.ByteBuffer upgraded(java.nio.channels.SocketChannel ch, String path, String token) throws IOException {
            ch.write(java.nio.ByteBuffer.wrap(upgrade(path, token)));
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
            int end;
            while ((end = headEnd(buf)) < 0) {
                if (ch.read(buf) < 0) {
                    throw new IOException("closed during the upgrade of " + path);
                }
            }
            String head = new String(buf.array(), 0, end, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + head);
            }
            // keep what followed the head (the first frame may have come with it)
            buf.flip();
            buf.position(end);
            buf.compact();
            return buf;
        }

        private static int headEnd(java.nio.ByteBuffer buf) {
            byte[] a = buf.array();
            for (int i = 3; i < buf.position(); i++) {
                if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                    return i + 1;
                }
            }
            return -1;
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                        var key = it.next();
                        it.remove();
                        Watcher w = (Watcher) key.attachment();
                        java.nio.channels.SocketChannel ch = (java.nio.channels.SocketChannel) key.channel();
                        try {
                            if (ch.read(w.buffer) < 0) {
                                key.cancel();
                                continue;
                            }
                        } catch (IOException e) {
                            key.cancel();
                            continue;
                        }
                        w.parse(now);
                    }
                }
            } catch (IOException e) {
                System.out.println("watchers: " + e);
            }
        }

        void finish() throws IOException {
            stopped = true;
            selector.wakeup();
            try {
                join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (var key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
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
        java.nio.ByteBuffer buffer; // the bid socket's: bytes read, not yet parsed (write mode)
        private static final byte[] PRICE = "\"currentPrice\":\"".getBytes(StandardCharsets.US_ASCII);

        /** Parses the whole frames in {@link #buffer}, noting each room frame's price at {@code now}. */
        void parse(long now) {
            java.nio.ByteBuffer b = buffer;
            b.flip();
            while (b.remaining() >= 2) {
                int start = b.position();
                int b0 = b.get(start) & 0xff;
                int len = b.get(start + 1) & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (b.remaining() < 4) {
                        break;
                    }
                    len = ((b.get(start + 2) & 0xff) << 8) | (b.get(start + 3) & 0xff);
                    header = 4;
                } else if (len == 127) {
                    throw new IllegalStateException("a frame over 64 KiB");
                }
                if (b.remaining() < header + len) {
                    break;
                }
                if ((b0 & 0x0f) == 1) {
                    long price = price(b.array(), start + header, start + header + len);
                    if (price >= 0) {
                        synchronized (this) {
                            if (count == times.length) {
                                times = Arrays.copyOf(times, count * 2);
                                prices = Arrays.copyOf(prices, count * 2);
                            }
                            times[count] = now;
                            prices[count++] = price;
                        }
                    }
                }
                b.position(start + header + len);
            }
            b.compact();
        }

        /** The currentPrice in fen of the JSON in {@code a[from, to)}, or -1. */
        private static long price(byte[] a, int from, int to) {
            outer:
            for (int i = from; i + PRICE.length < to; i++) {
                for (int j = 0; j < PRICE.length; j++) {
                    if (a[i + j] != PRICE[j]) {
                        continue outer;
                    }
                }
                long fen = 0;
                int decimals = -1;
                for (int k = i + PRICE.length; k < to && a[k] != '"'; k++) {
                    if (a[k] == '.') {
                        decimals = 0;
                    } else {
                        fen = fen * 10 + (a[k] - '0');
                        if (decimals >= 0) {
                            decimals++;
                        }
                    }
                }
                for (int d = Math.max(decimals, 0); d < 2; d++) {
                    fen *= 10;
                }
                return fen;
            }
            return -1;
        }

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

    static long fen(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
