package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * One invitation to a tender (邀请): for the invited supplier itself (我的邀请) and for the tender's owners; never for
 * another supplier before bidding closes.
 *
 * @param tenderId     the tender (the lot)
 * @param projectCode  项目编号
 * @param tenderName   the lot's name
 * @param supplierId   the invited supplier
 * @param supplierName its name
 * @param source       DRAWN, RECOMMENDED, PREQUALIFIED or DIRECT
 * @param reference    the draw's id or the recommender, or null
 * @param invitedAt    when the invitation was sent
 * @param bidDeadline  the response deadline as it stands
 * @param status       the tender's status
 */
public record InvitationView(UUID tenderId, String projectCode, String tenderName, UUID supplierId, String supplierName,
        String source, String reference, Instant invitedAt, Instant bidDeadline, TenderStatus status) {
}
