package org.sunbid.platform.tendering;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.NewProject;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.domain.Tender;

/**
 * The tendering context's API. Each command loads the tender, lets the aggregate apply the law, stores it and
 * appends to the transparency log, all in one transaction. Who may act: the tender's tenderee and agency for their
 * own tenders; bidders raise objections; the system closes bidding at the deadline. A draft is visible only to its
 * owners and to staff of its region; a published tender is public.
 */
@Service
public class Tenders {

    private static final Logger log = LoggerFactory.getLogger(Tenders.class);
    private static final List<TenderStatus> PUBLIC = List.of(TenderStatus.PUBLISHED, TenderStatus.SUSPENDED,
            TenderStatus.BIDDING_CLOSED, TenderStatus.TERMINATED);

    private final TenderRepository repository;
    private final Organisations organisations;
    private final Regions regions;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Registrations registrations;
    private final Procedures procedures;
    private final Projects projects;
    private final ApplicationEventPublisher events;
    private final ConfidentialRecords confidential;
    private final FilingStates filingStates;
    private final MethodApprovalRepository methodApprovals;
    private final TenderInvitations invitations;
    /** Asked lazily: a gate (in a context above) may itself use {@link Tenders}. */
    private final org.springframework.beans.factory.ObjectProvider<PublicationGate> gates;

    Tenders(TenderRepository repository, Organisations organisations, Regions regions, AuditLog auditLog, Clock clock,
            TransactionTemplate tx, Registrations registrations, ApplicationEventPublisher events,
            ConfidentialRecords confidential, Procedures procedures, Projects projects, FilingStates filingStates,
            MethodApprovalRepository methodApprovals, TenderInvitations invitations,
            org.springframework.beans.factory.ObjectProvider<PublicationGate> gates) {
        this.gates = gates;
        this.methodApprovals = methodApprovals;
        this.invitations = invitations;
        this.filingStates = filingStates;
        this.procedures = procedures;
        this.projects = projects;
        this.confidential = confidential;
        this.events = events;
        this.registrations = registrations;
        this.repository = repository;
        this.organisations = organisations;
        this.regions = regions;
        this.auditLog = auditLog;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Creates a draft: a tenderee for itself, or an agency for the tenderee {@code tendereeId}. The tender belongs to
     * the tenderee's region and is the one lot of a construction project (GCJS, open tender) registered with it.
     */
    @Transactional
    public TenderView create(TenderTerms terms, UUID tendereeId, CurrentUser user) {
        Owners owners = owners(tendereeId, user);
        UUID id = UUID.randomUUID();
        projects.register(new NewProject(DealKind.GCJS.name(), CONSTRUCTION, terms.name(), owners.region(), owners.tenderee(),
                owners.agency(), terms.estimatedPrice(), null, ProjectCategory.WORKS, null,
                List.of(new NewProject.NewLot(id, terms.name(), terms.estimatedPrice()))), user.actor());
        return draft(id, terms, owners, CONSTRUCTION, user);
    }

    /**
     * What a project registered with its tenders takes: the project's fields, and each lot's tender terms (the lot's
     * budget is its terms' estimated price).
     *
     * @param kind          GCJS or ZFCG
     * @param procedureCode a runnable procedure of that kind (GCJS_OPEN_TENDER, ZFCG_OPEN_TENDER, ZFCG_INQUIRY, …)
     * @param name          项目名称
     * @param budget        the project's budget or estimated price
     * @param priceCap      最高限价, or null
     * @param category      works, goods or services
     * @param itemCode      政府采购品目, or null
     * @param lots          one tender's terms per lot
     */
    public record NewTenderProject(String kind, String procedureCode, String name, Money budget, Money priceCap,
            ProjectCategory category, String itemCode, List<TenderTerms> lots) {
    }

    /**
     * Registers a project whose lots each run a tender, and drafts one tender per lot with the lot's id, in one
     * transaction: a refused lot leaves neither project nor tender. The tenderee or agency as for {@link #create}.
     */
    @Transactional
    public ProjectView createProject(NewTenderProject project, UUID tendereeId, CurrentUser user) {
        Owners owners = owners(tendereeId, user);
        // Issue 16: a lot of any runnable method is a tender (its invitation or notice is the publication, its response
        // deadline the bid deadline); deals refuses a procedure that does not run.
        if (project.lots() == null || project.lots().isEmpty()) {
            throw new DomainException(org.sunbid.platform.deals.DealsError.DEALS_INVALID_PROJECT, "lots");
        }
        // Issue 22: a framework agreement's lot is no tender (responses price every item, the collecting body shortlists);
        // procurement's FrameworkAgreements registers it, so this path still refuses the procedure.
        if (FRAMEWORK.equals(project.procedureCode())) {
            throw new DomainException(org.sunbid.platform.deals.DealsError.DEALS_PROCEDURE_NOT_RUNNABLE, FRAMEWORK);
        }
        List<NewProject.NewLot> lots = project.lots().stream()
                .map(t -> new NewProject.NewLot(UUID.randomUUID(), t.name(), t.estimatedPrice())).toList();
        ProjectView registered = projects.register(new NewProject(project.kind(), project.procedureCode(), project.name(),
                owners.region(), owners.tenderee(), owners.agency(), project.budget(), project.priceCap(), project.category(),
                project.itemCode(), lots), user.actor());
        for (int i = 0; i < lots.size(); i++) {
            draft(lots.get(i).id(), project.lots().get(i), owners, registered.procedureCode(), user);
        }
        return registered;
    }

    private static final String CONSTRUCTION = "GCJS_OPEN_TENDER";
    private static final String FRAMEWORK = "ZFCG_FRAMEWORK";

    private record Owners(UUID tenderee, UUID agency, String region) {
    }

    private Owners owners(UUID tendereeId, CurrentUser user) {
        UUID tenderee;
        UUID agency = null;
        if (user.role() == Role.TENDEREE) {
            tenderee = user.organisationId();
        } else if (user.role() == Role.AGENCY) {
            agency = user.organisationId();
            tenderee = tendereeId;
        } else {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Organisation owner = tenderee == null ? null : organisations.find(tenderee).orElse(null);
        if (owner == null || owner.kind() != OrganisationKind.TENDEREE) {
            throw new DomainException(TenderingError.INVALID_TENDER, "tendereeId");
        }
        return new Owners(tenderee, agency, owner.regionCode());
    }

    private TenderView draft(UUID id, TenderTerms terms, Owners owners, String procedureCode, CurrentUser user) {
        Instant now = clock.instant();
        Tender tender = Tender.draft(id, owners.tenderee(), owners.agency(), owners.region(), terms, now,
                procedures.rulesAt(procedureCode, now));
        try {
            repository.insert(tender, now, user.username());
        } catch (DuplicateKeyException e) {
            throw new DomainException(TenderingError.INVALID_TENDER, "projectCode");
        }
        record(tender, "tendering.tender.drafted", user.actor(), Map.of("projectCode", terms.projectCode(),
                "name", terms.name(), "estimatedPrice", terms.estimatedPrice().toString(), "deposit", terms.deposit().toString(),
                "bidDeadline", terms.bidDeadline().toString()));
        return view(tender);
    }

    /**
     * The rules of the procedure the tender's lot runs, in force at {@code now} (the event's date). A tender without a
     * lot cannot exist since V62; construction is the fallback only while a lot is being registered.
     */
    private ProcedureRules rules(Tender tender, Instant now) {
        return procedures.rulesAt(projects.procedureOfLot(tender.id()).orElse(CONSTRUCTION), now);
    }

    /**
     * Publishes the notice: refused while no tender document is uploaded, and, where the region requires filing (招标文件
     * 备案), until the documents as they are now are filed and accepted ({@link TenderFilings}); Law 24, Reg. 16,
     * Reg. 26 checked by the aggregate; a lot by invitation only needs its invitees first ({@link Tender#invitationRefusal}).
     */
    @Transactional
    public TenderView publish(UUID id, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        ProcedureRules rules = rules(tender, now);
        org.sunbid.platform.tendering.domain.FilingState filing = filingStates.state(id, tender.regionCode(), now);
        org.sunbid.platform.deals.ProcurementIntention intention = projects.intentionOfLot(id).orElse(null);
        org.sunbid.platform.tendering.domain.MethodApproval approval = methodApprovals.latest(id).orElse(null);
        org.sunbid.platform.kernel.DomainException refusal = tender.publicationRefusal(now, rules, repository.documentCount(id),
                filing, intention, approval);
        if (refusal == null) {
            refusal = Tender.invitationRefusal(rules, invitations.count(id));
        }
        if (refusal == null) {
            refusal = gateRefusal(id, now, tender.bidDeadline(), rules);
        }
        if (refusal != null) {
            throw refusal;
        }
        tender.publish(now, rules, repository.documentCount(id), filing, intention, approval);
        repository.update(tender, now, user.username());
        record(tender, "tendering.tender.published", user.actor(), Map.of("bidDeadline", tender.bidDeadline().toString(),
                "documentsAvailableUntil", tender.terms().documentsAvailableUntil().toString()));
        events.publishEvent(new TenderPublished(tender.id(), tender.regionCode(), tender.tendereeId()));
        return view(tender);
    }

    /** The first refusal of a {@link PublicationGate} (e.g. an auction lot's schedule against its rules), or null. */
    private org.sunbid.platform.kernel.DomainException gateRefusal(UUID lotId, Instant now, Instant bidDeadline,
            ProcedureRules rules) {
        for (PublicationGate gate : gates.orderedStream().toList()) {
            java.util.Optional<org.sunbid.platform.kernel.DomainException> refusal = gate.refusal(lotId, now, bidDeadline, rules);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        return null;
    }

    /** What publishing the owner's draft now would do: the same rules as {@link #publish}, nothing changed. */
    public PublicationCheck publicationCheck(UUID id, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        int documents = repository.documentCount(id);
        ProcedureRules rules = rules(tender, now);
        org.sunbid.platform.tendering.domain.FilingState filing = filingStates.state(id, tender.regionCode(), now);
        org.sunbid.platform.kernel.DomainException refusal = tender.publicationRefusal(now, rules, documents, filing,
                projects.intentionOfLot(id).orElse(null), methodApprovals.latest(id).orElse(null));
        if (refusal == null) {
            refusal = Tender.invitationRefusal(rules, invitations.count(id));
        }
        if (refusal == null) {
            refusal = gateRefusal(id, now, tender.bidDeadline(), rules);
        }
        return new PublicationCheck(refusal, documents, now,
                tender.terms().documentsAvailableUntil(), tender.bidDeadline(), tender.clarificationCutoff(rules),
                tender.objectionCutoff(rules), rules.find(RuleKeys.OBJECTION_ANSWER).map(org.sunbid.platform.deals.domain.Limit::whole).orElse(0), filing.requirement().required(),
                filing.allowsPublication());
    }

    /** The owner revises a draft's terms (the tenderee stays); logged like the draft itself. */
    @Transactional
    public TenderView revise(UUID id, TenderTerms terms, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        Instant before = tender.bidDeadline();
        tender.revise(terms, now, rules(tender, now));
        try {
            repository.updateTerms(tender, now, user.username());
        } catch (DuplicateKeyException e) {
            throw new DomainException(TenderingError.INVALID_TENDER, "projectCode");
        }
        projects.reviseLot(tender.id(), terms.name(), terms.estimatedPrice(), user.actor());
        record(tender, "tendering.tender.revised", user.actor(), Map.of("projectCode", terms.projectCode(),
                "name", terms.name(), "estimatedPrice", terms.estimatedPrice().toString(), "deposit", terms.deposit().toString(),
                "bidDeadline", terms.bidDeadline().toString()));
        deadlineMoved(tender, before, "revision");
        return view(tender);
    }

    /**
     * The owner deletes a draft: it disappears from every page and its project code is free again; the row stays
     * (documents uploaded to it are append-only) and the deletion is logged. Only a draft: a published notice is
     * terminated, never deleted.
     */
    @Transactional
    public void deleteDraft(UUID id, CurrentUser user) {
        Tender tender = owned(id, user);
        if (tender.status() != TenderStatus.DRAFT) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE, tender.status());
        }
        repository.markDeleted(tender, clock.instant(), user.username());
        record(tender, "tendering.tender.deleted", user.actor(), Map.of("projectCode", tender.terms().projectCode()));
    }

    /** Issues a clarification; the deadline moves if Law 23 / Reg. 21 require it. */
    @Transactional
    public Clarification clarify(UUID id, String text, boolean affectsPreparation, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        Instant before = tender.bidDeadline();
        Clarification c = tender.clarify(UUID.randomUUID(), now, text, affectsPreparation, rules(tender, now));
        repository.update(tender, now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clarificationId", c.id().toString());
        payload.put("textSm3", org.sunbid.crypto.Sm3.hex(c.text()));
        payload.put("affectsPreparation", c.affectsPreparation());
        payload.put("deadlineMovedTo", c.deadlineMovedTo() == null ? null : c.deadlineMovedTo().toString());
        record(tender, "tendering.clarification.issued", user.actor(), payload);
        deadlineMoved(tender, before, "clarification");
        return c;
    }

    /** A bidder objects to the tender documents (Reg. 22); the procedure is suspended until answered. */
    @Transactional
    public TenderView.ObjectionView raiseObjection(UUID id, String text, CurrentUser user) {
        if (user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Tender tender = visibleOrThrow(id, user);
        Instant now = clock.instant();
        Objection o = tender.raiseObjection(UUID.randomUUID(), now, user.organisationId(), text, rules(tender, now));
        repository.update(tender, now, user.username());
        // Who objected points at a likely bidder, so the entry stays sealed; not merely until today's deadline, which
        // this very objection will move. It is disclosed at opening.
        long sealedSeq = auditLog.append(AuditRecord.of("tendering.objection.raised", tender.id().toString(), tender.regionCode(),
                user.actor(), Map.of("objectionId", o.id().toString(), "objectorId", o.objectorId().toString(),
                        "textSm3", org.sunbid.crypto.Sm3.hex(o.text()))).sealed()).seq();
        repository.objectionLogged(o.id(), sealedSeq);
        record(tender, "tendering.tender.suspended", Actor.SYSTEM, Map.of("answerDue", o.answerDue().toString()));
        return objectionView(o, now);
    }

    /** The tenderee or agency answers an objection; the last answer resumes the procedure with the deadline extended. */
    @Transactional
    public TenderView answerObjection(UUID id, UUID objectionId, String answer, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        Instant before = tender.bidDeadline();
        Objection o = tender.answerObjection(objectionId, now, answer);
        repository.update(tender, now, user.username());
        record(tender, "tendering.objection.answered", user.actor(), Map.of("objectionId", o.id().toString(),
                "late", o.late(now), "answerSm3", org.sunbid.crypto.Sm3.hex(o.answer()),
                "bidDeadline", tender.bidDeadline().toString(), "status", tender.status().name()));
        deadlineMoved(tender, before, "objection");
        return view(tender);
    }

    /**
     * The department handling complaint {@code complaintId} suspends the lot until {@code until} (政府采购法 Art. 57;
     * 招标投标法实施条例 Art. 62): for the complaints context, which checked the department and its limit. The bid
     * deadline moves when the suspension begins before it ({@link Tender#suspendForComplaint}). Logged.
     */
    @Transactional
    public TenderView suspendForComplaint(UUID id, UUID complaintId, Instant until, Actor actor) {
        Tender tender = repository.find(id).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, id));
        Instant now = clock.instant();
        Instant before = tender.bidDeadline();
        ComplaintSuspension s = tender.suspendForComplaint(complaintId, now, until);
        repository.update(tender, now, actor.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("complaintId", complaintId.toString());
        payload.put("until", until.toString());
        payload.put("bidDeadline", tender.bidDeadline().toString());
        payload.put("deadlineMoved", s.movesDeadline());
        payload.put("rule", "《政府采购法》第五十七条／《招标投标法实施条例》第六十二条");
        record(tender, "tendering.tender.suspended-by-complaint", actor, payload);
        deadlineMoved(tender, before, "complaint");
        return view(tender);
    }

    /**
     * The complaint's suspension of the lot ends now (lifted, or the complaint decided); one already over by its own
     * end changes nothing. Logged when it changed something.
     */
    @Transactional
    public TenderView endComplaintSuspension(UUID id, UUID complaintId, Actor actor) {
        Tender tender = repository.find(id).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, id));
        Instant now = clock.instant();
        Instant before = tender.bidDeadline();
        if (tender.endComplaintSuspension(complaintId, now).isPresent()) {
            repository.update(tender, now, actor.username());
            record(tender, "tendering.tender.resumed-after-complaint", actor, Map.of("complaintId", complaintId.toString(),
                    "bidDeadline", tender.bidDeadline().toString()));
            deadlineMoved(tender, before, "complaint");
        }
        return view(tender);
    }

    /** Ends the procedure. */
    @Transactional
    public TenderView terminate(UUID id, String reason, CurrentUser user) {
        Tender tender = owned(id, user);
        Instant now = clock.instant();
        tender.terminate(now, reason);
        repository.update(tender, now, user.username());
        record(tender, "tendering.tender.terminated", user.actor(), Map.of("reason", reason.strip()));
        return view(tender);
    }

    /**
     * Whether lot {@code id}'s rules at {@code at} have bids placed live in an auction room (LIVE_BIDDING, issue 17):
     * then the registrants are not disclosed when applications close, since each qualified bidder bids under a number
     * whose identity stays sealed until bidding ends (39号令 Art. 10; 32号令 Art. 22), and the auction context calls
     * {@link #discloseRegistrations} then.
     */
    public boolean liveBidding(UUID id, Instant at) {
        return projects.procedureOfLot(id).map(code -> procedures.rulesAt(code, at).holds(RuleKeys.LIVE_BIDDING)).orElse(false);
    }

    /**
     * Discloses the registrations of live-bidding lot {@code id} in a public log entry (what closing does for other
     * lots), once its bidding ended: called by the context that runs the auction. Refused for a lot not closed.
     */
    @Transactional
    public void discloseRegistrations(UUID id) {
        Tender tender = repository.find(id).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, id));
        if (tender.status() != TenderStatus.BIDDING_CLOSED) {
            throw new DomainException(TenderingError.REGISTRATIONS_SEALED);
        }
        registrations.disclose(tender);
    }

    /** Closes bidding on every published tender whose deadline has passed. Runs every few seconds. */
    @Scheduled(fixedDelayString = "${sunbid.tendering.close-interval:PT5S}")
    public void closeDueTenders() {
        Instant now = clock.instant();
        for (UUID id : repository.duePublished(now)) {
            close(id, now);
        }
    }

    /**
     * Closes lot {@code id} if its bid deadline has passed (what {@link #closeDueTenders} does for each due lot), and
     * says whether it did: for a caller that must close one lot and no other (tests whose clock runs past other lots'
     * deadlines).
     */
    public boolean closeIfDue(UUID id) {
        Instant now = clock.instant();
        return repository.duePublished(now).contains(id) && close(id, now);
    }

    private boolean close(UUID id, Instant now) {
        try {
            tx.executeWithoutResult(s -> {
                Tender tender = repository.find(id).orElseThrow();
                tender.closeBidding(now);
                repository.update(tender, now, Actor.SYSTEM.username());
                record(tender, "tendering.bidding.closed", Actor.SYSTEM, Map.of("bidDeadline", tender.bidDeadline().toString()));
                confidential.commit(); // what happened up to the deadline is committed before it is disclosed
                if (!liveBidding(tender.id(), now)) {
                    registrations.disclose(tender);
                } // a live-bidding lot's registrants stay sealed until bidding ends (auction calls discloseRegistrations)
                discloseObjectors(tender);
                invitations.disclose(tender);
                events.publishEvent(new BiddingClosed(tender.id(), tender.regionCode()));
            });
            return true;
        } catch (DomainException e) {
            log.debug("tender {} not closed: {}", id, e.getMessage()); // changed meanwhile; the next run retries
            return false;
        }
    }

    /**
     * When bidding closes, who objected is no longer a secret that protects the objector (Law 22): each sealed entry
     * is disclosed in a public one repeating its salted details and payload, which anyone can check against the
     * commitment the sealed entry published.
     */
    private void discloseObjectors(Tender tender) {
        for (long seq : repository.objectionEntries(tender.id())) {
            AuditLog.Withheld w = auditLog.withheld(seq);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sealedSeq", seq);
            payload.put("details", w.details());
            payload.put("payload", w.payload());
            record(tender, "tendering.objection.disclosed", Actor.SYSTEM, payload);
        }
    }

    /** A tender the caller may see: public once published; a draft only for its owners and the region's staff. */
    public TenderView get(UUID id, CurrentUser user) {
        return view(visibleOrThrow(id, user));
    }

    /**
     * A published (or later) tender as the platform itself reads it, for another context acting on its own (the
     * scheduled expert draw); never a draft.
     */
    public java.util.Optional<TenderView> findPublished(UUID id) {
        return repository.find(id).filter(t -> t.status() != TenderStatus.DRAFT).map(this::view);
    }

    /**
     * When published tender {@code id} was terminated (终止), for the public record (issue 18, OCDS: the tender's
     * cancellation); empty while it was not.
     */
    public java.util.Optional<java.time.Instant> terminatedAt(UUID id) {
        return repository.terminatedAt(id);
    }

    /**
     * Any tender, draft or not, as the platform itself reads it: for a context above that judges a lot it keeps facts
     * about (an auction lot's terms and publication gate, issue 17); never shown to a caller as such.
     */
    public java.util.Optional<TenderView> find(UUID id) {
        return repository.find(id).map(this::view);
    }

    /** Whether {@code user} owns the tender (its tenderee's or agency's staff). */
    public boolean owns(UUID id, CurrentUser user) {
        Tender t = repository.find(id).orElse(null);
        return t != null && user != null && owns(t, user);
    }

    /** A tender the caller owns (as tenderee or agency); others are refused as by {@link #get} and then forbidden. */
    public TenderView asOwner(UUID id, CurrentUser user) {
        return view(owned(id, user));
    }

    /** A tender's deposit terms, for the payments context; a draft has none. */
    public DepositTerms depositTerms(UUID id) {
        return depositTerms(repository.depositTerms(id, false), id);
    }

    /**
     * A tender's deposit terms, the tender held (share-locked) until the caller's transaction ends, so that bidding
     * cannot close between reading the terms and recording a deposit against them.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public DepositTerms depositTermsHeld(UUID id) {
        return depositTerms(repository.depositTerms(id, true), id);
    }

    /** The terms as read from the tender's row (issue 21: not through the whole aggregate); a draft has none. */
    private static DepositTerms depositTerms(java.util.Optional<DepositTerms> found, UUID id) {
        return found.filter(x -> x.status() != TenderStatus.DRAFT)
                .orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, id));
    }

    /** Whether {@code user} may see a tender's confidential lists once bidding has closed: its owners and the region's staff. */
    public boolean mayInspect(UUID id, CurrentUser user) {
        Tender t = repository.find(id).orElse(null);
        return t != null && user != null && (owns(t, user) || user.seesAllRegions()
                || (user.seesRegionSubtree() && regions.isWithin(t.regionCode(), user.regionCode())));
    }

    /** The public notices, newest first. */
    public List<TenderView> published(int limit) {
        return repository.withStatus(PUBLIC, Math.max(1, Math.min(limit, 200))).stream().map(this::view).toList();
    }

    /** The latest published tenders but those {@code except} names (a higher context's own kind of notice), newest first. */
    public List<TenderView> publishedExcept(java.util.Collection<UUID> except, int limit) {
        return repository.withStatusAmong(PUBLIC, except, false, Math.max(1, Math.min(limit, 200))).stream().map(this::view).toList();
    }

    /** The latest published tenders among those {@code ids} names, newest first. */
    public List<TenderView> publishedAmong(java.util.Collection<UUID> ids, int limit) {
        return repository.withStatusAmong(PUBLIC, ids, true, Math.max(1, Math.min(limit, 200))).stream().map(this::view).toList();
    }

    /** The tenders of the caller's organisation (as tenderee or agency). */
    public List<TenderView> ofMyOrganisation(CurrentUser user) {
        return user.organisationId() == null ? List.of()
                : repository.ofOrganisation(user.organisationId()).stream().map(this::view).toList();
    }

    /** The caller's organisation's drafts (to be completed and published, or deleted): a tenderee's or agency's to-do. */
    public List<TenderView> draftsOf(CurrentUser user) {
        return ofMyOrganisation(user).stream().filter(t -> t.status() == TenderStatus.DRAFT).toList();
    }

    /**
     * The caller's organisation's tenders with an objection to the documents still unanswered (Reg. 22: the tenderee
     * answers within 3 days and the procedure stays suspended until then): a tenderee's or agency's to-do.
     */
    public List<TenderView> objectionsAwaitingAnswer(CurrentUser user) {
        return ofMyOrganisation(user).stream()
                .filter(t -> t.objections().stream().anyMatch(TenderView.ObjectionView::awaitingAnswer)).toList();
    }

    private Tender visibleOrThrow(UUID id, CurrentUser user) {
        Tender tender = repository.find(id).orElseThrow(() -> new DomainException(TenderingError.TENDER_NOT_FOUND, id));
        if (tender.status() != TenderStatus.DRAFT || owns(tender, user) || (user != null
                && (user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(tender.regionCode(), user.regionCode()))))) {
            return tender;
        }
        throw new DomainException(TenderingError.TENDER_NOT_FOUND, id);
    }

    private Tender owned(UUID id, CurrentUser user) {
        Tender tender = visibleOrThrow(id, user);
        if (!owns(tender, user)) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return tender;
    }

    private static boolean owns(Tender tender, CurrentUser user) {
        return user != null && user.organisationId() != null
                && (user.organisationId().equals(tender.tendereeId()) || user.organisationId().equals(tender.agencyId()));
    }

    /** Publishes {@link BidDeadlineMoved} when the deadline is no longer {@code before}. */
    private void deadlineMoved(Tender tender, Instant before, String cause) {
        if (!tender.bidDeadline().equals(before)) {
            events.publishEvent(new BidDeadlineMoved(tender.id(), tender.regionCode(), before, tender.bidDeadline(), cause));
        }
    }

    private void record(Tender tender, String action, Actor actor, Map<String, Object> payload) {
        auditLog.record(AuditRecord.of(action, tender.id().toString(), tender.regionCode(), actor, payload));
    }

    private TenderView view(Tender t) {
        Instant now = clock.instant();
        return new TenderView(t.id(), t.terms(), t.tendereeId(), t.agencyId(), t.regionCode(), t.status(), t.bidDeadline(),
                t.publishedAt(), t.clarifications(), t.objections().stream().map(o -> objectionView(o, now)).toList());
    }

    private static TenderView.ObjectionView objectionView(Objection o, Instant now) {
        return new TenderView.ObjectionView(o.id(), o.raisedAt(), o.text(), o.answerDue(), o.answeredAt(), o.answer(), o.late(now));
    }
}
