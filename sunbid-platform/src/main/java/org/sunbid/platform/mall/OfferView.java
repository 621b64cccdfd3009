package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A supplier's bid (反拍) or quote (团购) as shown: to its own supplier at any time, to everyone else only after the
 * close (each supplier's standing offer, from the winner down).
 *
 * @param supplierName the supplier
 * @param productName  the listing it offered
 * @param unitPrice    in yuan
 * @param at           when received (server time)
 * @param won          whether it won
 */
public record OfferView(String supplierName, String productName, BigDecimal unitPrice, Instant at, boolean won) {
}
