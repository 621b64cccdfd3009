package org.sunbid.crypto.log;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts signed per batch (回执批量签名): one SM3withSM2 signature over the root of a Merkle tree (RFC 9162, SM3) whose
 * leaves are receipts, each receipt carrying its audit path to that root. The platform signs once per batch instead of
 * once per receipt, so a deadline surge is not capped by the SM2 signing rate.
 *
 * <p>The tree has a fixed width W (a power of two): the receipts of a batch sit at random positions and every other
 * position holds a random 32-byte value, indistinguishable from a receipt's leaf hash (see {@link #build}). So neither
 * a receipt's index, nor the width, nor the path says how many receipts arrived together (the number of bids is secret
 * until the opening, Law 22 / 招标投标法第二十二条). The signed statement is the canonical JSON
 * {@code {"root":hex,"signedAt":ISO,"type":"sunbid.receipt-batch","width":W}}.
 *
 * <p>A leaf is {@link MerkleTree#leafHash} of the receipt JSON's UTF-8 bytes. Anyone holding a receipt, its
 * {@link Proof} and the platform's certificate can check it with {@link #check}; nothing else is needed.
 */
public final class ReceiptBatch {

    /** The statement's {@code type}. */
    public static final String TYPE = "sunbid.receipt-batch";
    /** The widest batch accepted (2^16): bounds the work and the path a verifier is asked to hash. */
    public static final int MAX_WIDTH = 1 << 16;

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReceiptBatch() {
    }

    /**
     * One receipt's proof of its batch: its position in the tree of {@code width} leaves, the audit path (hex, leaf to
     * root), the batch root (hex), when the batch was signed, and the platform's SM3withSM2 signature (base64) of the
     * batch {@link #statement}.
     */
    public record Proof(int leafIndex, int width, List<String> path, String root, String signedAt, String signature) {

        public Proof {
            path = path == null ? List.of() : List.copyOf(path);
        }

        /** The signed batch statement this proof claims (canonical JSON). */
        public String statement() {
            return ReceiptBatch.statement(root, width, signedAt);
        }

        /** The proof as a map, for canonical JSON. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("leafIndex", leafIndex);
            m.put("width", width);
            m.put("path", path);
            m.put("root", root);
            m.put("signedAt", signedAt);
            m.put("signature", signature);
            return m;
        }

        /** The proof as canonical JSON (what the platform stores beside the receipt). */
        public String toJson() {
            return CanonicalJson.write(toMap());
        }

        /** The proof from its JSON text ({@link #toJson}, or as the platform returns it). */
        public static Proof parse(String json) {
            return of(JSON.readTree(json));
        }

        /** The proof from a JSON object; refuses one that lacks a field or has one of the wrong kind. */
        public static Proof of(JsonNode node) {
            if (node == null || !node.isObject() || !node.path("leafIndex").isIntegralNumber() || !node.path("width").isIntegralNumber()
                    || !node.path("path").isArray() || !node.path("root").isString() || !node.path("signedAt").isString()
                    || !node.path("signature").isString()) {
                throw new IllegalArgumentException("not a receipt batch proof");
            }
            List<String> path = new ArrayList<>();
            for (JsonNode h : node.path("path")) {
                if (!h.isString()) {
                    throw new IllegalArgumentException("not a receipt batch proof");
                }
                path.add(h.asString());
            }
            return new Proof(node.path("leafIndex").asInt(), node.path("width").asInt(), path, node.path("root").asString(),
                    node.path("signedAt").asString(), node.path("signature").asString());
        }
    }

    /** The canonical statement the platform signs for a batch. */
    public static String statement(String rootHex, int width, String signedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("root", rootHex);
        m.put("width", width);
        m.put("signedAt", signedAt);
        return CanonicalJson.write(m);
    }

    /** The leaf hash of a receipt: {@code SM3(0x00 || UTF-8(receiptJson))}. */
    public static byte[] leafHash(String receiptJson) {
        return MerkleTree.leafHash(receiptJson.getBytes(StandardCharsets.UTF_8));
    }

    /** A batch built but not yet signed: its root and, for each receipt in the order given, its index and path. */
    public record Built(int width, byte[] root, int[] indexes, List<List<String>> paths) {

        /** The signed proofs, in the order the receipts were given. */
        public List<Proof> proofs(Instant signedAt, String signatureBase64) {
            String rootHex = HEX.formatHex(root);
            List<Proof> proofs = new ArrayList<>(indexes.length);
            for (int i = 0; i < indexes.length; i++) {
                proofs.add(new Proof(indexes[i], width, paths.get(i), rootHex, signedAt.toString(), signatureBase64));
            }
            return proofs;
        }

        /** The statement to sign at {@code signedAt}. */
        public String statement(Instant signedAt) {
            return ReceiptBatch.statement(HEX.formatHex(root), width, signedAt.toString());
        }
    }

    /**
     * Builds the tree of {@code width} leaves for {@code receipts} (at most {@code width}): the receipts at distinct
     * random positions, random values everywhere else. A subtree holding no receipt is one random 32-byte value: it
     * is only ever shown as a sibling on a path, where nobody can tell it from the hash of a subtree of random leaves,
     * and it saves hashing the padding (a batch of k receipts costs about k·log2(W) hashes, not W).
     */
    public static Built build(List<String> receipts, int width, SecureRandom random) {
        checkWidth(width);
        int k = receipts.size();
        if (k > width) {
            throw new IllegalArgumentException(k + " receipts do not fit a batch of " + width);
        }
        int[] indexes = new int[k];
        Map<Integer, byte[]> level = new java.util.HashMap<>(); // the nodes of the current level that cover a receipt
        for (int i = 0; i < k; i++) {
            int at;
            do {
                at = random.nextInt(width);
            } while (level.containsKey(at)); // distinct positions, uniformly random
            indexes[i] = at;
            level.put(at, leafHash(receipts.get(i)));
        }
        int depth = Integer.numberOfTrailingZeros(width);
        List<Map<Integer, byte[]>> levels = new ArrayList<>(depth + 1);
        levels.add(level);
        for (int d = 0; d < depth; d++) {
            Map<Integer, byte[]> up = new java.util.HashMap<>();
            for (int position : new ArrayList<>(level.keySet())) {
                int parent = position >> 1;
                if (up.containsKey(parent)) {
                    continue;
                }
                int left = parent << 1;
                byte[] l = level.computeIfAbsent(left, x -> randomNode(random));
                byte[] r = level.computeIfAbsent(left + 1, x -> randomNode(random));
                up.put(parent, MerkleTree.nodeHash(l, r));
            }
            level = up;
            levels.add(level);
        }
        byte[] root = k == 0 ? randomNode(random) : level.get(0);
        List<List<String>> paths = new ArrayList<>(k);
        for (int index : indexes) {
            List<String> path = new ArrayList<>(depth);
            int at = index;
            for (int d = 0; d < depth; d++) {
                path.add(HEX.formatHex(levels.get(d).get(at ^ 1)));
                at >>= 1;
            }
            paths.add(path);
        }
        return new Built(width, root, indexes, paths);
    }

    private static byte[] randomNode(SecureRandom random) {
        byte[] node = new byte[Sm3.DIGEST_LENGTH];
        random.nextBytes(node);
        return node;
    }

    /** Builds and signs a batch with {@code key} in one step (tests and tools; the platform signs through its identity). */
    public static List<Proof> sign(List<String> receipts, int width, PrivateKey key, Instant signedAt, SecureRandom random) {
        Built built = build(receipts, width, random);
        String signature = Sm2.signText(key, built.statement(signedAt));
        return built.proofs(signedAt, signature);
    }

    /** Whether {@code proof} shows {@code receiptJson} in a batch signed by {@code platformKey}. */
    public static boolean verify(String receiptJson, Proof proof, PublicKey platformKey) {
        return check(receiptJson, proof, platformKey) == null;
    }

    /**
     * Checks a batch-signed receipt: null when {@code proof} shows {@code receiptJson} under a root that
     * {@code platformKey} signed, else what is wrong, in one sentence. {@link ReceiptSignature} makes the same check on
     * a receipt that may also be signed on its own, and says which check failed.
     */
    public static String check(String receiptJson, Proof proof, PublicKey platformKey) {
        if (receiptJson == null || proof == null) {
            return "the receipt has no batch proof";
        }
        return ReceiptSignature.check(receiptJson, null, proof, platformKey).problem();
    }

    private static void checkWidth(int width) {
        if (width < 2 || width > MAX_WIDTH || !MerkleTree.isPowerOfTwo(width)) {
            throw new IllegalArgumentException("a receipt batch is a power of two wide, 2 to " + MAX_WIDTH + ": " + width);
        }
    }
}
