package org.sunbid.platform.auction.domain;

import java.time.Instant;

/**
 * An accepted bid: its place in the room's order ({@code seq}, 1, 2, …: the server's receipt order, which breaks
 * ties), the bidder's number (竞买号, never the identity), the amount in fen, the server's receipt time and the phase.
 */
public record Bid(long seq, String bidderNumber, long amount, Instant receivedAt, Phase phase) {
}
