package org.sunbid.platform.complaints;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the complaints context (询问、质疑、投诉), each naming the article it enforces where there is one. */
public enum ComplaintsError implements ErrorCode {
    /** No such inquiry, challenge or complaint, or none the caller may see. */
    COMPLAINTS_NOT_FOUND(404),
    /** A question, answer, claim, fact, evidence or reason is missing. */
    COMPLAINTS_TEXT_REQUIRED(400),
    /** 政府采购法 Art. 52 / 财政部令第94号 Art. 11: only a supplier taking part in the procurement may challenge it. */
    GPL_52_NO_STANDING(403),
    /** 政府采购法 Art. 52 / 94号令 Art. 10: the challenge came after the 7 working days from the start date. */
    GPL_52_CHALLENGE_LATE(422),
    /** 实施条例 Art. 53: the step challenged has not happened yet, so its period has no start date. */
    GPR_53_NOTHING_TO_CHALLENGE_YET(422),
    /** 财政部令第94号 Art. 12: a challenge states its claims, the facts and its evidence. */
    GPL_94_12_CHALLENGE_INCOMPLETE(400),
    /** The challenge is not signed, or not by a certificate of the supplier in force, or the statement is not this one. */
    COMPLAINTS_SIGNATURE_INVALID(422),
    /** The question or challenge has been answered already; an answer is never changed. */
    COMPLAINTS_ALREADY_ANSWERED(409),
    /** Only the purchaser or its agency (or, for a complaint, the finance department handling it) may do this. */
    COMPLAINTS_NOT_RESPONSIBLE(403),
    /** 政府采购法 Art. 55: a complaint follows the supplier's own challenge on the lot. */
    GPL_55_CHALLENGE_FIRST(422),
    /** 政府采购法 Art. 55: the challenge is still within its answer period; complain once answered or once it has ended. */
    GPL_55_ANSWER_PERIOD_RUNNING(422),
    /** 政府采购法 Art. 55 / 94号令 Art. 17 (or 招标投标法实施条例 Art. 60): the complaint came after its period. */
    COMPLAINT_LATE(422),
    /** 招标投标法实施条例 Art. 60: the day the complainant knew is required, and not in the future. */
    REG_60_KNOWN_AT_REQUIRED(400),
    /** The step does not fit where the complaint stands (e.g. a decision before intake). */
    COMPLAINT_WRONG_STATE(409),
    /** 政府采购法 Art. 57: the procurement is suspended for at most 30 日 in all. */
    GPL_57_SUSPENSION_TOO_LONG(422),
    /** A suspension or a pause is already in force. */
    COMPLAINT_ALREADY_SUSPENDED(409),
    /** 实施条例 Art. 58: only tests, inspections, appraisals and expert reviews stop the decision's clock. */
    GPR_58_NOT_A_PAUSE(400),
    /** No finance or supervision department above the lot's region receives complaints. */
    COMPLAINTS_NO_DEPARTMENT(422),
    /**
     * The lot's procedure has no such step (e.g. no 质疑 in construction, where objections 异议 go to the tenderee through
     * tendering and evaluation; no complaint rules for the kind).
     */
    COMPLAINTS_NOT_APPLICABLE(422),
    /** Someone else changed the case at the same time; read it again. */
    COMPLAINTS_CONCURRENT_CHANGE(409);

    private final int httpStatus;

    ComplaintsError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
