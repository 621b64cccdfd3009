package org.sunbid.platform.tendering;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the tendering context. The legal ones name their article in the message. */
public enum TenderingError implements ErrorCode {
    /** Law 24: fewer than 20 days from issuing the tender documents to the bid deadline. */
    LAW_24_BIDDING_PERIOD_TOO_SHORT(422),
    /** Reg. 16: tender documents available for fewer than 5 days. */
    REG_16_DOCUMENT_PERIOD_TOO_SHORT(422),
    /** Reg. 26: deposit above 2% of the estimated price. */
    REG_26_DEPOSIT_TOO_HIGH(422),
    /** GPL Art. 35: fewer than 20 days from issuing the documents to the bid deadline (government procurement). */
    GPL_35_BIDDING_PERIOD_TOO_SHORT(422),
    /**
     * 74号令 Art. 29 (谈判), Art. 45 (询价), 财库〔2014〕214号 Art. 10 (磋商), 法 Art. 35 (邀请招标): too little time from the
     * invitation to the response deadline; the message names the method's article.
     */
    GP_RESPONSE_PERIOD_TOO_SHORT(422),
    /** 法 Art. 34, 74号令 Art. 12: an invitation-only lot is published (its invitation sent) with fewer invitees than required. */
    GP_INVITED_TOO_FEW(422),
    /** 74号令 Art. 12, 法 Art. 34: the procedure is by invitation only and the caller's organisation was not invited. */
    NOT_INVITED(403),
    /** An invitation list needs at least one supplier organisation, each a supplier on the platform. */
    INVALID_INVITATION(400),
    /** 财库〔2020〕10号: no procurement intention published (and no exemption recorded) before the notice. */
    GPL_INTENTION_MISSING(422),
    /** 财库〔2020〕10号: the procurement intention was published fewer than 30 日 before the notice. */
    GPL_INTENTION_TOO_RECENT(422),
    /** 87号令 Art. 18: documents available for fewer than 5 working days (government procurement). */
    GPL87_18_DOCUMENT_PERIOD_TOO_SHORT(422),
    /** GPR Art. 33: deposit above 2% of the budget (government procurement). */
    GPR_33_DEPOSIT_TOO_HIGH(422),
    /** Reg. 22: objection to the tender documents later than 10 days before the deadline. */
    REG_22_OBJECTION_TOO_LATE(422),
    /** The notice cannot be published before the tender documents it issues are uploaded. */
    TENDER_DOCUMENTS_MISSING(422),
    /** The bid deadline has not been reached. */
    DEADLINE_NOT_REACHED(409),
    /** The tender is not in a state that allows this. */
    INVALID_TENDER_STATE(409),
    /** The tender was changed by someone else meanwhile; reload and retry. */
    TENDER_CHANGED_CONCURRENTLY(409),
    /** No such tender, or none the caller may see. */
    TENDER_NOT_FOUND(404),
    /** No such objection on this tender. */
    OBJECTION_NOT_FOUND(404),
    /** Registration is closed: the documents can no longer be obtained, or the deadline has passed. */
    REGISTRATION_CLOSED(409),
    /** A blacklisted organisation may not register. */
    REGISTRATION_REFUSED_BLACKLISTED(403),
    /** The caller has not registered for this tender. */
    NOT_REGISTERED(404),
    /** Who registered stays secret until bidding closes (only a supervisor's logged break-glass access sees it). */
    REGISTRATIONS_SEALED(403),
    /** A document needs a name of 1 to 200 characters. */
    INVALID_DOCUMENT_NAME(400),
    /** The tender already has a document of this name. */
    DOCUMENT_NAME_TAKEN(409),
    /** The document is larger than the platform accepts; nothing was kept. */
    DOCUMENT_TOO_LARGE(413),
    /** The documents can no longer be obtained (Reg. 16 period over, or bidding closed). */
    DOCUMENTS_UNAVAILABLE(409),
    /** The region requires the documents to be filed with the supervisor (备案) before publication; not filed, or changed since. */
    FILING_REQUIRED(422),
    /** The documents' filing awaits the supervisor's decision. */
    FILING_NOT_ACCEPTED(422),
    /** The documents' filing was returned by the supervisor with reasons; change them and file again. */
    FILING_RETURNED(422),
    /** The tender's region does not require filing. */
    FILING_NOT_REQUIRED(409),
    /** A filing of these documents already awaits the decision, or was accepted. */
    FILING_ALREADY_FILED(409),
    /** The filing was already decided. */
    FILING_DECIDED(409),
    /** A later filing replaced this one; decide that one. */
    FILING_SUPERSEDED(409),
    /** Returning a filing needs the supervisor's reasons. */
    FILING_REASONS_REQUIRED(422),
    /** No supervision department serves the tender's region or any region above it. */
    FILING_NO_SUPERVISOR(409),
    /** No such filing, or none the caller may see. */
    FILING_NOT_FOUND(404),
    /** A filing rule is invalid (what it applies to, its time limit and unit, its basis, its dates). */
    INVALID_FILING_RULE(400),
    /** Issue 16 (A). Above the open-tender threshold the lot's method needs the finance department's approval first (政府采购法 Art. 27). */
    GPL_27_METHOD_NOT_APPROVED(422),
    /** A request for the method's approval without its conditions or reasons, or an objection or review without text. */
    METHOD_APPROVAL_INVALID(400),
    /** The lot already has a request pending, approved, or recorded below the threshold. */
    METHOD_APPROVAL_ALREADY_REQUESTED(409),
    /** The request needs no approval (at or below the threshold): nothing to decide. */
    METHOD_APPROVAL_NOT_REQUIRED(409),
    /** The request was already decided. */
    METHOD_APPROVAL_DECIDED(409),
    /** Refusing a method needs the department's reasons. */
    METHOD_APPROVAL_REASONS_REQUIRED(422),
    /** No finance (supervision) department serves the lot's region or any region above it. */
    METHOD_APPROVAL_NO_DEPARTMENT(409),
    /** No such request or objection, or none the caller may see. */
    METHOD_APPROVAL_NOT_FOUND(404),
    /** A unique-supplier single source above the threshold is published with the supplier and the experts' opinions (实施条例 Art. 38). */
    GPR_38_SINGLE_SOURCE_PUBLICITY_INCOMPLETE(400),
    /** Approval before the single-source publicity has ended (实施条例 Art. 38; 74号令 Art. 38). */
    GPR_38_SINGLE_SOURCE_PUBLICITY_RUNNING(422),
    /** An objection after the single-source publicity ended (74号令 Art. 39). */
    GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED(422),
    /** Approval while an objection to the publicity awaits the purchaser's review (74号令 Art. 40). */
    GPL74_40_OBJECTION_UNREVIEWED(422),
    /** Approval after an objection was upheld: another method must be used (74号令 Art. 40). */
    GPL74_40_OBJECTION_UPHELD(422),
    /** The request has no single-source publicity to object to. */
    SINGLE_SOURCE_NO_PUBLICITY(409),
    /** The objection was already reviewed. */
    SINGLE_SOURCE_OBJECTION_REVIEWED(409),
    /** A field of the tender is missing or invalid. */
    INVALID_TENDER(400),
    /** Issue 17: the lot's procedure has no objection to the documents with an answer period (OBJECTION_ANSWER), e.g. an auction lot. */
    OBJECTION_NOT_APPLICABLE(409);

    private final int httpStatus;

    TenderingError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
