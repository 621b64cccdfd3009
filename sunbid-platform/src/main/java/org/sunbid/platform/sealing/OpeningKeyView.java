package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tender's opening key as everyone may see it: the public key bidders seal to, its SM3 (as envelopes name it), the
 * threshold and who holds the shares (with the certificate each share is encrypted to), and the transparency-log entry
 * that created the key ({@code createdLogSeq}; null for keys made before it was recorded), which the bidder tool checks.
 */
public record OpeningKeyView(UUID tenderId, String publicKeyPem, String keySm3, int threshold, List<Custodian> custodians,
        Instant createdAt, Long createdLogSeq) {

    /** A custodian of one share, and the certificate (PEM) its share is encrypted to. */
    public record Custodian(int shareIndex, UUID organisationId, String name, boolean released, String certificatePem) {
    }
}
