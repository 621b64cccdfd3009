package org.sunbid.platform.tendering;

import java.util.UUID;

/** A tender's notice was published; bids may now be prepared. Published in the publishing transaction. */
public record TenderPublished(UUID tenderId, String regionCode, UUID tendereeId) {
}
