package org.sunbid.platform.supervision.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.supervision.Warnings;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.screening.bids.LotProfile;

import tools.jackson.databind.JsonNode;

/**
 * Issue 19 C through the running platform: the bid screens run at every opening of a lot with four bids or more and
 * flag a cluster of cover bids against comparable lots (none for a lot of three bids); before the opening nothing is
 * screened, raised or shown, whoever asks; the network screen finds the demo's cartel of three across its tenders,
 * names them with the lots, prices and winners, and finds nothing among the demo's honest lots.
 */
class ScreeningIT extends PlatformIT {

    @Autowired LotScreening screening;
    @Autowired ScreenHistory history;
    @Autowired Tenders tenders;
    @Autowired Projects projects;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectProvider<Warnings> warnings;
    @Autowired org.sunbid.platform.sealing.BidOpenings openings;

    private final List<UUID> imported = new ArrayList<>();

    /** Ten honest lots (bids spread 2–16 %, no cluster), as multiples of 240 000 yuan. */
    private static final double[][] HONEST = {
            {100, 104, 109, 113}, {100, 103, 107, 112, 115}, {100, 106, 108, 114}, {100, 102, 107, 111},
            {100, 105, 110, 112, 116}, {100, 103, 106, 113}, {100, 104, 107, 109}, {100, 107, 111, 115},
            {100, 102, 105, 110, 114}, {100, 105, 108, 111}};

    @AfterEach
    void cleanUp() {
        imported.forEach(history::forgetImported);
        imported.clear();
        clock.set(START);
    }

    @Test
    void theNetworkScreenNamesTheDemoCartelWithItsEvidenceAndNothingAmongTheHonestDemoLots() {
        ApiClient api = new ApiClient(baseUrl());
        ApiClient.Response run = api.post("/api/v1/supervision/screens/network", "{}", api.token("supervisor"));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().path("lots").asInt()).isGreaterThanOrEqualTo(6);
        // Only the demo's own lots (tests' lots are coded IT-…): one finding, the cartel's rotation.
        List<JsonNode> demo = new ArrayList<>();
        for (JsonNode f : run.json().path("findings")) {
            boolean testLot = false;
            for (JsonNode e : f.path("evidence")) {
                testLot |= e.path("label").asString().startsWith("IT-");
            }
            if (!testLot) {
                demo.add(f);
            }
        }
        assertThat(demo).as(run.body()).hasSize(1);
        JsonNode cartel = demo.get(0);
        assertThat(cartel.path("kind").asString()).isEqualTo("ROTATION");
        assertThat(names(cartel.path("names"))).containsExactlyInAnyOrder("云州鼎盛建设工程有限公司", "云州宏基建筑工程有限公司", "青山利达建设有限公司");
        assertThat(cartel.path("regionCode").asString()).isEqualTo("990100");
        // The evidence: the three tenders, each won by another member, the other two just above (cover bids).
        Map<String, String> winners = new java.util.TreeMap<>();
        for (JsonNode e : cartel.path("evidence")) {
            winners.put(e.path("label").asString().substring(0, 15), e.path("winner").asString());
            assertThat(e.path("prices").size()).isEqualTo(3);
            for (JsonNode above : e.path("aboveWinner")) {
                assertThat(above.asDouble()).isBetween(0.5, 2.0);
            }
        }
        assertThat(winners).containsExactly(Map.entry("YZ-2026-GC-0093", "云州鼎盛建设工程有限公司"),
                Map.entry("YZ-2026-GC-0094", "云州宏基建筑工程有限公司"), Map.entry("YZ-2026-GC-0095", "青山利达建设有限公司"));
        JsonNode first = cartel.path("evidence").get(0);
        assertThat(first.path("winningPrice").decimalValue()).isEqualByComparingTo("8238000.00");
        assertThat(first.path("aboveWinner").path("云州宏基建筑工程有限公司").asDouble()).isEqualTo(1.10);
        // Its warning is in the supervisor's queue, naming the three, with the lots and prices as evidence; the honest demo
        // lots raised no network warning.
        String warningId = cartel.path("warningId").asString();
        List<JsonNode> network = new ArrayList<>();
        for (JsonNode w : api.get("/api/v1/supervision/warnings?source=network", api.freshToken("supervisor")).json()) {
            boolean testLot = false;
            for (JsonNode e : w.path("evidence")) {
                testLot |= e.path("label").asString().startsWith("IT-");
            }
            if (!testLot) {
                network.add(w);
            }
        }
        assertThat(network).hasSize(1);
        JsonNode warning = network.get(0);
        assertThat(warning.path("id").asString()).isEqualTo(warningId);
        assertThat(warning.path("severity").asString()).isEqualTo("HIGH");
        assertThat(warning.path("regionCode").asString()).isEqualTo("990100");
        assertThat(warning.path("title").asString()).contains("云州鼎盛建设工程有限公司", "云州宏基建筑工程有限公司", "青山利达建设有限公司");
        assertThat(warning.path("evidence").get(0).path("label").asString()).startsWith("YZ-2026-GC-0093");
        assertThat(warning.path("evidence").get(0).path("value").asString())
                .contains("中标：云州鼎盛建设工程有限公司 8238000.00 元", "云州宏基建筑工程有限公司 8329000.00 元（+1.10%）");
        // Run again: the same warning, not a second one.
        JsonNode again = api.post("/api/v1/supervision/screens/network", "{}", api.token("admin")).json();
        for (JsonNode f : again.path("findings")) {
            if (f.path("kind").asString().equals("ROTATION") && names(f.path("names")).contains("青山利达建设有限公司")) {
                assertThat(f.path("warningId").asString()).isEqualTo(warningId);
            }
        }
        // The graph: the three bid together on all their lots.
        int cartelPairs = 0;
        for (JsonNode p : run.json().path("graph")) {
            if (Set.of("云州鼎盛建设工程有限公司", "云州宏基建筑工程有限公司", "青山利达建设有限公司")
                    .containsAll(List.of(p.path("a").asString(), p.path("b").asString()))) {
                cartelPairs++;
                assertThat(p.path("together").asInt()).isEqualTo(3);
                assertThat(p.path("shareOfA").asDouble()).isEqualTo(1.0);
                assertThat(p.path("shareOfB").asDouble()).isEqualTo(1.0);
                assertThat(p.path("aLostToB").asInt() + p.path("bLostToA").asInt()).isEqualTo(2);
            }
        }
        assertThat(cartelPairs).isEqualTo(3);
        // A county's staff see only their subtree: the cartel's lots are the city's.
        ApiClient.Response county = api.post("/api/v1/supervision/screens/network", "{}", api.token("qs-centre"));
        assertThat(county.status()).isEqualTo(200);
        for (JsonNode f : county.json().path("findings")) {
            assertThat(names(f.path("names"))).doesNotContain("云州鼎盛建设工程有限公司");
        }
    }

    @Test
    void screensAtOpeningFlagCoverBidsOnALotOfFourAndLeaveALotOfThreeAloneAndNothingShowsBeforeTheOpening() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        JsonNode four = publishLargeTender(api);
        JsonNode three = publishLargeTender(api);
        UUID fourId = UUID.fromString(four.path("id").asString());
        UUID threeId = UUID.fromString(three.path("id").asString());
        Instant deadline = Instant.parse(four.path("bidDeadline").asString());

        // The history: ten honest comparable lots (same kind, region and size band), imported. (No other test opens a lot
        // of this size band, so the fences are the ten lots' alone, whichever tests ran before.)
        ProjectView project = projects.ofLot(fourId).orElseThrow();
        LotProfile profile = LotProfile.of(project.kind().name(), project.regionCode(), new BigDecimal(LARGE));
        assertThat(profile.sizeBand()).isEqualTo(5);
        assertThat(history.all()).noneMatch(h -> h.profile().equals(profile));
        for (double[] lot : HONEST) {
            UUID id = UUID.randomUUID();
            imported.add(id);
            screening.importLot(id, profile, Arrays.stream(lot).mapToObj(x -> BigDecimal.valueOf(x * 240_000)).toList(),
                    START.minus(Duration.ofDays(30)), "test");
        }

        Snapshot before = snapshot(api, fourId, threeId);
        clock.advance(Duration.ofDays(1));
        // The winner far below three cover bids that lie within 0.4 % of each other.
        String[][] fourBids = {{"bidder1", "24000000.00"}, {"bidder2", "25440000.00"}, {"bidder3", "25490000.00"},
                {"bidder4", "25530000.00"}};
        for (String[] b : fourBids) {
            assertThat(sealAndUpload(fourId.toString(), b[0], b[1])).as(b[0]).isTrue();
        }
        for (String[] b : new String[][] {{"bidder5", "24100000.00"}, {"bidder6", "25450000.00"}, {"bidder7", "25500000.00"}}) {
            assertThat(sealAndUpload(threeId.toString(), b[0], b[1])).as(b[0]).isTrue();
        }
        // Before the deadline: a rival bidder may not run the network screen, and staff see nothing of the sealed bids.
        assertThat(api.post("/api/v1/supervision/screens/network", "{}", api.freshToken("bidder5")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/supervision/warnings", api.freshToken("bidder5")).status()).isEqualTo(403);
        assertThat(snapshot(api, fourId, threeId)).isEqualTo(before);

        // Closed, one share released (not yet opened): still nothing.
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        releaseShare(fourId.toString(), "centre");
        releaseShare(threeId.toString(), "centre");
        assertThat(api.post("/api/v1/supervision/screens/network", "{}", api.freshToken("bidder1")).status()).isEqualTo(403);
        assertThat(snapshot(api, fourId, threeId)).isEqualTo(before);

        // Opened: the lot of four is screened and flagged against its ten comparable lots; the lot of three is not screened.
        assertThat(releaseShare(fourId.toString(), "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        assertThat(releaseShare(threeId.toString(), "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        awaitEventsCompleted(BidsOpened.class);
        Map<String, Object> row = jdbc.sql("SELECT bids, comparable, flagged, rd, cv FROM supervision_screened_lot WHERE lot_id = :l")
                .param("l", fourId).query().singleRow();
        assertThat(row.get("bids")).isEqualTo(4);
        assertThat(row.get("comparable")).isEqualTo("KIND_REGION_SIZE");
        // RD (the cover-bid signature) and the three covers' own CV stand out against any history; the whole lot's CV
        // is flagged or not depending on which other lots of this profile the suite opened before (their fences move)
        assertThat(String.valueOf(row.get("flagged")).split(",")).contains("RD", "SUB3_CV");
        // RD by hand: (25 440 000 − 24 000 000)/σ(25 440 000, 25 490 000, 25 530 000) = 1 440 000/45 092.50 = 31.934
        assertThat((Double) row.get("rd")).isCloseTo(31.934, org.assertj.core.data.Offset.offset(0.001));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_screened_lot WHERE lot_id = :l").param("l", threeId)
                .query(Long.class).single()).isZero();
        // The supervisor's queue: a screen warning for the lot of four with every value and fence, none for the lot of three.
        JsonNode screenWarning = null;
        for (JsonNode w : api.get("/api/v1/supervision/warnings?source=screen", api.freshToken("supervisor")).json()) {
            assertThat(w.path("lotId").asString()).isNotEqualTo(threeId.toString());
            if (w.path("lotId").asString().equals(fourId.toString())) {
                screenWarning = w;
            }
        }
        assertThat(screenWarning).as("a screen warning for the lot of four").isNotNull();
        assertThat(screenWarning.path("severity").asString()).isEqualTo("HIGH");
        assertThat(screenWarning.path("legalBasis").asString()).contains("第四十条");
        String evidence = screenWarning.path("evidence").toString();
        assertThat(evidence).contains("24000000.00，25440000.00，25490000.00，25530000.00", "相对距离 RD", "31.9344",
                "同类型、同地区、同规模，共 ", "超出围栏", "上围栏", "下围栏");
        // A redelivered opening changes nothing.
        screening.on(openings.replay(fourId).orElseThrow());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_screened_lot WHERE lot_id = :l").param("l", fourId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_warning WHERE source = 'screen' AND lot_id = :l").param("l", fourId)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The estimated price of this class's lots: the top size band, which no other test and no demo lot uses. */
    private static final String LARGE = "150000000.00";

    /** A tender as {@link #publishTender} makes one, but of {@link #LARGE} estimated price, published now, due in 21 days. */
    private JsonNode publishLargeTender(ApiClient api) {
        String tenderee = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        String json = org.sunbid.platform.Fixtures.tenderJson(clock.instant(), org.sunbid.platform.Fixtures.projectCode(),
                Duration.ofDays(21), "100000", tenderee).replace("\"25000000.00\"", "\"" + LARGE + "\"");
        ApiClient.Response created = api.post("/api/v1/tenders", json, api.token("agency"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.publish(created.json().path("id").asString(), api.token("agency")).status()).isEqualTo(200);
        return created.json();
    }

    /** What anyone could learn of the two lots' bids from supervision: its screens and the network screen's view. */
    private record Snapshot(long screened, int lots, Set<String> lotsInFindings, long warningsOfTheLots) {
    }

    private Snapshot snapshot(ApiClient api, UUID... lots) {
        long screened = jdbc.sql("SELECT COUNT(*) FROM supervision_screened_lot WHERE lot_id IN (:l)").param("l", List.of(lots))
                .query(Long.class).single();
        ApiClient.Response response = api.post("/api/v1/supervision/screens/network", "{}", api.freshToken("centre"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode run = response.json();
        Set<String> ours = new TreeSet<>();
        for (JsonNode f : run.path("findings")) {
            for (JsonNode e : f.path("evidence")) {
                for (UUID lot : lots) {
                    if (e.path("lotId").asString().equals(lot.toString())) {
                        ours.add(lot.toString());
                    }
                }
            }
        }
        long warned = 0;
        for (String who : List.of("supervisor", "centre", "admin")) {
            for (JsonNode w : api.get("/api/v1/supervision/warnings", api.freshToken(who)).json()) {
                for (UUID lot : lots) {
                    warned += w.path("lotId").asString().equals(lot.toString()) || w.toString().contains(lot.toString()) ? 1 : 0;
                }
            }
        }
        return new Snapshot(screened, run.path("lots").asInt(), ours, warned);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
