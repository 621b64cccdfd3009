package org.sunbid.platform.sealing;

import java.util.Map;

/**
 * A 投标回执: what the platform received, as canonical JSON (tenderId, bidId, bidderId, envelopeSm3, size,
 * receivedAt), signed by the platform (SM3withSM2, base64). {@code commitment} is the record's inclusion in the
 * transparency log once the next commitment entry is appended (null until then; fetch the receipt again).
 */
public record BidReceipt(String receipt, String signature, String platformCertificateSm3, Map<String, Object> commitment) {
}
