package org.sunbid.platform.intermediaries.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.intermediaries.Intermediaries;
import org.sunbid.platform.intermediaries.Selections;

/**
 * The portal's intermediary market (中介超市, public): the approved intermediaries with their kinds, qualifications, areas
 * and ratings, the published selection results (each random draw with its record and the verify command), and one
 * intermediary's profile.
 */
@Controller
class IntermediaryPortal {

    private final Intermediaries intermediaries;
    private final Selections selections;
    private final Regions regions;

    IntermediaryPortal(Intermediaries intermediaries, Selections selections, Regions regions) {
        this.intermediaries = intermediaries;
        this.selections = selections;
        this.regions = regions;
    }

    @GetMapping("/intermediaries")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region, Model model) {
        common(model);
        model.addAttribute("kind", kind);
        model.addAttribute("region", region);
        model.addAttribute("intermediaries", intermediaries.published(kind, region));
        model.addAttribute("results", selections.results());
        return "portal/intermediaries";
    }

    @GetMapping("/intermediaries/{id}")
    String profile(@PathVariable UUID id, Model model) {
        common(model);
        model.addAttribute("p", intermediaries.profile(id, null));
        return "portal/intermediary";
    }

    private void common(Model model) {
        Map<String, String> kinds = new LinkedHashMap<>();
        intermediaries.serviceKinds().forEach(k -> kinds.put(k.code(), k.nameZh()));
        model.addAttribute("kinds", kinds);
        Map<String, String> names = new LinkedHashMap<>();
        regions.all().forEach((Region r) -> names.put(r.code(), r.name()));
        model.addAttribute("regionNames", names);
    }
}
