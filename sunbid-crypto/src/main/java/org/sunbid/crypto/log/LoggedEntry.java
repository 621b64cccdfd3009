package org.sunbid.crypto.log;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.Sm3;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one published log entry the way every outside check needs it (the verifier's, the bidder tool's): present, its
 * details matching its commitment, its payload matching its details, of the expected action, and included in the tree a
 * signed head names. Yields the details and the payload. The caller checks the head's signature first.
 */
public final class LoggedEntry {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The transparency log as an outside check reads it ({@code /api/v1/log}). */
    public interface Log {
        /** Entry {@code seq} as {@code /api/v1/log/entries} publishes it; null when the log has none. */
        JsonNode entry(long seq) throws IOException, InterruptedException;

        /** The inclusion proof of a leaf hash in the tree of {@code treeSize}; null when the log refuses one. */
        JsonNode inclusion(String leafHashHex, long treeSize) throws IOException, InterruptedException;
    }

    /** The entry's details, payload and time, or why it could not be trusted ({@code problem}, else null). */
    public record Read(JsonNode details, JsonNode payload, Instant appendedAt, String problem) {
    }

    private LoggedEntry() {
    }

    /** Reads entry {@code seq}, of {@code action}, and checks it is in the tree of {@code head}. */
    public static Read read(Log log, long seq, String action, TreeHead head) throws IOException, InterruptedException {
        JsonNode entry = log.entry(seq);
        if (entry == null || entry.path("seq").asLong(-1) != seq) {
            return problem("entry " + seq + " is missing from the log");
        }
        if (!entry.path("details").isString() || !entry.path("payload").isString()) {
            return problem("entry " + seq + " withholds its details and payload");
        }
        String details = entry.path("details").asString();
        String payload = entry.path("payload").asString();
        String commitment = entry.path("commitment").asString();
        if (!LogLeaf.commitment(details).equals(commitment)) {
            return problem("entry " + seq + ": its details do not match its commitment (changed?)");
        }
        JsonNode detailsJson = JSON.readTree(details);
        if (!Sm3.hex(payload).equals(detailsJson.path("payloadHash").asString())) {
            return problem("entry " + seq + ": its payload does not match its details (changed?)");
        }
        if (!action.equals(detailsJson.path("action").asString())) {
            return problem("entry " + seq + " is " + detailsJson.path("action").asString("no action") + ", not " + action);
        }
        if (seq >= head.size()) {
            return problem("entry " + seq + " is not yet under a signed head (head " + head.size() + ")");
        }
        byte[] leaf;
        Instant appendedAt;
        try {
            appendedAt = Instant.parse(entry.path("appendedAt").asString());
            leaf = LogLeaf.hash(seq, appendedAt, commitment);
        } catch (DateTimeParseException e) {
            return problem("entry " + seq + " has no valid time");
        }
        JsonNode proof = log.inclusion(HEX.formatHex(leaf), head.size());
        List<byte[]> path = new ArrayList<>();
        if (proof != null) {
            proof.path("path").forEach(h -> path.add(HEX.parseHex(h.asString())));
        }
        if (proof == null || proof.path("leafIndex").asLong(-1) != seq
                || !MerkleTree.verifyInclusion(leaf, seq, head.size(), path, head.rootHash())) {
            return problem("entry " + seq + " is not in the tree of head " + head.size() + " (root " + head.rootHex() + ")");
        }
        return new Read(detailsJson, JSON.readTree(payload), appendedAt, null);
    }

    /** A head as {@code /api/v1/log/head} publishes it, if its signature verifies under {@code platformKey}; else null. */
    public static TreeHead signedHead(JsonNode json, java.security.PublicKey platformKey) {
        TreeHead head;
        try {
            head = new TreeHead(json.path("size").asLong(), HEX.parseHex(json.path("rootHash").asString()),
                    Instant.parse(json.path("timestamp").asString()));
        } catch (RuntimeException e) {
            return null;
        }
        return head.verify(platformKey, json.path("signature").asString()) ? head : null;
    }

    private static Read problem(String why) {
        return new Read(null, null, null, why);
    }
}
