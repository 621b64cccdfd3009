package org.sunbid.platform.audit;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * The transparency log's API. {@link #append} joins the caller's transaction: the entry exists if and only if the
 * change it records was committed. Appends are serialised on the single {@code log_state} row, so sequence numbers are
 * gap-free and in commit order; the Merkle tree grows incrementally with each append.
 */
@Service
public class AuditLog {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** At most this many entries per page of {@link #entries}. */
    public static final int MAX_PAGE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final MerkleNodes nodes;
    private final PlatformIdentity platform;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, MerkleNodes nodes, PlatformIdentity platform, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.nodes = nodes;
        this.platform = platform;
        this.clock = clock;
    }

    /** Appends {@code record} in the current transaction (or a new one) and returns the entry as published. */
    @Transactional(propagation = Propagation.REQUIRED)
    public LogEntry append(AuditRecord record) {
        return appendAll(List.of(record)).get(0);
    }

    /**
     * Appends {@code records}, in order and with consecutive sequence numbers, in the current transaction (or a new
     * one): one wait for the append lock and batched writes, for commands that record many facts at once.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public List<LogEntry> appendAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(records.size());
        List<String> details = new ArrayList<>(records.size());
        List<String> commitments = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            String payload = CanonicalJson.write(record.payload());
            String detailsJson = CanonicalJson.write(details(record, payload));
            payloads.add(payload);
            details.add(detailsJson);
            commitments.add(LogLeaf.commitment(detailsJson));
        }

        // Everything above ran without the lock; from here to commit, other appends queue on this row.
        long first = jdbc.sql("UPDATE log_state SET size = size + :n WHERE id = 1 RETURNING size - :n")
                .param("n", records.size()).query(Long.class).single();
        Instant time = Instant.ofEpochMilli(clock.millis());
        OffsetDateTime stored = time.atOffset(ZoneOffset.UTC);
        List<byte[]> leafHashes = new ArrayList<>(records.size());
        List<Object[]> rows = new ArrayList<>(records.size());
        List<LogEntry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            long seq = first + i;
            byte[] leafHash = LogLeaf.hash(seq, time, commitments.get(i));
            Instant sealedUntil = records.get(i).sealedUntil();
            leafHashes.add(leafHash);
            rows.add(new Object[] {seq, stored, commitments.get(i), HEX.formatHex(leafHash), details.get(i), payloads.get(i),
                    sealedUntil == null ? null : sealedUntil.atOffset(ZoneOffset.UTC)});
            entries.add(new LogEntry(seq, time, commitments.get(i), HEX.formatHex(leafHash), details.get(i), payloads.get(i),
                    sealedUntil != null));
        }
        jdbcTemplate.batchUpdate("""
                INSERT INTO log_entry (seq, appended_at, commitment, leaf_hash, details, payload, sealed_until)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        nodes.addLeaves(first, leafHashes);
        return entries;
    }

    private static Map<String, Object> details(AuditRecord record, String payload) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("v", 1);
        details.put("action", record.action());
        details.put("subject", record.subject());
        details.put("region", record.regionCode());
        details.put("actor", record.actor().username());
        details.put("accountId", record.actor().accountId() == null ? null : record.actor().accountId().toString());
        details.put("organisationId",
                record.actor().organisationId() == null ? null : record.actor().organisationId().toString());
        details.put("payloadHash", Sm3.hex(payload));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt); // without it, a sealed commitment over a small set of bidders could be guessed
        details.put("salt", HEX.formatHex(salt));
        return details;
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
        long size = size();
        TreeHead head = new TreeHead(size, nodes.root(size), Instant.ofEpochMilli(clock.millis()));
        String signature = Base64.getEncoder().encodeToString(platform.sign(head.signedBytes()));
        jdbc.sql("INSERT INTO log_tree_head (size, root_hash, signed_at, signature) VALUES (:size, :root, :at, :sig)")
                .param("size", size).param("root", head.rootHex()).param("at", head.timestamp().atOffset(ZoneOffset.UTC))
                .param("sig", signature).update();
        return new SignedTreeHead(size, head.rootHex(), head.timestamp(), signature);
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
