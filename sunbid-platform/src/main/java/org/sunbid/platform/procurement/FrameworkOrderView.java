package org.sunbid.platform.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A second-stage order of a framework agreement: a contract between a buyer (a budget unit) and a shortlisted supplier.
 *
 * @param method              DIRECT (直接选定), COMPETITION (二次竞价) or ROTATION (顺序轮候)
 * @param status              COMPETING (sealed offers running, then the round's opening awaited), CONCLUDED (contract made, publication due), PUBLISHED,
 *                            FAILED (a competition without a valid offer)
 * @param supplierId          the supplier, null while competing
 * @param unitPrice           the order's unit price, null while competing
 * @param amount              unit price × quantity
 * @param rotationPosition    the place in the rotation order that took it (rotation only, 1 first)
 * @param competitionDeadline the deadline of the sealed offers (competition only)
 * @param publicationDue      the end of the 2 工作日 publication period
 * @param late                published (or still unpublished) after that end: flagged to supervision
 * @param mine                the caller's own offer is sealed in (competition, supplier's view), else false
 * @param lotId               the agreement's lot, whose competition round {@code offerRound} is (competition only)
 * @param offerRound          the sealed competition round of the offers (sealing's; its key, and once opened its signed
 *                            record, public at {@code /api/v1/tenders/{lotId}/offer-rounds/{offerRound}})
 * @param offerRecordSm3      SM3 of the signed round record that decided the competition, once concluded
 */
public record FrameworkOrderView(UUID id, UUID agreementId, String agreementName, UUID buyerId, String buyerName, int itemNo,
        String itemName, BigDecimal quantity, String method, String status, UUID supplierId, String supplierName,
        BigDecimal unitPrice, BigDecimal amount, Integer rotationPosition, Instant competitionDeadline, Instant concludedAt,
        Instant publicationDue, Instant publishedAt, boolean late, boolean mine, UUID lotId, Integer offerRound,
        String offerRecordSm3) {
}
