package org.sunbid.platform.complaints;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.complaints.domain.Outcome;

/**
 * A published complaint decision (投诉处理决定, 财政部令第94号 Art. 33: published on the designated media; 招标投标法实施条例
 * Art. 61): the lot, the complainant and the department, the claims, the outcome and its reasons. Public.
 *
 * @param suspendedDays how many days the procurement was suspended by the complaint (法 Art. 57), rounded up
 */
public record DecisionView(UUID complaintId, UUID lotId, String lotCode, String lotName, String complainant, String department,
        String respondent, String claims, Outcome outcome, String reasons, Instant lodgedAt, Instant decidedAt, long suspendedDays) {
}
