package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.RuleKeys;

/**
 * Whether a lot's bids are placed live in the auction room (issue 17: land, mining, state property) rather than sealed:
 * the lot's rules say so (LIVE_BIDDING, e.g. 39号令 Art. 15–19 online auction and listing), never its procedure's name.
 * Such a lot has no opening key, takes no sealed bid and opens nothing when applications close.
 */
@Component
class LiveBidding {

    private final Projects projects;
    private final Procedures procedures;

    LiveBidding(Projects projects, Procedures procedures) {
        this.projects = projects;
        this.procedures = procedures;
    }

    /** Whether lot {@code lotId}'s rules in force at {@code at} hold LIVE_BIDDING (false for an unknown lot). */
    boolean live(UUID lotId, Instant at) {
        return projects.procedureOfLot(lotId).map(code -> procedures.rulesAt(code, at).holds(RuleKeys.LIVE_BIDDING))
                .orElse(false);
    }
}
