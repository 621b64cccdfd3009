package org.sunbid.platform.mall.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.CategoryView;
import org.sunbid.platform.mall.ListingStatus;
import org.sunbid.platform.mall.ListingView;
import org.sunbid.platform.mall.Listings;
import org.sunbid.platform.mall.MallCatalogue;
import org.sunbid.platform.mall.MallError;
import org.sunbid.platform.mall.MallOrders;
import org.sunbid.platform.mall.MallStatistics;
import org.sunbid.platform.mall.OrderView;
import org.sunbid.platform.mall.MallRule;
import org.sunbid.platform.mall.GroupPurchaseView;
import org.sunbid.platform.mall.GroupPurchases;
import org.sunbid.platform.mall.OfferView;
import org.sunbid.platform.mall.ReverseAuctionView;
import org.sunbid.platform.mall.ReverseAuctions;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The e-mall over HTTP: categories and rules (read by anyone, kept by the centre's staff), listings (searched by
 * anyone, submitted and corrected by suppliers, reviewed by the centre's staff), orders (placed, accepted and paid by
 * budget units; seen by their parties, staff and supervisors) and the public sales statistics.
 */
@RestController
class MallApi {

    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final MallStatistics statistics;
    private final java.time.Clock clock;
    private final ReverseAuctions auctions;
    private final GroupPurchases groups;

    MallApi(MallCatalogue catalogue, Listings listings, MallOrders orders, MallStatistics statistics, java.time.Clock clock,
            ReverseAuctions auctions, GroupPurchases groups) {
        this.auctions = auctions;
        this.groups = groups;
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/mall/categories")
    List<CategoryView> categories() {
        return catalogue.categories();
    }

    @PostMapping("/api/v1/mall/categories")
    @ResponseStatus(HttpStatus.CREATED)
    CategoryView addCategory(@RequestBody MallCatalogue.CategoryInput body, CurrentUser user) {
        return catalogue.addCategory(body, user);
    }

    @GetMapping("/api/v1/mall/rules")
    List<MallRule> rules() {
        return catalogue.rules();
    }

    @PostMapping("/api/v1/mall/rules")
    @ResponseStatus(HttpStatus.CREATED)
    MallRule addRule(@RequestBody MallCatalogue.RuleInput body, CurrentUser user) {
        return catalogue.addRule(body, user);
    }

    /** Approved listings, searched by text and category. */
    @GetMapping("/api/v1/mall/listings")
    List<ListingView> search(@RequestParam(required = false) String q, @RequestParam(required = false) UUID category) {
        return listings.search(q, category);
    }

    @GetMapping("/api/v1/mall/listings/{id}")
    ListingView listing(@PathVariable UUID id, @Nullable CurrentUser user) {
        return listings.find(id, user).orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
    }

    @GetMapping("/api/v1/mall/listings/mine")
    List<ListingView> mine(CurrentUser user) {
        return listings.mine(user);
    }

    /** The listings to review (default: pending). */
    @GetMapping("/api/v1/mall/reviews")
    List<ListingView> forReview(@RequestParam(required = false) ListingStatus status, CurrentUser user) {
        return listings.forReview(status == null ? ListingStatus.PENDING : status, user);
    }

    @PostMapping("/api/v1/mall/listings")
    @ResponseStatus(HttpStatus.CREATED)
    ListingView submit(@RequestBody Listings.ListingInput body, CurrentUser user) {
        return listings.submit(body, user);
    }

    @PostMapping("/api/v1/mall/listings/{id}/price")
    ListingView changePrice(@PathVariable UUID id, @RequestBody PriceInput body, CurrentUser user) {
        return listings.changePrice(id, body == null ? null : body.price(), body == null ? null : body.lowPriceReason(), user);
    }

    @PostMapping("/api/v1/mall/listings/{id}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    ListingView addEvidence(@PathVariable UUID id, @RequestBody Listings.EvidenceInput body, CurrentUser user) {
        return listings.addEvidence(id, body, user);
    }

    /**
     * A piece of evidence's kept screenshot or PDF (attachment, its SM3 in X-Content-SM3): for the collecting body,
     * supervisors and the supplier; others and unknown listings 404 {@code LISTING_NOT_FOUND}, evidence without a kept
     * file 404 {@code MALL_EVIDENCE_FILE_NOT_FOUND}.
     */
    @GetMapping("/api/v1/mall/listings/{id}/evidence/{evidenceId}/file")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> evidenceFile(@PathVariable UUID id,
            @PathVariable UUID evidenceId, CurrentUser user) {
        return listings.evidenceFile(id, evidenceId, user).asAttachment();
    }

    @PostMapping("/api/v1/mall/listings/{id}/review")
    ListingView review(@PathVariable UUID id, @RequestBody ReviewInput body, CurrentUser user) {
        return listings.review(id, body == null ? null : body.decision(), body == null ? null : body.reason(), user);
    }

    @PostMapping("/api/v1/mall/listings/{id}/withdrawal")
    ListingView withdraw(@PathVariable UUID id, CurrentUser user) {
        return listings.withdraw(id, user);
    }

    @GetMapping("/api/v1/mall/orders")
    List<OrderView> orders(CurrentUser user) {
        return orders.visibleTo(user);
    }

    @GetMapping("/api/v1/mall/orders/{id}")
    OrderView order(@PathVariable UUID id, CurrentUser user) {
        return orders.find(id, user).orElseThrow(() -> new DomainException(MallError.MALL_ORDER_NOT_FOUND));
    }

    @PostMapping("/api/v1/mall/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView orderDirect(@RequestBody MallOrders.DirectOrder body, CurrentUser user) {
        return orders.orderDirect(body, user);
    }

    @PostMapping("/api/v1/mall/comparisons")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView orderByComparison(@RequestBody MallOrders.ComparisonOrder body, CurrentUser user) {
        return orders.orderByComparison(body, user);
    }

    @PostMapping("/api/v1/mall/orders/{id}/acceptance")
    OrderView accept(@PathVariable UUID id, @RequestBody MallOrders.Acceptance body, CurrentUser user) {
        return orders.accept(id, body, user);
    }

    @PostMapping("/api/v1/mall/orders/{id}/payment")
    OrderView pay(@PathVariable UUID id, CurrentUser user) {
        return orders.pay(id, user);
    }

    /** The year's sales (default: this year, Beijing). */
    @GetMapping("/api/v1/mall/statistics")
    YearSales statistics(@RequestParam(required = false) Integer year) {
        int y = year != null ? year : LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
        if (y < 1 || y > 9999) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "year");
        }
        MallStatistics.Sales s = statistics.of(y);
        return new YearSales(y, s.orders(), s.total(), s.bySupplier(), s.byBuyer(), s.byCategory(), s.byRegion());
    }

    /** A year's sales as this API has always given them. */
    record YearSales(int year, long orders, BigDecimal total, List<MallStatistics.Row> bySupplier, List<MallStatistics.Row> byBuyer,
            List<MallStatistics.Row> byCategory, List<MallStatistics.Row> byRegion) {
    }

    /** Reverse auctions: their terms are public; their bids only after the close. */
    @GetMapping("/api/v1/mall/reverse-auctions")
    List<ReverseAuctionView> reverseAuctions(@Nullable CurrentUser user) {
        return auctions.list(user);
    }

    @GetMapping("/api/v1/mall/reverse-auctions/{id}")
    ReverseAuctionView reverseAuction(@PathVariable UUID id, @Nullable CurrentUser user) {
        return auctions.find(id, user).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
    }

    /** Each supplier's standing bid after the close; before it MALL_BIDS_SEALED, the same for everyone. */
    @GetMapping("/api/v1/mall/reverse-auctions/{id}/bids")
    List<OfferView> reverseAuctionBids(@PathVariable UUID id, @Nullable CurrentUser user) {
        return auctions.offers(id, user);
    }

    @PostMapping("/api/v1/mall/reverse-auctions")
    @ResponseStatus(HttpStatus.CREATED)
    ReverseAuctionView openReverseAuction(@RequestBody ReverseAuctions.Opening body, CurrentUser user) {
        return auctions.open(body, user);
    }

    @PostMapping("/api/v1/mall/reverse-auctions/{id}/bids")
    @ResponseStatus(HttpStatus.CREATED)
    ReverseAuctionView bid(@PathVariable UUID id, @RequestBody ReverseAuctions.BidInput body, CurrentUser user) {
        return auctions.bid(id, body, user);
    }

    /** Group purchases: terms, buyers' number and combined quantity public; quotes only after the close. */
    @GetMapping("/api/v1/mall/group-purchases")
    List<GroupPurchaseView> groupPurchases(@Nullable CurrentUser user) {
        return groups.list(user);
    }

    @GetMapping("/api/v1/mall/group-purchases/{id}")
    GroupPurchaseView groupPurchase(@PathVariable UUID id, @Nullable CurrentUser user) {
        return groups.find(id, user).orElseThrow(() -> new DomainException(MallError.MALL_BIDDING_NOT_FOUND));
    }

    /** Each supplier's standing quote after the close; before it MALL_BIDS_SEALED, the same for everyone. */
    @GetMapping("/api/v1/mall/group-purchases/{id}/quotes")
    List<OfferView> groupPurchaseQuotes(@PathVariable UUID id, @Nullable CurrentUser user) {
        return groups.offers(id, user);
    }

    @PostMapping("/api/v1/mall/group-purchases")
    @ResponseStatus(HttpStatus.CREATED)
    GroupPurchaseView openGroupPurchase(@RequestBody GroupPurchases.Opening body, CurrentUser user) {
        return groups.open(body, user);
    }

    @PostMapping("/api/v1/mall/group-purchases/{id}/members")
    GroupPurchaseView join(@PathVariable UUID id, @RequestBody GroupPurchases.Joining body, CurrentUser user) {
        return groups.join(id, body, user);
    }

    @PostMapping("/api/v1/mall/group-purchases/{id}/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    GroupPurchaseView quote(@PathVariable UUID id, @RequestBody GroupPurchases.QuoteInput body, CurrentUser user) {
        return groups.quote(id, body, user);
    }

    record PriceInput(BigDecimal price, String lowPriceReason) {
    }

    record ReviewInput(Listings.Decision decision, String reason) {
    }
}
