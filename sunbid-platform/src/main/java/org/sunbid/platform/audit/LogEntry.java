package org.sunbid.platform.audit;

import java.time.Instant;

/**
 * An entry as the log publishes it.
 *
 * @param seq         its position, from 0, gap-free
 * @param appendedAt  when it was appended
 * @param commitment  SM3 (hex) of {@code details}
 * @param leafHash    its Merkle leaf hash (hex)
 * @param details     canonical JSON of who did what, where, with a salt; null while sealed
 * @param payload     canonical JSON of the facts (its SM3 is in the details); null while sealed
 * @param sealed      whether the details are still sealed
 */
public record LogEntry(long seq, Instant appendedAt, String commitment, String leafHash, String details, String payload,
        boolean sealed) {
}
