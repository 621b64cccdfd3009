package org.sunbid.platform.supervision.web;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.supervision.Exemptions;
import org.sunbid.platform.supervision.MustTradeCatalogue;
import org.sunbid.platform.supervision.OffPlatformDeals;

/**
 * The portal's supervision pages (信息公开): approved exemptions (不进场交易) with their reason and legal basis, published
 * off-platform reports (场外交易报告), and a region's must-trade catalogue (应进必进目录).
 */
@Controller
class SupervisionPortal {

    private final Exemptions exemptions;
    private final OffPlatformDeals deals;
    private final MustTradeCatalogue catalogue;
    private final Regions regions;

    SupervisionPortal(Exemptions exemptions, OffPlatformDeals deals, MustTradeCatalogue catalogue, Regions regions) {
        this.exemptions = exemptions;
        this.deals = deals;
        this.catalogue = catalogue;
        this.regions = regions;
    }

    @GetMapping("/supervision/exemptions")
    String exemptions(Model model) {
        model.addAttribute("exemptions", exemptions.published());
        model.addAttribute("regionNames", names());
        return "portal/supervision-exemptions";
    }

    @GetMapping("/supervision/exemptions/{id}")
    String exemption(@PathVariable UUID id, Model model) {
        model.addAttribute("e", exemptions.publishedOne(id));
        model.addAttribute("regionNames", names());
        return "portal/supervision-exemption";
    }

    @GetMapping("/supervision/reports")
    String reports(Model model) {
        model.addAttribute("reports", deals.published());
        model.addAttribute("regionNames", names());
        return "portal/supervision-reports";
    }

    @GetMapping("/supervision/catalogue")
    String catalogue(@RequestParam(required = false) String region, Model model) {
        java.util.List<Region> all = regions.all();
        String code = region == null || region.isBlank() ? (all.isEmpty() ? null : all.get(0).code()) : region;
        model.addAttribute("regions", all);
        model.addAttribute("region", code);
        model.addAttribute("regionNames", names());
        LocalDate today = catalogue.today();
        model.addAttribute("today", today);
        model.addAttribute("entries", code == null ? java.util.List.of() : catalogue.effective(code, today));
        return "portal/supervision-catalogue";
    }

    private java.util.Map<String, String> names() {
        return regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
    }
}
