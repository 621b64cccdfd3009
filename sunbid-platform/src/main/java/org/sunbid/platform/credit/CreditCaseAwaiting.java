package org.sunbid.platform.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A repair application or an objection awaiting a supervisor's step (待办, 信用修复管理办法 Art. 16, 18).
 *
 * @param step        {@code repair-acceptance} (受理 ≤3 working days), {@code repair-decision} (≤7 after acceptance) or
 *                    {@code objection-decision} (≤7 working days)
 * @param id          the application's or objection's id
 * @param subjectName whom the record is about
 * @param due         the last working day for the step
 * @param deadline    the instant that day ends in China
 * @param overdue     whether the due day has passed
 */
public record CreditCaseAwaiting(String step, UUID id, String subjectName, LocalDate due, Instant deadline, boolean overdue) {
}
