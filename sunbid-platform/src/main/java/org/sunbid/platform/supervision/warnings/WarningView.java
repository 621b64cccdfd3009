package org.sunbid.platform.supervision.warnings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.supervision.WarningDraft;

/**
 * A warning as a supervisor (or centre staff, read-only) sees it: what was raised, with its evidence and the log
 * entries it rests on, and where it stands.
 *
 * @param raisedSeq   the transparency-log entry of its raising
 * @param overdue     a correction still awaited after its deadline
 * @param steps       triage, notes, decision and correction as they were taken, oldest first (empty in lists)
 */
public record WarningView(UUID id, String source, String key, WarningDraft.Severity severity, String regionCode,
        UUID projectId, UUID lotId, String title, String detail, String legalBasis, List<WarningDraft.Evidence> evidence,
        List<Long> logEntries, WarningStatus status, Decision decision, String decisionBasis, String decisionReason,
        Instant decidedAt, String decidedBy, LocalDate correctionDue, Instant correctedAt, String correctionNote,
        Instant raisedAt, Long raisedSeq, boolean overdue, long ageDays, List<Step> steps) {

    /**
     * One step of the warning's life.
     *
     * @param kind   {@code accepted}, {@code dismissed}, {@code noted}, {@code decided}, {@code corrected}
     * @param body   the note, reason or decision as written
     * @param logSeq its transparency-log entry
     */
    public record Step(String kind, String body, long logSeq, Instant at, String by) {
    }

    WarningView withSteps(List<Step> all) {
        return new WarningView(id, source, key, severity, regionCode, projectId, lotId, title, detail, legalBasis, evidence,
                logEntries, status, decision, decisionBasis, decisionReason, decidedAt, decidedBy, correctionDue, correctedAt,
                correctionNote, raisedAt, raisedSeq, overdue, ageDays, List.copyOf(all));
    }
}
