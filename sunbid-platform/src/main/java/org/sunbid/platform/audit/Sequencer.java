package org.sunbid.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * Sequences recorded entries in the Certificate Transparency style (issue 21). A business transaction inserts its
 * entry into {@code log_pending} without any lock ({@link AuditLog#record}); once it has committed, this sequencer
 * gives every committed pending row the next sequence number, writes it to the log and the tree, deletes it from
 * {@code log_pending} and grows {@code log_state}, all in ONE transaction under the {@code log_state} row lock (the
 * lock synchronous appends take too, so a second platform instance or an append never interleaves); then it signs one
 * tree head over the grown log, off the rounds' path (at most one per {@code sunbid.audit.round-head-interval}, 100 ms).
 * Whatever commits while a round runs is sequenced by the next round, so concurrent business commits group in
 * PostgreSQL's WAL flush instead of queueing one by one on the lock until their commit.
 * <p>
 * A pending row is either still pending or in the log, never both: a crash at any point loses nothing and duplicates
 * nothing, and the sequencer drains what is pending when it starts (and polls for rows other processes committed).
 * <p>
 * The recording transaction's commit returns at once (the entry is durable as pending); every read of the log through
 * {@link AuditLog} first waits (bounded by {@code sunbid.audit.sequencer-wait}) until each pending entry committed
 * before the read began is sequenced ({@link #awaitReadable}), so "once the call and its commit returned, the entry is
 * in the log" holds for every reader, while writers no longer queue behind the rounds: a writer's cycle is its own
 * commit, not its commit and one and a half rounds (issue 21; {@code sunbid.audit.wait-for-sequencing=commit} restores
 * the wait at commit). The sequencer works through a small pool of its own: waiting callers hold their connection of
 * the application's pool while they wait, which must never starve the sequencer they wait for.
 */
@Component
class Sequencer implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final HexFormat HEX = HexFormat.of();
    /** At most this many entries per round (one transaction, one head). */
    static final int BATCH = 4096;

    /** The current transaction's recorded entries (a transaction resource). */
    private final Object recordedKey = new Object();
    /** Bound while the current transaction holds the {@code log_state} row lock (it appended). */
    private final Object lockKey = new Object();
    /** How many of this thread's open transactions (the current and suspended outer ones) hold the row lock. */
    private static final ThreadLocal<int[]> LOCK_HOLDS = ThreadLocal.withInitial(() -> new int[1]);

    private final HikariDataSource ownPool;
    /** The sequencer's pool, for a waiting commit's check outside any transaction synchronization. */
    private final DataSource ownDataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LogWriter writer;
    private final MerkleNodes nodes;
    private final Clock clock;
    /** The tree's frontier after the last round (guarded by the round lock), and the size it is for. */
    private Map<MerkleNodes.Key, byte[]> frontier = Map.of();
    private long frontierSize = -1;
    private final long pollMillis;
    private final Duration maxWait;
    /**
     * Whether a recording transaction's commit waits until its entries are sequenced ({@code commit}), or returns at
     * once and every read of the log through {@link AuditLog} waits instead for what was committed before it
     * ({@code read}, the default): {@code sunbid.audit.wait-for-sequencing}.
     */
    private volatile boolean waitAtCommit;

    /** Rounds begun since start-up; a round's number is taken before its first query, so before its snapshot. */
    private final AtomicLong roundsBegun = new AtomicLong();
    /** The newest finished round: its number, and the pending id up to which it left nothing committed behind. */
    private final Object progressSignal = new Object();
    private long progressRound;
    private long progressCovered;
    /** Commit times of recorded ids not yet sequenced (or the mark of ids sequenced first): the sequencing lag. */
    private final ConcurrentHashMap<Long, Long> lagMarks = new ConcurrentHashMap<>();
    private static final long SEQUENCED_FIRST = Long.MIN_VALUE;
    private final long[] lagSamples = new long[1 << 16];
    private long lagCount;
    private final AtomicLong maxRoundSize = new AtomicLong();
    /** Entries this process committed as pending and no round has placed yet (approximate; see lagMarks). */
    private final AtomicLong backlog = new AtomicLong();
    /** Above this backlog a recording commit waits for its entries as in commit mode: the backlog stays bounded. */
    private final long maxBacklog;

    /** Committed or not, the recorded ids whose transaction waits, and for what. */
    private final ConcurrentHashMap<Long, Recorded> waiting = new ConcurrentHashMap<>();
    private final ReentrantLock roundLock = new ReentrantLock();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    private final java.util.concurrent.ExecutorService signer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "log-head-signer");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicReference<Object[]> toSign = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean signScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong heads = new AtomicLong();
    private final long minHeadNanos;
    private volatile long lastSignedNanos = System.nanoTime() - Long.MAX_VALUE / 4;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong sequenced = new AtomicLong();

    Sequencer(DataSource dataSource, PlatformIdentity platform, Clock clock,
            @Value("${sunbid.audit.sequencer-poll:PT0.05S}") Duration poll,
            @Value("${sunbid.audit.sequencer-wait:PT10S}") Duration maxWait,
            @Value("${sunbid.audit.round-head-interval:PT0.1S}") Duration minHeadInterval,
            @Value("${sunbid.audit.wait-for-sequencing:read}") String waitFor,
            @Value("${sunbid.audit.max-backlog:8192}") long maxBacklog) {
        this.maxBacklog = maxBacklog;
        if (!waitFor.equals("read") && !waitFor.equals("commit")) {
            throw new IllegalArgumentException("sunbid.audit.wait-for-sequencing must be read or commit: " + waitFor);
        }
        this.waitAtCommit = waitFor.equals("commit");
        this.minHeadNanos = Math.max(0, minHeadInterval.toNanos());
        DataSource own = dataSource;
        if (dataSource instanceof HikariDataSource application) {
            // Same database and role as the application's pool; connects on first use.
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(application.getJdbcUrl());
            pool.setUsername(application.getUsername());
            pool.setPassword(application.getPassword());
            pool.setMaximumPoolSize(3); // the rounds, the head signer, and waiting commits' rare checks
            pool.setMinimumIdle(1);
            pool.setPoolName("sunbid-log-sequencer");
            own = pool;
            this.ownPool = pool;
        } else {
            this.ownPool = null;
        }
        this.jdbc = JdbcClient.create(own);
        this.ownDataSource = own;
        JdbcTemplate template = new JdbcTemplate(own);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(own));
        this.nodes = new MerkleNodes(jdbc, template);
        this.writer = new LogWriter(jdbc, template, nodes, platform);
        this.clock = clock;
        this.pollMillis = Math.max(1, poll.toMillis());
        this.maxWait = maxWait;
    }

    // ---- the recording side (in the business transaction's thread) ----

    /** Notes that the current transaction recorded pending entry {@code id}: its commit will wait until it is sequenced. */
    void recorded(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake(); // no commit to wait for (AuditLog.record always runs in a transaction)
            return;
        }
        Recorded recorded = (Recorded) TransactionSynchronizationManager.getResource(recordedKey);
        if (recorded == null) {
            recorded = new Recorded();
            TransactionSynchronizationManager.bindResource(recordedKey, recorded);
            TransactionSynchronizationManager.registerSynchronization(recorded);
        }
        recorded.add(id);
        waiting.put(id, recorded);
    }

    /** The ids of the pending entries the current transaction recorded and nothing has sequenced yet, in order. */
    List<Long> recordedInThisTransaction() {
        Recorded recorded = (Recorded) TransactionSynchronizationManager.getResource(recordedKey);
        return recorded == null ? List.of() : recorded.remaining();
    }

    /** The current transaction sequenced these of its own pending entries itself (an append came after them). */
    void sequencedInThisTransaction(List<Long> ids) {
        Recorded recorded = (Recorded) TransactionSynchronizationManager.getResource(recordedKey);
        for (Long id : ids) {
            waiting.remove(id);
            if (recorded != null) {
                recorded.sequencedHere(id);
            }
        }
    }

    /** Notes that the current transaction took the {@code log_state} row lock, which it holds until it ends. */
    void lockTaken() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(lockKey)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(lockKey, Boolean.TRUE);
        LOCK_HOLDS.get()[0]++;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(lockKey);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(lockKey, Boolean.TRUE);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(lockKey);
                LOCK_HOLDS.get()[0]--;
            }
        });
    }

    /** One transaction's recorded entries: its synchronization, and what its commit waits for. */
    private final class Recorded implements TransactionSynchronization {

        private final Set<Long> remaining = new HashSet<>();
        private final List<Long> all = new ArrayList<>();
        private final Set<Long> ownSequenced = new HashSet<>();

        /** The ids this transaction committed as pending (not those an append of its own sequenced). */
        synchronized List<Long> committedPending() {
            return all.stream().filter(id -> !ownSequenced.contains(id)).toList();
        }

        synchronized void sequencedHere(long id) {
            ownSequenced.add(id);
            done(id);
        }

        synchronized void add(long id) {
            remaining.add(id);
            all.add(id);
        }

        synchronized List<Long> remaining() {
            return all.stream().filter(remaining::contains).toList();
        }

        synchronized void done(long id) {
            if (remaining.remove(id) && remaining.isEmpty()) {
                notifyAll();
            }
        }

        synchronized boolean allDone() {
            return remaining.isEmpty();
        }

        synchronized void awaitDone(long millis) throws InterruptedException {
            if (!remaining.isEmpty()) {
                wait(millis);
            }
        }

        void forget() {
            for (Long id : all) {
                waiting.remove(id, this);
            }
        }

        @Override
        public int getOrder() {
            // First among the after-commit callbacks: listeners that run after the commit see the entries in the log.
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(recordedKey);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(recordedKey, this);
        }

        @Override
        public void afterCommit() {
            if (waitAtCommit) {
                awaitSequenced(this);
                return;
            }
            // The entries are durable and pending: the sequencer places them within milliseconds, and every read of
            // the log waits for them (awaitReadable). Only the lag is noted.
            long now = System.nanoTime();
            if (lagMarks.size() > 100_000) {
                lagMarks.clear(); // marks of ids another instance sequenced: the lag is a sample, memory stays bounded
                backlog.set(0);
            }
            for (Long id : committedPending()) {
                lagMarks.compute(id, (k, v) -> {
                    if (v == null) {
                        backlog.incrementAndGet();
                        return now;
                    }
                    sampleLag(0); // sequenced before this callback ran
                    return null;
                });
            }
            wake();
            if (backlog.get() > maxBacklog) {
                // Writers outrun the sequencer: this commit waits for its own entries, as in commit mode, so the
                // backlog (and every reader's wait) stays bounded instead of growing with the burst.
                awaitSequenced(this);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(recordedKey);
            forget();
        }
    }

    /** Waits (bounded) until every entry {@code recorded} committed is in the log. */
    private void awaitSequenced(Recorded recorded) {
        if (recorded.allDone()) {
            return;
        }
        // An outer transaction of this thread, suspended, holds the row lock: the sequencer would wait for it, and it
        // waits for us. Its entries are sequenced once it ends; waiting would only time out.
        int holds = LOCK_HOLDS.get()[0] - (TransactionSynchronizationManager.hasResource(lockKey) ? 1 : 0);
        if (holds > 0) {
            log.debug("not waiting for sequencing: an outer transaction holds the log lock");
            return;
        }
        if (!running) {
            // Not started yet or stopped: sequence in this thread.
            try {
                while (!recorded.allDone() && round() > 0) {
                    // until this transaction's entries are in
                }
            } catch (RuntimeException e) {
                log.warn("could not sequence recorded log entries now; they stay pending until the sequencer runs", e);
            }
            return;
        }
        wake();
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            while (!recorded.allDone()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    log.warn("recorded log entries not sequenced after {}; going on (they stay pending and will be)", maxWait);
                    return;
                }
                recorded.awaitDone(Math.min(left, 250));
                if (!recorded.allDone()) {
                    // Sequenced by another instance, or gone with a rolled-back savepoint: no longer pending.
                    List<Long> ids = recorded.remaining();
                    Set<Long> pending = stillPending(ids);
                    ids.stream().filter(id -> !pending.contains(id)).forEach(recorded::done);
                    if (!recorded.allDone()) {
                        wake();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Which of {@code ids} are still pending, on a connection of the sequencer's pool returned at once. Not through
     * {@code jdbc}: called from an after-commit callback, where the transaction's synchronization is still active, it
     * would bind the connection to the waiting thread until the transaction completes — 16 waiting writers then held
     * the 3-connection pool and the round they waited for could not get one (a stall until the wait timed out).
     */
    private Set<Long> stillPending(List<Long> ids) {
        Set<Long> pending = new HashSet<>();
        try (java.sql.Connection c = ownDataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("SELECT id FROM log_pending WHERE id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(rs.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not check pending log entries", e);
        }
        return pending;
    }

    // ---- the reading side (issue 21: the wait moved from the recording commit to the reads) ----

    /**
     * Waits (bounded by {@code sunbid.audit.sequencer-wait}) until every pending entry committed before this call is
     * sequenced, so a read of the log that follows sees it: read-your-writes at read time. {@code newestPending} is the
     * largest pending id the caller's own connection sees now (null when nothing is pending: no wait). Entries that
     * commit later are not waited for; the caller's own uncommitted entries cannot be, and a caller holding the log's
     * lock (it appended in this transaction) would wait for itself, so neither waits.
     */
    void awaitReadable(java.util.function.Supplier<Long> newestPending) {
        if (waitAtCommit || LOCK_HOLDS.get()[0] > 0) {
            return;
        }
        Long newest = newestPending.get();
        if (newest == null) {
            return;
        }
        long after = roundsBegun.get(); // read after the query: any round numbered above starts after it
        if (!running) {
            try {
                while (!readable(after, newest)) {
                    round();
                }
            } catch (RuntimeException e) {
                log.warn("could not sequence pending log entries for a read; it may not see the newest ones", e);
            }
            return;
        }
        wake();
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (progressSignal) {
            while (!(progressRound > after && progressCovered >= newest)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    log.warn("pending log entries not sequenced after {}; reading without them", maxWait);
                    return;
                }
                try {
                    progressSignal.wait(Math.min(left, 250));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (progressRound <= after) {
                    wake();
                }
            }
        }
    }

    private boolean readable(long after, long newest) {
        synchronized (progressSignal) {
            return progressRound > after && progressCovered >= newest;
        }
    }

    /** Switches where the wait is (tests of both; the setting is {@code sunbid.audit.wait-for-sequencing}). */
    void waitAtCommit(boolean atCommit) {
        this.waitAtCommit = atCommit;
    }

    boolean waitsAtCommit() {
        return waitAtCommit;
    }

    private void sampleLag(long nanos) {
        synchronized (lagSamples) {
            lagSamples[(int) (lagCount++ % lagSamples.length)] = nanos;
        }
    }

    /**
     * The sequencing lag (commit to sequenced) of the recorded entries since the last call, in milliseconds: samples,
     * p50, p99, max (the newest 65,536 samples); and the largest round since start-up.
     */
    double[] drainLag() {
        long[] copy;
        synchronized (lagSamples) {
            copy = java.util.Arrays.copyOf(lagSamples, (int) Math.min(lagCount, lagSamples.length));
            lagCount = 0;
        }
        java.util.Arrays.sort(copy);
        int n = copy.length;
        return new double[] {n, n == 0 ? 0 : copy[n / 2] / 1e6, n == 0 ? 0 : copy[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                n == 0 ? 0 : copy[n - 1] / 1e6, maxRoundSize.get()};
    }

    // ---- the sequencing side ----

    /** Starts a round now (or right after the one running). */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * One round: sequences up to {@link #BATCH} committed pending entries in one transaction and signs one head over
     * the grown log; returns how many it sequenced.
     */
    int round() {
        roundLock.lock();
        try {
            // Numbered before its first query: a reader that noted the number before sees this round start after it.
            long number = roundsBegun.incrementAndGet();
            List<Long> ids = new ArrayList<>();
            Object[] grown = new Object[3];
            Integer n;
            try {
                n = tx.execute(status -> {
                    // One round trip: the lock, the size under it, and the oldest committed pending entries — only what
                    // their leaves hash (time, commitment): details and payload are copied inside the database below.
                    long[] size = {-1};
                    List<LogWriter.Timed> entries = new ArrayList<>();
                    jdbc.sql("""
                            SELECT s.size, p.id, p.recorded_at, p.commitment
                            FROM (SELECT size FROM log_state WHERE id = 1 FOR UPDATE) s
                            LEFT JOIN LATERAL (SELECT * FROM log_pending ORDER BY id LIMIT :n) p ON true""")
                            .param("n", BATCH).query((rs, i) -> {
                                size[0] = rs.getLong("size");
                                long id = rs.getLong("id");
                                if (!rs.wasNull()) {
                                    ids.add(id);
                                    entries.add(new LogWriter.Timed(rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                                            new LogWriter.Prepared(null, null, rs.getString("commitment"), null)));
                                }
                                return id;
                            }).list();
                    if (entries.isEmpty()) {
                        status.setRollbackOnly(); // nothing written: no commit to flush
                        return 0;
                    }
                    long first = size[0];
                    // What the tree builds on: kept from the last round unless something else grew the log since.
                    Map<MerkleNodes.Key, byte[]> base = frontierSize == first ? frontier : nodes.frontier(first);
                    int count = entries.size();
                    Long[] seqs = new Long[count];
                    String[] leaves = new String[count];
                    List<byte[]> leafHashes = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        LogWriter.Timed e = entries.get(i);
                        seqs[i] = first + i;
                        byte[] leaf = LogLeaf.hash(first + i, e.time(), e.prepared().commitment());
                        leafHashes.add(leaf);
                        leaves[i] = HEX.formatHex(leaf);
                    }
                    MerkleNodes.Growth growth = MerkleNodes.grow(first, leafHashes, base);
                    Integer[] levels = new Integer[growth.rows().size()];
                    Long[] idxs = new Long[levels.length];
                    String[] hashes = new String[levels.length];
                    for (int i = 0; i < levels.length; i++) {
                        Object[] row = growth.rows().get(i);
                        levels[i] = (Integer) row[0];
                        idxs[i] = (Long) row[1];
                        hashes[i] = (String) row[2];
                    }
                    // One round trip for every write: entries (copied from their pending rows inside the database: the
                    // details and payload do not travel to the sequencer and back), nodes, the pending rows gone, the
                    // size grown. All parts see the same snapshot, so the copy reads the rows the delete removes.
                    long[] written = jdbc.sql("""
                            WITH e AS (
                                INSERT INTO log_entry (seq, appended_at, commitment, leaf_hash, details, payload, sealed_until)
                                SELECT u.seq, p.recorded_at, p.commitment, u.leaf, p.details, p.payload, p.sealed_until
                                FROM unnest(CAST(:ids AS bigint[]), CAST(:seqs AS bigint[]), CAST(:ls AS text[])) AS u(id, seq, leaf)
                                JOIN log_pending p ON p.id = u.id
                                RETURNING seq),
                            n AS (
                                INSERT INTO log_node (level, idx, hash)
                                SELECT * FROM unnest(CAST(:lv AS smallint[]), CAST(:ix AS bigint[]), CAST(:hs AS text[]))),
                            d AS (DELETE FROM log_pending WHERE id = ANY(:ids) RETURNING id)
                            UPDATE log_state SET size = :size WHERE id = 1
                            RETURNING (SELECT count(*) FROM e) AS inserted, (SELECT count(*) FROM d) AS deleted""")
                            .param("seqs", seqs).param("ls", leaves)
                            .param("lv", levels).param("ix", idxs).param("hs", hashes)
                            .param("ids", ids.toArray(Long[]::new)).param("size", first + count)
                            .query((rs, i) -> new long[] {rs.getLong("inserted"), rs.getLong("deleted")}).single();
                    if (written[0] != count || written[1] != count) {
                        throw new IllegalStateException("pending log entries changed while being sequenced");
                    }
                    grown[0] = first + count;
                    grown[1] = growth.root();
                    grown[2] = growth.frontier();
                    return count;
                });
            } catch (RuntimeException e) {
                frontierSize = -1;
                throw e;
            }
            if (n > 0) {
                @SuppressWarnings("unchecked")
                Map<MerkleNodes.Key, byte[]> next = (Map<MerkleNodes.Key, byte[]>) grown[2];
                frontier = next;
                frontierSize = (Long) grown[0];
                signLater((Long) grown[0], (byte[]) grown[1]);
            }
            long now = System.nanoTime();
            for (Long id : ids) {
                Recorded recorded = waiting.remove(id);
                if (recorded != null) {
                    recorded.done(id);
                }
                if (!waitAtCommit) {
                    lagMarks.compute(id, (k, v) -> {
                        if (v == null) {
                            return SEQUENCED_FIRST;
                        }
                        if (v != SEQUENCED_FIRST) {
                            backlog.decrementAndGet();
                            sampleLag(now - v);
                        }
                        return null;
                    });
                }
            }
            if (n > 0) {
                rounds.incrementAndGet();
                sequenced.addAndGet(n);
                maxRoundSize.accumulateAndGet(n, Math::max);
            }
            // A round that took less than a full batch left nothing committed before its snapshot behind; a full one
            // everything up to the last id it took (it takes the lowest ids first).
            long covered = n < BATCH ? Long.MAX_VALUE : ids.get(ids.size() - 1);
            synchronized (progressSignal) {
                if (number > progressRound) {
                    progressRound = number;
                    progressCovered = covered;
                }
                progressSignal.notifyAll();
            }
            return n;
        } finally {
            roundLock.unlock();
        }
    }

    /**
     * Signs a head over the log grown to {@code size} entries with {@code root}, on the signer's thread: one SM2
     * signature per round, or fewer when rounds follow each other faster than heads are signed (the newest waiting
     * head is signed, the ones it covers are skipped). Signing is off the rounds' path: a waiting commit needs its
     * entry in the log, not yet under a head; {@link AuditLog#receipt} signs one itself if none covers the entry yet.
     */
    private void signLater(long size, byte[] root) {
        toSign.set(new Object[] {size, root});
        if (signScheduled.compareAndSet(false, true)) {
            signer.execute(this::signNewest);
        }
    }

    private void signNewest() {
        // At most one head per minHeadInterval: a head costs an SM2 signature and a commit of its own, which under a
        // surge competed with the rounds for the cores and the WAL (one head per round of a lone writer was a third
        // fsync per entry). The newest waiting head is signed after the pause; receipts sign one if none covers yet.
        long pause = minHeadNanos - (System.nanoTime() - lastSignedNanos);
        if (pause > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
        }
        signScheduled.set(false);
        Object[] head = toSign.getAndSet(null);
        if (head == null) {
            return;
        }
        try {
            writer.storeHead((Long) head[0], (byte[]) head[1], Instant.ofEpochMilli(clock.millis()));
            heads.incrementAndGet();
            lastSignedNanos = System.nanoTime();
        } catch (RuntimeException e) {
            log.warn("could not sign a tree head over {} log entries (a later round or the schedule will)", head[0], e);
        }
    }

    /** Rounds that sequenced something, the entries they sequenced and the heads signed after them, since start-up. */
    long[] counts() {
        return new long[] {rounds.get(), sequenced.get(), heads.get()};
    }

    private boolean anyPending() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (SELECT 1 FROM log_pending)").query(Boolean.class).single());
    }

    private void loop() {
        boolean drain = true; // what was pending at start-up: committed before a crash or a stop
        while (running) {
            try {
                if (!drain) {
                    synchronized (signal) {
                        if (!woken) {
                            signal.wait(pollMillis);
                        }
                        drain = woken;
                        woken = false;
                    }
                }
                if (!running) {
                    return;
                }
                if (drain || anyPending()) {
                    while (round() == BATCH && running) {
                        // more is pending
                    }
                }
                drain = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("log sequencing round failed; retrying", e);
                drain = false;
                try {
                    Thread.sleep(Math.max(pollMillis, 200));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    // ---- lifecycle: started before the web server, stopped after it ----

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "log-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    @Override
    public void destroy() {
        stop();
        signer.shutdown();
        try {
            signer.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
