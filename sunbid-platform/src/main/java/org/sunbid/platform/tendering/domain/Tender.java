package org.sunbid.platform.tendering.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.deals.ProcurementIntention;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.Clarification;
import org.sunbid.platform.tendering.ComplaintSuspension;
import org.sunbid.platform.tendering.Objection;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;

/**
 * A tender (招标项目; a lot of a trading project that runs an open tender, with the lot's id) from draft to the bid
 * deadline: the aggregate that owns its state machine and applies its procedure's rules, resolved by the caller at the
 * date of the event ({@link ProcedureRules}): for construction 招标投标法 (Law) and its 实施条例 (Reg.), for government
 * procurement 政府采购法 (GPL), its 条例 (GPR) and 财政部令第87号. Every transition takes the current time from the caller
 * (an injected clock) and refuses, naming the article, what the rules forbid. Plain Java: no framework, no database.
 */
public final class Tender {

    private final UUID id;
    private final UUID tendereeId;
    private final UUID agencyId;
    private final String regionCode;
    private TenderTerms terms;
    private TenderStatus status;
    private Instant bidDeadline;
    private Instant publishedAt;
    private Instant suspendedAt;
    private final List<Clarification> clarifications;
    private final List<Objection> objections;
    private final List<ComplaintSuspension> complaintSuspensions;
    private final long version;

    private Tender(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms, TenderStatus status,
            Instant bidDeadline, Instant publishedAt, Instant suspendedAt, List<Clarification> clarifications,
            List<Objection> objections, List<ComplaintSuspension> complaintSuspensions, long version) {
        this.id = Objects.requireNonNull(id);
        this.tendereeId = Objects.requireNonNull(tendereeId);
        this.agencyId = agencyId;
        this.regionCode = Objects.requireNonNull(regionCode);
        this.terms = Objects.requireNonNull(terms);
        this.status = status;
        this.bidDeadline = bidDeadline;
        this.publishedAt = publishedAt;
        this.suspendedAt = suspendedAt;
        this.clarifications = new ArrayList<>(clarifications);
        this.objections = new ArrayList<>(objections);
        this.complaintSuspensions = new ArrayList<>(complaintSuspensions);
        this.version = version;
    }

    /** A new draft. The deposit limit is checked already here, so a wrong draft is refused early. */
    public static Tender draft(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms, Instant now,
            ProcedureRules rules) {
        if (!terms.bidDeadline().isAfter(now)) {
            throw new DomainException(TenderingError.INVALID_TENDER, "bidDeadline");
        }
        checkDeposit(terms, rules);
        return new Tender(id, tendereeId, agencyId, regionCode, terms, TenderStatus.DRAFT, terms.bidDeadline(), null, null,
                List.of(), List.of(), List.of(), 0);
    }

    /** Rebuilds a stored tender (no rule is re-checked). */
    public static Tender restore(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms,
            TenderStatus status, Instant bidDeadline, Instant publishedAt, Instant suspendedAt,
            List<Clarification> clarifications, List<Objection> objections, long version) {
        return restore(id, tendereeId, agencyId, regionCode, terms, status, bidDeadline, publishedAt, suspendedAt,
                clarifications, objections, List.of(), version);
    }

    /** Rebuilds a stored tender with the complaints' suspensions of it (no rule is re-checked). */
    public static Tender restore(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms,
            TenderStatus status, Instant bidDeadline, Instant publishedAt, Instant suspendedAt,
            List<Clarification> clarifications, List<Objection> objections, List<ComplaintSuspension> complaintSuspensions,
            long version) {
        return new Tender(id, tendereeId, agencyId, regionCode, terms, status, bidDeadline, publishedAt, suspendedAt,
                clarifications, objections, complaintSuspensions, version);
    }

    /**
     * Publishes the notice and issues the documents now, if {@link #publicationRefusal} finds nothing missing.
     *
     * @param documents how many tender documents the tender has
     */
    public void publish(Instant now, ProcedureRules rules, int documents) {
        publish(now, rules, documents, FilingState.NOT_REQUIRED);
    }

    /**
     * Publishes as {@link #publish(Instant, ProcedureRules, int)}, where the region may require the documents to be
     * filed with the supervisor and accepted first ({@code filing}).
     */
    public void publish(Instant now, ProcedureRules rules, int documents, FilingState filing) {
        publish(now, rules, documents, filing, null);
    }

    /**
     * Publishes as {@link #publish(Instant, ProcedureRules, int, FilingState)}, where the procedure may require a
     * procurement intention published long enough before ({@code intention}: the project's, or null if none recorded).
     */
    public void publish(Instant now, ProcedureRules rules, int documents, FilingState filing, ProcurementIntention intention) {
        publish(now, rules, documents, filing, intention, null);
    }

    /**
     * Publishes as {@link #publish(Instant, ProcedureRules, int, FilingState, ProcurementIntention)}, where the lot's
     * method may need the finance department's prior approval ({@code approval}: the lot's latest request, or null).
     */
    public void publish(Instant now, ProcedureRules rules, int documents, FilingState filing, ProcurementIntention intention,
            MethodApproval approval) {
        DomainException refusal = publicationRefusal(now, rules, documents, filing, intention, approval);
        if (refusal != null) {
            throw refusal;
        }
        status = TenderStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * Why the notice could not be published at {@code now}, or null if it can: a draft only; the documents are issued
     * with the notice, so there must be some (Reg. 16 counts the document period from publication; Law 24 the bidding
     * period from issuing them). Law 24: at least 20 days from issuing the documents to the deadline. Reg. 16:
     * documents available for at least 5 days. Reg. 26: deposit at most 2% of the estimated price. Changes nothing.
     */
    public DomainException publicationRefusal(Instant now, ProcedureRules rules, int documents) {
        return publicationRefusal(now, rules, documents, FilingState.NOT_REQUIRED);
    }

    /**
     * As {@link #publicationRefusal(Instant, ProcedureRules, int)}; besides, where the tender's region requires its
     * documents to be filed with the supervisor before publication (招标文件备案, the region's rule), the documents as
     * they are now must be filed and accepted: {@code FILING_REQUIRED} when never filed or changed since,
     * {@code FILING_NOT_ACCEPTED} while the decision is pending, {@code FILING_RETURNED} when returned.
     */
    public DomainException publicationRefusal(Instant now, ProcedureRules rules, int documents, FilingState filing) {
        return publicationRefusal(now, rules, documents, filing, null);
    }

    /**
     * As {@link #publicationRefusal(Instant, ProcedureRules, int, FilingState)}; besides, where the procedure has the
     * rule PROCUREMENT_INTENTION in force at {@code now} (财库〔2020〕10号 for government procurement), the project's
     * procurement intention must have been published at least that long (30 日) before now
     * ({@code GPL_INTENTION_TOO_RECENT}), unless the project records an exemption; none recorded is
     * {@code GPL_INTENTION_MISSING}. {@code intention} is the project's, or null.
     */
    public DomainException publicationRefusal(Instant now, ProcedureRules rules, int documents, FilingState filing,
            ProcurementIntention intention) {
        return publicationRefusal(now, rules, documents, filing, intention, null);
    }

    /**
     * As {@link #publicationRefusal(Instant, ProcedureRules, int, FilingState, ProcurementIntention)}; besides, where the
     * lot's method needs the finance department's prior approval (rule METHOD_APPROVAL and the lot's budget, its
     * estimated price, above OPEN_TENDER_THRESHOLD at {@code now}: 政府采购法 Art. 27, 实施条例 Art. 23, 74号令 Art. 4), the
     * lot's latest request must be approved ({@code GPL_27_METHOD_NOT_APPROVED}); checked first, as the method decides
     * everything after it.
     *
     * @param approval the lot's latest method request, or null
     */
    public DomainException publicationRefusal(Instant now, ProcedureRules rules, int documents, FilingState filing,
            ProcurementIntention intention, MethodApproval approval) {
        DomainException refusal = status == TenderStatus.DRAFT
                ? MethodApproval.publicationRefusal(rules, terms.estimatedPrice(), approval) : null;
        if (refusal == null) {
            refusal = publicationRefusalBeforeIntention(now, rules, documents, filing);
        }
        if (refusal != null) {
            return refusal;
        }
        Limit intentionPeriod = rules.find(RuleKeys.PROCUREMENT_INTENTION).orElse(null);
        if (intentionPeriod == null || (intention != null && intention.exempt())) {
            return null;
        }
        if (intention == null || intention.publishedAt() == null) {
            return new DomainException(TenderingError.GPL_INTENTION_MISSING, intentionPeriod.whole());
        }
        if (!intentionPeriod.atLeast(intention.publishedAt(), now, rules.calendar())) {
            return new DomainException(TenderingError.GPL_INTENTION_TOO_RECENT, intentionPeriod.whole(),
                    Limit.beijingDate(intention.publishedAt()).toString(),
                    Limit.beijingDate(intentionPeriod.endAfter(intention.publishedAt(), rules.calendar())).toString());
        }
        return null;
    }

    private DomainException publicationRefusalBeforeIntention(Instant now, ProcedureRules rules, int documents,
            FilingState filing) {
        if (status != TenderStatus.DRAFT) {
            return new DomainException(TenderingError.INVALID_TENDER_STATE, status);
        }
        if (documents <= 0) {
            return new DomainException(TenderingError.TENDER_DOCUMENTS_MISSING);
        }
        DomainException unfiled = filing.refusal();
        if (unfiled != null) {
            return unfiled;
        }
        // Issue 16: a rule the procedure does not have is no constraint (单一来源 has no response period, 谈判 and 询价 no
        // document period); the construction and ZFCG open tender have them all, as before.
        Limit biddingPeriod = rules.find(RuleKeys.BIDDING_PERIOD).orElse(null);
        if (biddingPeriod != null && !biddingPeriod.atLeast(now, bidDeadline, rules.calendar())) {
            if (procurement(rules) && rules.holds(RuleKeys.INVITATION_ONLY)) {
                // 74号令 Art. 29 / 45, 财库〔2014〕214号 Art. 10, 法 Art. 35 for 邀请招标: from the invitation to the response deadline
                return new DomainException(TenderingError.GP_RESPONSE_PERIOD_TOO_SHORT, biddingPeriod.whole(),
                        unitZh(biddingPeriod), biddingPeriod.article(),
                        biddingPeriod.lastDay(now, rules.calendar()).toString(),
                        Limit.beijingDate(bidDeadline).toString());
            }
            Duration bidding = Duration.between(now, bidDeadline);
            return new DomainException(procurement(rules) ? TenderingError.GPL_35_BIDDING_PERIOD_TOO_SHORT
                    : TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT, biddingPeriod.whole(), days(bidding), hours(bidding),
                    minutes(bidding));
        }
        Limit documentPeriod = rules.find(RuleKeys.DOCUMENT_PERIOD).orElse(null);
        if (documentPeriod != null && !documentPeriod.atLeast(now, terms.documentsAvailableUntil(), rules.calendar())) {
            if (documentPeriod.unit() == LimitUnit.WORKING_DAY) {
                return new DomainException(TenderingError.GPL87_18_DOCUMENT_PERIOD_TOO_SHORT, documentPeriod.whole(),
                        documentPeriod.lastDay(now, rules.calendar()).toString(),
                        Limit.beijingDate(terms.documentsAvailableUntil()).toString());
            }
            Duration available = Duration.between(now, terms.documentsAvailableUntil());
            return new DomainException(TenderingError.REG_16_DOCUMENT_PERIOD_TOO_SHORT, documentPeriod.whole(),
                    days(available), hours(available), minutes(available));
        }
        try {
            checkDeposit(terms, rules);
        } catch (DomainException e) {
            return e;
        }
        return null;
    }

    /**
     * Why a lot whose method is by invitation only (the rule INVITATION_ONLY) cannot be published with {@code invited}
     * suppliers on its invitation list, or null: its publication is the invitation, so at least INVITED_MIN must be
     * invited first (法 Art. 34 and 87号令 Art. 14 for 邀请招标; 74号令 Art. 12 for 谈判 and 询价; 财库〔2014〕214号 Art. 6 for
     * 磋商; 法 Art. 31 for 单一来源: one). An open notice has no list.
     */
    public static DomainException invitationRefusal(ProcedureRules rules, int invited) {
        if (!rules.holds(RuleKeys.INVITATION_ONLY)) {
            return null;
        }
        int min = rules.find(RuleKeys.INVITED_MIN).map(Limit::whole).orElse(1);
        return invited >= min ? null : new DomainException(TenderingError.GP_INVITED_TOO_FEW, min, invited,
                rules.find(RuleKeys.INVITED_MIN).map(Limit::article).orElse(""));
    }

    /**
     * The last moment a bidder may object to the documents (Reg. 22), as the current deadline stands; the deadline
     * itself where the procedure sets no cut-off.
     */
    public Instant objectionCutoff(ProcedureRules rules) {
        return rules.find(RuleKeys.OBJECTION_CUTOFF).map(l -> l.startBefore(bidDeadline)).orElse(bidDeadline);
    }

    /**
     * The last moment a clarification affecting bid preparation leaves the deadline where it is (Law 23, Reg. 21);
     * a later one moves the deadline.
     */
    public Instant clarificationCutoff(ProcedureRules rules) {
        Limit notice = rules.find(RuleKeys.CLARIFICATION_NOTICE).orElse(null);
        if (notice == null) {
            return bidDeadline;
        }
        if (notice.unit() != LimitUnit.WORKING_DAY) {
            return notice.startBefore(bidDeadline);
        }
        // 工作日 counted backwards (74号令 Art. 29, 45): the last day D whose n-th working day after it is not later than
        // the deadline's day; a clarification up to the end of D leaves the deadline where it is.
        java.time.LocalDate deadlineDay = Limit.beijingDate(bidDeadline);
        java.time.LocalDate day = deadlineDay;
        while (rules.calendar().plus(day, notice.whole()).isAfter(deadlineDay)) {
            day = day.minusDays(1);
        }
        return day.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant().minusMillis(1);
    }

    /** Replaces a draft's terms (the deposit limit and a future deadline checked as for a new draft). */
    public void revise(TenderTerms revised, Instant now, ProcedureRules rules) {
        requireStatus(TenderStatus.DRAFT);
        if (!revised.bidDeadline().isAfter(now)) {
            throw new DomainException(TenderingError.INVALID_TENDER, "bidDeadline");
        }
        checkDeposit(revised, rules);
        terms = revised;
        bidDeadline = revised.bidDeadline();
    }

    /**
     * Issues a clarification or amendment. Law 23 / Reg. 21: if it may affect bid preparation and fewer than 15 days
     * remain before the deadline, the deadline moves so that 15 days remain.
     */
    public Clarification clarify(UUID clarificationId, Instant now, String text, boolean affectsPreparation,
            ProcedureRules rules) {
        requireStatus(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED);
        if (text == null || text.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "text");
        }
        Instant moved = null;
        Limit notice = rules.find(RuleKeys.CLARIFICATION_NOTICE).orElse(null);
        if (affectsPreparation && notice != null && !notice.atLeast(now, bidDeadline, rules.calendar())) {
            // 日: the deadline moves so that the period remains; 工作日 (74号令 Art. 29, 45): to the period's last working
            // day at the deadline's own time of day
            moved = notice.unit() == LimitUnit.WORKING_DAY
                    ? notice.lastDay(now, rules.calendar()).atTime(bidDeadline.atZone(Limit.BEIJING).toLocalTime())
                            .atZone(Limit.BEIJING).toInstant()
                    : notice.endAfter(now, rules.calendar());
            bidDeadline = moved;
        }
        Clarification clarification = new Clarification(clarificationId, now, text.strip(), affectsPreparation, moved);
        clarifications.add(clarification);
        return clarification;
    }

    /**
     * Raises an objection to the tender documents. Reg. 22: allowed up to 10 days before the deadline; the tenderee
     * answers within 3 days and the procedure is suspended until then (GPL Art. 53: answered within 7 working days).
     */
    public Objection raiseObjection(UUID objectionId, Instant now, UUID objectorId, String text, ProcedureRules rules) {
        requireStatus(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED);
        if (rules.find(RuleKeys.OBJECTION_ANSWER).isEmpty()) {
            throw new DomainException(TenderingError.OBJECTION_NOT_APPLICABLE); // issue 17: e.g. an auction lot's rules
        }
        if (text == null || text.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "text");
        }
        if (now.isAfter(objectionCutoff(rules))) {
            throw new DomainException(TenderingError.REG_22_OBJECTION_TOO_LATE,
                    rules.find(RuleKeys.OBJECTION_CUTOFF).map(Limit::whole).orElse(0));
        }
        Objection objection = new Objection(objectionId, now, objectorId, text.strip(),
                rules.limit(RuleKeys.OBJECTION_ANSWER).endAfter(now, rules.calendar()), null, null);
        objections.add(objection);
        if (status == TenderStatus.PUBLISHED) {
            status = TenderStatus.SUSPENDED;
            suspendedAt = now;
        }
        return objection;
    }

    /**
     * Answers an objection. When no objection remains open the procedure resumes and, per Reg. 22, the deadline is
     * extended by the time it was suspended.
     */
    public Objection answerObjection(UUID objectionId, Instant now, String answer) {
        requireStatus(TenderStatus.SUSPENDED);
        if (answer == null || answer.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "answer");
        }
        int index = -1;
        for (int i = 0; i < objections.size(); i++) {
            if (objections.get(i).id().equals(objectionId) && objections.get(i).open()) {
                index = i;
            }
        }
        if (index < 0) {
            throw new DomainException(TenderingError.OBJECTION_NOT_FOUND, objectionId);
        }
        Objection o = objections.get(index);
        Objection answered = new Objection(o.id(), o.raisedAt(), o.objectorId(), o.text(), o.answerDue(), now, answer.strip());
        objections.set(index, answered);
        if (objections.stream().noneMatch(Objection::open)) {
            // the time a complaint's suspension already added to the deadline is not added twice (both causes overlap)
            bidDeadline = bidDeadline.plus(uncovered(suspendedAt, now, deadlineMovingSuspensions(null)));
            suspendedAt = null;
            status = TenderStatus.PUBLISHED;
        }
        return answered;
    }

    /**
     * The department handling a complaint suspends the procurement from {@code now} until {@code until} (政府采购法
     * Art. 57, 财政部令第94号 Art. 28: ≤ 30 日; 招标投标法实施条例 Art. 62), a cause independent of the objections': both
     * may be in force at once, and nothing of the procedure that the bidders or suppliers do is accepted while either
     * is ({@link #acceptsBids}, {@link #suspendedByComplaint}).
     * <p>
     * The bid deadline moves by the suspended time when the suspension begins before it. 94号令 Art. 28 forbids every
     * act of the procurement until the suspension ends ("不得进行该项采购活动"), so the suppliers lose that time; the
     * periods that must run to the deadline (法 Art. 35: ≥ 20 日; 74号令 Art. 27: ≥ 3 工作日; 214号 Art. 10: ≥ 10 日;
     * Law 24) are minimums for preparing a response, and a deadline that did not move would close bidding on
     * suppliers the department had forbidden to respond. This is the same reading as Reg. 22's suspension
     * ({@link #answerObjection}). Time already added by another cause in force is not added again (the union of the
     * suspended time counts). A suspension after the deadline moves nothing: the final-offer rounds have their own
     * deadlines, which the panel sets when it calls a round.
     */
    public ComplaintSuspension suspendForComplaint(UUID complaintId, Instant now, Instant until) {
        requireStatus(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED, TenderStatus.BIDDING_CLOSED, TenderStatus.TERMINATED);
        if (until == null || !until.isAfter(now)) {
            throw new DomainException(TenderingError.INVALID_TENDER, "until");
        }
        if (complaintSuspensions.stream().anyMatch(c -> c.complaintId().equals(complaintId) && c.inForceAt(now))) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE, "SUSPENDED_BY_COMPLAINT");
        }
        boolean moves = status != TenderStatus.BIDDING_CLOSED && now.isBefore(bidDeadline);
        ComplaintSuspension suspension = new ComplaintSuspension(complaintId, now, until, moves);
        if (moves) {
            // an objection open meanwhile adds, when answered, only its time this suspension does not cover
            bidDeadline = bidDeadline.plus(uncovered(now, until, deadlineMovingSuspensions(null)));
        }
        complaintSuspensions.add(suspension);
        return suspension;
    }

    /**
     * The complaint's suspension ends at {@code now} (the department lifts it, or decides the complaint). A suspension
     * already over by its own end changes nothing (answers empty). The deadline gives back the time it had added
     * beyond {@code now}, except what another cause still in force covers.
     */
    public java.util.Optional<ComplaintSuspension> endComplaintSuspension(UUID complaintId, Instant now) {
        for (int i = 0; i < complaintSuspensions.size(); i++) {
            ComplaintSuspension c = complaintSuspensions.get(i);
            if (c.complaintId().equals(complaintId) && c.inForceAt(now)) {
                ComplaintSuspension ended = new ComplaintSuspension(c.complaintId(), c.from(), now, c.movesDeadline());
                complaintSuspensions.set(i, ended);
                if (c.movesDeadline() && (status == TenderStatus.PUBLISHED || status == TenderStatus.SUSPENDED)) {
                    List<ComplaintSuspension> others = deadlineMovingSuspensions(ended);
                    bidDeadline = bidDeadline.minus(uncovered(now, c.until(), others));
                }
                return java.util.Optional.of(ended);
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a complaint's suspension is in force at {@code now} (法 Art. 57; 实施条例 Art. 62). */
    public boolean suspendedByComplaint(Instant now) {
        return complaintSuspensions.stream().anyMatch(c -> c.inForceAt(now));
    }

    /** The complaints' suspensions that moved the deadline, but {@code except}. */
    private List<ComplaintSuspension> deadlineMovingSuspensions(ComplaintSuspension except) {
        return complaintSuspensions.stream().filter(ComplaintSuspension::movesDeadline).filter(c -> c != except).toList();
    }

    /** The part of [from, to) that none of {@code covering} covers. */
    static Duration uncovered(Instant from, Instant to, List<ComplaintSuspension> covering) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        List<ComplaintSuspension> sorted = covering.stream().sorted(java.util.Comparator.comparing(ComplaintSuspension::from)).toList();
        Duration free = Duration.ZERO;
        Instant cursor = from;
        for (ComplaintSuspension c : sorted) {
            if (!cursor.isBefore(to)) {
                break;
            }
            Instant start = c.from().isAfter(cursor) ? c.from() : cursor;
            if (start.isAfter(to)) {
                start = to;
            }
            free = free.plus(Duration.between(cursor, start));
            if (c.until().isAfter(start)) {
                cursor = c.until().isAfter(to) ? to : c.until();
            } else {
                cursor = start;
            }
        }
        if (cursor.isBefore(to)) {
            free = free.plus(Duration.between(cursor, to));
        }
        return free;
    }

    /** Closes bidding at the deadline (a bid at deadline − 1 ms is in, at the deadline it is out). */
    public void closeBidding(Instant now) {
        requireStatus(TenderStatus.PUBLISHED);
        if (now.isBefore(bidDeadline)) {
            throw new DomainException(TenderingError.DEADLINE_NOT_REACHED, bidDeadline);
        }
        status = TenderStatus.BIDDING_CLOSED;
    }

    /** Ends the procedure (e.g. the project is cancelled); a reason is required. */
    public void terminate(Instant now, String reason) {
        if (status.isFinal()) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE, status);
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "reason");
        }
        status = TenderStatus.TERMINATED;
    }

    /**
     * Checks that a bidder may register (报名) at {@code now}: the notice is out (published, or suspended while an
     * objection is answered), the documents can still be obtained, and the deadline has not passed.
     */
    public void checkRegistrationOpen(Instant now) {
        boolean notice = status == TenderStatus.PUBLISHED || status == TenderStatus.SUSPENDED;
        if (!notice || !now.isBefore(terms.documentsAvailableUntil()) || !now.isBefore(bidDeadline)) {
            throw new DomainException(TenderingError.REGISTRATION_CLOSED);
        }
    }

    /**
     * Whether bids are accepted at {@code now}: published, not suspended (by an objection or a complaint), strictly
     * before the deadline.
     */
    public boolean acceptsBids(Instant now) {
        return acceptsBids(status, bidDeadline, complaintSuspensions, now);
    }

    /**
     * As {@link #acceptsBids(TenderStatus, Instant, Instant)}, and never while a complaint's suspension is in force
     * (法 Art. 57, 94号令 Art. 28: 不得进行该项采购活动; 实施条例 Art. 62).
     */
    public static boolean acceptsBids(TenderStatus status, Instant bidDeadline, List<ComplaintSuspension> suspensions,
            Instant now) {
        return acceptsBids(status, bidDeadline, now) && suspensions.stream().noneMatch(c -> c.inForceAt(now));
    }

    /**
     * The rule itself, for a tender known only by its status and deadline (what other contexts are given): bids are
     * accepted only while PUBLISHED (Reg. 22: a suspended tender's 招标投标活动 are suspended) and strictly before the
     * deadline by the platform's clock (Law 28).
     */
    public static boolean acceptsBids(TenderStatus status, Instant bidDeadline, Instant now) {
        return status == TenderStatus.PUBLISHED && now.isBefore(bidDeadline);
    }

    /** Reg. 26 / GPR Art. 33: the deposit at most 2% of the estimated price (the lot's budget in procurement). */
    private static void checkDeposit(TenderTerms terms, ProcedureRules rules) {
        Limit max = rules.find(RuleKeys.DEPOSIT_MAX).orElse(null);
        if (max == null) {
            return; // no ceiling where the procedure has none; a deposit is optional anyway (zero where the documents set none)
        }
        Money ceiling = max.percentOf(terms.estimatedPrice());
        if (terms.deposit().isGreaterThan(ceiling)) {
            throw new DomainException(procurement(rules) ? TenderingError.GPR_33_DEPOSIT_TOO_HIGH
                    : TenderingError.REG_26_DEPOSIT_TOO_HIGH, terms.deposit(), ceiling, max.plain());
        }
    }

    private static String unitZh(Limit limit) {
        return limit.unit() == LimitUnit.WORKING_DAY ? "个工作日" : "日";
    }

    /** Whether the rules are government procurement's (its articles name the refusals). */
    private static boolean procurement(ProcedureRules rules) {
        return "ZFCG".equals(rules.kindPrefix());
    }

    private void requireStatus(TenderStatus... allowed) {
        for (TenderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new DomainException(TenderingError.INVALID_TENDER_STATE, status);
    }

    private static long days(Duration d) {
        return Math.max(0, d.toDays());
    }

    private static long hours(Duration d) {
        return Math.max(0, d.toHoursPart());
    }

    private static long minutes(Duration d) {
        return Math.max(0, d.toMinutesPart());
    }

    public UUID id() {
        return id;
    }

    public UUID tendereeId() {
        return tendereeId;
    }

    public UUID agencyId() {
        return agencyId;
    }

    public String regionCode() {
        return regionCode;
    }

    public TenderTerms terms() {
        return terms;
    }

    public TenderStatus status() {
        return status;
    }

    public Instant bidDeadline() {
        return bidDeadline;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }

    public List<Clarification> clarifications() {
        return List.copyOf(clarifications);
    }

    public List<Objection> objections() {
        return List.copyOf(objections);
    }

    public List<ComplaintSuspension> complaintSuspensions() {
        return List.copyOf(complaintSuspensions);
    }

    public long version() {
        return version;
    }
}
