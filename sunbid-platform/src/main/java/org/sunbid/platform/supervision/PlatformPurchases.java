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
 * ZFCG project that names its 品目: each lot at its awarded price once awarded (kept from evaluation's typed
 * {@code LotAwarded} by {@link PlatformAwards}), at its budget before; dated by its last award, else its registration
 * (Beijing); with the open-tender threshold the catalogue gives for it. Asked through {@code deals}' API, never its tables.
 */
@Component
class PlatformPurchases implements PurchaseSource {

    private final Projects projects;
    private final Organisations organisations;
    private final MustTradeCatalogue catalogue;
    private final PlatformAwards awards;

    PlatformPurchases(Projects projects, Organisations organisations, MustTradeCatalogue catalogue, PlatformAwards awards) {
        this.projects = projects;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.awards = awards;
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
            // each lot at its awarded price once awarded (evaluation's LotAwarded), at its budget before; the
            // purchase is dated by its last award, or by its registration while nothing is awarded
            java.time.Instant when = p.createdAt();
            java.math.BigDecimal value = java.math.BigDecimal.ZERO;
            for (var lot : projects.find(p.id()).map(ProjectView::lots).orElse(List.of())) {
                var award = awards.of(lot.id()).filter(a -> a.price() != null);
                if (award.isPresent()) {
                    value = value.add(award.get().price());
                    when = award.get().awardedAt().isAfter(when) ? award.get().awardedAt() : when;
                } else {
                    value = value.add(lot.budget().yuan());
                }
            }
            if (value.signum() == 0) {
                value = p.budget().yuan();
            }
            var date = when.atZone(MustTradeCatalogue.BEIJING).toLocalDate();
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
