package org.sunbid.platform.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.LotView;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.RuleVersion;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The portal's list of trading projects of every kind (交易信息) and each project's notice page (项目公告页). Only what
 * is public is shown: a lot appears once its tender is published (never a draft), and a project none of whose lots is
 * published does not appear at all. Each lot's status is its {@link DealStage} from {@link DealStatuses}; a project
 * matches a status when one of its published lots is in it. Deals gives the projects, tendering says which lots are
 * published.
 */
@Service
public class ProjectPortal {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 100;

    private final Projects projects;
    private final Procedures procedures;
    private final Tenders tenders;
    private final DealStatuses statuses;
    private final Regions regions;
    private final Organisations organisations;
    private final java.time.Clock clock;
    private final org.sunbid.platform.tendering.MethodApprovals methodApprovals;
    private final org.sunbid.platform.auction.AuctionLots auctionLots;
    private final org.sunbid.platform.auction.LiveAuctions liveAuctions;

    ProjectPortal(Projects projects, Procedures procedures, Tenders tenders, DealStatuses statuses, Regions regions,
            Organisations organisations, java.time.Clock clock, org.sunbid.platform.tendering.MethodApprovals methodApprovals,
            org.sunbid.platform.auction.AuctionLots auctionLots, org.sunbid.platform.auction.LiveAuctions liveAuctions) {
        this.auctionLots = auctionLots;
        this.liveAuctions = liveAuctions;
        this.methodApprovals = methodApprovals;
        this.projects = projects;
        this.procedures = procedures;
        this.tenders = tenders;
        this.statuses = statuses;
        this.regions = regions;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * The portal's filters; each null means any.
     *
     * @param kind      GCJS, ZFCG, TDSYQ, KYQ, GYCQ (an unknown one: {@code DEALS_UNKNOWN_KIND})
     * @param procedure a procedure code (an unknown one: {@code DEALS_UNKNOWN_PROCEDURE})
     * @param region    a region; the projects of the region and of every region inside it
     * @param status    a {@link DealStage} name (an unknown one: {@code DISCLOSURE_UNKNOWN_STATUS})
     * @param from      first published on or after this Beijing date
     * @param to        first published on or before this Beijing date
     */
    public record Filter(String kind, String procedure, String region, String status, LocalDate from, LocalDate to) {

        /** No filter. */
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** A published lot: the lot, its tender and its status. */
    public record PublicLot(LotView lot, TenderView tender, DealStage stage) {
    }

    /**
     * A project as the public sees it: only its published lots.
     *
     * @param project     the project (its {@code lots} include unpublished ones: show {@link #lots} instead)
     * @param procedure   its procedure
     * @param regionName  its region's name
     * @param ownerName   the owner's name
     * @param agencyName  the agency's name, or null
     * @param publishedAt when its first lot was published
     * @param stages      its published lots' statuses, each once, in the order of the procedure
     * @param lots        its published lots
     */
    public record PublicProject(ProjectView project, ProcedureView procedure, String regionName, String ownerName,
            String agencyName, Instant publishedAt, List<DealStage> stages, List<PublicLot> lots) {

        /** The number of lots the project has, published or not (the notice says "2 lots"). */
        public int lotCount() {
            return project.lots().size();
        }
    }

    /** One page of the list: the rows, the total matching, the page number (from 1) and its size. */
    public record Page(List<PublicProject> rows, int total, int page, int size) {

        /** The number of pages (at least 1). */
        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    /** The public projects matching {@code filter}, most recently published first, page {@code page} (from 1). */
    public Page list(Filter filter, int page, int size) {
        DealStage status = stage(filter.status());
        if (filter.region() != null && regions.find(filter.region()).isEmpty()) {
            throw new DomainException(DisclosureError.DISCLOSURE_UNKNOWN_REGION, filter.region());
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new DomainException(DisclosureError.DISCLOSURE_BAD_DATE_RANGE, filter.from(), filter.to());
        }
        List<PublicProject> shown = new ArrayList<>();
        java.util.Map<String, ProcedureView> byCode = procedures.all().stream()
                .collect(java.util.stream.Collectors.toMap(ProcedureView::code, v -> v));
        for (ProjectView p : projects.listAll(new Projects.Filter(filter.kind(), filter.procedure(), filter.region(), null,
                null))) {
            publicView(p, byCode.get(p.procedureCode())).filter(v -> status == null || v.stages().contains(status))
                    .filter(v -> filter.from() == null || !Limit.beijingDate(v.publishedAt()).isBefore(filter.from()))
                    .filter(v -> filter.to() == null || !Limit.beijingDate(v.publishedAt()).isAfter(filter.to()))
                    .ifPresent(shown::add);
        }
        shown.sort(Comparator.comparing(PublicProject::publishedAt).reversed()
                .thenComparing(v -> v.project().dealCode(), Comparator.reverseOrder()));
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(1, page);
        int fromIndex = Math.min(shown.size(), (pageNo - 1) * pageSize);
        return new Page(List.copyOf(shown.subList(fromIndex, Math.min(shown.size(), fromIndex + pageSize))), shown.size(),
                pageNo, pageSize);
    }

    /** A public project, with its published lots; a project none of whose lots is published is not found. */
    public PublicProject get(UUID id) {
        return projects.find(id).flatMap(p -> publicView(p, procedures.get(p.procedureCode())))
                .orElseThrow(() -> new DomainException(DisclosureError.DISCLOSURE_PROJECT_NOT_FOUND, id));
    }

    /**
     * The project's procurement intention (采购意向, 财库〔2020〕10号) or its recorded exemption, public once recorded;
     * empty where none is.
     */
    public Optional<org.sunbid.platform.deals.ProcurementIntention> intention(UUID projectId) {
        return projects.intention(projectId);
    }

    /**
     * The method requests of every lot of the project as the public sees them (采购方式: chosen conditions of use with their
     * articles, the department's decision, the single-source publicity and its objections' outcomes), lot by lot, the
     * latest request first. Issue 16 (A).
     */
    public List<org.sunbid.platform.tendering.MethodApprovalView> methodApprovals(UUID projectId) {
        return projects.find(projectId).map(p -> p.lots().stream()
                .flatMap(l -> methodApprovals.publicHistory(l.id()).stream()).toList()).orElse(List.of());
    }

    /** Every single-source publicity running now (公示期内，供应商可提出异议). */
    public List<org.sunbid.platform.tendering.MethodApprovalView> runningSingleSourcePublicities() {
        return methodApprovals.runningPublicities();
    }

    /** The procedure's rules in force today (Beijing date), each with its unit and article, for the notice page. */
    public List<RuleVersion> rulesInForce(String procedureCode) {
        LocalDate today = Limit.beijingDate(clock.instant());
        return procedures.versions(procedureCode).stream().filter(v -> v.inForceOn(today)).toList();
    }

    /**
     * A published auction lot as the public sees it (issue 17): its tender (name, project code, application close), its
     * procedure, the room's terms once set (null before), what a watcher sees now (null before the room exists), the
     * accepted bids under bidder numbers only (never an identity), and the signed-in bidder's own number (or null).
     *
     * @param lot       the lot
     * @param tender    its tender (the announcement)
     * @param procedure its procedure
     * @param terms     the room's terms, or null while the owner has not set them
     * @param snapshot  the room now, or null
     * @param bids      the accepted bids, oldest first
     * @param you       the signed-in bidder's number (竞买号), or null
     * @param now       the platform's time (the page's countdown counts by it, not by the visitor's clock)
     */
    public record AuctionRoomView(LotView lot, TenderView tender, ProcedureView procedure,
            org.sunbid.platform.auction.domain.AuctionTerms terms, org.sunbid.platform.auction.domain.RoomSnapshot snapshot,
            List<org.sunbid.platform.auction.domain.Bid> bids, String you, Instant now) {

        /** The bids newest first, for the history table. */
        public List<org.sunbid.platform.auction.domain.Bid> newestFirst() {
            List<org.sunbid.platform.auction.domain.Bid> copy = new ArrayList<>(bids);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }

    /**
     * The auction room of a published lot: found when the lot is published and is an auction lot (its terms are set, or
     * its procedure's rules at publication hold LIVE_BIDDING); anything else is {@code DISCLOSURE_AUCTION_NOT_FOUND}.
     * Identities never appear: the room shows bidder numbers, and the caller's own number only to the caller.
     */
    public AuctionRoomView auctionRoom(UUID lotId, org.sunbid.platform.parties.CurrentUser user) {
        TenderView tender = tenders.findPublished(lotId)
                .orElseThrow(() -> new DomainException(DisclosureError.DISCLOSURE_AUCTION_NOT_FOUND, lotId));
        ProjectView project = projects.ofLot(lotId)
                .orElseThrow(() -> new DomainException(DisclosureError.DISCLOSURE_AUCTION_NOT_FOUND, lotId));
        LotView lot = project.lots().stream().filter(l -> l.id().equals(lotId)).findFirst()
                .orElseThrow(() -> new DomainException(DisclosureError.DISCLOSURE_AUCTION_NOT_FOUND, lotId));
        var terms = auctionLots.terms(lotId).orElse(null);
        Instant at = tender.publishedAt() == null ? clock.instant() : tender.publishedAt();
        if (terms == null && !procedures.rulesAt(project.procedureCode(), at)
                .holds(org.sunbid.platform.deals.domain.RuleKeys.LIVE_BIDDING)) {
            throw new DomainException(DisclosureError.DISCLOSURE_AUCTION_NOT_FOUND, lotId);
        }
        // the bidder's entry to the room: refused (CREDIT_RESTRICTED, the records named) while a credit record bars it (issue 20)
        String you = user == null ? null : liveAuctions.numberOf(lotId, user).orElse(null);
        return new AuctionRoomView(lot, tender, procedures.get(project.procedureCode()), terms,
                liveAuctions.snapshot(lotId).orElse(null), liveAuctions.bids(lotId), you, clock.instant());
    }

    /** The auction rooms of a public project's lots (only auction lots; empty for any other project). */
    public List<AuctionRoomView> auctions(PublicProject p) {
        List<AuctionRoomView> rooms = new ArrayList<>();
        for (PublicLot l : p.lots()) {
            try {
                rooms.add(auctionRoom(l.lot().id(), null));
            } catch (DomainException e) {
                if (e.errorCode() != DisclosureError.DISCLOSURE_AUCTION_NOT_FOUND) {
                    throw e;
                }
            }
        }
        return rooms;
    }

    private Optional<PublicProject> publicView(ProjectView p, ProcedureView procedure) {
        List<PublicLot> lots = new ArrayList<>();
        for (LotView lot : p.lots()) {
            tenders.findPublished(lot.id()).ifPresent(t -> lots.add(new PublicLot(lot, t, statuses.of(t))));
        }
        if (lots.isEmpty()) {
            return Optional.empty();
        }
        Instant published = lots.stream().map(l -> l.tender().publishedAt()).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(p.createdAt());
        List<DealStage> stages = lots.stream().map(PublicLot::stage).distinct().sorted().toList();
        return Optional.of(new PublicProject(p, procedure,
                regions.find(p.regionCode()).map(org.sunbid.platform.catalog.Region::name).orElse(p.regionCode()),
                organisations.find(p.ownerId()).map(Organisation::name).orElse(""),
                p.agencyId() == null ? null : organisations.find(p.agencyId()).map(Organisation::name).orElse(null),
                published, stages, List.copyOf(lots)));
    }

    private static DealStage stage(String status) {
        if (status == null) {
            return null;
        }
        try {
            DealStage stage = DealStage.valueOf(status.strip().toUpperCase(Locale.ROOT));
            if (stage != DealStage.DRAFT) {
                return stage;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new DomainException(DisclosureError.DISCLOSURE_UNKNOWN_STATUS, status);
    }
}
