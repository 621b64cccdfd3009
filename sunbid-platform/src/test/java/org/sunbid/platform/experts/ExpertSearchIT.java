package org.sunbid.platform.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;

/**
 * Centre staff find an expert by name (issue 14, point 10): the expert database list takes a part of the name, through
 * the experts context's query, in the API and on the page; the region scope still applies.
 */
class ExpertSearchIT extends PlatformIT {

    @Autowired JdbcClient jdbc;

    private List<String> names(ApiClient api, String token, String query) {
        List<String> names = new ArrayList<>();
        ApiClient.Response r = api.get("/api/v1/experts" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        r.json().forEach(e -> names.add(e.path("name").asString()));
        return names;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void staffFindExpertsByAPartOfTheirNameWithinTheirRegion() {
        ApiClient api = new ApiClient(baseUrl());
        String full = jdbc.sql("SELECT display_name FROM account WHERE username = 'expert01'").query(String.class).single();
        String surname = full.substring(0, 1);
        for (String staff : List.of("centre", "qs-centre")) {
            String token = api.freshToken(staff);
            List<String> all = names(api, token, "");
            List<String> bySurname = names(api, token, "?name=" + enc(surname));
            assertThat(bySurname).as(staff).isEqualTo(all.stream().filter(n -> n.contains(surname)).toList());
            if (staff.equals("centre")) {
                assertThat(bySurname).as(staff).isNotEmpty().hasSizeLessThan(all.size());
            }
            assertThat(names(api, token, "?name=" + enc("不存在的专家姓名"))).as(staff).isEmpty();
            assertThat(names(api, token, "?name=" + enc("  "))).as("a blank name filters nothing").isEqualTo(all);
        }
        // the whole name, with blanks around it, finds that expert (and namesakes only)
        List<String> found = names(api, api.freshToken("centre"), "?name=" + enc(" " + full + " "));
        assertThat(found).isNotEmpty().allMatch(n -> n.contains(full));
    }

    @Test
    void theExpertDatabasePageFiltersByNameAndKeepsTheInput() throws Exception {
        String full = jdbc.sql("SELECT display_name FROM account WHERE username = 'expert01'").query(String.class).single();
        String other = jdbc.sql("SELECT display_name FROM account WHERE username = 'expert02'").query(String.class).single();
        var response = session("centre").send(HttpRequest.newBuilder(URI.create(baseUrl() + "/workbench/experts?name=" + enc(full)))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("id=\"f-name\"").contains("value=\"" + full + "\"").contains(">" + full + "<");
        if (!other.contains(full)) {
            assertThat(page).doesNotContain(">" + other + "<");
        }
    }
}
