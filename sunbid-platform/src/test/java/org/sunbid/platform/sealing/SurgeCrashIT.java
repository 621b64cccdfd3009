package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.ReceiptSignature;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.SunbidApplication;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 21, acceptance 2: {@code kill -9} during a deadline surge. The platform runs as a child JVM on its own embedded
 * PostgreSQL (not the context the other ITs share); bidders, each from its own thread, upload sealed envelopes as fast
 * as they can and keep every signed receipt that came back 201. After a few seconds the machine "crashes": the
 * platform's JVM and every PostgreSQL process are killed with SIGKILL at once (PostgreSQL then recovers from its WAL).
 * The platform restarts on the same data directory, and then every receipt a client holds must have its bid — row,
 * stored receipt and envelope file — and its confidential record committed under a root that a log entry carries; the
 * log must run from 0 to its size with no gap and no duplicate, its leaves hashing to the root of a head the platform
 * signed.
 */
class SurgeCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    /** The demo's bidders; those that can bid on a fresh tender (registered, deposit settled, first upload 201) surge. */
    private static final int DEMO_BIDDERS = 11;
    private static final int MIN_BIDDERS = 8;
    /** Small sealed bids: the surge is about many acknowledgements, not bytes. */
    private static final int BID_FILE_BYTES = 16 * 1024;

    private final Path data = Path.of("target", "surge-crash", UUID.randomUUID().toString()).toAbsolutePath();
    private final int httpPort = freePort();
    private final int pgPort = freePort();
    private final String base = "http://localhost:" + httpPort;
    /** Every process this test started or must stop: the platform's JVMs and the PostgreSQL servers they started. */
    private final List<ProcessHandle> started = new ArrayList<>();
    private boolean passed;

    /** A receipt a bidder holds: the response to an upload that came back 201, as the client got it. */
    private record Held(String bidder, UUID bidId, String envelopeSm3, Instant receivedAt, String receipt, String response) {
    }

    private record Bidder(String username, UUID organisationId, PrivateKey key, X509Certificate certificate, String token) {
    }

    @AfterEach
    void stopEverything() throws IOException {
        killAll(); // on success the platform is already stopped; on failure (or a timeout) nothing may be left running
        if (passed) {
            deleteRecursively(data);
        } else {
            System.out.println("SurgeCrashIT: the platform's data and logs are kept in " + data);
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void everyReceiptHeldSurvivesAKillDuringTheSurgeAndTheLogStaysGapFree() throws Exception {
        long testStart = System.nanoTime();
        Files.createDirectories(data);
        // The demo's accounts, keys and CA without its 45 days of history: the platform is ready in seconds, not minutes.
        Process first = startPlatform("platform-1.log", "--sunbid.demo=true", "--sunbid.demo-history=false");
        awaitLine(first, data.resolve("platform-1.log"), "demo data loaded", Duration.ofSeconds(240));
        long ready = System.nanoTime();

        ApiClient api = new ApiClient(base);
        X509Certificate platformCertificate = Pem.certificate(api.get("/api/v1/ca/platform-certificate", null).json()
                .path("pem").asString());
        String tenderId;
        PublicKey openingKey;
        List<Bidder> bidders = new ArrayList<>();
        Queue<Held> held = new ConcurrentLinkedQueue<>();
        try (Connection db = database()) {
            tenderId = publishTender(api, db);
            openingKey = openingKey(api, tenderId);
            for (int i = 1; i <= DEMO_BIDDERS; i++) {
                bidders.add(bidder(api, db, tenderId, "bidder" + i));
            }
        }
        // Each bidder's first upload, one at a time: who gets a receipt surges (the demo's credit records may bar some).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Bidder> surging = new ArrayList<>();
        for (Bidder b : bidders) {
            HttpResponse<String> r = upload(http, tenderId, b, seal(tenderId, openingKey, b));
            if (r.statusCode() == 201) {
                held.add(held(b, r.body(), platformCertificate));
                surging.add(b);
            } else {
                System.out.println("SurgeCrashIT: " + b.username() + " does not surge: " + r.statusCode() + " " + r.body());
            }
        }
        assertThat(surging).as("bidders that can bid").hasSizeGreaterThanOrEqualTo(MIN_BIDDERS);

        // The surge: every bidder uploads envelope after envelope from its own thread until the crash.
        AtomicBoolean crashing = new AtomicBoolean();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        Map<String, Integer> refusedBeforeCrash = new ConcurrentHashMap<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        int heldBefore = held.size();
        for (Bidder b : surging) {
            Thread t = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                while (!crashing.get()) {
                    byte[] envelope;
                    try {
                        envelope = seal(tenderId, openingKey, b);
                    } catch (Exception e) {
                        failures.add(e);
                        return;
                    }
                    attempts.incrementAndGet();
                    inFlight.incrementAndGet();
                    HttpResponse<String> r;
                    try {
                        r = upload(client, tenderId, b, envelope);
                    } catch (IOException e) {
                        if (crashing.get()) {
                            cutOff.incrementAndGet(); // the connection died with the platform: no receipt, nothing held
                        } else {
                            failures.add(e);
                        }
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    if (r.statusCode() == 201) {
                        // A response the platform wrote before it died is an acknowledgement like any other.
                        try {
                            held.add(held(b, r.body(), platformCertificate));
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    } else if (!crashing.get()) {
                        refusedBeforeCrash.merge(r.statusCode() + " " + r.body(), 1, Integer::sum);
                    }
                }
            }, "surge-" + b.username());
            threads.add(t);
        }
        long surgeStart = System.nanoTime();
        threads.forEach(Thread::start);
        // A few seconds of surge with a good number of receipts; the moment varies from run to run.
        long minimum = TimeUnit.MILLISECONDS.toNanos(2500 + ThreadLocalRandom.current().nextInt(2500));
        while (System.nanoTime() - surgeStart < TimeUnit.SECONDS.toNanos(30)
                && (System.nanoTime() - surgeStart < minimum || held.size() - heldBefore < 4 * surging.size())
                && failures.isEmpty()) {
            Thread.sleep(20);
        }
        int inFlightAtCrash = inFlight.get();
        crashing.set(true);
        double surgeSeconds = (System.nanoTime() - surgeStart) / 1e9;
        int killed = crash(first);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(t.isAlive()).as(t.getName() + " still running 60 s after the crash").isFalse();
        }
        assertThat(failures).as("uploads that failed while the platform was up").isEmpty();
        assertThat(refusedBeforeCrash).as("uploads refused while the platform was up").isEmpty();
        List<Held> receipts = List.copyOf(held);
        System.out.printf("surge crash: %d bidders, %d receipts held (%d in %.1f s of surge, %d uploads), %d uploads in flight "
                + "at the kill -9 of %d processes (%d cut off); platform ready in %.0f s%n", surging.size(), receipts.size(),
                receipts.size() - heldBefore, surgeSeconds, attempts.get(), inFlightAtCrash, killed, cutOff.get(),
                (ready - testStart) / 1e9);
        assertThat(receipts.size() - heldBefore).as("receipts earned in the surge").isGreaterThanOrEqualTo(2 * surging.size());
        assertThat(inFlightAtCrash).as("uploads in flight when the platform was killed").isPositive();
        // PostgreSQL was killed, not stopped: its postmaster.pid is still there, and the next start recovers from the WAL.
        assertThat(data.resolve("pg").resolve("postmaster.pid")).exists();

        // The same data directory: PostgreSQL recovers from its WAL, the platform from the stale postmaster.pid.
        long restart = System.nanoTime();
        Process second = startPlatform("platform-2.log", "--sunbid.demo=false");
        awaitLine(second, data.resolve("platform-2.log"), "Started SunbidApplication", Duration.ofSeconds(120));
        awaitAnswer(Duration.ofSeconds(30));
        long restarted = System.nanoTime();

        try (Connection db = database()) {
            // The first commitment after the restart takes every record still pending (those of the last uploads).
            awaitAllCommitted(db, tenderId, Duration.ofSeconds(60));
            awaitHeadCovering(api, lastCommittingEntry(db, tenderId), Duration.ofSeconds(30));
            Map<Long, JsonNode> log = verifiedLog(api, platformCertificate);
            checkEveryReceipt(db, api, tenderId, receipts, surging, log, platformCertificate);
            int unacknowledged = count(db, "SELECT COUNT(*) FROM bid_envelope WHERE tender_id = CAST(? AS UUID)", tenderId) - receipts.size();
            System.out.printf("surge crash: after the restart (%.1f s) all %d receipts held have their bid and its committed "
                    + "record (%d more bids committed but never acknowledged); log of %d entries gap-free under the signed "
                    + "head; whole test %.0f s%n", (restarted - restart) / 1e9, receipts.size(), unacknowledged, log.size(),
                    (System.nanoTime() - testStart) / 1e9);
        }
        stopPlatform(second);
        passed = true;
    }

    // ---- the client's side

    /** Whether the platform signed the receipt of {@code accepted} (a 201's body), with its batch or on its own. */
    private static boolean signedByPlatform(JsonNode accepted, X509Certificate platform) {
        return ReceiptSignature.check(accepted, platform.getPublicKey()).valid();
    }

    /** What the client keeps of a 201: the receipt and its signature, checked; fails if they do not verify. */
    private static Held held(Bidder b, String body, X509Certificate platform) {
        JsonNode accepted = JSON.readTree(body);
        assertThat(signedByPlatform(accepted, platform)).as("receipt signed by the platform: " + body).isTrue();
        JsonNode receipt = JSON.readTree(accepted.path("receipt").asString());
        assertThat(receipt.path("type").asString()).isEqualTo("sunbid.bid-receipt");
        assertThat(receipt.path("bidderId").asString()).isEqualTo(b.organisationId().toString());
        return new Held(b.username(), UUID.fromString(receipt.path("bidId").asString()), receipt.path("envelopeSm3").asString(),
                Instant.parse(receipt.path("receivedAt").asString()), accepted.path("receipt").asString(),
                body);
    }

    private byte[] seal(String tenderId, PublicKey openingKey, Bidder b) throws IOException {
        Path file = Files.createTempFile(data, "bid", ".pdf");
        try {
            byte[] content = new byte[BID_FILE_BYTES];
            ThreadLocalRandom.current().nextBytes(content);
            Files.write(file, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String price = ThreadLocalRandom.current().nextInt(30_000_000, 40_000_000) + ".00";
            Envelope.seal(new Envelope.Contents(UUID.fromString(tenderId), "{\"totalPrice\":\"" + price + "\"}",
                    Map.of("tool", "SurgeCrashIT"), Map.of("商务标.pdf", file)), openingKey, b.key(), b.certificate(),
                    Instant.now(), out);
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private HttpResponse<String> upload(HttpClient http, String tenderId, Bidder b, byte[] envelope)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenders/" + tenderId + "/bids"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + b.token())
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- setting up, through the API as the demo's agency and bidders would

    private static String publishTender(ApiClient api, Connection db) throws SQLException {
        String tenderee = string(db, "SELECT CAST(id AS TEXT) FROM organisation WHERE name = ?", "云州市城市建设投资集团有限公司");
        ApiClient.Response created = api.post("/api/v1/tenders", Fixtures.tenderJson(Instant.now(), Fixtures.projectCode(),
                Duration.ofDays(21), "500000", tenderee), api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        ApiClient.Response published = api.publish(id, api.token("agency"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    private static PublicKey openingKey(ApiClient api, String tenderId) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ApiClient.Response key = api.get("/api/v1/tenders/" + tenderId + "/opening-key", null);
            if (key.status() == 200 && !key.json().path("publicKeyPem").asString("").isEmpty()) {
                return Pem.publicKey(key.json().path("publicKeyPem").asString());
            }
            assertThat(System.nanoTime()).as("the tender's opening key: " + key).isLessThan(until);
            Thread.sleep(200);
        }
    }

    /** A demo bidder registered for the tender with its deposit paid through the sandbox bank, and its demo key. */
    private Bidder bidder(ApiClient api, Connection db, String tenderId, String username) throws Exception {
        String token = api.freshToken(username);
        ApiClient.Response registered = api.post("/api/v1/tenders/" + tenderId + "/registrations", "", token);
        assertThat(registered.status()).as(username + " registers: " + registered.body()).isEqualTo(200);
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", tenderId)), token);
        assertThat(paid.status()).as(username + " pays: " + paid.body()).isEqualTo(200);
        String creditCode = string(db, "SELECT o.credit_code FROM account a JOIN organisation o ON o.id = a.organisation_id "
                + "WHERE a.username = ?", username);
        UUID organisation = UUID.fromString(string(db, "SELECT CAST(organisation_id AS TEXT) FROM account WHERE username = ?", username));
        Path keys = data.resolve("demo-keys");
        return new Bidder(username, organisation, Pem.privateKey(Files.readString(keys.resolve(creditCode + ".key.pem"))),
                Pem.certificate(Files.readString(keys.resolve(creditCode + ".crt.pem"))), token);
    }

    // ---- after the restart

    private static void awaitAllCommitted(Connection db, String tenderId, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        String pending = """
                SELECT COUNT(*) FROM bid_envelope b WHERE b.tender_id = CAST(? AS UUID) AND NOT EXISTS
                (SELECT 1 FROM log_confidential_commitment m WHERE m.record_id = b.id)""";
        int left;
        while ((left = count(db, pending, tenderId)) > 0) {
            assertThat(System.nanoTime()).as(left + " bids of the tender still without a committed record").isLessThan(until);
            Thread.sleep(250);
        }
    }

    /** The newest log entry that committed a record of this tender's bids. */
    private static long lastCommittingEntry(Connection db, String tenderId) throws SQLException {
        return count(db, """
                SELECT MAX(m.committed_seq) FROM log_confidential_commitment m JOIN bid_envelope b ON b.id = m.record_id
                WHERE b.tender_id = CAST(? AS UUID)""", tenderId);
    }

    /** Waits until the signed head covers entry {@code seq} (a log that sequences entries after commit may lag). */
    private static void awaitHeadCovering(ApiClient api, long seq, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        long size;
        while ((size = api.get("/api/v1/log/head", null).json().path("size").asLong()) <= seq) {
            assertThat(System.nanoTime()).as("the signed head (size " + size + ") covers entry " + seq).isLessThan(until);
            Thread.sleep(250);
        }
    }

    /**
     * The whole public log, checked: the head verifies under the platform's certificate; entries 0 … size-1 each at its
     * own place, each leaf hash that of its sequence number, time and commitment, each commitment that of its details,
     * no commitment twice; the root over the leaves is the signed head's. The entries by sequence number.
     */
    private static Map<Long, JsonNode> verifiedLog(ApiClient api, X509Certificate platform) {
        JsonNode head = api.get("/api/v1/log/head", null).json();
        long size = head.path("size").asLong();
        TreeHead signed = new TreeHead(size, HEX.parseHex(head.path("rootHash").asString()),
                Instant.parse(head.path("timestamp").asString()));
        assertThat(signed.verify(platform.getPublicKey(), head.path("signature").asString())).as("signed head " + head).isTrue();
        Map<Long, JsonNode> entries = new TreeMap<>();
        List<byte[]> leaves = new ArrayList<>();
        Set<String> commitments = new HashSet<>();
        for (long start = 0; start < size; start += 1000) {
            long end = Math.min(size, start + 1000);
            JsonNode page = api.get("/api/v1/log/entries?start=" + start + "&end=" + end, null).json();
            assertThat(page.size()).as("entries [" + start + ", " + end + ")").isEqualTo((int) (end - start));
            for (int i = 0; i < page.size(); i++) {
                JsonNode e = page.get(i);
                long seq = start + i;
                assertThat(e.path("seq").asLong()).as("entry at position " + seq).isEqualTo(seq);
                String commitment = e.path("commitment").asString();
                assertThat(commitments.add(commitment)).as("commitment of entry " + seq + " appears twice").isTrue();
                byte[] leaf = LogLeaf.hash(seq, Instant.parse(e.path("appendedAt").asString()), commitment);
                assertThat(HEX.formatHex(leaf)).as("leaf hash of entry " + seq).isEqualTo(e.path("leafHash").asString());
                if (!e.path("details").isNull() && !e.path("details").isMissingNode()) {
                    assertThat(LogLeaf.commitment(e.path("details").asString())).as("commitment of entry " + seq).isEqualTo(commitment);
                }
                leaves.add(leaf);
                entries.put(seq, e);
            }
        }
        assertThat(HEX.formatHex(MerkleTree.root(leaves))).as("root over entries 0.." + (size - 1)).isEqualTo(signed.rootHex());
        return entries;
    }

    /** The root that log entry {@code seq} commits confidential records to, checked from its leaf down to its payload. */
    private static String committedRoot(Map<Long, JsonNode> log, long seq) {
        JsonNode entry = log.get(seq);
        assertThat(entry).as("log entry " + seq + " (under the signed head)").isNotNull();
        JsonNode details = JSON.readTree(entry.path("details").asString());
        assertThat(details.path("action").asString()).isEqualTo("audit.confidential.committed");
        String payload = entry.path("payload").asString();
        assertThat(details.path("payloadHash").asString()).as("payload of entry " + seq).isEqualTo(Sm3.hex(payload));
        return JSON.readTree(payload).path("root").asString();
    }

    private void checkEveryReceipt(Connection db, ApiClient api, String tenderId, List<Held> receipts, List<Bidder> bidders,
            Map<Long, JsonNode> log, X509Certificate platform) throws Exception {
        assertThat(receipts.stream().map(Held::bidId).distinct().count()).as("distinct bids held").isEqualTo(receipts.size());
        assertThat(receipts.stream().map(Held::envelopeSm3).distinct().count()).isEqualTo(receipts.size());
        List<String> gone = new ArrayList<>();
        for (Held h : receipts) {
            if (count(db, "SELECT COUNT(*) FROM bid_envelope WHERE id = CAST(? AS UUID)", h.bidId().toString()) == 0) {
                gone.add(h.bidder() + " " + h.bidId() + " received " + h.receivedAt());
            }
        }
        assertThat(gone).as("bids gone after the restart although their receipt is held (of %d held)", receipts.size()).isEmpty();
        Map<Long, String> batchRoots = new HashMap<>();
        for (Held h : receipts) {
            assertThat(signedByPlatform(JSON.readTree(h.response()), platform)).isTrue();
            // The bid: its row with the receipt as given, and its envelope in the file store.
            Map<String, String> bid = row(db, """
                    SELECT CAST(tender_id AS TEXT) AS tender, CAST(bidder_id AS TEXT) AS bidder, envelope_sm3, status, receipt
                    FROM bid_envelope WHERE id = ?""", h.bidId())
                    .orElseThrow(() -> new AssertionError("bid " + h.bidId() + " of " + h.bidder() + " (receipt held) is gone"));
            assertThat(bid.get("tender")).isEqualTo(tenderId);
            assertThat(bid.get("envelope_sm3")).isEqualTo(h.envelopeSm3());
            assertThat(bid.get("receipt")).isEqualTo(h.receipt());
            assertThat(bid.get("status")).isIn("VALID", "REPLACED");
            Path stored = data.resolve("files").resolve(h.envelopeSm3().substring(0, 2)).resolve(h.envelopeSm3());
            assertThat(Files.exists(stored)).as("envelope file of bid " + h.bidId()).isTrue();
            assertThat(Sm3.hex(Files.readAllBytes(stored))).isEqualTo(h.envelopeSm3());
            // Its confidential record, committed once, under the root a log entry carries.
            Map<String, String> record = row(db, """
                    SELECT c.canonical, CAST(m.committed_seq AS TEXT) AS seq FROM log_confidential c
                    JOIN log_confidential_commitment m ON m.record_id = c.id WHERE c.id = ?""", h.bidId())
                    .orElseThrow(() -> new AssertionError("bid " + h.bidId() + " (receipt held) has no committed record"));
            JsonNode canonical = JSON.readTree(record.get("canonical"));
            assertThat(canonical.path("action").asString()).isEqualTo("sealing.bid.received");
            assertThat(canonical.path("payload").path("envelopeSm3").asString()).isEqualTo(h.envelopeSm3());
            assertThat(canonical.path("payload").path("receiptSm3").asString()).isEqualTo(Sm3.hex(h.receipt()));
            long seq = Long.parseLong(record.get("seq"));
            String batchRoot = batchRoots.computeIfAbsent(seq, s -> batchRoot(db, s));
            assertThat(batchRoot).as("root of the records committed in entry " + seq).isEqualTo(committedRoot(log, seq));
        }
        // Each bidder's bid as the API shows it: the last receipt it holds, or one it never got (cut off by the kill),
        // and its disclosure verifies under the root in the log.
        Map<String, Held> last = receipts.stream().collect(Collectors.toMap(Held::bidder, h -> h,
                (a, b) -> a.receivedAt().isAfter(b.receivedAt()) ? a : b));
        for (Bidder b : bidders) {
            assertThat(count(db, "SELECT COUNT(*) FROM bid_envelope WHERE tender_id = CAST(? AS UUID) AND bidder_id = CAST(? AS UUID)"
                    + " AND status = 'VALID'", tenderId, b.organisationId().toString())).as(b.username() + "'s valid bids").isEqualTo(1);
            ApiClient.Response mine = api.get("/api/v1/tenders/" + tenderId + "/bids/mine", api.freshToken(b.username()));
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            JsonNode receipt = JSON.readTree(mine.json().path("receipt").asString());
            Held h = last.get(b.username());
            if (!receipt.path("bidId").asString().equals(h.bidId().toString())) {
                assertThat(receipts.stream().map(Held::bidId)).as(b.username() + "'s live bid is a later one it never got a receipt for")
                        .doesNotContain(UUID.fromString(receipt.path("bidId").asString()));
                assertThat(Instant.parse(receipt.path("receivedAt").asString())).isAfterOrEqualTo(h.receivedAt());
            }
            JsonNode c = mine.json().path("commitment");
            assertThat(c.isObject()).as(b.username() + "'s bid committed: " + mine.body()).isTrue();
            List<byte[]> path = new ArrayList<>();
            c.path("path").forEach(p -> path.add(HEX.parseHex(p.asString())));
            String disclosed = c.path("record").asString();
            assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(disclosed.getBytes(StandardCharsets.UTF_8)),
                    c.path("leafIndex").asLong(), c.path("batchSize").asLong(), path,
                    HEX.parseHex(committedRoot(log, c.path("committedSeq").asLong())))).as(b.username() + "'s disclosure").isTrue();
            JsonNode record = JSON.readTree(disclosed);
            assertThat(record.path("id").asString()).isEqualTo(receipt.path("bidId").asString());
            assertThat(record.path("payload").path("receiptSm3").asString()).isEqualTo(Sm3.hex(mine.json().path("receipt").asString()));
        }
    }

    /** The root over the records committed in entry {@code seq}, in their leaf order, from the database. */
    private static String batchRoot(Connection db, long seq) {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT c.canonical, m.leaf_index, m.batch_size FROM log_confidential c
                JOIN log_confidential_commitment m ON m.record_id = c.id WHERE m.committed_seq = ? ORDER BY m.leaf_index""")) {
            s.setLong(1, seq);
            List<byte[]> leaves = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getInt(2)).as("leaf index in batch " + seq).isEqualTo(leaves.size());
                    leaves.add(MerkleTree.leafHash(rs.getString(1).getBytes(StandardCharsets.UTF_8)));
                    assertThat(rs.getInt(3)).as("size of batch " + seq).isGreaterThanOrEqualTo(leaves.size());
                }
            }
            return HEX.formatHex(MerkleTree.root(leaves));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the platform as a process

    private Process startPlatform(String logName, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived process on a shared machine: the quick compiler only, one GC thread
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", platformClassPath(),
                SunbidApplication.class.getName(),
                "--server.port=" + httpPort,
                "--sunbid.data-dir=" + data,
                "--sunbid.db.embedded-port=" + pgPort,
                // the bids' records committed every second, so the first commitment after the restart comes soon
                "--sunbid.audit.confidential-interval=PT1S",
                "--sunbid.audit.head-interval=PT2S",
                "--sunbid.sealing.max-replacements=1000000"));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve(logName).toFile())).start();
        started.add(p.toHandle());
        return p;
    }

    /**
     * The application's class path without the test classes: the test sources hold Spring components (a test clock's
     * configuration, test doubles) that the child's component scan would otherwise pick up.
     */
    private static String platformClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).endsWith(Path.of("target", "test-classes"))).collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitLine(Process p, Path logFile, String line, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            String log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
            if (log.contains(line)) {
                return;
            }
            if (!p.isAlive() || System.nanoTime() > until) {
                throw new AssertionError("the platform " + (p.isAlive() ? "did not log \"" + line + "\" within " + timeout
                        : "exited with " + p.exitValue()) + "; its log ends:\n" + tail(logFile));
            }
            Thread.sleep(250);
        }
    }

    private void awaitAnswer(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        ApiClient api = new ApiClient(base);
        while (true) {
            try {
                if (api.get("/api/v1/log/head", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // refused: not listening yet
            }
            assertThat(System.nanoTime()).as("the platform answers").isLessThan(until);
            Thread.sleep(250);
        }
    }

    /**
     * The crash: the platform's JVM and every PostgreSQL process (the postmaster is not the JVM's descendant: pg_ctl
     * detaches it) killed with SIGKILL, one right after the other, as a power cut takes them. Returns how many died.
     */
    private int crash(Process platform) throws Exception {
        Optional<ProcessHandle> postmaster = postmaster();
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(platform.toHandle());
        platform.toHandle().descendants().forEach(victims::add);
        postmaster.ifPresent(pm -> {
            victims.add(pm);
            pm.descendants().forEach(victims::add);
        });
        assertThat(postmaster).as("the platform's PostgreSQL server").isPresent();
        victims.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle v : victims) {
            v.onExit().get(30, TimeUnit.SECONDS);
        }
        return victims.size();
    }

    /** The running postmaster on this test's data directory, from its postmaster.pid. */
    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = data.resolve("pg").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(data.resolve("pg").toString())).orElse(false));
    }

    /** A clean stop (SIGTERM): Spring closes the pool and stops PostgreSQL. */
    private void stopPlatform(Process p) throws Exception {
        Optional<ProcessHandle> pg = postmaster();
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (pg.isPresent()) {
            pg.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** Kills whatever of this test's processes still runs (after a failure): the JVMs, then PostgreSQL. */
    private void killAll() throws IOException {
        for (ProcessHandle p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        Optional<ProcessHandle> pg = postmaster();
        pg.ifPresent(pm -> {
            pm.descendants().forEach(ProcessHandle::destroyForcibly);
            pm.destroyForcibly();
        });
        for (ProcessHandle p : started) {
            p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        pg.ifPresent(pm -> pm.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join());
    }

    // ---- small helpers

    private Connection database() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres",
                Files.readString(data.resolve("keys").resolve("db-postgres.secret")).strip());
    }

    private static String string(Connection db, String sql, String param) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql + " [" + param + "]").isTrue();
                return rs.getString(1);
            }
        }
    }

    private static int count(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<Map<String, String>> row(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                assertThat(rs.next()).as("one row for " + id).isFalse();
                return Optional.of(row);
            }
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
