package org.sunbid.platform.tendering.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.tendering.Clarification;
import org.sunbid.platform.tendering.LegalPeriods;
import org.sunbid.platform.tendering.Objection;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderingError;

/**
 * A construction tender (招标项目) from draft to the bid deadline: the aggregate that owns its state machine and the
 * legal rules of 招标投标法 (Law) and its 实施条例 (Reg.). Every transition takes the current time from the caller
 * (an injected clock) and refuses, naming the article, what the law forbids. Plain Java: no framework, no database.
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
    private final long version;

    private Tender(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms, TenderStatus status,
            Instant bidDeadline, Instant publishedAt, Instant suspendedAt, List<Clarification> clarifications,
            List<Objection> objections, long version) {
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
        this.version = version;
    }

    /** A new draft. The deposit limit is checked already here, so a wrong draft is refused early. */
    public static Tender draft(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms, Instant now,
            LegalPeriods periods) {
        if (!terms.bidDeadline().isAfter(now)) {
            throw new DomainException(TenderingError.INVALID_TENDER, "bidDeadline");
        }
        checkDeposit(terms, periods);
        return new Tender(id, tendereeId, agencyId, regionCode, terms, TenderStatus.DRAFT, terms.bidDeadline(), null, null,
                List.of(), List.of(), 0);
    }

    /** Rebuilds a stored tender (no rule is re-checked). */
    public static Tender restore(UUID id, UUID tendereeId, UUID agencyId, String regionCode, TenderTerms terms,
            TenderStatus status, Instant bidDeadline, Instant publishedAt, Instant suspendedAt,
            List<Clarification> clarifications, List<Objection> objections, long version) {
        return new Tender(id, tendereeId, agencyId, regionCode, terms, status, bidDeadline, publishedAt, suspendedAt,
                clarifications, objections, version);
    }

    /**
     * Publishes the notice and issues the documents now, if {@link #publicationRefusal} finds nothing missing.
     *
     * @param documents how many tender documents the tender has
     */
    public void publish(Instant now, LegalPeriods periods, int documents) {
        DomainException refusal = publicationRefusal(now, periods, documents);
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
    public DomainException publicationRefusal(Instant now, LegalPeriods periods, int documents) {
        if (status != TenderStatus.DRAFT) {
            return new DomainException(TenderingError.INVALID_TENDER_STATE, status);
        }
        if (documents <= 0) {
            return new DomainException(TenderingError.TENDER_DOCUMENTS_MISSING);
        }
        Duration bidding = Duration.between(now, bidDeadline);
        if (bidding.compareTo(periods.biddingPeriod()) < 0) {
            return new DomainException(TenderingError.LAW_24_BIDDING_PERIOD_TOO_SHORT, periods.biddingPeriod().toDays(),
                    days(bidding), hours(bidding), minutes(bidding));
        }
        Duration documentPeriod = Duration.between(now, terms.documentsAvailableUntil());
        if (documentPeriod.compareTo(periods.documentPeriod()) < 0) {
            return new DomainException(TenderingError.REG_16_DOCUMENT_PERIOD_TOO_SHORT, periods.documentPeriod().toDays(),
                    days(documentPeriod), hours(documentPeriod), minutes(documentPeriod));
        }
        try {
            checkDeposit(terms, periods);
        } catch (DomainException e) {
            return e;
        }
        return null;
    }

    /** The last moment a bidder may object to the documents (Reg. 22), as the current deadline stands. */
    public Instant objectionCutoff(LegalPeriods periods) {
        return bidDeadline.minus(periods.objectionCutoff());
    }

    /**
     * The last moment a clarification affecting bid preparation leaves the deadline where it is (Law 23, Reg. 21);
     * a later one moves the deadline.
     */
    public Instant clarificationCutoff(LegalPeriods periods) {
        return bidDeadline.minus(periods.clarificationNotice());
    }

    /** Replaces a draft's terms (the deposit limit and a future deadline checked as for a new draft). */
    public void revise(TenderTerms revised, Instant now, LegalPeriods periods) {
        requireStatus(TenderStatus.DRAFT);
        if (!revised.bidDeadline().isAfter(now)) {
            throw new DomainException(TenderingError.INVALID_TENDER, "bidDeadline");
        }
        checkDeposit(revised, periods);
        terms = revised;
        bidDeadline = revised.bidDeadline();
    }

    /**
     * Issues a clarification or amendment. Law 23 / Reg. 21: if it may affect bid preparation and fewer than 15 days
     * remain before the deadline, the deadline moves so that 15 days remain.
     */
    public Clarification clarify(UUID clarificationId, Instant now, String text, boolean affectsPreparation,
            LegalPeriods periods) {
        requireStatus(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED);
        if (text == null || text.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "text");
        }
        Instant moved = null;
        Instant earliest = now.plus(periods.clarificationNotice());
        if (affectsPreparation && bidDeadline.isBefore(earliest)) {
            bidDeadline = earliest;
            moved = earliest;
        }
        Clarification clarification = new Clarification(clarificationId, now, text.strip(), affectsPreparation, moved);
        clarifications.add(clarification);
        return clarification;
    }

    /**
     * Raises an objection to the tender documents. Reg. 22: allowed up to 10 days before the deadline; the tenderee
     * answers within 3 days and the procedure is suspended until then.
     */
    public Objection raiseObjection(UUID objectionId, Instant now, UUID objectorId, String text, LegalPeriods periods) {
        requireStatus(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED);
        if (text == null || text.isBlank()) {
            throw new DomainException(TenderingError.INVALID_TENDER, "text");
        }
        if (now.isAfter(bidDeadline.minus(periods.objectionCutoff()))) {
            throw new DomainException(TenderingError.REG_22_OBJECTION_TOO_LATE, periods.objectionCutoff().toDays());
        }
        Objection objection = new Objection(objectionId, now, objectorId, text.strip(), now.plus(periods.objectionAnswer()),
                null, null);
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
            bidDeadline = bidDeadline.plus(Duration.between(suspendedAt, now));
            suspendedAt = null;
            status = TenderStatus.PUBLISHED;
        }
        return answered;
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

    /** Whether bids are accepted at {@code now}: published, not suspended, strictly before the deadline. */
    public boolean acceptsBids(Instant now) {
        return acceptsBids(status, bidDeadline, now);
    }

    /**
     * The rule itself, for a tender known only by its status and deadline (what other contexts are given): bids are
     * accepted only while PUBLISHED (Reg. 22: a suspended tender's 招标投标活动 are suspended) and strictly before the
     * deadline by the platform's clock (Law 28).
     */
    public static boolean acceptsBids(TenderStatus status, Instant bidDeadline, Instant now) {
        return status == TenderStatus.PUBLISHED && now.isBefore(bidDeadline);
    }

    private static void checkDeposit(TenderTerms terms, LegalPeriods periods) {
        Money ceiling = terms.estimatedPrice().percent(periods.maxDepositPercent());
        if (terms.deposit().isGreaterThan(ceiling)) {
            throw new DomainException(TenderingError.REG_26_DEPOSIT_TOO_HIGH, terms.deposit(), ceiling,
                    periods.maxDepositPercent().stripTrailingZeros().toPlainString());
        }
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

    public long version() {
        return version;
    }
}
