package org.sunbid.platform.tendering;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.LotView;
import org.sunbid.platform.deals.MethodCondition;
import org.sunbid.platform.deals.MethodConditions;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.domain.MethodApproval;

/**
 * Approval of a lot's procurement method (采购方式审批; 政府采购法 Art. 27, 实施条例 Art. 23, 74号令 Art. 4) and the
 * single-source publicity before it (实施条例 Art. 38; 74号令 Art. 38–40). The project's owner or agency asks, choosing
 * at least one of the method's conditions of use (deals' maintained list) and giving reasons; above the open-tender
 * threshold the request goes to the supervision (finance) department nearest up the region tree, which approves or
 * refuses with reasons; at or below it the conditions are recorded and shown, nothing is decided. For a unique supplier
 * above the threshold the request opens a publicity; during it any supplier may object, and the owner reviews each
 * objection; an unreviewed objection past its due time is flagged to the supervisor ({@link #OVERDUE}). Publication of
 * the lot waits for an approval in force ({@link Tenders#publish}). Each step is in the transparency log; the records
 * are append-only (a refused request is followed by a new one).
 */
@Service
public class MethodApprovals {

    /** The log action flagging an objection review past its due time (on the supervisors' home page). */
    public static final String OVERDUE = "tendering.single-source.review-overdue";

    private final MethodApprovalRepository repository;
    private final Projects projects;
    private final Procedures procedures;
    private final MethodConditions conditions;
    private final Organisations organisations;
    private final Regions regions;
    private final Calendars calendars;
    private final AuditLog auditLog;
    private final Clock clock;

    MethodApprovals(MethodApprovalRepository repository, Projects projects, Procedures procedures, MethodConditions conditions,
            Organisations organisations, Regions regions, Calendars calendars, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.procedures = procedures;
        this.conditions = conditions;
        this.organisations = organisations;
        this.regions = regions;
        this.calendars = calendars;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * What the owner asks: the chosen condition codes, the reasons, and for a unique supplier above the threshold the
     * proposed supplier and the experts' opinions.
     */
    public record NewRequest(List<String> conditions, String reasons, String supplierName, String expertOpinions) {
    }

    /**
     * The project's owner or agency requests approval of the lot's method (or, at or below the threshold, records the
     * chosen conditions). Refused: an unknown condition, no reasons, a unique supplier without its publicity's content,
     * a lot whose latest request is pending, approved or recorded ({@code METHOD_APPROVAL_ALREADY_REQUESTED}), no
     * department serving the region, anyone but the owner's or agency's staff.
     */
    @Transactional
    public MethodApprovalView request(UUID lotId, NewRequest input, CurrentUser user) {
        ProjectView project = owned(lotId, user);
        LotView lot = lot(project, lotId);
        Instant now = clock.instant();
        ProcedureRules rules = procedures.rulesAt(project.procedureCode(), now);
        boolean required = MethodApproval.required(rules, lot.budget());
        List<MethodCondition> chosen = conditions.chosen(project.procedureCode(),
                input.conditions() == null ? List.of() : input.conditions().stream().distinct().toList(), rules.date());
        MethodApproval latest = repository.latest(lotId).orElse(null);
        if (latest != null && !latest.allowsNewRequest(required)) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_ALREADY_REQUESTED);
        }
        Organisation department = null;
        if (required) {
            department = organisations.nearest(OrganisationKind.SUPERVISION_DEPARTMENT, project.regionCode())
                    .orElseThrow(() -> new DomainException(TenderingError.METHOD_APPROVAL_NO_DEPARTMENT));
        }
        MethodApproval approval = MethodApproval.request(UUID.randomUUID(), lotId, latest == null ? 1 : latest.number() + 1,
                project.procedureCode(), chosen.stream().map(MethodCondition::code).toList(), input.reasons(), lot.budget(),
                rules, department == null ? null : department.id(), chosen.stream().anyMatch(MethodCondition::requiresPublicity),
                input.supplierName(), input.expertOpinions(), now, user.username(), user.organisationId());
        try {
            repository.insert(approval);
        } catch (DuplicateKeyException e) { // another request for the lot committed meanwhile
            throw new DomainException(TenderingError.METHOD_APPROVAL_ALREADY_REQUESTED);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", approval.id().toString());
        payload.put("lotCode", lot.lotCode());
        payload.put("procedure", project.procedureCode());
        payload.put("conditions", approval.conditions());
        payload.put("reasons", approval.reasons());
        payload.put("budget", lot.budget().toString());
        payload.put("threshold", approval.threshold() == null ? null : approval.threshold().toString());
        payload.put("approvalRequired", required);
        payload.put("department", department == null ? null : department.name());
        payload.put("basis", approval.basis());
        if (approval.publicity() != null) {
            payload.put("supplier", approval.publicity().supplierName());
            payload.put("expertOpinions", approval.publicity().expertOpinions());
            payload.put("publicityEndsAt", approval.publicity().endsAt().toString());
            payload.put("publicityRule", approval.publicity().publicityRule());
        }
        record(project, lotId, required ? "tendering.method.requested" : "tendering.method.recorded", user.actor(), payload);
        if (approval.publicity() != null) {
            record(project, lotId, "tendering.single-source.publicity-opened", user.actor(), Map.of("requestId",
                    approval.id().toString(), "supplier", approval.publicity().supplierName(), "endsAt",
                    approval.publicity().endsAt().toString()));
        }
        return view(approval, project, now, false);
    }

    /**
     * The department the request was sent to approves or refuses it (refusal with reasons). Only its supervisors: one
     * who cannot see the project gets 404, any other 403. Refused before the publicity has ended, while an objection
     * awaits review, and after an objection was upheld ({@link MethodApproval#decisionRefusal}).
     */
    @Transactional
    public MethodApprovalView decide(UUID lotId, UUID requestId, boolean approve, String reasons, CurrentUser user) {
        ProjectView project = visible(lotId, user);
        MethodApproval approval = ofLot(lotId, requestId);
        if (user.role() == Role.SUPERVISOR && !approval.approvalRequired()) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_NOT_REQUIRED);
        }
        if (user.role() != Role.SUPERVISOR || user.organisationId() == null
                || !user.organisationId().equals(approval.departmentId())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Instant now = clock.instant();
        approval.decide(approve, reasons, now, user.username());
        try {
            repository.insertDecision(approval);
        } catch (DuplicateKeyException e) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_DECIDED, approval.status());
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", approval.id().toString());
        payload.put("lotCode", lot(project, lotId).lotCode());
        payload.put("procedure", approval.procedureCode());
        payload.put("conditions", approval.conditions());
        payload.put("reasons", approval.decision().reasons());
        payload.put("basis", approval.basis());
        record(project, lotId, approve ? "tendering.method.approved" : "tendering.method.refused", user.actor(), payload);
        return view(approval, project, now, false);
    }

    /**
     * A supplier (a bidder's staff) objects to a running single-source publicity, with reasons (74号令 Art. 39). Anyone
     * else is refused (403); after the publicity {@code GPR_38_SINGLE_SOURCE_PUBLICITY_ENDED}.
     */
    @Transactional
    public MethodApprovalView object(UUID lotId, UUID requestId, String reasons, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        ProjectView project = projects.ofLot(lotId)
                .orElseThrow(() -> new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, lotId));
        MethodApproval approval = ofLot(lotId, requestId);
        Instant now = clock.instant();
        Organisation objector = organisations.find(user.organisationId()).orElseThrow();
        MethodApproval.Objection o = approval.object(UUID.randomUUID(), objector.id(), objector.name(), reasons, now,
                user.username(), calendars.workingDays());
        repository.insertObjection(approval.id(), o);
        record(project, lotId, "tendering.single-source.objection-raised", user.actor(), Map.of("requestId",
                approval.id().toString(), "objectionId", o.id().toString(), "objector", objector.name(), "reasons", o.reasons(),
                "reviewDue", o.reviewDue().toString()));
        return view(approval, project, now, true);
    }

    /** The project's owner or agency records its review of an objection (74号令 Art. 40), once; a late one is logged as such. */
    @Transactional
    public MethodApprovalView review(UUID lotId, UUID requestId, UUID objectionId, boolean upheld, String outcome,
            CurrentUser user) {
        ProjectView project = owned(lotId, user);
        MethodApproval approval = ofLot(lotId, requestId);
        Instant now = clock.instant();
        MethodApproval.Objection o = approval.review(objectionId, upheld, outcome, now, user.username());
        try {
            repository.insertReview(o);
        } catch (DuplicateKeyException e) {
            throw new DomainException(TenderingError.SINGLE_SOURCE_OBJECTION_REVIEWED);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", approval.id().toString());
        payload.put("objectionId", o.id().toString());
        payload.put("upheld", upheld);
        payload.put("outcome", o.review().outcome());
        payload.put("reviewDue", o.reviewDue().toString());
        payload.put("overdue", o.review().overdue());
        record(project, lotId, "tendering.single-source.objection-reviewed", user.actor(), payload);
        return view(approval, project, now, false);
    }

    /** The lot's requests, the latest first: for the owner, the agency and the staff of the project's region. */
    public List<MethodApprovalView> history(UUID lotId, CurrentUser user) {
        ProjectView project = visible(lotId, user);
        Instant now = clock.instant();
        return repository.ofLot(lotId).stream().map(a -> view(a, project, now, false)).toList();
    }

    /** The lot's requests as the public sees them (the latest first; requester and objectors left out). */
    public List<MethodApprovalView> publicHistory(UUID lotId) {
        ProjectView project = projects.ofLot(lotId).orElse(null);
        if (project == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return repository.ofLot(lotId).stream().map(a -> view(a, project, now, true)).toList();
    }

    /** Every single-source publicity running now, soonest end first (public: suppliers object during it). */
    public List<MethodApprovalView> runningPublicities() {
        Instant now = clock.instant();
        return repository.runningPublicities(now, 200).stream()
                .map(a -> view(a, projects.ofLot(a.lotId()).orElseThrow(), now, true)).toList();
    }

    /** The requests sent to the caller's department (a supervisor's to-do, undecided first); empty for anyone else. */
    public List<MethodApprovalView> sentToMe(CurrentUser user, boolean pendingOnly) {
        if (user == null || user.role() != Role.SUPERVISOR || user.organisationId() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return repository.sentTo(user.organisationId(), pendingOnly, 200).stream()
                .map(a -> view(a, projects.ofLot(a.lotId()).orElseThrow(), now, false)).toList();
    }

    /**
     * A lot of the caller's projects whose method may need approval (rule METHOD_APPROVAL), with whether it does now and
     * its latest request's status (null: none yet).
     */
    public record OwnLot(ProjectView project, LotView lot, String procedureName, boolean approvalRequired,
            MethodApproval.Status latest) {
    }

    /** The lots of the owner's or agency's projects whose method may need approval, newest project first. */
    public List<OwnLot> ownLots(CurrentUser user) {
        if (user == null || (user.role() != Role.TENDEREE && user.role() != Role.AGENCY)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<OwnLot> rows = new java.util.ArrayList<>();
        // only the procedures that may need an approval, each asked for its own projects (not the newest N of all the
        // owner's projects, which a busy agency's other deals would crowd out)
        for (ProcedureView procedure : procedures.all()) {
            ProcedureRules rules = procedures.rulesAt(procedure.code(), now);
            if (!procedure.runnable() || !rules.holds(org.sunbid.platform.deals.domain.RuleKeys.METHOD_APPROVAL)) {
                continue;
            }
            for (ProjectView p : projects.list(new Projects.Filter(null, procedure.code(), null, null, null), user, 500)) {
                for (LotView l : projects.find(p.id()).map(ProjectView::lots).orElse(List.of())) {
                    rows.add(new OwnLot(p, l, procedure.nameZh(), MethodApproval.required(rules, l.budget()),
                            repository.latest(l.id()).map(MethodApproval::status).orElse(null)));
                }
            }
        }
        return rows;
    }

    /** The chosen conditions' and method's rules for the request form: the conditions in force and whether approval is needed now. */
    public record RequestForm(ProjectView project, LotView lot, ProcedureView procedure, List<MethodCondition> conditions,
            boolean approvalRequired, String threshold, String basis, List<MethodApprovalView> history) {
    }

    /** What the owner's request form shows for the lot now. */
    public RequestForm form(UUID lotId, CurrentUser user) {
        ProjectView project = owned(lotId, user);
        Instant now = clock.instant();
        ProcedureRules rules = procedures.rulesAt(project.procedureCode(), now);
        LotView lot = lot(project, lotId);
        return new RequestForm(project, lot, procedures.get(project.procedureCode()),
                conditions.inForce(project.procedureCode(), rules.date()), MethodApproval.required(rules, lot.budget()),
                rules.find(org.sunbid.platform.deals.domain.RuleKeys.OPEN_TENDER_THRESHOLD)
                        .map(l -> new org.sunbid.platform.kernel.Money(l.amount()).toString()).orElse(null),
                rules.find(org.sunbid.platform.deals.domain.RuleKeys.METHOD_APPROVAL).map(Limit::article).orElse(""),
                repository.ofLot(lotId).stream().map(a -> view(a, project, now, false)).toList());
    }

    /**
     * Flags to the supervisor, once each, every objection whose review is past its due time and still missing
     * (74号令 Art. 40). Runs hourly; returns how many were flagged.
     */
    @Scheduled(fixedDelayString = "${sunbid.tendering.single-source-check-interval:PT1H}")
    @Transactional
    public int flagOverdueReviews() {
        Instant now = clock.instant();
        int n = 0;
        for (MethodApprovalRepository.OverdueReview r : repository.flagOverdue(now)) {
            ProjectView project = projects.ofLot(r.lotId()).orElseThrow();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("requestId", r.requestId().toString());
            payload.put("objectionId", r.objectionId().toString());
            payload.put("project", project.dealCode() + " " + project.name());
            payload.put("dueAt", r.due().toString());
            payload.put("to", "SUPERVISOR");
            payload.put("rule", "财政部令第74号第四十条：公示期满后5个工作日内组织补充论证");
            record(project, r.lotId(), OVERDUE, Actor.SYSTEM, payload);
            n++;
        }
        return n;
    }

    /** The lot's latest request, for the publication check. */
    MethodApproval latest(UUID lotId) {
        return repository.latest(lotId).orElse(null);
    }

    private MethodApproval ofLot(UUID lotId, UUID requestId) {
        return repository.find(requestId).filter(a -> a.lotId().equals(lotId))
                .orElseThrow(() -> new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, requestId));
    }

    /** The lot's project, if the caller may see it (owner, agency, region staff); else not found. */
    private ProjectView visible(UUID lotId, CurrentUser user) {
        ProjectView project = projects.ofLot(lotId)
                .orElseThrow(() -> new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, lotId));
        if (user == null) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, lotId);
        }
        boolean owner = user.organisationId() != null
                && (user.organisationId().equals(project.ownerId()) || user.organisationId().equals(project.agencyId()));
        boolean staff = user.seesAllRegions() || (user.seesRegionSubtree() && regions.isWithin(project.regionCode(), user.regionCode()));
        if (!owner && !staff) {
            throw new DomainException(TenderingError.METHOD_APPROVAL_NOT_FOUND, lotId);
        }
        return project;
    }

    /** The lot's project, if the caller is its owner's or agency's staff; region staff get 403, others 404. */
    private ProjectView owned(UUID lotId, CurrentUser user) {
        ProjectView project = visible(lotId, user);
        boolean owner = (user.role() == Role.TENDEREE && user.organisationId().equals(project.ownerId()))
                || (user.role() == Role.AGENCY && user.organisationId().equals(project.agencyId()));
        if (!owner) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        return project;
    }

    private static LotView lot(ProjectView project, UUID lotId) {
        return project.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
    }

    private void record(ProjectView project, UUID lotId, String action, Actor actor, Map<String, Object> payload) {
        auditLog.record(AuditRecord.of(action, lotId.toString(), project.regionCode(), actor, payload));
    }

    private MethodApprovalView view(MethodApproval a, ProjectView project, Instant now, boolean forPublic) {
        LotView lot = lot(project, a.lotId());
        List<MethodCondition> all = conditions.all(a.procedureCode());
        java.time.LocalDate day = Limit.beijingDate(a.requestedAt());
        List<MethodApprovalView.Condition> chosen = a.conditions().stream().map(code -> all.stream()
                .filter(c -> c.code().equals(code) && c.inForceOn(day)).findFirst()
                .or(() -> all.stream().filter(c -> c.code().equals(code)).findFirst())
                .map(c -> new MethodApprovalView.Condition(c.code(), c.textZh(), c.textEn(), c.article()))
                .orElse(new MethodApprovalView.Condition(code, code, code, ""))).toList();
        MethodApprovalView.Publicity publicity = null;
        Instant opens = null;
        if (a.publicity() != null) {
            MethodApproval.Publicity p = a.publicity();
            Instant reviewDue = p.reviewDue(calendars.workingDays());
            publicity = new MethodApprovalView.Publicity(p.supplierName(), p.expertOpinions(), p.startsAt(), p.endsAt(),
                    p.publicityRule(), p.running(now) && a.decision() == null, reviewDue, p.review().article(),
                    a.objections().stream().map(o -> new MethodApprovalView.Objection(o.id(), forPublic ? null : o.objectorName(),
                            o.reasons(), o.raisedAt(), o.reviewDue(), o.overdue(now),
                            o.review() == null ? null : o.review().reviewedAt(), o.review() == null ? null : o.review().upheld(),
                            o.review() == null ? null : o.review().outcome())).toList());
            opens = p.endsAt();
        }
        String department = a.departmentId() == null ? null
                : organisations.find(a.departmentId()).map(Organisation::name).orElse("");
        String procedureName = procedures.find(a.procedureCode()).map(ProcedureView::nameZh).orElse(a.procedureCode());
        return new MethodApprovalView(a.id(), a.lotId(), project.id(), lot.lotCode(), project.name(), lot.name(), a.number(),
                a.procedureCode(), procedureName, chosen, a.reasons(), a.budget().toString(),
                a.threshold() == null ? null : a.threshold().toString(), a.approvalRequired(), a.basis(), a.departmentId(),
                department, a.requestedAt(), forPublic ? null : a.requestedBy(), a.status(),
                a.decision() == null ? null : a.decision().decidedAt(), a.decision() == null ? null : a.decision().reasons(),
                publicity, opens);
    }
}
