package org.sunbid.platform.supervision;

import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor decided an administrative sanction (行政处罚) on a warning: what the credit records (信用记录, issue 20)
 * take in. Published once, in the decision's transaction, through Spring Modulith's publication registry.
 *
 * @param warningId        the warning decided
 * @param regionCode       the region of the supervisor's decision
 * @param projectId        the deal's project, or null
 * @param lotId            the deal's lot, or null
 * @param source           the warning's source ({@code screen}, {@code art40}, ...)
 * @param partyCreditCode  the sanctioned party's 统一社会信用代码 as the supervisor gave it, or null
 * @param partyName        the sanctioned party as the supervisor named it, or null
 * @param legalBasis       the article the sanction rests on
 * @param reason           the decision's reason
 * @param decidedAt        when
 * @param decidedBy        the supervisor's login name
 * @param logSeq           the decision's transparency-log entry
 */
public record SanctionDecided(UUID warningId, String regionCode, UUID projectId, UUID lotId, String source,
        String partyCreditCode, String partyName, String legalBasis, String reason, Instant decidedAt, String decidedBy,
        long logSeq) {
}
