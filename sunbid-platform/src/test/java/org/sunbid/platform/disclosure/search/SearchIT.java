package org.sunbid.platform.disclosure.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;

import tools.jackson.databind.JsonNode;

/**
 * The portal's full-text search on the demo data (issue 18): Chinese words and filters find a procurement result and a
 * land deal, a region filter matches its subtree, paging and sorting, and bad parameters are 400 problem+json with
 * their code.
 */
class SearchIT extends PlatformIT {

    @Autowired
    Regions regions;

    private final ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private JsonNode search(String query) {
        ApiClient.Response r = api().get("/api/v1/search?" + query, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> field(JsonNode results, String name) {
        List<String> values = new ArrayList<>();
        results.path("hits").forEach(h -> values.add(h.path(name).asString()));
        return values;
    }

    @Test
    void chineseWordsAndFiltersFindAProcurementResultAndALandDeal() {
        JsonNode procurement = search("q=" + enc("防汛物资") + "&kind=ZFCG&type=RESULT");
        assertThat(procurement.path("total").asLong()).isPositive();
        assertThat(field(procurement, "type")).containsOnly("RESULT");
        assertThat(field(procurement, "dealKind")).containsOnly("ZFCG");
        assertThat(procurement.path("hits").get(0).path("snippet").asString()).contains("<mark>");

        JsonNode land = search("q=" + enc("国有建设用地 挂牌") + "&kind=TDSYQ");
        assertThat(land.path("total").asLong()).isPositive();
        assertThat(field(land, "dealKind")).containsOnly("TDSYQ");
        assertThat(field(land, "title")).anyMatch(t -> t.contains("挂牌出让"));
        assertThat(field(land, "type")).contains("AUCTION_ANNOUNCEMENT", "RESULT");

        // every word must occur: a word from neither finds nothing
        assertThat(search("q=" + enc("防汛物资 国有建设用地")).path("total").asLong()).isZero();
        // the page shows the same, highlighted
        ApiClient.Response page = api().get("/search?q=" + enc("防汛物资"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<mark>").contains("id=\"search-hits\"");
    }

    @Test
    void aRegionFilterMatchesTheRegionsSubtree() {
        JsonNode all = search("size=100");
        String code = all.path("hits").get(0).path("regionCode").asString();
        Region region = regions.get(code);
        assertThat(region.parentCode()).as("a demo deal below a root region").isNotNull();
        long inRegion = search("region=" + code + "&size=100").path("total").asLong();
        long inParent = search("region=" + region.parentCode() + "&size=100").path("total").asLong();
        assertThat(inRegion).isPositive();
        assertThat(inParent).isGreaterThanOrEqualTo(inRegion);
        assertThat(field(search("region=" + region.parentCode() + "&size=100"), "regionCode"))
                .allMatch(c -> regions.isWithin(c, region.parentCode()));
        assertThat(field(search("region=" + code + "&size=100"), "regionCode")).allMatch(c -> regions.isWithin(c, code));
        // a sibling region's filter does not find this region's deals
        regions.all().stream().filter(r -> region.parentCode().equals(r.parentCode()) && !r.code().equals(code)).findFirst()
                .ifPresent(sibling -> assertThat(field(search("region=" + sibling.code() + "&size=100"), "regionCode"))
                        .doesNotContain(code));
    }

    @Test
    void pagesDoNotOverlapAndSortsOrder() {
        JsonNode first = search("sort=NEWEST&size=5&page=0");
        JsonNode second = search("sort=NEWEST&size=5&page=1");
        assertThat(first.path("total").asLong()).isGreaterThan(10);
        assertThat(field(first, "id")).hasSize(5).doesNotContainAnyElementsOf(field(second, "id"));
        List<java.time.Instant> times = new ArrayList<>();
        field(first, "publishedAt").forEach(t -> times.add(java.time.Instant.parse(t)));
        field(second, "publishedAt").forEach(t -> times.add(java.time.Instant.parse(t)));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<java.math.BigDecimal> values = new ArrayList<>();
        search("sort=VALUE_DESC&size=50").path("hits").forEach(h -> {
            if (!h.path("value").isNull()) {
                values.add(h.path("value").decimalValue());
            }
        });
        assertThat(values).hasSizeGreaterThan(2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void badParametersAreProblemsWithTheirCode() {
        for (String bad : List.of("type=WHATEVER", "kind=XX", "procedure=NOPE", "stage=DRAFT", "from=2026-13-01",
                "min=-5", "max=abc", "sort=RANDOM", "page=-1", "size=0", "size=101", "page=9999", "region=12ab")) {
            ApiClient.Response r = api().get("/api/v1/search?" + bad, null);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(r.code()).as(bad).isEqualTo("DISCLOSURE_SEARCH_BAD_PARAMETER");
        }
        assertThat(api().get("/api/v1/search?region=999999", null).code()).isEqualTo("DISCLOSURE_UNKNOWN_REGION");
        assertThat(api().get("/api/v1/search?from=2026-11-10&to=2026-11-01", null).code())
                .isEqualTo("DISCLOSURE_BAD_DATE_RANGE");
    }
}
