package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.UUID;

/**
 * A lot's sealed reserve (底价) as anyone may see it: the key it is sealed to and the log entry of its creation, the
 * counting envelope's SM3 and the log entry that committed it (before bidding started), whether bidding ended, how
 * many shares were released; once opened, the reserve in fen and the platform-signed record. Before opening nothing
 * here depends on the amount.
 */
public record ReserveView(UUID lotId, String publicKeyPem, String keySm3, long keyLogSeq, int threshold,
        String envelopeSm3, Long envelopeLogSeq, Instant sealedAt, Instant deadline, Instant biddingEndedAt,
        int sharesReleased, Instant openedAt, Long reserveFen, String record, String recordSignature, Long recordLogSeq) {
}
