package org.sunbid.platform.mall.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.BiddingStatus;
import org.sunbid.platform.mall.GroupPurchases;
import org.sunbid.platform.mall.ListingView;
import org.sunbid.platform.mall.ReverseAuctions;
import org.sunbid.platform.mall.Listings;
import org.sunbid.platform.mall.MallCatalogue;
import org.sunbid.platform.mall.MallError;
import org.sunbid.platform.mall.MallOrders;
import org.sunbid.platform.mall.MallStatistics;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Role;

/**
 * The public e-mall (电子卖场, no login): approved listings searched by text and category (certified products first
 * where the category prefers them), the published contracts (every order), one listing with its price evidence and
 * price history — and, for a signed-in buyer, the order form — and the year's sales statistics.
 */
@Controller
class MallPortal {

    private final MallCatalogue catalogue;
    private final Listings listings;
    private final MallOrders orders;
    private final MallStatistics statistics;
    private final Regions regions;
    private final java.time.Clock clock;
    private final ReverseAuctions auctions;
    private final GroupPurchases groups;

    MallPortal(MallCatalogue catalogue, Listings listings, MallOrders orders, MallStatistics statistics, Regions regions,
            java.time.Clock clock, ReverseAuctions auctions, GroupPurchases groups) {
        this.auctions = auctions;
        this.groups = groups;
        this.catalogue = catalogue;
        this.listings = listings;
        this.orders = orders;
        this.statistics = statistics;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/mall")
    String mall(@RequestParam(required = false) String q, @RequestParam(required = false) UUID category, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("listings", listings.search(q, category));
        // the results only: a running auction's bids are sealed, and its terms are on the workbench
        model.addAttribute("auctionResults", auctions.list(null).stream().filter(a -> a.status() != BiddingStatus.OPEN).toList());
        model.addAttribute("groupResults", groups.list(null).stream().filter(g -> g.status() != BiddingStatus.OPEN).toList());
        model.addAttribute("contracts", orders.contracts());
        return "portal/mall";
    }

    @GetMapping("/mall/listings/{id}")
    String listing(@PathVariable UUID id, @Nullable CurrentUser user, Model model) {
        ListingView l = listings.find(id, user).orElseThrow(() -> new DomainException(MallError.LISTING_NOT_FOUND));
        model.addAttribute("l", l);
        model.addAttribute("evidenceFiles", listings.mayDownloadEvidence(user, l));
        boolean buyer = user != null && user.role() == Role.TENDEREE && user.organisationId() != null;
        model.addAttribute("canOrder", buyer && l.orderable());
        model.addAttribute("rule", buyer ? catalogue.ruleAt(user.regionCode(), today()).orElse(null) : null);
        if (buyer && model.getAttribute("rule") == null) {
            model.addAttribute("canOrder", false);
        }
        return "portal/mall-listing";
    }

    @GetMapping("/mall/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year != null ? year : today().getYear();
        if (y < 1 || y > 9999) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, "year");
        }
        MallStatistics.Sales s = statistics.of(y);
        model.addAttribute("year", y);
        model.addAttribute("s", s);
        Map<String, List<MallStatistics.Row>> dimensions = new LinkedHashMap<>();
        dimensions.put("supplier", s.bySupplier());
        dimensions.put("buyer", s.byBuyer());
        dimensions.put("category", s.byCategory());
        dimensions.put("region", s.byRegion());
        model.addAttribute("dimensions", dimensions);
        Map<String, String> names = new LinkedHashMap<>();
        regions.all().forEach((Region r) -> names.put(r.code(), r.name()));
        model.addAttribute("regionNames", names);
        return "portal/mall-statistics";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }
}
