package org.sunbid.platform.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.log.MerkleTree;

/**
 * The stored hashes of complete subtrees: node (level, idx) covers leaves {@code [idx·2^level, (idx+1)·2^level)}.
 * Appending leaf n adds O(1) nodes on average (one per trailing 1-bit of n); any subtree an RFC 9162 proof needs is
 * composed from at most O(log n) stored nodes, fetched in one query.
 */
@Component
class MerkleNodes {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PLACEHOLDER = new byte[32];

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    MerkleNodes(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    record Key(int level, long idx) {
    }

    /**
     * Stores leaves {@code firstSeq, firstSeq+1, …} and every complete subtree they complete, with one query for the
     * existing nodes they build on and batched inserts. Must run under the log's append lock. Returns the root of the
     * grown tree, composed from the nodes at hand.
     */
    byte[] addLeaves(long firstSeq, List<byte[]> leafHashes) {
        Growth growth = grow(firstSeq, leafHashes, frontier(firstSeq));
        jdbcTemplate.batchUpdate("INSERT INTO log_node (level, idx, hash) VALUES (?, ?, ?)", growth.rows());
        return growth.root();
    }

    /**
     * The nodes a batch starting at {@code firstSeq} builds on: the complete subtrees that make up the leaves before
     * it, one per set bit of firstSeq (for 5 = 0b101: leaves [0, 4) and [4, 5)), fetched in one query.
     */
    Map<Key, byte[]> frontier(long firstSeq) {
        List<Key> frontier = new ArrayList<>();
        for (int level = 0; level < 63; level++) {
            if (((firstSeq >> level) & 1) == 1) {
                frontier.add(new Key(level, (firstSeq >> level) - 1));
            }
        }
        return fetch(frontier);
    }

    /**
     * What adding leaves does to the tree, computed without the database: the node rows to insert ({level, idx, hex}),
     * the grown tree's root, and its frontier (what the next batch builds on).
     */
    record Growth(List<Object[]> rows, byte[] root, Map<Key, byte[]> frontier) {
    }

    /** Grows the tree whose {@link #frontier} at {@code firstSeq} is {@code frontier} by {@code leafHashes}. */
    static Growth grow(long firstSeq, List<byte[]> leafHashes, Map<Key, byte[]> frontier) {
        Map<Key, byte[]> known = new HashMap<>(frontier);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < leafHashes.size(); i++) {
            long seq = firstSeq + i;
            byte[] hash = leafHashes.get(i);
            known.put(new Key(0, seq), hash);
            rows.add(new Object[] {0, seq, HEX.formatHex(hash)});
            for (int level = 0; ((seq >> level) & 1) == 1; level++) {
                byte[] left = known.get(new Key(level, (seq >> level) - 1));
                if (left == null) {
                    throw new IllegalStateException("log node (" + level + ", " + ((seq >> level) - 1) + ") is missing");
                }
                hash = MerkleTree.nodeHash(left, hash);
                known.put(new Key(level + 1, seq >> (level + 1)), hash);
                rows.add(new Object[] {level + 1, seq >> (level + 1), HEX.formatHex(hash)});
            }
        }
        // The grown tree's root: its complete subtrees (one per set bit of its size), folded from the right. Each was
        // either completed by this batch or built on by it, so it is at hand.
        long size = firstSeq + leafHashes.size();
        byte[] root = null;
        Map<Key, byte[]> next = new HashMap<>();
        for (int level = 0; level < 63; level++) {
            if (((size >> level) & 1) == 1) {
                Key key = new Key(level, (size >> level) - 1);
                byte[] node = known.get(key);
                if (node == null) {
                    throw new IllegalStateException("log node (" + level + ", " + key.idx() + ") is missing");
                }
                next.put(key, node);
                root = root == null ? node : MerkleTree.nodeHash(node, root);
            }
        }
        return new Growth(rows, root == null ? MerkleTree.emptyRoot() : root, next);
    }

    /** The root of the tree of the first {@code size} leaves. */
    byte[] root(long size) {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        return withNodes(hashes -> hashes.subtree(0, size), 0, size);
    }

    List<byte[]> inclusionProof(long index, long size) {
        return withProof(hashes -> MerkleTree.inclusionProof(index, size, hashes));
    }

    List<byte[]> consistencyProof(long first, long second) {
        return withProof(hashes -> MerkleTree.consistencyProof(first, second, hashes));
    }

    /** Runs {@code proof} twice: once to learn which stored nodes it needs, then with them fetched in one query. */
    private List<byte[]> withProof(Function<MerkleTree.Hashes, List<byte[]>> proof) {
        Set<Key> needed = new LinkedHashSet<>();
        proof.apply((start, end) -> {
            collect(start, end, needed);
            return PLACEHOLDER;
        });
        Map<Key, byte[]> nodes = fetch(new ArrayList<>(needed));
        return proof.apply((start, end) -> compose(start, end, nodes));
    }

    private byte[] withNodes(Function<MerkleTree.Hashes, byte[]> use, long start, long end) {
        Set<Key> needed = new LinkedHashSet<>();
        collect(start, end, needed);
        Map<Key, byte[]> nodes = fetch(new ArrayList<>(needed));
        return use.apply((s, e) -> compose(s, e, nodes));
    }

    private static void collect(long start, long end, Set<Key> out) {
        long n = end - start;
        if (MerkleTree.isPowerOfTwo(n) && start % n == 0) {
            out.add(new Key(Long.numberOfTrailingZeros(n), start / n));
            return;
        }
        long k = MerkleTree.split(n);
        collect(start, start + k, out);
        collect(start + k, end, out);
    }

    private static byte[] compose(long start, long end, Map<Key, byte[]> nodes) {
        long n = end - start;
        if (MerkleTree.isPowerOfTwo(n) && start % n == 0) {
            byte[] hash = nodes.get(new Key(Long.numberOfTrailingZeros(n), start / n));
            if (hash == null) {
                throw new IllegalStateException("log node for leaves [" + start + ", " + end + ") is missing");
            }
            return hash;
        }
        long k = MerkleTree.split(n);
        return MerkleTree.nodeHash(compose(start, start + k, nodes), compose(start + k, end, nodes));
    }

    private Map<Key, byte[]> fetch(List<Key> keys) {
        Map<Key, byte[]> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        Integer[] levels = keys.stream().map(Key::level).toArray(Integer[]::new);
        Long[] indexes = keys.stream().map(Key::idx).toArray(Long[]::new);
        jdbc.sql("""
                SELECT k.level, k.idx, n.hash
                FROM unnest(CAST(:levels AS int[]), CAST(:idxs AS bigint[])) AS k(level, idx)
                CROSS JOIN LATERAL (SELECT hash FROM log_node WHERE level = k.level AND idx = k.idx LIMIT 1) n""")
                .param("levels", levels).param("idxs", indexes)
                .query((rs, i) -> out.put(new Key(rs.getInt("level"), rs.getLong("idx")), HEX.parseHex(rs.getString("hash"))))
                .list();
        return out;
    }
}
