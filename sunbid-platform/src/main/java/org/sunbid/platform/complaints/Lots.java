package org.sunbid.platform.complaints;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.complaints.domain.LotFacts;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.tendering.RegistrationView;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * What this context needs to know about a lot, asked of its owners' APIs: the tender (a lot of any method is a
 * tendering tender with the same id), its procedure's rules at an instant, who answers for it, who handles complaints
 * about it, whether a supplier takes part, and the dates a challenge's period starts from (实施条例 Art. 53).
 */
@Component
class Lots {

    private final Tenders tenders;
    private final org.sunbid.platform.tendering.TenderInvitations invitations;
    private final Registrations registrations;
    private final Projects projects;
    private final Procedures procedures;
    private final Awards awards;
    private final Organisations organisations;
    private final Regions regions;

    Lots(Tenders tenders, org.sunbid.platform.tendering.TenderInvitations invitations, Registrations registrations, Projects projects, Procedures procedures, Awards awards,
            Organisations organisations, Regions regions) {
        this.tenders = tenders;
        this.invitations = invitations;
        this.registrations = registrations;
        this.projects = projects;
        this.procedures = procedures;
        this.awards = awards;
        this.organisations = organisations;
        this.regions = regions;
    }

    /** A published lot: its tender, procedure and owners. */
    record Lot(UUID id, String code, String name, String regionCode, String procedureCode, UUID ownerId, UUID agencyId,
            TenderView tender) {
    }

    /**
     * Tells tendering that the department suspended the lot for complaint {@code complaintId} until {@code until} (法
     * Art. 57; 实施条例 Art. 62): no bid, response or final offer is taken meanwhile, and the bid deadline moves.
     */
    void suspend(Lot lot, UUID complaintId, java.time.Instant until, org.sunbid.platform.kernel.Actor actor) {
        tenders.suspendForComplaint(lot.id(), complaintId, until, actor);
    }

    /** Tells tendering that the complaint's suspension of the lot ended now (lifted, or the complaint decided). */
    void resume(Lot lot, UUID complaintId, org.sunbid.platform.kernel.Actor actor) {
        tenders.endComplaintSuspension(lot.id(), complaintId, actor);
    }

    /** The published lot {@code lotId}; a draft or unknown lot is not found. */
    Lot get(UUID lotId) {
        TenderView t = tenders.findPublished(lotId).orElseThrow(() -> new DomainException(ComplaintsError.COMPLAINTS_NOT_FOUND));
        String procedure = projects.procedureOfLot(lotId).orElse("GCJS_OPEN_TENDER");
        return new Lot(lotId, t.terms().projectCode(), t.terms().name(), t.regionCode(), procedure, t.tendereeId(), t.agencyId(), t);
    }

    /** The lot's rules in force at the Beijing date of {@code at}. */
    ProcedureRules rules(Lot lot, Instant at) {
        return procedures.rulesAt(lot.procedureCode(), at);
    }

    /** Whether the caller answers for the lot: staff of its purchaser (tenderee) or of its agency. */
    boolean answersFor(Lot lot, CurrentUser user) {
        return user != null && user.organisationId() != null && (user.role() == Role.TENDEREE || user.role() == Role.AGENCY)
                && (user.organisationId().equals(lot.ownerId()) || user.organisationId().equals(lot.agencyId()));
    }

    /** Whether the caller oversees the lot's region (its supervisors and trading-centre staff, the administrator). */
    boolean oversees(Lot lot, CurrentUser user) {
        return user != null && (user.seesAllRegions()
                || (user.seesRegionSubtree() && regions.isWithin(lot.regionCode(), user.regionCode())));
    }

    /**
     * The department that receives complaints about the lot: the nearest supervision department up the region tree
     * (政府采购法 Art. 55 / 94号令 Art. 6: the finance department of the purchaser's level; 招标投标法实施条例 Art. 60).
     */
    Optional<Organisation> department(Lot lot) {
        return organisations.nearest(OrganisationKind.SUPERVISION_DEPARTMENT, lot.regionCode());
    }

    /** Whether the caller is staff of the department handling {@code departmentId}. */
    static boolean ofDepartment(UUID departmentId, CurrentUser user) {
        return user != null && user.role() == Role.SUPERVISOR && departmentId != null && departmentId.equals(user.organisationId());
    }

    /** The caller's registration on the lot (a supplier taking part: registered, or invited and registered), if any. */
    Optional<RegistrationView> registration(Lot lot, CurrentUser user) {
        if (user == null || user.role() != Role.BIDDER || user.organisationId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(registrations.mine(lot.id(), user));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the caller's organisation is on the lot's invitation list (邀请招标, 谈判, 磋商, 询价, 单一来源): an invitee
     * takes part from its invitation, registered or not yet (实施条例 Art. 53: it obtains the documents by it).
     */
    boolean invited(Lot lot, CurrentUser user) {
        return user != null && user.role() == Role.BIDDER && invitations.invited(lot.id(), user.organisationId());
    }

    /**
     * The lot's facts for a supplier (实施条例 Art. 53): its receipt of the documents (its registration gives them),
     * the end of the documents' notice period, the response deadline, the award and the end of the result notice.
     */
    LotFacts facts(Lot lot, Optional<RegistrationView> registration) {
        Instant awardedAt = null;
        Instant resultEnds = null;
        try {
            Awards.AwardView award = awards.view(lot.id(), null);
            if (award.winner() != null) {
                awardedAt = award.winner().awardedAt();
            }
            if (award.resultNotice() != null) {
                resultEnds = award.resultNotice().periodEnds();
            } else if (award.publicityEnds() != null && award.winner() != null) {
                resultEnds = award.winner().awardedAt(); // construction: the award notice is the result
            }
        } catch (DomainException e) {
            // no result yet
        }
        return new LotFacts(registration.map(RegistrationView::registeredAt).orElse(null),
                lot.tender().terms().documentsAvailableUntil(), lot.tender().bidDeadline(), awardedAt, resultEnds);
    }

    /** An organisation's name (for the published decisions). */
    String nameOf(UUID organisationId) {
        return organisationId == null ? null : organisations.find(organisationId).map(Organisation::name).orElse(null);
    }

    /** An organisation's credit code, for the signed statement. */
    String creditCodeOf(UUID organisationId) {
        return organisations.find(organisationId).map(o -> o.creditCode().value()).orElseThrow();
    }
}
