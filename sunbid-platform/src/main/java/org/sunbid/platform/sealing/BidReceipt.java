package org.sunbid.platform.sealing;

import java.util.Map;

import org.sunbid.crypto.log.ReceiptBatch;

/**
 * A 投标回执: what the platform received, as canonical JSON (tenderId, bidId, bidderId, envelopeSm3, size,
 * receivedAt), signed by the platform. Receipts are signed per batch ({@link ReceiptBatch}): {@code batch} is the
 * receipt's proof (its path to the batch root and the platform's SM3withSM2 signature of the batch statement) and
 * {@code signature} is null. A receipt issued before batches (session 9) has no {@code batch} and its own
 * {@code signature} (SM3withSM2 of the receipt JSON, base64); checkers accept both
 * ({@link org.sunbid.crypto.log.ReceiptSignature}).
 * {@code commitment} is the record's inclusion in the transparency log once the next commitment entry is appended
 * (null until then; fetch the receipt again).
 */
public record BidReceipt(String receipt, String signature, String platformCertificateSm3, Map<String, Object> commitment,
        ReceiptBatch.Proof batch) {
}
