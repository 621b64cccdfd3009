package org.sunbid.platform.sealing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A round of sealed offers was opened: the platform-signed round record is complete. Carries what the round's owner
 * needs, so no other context reads sealing's tables. A negotiation's round of final offers has kind NEGOTIATION and no
 * purpose; a competition round (issue 22) names the owning context's {@code purpose} (e.g. {@code framework-order:<id>}),
 * so each listener takes only its own rounds.
 *
 * @param lotId     the lot whose round was opened
 * @param round     the round number, from 1
 * @param recordSm3 lowercase hex SM3 of the canonical round record's UTF-8 bytes, as signed
 * @param openedAt  when the record was completed
 * @param offers    every offer the record lists as opened, in its order
 * @param kind      NEGOTIATION or COMPETITION
 * @param purpose   a competition round's purpose as its owner named it, else null
 */
public record OffersOpened(UUID lotId, int round, String recordSm3, Instant openedAt, List<Offer> offers, String kind,
        String purpose) {

    public OffersOpened {
        offers = List.copyOf(offers);
    }

    /** A negotiation's round of final offers. */
    public OffersOpened(UUID lotId, int round, String recordSm3, Instant openedAt, List<Offer> offers) {
        this(lotId, round, recordSm3, openedAt, offers, "NEGOTIATION", null);
    }

    /** Whether the round is a negotiation's round of final offers (not another context's competition round). */
    public boolean negotiation() {
        return "NEGOTIATION".equals(kind);
    }

    /**
     * One supplier's opened offer.
     *
     * @param bidderId   the supplier's organisation
     * @param price      the offered total price in yuan (null if the sheet has none)
     * @param priceSheet the opened price sheet as canonical JSON (declarations such as {@code smeDeclaration}, item prices)
     * @param receivedAt when the offer arrived (the tie-break of equal prices)
     */
    public record Offer(UUID bidderId, BigDecimal price, String priceSheet, Instant receivedAt) {

        public Offer(UUID bidderId, BigDecimal price, String priceSheet) {
            this(bidderId, price, priceSheet, null);
        }
    }
}
