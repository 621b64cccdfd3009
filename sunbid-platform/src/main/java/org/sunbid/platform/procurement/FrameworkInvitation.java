package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A secondary competition (二次竞价) open to a shortlisted supplier, as only that supplier sees it: what to offer for,
 * its own ceiling (its agreement price for the item), the deadline, and whether its own offer is sealed in.
 * Nothing in it says whether anyone else has offered.
 *
 * @param orderId             the order in competition
 * @param buyerName           the buyer (采购人)
 * @param agreementPrice      the supplier's own agreement unit price for the item: an offer above it takes no part
 * @param competitionDeadline until when offers are taken (sealed on arrival; opened together after it)
 * @param supplierId          the supplier (the caller's organisation)
 * @param offered             the caller's offer is sealed in
 */
public record FrameworkInvitation(UUID orderId, UUID agreementId, String agreementName, String buyerName, int itemNo,
        String itemName, String unit, BigDecimal quantity, BigDecimal agreementPrice, Instant competitionDeadline,
        UUID supplierId, boolean offered) {
}
