package org.sunbid.platform.disclosure.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

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
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpenedBid;

import tools.jackson.databind.JsonNode;

/**
 * The OCDS export over the demo data (issue 18, acceptance 2): every release the API gives validates against the OCDS
 * 1.1 release schema with the bid extension merged in; the bids and awards are the signed opening records' and the
 * published results'; the daily bulk file is the same releases, its SM3 is in the transparency log, and a second run
 * for the same day gives the same bytes and logs nothing new.
 */
class OcdsExportIT extends PlatformIT {

    private static final OcdsSchema SCHEMA = new OcdsSchema();

    @Autowired
    private BidOpenings openings;

    @Autowired
    private Awards awards;

    @Autowired
    private Projects projects;

    @Autowired
    private Organisations organisations;

    @Autowired
    private AuctionLots auctionLots;

    @Autowired
    private AuctionResults auctionResults;

    @Autowired
    private OcdsBulkFiles bulkFiles;

    @Autowired
    private AuditLog auditLog;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    /** Every release, through the API's pages (oldest first). */
    private List<JsonNode> allReleases() {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; page < 100; page++) {
            ApiClient.Response r = api().get("/api/v1/ocds/releases?size=40&page=" + page, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("releases").forEach(out::add);
            if (!r.json().path("links").has("next")) {
                break;
            }
        }
        return out;
    }

    private static String ocid(ProjectView p) {
        return "ocds-sunbid-" + p.dealCode();
    }

    private JsonNode release(String id) {
        ApiClient.Response r = api().get("/api/v1/ocds/releases/" + id, null);
        assertThat(r.status()).as(id + " " + r.body()).isEqualTo(200);
        return r.json().path("releases").get(0);
    }

    @Test
    void everyReleaseOfTheDemoValidatesAgainstTheReleaseSchemaWithTheBidExtension() {
        List<JsonNode> releases = allReleases();
        assertThat(releases).hasSizeGreaterThan(20);
        Set<String> tags = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : releases) {
            assertThat(SCHEMA.errors(r)).as(r.path("id").asString()).isEmpty();
            assertThat(ids.add(r.path("id").asString())).as("unique id " + r.path("id")).isTrue();
            r.path("tag").forEach(t -> tags.add(t.asString()));
            assertThat(r.path("date").asString()).endsWith("+08:00");
        }
        assertThat(tags).contains("tender", "tenderUpdate", "award");
        assertThat(releases).anyMatch(r -> r.has("bids") && r.path("bids").has("details"));

        ApiClient.Response records = api().get("/api/v1/ocds/records?size=100", null);
        assertThat(records.status()).isEqualTo(200);
        JsonNode pkg = records.json();
        assertThat(pkg.path("version").asString()).isEqualTo("1.1");
        assertThat(pkg.path("extensions").get(0).asString()).contains("ocds_bid_extension");
        assertThat(pkg.path("publisher").path("scheme").asString()).isEqualTo("CN-USCC");
        assertThat(pkg.path("records").size()).isGreaterThan(5);
        for (JsonNode record : pkg.path("records")) {
            assertThat(SCHEMA.errors(record.path("compiledRelease"))).as(record.path("ocid").asString()).isEmpty();
            assertThat(record.path("releases").size()).isPositive();
        }
    }

    @Test
    void theBidsAreTheOpeningRecordsAndTheAwardsThePublishedResults() {
        int checked = 0;
        for (UUID lotId : openings.openedTenders()) {
            List<OpenedBid> bids = openings.openedBids(lotId);
            ProjectView p = projects.ofLot(lotId).orElse(null);
            if (p == null || bids.isEmpty()) {
                continue;
            }
            int lotNo = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow().lotNo();
            JsonNode details = release(ocid(p) + "-" + lotNo + "-bids").path("bids").path("details");
            assertThat(details.size()).isEqualTo(bids.size());
            for (int i = 0; i < bids.size(); i++) {
                OpenedBid b = bids.get(i);
                JsonNode d = details.get(i);
                assertThat(d.path("id").asString()).isEqualTo(b.bidId().toString());
                String code = organisations.find(b.bidderId()).orElseThrow().creditCode().value();
                assertThat(d.path("tenderers").get(0).path("id").asString()).isEqualTo("CN-USCC-" + code);
                assertThat(d.path("tenderers").get(0).path("name").asString()).isEqualTo(b.bidder());
                assertThat(d.path("status").asString()).isEqualTo(b.opened() ? "pending" : "disqualified");
                if (b.price() != null) {
                    assertThat(d.path("value").path("amount").decimalValue()).isEqualByComparingTo(b.price());
                    assertThat(d.path("value").path("currency").asString()).isEqualTo("CNY");
                }
            }
            checked++;
        }
        assertThat(checked).as("opened demo lots checked").isGreaterThanOrEqualTo(2);

        int awarded = 0;
        for (Awards.AwardView a : awards.published(20)) {
            if (a.winner() == null) {
                continue;
            }
            ProjectView p = projects.ofLot(a.tenderId()).orElseThrow();
            int lotNo = p.lots().stream().filter(l -> l.id().equals(a.tenderId())).findFirst().orElseThrow().lotNo();
            JsonNode award = release(ocid(p) + "-" + lotNo + "-award").path("awards").get(0);
            assertThat(award.path("status").asString()).isEqualTo("active");
            assertThat(award.path("suppliers").get(0).path("name").asString()).isEqualTo(a.winner().bidder());
            assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal(a.winner().price()));
            awarded++;
        }
        assertThat(awarded).as("awarded demo lots checked").isPositive();

        int deals = 0;
        for (UUID lotId : auctionLots.lotIds()) {
            AuctionResults.ResultView result;
            try {
                result = auctionResults.result(lotId);
            } catch (org.sunbid.platform.kernel.DomainException e) {
                continue;
            }
            ProjectView p = projects.ofLot(lotId).orElseThrow();
            int lotNo = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow().lotNo();
            JsonNode award = release(ocid(p) + "-" + lotNo + "-auction").path("awards").get(0);
            if (result.deal()) {
                assertThat(award.path("status").asString()).isEqualTo("active");
                assertThat(award.path("suppliers").get(0).path("id").asString()).isEqualTo("CN-USCC-" + result.winnerCreditCode());
                assertThat(award.path("value").path("amount").decimalValue()).isEqualByComparingTo(result.price().yuan());
            } else {
                assertThat(award.path("status").asString()).isEqualTo("unsuccessful");
            }
            deals++;
        }
        assertThat(deals).as("auction results checked").isPositive();
    }

    @Test
    void theBulkFileHoldsTheReleasesItsSm3IsLoggedAndASecondRunGivesTheSameBytes() throws Exception {
        LocalDate day = Limit.beijingDate(clock.instant());
        Instant until = day.plusDays(1).atStartOfDay(Limit.BEIJING).toInstant();
        OcdsBulkFiles.BulkFile first = bulkFiles.write(day);
        Path file = DATA.resolve("open-data").resolve("ocds").resolve(first.name());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(org.sunbid.crypto.Sm3.hex(bytes)).isEqualTo(first.sm3());
        var entry = auditLog.entries(first.logSeq(), first.logSeq() + 1).get(0);
        assertThat(entry.payload()).contains(first.sm3()).contains(first.name());

        long logSize = auditLog.size();
        OcdsBulkFiles.BulkFile second = bulkFiles.write(day);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(auditLog.size()).as("nothing new logged for the same bytes").isEqualTo(logSize);

        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        }
        List<JsonNode> expected = allReleases().stream()
                .filter(r -> java.time.OffsetDateTime.parse(r.path("date").asString()).toInstant().isBefore(until)).toList();
        assertThat(lines).hasSize(expected.size()).hasSize((int) first.releases());
        Set<String> inFile = new HashSet<>();
        for (String line : lines) {
            JsonNode r = OcdsSchema.JSON.readTree(line);
            assertThat(SCHEMA.errors(r)).isEmpty();
            inFile.add(r.path("id").asString());
        }
        assertThat(inFile).containsExactlyInAnyOrderElementsOf(expected.stream().map(r -> r.path("id").asString()).toList());

        // downloadable from the 数据开放 page, with the logged SM3
        assertThat(api().bytes("/open-data/ocds/" + day + ".jsonl.gz", null)).isEqualTo(bytes);
        assertThat(api().get("/open-data", null).body()).contains(first.sm3()).contains("/open-data/ocds/" + day + ".jsonl.gz");
    }

    @Test
    void badParametersAreProblemsWithAStableCode() {
        for (String query : List.of("since=yesterday", "until=2026-13-01", "page=0", "page=x", "size=0", "size=101",
                "since=2026-12-02&until=2026-12-01")) {
            ApiClient.Response r = api().get("/api/v1/ocds/releases?" + query, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.isProblem()).as(query).isTrue();
            assertThat(r.code()).as(query).isEqualTo("OCDS_BAD_PARAMETER");
        }
        assertThat(api().get("/api/v1/ocds/records?size=-1", null).code()).isEqualTo("OCDS_BAD_PARAMETER");
        assertThat(api().get("/api/v1/ocds/releases/ocds-sunbid-nothing", null).code()).isEqualTo("OCDS_RELEASE_NOT_FOUND");
        assertThat(api().get("/api/v1/ocds/records/ocds-sunbid-GCJS-0-0-0", null).code()).isEqualTo("OCDS_RECORD_NOT_FOUND");
        assertThat(api().get("/open-data/ocds/1999-01-01.jsonl.gz", null).status()).isEqualTo(404); // a page: the error page
    }

    @Test
    void sinceAndUntilSelectByReleaseDate() {
        List<JsonNode> all = allReleases();
        String middle = all.get(all.size() / 2).path("date").asString();
        Instant at = java.time.OffsetDateTime.parse(middle).toInstant();
        JsonNode since = api().get("/api/v1/ocds/releases?size=100&since=" + middle.replace("+", "%2B"), null).json();
        assertThat(since.path("releases").size()).isPositive();
        since.path("releases").forEach(r -> assertThat(java.time.OffsetDateTime.parse(r.path("date").asString()).toInstant())
                .isAfterOrEqualTo(at));
        JsonNode until = api().get("/api/v1/ocds/releases?size=100&until=" + middle.replace("+", "%2B"), null).json();
        until.path("releases").forEach(r -> assertThat(java.time.OffsetDateTime.parse(r.path("date").asString()).toInstant())
                .isBefore(at));
        assertThat(api().get("/api/v1/ocds/releases?size=100&since=" + middle.replace("+", "%2B"), null).body())
                .as("same data, same bytes").isEqualTo(api().get("/api/v1/ocds/releases?size=100&since="
                        + middle.replace("+", "%2B"), null).body());
    }
}
