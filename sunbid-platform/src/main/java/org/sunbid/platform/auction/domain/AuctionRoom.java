package org.sunbid.platform.auction.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One auction's state machine (single-threaded: the engine owns it). Bids are taken in server-receipt order; the
 * countdown and every acceptance use the server time the caller passes; equal amounts cannot both stand (a later equal
 * bid is too low), so a tie goes to the earlier receipt. Phases are derived from the events and the instant asked
 * about ({@link #phaseAt}). Replaying the journal's events through {@link #apply} rebuilds the identical room.
 *
 * <p>Signatures fixed by the lead (other parts code against them); part B implements.
 */
public final class AuctionRoom {

    private final AuctionTerms terms;
    private final Set<String> bidderNumbers;

    /** A room for {@code terms} whose qualified bidders hold {@code bidderNumbers}. */
    public AuctionRoom(AuctionTerms terms, Set<String> bidderNumbers) {
        this.terms = terms;
        this.bidderNumbers = Set.copyOf(bidderNumbers);
    }

    public AuctionTerms terms() {
        return terms;
    }

    /** Applies one event (a bid is decided, the others change the room); the answer for a bid, else null. */
    public BidDecision apply(RoomEvent event) {
        throw new UnsupportedOperationException("part B");
    }

    /** A bid received at {@code receivedAt}: {@code apply(new BidPlaced(...))}. */
    public BidDecision bid(String bidderNumber, long amount, Instant receivedAt) {
        return apply(new RoomEvent.BidPlaced(bidderNumber, amount, receivedAt));
    }

    /** The phase at {@code now} (time moves phases: the listing's end, the freeze, a countdown running out). */
    public Phase phaseAt(Instant now) {
        throw new UnsupportedOperationException("part B");
    }

    /** When bidding ended, once it has by {@code now}; null while it has not. */
    public Instant endedAt(Instant now) {
        throw new UnsupportedOperationException("part B");
    }

    /** What a watcher sees at {@code now}. */
    public RoomSnapshot snapshot(Instant now) {
        throw new UnsupportedOperationException("part B");
    }

    /** The accepted bids in order. */
    public List<Bid> bids() {
        throw new UnsupportedOperationException("part B");
    }

    /** The outcome at {@code now} (bidding must have ended), given the opened reserve in fen or null where none was sealed. */
    public AuctionResult result(Instant now, Long reserve) {
        throw new UnsupportedOperationException("part B");
    }
}
