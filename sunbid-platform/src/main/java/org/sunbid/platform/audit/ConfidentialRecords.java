package org.sunbid.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.platform.kernel.Actor;

/**
 * Records whose number is itself a secret until a deadline: who registered for a tender, who paid a deposit, who
 * downloaded the documents (Law 22). Appending each as it happens would let anyone count them in the public log, even
 * sealed. So they are kept here, salted, and at a fixed rate one public entry ({@value #ACTION}) commits to all
 * pending records by the root of an RFC 9162 Merkle tree (SM3) over them, also when none is pending: the root says
 * nothing about how many there are. When the secret ends, the owning context discloses each record with
 * {@link #disclosure}: its canonical JSON and inclusion path, which anyone can check against the committed root.
 */
@Service
public class ConfidentialRecords {

    /** The action of the entry that commits the pending records. */
    public static final String ACTION = "audit.confidential.committed";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ConfidentialRecords(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Keeps {@code record} for the next commitment, in the caller's transaction. {@code id} identifies it (the
     * registration, payment, ... it records) for {@link #disclosure}. The record's actor, subject and payload are
     * what a disclosure will show; keep personal data the public must not see out of the payload (commit to it by hash).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(UUID id, AuditRecord record) {
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt); // without it, a committed record about a handful of bidders could be guessed
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("id", id.toString());
        canonical.put("recordedAt", at.toInstant().toString());
        canonical.put("action", record.action());
        canonical.put("subject", record.subject());
        canonical.put("region", record.regionCode());
        canonical.put("actor", record.actor().username());
        canonical.put("payload", record.payload());
        canonical.put("salt", HEX.formatHex(salt));
        jdbc.sql("""
                INSERT INTO log_confidential (id, recorded_at, action, subject, canonical)
                VALUES (:id, :at, :action, :subject, :canonical)""")
                .param("id", id).param("at", at).param("action", record.action()).param("subject", record.subject())
                .param("canonical", CanonicalJson.write(canonical)).update();
    }

    /**
     * Commits the pending records in exactly one public entry holding only a Merkle root, also when none is pending,
     * so the log grows at the same rate whatever happens. Runs at a fixed rate; joins the caller's transaction if any.
     */
    @Scheduled(fixedRateString = "${sunbid.audit.confidential-interval:PT5M}",
            initialDelayString = "${sunbid.audit.confidential-interval:PT5M}")
    @Transactional(propagation = Propagation.REQUIRED)
    public void commit() {
        List<UUID> ids = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        // One commit at a time: the log's size row is locked until this transaction ends (the append takes it anyway).
        jdbc.sql("SELECT size FROM log_state WHERE id = 1 FOR UPDATE").query(Long.class).single();
        jdbc.sql("""
                SELECT id, canonical FROM log_confidential c
                WHERE NOT EXISTS (SELECT 1 FROM log_confidential_commitment m WHERE m.record_id = c.id)
                ORDER BY recorded_at, id""")
                .query((rs, i) -> {
                    ids.add(rs.getObject("id", UUID.class));
                    return leaves.add(MerkleTree.leafHash(rs.getString("canonical").getBytes(StandardCharsets.UTF_8)));
                }).list();
        byte[] root = leaves.isEmpty() ? MerkleTree.emptyRoot() : MerkleTree.root(leaves);
        long seq = auditLog.append(AuditRecord.of(ACTION, null, null, Actor.SYSTEM, Map.of("root", HEX.formatHex(root)))).seq();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("""
                    INSERT INTO log_confidential_commitment (record_id, committed_seq, leaf_index, batch_size)
                    VALUES (:id, :seq, :i, :n)""")
                    .param("seq", seq).param("i", i).param("n", ids.size()).param("id", ids.get(i)).update();
        }
    }

    /** The sequence number of the log entry that committed record {@code id}, once committed. */
    public Optional<Long> committedSeq(UUID id) {
        return jdbc.sql("SELECT committed_seq FROM log_confidential_commitment WHERE record_id = :id")
                .param("id", id).query(Long.class).optional();
    }

    /**
     * A record disclosed: its canonical JSON (salt included) and where it sits under the root committed in entry
     * {@code committedSeq}: {@code MerkleTree.verifyInclusion(leafHash(record), leafIndex, batchSize, path, root)}.
     */
    public record Disclosure(String record, long committedSeq, int leafIndex, int batchSize, List<String> path) {

        /** As a map for a log payload. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", record);
            m.put("committedSeq", committedSeq);
            m.put("leafIndex", leafIndex);
            m.put("batchSize", batchSize);
            m.put("path", path);
            return m;
        }

        /** Whether this record is included under {@code rootHex}. */
        public boolean verify(String rootHex) {
            return MerkleTree.verifyInclusion(MerkleTree.leafHash(record.getBytes(StandardCharsets.UTF_8)), leafIndex,
                    batchSize, path.stream().map(HEX::parseHex).toList(), HEX.parseHex(rootHex));
        }
    }

    /**
     * Every committed record about {@code subject} with one of {@code actions}, disclosed, in the order they were
     * recorded: what an owning context discloses when the secret ends, so that a record it lost (or an insider removed
     * from its own tables) still shows.
     */
    public List<Disclosure> disclosures(String subject, java.util.Collection<String> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        record Row(String canonical, long seq, int index, int size) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.canonical, m.committed_seq, m.leaf_index, m.batch_size
                FROM log_confidential c JOIN log_confidential_commitment m ON m.record_id = c.id
                WHERE c.subject = :s AND c.action IN (:a) ORDER BY c.recorded_at, c.id""")
                .param("s", subject).param("a", List.copyOf(actions))
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4))).list();
        // Each commitment's tree is read and hashed once for all its records disclosed here: at a closing with thousands
        // of envelopes in one commitment, a tree per record was quadratic.
        Map<Long, MerkleTree.Hashes> trees = new java.util.HashMap<>();
        return rows.stream().map(r -> {
            MerkleTree.Hashes tree = trees.computeIfAbsent(r.seq(), this::batchTree);
            return new Disclosure(r.canonical(), r.seq(), r.index(), r.size(), MerkleTree.inclusionProof(r.index(), r.size(), tree)
                    .stream().map(HEX::formatHex).toList());
        }).toList();
    }

    /** The tree of the records committed in entry {@code seq}, its subtree hashes computed once each. */
    private MerkleTree.Hashes batchTree(long seq) {
        List<byte[]> leaves = jdbc.sql("""
                SELECT c.canonical FROM log_confidential c JOIN log_confidential_commitment m ON m.record_id = c.id
                WHERE m.committed_seq = :seq ORDER BY m.leaf_index""")
                .param("seq", seq).query((rs, i) -> MerkleTree.leafHash(rs.getString(1).getBytes(StandardCharsets.UTF_8)))
                .list();
        return MerkleTree.memoised(leaves);
    }

    /** Record {@code id} with its inclusion path, once committed. */
    public Optional<Disclosure> disclosure(UUID id) {
        record Row(String canonical, long seq, int index, int size) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT c.canonical, m.committed_seq, m.leaf_index, m.batch_size
                FROM log_confidential c JOIN log_confidential_commitment m ON m.record_id = c.id WHERE c.id = :id""").param("id", id)
                .query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4))).optional();
        return row.map(r -> {
            List<String> path = MerkleTree.inclusionProof(r.index(), r.size(), batchTree(r.seq())).stream()
                    .map(HEX::formatHex).toList();
            return new Disclosure(r.canonical(), r.seq(), r.index(), r.size(), path);
        });
    }
}
