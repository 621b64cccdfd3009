package org.sunbid.platform.disclosure.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.AuctionBidders;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.disclosure.statistics.LotFacts.FailReason;
import org.sunbid.platform.disclosure.statistics.LotFacts.Outcome;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.BidOpenings;

/**
 * The facts of every lot the portal lists, read only through what an anonymous visitor already sees: the portal's
 * published lots and their one status ({@link ProjectPortal}, {@code DealStatuses}), the public award
 * ({@link Awards#view} without a user), the opening's envelope count once bidding closed (the bid set is disclosed
 * then, {@link BidOpenings#view}), an auction lot's published result ({@link AuctionResults#result}) and its bidders
 * once their identities are disclosed at the end of bidding ({@link AuctionBidders#disclosedCount}). Before that a
 * lot's bidders are unknown here: registrations and a live lot's bidders are never counted.
 */
@Component
class PublicLots {

    private final ProjectPortal portal;
    private final Regions regions;
    private final Awards awards;
    private final BidOpenings openings;
    private final AuctionLots auctionLots;
    private final AuctionResults auctionResults;
    private final AuctionBidders auctionBidders;

    PublicLots(ProjectPortal portal, Regions regions, Awards awards, BidOpenings openings, AuctionLots auctionLots,
            AuctionResults auctionResults, AuctionBidders auctionBidders) {
        this.portal = portal;
        this.regions = regions;
        this.awards = awards;
        this.openings = openings;
        this.auctionLots = auctionLots;
        this.auctionResults = auctionResults;
        this.auctionBidders = auctionBidders;
    }

    /** The published lots of the projects the portal lists for {@code filter} (its errors are the portal's). */
    List<LotFacts> matching(ProjectPortal.Filter filter) {
        Map<String, String> paths = regions.all().stream().collect(Collectors.toMap(Region::code, Region::path));
        Set<UUID> auctioned = auctionLots.lotIds();
        List<LotFacts> facts = new ArrayList<>();
        int page = 1;
        ProjectPortal.Page found;
        do {
            found = portal.list(filter, page++, ProjectPortal.MAX_PAGE_SIZE);
            for (ProjectPortal.PublicProject p : found.rows()) {
                String path = paths.getOrDefault(p.project().regionCode(), "/" + p.project().regionCode() + "/");
                for (ProjectPortal.PublicLot lot : p.lots()) {
                    facts.add(auctioned.contains(lot.lot().id()) ? auctionLot(p, lot, path) : tenderLot(p, lot, path));
                }
            }
        } while (page <= found.pages());
        return facts;
    }

    private LotFacts tenderLot(ProjectPortal.PublicProject p, ProjectPortal.PublicLot lot, String path) {
        UUID id = lot.lot().id();
        Integer bidders = openings.status(id).map(s -> openings.view(id).validEnvelopes()).orElse(null);
        Outcome outcome = Outcome.IN_PROGRESS;
        FailReason reason = null;
        BigDecimal price = null;
        java.time.Instant dealtAt = null;
        DealStage stage = lot.stage();
        if (stage == DealStage.AWARDED || stage == DealStage.CONTRACTED) {
            Awards.Winner winner = awards.view(id, null).winner();
            if (winner != null) {
                outcome = Outcome.DEAL;
                price = new BigDecimal(winner.price());
                dealtAt = winner.awardedAt();
            }
        } else if (stage == DealStage.FAILED) {
            outcome = Outcome.FAILED;
            reason = openings.status(id).filter("FAILED_TOO_FEW_BIDS"::equals).isPresent() ? FailReason.TOO_FEW_BIDS
                    : FailReason.EVALUATION_FAILED;
        } else if (stage == DealStage.TERMINATED) {
            outcome = Outcome.FAILED;
            reason = FailReason.TERMINATED;
        }
        return new LotFacts(lot.lot().lotCode(), p.project().kind(), p.project().procedureCode(), path, noticeAt(p, lot),
                outcome, reason, lot.lot().budget().yuan(), null, price, bidders, dealtAt);
    }

    private LotFacts auctionLot(ProjectPortal.PublicProject p, ProjectPortal.PublicLot lot, String path) {
        UUID id = lot.lot().id();
        java.util.OptionalInt count = auctionBidders.disclosedCount(id);
        Integer bidders = count.isPresent() ? count.getAsInt() : null;
        AuctionResults.ResultView result = null;
        try {
            result = auctionResults.result(id);
        } catch (DomainException e) {
            // no result published yet
        }
        Outcome outcome = Outcome.IN_PROGRESS;
        FailReason reason = null;
        if (result != null && result.deal()) {
            outcome = Outcome.DEAL;
        } else if (result != null) {
            outcome = Outcome.FAILED;
            reason = FailReason.valueOf(result.noDealReason());
        } else if (lot.stage() == DealStage.TERMINATED) {
            outcome = Outcome.FAILED;
            reason = FailReason.TERMINATED;
        }
        boolean deal = outcome == Outcome.DEAL;
        return new LotFacts(lot.lot().lotCode(), p.project().kind(), p.project().procedureCode(), path, noticeAt(p, lot),
                outcome, reason, lot.lot().budget().yuan(), result == null ? null : result.startPrice().yuan(),
                deal ? result.price().yuan() : null, bidders, deal ? result.decidedAt() : null);
    }

    private static java.time.Instant noticeAt(ProjectPortal.PublicProject p, ProjectPortal.PublicLot lot) {
        return lot.tender().publishedAt() != null ? lot.tender().publishedAt() : p.publishedAt();
    }
}
