package org.sunbid.crypto.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sunbid.crypto.CanonicalJson;

/**
 * What a transparency-log leaf says: its sequence number, when it was appended, and a commitment (an SM3 hash) to the
 * entry's details. The details (who did what, where, with a random salt) are revealed separately: at once for public
 * entries, later for sealed ones (who registered for a tender), and anyone can check them against the commitment.
 */
public final class LogLeaf {

    private LogLeaf() {
    }

    /** The leaf's bytes: canonical JSON {@code {"commitment":…,"seq":…,"time":…,"v":1}}. */
    public static byte[] encode(long seq, Instant time, String commitmentHex) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("v", 1);
        leaf.put("seq", seq);
        leaf.put("time", Instant.ofEpochMilli(time.toEpochMilli()).toString());
        leaf.put("commitment", commitmentHex);
        return CanonicalJson.write(leaf).getBytes(StandardCharsets.UTF_8);
    }

    /** The leaf hash of the entry, {@code SM3(0x00 || leaf)}. */
    public static byte[] hash(long seq, Instant time, String commitmentHex) {
        return MerkleTree.leafHash(encode(seq, time, commitmentHex));
    }

    /** The commitment to revealed details: SM3 of their canonical JSON text, as hex. */
    public static String commitment(String canonicalDetails) {
        return org.sunbid.crypto.Sm3.hex(canonicalDetails);
    }
}
