package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import tools.jackson.databind.JsonNode;

/**
 * A land-use-right listing (TDSYQ_LISTING, 39号令 Art. 17–19) the demo agency drafts for 云州市城市建设投资集团 through
 * {@link AuctionFlow} on the earliest schedule the rules allow: for the page tests (issue 17, part P).
 */
public final class LandListing {

    public static final String LOT_NAME = "云州市城东片区 2026-08 号地块国有建设用地使用权";
    public static final String PROCEDURE = "TDSYQ_LISTING";

    private LandListing() {
    }

    /** The drafted project's JSON (id, lots[0].id, …), without terms. */
    public static JsonNode draft(AuctionFlow flow, Instant now) {
        AuctionFlow.Plan plan = flow.plan(PROCEDURE, now);
        ApiClient.Response created = flow.project(PROCEDURE, LOT_NAME, "8000000.00", "1600000.00", plan.applicationClose());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Drafted, its terms set (start 8,000,000.00, increment 100,000.00, a sealed reserve) and published now. */
    public static JsonNode published(AuctionFlow flow, Instant now) {
        JsonNode project = draft(flow, now);
        String lot = project.path("lots").get(0).path("id").asString();
        ApiClient.Response terms = flow.terms(lot, flow.termsBody(PROCEDURE, flow.plan(PROCEDURE, now), "8000000.00", "100000.00"));
        assertThat(terms.status()).as(terms.body()).isEqualTo(200);
        ApiClient.Response published = flow.publish(lot, now);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return project;
    }
}
