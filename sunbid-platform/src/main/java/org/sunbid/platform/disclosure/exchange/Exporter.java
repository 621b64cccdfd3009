package org.sunbid.platform.disclosure.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpeningView;

/**
 * Gathers a published lot's public facts from the owning contexts' public APIs, the same way the portal does (the
 * project and its published lots from {@link ProjectPortal}; the opening from {@link BidOpenings} once OPENED; the award
 * from {@link Awards#view} as an anonymous visitor sees it; an auction lot's terms and its published result), and maps
 * them with {@link Datasets}. A lot whose tender is not published gives nothing; what is not public yet (bids before
 * the opening, a live lot's bidders, a reserve before it is opened, procurement rankings) is never asked for.
 */
@Component
class Exporter {

    private final ProjectPortal portal;
    private final Projects projects;
    private final BidOpenings openings;
    private final Awards awards;
    private final AuctionLots auctionLots;
    private final AuctionResults auctionResults;

    Exporter(ProjectPortal portal, Projects projects, BidOpenings openings, Awards awards, AuctionLots auctionLots,
            AuctionResults auctionResults) {
        this.portal = portal;
        this.projects = projects;
        this.openings = openings;
        this.awards = awards;
        this.auctionLots = auctionLots;
        this.auctionResults = auctionResults;
    }

    /** Every record of lot {@code lotId} and its project as public now; empty while the lot is not published. */
    List<ExchangeRecord> ofLot(UUID lotId) {
        Optional<ProjectPortal.PublicProject> project = projects.ofLot(lotId).flatMap(p -> publicProject(p.id()));
        if (project.isEmpty()) {
            return List.of();
        }
        return project.get().lots().stream().filter(l -> l.lot().id().equals(lotId)).findFirst()
                .map(l -> Datasets.of(facts(project.get(), l))).orElse(List.of());
    }

    /**
     * Every record whose facts became public at or after {@code from}, ordered by record id (a project's record once,
     * however many of its lots are published).
     */
    List<ExchangeRecord> since(Instant from) {
        List<ExchangeRecord> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int page = 1;
        ProjectPortal.Page found;
        do {
            found = portal.list(ProjectPortal.Filter.none(), page++, ProjectPortal.MAX_PAGE_SIZE);
            for (ProjectPortal.PublicProject p : found.rows()) {
                for (ProjectPortal.PublicLot l : p.lots()) {
                    for (ExchangeRecord r : Datasets.of(facts(p, l))) {
                        if (!r.publishedAt().isBefore(from) && seen.add(r.recordId())) {
                            out.add(r);
                        }
                    }
                }
            }
        } while (found.page() < found.pages());
        out.sort(Comparator.comparing(ExchangeRecord::recordId));
        return out;
    }

    private Optional<ProjectPortal.PublicProject> publicProject(UUID projectId) {
        try {
            return Optional.of(portal.get(projectId));
        } catch (DomainException e) {
            return Optional.empty(); // none of its lots is published
        }
    }

    private Datasets.LotFacts facts(ProjectPortal.PublicProject p, ProjectPortal.PublicLot l) {
        UUID lotId = l.lot().id();
        DealKind kind = p.project().kind();
        Datasets.Opening opening = null;
        if (kind == DealKind.GCJS && openings.status(lotId).filter("OPENED"::equals).isPresent()) {
            OpeningView o = openings.view(lotId);
            opening = new Datasets.Opening(o.openedAt(), org.sunbid.crypto.Sm3.hex(o.record()), openings.openedBids(lotId));
        }
        Awards.AwardView award = null;
        if (kind == DealKind.GCJS || kind == DealKind.ZFCG) {
            try {
                award = awards.view(lotId, null); // as the public sees it
            } catch (DomainException e) {
                award = null; // not public yet
            }
        }
        AuctionResults.ResultView result = null;
        var terms = kind == DealKind.GCJS || kind == DealKind.ZFCG ? null : auctionLots.terms(lotId).orElse(null);
        if (terms != null) {
            try {
                result = auctionResults.result(lotId); // recorded only once bidding ended and the reserve was opened
            } catch (DomainException e) {
                result = null;
            }
        }
        return new Datasets.LotFacts(p, l, projects.platformCode().value(), opening, award, terms, result);
    }
}
