package org.sunbid.platform.tendering;

import java.util.UUID;

/**
 * A bidder registered for a tender. Published in the registering transaction; confidential like the registration
 * itself, so listeners must not log it in public.
 */
public record BidderRegistered(UUID registrationId, UUID tenderId, UUID bidderId) {
}
