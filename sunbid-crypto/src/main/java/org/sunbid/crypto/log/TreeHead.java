package org.sunbid.crypto.log;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.sunbid.crypto.Sm2;

/**
 * A tree head of the transparency log: its size, root hash and the time it was signed, as the platform signs it.
 * The signed bytes are {@code sunbid-tree-head/v1\n<size>\n<root hex>\n<epoch millis>} in UTF-8.
 *
 * @param size      number of entries
 * @param rootHash  the Merkle tree root over them (32 bytes)
 * @param timestamp when the head was signed (millisecond precision)
 */
public record TreeHead(long size, byte[] rootHash, Instant timestamp) {

    public TreeHead {
        if (size < 0 || rootHash == null || rootHash.length != 32 || timestamp == null) {
            throw new IllegalArgumentException("malformed tree head");
        }
        rootHash = rootHash.clone();
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
    }

    /** The exact bytes the platform signs. */
    public byte[] signedBytes() {
        return ("sunbid-tree-head/v1\n" + size + "\n" + rootHex() + "\n" + timestamp.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8);
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** This head signed with {@code key}; the signature in base64. */
    public String sign(PrivateKey key) {
        return Base64.getEncoder().encodeToString(Sm2.sign(key, signedBytes()));
    }

    /** Whether {@code base64Signature} is a valid signature of this head under {@code key}. */
    public boolean verify(PublicKey key, String base64Signature) {
        try {
            return Sm2.verify(key, signedBytes(), Base64.getDecoder().decode(base64Signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
