package org.sunbid.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm2Certificates;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.FileStore;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.sealing.Envelope;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21: the envelopes are opened on all cores ({@link EnvelopeOpener#openAll}) into the very record one after another
 * gives; the release that completes the threshold hands the opening to a worker, the opening is OPENING with its
 * progress meanwhile, and an opening left OPENING (a stop while opening) is resumed, opened once.
 */
class ParallelOpeningIT extends PlatformIT {

    @Autowired
    EnvelopeOpener opener;

    @Autowired
    FileStore files;

    @Autowired
    BidOpenings openings;

    @Autowired
    Tenders tenders;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    @Test
    void manyEnvelopesOpenedOnAllCoresMakeTheRecordThatOpeningThemOneAfterAnotherMakes() throws Exception {
        KeyPair opening = Sm2.generateKeyPair();
        KeyPair other = Sm2.generateKeyPair();
        KeyPair bidderKeys = Sm2.generateKeyPair();
        Instant now = clock.instant();
        X509Certificate bidder = Sm2Certificates.selfSignedRoot("CN=Parallel Bidder", bidderKeys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)));
        Path work = Files.createTempDirectory("parallel-opening");
        SplittableRandom random = new SplittableRandom(21);
        List<String> envelopes = new ArrayList<>();
        List<FileStore.Upload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 48; i++) {
                Path content = work.resolve("bid-" + i + ".bin");
                byte[] bytes = new byte[16_384 + random.nextInt(200_000)];
                random.nextBytes(bytes);
                Files.write(content, bytes);
                ByteArrayOutputStream sealed = new ByteArrayOutputStream();
                // envelope 7 is sealed to another key (UNDECRYPTABLE); the others to the opening key
                Envelope.seal(new Envelope.Contents(UUID.randomUUID(), "{\"totalPrice\":\"" + (1_000_000 + i) + ".00\"}",
                        Map.of("tool", "it-" + i), Map.of("标书" + i + ".bin", content)), i == 7 ? other.getPublic() : opening.getPublic(),
                        bidderKeys.getPrivate(), bidder, now, sealed);
                byte[] envelope = sealed.toByteArray();
                if (i == 13) {
                    envelope[envelope.length / 2] ^= 1; // altered in storage: its signature no longer matches
                }
                if (i == 21) {
                    envelope = "not an envelope at all".getBytes(StandardCharsets.UTF_8);
                }
                FileStore.Upload upload = files.store(new ByteArrayInputStream(envelope), Long.MAX_VALUE);
                uploads.add(upload);
                envelopes.add(upload.sm3());
            }
            envelopes.add(30, "0".repeat(64)); // one stored envelope is missing

            Path oneByOne = work.resolve("one-by-one");
            List<Map<String, Object>> sequential = new ArrayList<>();
            List<Optional<Map<String, Object>>> sequentialSheets = new ArrayList<>();
            List<Map<String, Object>> sequentialMetadata = new ArrayList<>();
            for (int i = 0; i < envelopes.size(); i++) {
                Map<String, Object> entry = entry(i, envelopes.get(i));
                Map<String, Object> metadata = new LinkedHashMap<>();
                sequentialSheets.add(opener.open(envelopes.get(i), opening.getPrivate(), oneByOne.resolve("b" + i), entry, metadata::putAll));
                sequential.add(entry);
                sequentialMetadata.add(metadata);
            }

            Path parallel = work.resolve("parallel");
            List<Map<String, Object>> entries = new ArrayList<>();
            List<Map<String, Object>> metadata = new ArrayList<>();
            List<EnvelopeOpener.Job> jobs = new ArrayList<>();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < envelopes.size(); i++) {
                Map<String, Object> entry = entry(i, envelopes.get(i));
                Map<String, Object> m = new LinkedHashMap<>();
                entries.add(entry);
                metadata.add(m);
                jobs.add(new EnvelopeOpener.Job(envelopes.get(i), parallel.resolve("b" + i), entry, x -> {
                    threads.add(Thread.currentThread().getName());
                    m.putAll(x);
                }));
            }
            List<Integer> progress = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Optional<Map<String, Object>>> sheets = opener.openAll(jobs, opening.getPrivate(), progress::add);

            // The record built from the entries is byte for byte the one opening them one after another gives.
            assertThat(CanonicalJson.write(Map.of("bids", entries))).isEqualTo(CanonicalJson.write(Map.of("bids", sequential)));
            assertThat(sheets).isEqualTo(sequentialSheets);
            assertThat(metadata).isEqualTo(sequentialMetadata);
            assertThat(entries).extracting(e -> e.get("status")).filteredOn("REJECTED"::equals).hasSize(4);
            assertThat(entries.get(7).get("defect")).isEqualTo("UNDECRYPTABLE");
            assertThat(entries.get(13).get("defect")).isEqualTo("SIGNATURE_MISMATCH");
            assertThat(entries.get(21).get("defect")).isEqualTo("NOT_AN_ENVELOPE");
            assertThat(entries.get(30).get("defect")).isEqualTo("MALFORMED");
            assertThat(entries.get(47)).containsEntry("status", "OPENED");
            assertThat(((Map<?, ?>) entries.get(48).get("priceSheet")).get("totalPrice")).isEqualTo("1000047.00");
            // every envelope reported once; the files are the same, and nothing is left of the rejected ones
            assertThat(progress).hasSize(envelopes.size()).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, envelopes.size()).boxed().toList());
            for (int i = 0; i < envelopes.size(); i++) {
                Path a = oneByOne.resolve("b" + i);
                Path b = parallel.resolve("b" + i);
                assertThat(Files.exists(b)).isEqualTo(Files.exists(a));
                if ("OPENED".equals(entries.get(i).get("status"))) {
                    String name = "标书" + (i > 30 ? i - 1 : i) + ".bin";
                    assertThat(Files.readAllBytes(b.resolve(name))).isEqualTo(Files.readAllBytes(a.resolve(name)));
                }
            }
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertThat(threads).as("opened on more than one thread").hasSizeGreaterThan(1);
            }
        } finally {
            uploads.forEach(FileStore.Upload::close);
            EnvelopeOpener.deleteQuietly(work);
        }
    }

    private static Map<String, Object> entry(int i, String sm3) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("bidId", "bid-" + i);
        e.put("envelopeSm3", sm3);
        return e;
    }

    /** A tender bid on by three bidders, closed: its opening awaits the custodians. */
    private String closedWithThreeBids() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode tender = publishTender(api, Duration.ofDays(21), "500000");
        String id = tender.path("id").asString();
        clock.advance(Duration.ofDays(1));
        assertThat(sealAndUpload(id, "bidder1", "36280000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder2", "35990000.00")).isTrue();
        assertThat(sealAndUpload(id, "bidder3", "37150000.00")).isTrue();
        clock.set(Instant.parse(tender.path("bidDeadline").asString()).plusSeconds(1));
        tenders.closeDueTenders();
        return id;
    }

    private JsonNode opening(String id) {
        return new ApiClient(baseUrl()).get("/api/v1/tenders/" + id + "/opening", null).json();
    }

    @Test
    void theReleaseCompletingTheThresholdOpensOutsideTheRequestAndTheOpeningShowsItsProgressMeanwhile() throws Exception {
        String id = closedWithThreeBids();
        assertThat(releaseShare(id, "centre").json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        assertThat(opening(id).path("envelopesOpened").isNull()).isTrue();
        // An insider's lock on the released share the worker deletes at the end holds the worker just before its record
        // is committed: the opening is seen OPENING, every envelope opened.
        CompletableFuture<ApiClient.Response> release;
        try (java.sql.Connection admin = databaseAdministrator()) {
            admin.setAutoCommit(false);
            try (var lock = admin.prepareStatement("SELECT 1 FROM released_share WHERE tender_id = ?::uuid FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }
            release = CompletableFuture.supplyAsync(() -> {
                try {
                    return releaseShare(id, "supervisor");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode seen = opening(id);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(seen.path("status").asString().equals("OPENING") && seen.path("envelopesOpened").asInt() == 3)
                    && System.nanoTime() < until) {
                Thread.sleep(50);
                seen = opening(id);
            }
            assertThat(seen.path("status").asString()).as(seen.toString()).isEqualTo("OPENING");
            assertThat(seen.path("envelopesOpened").asInt()).isEqualTo(3);
            assertThat(seen.path("envelopesTotal").asInt()).isEqualTo(3);
            assertThat(seen.path("record").isNull()).isTrue();
            assertThat(release).isNotDone(); // the custodian's request still waits (up to sunbid.sealing.opening-wait)
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/tenders/" + id))
                            .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("id=\"opening-progress\"").contains("3 of 3 opened");
            admin.rollback();
        }
        JsonNode opened = release.get(60, TimeUnit.SECONDS).json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");
        assertThat(opened.path("envelopesOpened").isNull()).isTrue();
        JsonNode record = new ApiClient.Response(200, "application/json", opened.path("record").asString()).json();
        List<String> prices = new ArrayList<>();
        record.path("bids").forEach(b -> prices.add(b.path("priceSheet").path("totalPrice").asString()));
        assertThat(prices).containsExactlyInAnyOrder("36280000.00", "35990000.00", "37150000.00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM released_share WHERE tender_id = CAST(:t AS UUID)").param("t", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOpeningLeftOpeningByAStopIsResumedFromTheStoredSharesAndOpenedOnce() throws Exception {
        String id = closedWithThreeBids();
        assertThat(releaseShare(id, "centre").json().path("status").asString()).isEqualTo("AWAITING_SHARES");
        // The platform stops right after the supervisor's release committed the opening OPENING, before any worker ran:
        // the release and the OPENING row, as the release transaction left them.
        ApiClient api = new ApiClient(baseUrl());
        String token = api.freshToken("supervisor");
        String encrypted = api.get("/api/v1/tenders/" + id + "/opening-key/my-share", token).json().path("encryptedShare").asString();
        String share = new String(Sm2.decrypt(demoKeyOf("supervisor"), java.util.Base64.getDecoder().decode(encrypted)),
                StandardCharsets.UTF_8);
        int index = new ApiClient.Response(200, "application/json", share).json().path("index").asInt();
        try (java.sql.Connection admin = databaseAdministrator()) {
            admin.setAutoCommit(false);
            try (var s = admin.prepareStatement("INSERT INTO released_share (tender_id, share_index, share_json, released_at, released_by)"
                    + " VALUES (?::uuid, ?, ?, now(), 'supervisor')")) {
                s.setString(1, id);
                s.setInt(2, index);
                s.setString(3, share);
                s.executeUpdate();
            }
            try (var s = admin.prepareStatement("INSERT INTO opening_share_release (tender_id, share_index, released_at, released_by)"
                    + " VALUES (?::uuid, ?, now(), 'supervisor')")) {
                s.setString(1, id);
                s.setInt(2, index);
                s.executeUpdate();
            }
            try (var s = admin.prepareStatement("UPDATE bid_opening SET status = 'OPENING' WHERE tender_id = ?::uuid")) {
                s.setString(1, id);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            admin.commit();
        }
        assertThat(opening(id).path("status").asString()).isEqualTo("OPENING");
        assertThat(opening(id).path("envelopesOpened").asInt()).isZero();
        assertThat(opening(id).path("envelopesTotal").asInt()).isEqualTo(3);
        // no more shares while opening
        assertThat(releaseShare(id, "tenderee").code()).isEqualTo("OPENING_NOT_READY");

        UUID tender = UUID.fromString(id);
        openings.resumeOpenings(); // what the start does
        CompletableFuture<Void> again = openings.startOpening(tender); // a second trigger joins the run, or finds it done
        again.get(60, TimeUnit.SECONDS);
        JsonNode opened = opening(id);
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");
        String record = opened.path("record").asString();
        List<String> statuses = new ArrayList<>();
        new ApiClient.Response(200, "application/json", record).json().path("bids")
                .forEach(b -> statuses.add(b.path("status").asString()));
        assertThat(statuses).containsExactly("OPENED", "OPENED", "OPENED");
        openings.startOpening(tender).get(60, TimeUnit.SECONDS); // once OPENED, another run writes nothing
        assertThat(opening(id).path("record").asString()).isEqualTo(record);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'sealing.opening.recorded'"
                + " AND details::json->>'subject' = :t").param("t", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM released_share WHERE tender_id = CAST(:t AS UUID)").param("t", id)
                .query(Long.class).single()).isZero();
        assertThat(openings.openedBids(tender)).hasSize(3).allMatch(OpenedBid::opened);
    }
}
