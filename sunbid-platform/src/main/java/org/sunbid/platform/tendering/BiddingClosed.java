package org.sunbid.platform.tendering;

import java.util.UUID;

/** Bidding closed on a tender: the deadline passed. Published in the closing transaction. */
public record BiddingClosed(UUID tenderId, String regionCode) {
}
