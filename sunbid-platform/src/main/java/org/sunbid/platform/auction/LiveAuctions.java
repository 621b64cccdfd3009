package org.sunbid.platform.auction;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.RoomSnapshot;

/**
 * The live engine: one {@code domain.AuctionRoom} per lot, bids taken in server-receipt order and durable in the
 * journal before they are acknowledged (part C fills in; the signatures below are fixed, others code against them).
 */
@Service
public class LiveAuctions {

    /** What a watcher of lot {@code lotId} sees now (empty for a lot with no room). */
    public Optional<RoomSnapshot> snapshot(UUID lotId) {
        return Optional.empty();
    }

    /** The accepted bids of lot {@code lotId} in order (from the journal). */
    public List<Bid> bids(UUID lotId) {
        return List.of();
    }

    /** The outcome of lot {@code lotId} once bidding ended, given the opened reserve in fen (null where none was sealed). */
    public Optional<AuctionResult> result(UUID lotId, Long reserve) {
        return Optional.empty();
    }
}
