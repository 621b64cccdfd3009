package org.sunbid.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * The transparency log's API. {@link #record} and {@link #append} join the caller's transaction: the entry exists if
 * and only if the change it records was committed. {@code record} takes no lock: the {@link Sequencer} gives committed
 * entries their places in batches, milliseconds after the commit. {@code append} takes the single {@code log_state}
 * row lock until its commit, for callers that need the sequence number at once. Either way sequence numbers are
 * gap-free; the Merkle tree grows incrementally with each batch.
 * <p>
 * Every read here (entries, proofs, heads, size, receipts) first waits until each entry recorded and committed before
 * the read began is sequenced, so a reader sees what was recorded before it, its own commits included; nothing waits
 * when nothing is pending. (With {@code sunbid.audit.wait-for-sequencing=commit} the recording commit waits instead,
 * as before issue 21's second step.)
 */
@Service
public class AuditLog {

    private static final HexFormat HEX = HexFormat.of();
    /** At most this many entries per page of {@link #entries}. */
    public static final int MAX_PAGE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final MerkleNodes nodes;
    private final LogWriter writer;
    private final Sequencer sequencer;
    private final Clock clock;
    private final TransactionTemplate repeatableRead;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, MerkleNodes nodes, PlatformIdentity platform, Sequencer sequencer,
            Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.repeatableRead = new TransactionTemplate(transactions);
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.jdbcTemplate = jdbcTemplate;
        this.nodes = nodes;
        this.writer = new LogWriter(jdbc, jdbcTemplate, nodes, platform);
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /**
     * Records {@code record} in the current transaction (or a new one), without waiting for any lock: once the
     * transaction has committed, the entry is durable as pending and the sequencer gives it its place in the log
     * within milliseconds, exactly once (a crash in between loses and duplicates nothing). The commit does not wait
     * for that: every read through this class does (see above), so seen from any reader the entry is in the log once
     * the call and its commit returned, yet concurrent commits group and writers do not queue behind the rounds. The entry exists if and only if the transaction commits; within it, the
     * entry comes before anything the same transaction appends later. Use {@link #append} only when the sequence
     * number or leaf is needed before the commit.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        recordAll(List.of(record));
    }

    /** Records {@code records}, in this order, in the current transaction (or a new one): see {@link #record}. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        OffsetDateTime at = Instant.ofEpochMilli(clock.millis()).atOffset(ZoneOffset.UTC);
        List<LogWriter.Prepared> prepared = records.stream().map(LogWriter::prepare).toList();
        List<Long> ids;
        if (prepared.size() == 1) {
            LogWriter.Prepared p = prepared.get(0);
            ids = List.of(jdbc.sql("""
                    INSERT INTO log_pending (recorded_at, commitment, details, payload, sealed_until)
                    VALUES (:at, :commitment, :details, :payload, :sealed) RETURNING id""")
                    .param("at", at).param("commitment", p.commitment()).param("details", p.details())
                    .param("payload", p.payload())
                    .param("sealed", p.sealedUntil() == null ? null : p.sealedUntil().atOffset(ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .query(Long.class).single());
        } else {
            ids = jdbc.sql("SELECT nextval('log_pending_id_seq') FROM generate_series(1, :n)").param("n", prepared.size())
                    .query(Long.class).list().stream().sorted().toList();
            List<Object[]> rows = new ArrayList<>(prepared.size());
            for (int i = 0; i < prepared.size(); i++) {
                LogWriter.Prepared p = prepared.get(i);
                rows.add(new Object[] {ids.get(i), at, p.commitment(), p.details(), p.payload(),
                        p.sealedUntil() == null ? null : p.sealedUntil().atOffset(ZoneOffset.UTC)});
            }
            jdbcTemplate.batchUpdate("""
                    INSERT INTO log_pending (id, recorded_at, commitment, details, payload, sealed_until)
                    VALUES (?, ?, ?, ?, ?, ?)""", rows);
        }
        ids.forEach(sequencer::recorded);
    }

    /**
     * Appends {@code record} in the current transaction (or a new one) and returns the entry as published. The
     * transaction holds the log's lock from here to its end: prefer {@link #record} unless the entry is needed now.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public LogEntry append(AuditRecord record) {
        return appendAll(List.of(record)).get(0);
    }

    /**
     * Appends {@code records}, in order and with consecutive sequence numbers, in the current transaction (or a new
     * one): one wait for the append lock and batched writes, for commands that record many facts at once. Entries the
     * same transaction {@linkplain #record recorded} before are sequenced first, so the log keeps the transaction's
     * order.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<LogEntry> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<LogWriter.Prepared> prepared = records.stream().map(LogWriter::prepare).toList();
        // This transaction's own pending entries, visible to it alone: they go first, and nothing else pending does.
        List<Long> own = sequencer.recordedInThisTransaction();
        List<Long> ownFound = new ArrayList<>();
        List<LogWriter.Timed> entries = new ArrayList<>(own.size() + records.size());
        if (!own.isEmpty()) {
            jdbc.sql("""
                    SELECT id, recorded_at, commitment, details, payload, sealed_until FROM log_pending
                    WHERE id = ANY(:ids) ORDER BY id""").param("ids", own.toArray(Long[]::new)).query((rs, i) -> {
                ownFound.add(rs.getLong("id"));
                OffsetDateTime sealed = rs.getObject("sealed_until", OffsetDateTime.class);
                return entries.add(new LogWriter.Timed(rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        new LogWriter.Prepared(rs.getString("details"), rs.getString("payload"), rs.getString("commitment"),
                                sealed == null ? null : sealed.toInstant())));
            }).list();
        }
        int total = entries.size() + records.size();

        // Everything above ran without the lock; from here to commit, other appends and the sequencer queue on this row.
        long first = jdbc.sql("UPDATE log_state SET size = size + :n WHERE id = 1 RETURNING size - :n")
                .param("n", total).query(Long.class).single();
        sequencer.lockTaken();
        Instant time = Instant.ofEpochMilli(clock.millis());
        for (LogWriter.Prepared p : prepared) {
            entries.add(new LogWriter.Timed(time, p));
        }
        List<LogEntry> written = writer.write(first, entries).entries();
        if (!ownFound.isEmpty()) {
            jdbc.sql("DELETE FROM log_pending WHERE id = ANY(:ids)").param("ids", ownFound.toArray(Long[]::new)).update();
        }
        if (!own.isEmpty()) {
            sequencer.sequencedInThisTransaction(own);
        }
        return written.subList(written.size() - records.size(), written.size());
    }

    /** The number of entries in the log, every entry recorded before this call included. */
    public long size() {
        readable();
        return sizeNow();
    }

    private long sizeNow() {
        return jdbc.sql("SELECT size FROM log_state WHERE id = 1").query(Long.class).single();
    }

    /** Waits until every entry recorded and committed before this call is sequenced (none pending: no wait). */
    private void readable() {
        sequencer.awaitReadable(() -> {
            long newest = jdbc.sql("SELECT coalesce(max(id), 0) FROM log_pending").query(Long.class).single();
            return newest == 0 ? null : newest;
        });
    }

    /**
     * The sequencing lag (commit of a recorded entry to its place in the log) since the last call, for operators and
     * benchmarks; not published (pending counts and lags say when something was recorded, not what).
     */
    public SequencingLag drainSequencingLag() {
        double[] d = sequencer.drainLag();
        long[] counts = sequencer.counts();
        return new SequencingLag((long) d[0], d[1], d[2], d[3], (long) d[4], counts[0], counts[1]);
    }

    /**
     * Sequencing lag samples (ids recorded and committed in this process) and their p50, p99 and maximum in ms; the
     * largest round, rounds and entries sequenced since start-up.
     */
    public record SequencingLag(long samples, double p50Millis, double p99Millis, double maxMillis, long largestRound,
            long rounds, long sequenced) {
    }

    /** Entries {@code [start, end)} as published: sealed details are withheld until their time. */
    public List<LogEntry> entries(long start, long end) {
        if (start < 0 || end < start || end - start > MAX_PAGE) {
            throw new DomainException(AuditError.INVALID_RANGE, start, end);
        }
        readable();
        return page(start, end);
    }

    private List<LogEntry> page(long start, long end) {
        return jdbc.sql("""
                SELECT seq, appended_at, commitment, leaf_hash, details, payload, sealed_until FROM log_entry
                WHERE seq >= :start AND seq < :end ORDER BY seq""")
                .param("start", start).param("end", end).query(this::published).list();
    }

    /** The newest {@code limit} published entries of the given actions in the given regions, newest first. */
    public List<LogEntry> withActions(java.util.Collection<String> actions, java.util.Collection<String> regionCodes, int limit) {
        if (actions.isEmpty() || regionCodes.isEmpty()) {
            return List.of();
        }
        readable();
        return jdbc.sql("""
                SELECT seq, appended_at, commitment, leaf_hash, details, payload, sealed_until FROM log_entry
                WHERE details IS NOT NULL AND details::json->>'action' IN (:actions) AND details::json->>'region' IN (:regions)
                ORDER BY seq DESC LIMIT :limit""")
                .param("actions", List.copyOf(actions)).param("regions", List.copyOf(regionCodes))
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE))).query(this::published).list();
    }

    /**
     * Every published entry of {@code action} about {@code subject} from {@code fromSeq} on, oldest first: what the log
     * committed, for a context to check its own rows against (a row deleted or put back in the database is not in the
     * log's place). Reads the log from {@code fromSeq}: give the subject's first entry where it is known.
     */
    public List<LogEntry> ofSubject(String action, String subject, long fromSeq) {
        readable();
        return jdbc.sql("""
                SELECT seq, appended_at, commitment, leaf_hash, details, payload, sealed_until FROM log_entry
                WHERE seq >= :from AND details IS NOT NULL AND details::json->>'action' = :action
                    AND details::json->>'subject' = :subject
                ORDER BY seq""")
                .param("from", Math.max(0, fromSeq)).param("action", action).param("subject", subject)
                .query(this::published).list();
    }

    /** A sealed entry's withheld details and payload, for the owning context to disclose when its secret ends. */
    public record Withheld(long seq, String details, String payload) {
    }

    /** The details and payload entry {@code seq} withholds (or shows): what a disclosure repeats so anyone can check it. */
    public Withheld withheld(long seq) {
        readable();
        return jdbc.sql("SELECT seq, details, payload FROM log_entry WHERE seq = :seq").param("seq", seq)
                .query((rs, i) -> new Withheld(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    /** Signs and stores a head over the log as it is now, every entry recorded before this call included. */
    public SignedTreeHead signHead() {
        readable(); // before the repeatable-read snapshot, which the first query inside would fix
        return signHeadNow();
    }

    private SignedTreeHead signHeadNow() {
        return repeatableRead.execute(s -> writer.signHead(sizeNow(), Instant.ofEpochMilli(clock.millis())));
    }

    /** The newest signed head, if any was signed. */
    public Optional<SignedTreeHead> latestHead() {
        readable();
        return latestHeadNow();
    }

    private Optional<SignedTreeHead> latestHeadNow() {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM log_tree_head ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> new SignedTreeHead(rs.getLong("size"), rs.getString("root_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signature")))
                .optional();
    }

    /** The newest {@code limit} signed heads, newest first. */
    public List<SignedTreeHead> heads(int limit) {
        readable();
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM log_tree_head ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query((rs, i) -> new SignedTreeHead(rs.getLong("size"), rs.getString("root_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signature")))
                .list();
    }

    /** The newest {@code count} entries as published, newest first. */
    public List<LogEntry> newest(int count) {
        readable();
        return newestBeforeNow(sizeNow(), count);
    }

    /** The newest {@code count} entries with a sequence number below {@code before}, newest first. */
    public List<LogEntry> newestBefore(long before, int count) {
        readable();
        return newestBeforeNow(before, count);
    }

    private List<LogEntry> newestBeforeNow(long before, int count) {
        long end = Math.max(0, Math.min(before, sizeNow()));
        List<LogEntry> page = new ArrayList<>(page(Math.max(0, end - Math.min(count, MAX_PAGE)), end));
        java.util.Collections.reverse(page);
        return page;
    }

    /** The newest signed head, signing one first if there is none or it is older than the log. */
    public SignedTreeHead currentHead() {
        readable();
        return latestHeadNow().filter(h -> h.size() == sizeNow()).orElseGet(this::signHeadNow);
    }

    /** The inclusion proof of the entry with {@code leafHashHex} in the tree of the first {@code treeSize} entries. */
    public InclusionProof inclusionProof(String leafHashHex, long treeSize) {
        readable();
        long seq = jdbc.sql("SELECT seq FROM log_entry WHERE leaf_hash = :h").param("h", leafHashHex.toLowerCase())
                .query(Long.class).optional()
                .orElseThrow(() -> new DomainException(AuditError.ENTRY_NOT_FOUND, leafHashHex));
        if (treeSize <= seq || treeSize > sizeNow()) {
            throw new DomainException(AuditError.INVALID_RANGE, seq, treeSize);
        }
        return new InclusionProof(seq, treeSize, hex(nodes.inclusionProof(seq, treeSize)));
    }

    /** The proof that the tree of {@code first} entries is a prefix of that of {@code second}. */
    public List<String> consistencyProof(long first, long second) {
        readable();
        if (first < 0 || first > second || second > sizeNow()) {
            throw new DomainException(AuditError.INVALID_RANGE, first, second);
        }
        return hex(nodes.consistencyProof(first, second));
    }

    /** A signed receipt for entry {@code seq}: its leaf, a head covering it (signed now if needed) and the proof. */
    public Receipt receipt(long seq) {
        readable();
        LogEntry entry = jdbc.sql("""
                SELECT seq, appended_at, commitment, leaf_hash, details, payload, sealed_until FROM log_entry WHERE seq = :seq""")
                .param("seq", seq).query(this::published).optional()
                .orElseThrow(() -> new DomainException(AuditError.ENTRY_NOT_FOUND, seq));
        SignedTreeHead head = latestHeadNow().filter(h -> h.size() > seq).orElseGet(this::signHeadNow);
        return new Receipt(seq, entry.appendedAt().toString(), entry.commitment(), entry.leafHash(), head,
                hex(nodes.inclusionProof(seq, head.size())));
    }

    /** An inclusion proof: where the entry is and the audit path to the root. */
    public record InclusionProof(long leafIndex, long treeSize, List<String> path) {
    }

    private LogEntry published(ResultSet rs, int row) throws SQLException {
        OffsetDateTime sealedUntil = rs.getObject("sealed_until", OffsetDateTime.class);
        boolean sealed = sealedUntil != null && sealedUntil.toInstant().isAfter(clock.instant());
        return new LogEntry(rs.getLong("seq"), rs.getObject("appended_at", OffsetDateTime.class).toInstant(),
                rs.getString("commitment"), rs.getString("leaf_hash"), sealed ? null : rs.getString("details"),
                sealed ? null : rs.getString("payload"), sealed);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
