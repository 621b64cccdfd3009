package org.sunbid.platform.disclosure.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18, acceptance 4 for the OCDS export: nothing before its time. An attacker reads the whole export (every
 * release page, the process's record, the day's bulk file) before and after bidders register, pay and seal their bids:
 * not a byte differs until the opening record is complete; then the bids appear as the record lists them. A live lot
 * shows no bidder before its result is recorded.
 */
class OcdsSecrecyIT extends PlatformIT {

    @Autowired
    private Projects projects;

    @Autowired
    private Tenders tenders;

    @Autowired
    private OcdsBulkFiles bulkFiles;

    @Autowired
    private AuditLog auditLog;

    @Autowired
    private AuctionLots auctionLots;

    @Autowired
    private AuctionResults auctionResults;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    /** Everything the export shows: every page of releases, and the process's record. */
    private String export(String ocid) {
        StringBuilder all = new StringBuilder();
        for (int page = 1; page < 100; page++) {
            ApiClient.Response r = api().get("/api/v1/ocds/releases?size=100&page=" + page, null);
            assertThat(r.status()).isEqualTo(200);
            all.append(r.body());
            if (!r.json().path("links").has("next")) {
                break;
            }
        }
        return all.append(record(ocid)).toString();
    }

    private String record(String ocid) {
        ApiClient.Response r = api().get("/api/v1/ocds/records/" + ocid, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void registrationsAndSealedBidsChangeNothingInTheExportUntilTheOpening() throws Exception {
        JsonNode draft = publishTender(api(), Duration.ofDays(21), "500000");
        String tenderId = draft.path("id").asString();
        Instant deadline = Instant.parse(draft.path("bidDeadline").asString());
        ProjectView project = projects.ofLot(UUID.fromString(tenderId)).orElseThrow();
        String ocid = "ocds-sunbid-" + project.dealCode();
        LocalDate today = Limit.beijingDate(clock.instant());

        String before = export(ocid);
        assertThat(before).contains(ocid + "-1-tender");
        OcdsBulkFiles.BulkFile fileBefore = bulkFiles.write(today);

        for (String bidder : new String[] {"bidder1", "bidder2", "bidder3"}) {
            assertThat(sealAndUpload(tenderId, bidder, "3" + bidder.charAt(6) + "000000.00")).as(bidder).isTrue();
        }

        long logSize = auditLog.size();
        assertThat(export(ocid)).as("registrations, deposits and sealed bids are not exported").isEqualTo(before);
        OcdsBulkFiles.BulkFile fileAfter = bulkFiles.write(today);
        assertThat(fileAfter.sm3()).as("the bulk file's bytes do not change").isEqualTo(fileBefore.sm3());
        assertThat(auditLog.size()).as("so no new bulk-file entry").isEqualTo(logSize);

        // bidding closed, the opening awaits the custodians' shares: still nothing
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        String closed = record(ocid);
        assertThat(closed).doesNotContain("\"bids\"").doesNotContain(creditCodeOf("bidder1"))
                .doesNotContain(creditCodeOf("bidder2")).doesNotContain("31000000");
        assertThat(closed).isEqualTo(record(ocid));

        assertThat(releaseShare(tenderId, "centre").status()).isEqualTo(200);
        assertThat(record(ocid)).as("one share is not an opening").isEqualTo(closed);
        JsonNode opened = releaseShare(tenderId, "supervisor").json();
        assertThat(opened.path("status").asString()).as(opened.toString()).isEqualTo("OPENED");

        JsonNode bids = api().get("/api/v1/ocds/releases/" + ocid + "-1-bids", null).json().path("releases").get(0)
                .path("bids").path("details");
        assertThat(bids.size()).isEqualTo(3);
        java.util.Set<String> tenderers = new java.util.HashSet<>();
        bids.forEach(b -> tenderers.add(b.path("tenderers").get(0).path("id").asString()));
        assertThat(tenderers).containsExactlyInAnyOrder("CN-USCC-" + creditCodeOf("bidder1"), "CN-USCC-" + creditCodeOf("bidder2"),
                "CN-USCC-" + creditCodeOf("bidder3"));
        assertThat(record(ocid)).contains("31000000").contains("32000000").contains("33000000");
    }

    @Test
    void aLiveLotShowsNoBidderBeforeItsResultIsRecorded() {
        int checked = 0;
        for (UUID lotId : auctionLots.lotIds()) {
            try {
                auctionResults.result(lotId);
                continue; // recorded: public
            } catch (DomainException e) {
                // no result yet: the bidders stay sealed
            }
            ProjectView p = projects.ofLot(lotId).orElseThrow();
            ApiClient.Response r = api().get("/api/v1/ocds/records/ocds-sunbid-" + p.dealCode(), null);
            if (r.status() == 404) {
                continue; // not published
            }
            JsonNode compiled = r.json().path("records").get(0).path("compiledRelease");
            compiled.path("parties").forEach(party -> assertThat(party.path("roles").toString())
                    .as(p.dealCode()).doesNotContain("tenderer").doesNotContain("supplier"));
            assertThat(compiled.has("bids")).as(p.dealCode()).isFalse();
            assertThat(compiled.has("awards")).as(p.dealCode()).isFalse();
            checked++;
        }
        assertThat(checked).as("published auction lots without a result in the demo").isPositive();
    }
}
