package org.sunbid.platform.disclosure.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.RegionLevel;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;

/** The public portal: home page and guide. Everything shown here is public by nature. */
@Controller
class PortalController {

    private final Regions regions;
    private final Organisations organisations;
    private final Experts experts;
    private final SunbidProperties properties;

    PortalController(Regions regions, Organisations organisations, Experts experts, SunbidProperties properties) {
        this.regions = regions;
        this.organisations = organisations;
        this.experts = experts;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        List<Region> served = regions.all().stream()
                .filter(r -> r.level() == RegionLevel.CITY || r.level() == RegionLevel.COUNTY).toList();
        Map<OrganisationKind, Long> counts = organisations.countByKind();
        model.addAttribute("portalName", properties.portalName());
        model.addAttribute("regions", served);
        model.addAttribute("tenderees", counts.get(OrganisationKind.TENDEREE));
        model.addAttribute("agencies", counts.get(OrganisationKind.AGENCY));
        model.addAttribute("bidders", counts.get(OrganisationKind.BIDDER));
        model.addAttribute("experts", experts.countActive());
        model.addAttribute("specialties", experts.countsBySpecialty());
        return "portal/home";
    }

    @GetMapping("/guide")
    String guide(Model model) {
        model.addAttribute("portalName", properties.portalName());
        return "portal/guide";
    }
}
