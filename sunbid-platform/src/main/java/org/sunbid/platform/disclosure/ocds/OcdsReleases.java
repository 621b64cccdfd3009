package org.sunbid.platform.disclosure.ocds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.deals.LotView;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.sealing.OpeningView;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Gathers each project's public facts from the owning contexts' public APIs (deals' projects, tendering's published
 * lots and clarifications, sealing's completed opening record, evaluation's public award view, auction's recorded
 * result, parties' credit codes) and maps them with {@link OcdsMapping}. What is not yet public is not asked for or is
 * refused by its owner: a draft lot is not published; bids exist here only once the opening record is complete; the
 * award view only once its publicity or result notice is public; an auction lot's outcome only once recorded after
 * bidding ended and the reserve was opened. Registrations, deposits and live rooms are never read.
 */
@Service
class OcdsReleases {

    private final Projects projects;
    private final Procedures procedures;
    private final Tenders tenders;
    private final Organisations organisations;
    private final BidOpenings openings;
    private final Awards awards;
    private final AuctionResults auctionResults;

    OcdsReleases(Projects projects, Procedures procedures, Tenders tenders, Organisations organisations, BidOpenings openings,
            Awards awards, AuctionResults auctionResults) {
        this.projects = projects;
        this.procedures = procedures;
        this.tenders = tenders;
        this.organisations = organisations;
        this.openings = openings;
        this.awards = awards;
        this.auctionResults = auctionResults;
    }

    /**
     * Calls {@code each} with every public contracting process's releases (oldest first), one process at a time, in the
     * order of the deal codes: what the bulk file streams (never every release in memory at once).
     */
    void forEachProcess(Consumer<List<Map<String, Object>>> each) {
        List<ProjectView> all = new ArrayList<>(projects.listAll(new Projects.Filter(null, null, null, null, null)));
        all.sort(Comparator.comparing(ProjectView::dealCode));
        for (ProjectView p : all) {
            facts(p).map(OcdsMapping::releases).filter(r -> !r.isEmpty()).ifPresent(each);
        }
    }

    /** Every public release, oldest first (by date, then id). */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> out = new ArrayList<>();
        forEachProcess(out::addAll);
        out.sort(OcdsMapping.ORDER);
        return out;
    }

    /** The releases of the process {@code ocid}, oldest first; empty when no public project has it. */
    Optional<List<Map<String, Object>>> process(String ocid) {
        if (ocid == null || !ocid.startsWith(OcdsMapping.OCID_PREFIX)) {
            return Optional.empty();
        }
        String dealCode = ocid.substring(OcdsMapping.OCID_PREFIX.length());
        return projects.listAll(new Projects.Filter(null, null, null, null, null)).stream()
                .filter(p -> p.dealCode().equals(dealCode)).findFirst().flatMap(this::facts).map(OcdsMapping::releases)
                .filter(r -> !r.isEmpty());
    }

    private Optional<OcdsMapping.Facts> facts(ProjectView p) {
        List<OcdsMapping.Lot> lots = new ArrayList<>();
        for (LotView lot : p.lots()) {
            tenders.findPublished(lot.id()).filter(t -> t.publishedAt() != null).ifPresent(t -> lots.add(lot(lot, t)));
        }
        if (lots.isEmpty()) {
            return Optional.empty();
        }
        ProcedureView procedure = procedures.find(p.procedureCode()).orElse(null);
        return Optional.of(new OcdsMapping.Facts(p.dealCode(), p.name(), category(p), method(procedure),
                procedure == null ? null : procedure.nameZh(), p.budget().yuan(), party(p.ownerId()),
                p.agencyId() == null ? null : party(p.agencyId()), lots));
    }

    private OcdsMapping.Lot lot(LotView lot, TenderView t) {
        List<OcdsMapping.Amendment> clarifications = t.clarifications().stream()
                .map(c -> new OcdsMapping.Amendment(c.id().toString(), c.issuedAt(), c.text(), c.deadlineMovedTo())).toList();
        return new OcdsMapping.Lot(lot.lotNo(), lot.lotCode(), lot.name(), lot.budget().yuan(), t.publishedAt(),
                t.terms().bidDeadline(), clarifications, opening(lot.id()), award(lot.id()), auction(lot.id()),
                tenders.terminatedAt(lot.id()).orElse(null));
    }

    /** The opening once its record is complete (or it failed for too few bids); null before. */
    private OcdsMapping.Opening opening(UUID lotId) {
        String status = openings.status(lotId).orElse(null);
        if ("FAILED_TOO_FEW_BIDS".equals(status)) {
            OpeningView v = openings.view(lotId);
            return new OcdsMapping.Opening(v.closedAt(), true, List.of());
        }
        if (!"OPENED".equals(status)) {
            return null; // nothing of the bids is public before the opening record
        }
        OpeningView v = openings.view(lotId);
        List<OcdsMapping.Bid> bids = new ArrayList<>();
        for (OpenedBid b : openings.openedBids(lotId)) {
            bids.add(new OcdsMapping.Bid(b.bidId().toString(), party(b.bidderId(), b.bidder()), b.price(), b.opened()));
        }
        return new OcdsMapping.Opening(v.openedAt(), false, bids);
    }

    /** What evaluation shows everyone of the lot's award (its own rule: nothing before the publicity or result notice). */
    private OcdsMapping.Award award(UUID lotId) {
        Awards.AwardView view;
        try {
            view = awards.view(lotId, null);
        } catch (DomainException e) {
            return null;
        }
        OcdsMapping.Party first = null;
        BigDecimal firstPrice = null;
        for (Map<String, Object> c : view.candidates()) {
            if (c.get("rank") instanceof Number n && n.intValue() == 1 && c.get("bidderId") != null) {
                first = party(UUID.fromString(String.valueOf(c.get("bidderId"))));
                firstPrice = amount(c.get("price"));
                break;
            }
        }
        Awards.Winner w = view.winner();
        return new OcdsMapping.Award(view.publicityStarts(), first, firstPrice, w == null ? null : w.awardedAt(),
                w == null ? null : party(w.bidderId(), w.bidder()), w == null ? null : amount(w.price()),
                w == null ? null : w.contractSignedAt());
    }

    /** An auction lot's result once recorded (after bidding ended and the reserve was opened); null before. */
    private OcdsMapping.AuctionOutcome auction(UUID lotId) {
        AuctionResults.ResultView r;
        try {
            r = auctionResults.result(lotId);
        } catch (DomainException e) {
            return null;
        }
        OcdsMapping.Party winner = r.deal() && r.winnerCreditCode() != null
                ? new OcdsMapping.Party(r.winnerCreditCode(), r.winnerName()) : null;
        return new OcdsMapping.AuctionOutcome(r.decidedAt(), r.deal() && winner != null, winner,
                r.price() == null ? null : r.price().yuan(), r.bids());
    }

    private static BigDecimal amount(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(o));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OcdsMapping.Party party(UUID id) {
        return party(id, null);
    }

    private OcdsMapping.Party party(UUID id, String fallbackName) {
        Organisation o = organisations.find(id).orElse(null);
        if (o == null) {
            return new OcdsMapping.Party(id.toString(), fallbackName == null ? "" : fallbackName);
        }
        return new OcdsMapping.Party(o.creditCode().value(), o.name());
    }

    private static String category(ProjectView p) {
        return p.category() == null ? null : switch (p.category()) {
            case WORKS -> "works";
            case GOODS -> "goods";
            case SERVICES -> "services";
        };
    }

    /** The procedure's method as OCDS's procurementMethod codelist has it. */
    static String method(ProcedureView procedure) {
        if (procedure == null) {
            return null;
        }
        return switch (procedure.method()) {
            case "INVITED_TENDER" -> "selective";
            case "NEGOTIATION", "CONSULTATION", "INQUIRY" -> "limited";
            case "SINGLE_SOURCE" -> "direct";
            default -> "open"; // open tenders, framework calls, auctions, listings, online bidding, transfers
        };
    }
}
