package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.tendering.domain.FilingRequirement;
import org.sunbid.platform.tendering.domain.FilingRules;
import org.sunbid.platform.tendering.domain.FilingState;

/**
 * What a tender's region requires of its documents before publication (the rule of the nearest region up the tree
 * that sets one for the tender's procedure, at the event's Beijing date) and where the tender's filing stands: the one
 * answer both publication ({@link Tenders#publish}, {@link Tenders#publicationCheck}) and filing ({@link TenderFilings})
 * ask.
 */
@Component
class FilingStates {

    private final FilingRepository filings;
    private final Regions regions;
    private final Projects projects;

    FilingStates(FilingRepository filings, Regions regions, Projects projects) {
        this.filings = filings;
        this.regions = regions;
        this.projects = projects;
    }

    FilingRequirement requirement(UUID tenderId, String regionCode, Instant at) {
        List<String> upwards = regions.find(regionCode).map(Region::upwards).orElse(List.of(regionCode));
        String procedure = projects.procedureOfLot(tenderId).orElse("GCJS_OPEN_TENDER");
        return FilingRules.resolve(upwards, filings.rules(upwards), procedure, Limit.beijingDate(at));
    }

    FilingState state(UUID tenderId, String regionCode, Instant at) {
        FilingRequirement requirement = requirement(tenderId, regionCode, at);
        if (!requirement.required()) {
            return new FilingState(requirement, null, false);
        }
        return FilingState.of(requirement, filings.latest(tenderId).orElse(null), filings.currentDocuments(tenderId));
    }
}
