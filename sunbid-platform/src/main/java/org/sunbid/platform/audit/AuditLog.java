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
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * The transparency log's API. {@link #record} and {@link #append} join the caller's transaction: the entry exists if
 * and only if the change it records was committed. {@code record} takes no lock: the {@link Sequencer} gives committed
 * entries their places in batches, and the call's commit returns once it has. {@code append} takes the single
 * {@code log_state} row lock until its commit, for callers that need the sequence number at once. Either way sequence
 * numbers are gap-free; the Merkle tree grows incrementally with each batch.
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

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, MerkleNodes nodes, PlatformIdentity platform, Sequencer sequencer,
            Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.nodes = nodes;
        this.writer = new LogWriter(jdbc, jdbcTemplate, nodes, platform);
        this.sequencer = sequencer;
        this.clock = clock;
    }

    /**
     * Records {@code record} in the current transaction (or a new one), without waiting for any lock: once the
     * transaction has committed, the sequencer gives it its place in the log, and the commit returns only when it has
     * (bounded: see {@link Sequencer}). So, seen from the caller, the entry is in the log once the call and its commit
     * returned, yet concurrent commits group. The entry exists if and only if the transaction commits; within it, the
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

    /** The number of entries committed so far. */
    public long size() {
        return jdbc.sql("SELECT size FROM log_state WHERE id = 1").query(Long.class).single();
    }

    /** Entries {@code [start, end)} as published: sealed details are withheld until their time. */
    public List<LogEntry> entries(long start, long end) {
        if (start < 0 || end < start || end - start > MAX_PAGE) {
            throw new DomainException(AuditError.INVALID_RANGE, start, end);
        }
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
        return jdbc.sql("SELECT seq, details, payload FROM log_entry WHERE seq = :seq").param("seq", seq)
                .query((rs, i) -> new Withheld(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
    }

    /** Signs and stores a head over the log as it is now. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public SignedTreeHead signHead() {
        return writer.signHead(size(), Instant.ofEpochMilli(clock.millis()));
    }

    /** The newest signed head, if any was signed. */
    public Optional<SignedTreeHead> latestHead() {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM log_tree_head ORDER BY id DESC LIMIT 1")
                .query((rs, i) -> new SignedTreeHead(rs.getLong("size"), rs.getString("root_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signature")))
                .optional();
    }

    /** The newest {@code limit} signed heads, newest first. */
    public List<SignedTreeHead> heads(int limit) {
        return jdbc.sql("SELECT size, root_hash, signed_at, signature FROM log_tree_head ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query((rs, i) -> new SignedTreeHead(rs.getLong("size"), rs.getString("root_hash"),
                        rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("signature")))
                .list();
    }

    /** The newest {@code count} entries as published, newest first. */
    public List<LogEntry> newest(int count) {
        return newestBefore(size(), count);
    }

    /** The newest {@code count} entries with a sequence number below {@code before}, newest first. */
    public List<LogEntry> newestBefore(long before, int count) {
        long end = Math.max(0, Math.min(before, size()));
        List<LogEntry> page = new ArrayList<>(entries(Math.max(0, end - Math.min(count, MAX_PAGE)), end));
        java.util.Collections.reverse(page);
        return page;
    }

    /** The newest signed head, signing one first if there is none or it is older than the log. */
    public SignedTreeHead currentHead() {
        return latestHead().filter(h -> h.size() == size()).orElseGet(this::signHead);
    }

    /** The inclusion proof of the entry with {@code leafHashHex} in the tree of the first {@code treeSize} entries. */
    public InclusionProof inclusionProof(String leafHashHex, long treeSize) {
        long seq = jdbc.sql("SELECT seq FROM log_entry WHERE leaf_hash = :h").param("h", leafHashHex.toLowerCase())
                .query(Long.class).optional()
                .orElseThrow(() -> new DomainException(AuditError.ENTRY_NOT_FOUND, leafHashHex));
        if (treeSize <= seq || treeSize > size()) {
            throw new DomainException(AuditError.INVALID_RANGE, seq, treeSize);
        }
        return new InclusionProof(seq, treeSize, hex(nodes.inclusionProof(seq, treeSize)));
    }

    /** The proof that the tree of {@code first} entries is a prefix of that of {@code second}. */
    public List<String> consistencyProof(long first, long second) {
        if (first < 0 || first > second || second > size()) {
            throw new DomainException(AuditError.INVALID_RANGE, first, second);
        }
        return hex(nodes.consistencyProof(first, second));
    }

    /** A signed receipt for entry {@code seq}: its leaf, a head covering it (signed now if needed) and the proof. */
    public Receipt receipt(long seq) {
        LogEntry entry = jdbc.sql("""
                SELECT seq, appended_at, commitment, leaf_hash, details, payload, sealed_until FROM log_entry WHERE seq = :seq""")
                .param("seq", seq).query(this::published).optional()
                .orElseThrow(() -> new DomainException(AuditError.ENTRY_NOT_FOUND, seq));
        SignedTreeHead head = latestHead().filter(h -> h.size() > seq).orElseGet(this::signHead);
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
