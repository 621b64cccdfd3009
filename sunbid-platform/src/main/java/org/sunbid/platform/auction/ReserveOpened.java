package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.UUID;

/**
 * Lot {@code lotId}'s sealed reserve (底价) was opened by its custodians at {@code openedAt}: {@code reserve} in fen, or
 * null where none was sealed (then published at once when bidding ends). The result is computed from it.
 */
public record ReserveOpened(UUID lotId, Long reserve, Instant openedAt) {
}
