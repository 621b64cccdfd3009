package org.sunbid.platform.complaints;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.complaints.domain.Complaint;
import org.sunbid.platform.complaints.domain.ComplaintStatus;
import org.sunbid.platform.complaints.domain.Outcome;

/**
 * A complaint (投诉) as its complainant, the department, the respondent and (after the copies) the parties copied see it,
 * with the open step and its due instant (the countdown).
 *
 * @param nextStep   the open step: INTAKE, COPIES, DECISION (PAUSED while the decision's clock stands), or null
 * @param nextDue    its due instant, null when none runs
 * @param overdue    whether the open step is past its due instant
 * @param repliesDue when the copied parties' replies are due
 * @param suspendedUntil the end of the suspension in force, null when none
 */
public record ComplaintView(UUID id, UUID lotId, String lotCode, String lotName, UUID challengeId, String complainant,
        String department, String respondent, ComplaintStatus status, String claims, String facts, String evidence,
        Instant periodStart, Instant lodgedAt, Instant receivedAt, Instant intakeDue, String intakeReason, Instant acceptedAt,
        Instant copiesDue, Instant copiesSentAt, List<UUID> copiedTo, List<Complaint.Reply> replies, Instant repliesDue,
        List<Complaint.Suspension> suspensions, List<Complaint.Pause> pauses, int pausedWorkingDays, Instant decisionDue,
        String nextStep, Instant nextDue, boolean overdue, Instant suspendedUntil, Outcome outcome, String reasons,
        Instant decidedAt) {
}
