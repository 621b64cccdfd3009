package org.sunbid.verifier;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.log.LogLeaf;
import org.sunbid.crypto.log.MerkleTree;
import org.sunbid.crypto.log.TreeHead;

import tools.jackson.databind.JsonNode;

/**
 * Reads one published log entry the way every check needs it: present, its details matching its commitment, its payload
 * matching its details, of the expected action, and included in the tree a signed head names. Yields the payload.
 */
final class LoggedEntry {

    private static final HexFormat HEX = HexFormat.of();

    /** The entry's payload, or why it could not be trusted. */
    record Read(JsonNode payload, String problem) {
    }

    private LoggedEntry() {
    }

    static Read read(DrawCheck.Log log, long seq, String action, TreeHead head) throws IOException, InterruptedException {
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
        JsonNode detailsJson = LogClient.json().readTree(details);
        if (!Sm3.hex(payload).equals(detailsJson.path("payloadHash").asString())) {
            return problem("entry " + seq + ": its payload does not match its details (changed?)");
        }
        if (!action.equals(detailsJson.path("action").asString())) {
            return problem("entry " + seq + " is " + detailsJson.path("action").asString("no action") + ", not " + action);
        }
        byte[] leaf;
        try {
            leaf = LogLeaf.hash(seq, Instant.parse(entry.path("appendedAt").asString()), commitment);
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
        return new Read(LogClient.json().readTree(payload), null);
    }

    private static Read problem(String why) {
        return new Read(null, why);
    }
}
