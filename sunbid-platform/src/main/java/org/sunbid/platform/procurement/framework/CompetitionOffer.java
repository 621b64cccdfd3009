package org.sunbid.platform.procurement.framework;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An opened offer of a secondary competition (二次竞价), as the signed round record lists it: sealed on arrival to the
 * competition round's key, opened with every other offer once the custodians released their shares after the deadline,
 * so no supplier saw another's price before its own was fixed. The lowest unit price within the supplier's own agreement
 * price wins, the earlier offer (by its arrival) breaking a tie; an offer above that price, or from a supplier without a
 * ceiling (not a member, or credit-restricted now), takes no part.
 *
 * @param supplierId the supplier
 * @param unitPrice  the offered unit price for the order's item
 * @param receivedAt when the offer that counted arrived
 */
public record CompetitionOffer(UUID supplierId, BigDecimal unitPrice, Instant receivedAt) {

    /** The winner among {@code offers}, given each eligible supplier's agreement price ({@code ceilings}). */
    public static Optional<CompetitionOffer> winner(List<CompetitionOffer> offers, Map<UUID, BigDecimal> ceilings) {
        return offers.stream()
                .filter(o -> o.unitPrice() != null && o.unitPrice().signum() > 0 && ceilings.get(o.supplierId()) != null
                        && o.unitPrice().compareTo(ceilings.get(o.supplierId())) <= 0)
                .min(Comparator.comparing(CompetitionOffer::unitPrice)
                        .thenComparing(CompetitionOffer::receivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(o -> o.supplierId().toString()));
    }
}
