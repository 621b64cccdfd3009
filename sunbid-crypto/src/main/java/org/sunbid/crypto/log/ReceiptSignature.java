package org.sunbid.crypto.log;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;

import tools.jackson.databind.JsonNode;

/**
 * Whether the platform signed a receipt (回执验签), the one check that the bidder tool, the verifier, the platform and
 * the benchmarks all make: a receipt is signed with its batch ({@link ReceiptBatch}: its proof's path leads to a batch
 * root the platform signed) or, if issued before batches, on its own (SM3withSM2 of the receipt JSON's UTF-8 bytes).
 * When a receipt carries a batch proof, only the batch decides: its own {@code signature} is not consulted.
 *
 * <p>The answer is this record: {@link #valid()}, or the {@link Failure} saying which check failed, in the sentence
 * the tools print.
 *
 * @param failure what failed, or null if the platform signed the receipt
 * @param batch   the batch proof the receipt was checked with, or null if it was checked on its own signature (or its
 *                proof could not be read)
 */
public record ReceiptSignature(Failure failure, ReceiptBatch.Proof batch) {

    private static final HexFormat HEX = HexFormat.of();

    /** Which check a receipt failed; {@link #message()} is the sentence shown to the person checking. */
    public enum Failure {
        /** No batch proof, and no signature of the platform's on the receipt itself (missing or wrong). */
        NOT_SIGNED("the receipt is not signed by the platform"),
        /** The batch proof is there but cannot be read (a field missing or of the wrong kind, bad hex, bad time). */
        BATCH_MALFORMED("the receipt's batch proof is malformed"),
        /** The batch's width is not a power of two from 2 to {@link ReceiptBatch#MAX_WIDTH}, or the path's length does not fit it. */
        BATCH_IMPOSSIBLE("the receipt's batch proof has an impossible width or path length"),
        /** A node of the path is not a 32-byte hash. */
        BATCH_PATH_MALFORMED("the receipt's batch path is malformed"),
        /** The platform's key did not sign this batch statement (root, width, time). */
        FORGED_BATCH("the receipt's batch is not signed by the platform (forged batch)"),
        /** The batch is the platform's but the receipt, its index or its path does not lead to the signed root. */
        NOT_IN_BATCH("the receipt is not in the batch the platform signed (its path does not lead to the signed root)");

        private final String message;

        Failure(String message) {
            this.message = message;
        }

        /** The sentence the tools print for this failure. */
        public String message() {
            return message;
        }
    }

    /** Whether the platform signed the receipt. */
    public boolean valid() {
        return failure == null;
    }

    /** What is wrong, in one sentence, or null if the platform signed the receipt. */
    public String problem() {
        return failure == null ? null : failure.message();
    }

    /**
     * Checks a receipt as the platform returns it and as clients save it: {@code {"receipt": JSON text, "signature":
     * base64 | null, "batch": proof | null}}.
     */
    public static ReceiptSignature check(JsonNode saved, PublicKey platformKey) {
        return check(saved, platformKey, null);
    }

    /**
     * As {@link #check(JsonNode, PublicKey)}, remembering in {@code verifiedBatches} (if not null) the batch statements
     * whose signature was verified, so a client checking many receipts of one batch verifies its signature once. The
     * set must only ever be used with the same {@code platformKey}; each receipt's path is always checked.
     */
    public static ReceiptSignature check(JsonNode saved, PublicKey platformKey, Set<String> verifiedBatches) {
        String receipt = saved.path("receipt").asString("");
        JsonNode batch = saved.path("batch");
        if (!batch.isObject()) {
            return check(receipt, saved.path("signature").asString(""), null, platformKey, verifiedBatches);
        }
        ReceiptBatch.Proof proof;
        try {
            proof = ReceiptBatch.Proof.of(batch);
        } catch (IllegalArgumentException e) {
            return new ReceiptSignature(Failure.BATCH_MALFORMED, null);
        }
        return check(receipt, null, proof, platformKey, verifiedBatches);
    }

    /**
     * Checks {@code receiptJson} (the receipt's canonical JSON, exactly as signed) with its {@code batch} proof, or
     * without one with its own {@code signatureBase64}, against {@code platformKey}.
     */
    public static ReceiptSignature check(String receiptJson, String signatureBase64, ReceiptBatch.Proof batch,
            PublicKey platformKey) {
        return check(receiptJson, signatureBase64, batch, platformKey, null);
    }

    /** As {@link #check(String, String, ReceiptBatch.Proof, PublicKey)}, with {@code verifiedBatches} as in {@link #check(JsonNode, PublicKey, Set)}. */
    public static ReceiptSignature check(String receiptJson, String signatureBase64, ReceiptBatch.Proof batch,
            PublicKey platformKey, Set<String> verifiedBatches) {
        if (receiptJson == null) {
            return new ReceiptSignature(Failure.NOT_SIGNED, batch);
        }
        if (batch == null) {
            return new ReceiptSignature(Sm2.verifyText(platformKey, receiptJson, signatureBase64) ? null : Failure.NOT_SIGNED, null);
        }
        return new ReceiptSignature(inBatch(receiptJson, batch, platformKey, verifiedBatches), batch);
    }

    /** The batch route: null if {@code proof} shows {@code receiptJson} under a root {@code platformKey} signed. */
    private static Failure inBatch(String receiptJson, ReceiptBatch.Proof proof, PublicKey platformKey,
            Set<String> verifiedBatches) {
        if (proof.width() < 2 || proof.width() > ReceiptBatch.MAX_WIDTH || !MerkleTree.isPowerOfTwo(proof.width())
                || proof.path().size() != Integer.numberOfTrailingZeros(proof.width())) {
            return Failure.BATCH_IMPOSSIBLE;
        }
        byte[] root;
        List<byte[]> path = new ArrayList<>(proof.path().size());
        try {
            Instant.parse(proof.signedAt());
            root = HEX.parseHex(proof.root());
            for (String h : proof.path()) {
                byte[] node = HEX.parseHex(h);
                if (node.length != Sm3.DIGEST_LENGTH) {
                    return Failure.BATCH_PATH_MALFORMED;
                }
                path.add(node);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Failure.BATCH_MALFORMED;
        }
        String signed = proof.statement() + "|" + proof.signature();
        if (verifiedBatches == null || !verifiedBatches.contains(signed)) {
            if (!Sm2.verifyText(platformKey, proof.statement(), proof.signature())) {
                return Failure.FORGED_BATCH;
            }
            if (verifiedBatches != null) {
                verifiedBatches.add(signed);
            }
        }
        if (!MerkleTree.verifyInclusion(ReceiptBatch.leafHash(receiptJson), proof.leafIndex(), proof.width(), path, root)) {
            return Failure.NOT_IN_BATCH;
        }
        return null;
    }
}
