package org.sunbid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.platform.SunbidApplication;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.SignedTreeHead;
import org.sunbid.platform.kernel.Actor;

/**
 * Transparency-log benchmark on the real application and a real (embedded, fsync on) PostgreSQL:
 * <ol>
 *   <li>entries per second, each in its own committed transaction, at 1 and 16 writers, through {@code append} (the log
 *       lock held until commit) and through {@code record} (the sequencer) — beside the raw limit: a one-row INSERT +
 *       COMMIT into a plain table at the same concurrency, measured in the same run (before each path). A recorded
 *       entry counts only once it is sequenced under the tree: the rate is over the time until the last one is (a read
 *       of the log waits for that), with the sequencing lag (commit to sequenced) p50/p99 and the most entries seen
 *       pending, so a sequencer falling behind shows;</li>
 *   <li>bulk appends per second ({@code appendAll}, 10,000 per transaction) while growing the log to 10^6 entries;</li>
 *   <li>at 10^6 entries: signing a tree head, inclusion and consistency proofs — beside the raw limit: one primary-key
 *       SELECT of a tree node.</li>
 * </ol>
 * Usage: {@code mvn -B -ntp -pl bench exec:java [-Dexec.args="--entries 1000000 --writers 1,16
 * --wait-for-sequencing read|commit"]}. Not a test: it prints figures.
 */
public final class LogBench {

    private static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) throws Exception {
        long target = 1_000_000;
        String waitFor = "read";
        int[] writerCounts = {1, 16};
        int sustain = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--entries" -> target = Long.parseLong(args[i + 1]);
                case "--wait-for-sequencing" -> waitFor = args[i + 1];
                case "--sustain" -> sustain = Integer.parseInt(args[i + 1]);
                case "--writers" -> writerCounts = java.util.Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("sunbid-bench-");
        System.out.printf("Sunbid transparency-log benchmark — JDK %s (%s), %d cores, target %,d entries%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), target);
        System.out.printf("sunbid.audit.wait-for-sequencing=%s (read: record returns at its commit, reads wait; commit: the "
                + "recording commit waits until sequenced)%n", waitFor);
        // Command-line arguments outrank application.yml (builder defaults would not).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SunbidApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--sunbid.data-dir=" + dir, "--sunbid.demo=false", "--sunbid.audit.head-interval=PT24H",
                        "--logging.level.root=warn", "--server.port=0",
                        "--sunbid.audit.wait-for-sequencing=" + waitFor);
        try {
            run(context, target, dir, writerCounts, sustain);
        } finally {
            context.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory
            }
        }
    }

    private static void run(ConfigurableApplicationContext context, long target, Path dir, int[] writerCounts, int sustain)
            throws Exception {
        AuditLog log = context.getBean(AuditLog.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        // The application's role creates nothing: the baseline table is made by the superuser (its password in keys/).
        String url = context.getBean(javax.sql.DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
        try (java.sql.Connection dba = java.sql.DriverManager.getConnection(url, "postgres",
                Files.readString(dir.resolve("keys").resolve("db-postgres.secret")).strip());
                java.sql.Statement s = dba.createStatement()) {
            s.execute("CREATE SCHEMA bench");
            s.execute("CREATE TABLE bench.raw (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, note TEXT NOT NULL)");
            s.execute("GRANT USAGE ON SCHEMA bench TO sunbid_app");
            s.execute("GRANT INSERT ON bench.raw TO sunbid_app");
            s.execute("GRANT USAGE ON SEQUENCE bench.raw_id_seq TO sunbid_app");
        }

        Runnable raw = () -> tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO bench.raw (at, note) VALUES (now(), :n)")
                .param("n", "x".repeat(200)).update());
        Runnable append = () -> tx.executeWithoutResult(s -> log.append(AuditRecord.of("bench.appended", "B", "990100",
                Actor.SYSTEM, Map.of("n", ThreadLocalRandom.current().nextInt()))));
        // The sequencer's path (issue 21): the business transaction commits a pending entry without the log lock, and
        // its commit returns once the sequencer has placed the entry in the log (one head signed per round).
        Runnable record = () -> tx.executeWithoutResult(s -> log.record(AuditRecord.of("bench.recorded", "B", "990100",
                Actor.SYSTEM, Map.of("n", ThreadLocalRandom.current().nextInt()))));

        // warm up the JIT and the pool
        rate(1, 300, raw);
        rate(1, 300, append);
        rate(1, 300, record);
        printNodeFetchPlans(jdbc, tx, log.size(), "at the start (" + log.size() + " entries)");
        System.out.println();
        System.out.println("| entries, one committed transaction each | writers | per second | raw INSERT+COMMIT per second (same run) | ratio | heads signed per entry | writers' commits per second | lag p50 / p99 / max ms | most pending seen | rounds (largest) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int writers : writerCounts) {
            int count = writers == 1 ? 2_000 : 8_000;
            double r = rate(writers, count, raw);
            double a = rate(writers, count, append);
            long heads = jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single();
            log.drainSequencingLag();
            long roundsBefore = log.drainSequencingLag().rounds();
            long[] pendingMax = {0};
            java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    pendingMax[0] = Math.max(pendingMax[0],
                            jdbc.sql("SELECT count(*) FROM log_pending").query(Long.class).single());
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            double commits = rate(writers, count, record);
            log.size(); // a read: returns once every entry committed before it is sequenced
            double q = count / ((System.nanoTime() - t0) / 1e9);
            sampling.set(false);
            sampler.join();
            AuditLog.SequencingLag lag = log.drainSequencingLag();
            heads = jdbc.sql("SELECT count(*) FROM log_tree_head").query(Long.class).single() - heads;
            double r2 = rate(writers, count, raw);
            System.out.printf("| log.append (lock until commit) | %d | %,.0f | %,.0f | %.2f | 0 | | | | |%n", writers, a, r, a / r);
            System.out.printf("| log.record (sequencer), counted when sequenced | %d | %,.0f | %,.0f | %.2f | %.3f | %,.0f | %s | %,d | %,d (%,d) |%n",
                    writers, q, r2, q / r2, heads / (double) count, commits,
                    lag.samples() == 0 ? "(waits at commit)" : "%.1f / %.1f / %.1f".formatted(lag.p50Millis(), lag.p99Millis(), lag.maxMillis()),
                    pendingMax[0], lag.rounds() - roundsBefore, lag.largestRound());
        }
        if (sustain > 0) {
            // Does the sequencer keep up? 16 writers recording for longer, the pending backlog sampled every second: a
            // sequencer falling behind shows as a backlog that keeps growing.
            List<Long> backlog = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
                    backlog.add(jdbc.sql("SELECT count(*) FROM log_pending").query(Long.class).single());
                }
            });
            log.drainSequencingLag();
            long t0 = System.nanoTime();
            sampler.start();
            double commits = rate(16, sustain, record);
            long c1 = System.nanoTime();
            log.size();
            long t1 = System.nanoTime();
            sampling.set(false);
            sampler.join();
            AuditLog.SequencingLag lag = log.drainSequencingLag();
            double r = rate(16, Math.min(sustain, 8_000), raw);
            System.out.printf("%nSustained: %,d recorded by 16 writers in %.1f s (commits %,.0f/s), all sequenced %.0f ms after "
                    + "the last commit: %,.0f/s counted when sequenced; raw INSERT+COMMIT right after %,.0f/s (ratio %.2f); "
                    + "lag p50 %.1f / p99 %.1f / max %.1f ms; pending each second: %s%n", sustain, (t1 - t0) / 1e9, commits,
                    (t1 - c1) / 1e6, sustain / ((t1 - t0) / 1e9), r, sustain / ((t1 - t0) / 1e9) / r, lag.p50Millis(),
                    lag.p99Millis(), lag.maxMillis(), backlog);
        }
        if (jdbc.sql("SELECT count(*) FROM log_pending").query(Long.class).single() != 0) {
            throw new IllegalStateException("recorded entries left pending after a read waited for them");
        }

        long started = System.nanoTime();
        long before = log.size();
        while (log.size() < target) {
            int n = (int) Math.min(10_000, target - log.size());
            List<AuditRecord> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(AuditRecord.of("bench.bulk", "B", "990100", Actor.SYSTEM, Map.of("i", i)));
            }
            tx.executeWithoutResult(s -> log.appendAll(batch));
        }
        double bulkSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%nBulk appendAll (10,000 per transaction): %,d entries in %.1f s = %,.0f entries/s%n",
                log.size() - before, bulkSeconds, (log.size() - before) / bulkSeconds);

        long size = log.size();
        printNodeFetchPlans(jdbc, tx, size, "after the growth");
        long t0 = System.nanoTime();
        SignedTreeHead head = log.signHead();
        double signMs = (System.nanoTime() - t0) / 1e6;
        byte[] root = HEX.parseHex(head.rootHash());

        int proofs = 1_000;
        double[] inclusion = new double[proofs];
        List<String> leaves = jdbc.sql("SELECT leaf_hash FROM log_entry WHERE seq = ANY(:s) ORDER BY seq")
                .param("s", ThreadLocalRandom.current().longs(proofs, 0, size).boxed().toArray(Long[]::new))
                .query(String.class).list();
        for (int i = 0; i < leaves.size(); i++) {
            long s0 = System.nanoTime();
            AuditLog.InclusionProof proof = log.inclusionProof(leaves.get(i), size);
            inclusion[i] = (System.nanoTime() - s0) / 1e6;
            if (!MerkleTree.verifyInclusion(HEX.parseHex(leaves.get(i)), proof.leafIndex(), size,
                    proof.path().stream().map(HEX::parseHex).toList(), root)) {
                throw new IllegalStateException("an inclusion proof did not verify");
            }
        }
        double[] consistency = new double[proofs];
        for (int i = 0; i < proofs; i++) {
            long first = ThreadLocalRandom.current().nextLong(1, size);
            long s0 = System.nanoTime();
            log.consistencyProof(first, size);
            consistency[i] = (System.nanoTime() - s0) / 1e6;
        }
        double[] select = new double[proofs];
        for (int i = 0; i < proofs; i++) {
            long idx = ThreadLocalRandom.current().nextLong(0, size);
            long s0 = System.nanoTime();
            jdbc.sql("SELECT hash FROM log_node WHERE level = 0 AND idx = :i").param("i", idx).query(String.class).single();
            select[i] = (System.nanoTime() - s0) / 1e6;
        }
        System.out.printf("%nAt %,d entries (tree of %,d stored nodes):%n", size,
                jdbc.sql("SELECT count(*) FROM log_node").query(Long.class).single());
        System.out.println("| operation | mean ms | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| sign tree head (root + SM2 signature) | %.2f | | |%n", signMs);
        row("inclusion proof (%d leaves, verified)".formatted(leaves.size()), inclusion, leaves.size());
        row("consistency proof (%d random sizes)".formatted(proofs), consistency, proofs);
        row("raw limit: one primary-key SELECT of a node", select, proofs);
    }

    private static void printNodeFetchPlans(JdbcClient jdbc, TransactionTemplate tx, long size, String when) {
        // Why proofs were slow right after a fast growth (issue 21): joining the wanted (level, idx) pairs with log_node
        // let the planner hash-join the whole node table (a sequential scan) while it judged the table small; one
        // primary-key probe per wanted node (a LATERAL subquery, as MerkleNodes does now) does not depend on statistics.
        Integer[] levels = new Integer[40];
        Long[] idxs = new Long[40];
        for (int i = 0; i < 40; i++) {
            levels[i] = i % 16;
            idxs[i] = ThreadLocalRandom.current().nextLong(0, Math.max(1, size >> (i % 16)));
        }
        for (String[] form : new String[][] {
                {"join (before)", "SELECT n.level, n.idx, n.hash FROM log_node n JOIN unnest(CAST(:l AS int[]), CAST(:i AS bigint[])) "
                        + "AS k(level, idx) ON n.level = k.level AND n.idx = k.idx"},
                {"lateral (now)", "SELECT k.level, k.idx, n.hash FROM unnest(CAST(:l AS int[]), CAST(:i AS bigint[])) AS k(level, idx) "
                        + "CROSS JOIN LATERAL (SELECT hash FROM log_node WHERE level = k.level AND idx = k.idx LIMIT 1) n"}}) {
            // the generic plan: what a prepared statement, re-run on one pooled connection, keeps using
            List<String> plan = tx.execute(st -> {
                jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
                return jdbc.sql("EXPLAIN (COSTS OFF) " + form[1]).param("l", levels).param("i", idxs).query(String.class).list();
            });
            System.out.printf("Plan of the node fetch %s, %s: %s%n", when, form[0], String.join(" / ", plan.stream().map(String::strip).toList()));
        }
    }

    private static void row(String name, double[] ms, int n) {
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        System.out.printf("| %s | %.3f | %.3f | %.3f |%n", name, Arrays.stream(sorted).average().orElse(0),
                sorted[n / 2], sorted[(int) (n * 0.99)]);
    }

    /** Operations per second of {@code count} runs of {@code op} spread over {@code threads} threads. */
    private static double rate(int threads, int count, Runnable op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = count / threads;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    op.run();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
