package org.sunbid.platform.venues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.evaluation.PublicityStarted;
import org.sunbid.platform.tendering.BidDeadlineMoved;

import tools.jackson.databind.JsonNode;

/**
 * The demo's venues (issue 20 V, acceptance 5): the centre's rooms, today's bookings, a booking flagged after the draft's
 * deadline moved, and the history pool tender's sign-ins (the committee's disclosed after its evaluation) and recording.
 */
class DemoVenuesIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    private String lot(String code) {
        return jdbc.sql("SELECT id FROM tender WHERE project_code = :c").param("c", code).query(String.class).single();
    }

    @Test
    void theDemoShowsRoomsBookingsAFlaggedBookingAndTheEvidenceOfAFinishedEvaluation() {
        awaitEventsCompleted(BidDeadlineMoved.class);
        awaitEventsCompleted(PublicityStarted.class);
        ApiClient api = new ApiClient(baseUrl());
        assertThat(api.get("/api/v1/venues/rooms", api.token("agency")).body()).contains("第一开标室").contains("第一评标室")
                .contains("远程异地评标席位A");
        JsonNode school = api.get("/api/v1/lots/" + lot("YZ-2026-GC-0101") + "/venue-bookings", api.token("agency")).json();
        assertThat(school.size()).isEqualTo(2);
        JsonNode draft = api.get("/api/v1/lots/" + lot("YZ-2026-GC-0103") + "/venue-bookings", api.token("agency")).json();
        assertThat(draft.toString()).contains("\"status\":\"FLAGGED\"").contains("\"status\":\"BOOKED\"");
        assertThat(api.get("/api/v1/venues/bookings?flagged=true", api.token("centre")).body()).contains(lot("YZ-2026-GC-0103"));

        JsonNode evidence = api.get("/api/v1/lots/" + lot("YZ-2026-GC-0090") + "/venue-evidence", api.token("agency")).json();
        assertThat(evidence.path("evaluationEnded").asBoolean()).isTrue();
        assertThat(evidence.path("recordings").size()).isEqualTo(1);
        assertThat(evidence.path("signIns").size()).isGreaterThan(1);
        assertThat(evidence.toString()).doesNotContain(SessionEvidence.MASKED);
        long disclosed = jdbc.sql("""
                SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = 'venues.sign-in.disclosed'
                AND details::json->>'subject' = :s""").param("s", lot("YZ-2026-GC-0090")).query(Long.class).single();
        long expertSignIns = jdbc.sql("SELECT COUNT(*) FROM venue_sign_in WHERE lot_id = CAST(:s AS UUID) AND person_kind = 'EXPERT'")
                .param("s", lot("YZ-2026-GC-0090")).query(Long.class).single();
        assertThat(expertSignIns).isPositive();
        assertThat(disclosed).isEqualTo(expertSignIns);
    }
}
