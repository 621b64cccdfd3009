package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.tendering.domain.MethodApproval;

/**
 * A lot's procurement-method request as shown (采购方式审批): the chosen conditions of use with their articles, the
 * reasons, whether approval is needed (budget above the open-tender threshold), the department and its decision, and a
 * single-source publicity with its countdowns and its objections' outcomes. For the public, who requested and who
 * objected are left out (null).
 *
 * @param status        RECORDED (no approval needed), PENDING, APPROVED or REFUSED
 * @param approvalOpens the earliest instant the department may approve (the publicity's end), or null
 */
public record MethodApprovalView(UUID id, UUID lotId, UUID projectId, String lotCode, String projectName, String lotName,
        int number, String procedureCode, String procedureName, List<Condition> conditions, String reasons, String budget,
        String threshold, boolean approvalRequired, String basis, UUID departmentId, String departmentName,
        Instant requestedAt, String requestedBy, MethodApproval.Status status, Instant decidedAt, String decisionReasons,
        Publicity publicity, Instant approvalOpens) {

    /** A chosen condition of use, with its article. */
    public record Condition(String code, String textZh, String textEn, String article) {
    }

    /**
     * The single-source publicity (单一来源公示, 实施条例 Art. 38).
     *
     * @param running   whether objections may still be raised now
     * @param reviewDue objections are reviewed by then (74号令 Art. 40)
     */
    public record Publicity(String supplierName, String expertOpinions, Instant startsAt, Instant endsAt, String rule,
            boolean running, Instant reviewDue, String reviewRule, List<Objection> objections) {
    }

    /** An objection and its review (outcome null while unreviewed; overdue once past its due time unreviewed or reviewed late). */
    public record Objection(UUID id, String objectorName, String reasons, Instant raisedAt, Instant reviewDue, boolean overdue,
            Instant reviewedAt, Boolean upheld, String outcome) {
    }
}
