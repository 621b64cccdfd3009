package org.sunbid.platform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.supervision.warnings.WarningFilter;
import org.sunbid.platform.supervision.warnings.WarningQueue;
import org.sunbid.platform.supervision.warnings.WarningView;

/**
 * The warning pages as each role opens them, in both languages: the queue, a warning and the monitoring page render for
 * the city's supervisor with every label (no missing message key), a sibling county's supervisor is told a county's
 * warning does not exist, and a bidder has no queue and no monitoring page.
 */
class WarningPagesIT extends PlatformIT {

    @Autowired WarningQueue queue;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired org.sunbid.platform.catalog.Regions regions;

    @BeforeEach
    void setUp() {
        WarningRegions.ensure(regions, organisations, accounts);
    }

    private WebSession as(String username) throws Exception {
        WebSession session = new WebSession(baseUrl());
        session.login(username);
        return session;
    }

    @Test
    void everyPageRendersInBothLanguagesAndOnlyForWhoMaySeeIt() throws Exception {
        List<WarningView> demo = queue.queue(accounts.findByUsername("supervisor").orElseThrow(), WarningFilter.ALL, 1000);
        WarningView county = demo.stream().filter(w -> w.regionCode().startsWith("990121")).findFirst().orElseThrow();
        WebSession city = as("supervisor");
        for (String lang : List.of("zh-CN", "en")) {
            for (String page : List.of("/workbench/supervision/warnings", "/workbench/supervision/warnings?status=&severity=HIGH",
                    "/workbench/supervision/warnings/" + county.id(), "/workbench/supervision/monitor")) {
                HttpResponse<String> r = city.get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(r.statusCode()).as(page).isEqualTo(200);
                assertThat(r.body()).as(page + " " + lang).doesNotContain("??");
            }
        }
        assertThat(city.get("/workbench/supervision/warnings?lang=en").body()).contains("Supervision warnings");
        assertThat(city.get("/workbench/supervision/monitor?lang=zh-CN").body()).contains("实时监控").contains("未办结预警");

        HttpResponse<String> sibling = as(WarningRegions.LINJIANG).get("/workbench/supervision/warnings/" + county.id());
        assertThat(sibling.statusCode()).isEqualTo(404);
        assertThat(sibling.body()).doesNotContain(county.title());
        WebSession bidder = as("bidder1");
        assertThat(bidder.get("/workbench/supervision/warnings").statusCode()).isEqualTo(403);
        assertThat(bidder.get("/workbench/supervision/monitor").statusCode()).isEqualTo(403);
        HttpResponse<String> bidderPage = bidder.get("/workbench/supervision/warnings/" + county.id());
        assertThat(bidderPage.statusCode()).isIn(403, 404); // the workbench's supervision pages are closed to bidders
        assertThat(bidderPage.body()).doesNotContain(county.title());
    }
}
