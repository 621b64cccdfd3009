package org.sunbid.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.trust.PlatformIdentity;
import org.sunbid.verifier.Verdict;
import org.sunbid.verifier.Verifier;

/**
 * Recorded entries and the sequencer (issue 21): business transactions commit pending entries without the log lock;
 * the sequencer gives them gap-free places in batches, each entry exactly once, and signs a head per batch.
 */
class LogSequencerIT extends PlatformIT {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    AuditLog log;

    @Autowired
    Sequencer sequencer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformIdentity platform;

    private static AuditRecord record(String action, String subject, Map<String, Object> payload) {
        return AuditRecord.of(action, subject, "990100", Actor.SYSTEM, payload);
    }

    /** How many log entries have {@code action} and {@code subject}, and how many are still pending. */
    private long[] count(String action, String subject) {
        long logged = jdbc.sql("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :s""")
                .param("a", action).param("s", subject).query(Long.class).single();
        long pending = jdbc.sql("""
                SELECT count(*) FROM log_pending WHERE details::json->>'action' = :a AND details::json->>'subject' = :s""")
                .param("a", action).param("s", subject).query(Long.class).single();
        return new long[] {logged, pending};
    }

    @Test
    void sixteenRecordingThreadsGetGapFreePlacesEachExactlyOnceUnderASignedHead() throws Exception {
        String action = "test.sequenced." + UUID.randomUUID().toString().substring(0, 8);
        long before = log.size();
        long headsBefore = jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single();
        long[] countsBefore = sequencer.counts();
        int threads = 16;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int checked = 0;
                for (int i = 0; i < each; i++) {
                    String subject = thread + "-" + i;
                    int n = i;
                    tx.executeWithoutResult(s -> log.record(record(action, subject, Map.of("thread", thread, "i", n))));
                    if (i % 25 == 0) {
                        // once the transaction has returned, the entry is in the log, not merely pending
                        long[] c = count(action, subject);
                        assertThat(c).as(subject).containsExactly(1, 0);
                        checked++;
                    }
                }
                return checked;
            }));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(each / 25);
        }
        pool.shutdown();

        // Each recorded entry exactly once in the log, none left pending.
        List<Map<String, Object>> bySubject = jdbc.sql("""
                SELECT details::json->>'subject' AS subject, count(*) AS n FROM log_entry
                WHERE seq >= :before AND details::json->>'action' = :a GROUP BY 1""")
                .param("before", before).param("a", action).query().listOfRows();
        assertThat(bySubject).hasSize(threads * each);
        assertThat(bySubject).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT count(*) FROM log_pending WHERE details::json->>'action' = :a").param("a", action)
                .query(Long.class).single()).isZero();

        // Gap-free: seqs 0..size-1, each once, and the leaves are what their columns say.
        long size = log.size();
        assertThat(size).isGreaterThanOrEqualTo(before + threads * each);
        Map<String, Object> range = jdbc.sql("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM log_entry")
                .query().singleRow();
        assertThat(((Number) range.get("n")).longValue()).isEqualTo(size);
        assertThat(((Number) range.get("lo")).longValue()).isZero();
        assertThat(((Number) range.get("hi")).longValue()).isEqualTo(size - 1);
        List<byte[]> leaves = new ArrayList<>();
        jdbc.sql("SELECT seq, appended_at, commitment, leaf_hash FROM log_entry ORDER BY seq").query(rs -> {
            byte[] leaf = HEX.parseHex(rs.getString("leaf_hash"));
            if (rs.getLong("seq") >= before) {
                assertThat(leaf).isEqualTo(LogLeaf.hash(rs.getLong("seq"),
                        rs.getObject("appended_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("commitment")));
            }
            leaves.add(leaf);
        });

        // The newest head, signed after a round, covers them all; its root is the root of all leaves.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> log.latestHead().map(SignedTreeHead::size).orElse(0L) >= size);
        SignedTreeHead head = log.latestHead().orElseThrow(); // heads follow the rounds (at most one per 100 ms)
        assertThat(head.size()).isGreaterThanOrEqualTo(before + threads * each);
        byte[] root = MerkleTree.root(leaves.subList(0, (int) head.size()));
        assertThat(head.rootHash()).isEqualTo(HEX.formatHex(root));
        assertThat(new TreeHead(head.size(), root, head.timestamp())
                .verify(Pem.certificate(platform.certificatePem()).getPublicKey(), head.signature())).isTrue();

        // At most one head per round, not per entry: under 16 writers the rounds group commits.
        long heads = jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single() - headsBefore;
        long[] counts = sequencer.counts();
        long rounds = counts[0] - countsBefore[0];
        System.out.printf("sequencer: %d entries in %d rounds (%.1f per round), %d heads signed after them (%d in all)%n",
                counts[1] - countsBefore[1], rounds, (counts[1] - countsBefore[1]) / (double) Math.max(1, rounds),
                counts[2] - countsBefore[2], heads);
        assertThat(counts[2] - countsBefore[2]).isBetween(1L, rounds);
        assertThat(rounds).isLessThan(threads * each);

        // A receipt for a recorded entry needs no new signature: a round's head covers it.
        long seq = size - 1;
        long headsNow = jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single();
        Receipt receipt = log.receipt(seq);
        assertThat(jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single()).isEqualTo(headsNow);
        assertThat(MerkleTree.verifyInclusion(HEX.parseHex(receipt.leafHash()), seq, receipt.head().size(),
                receipt.inclusionPath().stream().map(HEX::parseHex).toList(), HEX.parseHex(receipt.head().rootHash()))).isTrue();

        Verdict verdict = Verifier.run("log", baseUrl());
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
    }

    /** Runs {@code test} with the default of issue 21's second step: commits do not wait, reads of the log do. */
    private void readsWait(ThrowingRunnable test) throws Exception {
        boolean before = sequencer.waitsAtCommit();
        sequencer.waitAtCommit(false);
        try {
            test.run();
        } finally {
            sequencer.waitAtCommit(before);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void sixteenThreadsReadingRightAfterRecordingSeeTheirEntriesGapFreeEachOnce() throws Exception {
        readsWait(() -> {
            String action = "test.read.after." + UUID.randomUUID().toString().substring(0, 8);
            long before = log.size();
            log.drainSequencingLag();
            int threads = 16;
            int each = 60;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        String subject = thread + "-" + i;
                        int n = i;
                        tx.executeWithoutResult(s -> log.record(record(action, subject, Map.of("thread", thread, "i", n))));
                        if (i % 5 == 0) {
                            // through the API, right after the commit: the read waits until the entry is sequenced
                            assertThat(log.ofSubject(action, subject, before)).as(subject).hasSize(1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
            pool.shutdown();
            long size = log.size(); // waits for every entry committed before it
            assertThat(jdbc.sql("SELECT count(*) FROM log_pending WHERE details::json->>'action' = :a").param("a", action)
                    .query(Long.class).single()).isZero();
            List<Map<String, Object>> bySubject = jdbc.sql("""
                    SELECT details::json->>'subject' AS subject, count(*) AS n FROM log_entry
                    WHERE seq >= :before AND details::json->>'action' = :a GROUP BY 1""")
                    .param("before", before).param("a", action).query().listOfRows();
            assertThat(bySubject).hasSize(threads * each);
            assertThat(bySubject).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isEqualTo(1));
            Map<String, Object> range = jdbc.sql("SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM log_entry")
                    .query().singleRow();
            assertThat(((Number) range.get("n")).longValue()).isEqualTo(size);
            assertThat(((Number) range.get("lo")).longValue()).isZero();
            assertThat(((Number) range.get("hi")).longValue()).isEqualTo(size - 1);
            AuditLog.SequencingLag lag = log.drainSequencingLag();
            System.out.printf("reads wait: sequencing lag p50 %.1f ms, p99 %.1f ms over %d samples%n", lag.p50Millis(),
                    lag.p99Millis(), lag.samples());
            assertThat(lag.samples()).isPositive();
            Verdict verdict = Verifier.run("log", baseUrl());
            assertThat(verdict.ok()).as(verdict.line()).isTrue();
        });
    }

    @Test
    void aRecordingCommitReturnsWhilePendingAndTheNextReadSequencesIt() throws Exception {
        readsWait(() -> {
            String subject = UUID.randomUUID().toString();
            long before = log.size();
            sequencer.stop(); // nothing sequences behind the test's back: the commit must not have waited for it
            try {
                tx.executeWithoutResult(s -> log.record(record("test.read.waits", subject, Map.of())));
                assertThat(count("test.read.waits", subject)).as("committed, still pending").containsExactly(0, 1);
                // A read through the API sequences what was committed before it (here in the reader's thread).
                List<LogEntry> seen = log.ofSubject("test.read.waits", subject, before);
                assertThat(seen).hasSize(1);
                assertThat(count("test.read.waits", subject)).containsExactly(1, 0);
                assertThat(log.entries(seen.get(0).seq(), seen.get(0).seq() + 1)).hasSize(1);
            } finally {
                sequencer.start();
            }
            // the public endpoint too: an entry recorded right before the request is under the head it returns
            tx.executeWithoutResult(s -> log.record(record("test.read.waits.api", subject, Map.of())));
            long size = new org.sunbid.platform.ApiClient(baseUrl()).get("/api/v1/log/head", null).json().path("size").asLong();
            assertThat(log.ofSubject("test.read.waits.api", subject, before).get(0).seq()).isLessThan(size);
        });
    }

    @Test
    void aReadInsideATransactionThatRecordedOrHoldsTheLockDoesNotWaitForItself() throws Exception {
        readsWait(() -> {
            String subject = UUID.randomUUID().toString();
            long started = System.nanoTime();
            tx.executeWithoutResult(s -> {
                log.record(record("test.read.own", subject, Map.of()));
                log.size(); // its own entry is not committed: nothing to wait for
                log.append(record("test.read.own.appended", subject, Map.of()));
                log.record(record("test.read.own.after", subject, Map.of()));
                log.newest(1); // holds the log's lock: the sequencer would wait for this transaction
            });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(log.ofSubject("test.read.own.after", subject, 0)).hasSize(1);
            assertThat(count("test.read.own", subject)).containsExactly(1, 0);
        });
    }

    @Test
    void aTransactionThatRollsBackLeavesNothingInTheLog() {
        String subject = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> {
            log.record(record("test.rolled.back", subject, Map.of()));
            log.recordAll(List.of(record("test.rolled.back", subject, Map.of("n", 2)),
                    record("test.rolled.back", subject, Map.of("n", 3))));
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            log.record(record("test.rolled.back", subject, Map.of()));
            throw new IllegalStateException("the command failed");
        })).isInstanceOf(IllegalStateException.class);
        // A later recording waits for a round: anything committed before it would be in the log by now.
        log.record(record("test.rolled.back.after", subject, Map.of()));
        assertThat(count("test.rolled.back.after", subject)).containsExactly(1, 0);
        assertThat(count("test.rolled.back", subject)).containsExactly(0, 0);
    }

    @Test
    void aTransactionsRecordedEntriesComeBeforeWhatItAppendsAndAfterWhatItAppendedBefore() {
        String subject = UUID.randomUUID().toString();
        LogEntry[] appended = new LogEntry[2];
        tx.executeWithoutResult(s -> {
            log.record(record("test.order.a", subject, Map.of()));
            log.recordAll(List.of(record("test.order.b", subject, Map.of()), record("test.order.c", subject, Map.of())));
            appended[0] = log.append(record("test.order.d", subject, Map.of()));
            log.record(record("test.order.e", subject, Map.of()));
            appended[1] = log.appendAll(List.of(record("test.order.f", subject, Map.of()))).get(0);
            log.record(record("test.order.g", subject, Map.of()));
        });
        List<String> actions = jdbc.sql("""
                SELECT details::json->>'action' FROM log_entry WHERE details::json->>'subject' = :s ORDER BY seq""")
                .param("s", subject).query(String.class).list();
        assertThat(actions).containsExactly("test.order.a", "test.order.b", "test.order.c", "test.order.d",
                "test.order.e", "test.order.f", "test.order.g");
        List<Long> seqs = jdbc.sql("SELECT seq FROM log_entry WHERE details::json->>'subject' = :s ORDER BY seq")
                .param("s", subject).query(Long.class).list();
        // a, b, c and d were placed together under the append's lock, then e and f
        assertThat(seqs.get(3)).isEqualTo(appended[0].seq()).isEqualTo(seqs.get(0) + 3);
        assertThat(seqs.get(5)).isEqualTo(appended[1].seq()).isEqualTo(seqs.get(4) + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM log_pending WHERE details::json->>'subject' = :s").param("s", subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void recordingOutsideATransactionRunsInItsOwn() {
        String subject = UUID.randomUUID().toString();
        log.record(record("test.own.transaction", subject, Map.of("x", 1)));
        assertThat(count("test.own.transaction", subject)).containsExactly(1, 0);
    }

    @Test
    void pendingEntriesCommittedBeforeACrashAreSequencedExactlyOnceWhenTheSequencerStarts() throws Exception {
        readsWait(this::pendingEntriesCommittedBeforeACrash);
    }

    private void pendingEntriesCommittedBeforeACrash() {
        String subject = UUID.randomUUID().toString();
        sequencer.stop();
        try {
            // As if business transactions committed and the process died before the sequencer ran: rows only.
            List<String> commitments = new ArrayList<>();
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < 5; i++) {
                    LogWriter.Prepared p = LogWriter.prepare(record("test.crashed", subject, Map.of("i", i)));
                    commitments.add(p.commitment());
                    jdbc.sql("""
                            INSERT INTO log_pending (recorded_at, commitment, details, payload, sealed_until)
                            VALUES (:at, :c, :d, :p, NULL)""")
                            .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("c", p.commitment())
                            .param("d", p.details()).param("p", p.payload()).update();
                }
            });
            assertThat(count("test.crashed", subject)).containsExactly(0, 5);
        } finally {
            sequencer.start();
        }
        // A read right after the start waits for the drain of what was committed before the crash.
        assertThat(log.ofSubject("test.crashed", subject, 0)).hasSize(5);
        assertThat(count("test.crashed", subject)).containsExactly(5, 0);
        List<Long> seqs = jdbc.sql("""
                SELECT seq FROM log_entry WHERE details::json->>'subject' = :s ORDER BY seq""").param("s", subject)
                .query(Long.class).list();
        assertThat(seqs.get(4) - seqs.get(0)).as("one round, in the order recorded").isEqualTo(4);
        List<String> payloads = log.entries(seqs.get(0), seqs.get(4) + 1).stream().map(LogEntry::payload).toList();
        assertThat(payloads).containsExactly("{\"i\":0}", "{\"i\":1}", "{\"i\":2}", "{\"i\":3}", "{\"i\":4}");

        // Another restart finds nothing left to do: nothing is sequenced twice.
        sequencer.stop();
        sequencer.start();
        log.record(record("test.crashed.after", subject, Map.of()));
        assertThat(log.ofSubject("test.crashed.after", subject, 0)).hasSize(1);
        assertThat(count("test.crashed", subject)).containsExactly(5, 0);
        Verdict verdict = Verifier.run("log", baseUrl());
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
    }

    @Test
    void whileTheSequencerIsStoppedARecordingTransactionSequencesItself() {
        String subject = UUID.randomUUID().toString();
        sequencer.stop();
        try {
            tx.executeWithoutResult(s -> log.record(record("test.stopped", subject, Map.of())));
            assertThat(count("test.stopped", subject)).containsExactly(1, 0);
        } finally {
            sequencer.start();
        }
    }
}
