package org.sunbid.platform.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.TreeHead;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * Writes entries, tree nodes and signed heads through one data source: the application's (synchronous appends, in the
 * caller's transaction) or the sequencer's own. Every write here must run under the {@code log_state} row lock.
 */
final class LogWriter {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an entry holds apart from its place and time: computed from a record without any lock. */
    record Prepared(String details, String payload, String commitment, Instant sealedUntil) {
    }

    /** An entry to write: its time, and what it holds. */
    record Timed(Instant time, Prepared prepared) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final MerkleNodes nodes;
    private final PlatformIdentity platform;

    LogWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, MerkleNodes nodes, PlatformIdentity platform) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.nodes = nodes;
        this.platform = platform;
    }

    MerkleNodes nodes() {
        return nodes;
    }

    static Prepared prepare(AuditRecord record) {
        String payload = CanonicalJson.write(record.payload());
        String details = CanonicalJson.write(details(record, payload));
        return new Prepared(details, payload, LogLeaf.commitment(details), record.sealedUntil());
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

    /** Entries as written, and the root of the grown tree (null when nothing was written). */
    record Written(List<LogEntry> entries, byte[] root) {
    }

    /** Writes {@code entries} as {@code first, first+1, …} with their leaves and the subtrees they complete. */
    Written write(long first, List<Timed> entries) {
        List<byte[]> leafHashes = new ArrayList<>(entries.size());
        List<Object[]> rows = new ArrayList<>(entries.size());
        List<LogEntry> written = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            long seq = first + i;
            Instant time = entries.get(i).time();
            Prepared p = entries.get(i).prepared();
            byte[] leafHash = LogLeaf.hash(seq, time, p.commitment());
            leafHashes.add(leafHash);
            rows.add(new Object[] {seq, time.atOffset(ZoneOffset.UTC), p.commitment(), HEX.formatHex(leafHash), p.details(),
                    p.payload(), p.sealedUntil() == null ? null : p.sealedUntil().atOffset(ZoneOffset.UTC)});
            written.add(new LogEntry(seq, time, p.commitment(), HEX.formatHex(leafHash), p.details(), p.payload(),
                    p.sealedUntil() != null));
        }
        byte[] root = null;
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    INSERT INTO log_entry (seq, appended_at, commitment, leaf_hash, details, payload, sealed_until)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
            root = nodes.addLeaves(first, leafHashes);
        }
        return new Written(written, root);
    }

    /** Signs and stores a head over the first {@code size} entries, timestamped {@code at}. */
    SignedTreeHead signHead(long size, Instant at) {
        return storeHead(size, nodes.root(size), at);
    }

    /** Signs and stores a head over the first {@code size} entries whose root is {@code root}. */
    SignedTreeHead storeHead(long size, byte[] root, Instant at) {
        TreeHead head = new TreeHead(size, root, at);
        String signature = Base64.getEncoder().encodeToString(platform.sign(head.signedBytes()));
        jdbc.sql("INSERT INTO log_tree_head (size, root_hash, signed_at, signature) VALUES (:size, :root, :at, :sig)")
                .param("size", size).param("root", head.rootHex()).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("sig", signature).update();
        return new SignedTreeHead(size, head.rootHex(), head.timestamp(), signature);
    }
}
