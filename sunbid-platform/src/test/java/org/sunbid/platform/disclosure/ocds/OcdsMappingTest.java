package org.sunbid.platform.disclosure.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OcdsMappingTest {

    private static final OcdsSchema SCHEMA = new OcdsSchema();

    private static final OcdsMapping.Party OWNER = new OcdsMapping.Party("91530100MA6K000001", "云州市城市建设投资集团有限公司");
    private static final OcdsMapping.Party AGENCY = new OcdsMapping.Party("91530100MA6K000002", "云州招标代理有限公司");
    private static final OcdsMapping.Party A = new OcdsMapping.Party("91530100MA6K00000A", "甲建筑公司");
    private static final OcdsMapping.Party B = new OcdsMapping.Party("91530100MA6K00000B", "乙建筑公司");

    private static final Instant PUBLISHED = Instant.parse("2026-11-02T01:30:00Z");
    private static final Instant CLARIFIED = Instant.parse("2026-11-05T02:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-11-23T01:30:00Z");
    private static final Instant OPENED = Instant.parse("2026-11-23T02:10:00Z");
    private static final Instant PUBLICITY = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant AWARDED = Instant.parse("2026-11-30T01:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-12-03T06:00:00Z");

    private static OcdsMapping.Facts facts(OcdsMapping.Opening opening, OcdsMapping.Award award) {
        OcdsMapping.Lot lot = new OcdsMapping.Lot(1, "GCJS-915301000000000000-20261102-0001-1", "一标段",
                new BigDecimal("36000000.00"), PUBLISHED, DEADLINE,
                List.of(new OcdsMapping.Amendment("c1", CLARIFIED, "第 3 章工程量清单更正", null)), opening, award, null,
                null);
        return new OcdsMapping.Facts("GCJS-915301000000000000-20261102-0001", "云州市第一中学教学楼工程", "works", "open",
                "公开招标", new BigDecimal("36000000.00"), OWNER, AGENCY, List.of(lot));
    }

    private static OcdsMapping.Opening opened() {
        return new OcdsMapping.Opening(OPENED, false, List.of(
                new OcdsMapping.Bid("b1", A, new BigDecimal("35990000.00"), true),
                new OcdsMapping.Bid("b2", B, null, false)));
    }

    private static OcdsMapping.Award awarded() {
        return new OcdsMapping.Award(PUBLICITY, A, new BigDecimal("35990000.00"), AWARDED, A, new BigDecimal("35990000.00"),
                SIGNED);
    }

    @Test
    void mergePatchFollowsRfc7386AppendixA() {
        String[][] cases = {
                {"{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
                {"{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"},
                {"{\"a\":\"b\"}", "{\"a\":null}", "{}"},
                {"{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"},
                {"{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"},
                {"{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"},
                {"{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"},
                {"{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"},
                {"[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"},
                {"{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"},
                {"{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"},
                {"[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"},
                {"{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"}};
        for (String[] c : cases) {
            JsonNode merged = OcdsSchema.mergePatch(OcdsSchema.JSON.readTree(c[0]), OcdsSchema.JSON.readTree(c[1]));
            assertThat(merged).as(c[0] + " + " + c[1]).isEqualTo(OcdsSchema.JSON.readTree(c[2]));
        }
    }

    @Test
    void theBidExtensionMergedKeepsTheReleaseSchemaAndAddsBids() {
        OcdsSchema schema = new OcdsSchema();
        Map<String, Object> release = OcdsMapping.releases(facts(opened(), null)).stream()
                .filter(r -> r.get("id").toString().endsWith("-bids")).findFirst().orElseThrow();
        assertThat(schema.errors(release)).isEmpty();
        // the extension's Bid definition is in force: a bid status outside its closed codelist fails
        @SuppressWarnings("unchecked")
        Map<String, Object> bid = new LinkedHashMap<>(((List<Map<String, Object>>) ((Map<String, Object>) release.get("bids"))
                .get("details")).get(0));
        bid.put("status", "opened");
        Map<String, Object> broken = new LinkedHashMap<>(release);
        broken.put("bids", Map.of("details", List.of(bid)));
        assertThat(schema.errors(broken)).isNotEmpty();
        // and the release schema's own rules too: CNY is a currency, RMB is not
        Map<String, Object> rmb = new LinkedHashMap<>(release);
        rmb.put("tender", Map.of("id", "x", "value", Map.of("amount", 1, "currency", "RMB")));
        assertThat(schema.errors(rmb)).isNotEmpty();
    }

    @Test
    void eachEventIsOneValidReleaseWithAStableIdAndItsTag() {
        List<Map<String, Object>> releases = OcdsMapping.releases(facts(opened(), awarded()));
        String ocid = "ocds-sunbid-GCJS-915301000000000000-20261102-0001";
        assertThat(releases).extracting(r -> r.get("id")).containsExactly(ocid + "-1-tender", ocid + "-1-amendment-c1",
                ocid + "-1-bids", ocid + "-1-candidates", ocid + "-1-award", ocid + "-1-contract");
        assertThat(releases).extracting(r -> r.get("tag")).containsExactly(List.of("tender"), List.of("tenderAmendment"),
                List.of("tenderUpdate"), List.of("award"), List.of("award"), List.of("contract"));
        for (Map<String, Object> r : releases) {
            assertThat(SCHEMA.errors(r)).as(r.get("id").toString()).isEmpty();
            assertThat(r.get("ocid")).isEqualTo(ocid);
            assertThat(r.get("language")).isEqualTo("zh");
            assertThat((String) r.get("date")).endsWith("+08:00");
        }
        assertThat(releases.get(0).get("date")).isEqualTo("2026-11-02T09:30:00+08:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> tender = (Map<String, Object>) releases.get(0).get("tender");
        assertThat(tender.get("value")).isEqualTo(Map.of("amount", new BigDecimal("36000000.00"), "currency", "CNY"));
        assertThat(new String(new OcdsJson().bytes(releases.get(2)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"tenderers\":[{\"id\":\"CN-USCC-91530100MA6K00000A\",\"name\":\"甲建筑公司\"}]")
                .contains("\"value\":{\"amount\":35990000.00,\"currency\":\"CNY\"}")
                .contains("\"status\":\"disqualified\"")
                .contains("\"identifier\":{\"scheme\":\"CN-USCC\",\"id\":\"91530100MA6K00000A\"");
    }

    @Test
    void nothingOfTheBidsBeforeTheOpening() {
        List<Map<String, Object>> releases = OcdsMapping.releases(facts(null, null));
        assertThat(releases).extracting(r -> r.get("id").toString()).noneMatch(id -> id.endsWith("-bids"));
        String all = releases.stream().map(r -> new String(new OcdsJson().bytes(r), java.nio.charset.StandardCharsets.UTF_8))
                .reduce("", String::concat);
        assertThat(all).doesNotContain("\"bids\"").doesNotContain(A.creditCode()).doesNotContain(B.creditCode());
    }

    @Test
    void theSameFactsGiveTheSameBytes() {
        OcdsJson json = new OcdsJson();
        List<Map<String, Object>> first = OcdsMapping.releases(facts(opened(), awarded()));
        List<Map<String, Object>> second = OcdsMapping.releases(facts(opened(), awarded()));
        for (int i = 0; i < first.size(); i++) {
            assertThat(json.bytes(second.get(i))).isEqualTo(json.bytes(first.get(i)));
        }
    }

    @Test
    void aFailedOpeningMakesTheSingleLotProcessUnsuccessful() {
        List<Map<String, Object>> releases = OcdsMapping.releases(facts(new OcdsMapping.Opening(DEADLINE, true, List.of()), null));
        Map<String, Object> failed = releases.get(releases.size() - 1);
        assertThat(failed.get("id").toString()).endsWith("-1-failed");
        assertThat(((Map<?, ?>) failed.get("tender")).get("status")).isEqualTo("unsuccessful");
        assertThat(SCHEMA.errors(failed)).isEmpty();
    }

    @Test
    void aTerminatedSingleLotProcessIsCancelled() {
        OcdsMapping.Facts f = facts(null, null);
        OcdsMapping.Lot lot = f.lots().get(0);
        Instant terminated = Instant.parse("2026-11-10T03:00:00Z");
        OcdsMapping.Facts cancelled = new OcdsMapping.Facts(f.dealCode(), f.name(), f.category(), f.method(), f.methodZh(),
                f.budget(), f.owner(), f.agency(), List.of(new OcdsMapping.Lot(lot.lotNo(), lot.lotCode(), lot.name(),
                        lot.budget(), lot.publishedAt(), lot.deadline(), lot.clarifications(), null, null, null, terminated)));
        List<Map<String, Object>> releases = OcdsMapping.releases(cancelled);
        Map<String, Object> last = releases.get(releases.size() - 1);
        assertThat(last.get("id").toString()).endsWith("-1-cancelled");
        assertThat(last.get("tag")).isEqualTo(List.of("tenderCancellation"));
        assertThat(((Map<?, ?>) last.get("tender")).get("status")).isEqualTo("cancelled");
        assertThat(SCHEMA.errors(last)).isEmpty();
        assertThat(((Map<?, ?>) OcdsMapping.compile(releases).get("tender")).get("status")).isEqualTo("cancelled");
    }

    @Test
    void theCompiledReleaseMergesAwardsByIdAndCollectsRoles() {
        List<Map<String, Object>> releases = OcdsMapping.releases(facts(opened(), awarded()));
        Map<String, Object> compiled = OcdsMapping.compile(releases);
        assertThat(compiled.get("tag")).isEqualTo(List.of("compiled"));
        assertThat(compiled.get("date")).isEqualTo("2026-12-03T14:00:00+08:00");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> awards = (List<Map<String, Object>>) compiled.get("awards");
        assertThat(awards).hasSize(1);
        assertThat(awards.get(0).get("status")).isEqualTo("active");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parties = (List<Map<String, Object>>) compiled.get("parties");
        Map<String, Object> a = parties.stream().filter(p -> p.get("id").equals("CN-USCC-" + A.creditCode())).findFirst().orElseThrow();
        assertThat(a.get("roles")).isEqualTo(List.of("tenderer", "supplier"));
        assertThat(parties).extracting(p -> p.get("id")).contains("CN-USCC-" + OWNER.creditCode(), "CN-USCC-" + AGENCY.creditCode(),
                "CN-USCC-" + B.creditCode());
        assertThat(((Map<?, ?>) compiled.get("tender")).get("amendments")).isEqualTo(
                ((Map<?, ?>) releases.get(1).get("tender")).get("amendments"));
        assertThat(SCHEMA.errors(compiled)).isEmpty();
    }
}
