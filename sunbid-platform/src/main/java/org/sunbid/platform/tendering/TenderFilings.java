package org.sunbid.platform.tendering;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.domain.FilingRequirement;
import org.sunbid.platform.tendering.domain.FilingRule;
import org.sunbid.platform.tendering.domain.FilingState;
import org.sunbid.platform.tendering.domain.TenderFiling;

/**
 * Filing of tender documents with the supervisor before publication (招标文件备案), a step of the procedure where the
 * tender's region requires it (the region's rule, inherited down the region tree, {@link FilingStates}). The owner
 * (tenderee or agency) files a draft's documents with the supervision department of the tender's region (the nearest
 * up the tree); that department accepts, or returns them with its reasons, within the region's time limit (a later
 * decision is still taken, and flagged). Publication waits for an accepted filing of the documents as they are
 * ({@link Tenders#publish}). Each filing and decision is in the transparency log; filings are never changed (a returned
 * one is filed again as a new filing).
 */
@Service
public class TenderFilings {

    /** The log action flagging a decision taken after the region's time limit (on the supervisors' home page). */
    public static final String OVERDUE = "tendering.filing.overdue";

    private final FilingRepository filings;
    private final FilingStates states;
    private final Tenders tenders;
    private final Organisations organisations;
    private final Regions regions;
    private final Calendars calendars;
    private final AuditLog auditLog;
    private final Clock clock;

    TenderFilings(FilingRepository filings, FilingStates states, Tenders tenders, Organisations organisations, Regions regions,
            Calendars calendars, AuditLog auditLog, Clock clock) {
        this.filings = filings;
        this.states = states;
        this.tenders = tenders;
        this.organisations = organisations;
        this.regions = regions;
        this.calendars = calendars;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the tender's region requires now, for whoever may see the tender. */
    public FilingRequirementView requirement(UUID tenderId, CurrentUser user) {
        TenderView tender = tenders.get(tenderId, user);
        Instant now = clock.instant();
        FilingState state = states.state(tenderId, tender.regionCode(), now);
        FilingRequirement r = state.requirement();
        Organisation supervisor = r.required() ? supervisorOf(tender.regionCode()) : null;
        return new FilingRequirementView(r.required(), r.regionCode(), r.review() == null ? null : r.review().plain(),
                r.review() == null ? null : r.review().unit().name(), r.review() == null ? null : r.basis(),
                supervisor == null ? null : supervisor.id(), supervisor == null ? null : supervisor.name(),
                state.allowsPublication());
    }

    /**
     * The owner files the draft's documents as they are now. Refused where the region requires no filing
     * ({@code FILING_NOT_REQUIRED}), without documents, when these very documents are already filed and not returned
     * ({@code FILING_ALREADY_FILED}), when no supervision department serves the region, and for anything but a draft.
     */
    @Transactional
    public FilingView file(UUID tenderId, CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        if (tender.status() != TenderStatus.DRAFT) {
            throw new DomainException(TenderingError.INVALID_TENDER_STATE, tender.status());
        }
        Instant now = clock.instant();
        FilingRequirement requirement = states.requirement(tenderId, tender.regionCode(), now);
        if (!requirement.required()) {
            throw new DomainException(TenderingError.FILING_NOT_REQUIRED);
        }
        List<TenderFiling.FiledDocument> documents = filings.currentDocuments(tenderId);
        TenderFiling latest = filings.latest(tenderId).orElse(null);
        if (latest != null && latest.covers(documents) && latest.status() != FilingStatus.RETURNED) {
            throw new DomainException(TenderingError.FILING_ALREADY_FILED);
        }
        Organisation supervisor = supervisorOf(tender.regionCode());
        if (supervisor == null) {
            throw new DomainException(TenderingError.FILING_NO_SUPERVISOR);
        }
        TenderFiling filing = TenderFiling.file(UUID.randomUUID(), tenderId, latest == null ? 1 : latest.number() + 1, documents,
                supervisor.id(), now, user.username(), user.organisationId(), requirement,
                requirement.review().endAfter(now, calendars.workingDays()));
        try {
            filings.insert(filing);
        } catch (DuplicateKeyException e) { // another filing of the same tender committed meanwhile
            throw new DomainException(TenderingError.FILING_ALREADY_FILED);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("filingId", filing.id().toString());
        payload.put("number", (long) filing.number());
        payload.put("documentsSm3", filing.documentsSm3());
        payload.put("documents", (long) documents.size());
        payload.put("supervisor", supervisor.name());
        payload.put("dueAt", filing.due().toString());
        payload.put("basis", requirement.basis());
        record(tender, "tendering.filing.filed", user, payload);
        return view(filing, tender, documents, now);
    }

    /**
     * The supervision department the tender is filed with accepts the filing ({@code accept}), or returns it with
     * {@code reasons} (required). Only the latest filing, once; a supervisor of another department is refused (403; one
     * who cannot see the draft at all gets 404, as for the tender). A decision after the time limit is taken and logged
     * as overdue besides ({@link #OVERDUE}), which the supervisors' home page flags.
     */
    @Transactional
    public FilingView decide(UUID tenderId, UUID filingId, boolean accept, String reasons, CurrentUser user) {
        if (user == null || user.role() != Role.SUPERVISOR || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        TenderView tender = tenders.get(tenderId, user);
        TenderFiling filing = filings.find(filingId).filter(f -> f.tenderId().equals(tenderId))
                .orElseThrow(() -> new DomainException(TenderingError.FILING_NOT_FOUND, filingId));
        if (!user.organisationId().equals(filing.supervisorId())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (filing.status() != FilingStatus.PENDING) {
            throw new DomainException(TenderingError.FILING_DECIDED, filing.status());
        }
        if (filings.latest(tenderId).map(l -> !l.id().equals(filing.id())).orElse(false)) {
            throw new DomainException(TenderingError.FILING_SUPERSEDED);
        }
        Instant now = clock.instant();
        if (accept) {
            filing.accept(now, user.username());
        } else {
            filing.returnWith(reasons, now, user.username());
        }
        try {
            filings.insertDecision(filing);
        } catch (DuplicateKeyException e) { // decided by a colleague meanwhile
            throw new DomainException(TenderingError.FILING_DECIDED, filing.status());
        }
        boolean overdue = filing.overdue(now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("filingId", filing.id().toString());
        payload.put("number", (long) filing.number());
        payload.put("documentsSm3", filing.documentsSm3());
        payload.put("reasons", filing.reasons());
        payload.put("dueAt", filing.due().toString());
        payload.put("overdue", overdue);
        record(tender, accept ? "tendering.filing.accepted" : "tendering.filing.returned", user, payload);
        if (overdue) {
            Map<String, Object> flag = new LinkedHashMap<>();
            flag.put("filingId", filing.id().toString());
            flag.put("project", tender.terms().projectCode() + " " + tender.terms().name());
            flag.put("dueAt", filing.due().toString());
            flag.put("decidedAt", now.toString());
            record(tender, OVERDUE, user, flag);
        }
        return view(filing, tender, filings.currentDocuments(tenderId), now);
    }

    /** A tender's filings, the latest first: for its owners and the staff of its region (others: not found). */
    public List<FilingView> history(UUID tenderId, CurrentUser user) {
        TenderView tender = tenders.get(tenderId, user);
        if (!tenders.mayInspect(tenderId, user)) {
            throw new DomainException(TenderingError.FILING_NOT_FOUND, tenderId);
        }
        Instant now = clock.instant();
        List<TenderFiling.FiledDocument> current = filings.currentDocuments(tenderId);
        return filings.history(tenderId).stream().map(f -> view(f, tender, current, now)).toList();
    }

    /**
     * The filings waiting for the caller's supervision department to decide, soonest due first (a supervisor's to-do);
     * empty for anyone else. Only each tender's latest filing: an older one is superseded.
     */
    public List<FilingView> awaitingSupervisor(CurrentUser user) {
        return filedWithMe(user, true, 200);
    }

    /** The latest filing of each tender filed with the caller's supervision department, pending first, then the latest decided. */
    public List<FilingView> filedWithMe(CurrentUser user, boolean pendingOnly, int limit) {
        if (user == null || user.role() != Role.SUPERVISOR || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<FilingView> views = new java.util.ArrayList<>();
        for (TenderFiling f : filings.latestFiledWith(user.organisationId(), pendingOnly, Math.max(1, Math.min(limit, 500)))) {
            try {
                views.add(view(f, tenders.get(f.tenderId(), user), filings.currentDocuments(f.tenderId()), now));
            } catch (DomainException e) {
                // the draft was deleted meanwhile: nothing left to decide
            }
        }
        return views;
    }

    /**
     * Sets a region's filing rule (administrators; maintained data): for {@code appliesTo} (a procedure code, a kind
     * prefix or {@code *}), whether filing is required, the supervisor's time limit in 日 or 工作日 and its basis, from
     * {@code effectiveFrom} (through {@code effectiveTo}, or open). Logged.
     */
    @Transactional
    public void setRule(String regionCode, String appliesTo, boolean required, long reviewAmount, String reviewUnit, String basis,
            LocalDate effectiveFrom, LocalDate effectiveTo, CurrentUser user) {
        if (user == null || user.role() != Role.ADMINISTRATOR) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        regions.get(regionCode);
        FilingRule rule;
        try {
            rule = new FilingRule(regionCode, appliesTo, required,
                    Limit.of(reviewAmount, LimitUnit.valueOf(String.valueOf(reviewUnit)), basis), effectiveFrom, effectiveTo);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainException(TenderingError.INVALID_FILING_RULE, String.valueOf(e.getMessage()));
        }
        Instant now = clock.instant();
        filings.saveRule(rule, now, user.username());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appliesTo", appliesTo);
        payload.put("required", required);
        payload.put("reviewAmount", reviewAmount);
        payload.put("reviewUnit", reviewUnit);
        payload.put("basis", basis);
        payload.put("effectiveFrom", effectiveFrom.toString());
        payload.put("effectiveTo", effectiveTo == null ? null : effectiveTo.toString());
        auditLog.record(AuditRecord.of("tendering.filing.rule.set", regionCode, regionCode, user.actor(), payload));
    }

    private Organisation supervisorOf(String regionCode) {
        return organisations.nearest(OrganisationKind.SUPERVISION_DEPARTMENT, regionCode).orElse(null);
    }

    private void record(TenderView tender, String action, CurrentUser user, Map<String, Object> payload) {
        auditLog.record(AuditRecord.of(action, tender.id().toString(), tender.regionCode(), user.actor(), payload));
    }

    private FilingView view(TenderFiling f, TenderView tender, List<TenderFiling.FiledDocument> current, Instant now) {
        String supervisor = organisations.find(f.supervisorId()).map(Organisation::name).orElse("");
        return new FilingView(f.id(), f.tenderId(), tender.terms().projectCode(), tender.terms().name(), f.number(),
                f.documents().stream().map(d -> new FilingView.Document(d.name(), d.sm3())).toList(), f.documentsSm3(),
                f.supervisorId(), supervisor, f.filedAt(), f.filedBy(), f.due(), f.review().plain(), f.review().unit().name(),
                f.review().article(), f.status(), f.reasons(), f.decidedAt(), f.decidedBy(), f.overdue(now), f.covers(current));
    }
}
