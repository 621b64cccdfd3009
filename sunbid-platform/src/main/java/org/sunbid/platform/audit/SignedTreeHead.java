package org.sunbid.platform.audit;

import java.time.Instant;

/**
 * A tree head signed by the platform (see {@code org.sunbid.crypto.log.TreeHead} for the signed bytes).
 *
 * @param size      number of entries covered
 * @param rootHash  Merkle root (hex)
 * @param timestamp when it was signed
 * @param signature SM3withSM2 signature by the platform identity, base64
 */
public record SignedTreeHead(long size, String rootHash, Instant timestamp, String signature) {
}
