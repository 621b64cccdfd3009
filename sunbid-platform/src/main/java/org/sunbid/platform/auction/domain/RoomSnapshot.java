package org.sunbid.platform.auction.domain;

import java.time.Instant;

/**
 * What anyone watching sees at an instant (no identity: bidder numbers only).
 *
 * @param phase        the phase now
 * @param currentPrice the highest bid in fen, or the start price while nobody has bid
 * @param leader       the highest bid's bidder number, or null
 * @param bids         accepted bids so far
 * @param endsAt       when the current phase ends (countdown end, freeze, free end), or null
 * @param minimumNext  the least acceptable bid now in fen (0 when no bid is accepted now)
 * @param increment    the increment in force, in fen
 * @param version      the number of events applied (a watcher resumes after it)
 */
public record RoomSnapshot(Phase phase, long currentPrice, String leader, long bids, Instant endsAt, long minimumNext,
        long increment, long version) {
}
