package org.sunbid.platform.auction;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.auction.domain.AuctionTerms;

/**
 * The auction lot's terms: format, start price, increment, schedule, parcel or asset details (part E fills in; the
 * signatures below are fixed, others code against them).
 */
@Service
public class AuctionLots {

    /** The room terms of lot {@code lotId}, once set (empty for a lot that is not an auction lot). */
    public Optional<AuctionTerms> terms(UUID lotId) {
        return Optional.empty();
    }
}
