package org.sunbid.platform.mall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An e-mall order (订单), which is the contract between the buyer and the supplier.
 *
 * @param id                     the order
 * @param orderNo                its number for people
 * @param buyerId                the buying budget unit (采购人)
 * @param buyerName              its name
 * @param regionCode             the buyer's region
 * @param listingId              the listing ordered from (the winning one of a comparison)
 * @param productName            the product
 * @param supplierId             the supplier
 * @param supplierName           its name
 * @param itemCode               the 品目
 * @param quantity               how many units
 * @param unitPrice              in yuan
 * @param total                  in yuan
 * @param mode                   direct or by comparison
 * @param ruleBasis              the mall rule it was placed under
 * @param status                 where it stands
 * @param orderedAt              when placed
 * @param contractPublishedAt    when the contract was published (政府采购法实施条例 Art. 50: ≤ 2 working days)
 * @param contractPublicationDue the last day to publish it
 * @param paymentDays            the agreed payment term after acceptance (≤ 60 days)
 * @param acceptedAt             when accepted or refused, or null
 * @param acceptanceNote         the acceptance record's text
 * @param paymentDue             the last day to pay, once accepted
 * @param paidAt                 when paid, or null
 * @param overdue                whether unpaid after its due day (as of the clock)
 * @param overdueFlaggedAt       when flagged to supervision, or null
 * @param quotes                 the comparison's quotes (empty for a direct order)
 */
public record OrderView(UUID id, String orderNo, UUID buyerId, String buyerName, String regionCode, UUID listingId,
                        String productName, UUID supplierId, String supplierName, String itemCode, int quantity,
                        BigDecimal unitPrice, BigDecimal total, OrderMode mode, String ruleBasis, OrderStatus status,
                        Instant orderedAt, Instant contractPublishedAt, LocalDate contractPublicationDue, int paymentDays,
                        Instant acceptedAt, String acceptanceNote, LocalDate paymentDue, Instant paidAt, boolean overdue,
                        Instant overdueFlaggedAt, List<Quote> quotes) {

    /** One supplier's quote in a comparison. */
    public record Quote(UUID listingId, UUID supplierId, String supplierName, BigDecimal unitPrice, boolean won) {
    }
}
