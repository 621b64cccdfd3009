package org.sunbid.platform.complaints.domain;

/** Where a complaint (投诉) stands. */
public enum ComplaintStatus {
    /** 已收到: awaiting the department's intake decision. */
    LODGED,
    /** 补正: the department asked the complainant to complete it; the intake restarts on completion. */
    INCOMPLETE,
    /** 不予受理: refused at intake, with the reason (final). */
    REFUSED,
    /** 已受理: accepted and being handled (copies, replies, pauses, suspension). */
    ACCEPTED,
    /** 已处理: decided and published (final). */
    DECIDED;

    /** Whether the complaint has ended. */
    public boolean isFinal() {
        return this == REFUSED || this == DECIDED;
    }
}
