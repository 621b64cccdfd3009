package org.sunbid.platform.auction;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The qualified bidders of an auction lot, each under a random bidder number (竞买号), qualified when applications
 * close (part D fills in; the signatures below are fixed, others code against them).
 */
@Service
public class AuctionBidders {

    /** The qualified bidders' numbers of lot {@code lotId} (empty before qualification). */
    public Set<String> numbers(UUID lotId) {
        return Set.of();
    }

    /** The signed-in bidder's own number in lot {@code lotId}, if its organisation is a qualified bidder there. */
    public Optional<String> numberOf(UUID lotId, CurrentUser user) {
        return Optional.empty();
    }

    /**
     * The organisation behind bidder number {@code bidderNumber} of lot {@code lotId} — asked only once bidding ended
     * (the result discloses the winner). Added by part F for the result; part D fills it in.
     */
    public Optional<UUID> organisationOf(UUID lotId, String bidderNumber) {
        return Optional.empty();
    }
}
