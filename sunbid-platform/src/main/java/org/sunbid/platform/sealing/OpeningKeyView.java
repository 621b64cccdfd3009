package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tender's opening key as everyone may see it: the public key bidders seal to, its SM3 (as envelopes name it), the
 * threshold and who holds the shares.
 */
public record OpeningKeyView(UUID tenderId, String publicKeyPem, String keySm3, int threshold, List<Custodian> custodians,
        Instant createdAt) {

    /** A custodian of one share. */
    public record Custodian(int shareIndex, UUID organisationId, String name, boolean released) {
    }
}
