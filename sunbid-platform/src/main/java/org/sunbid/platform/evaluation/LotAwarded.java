package org.sunbid.platform.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A tender (a lot) was awarded (定标, Reg. 55): the award notice is signed by the platform and published; the result
 * notice and the contract's 30 days (Law 46) count from {@code awardedAt}. Published after the Reg. 57 refunds of the
 * bidders not awarded were made due (through {@code payments.Deposits}, in the same transaction).
 *
 * @param tenderId   the tender (lot) awarded
 * @param winnerId   the winning bidder's organisation
 * @param price      the winning bid's total price (yuan)
 * @param awardedAt  when the award was made (the refunds' period counts from it)
 * @param notice     the award notice, canonical JSON as signed by the platform
 */
public record LotAwarded(UUID tenderId, UUID winnerId, BigDecimal price, Instant awardedAt, String notice) {
}
