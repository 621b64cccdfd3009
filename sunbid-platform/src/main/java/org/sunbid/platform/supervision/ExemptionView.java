package org.sunbid.platform.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.deals.DealKind;

/**
 * An exemption (不进场交易): a project the catalogue requires to trade on the platform that its owner asked to trade
 * elsewhere, and the supervisor's decision.
 *
 * @param catalogueBasis the catalogue entry that required it, when it was applied for
 * @param status         APPLIED (awaiting the supervisor), APPROVED (published on the portal) or RETURNED
 */
public record ExemptionView(UUID id, String regionCode, UUID ownerId, String ownerName, DealKind kind, Category category,
        String itemCode, String projectCode, String projectName, BigDecimal value, String reason, String basis,
        String catalogueBasis, Status status, Instant appliedAt, String appliedBy, Instant decidedAt, String decidedBy,
        String decisionReason) {

    /** Where an exemption stands. */
    public enum Status {
        /** 待审核: awaiting the region's supervisor. */
        APPLIED,
        /** 已批准: the project may trade elsewhere; published on the portal. */
        APPROVED,
        /** 已退回: returned with the supervisor's reason; the owner may apply again. */
        RETURNED
    }
}
