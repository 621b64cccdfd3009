package org.sunbid.platform.sealing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A round of sealed offers (最后报价, one round of a negotiation or consultation) was opened: the platform-signed round
 * record is complete. Carries what the evaluation needs, so no other context reads sealing's tables.
 *
 * @param lotId     the lot (tender) whose round was opened
 * @param round     the round number, from 1
 * @param recordSm3 lowercase hex SM3 of the canonical round record's UTF-8 bytes, as signed
 * @param openedAt  when the record was completed
 * @param offers    every offer the record lists, in its order
 */
public record OffersOpened(UUID lotId, int round, String recordSm3, Instant openedAt, List<Offer> offers) {

    public OffersOpened {
        offers = List.copyOf(offers);
    }

    /**
     * One supplier's opened offer.
     *
     * @param bidderId   the supplier's organisation
     * @param price      the offered total price in yuan
     * @param priceSheet the opened price sheet as canonical JSON (declarations such as {@code smeDeclaration})
     */
    public record Offer(UUID bidderId, BigDecimal price, String priceSheet) {
    }
}
