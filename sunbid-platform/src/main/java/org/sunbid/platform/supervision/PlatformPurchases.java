package org.sunbid.platform.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * The platform's own government purchases for the split-purchase check (政府采购法实施条例 Art. 28): every registered
 * ZFCG project that names its 品目, dated by its registration (Beijing), valued at its budget, with the open-tender
 * threshold the catalogue gives for it. Asked through {@code deals}' API, never its tables.
 */
@Component
class PlatformPurchases implements PurchaseSource {

    private final Projects projects;
    private final Organisations organisations;
    private final MustTradeCatalogue catalogue;

    PlatformPurchases(Projects projects, Organisations organisations, MustTradeCatalogue catalogue) {
        this.projects = projects;
        this.organisations = organisations;
        this.catalogue = catalogue;
    }

    @Override
    public List<PurchaseFact> purchases(List<String> regionCodes) {
        List<ProjectView> found = projects.withItemCode(DealKind.ZFCG, regionCodes);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = organisations.findAll(found.stream().map(ProjectView::ownerId).toList()).stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
        List<PurchaseFact> facts = new ArrayList<>();
        for (ProjectView p : found) {
            Category category = category(p);
            var date = p.createdAt().atZone(MustTradeCatalogue.BEIJING).toLocalDate();
            var value = p.budget().yuan();
            MustTradeCatalogue.Answer answer = catalogue.decide(DealKind.ZFCG, category, value, p.regionCode(), date);
            if (answer.threshold() != null) {
                facts.add(new PurchaseFact(p.ownerId(), names.getOrDefault(p.ownerId(), ""), p.itemCode(), date, value,
                        answer.threshold(), p.dealCode() + " " + p.name(), p.regionCode()));
            }
        }
        return facts;
    }

    private static Category category(ProjectView p) {
        return p.category() == null ? Category.GOODS : Category.valueOf(p.category().name());
    }

}
