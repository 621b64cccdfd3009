package org.sunbid.platform.disclosure;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.audit.LogSubjects;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.Tenders;

/**
 * Names the subjects of log entries for the log page: a published tender by project code and name (linking its page), a
 * published draw record by its tender's code, an organisation by name, a region by name. Drafts and unpublished draws
 * stay unnamed (their identifier remains in the entry's details fold).
 */
@Component
class LogSubjectNames implements LogSubjects {

    private final Tenders tenders;
    private final ExpertDraws draws;
    private final Organisations organisations;
    private final Regions regions;
    private final org.sunbid.platform.supervision.Exemptions exemptions;
    private final org.sunbid.platform.supervision.OffPlatformDeals offPlatformDeals;

    LogSubjectNames(Tenders tenders, ExpertDraws draws, Organisations organisations, Regions regions,
            org.sunbid.platform.supervision.Exemptions exemptions, org.sunbid.platform.supervision.OffPlatformDeals offPlatformDeals) {
        this.exemptions = exemptions;
        this.offPlatformDeals = offPlatformDeals;
        this.tenders = tenders;
        this.draws = draws;
        this.organisations = organisations;
        this.regions = regions;
    }

    @Override
    public Optional<Subject> describe(String action, String subject) {
        if (action == null || subject == null) {
            return Optional.empty();
        }
        if (action.equals("catalog.region.created") || action.equals("sealing.threshold.set")
                || action.equals("tendering.filing.rule.set")) {
            return regions.all().stream().filter(r -> r.code().equals(subject)).findFirst().map(r -> new Subject(r.name(), null));
        }
        Optional<UUID> id = uuid(subject);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        if (action.startsWith("tendering.") || action.startsWith("sealing.") || action.startsWith("evaluation.")
                || action.startsWith("payments.") || action.startsWith("complaints.") // complaints: the lot (a tender)
                || action.startsWith("venues.booking.") || action.startsWith("venues.sign-in.") // issue 20 V: the lot
                || action.startsWith("venues.recording.")) {
            return tenders.findPublished(id.get()).map(t -> new Subject(t.terms().projectCode() + " " + t.terms().name(),
                    "/tenders/" + t.id()));
        }
        if (action.startsWith("experts.draw.")) {
            try {
                var draw = draws.publishedView(id.get());
                return Optional.of(new Subject(draw.projectCode() + " " + draw.tenderName(), "/draws/" + draw.id()));
            } catch (DomainException e) {
                return Optional.empty(); // not published yet
            }
        }
        // Supervision: an exemption or an off-platform deal by its project (an approved exemption links its public page).
        if (action.startsWith("supervision.exemption.")) {
            return exemptions.find(id.get()).map(e -> new Subject(e.projectCode() + " " + e.projectName(),
                    e.status() == org.sunbid.platform.supervision.ExemptionView.Status.APPROVED ? "/supervision/exemptions/" + e.id() : null));
        }
        if (action.startsWith("supervision.off-platform.")) {
            return offPlatformDeals.find(id.get()).map(d -> new Subject(d.projectCode() + " " + d.projectName(),
                    d.status() == org.sunbid.platform.supervision.OffPlatformDealView.Status.REPORTED ? "/supervision/reports" : null));
        }
        if (action.startsWith("parties.organisation.")) {
            return organisations.find(id.get()).map(o -> new Subject(o.name(), null));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> organisationName(String organisationId) {
        return uuid(organisationId).flatMap(organisations::find).map(o -> o.name());
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
