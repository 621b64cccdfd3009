package org.sunbid.platform.disclosure.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.NoticeQuery;
import org.sunbid.platform.disclosure.NoticeResults;
import org.sunbid.platform.disclosure.NoticeSearch;
import org.sunbid.platform.disclosure.NoticeType;

/**
 * 全文检索: the portal's search page (issue 18): the words, the filters of {@code /api/v1/search}, the results with the
 * matched words highlighted (the snippet is HTML-escaped but for its {@code <mark>}s), sort and pages (from 1).
 */
@Controller
class SearchPage {

    private static final int PAGE_SIZE = 20;

    private final NoticeSearch search;
    private final Procedures procedures;
    private final Regions regions;

    SearchPage(NoticeSearch search, Procedures procedures, Regions regions) {
        this.search = search;
        this.procedures = procedures;
        this.regions = regions;
    }

    @GetMapping("/search")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) List<String> kind, @RequestParam(required = false) List<String> procedure,
            @RequestParam(required = false) String region, @RequestParam(required = false) List<String> stage,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String min, @RequestParam(required = false) String max,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model) {
        NoticeQuery query = new SearchParameters(q, type, kind, procedure, region, stage, from, to, min, max, sort, page,
                null).toQuery(procedures, 1, PAGE_SIZE);
        NoticeResults found = search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("pageNo", query.page() + 1);
        model.addAttribute("pages", Math.max(1, (found.total() + query.size() - 1) / query.size()));
        model.addAttribute("types", NoticeType.values());
        model.addAttribute("kinds", DealKind.values());
        model.addAttribute("procedures", procedures.all());
        model.addAttribute("regionOptions", regions.all().stream()
                .map(r -> new RegionOption(r.code(), "\u3000".repeat(r.depth()) + r.name())).toList());
        model.addAttribute("regionNames", regions.all().stream()
                .collect(java.util.stream.Collectors.toMap(Region::code, Region::name)));
        List<DealStage> stages = new ArrayList<>(List.of(DealStage.values()));
        stages.remove(DealStage.DRAFT);
        model.addAttribute("stages", stages);
        model.addAttribute("sorts", NoticeQuery.Sort.values());
        model.addAttribute("one", new One(query));
        return "portal/search";
    }

    /** A region in the filter's list, indented by its depth. */
    record RegionOption(String code, String label) {
    }

    /** The single selected value of each filter as the form shows it (the page's selects choose one). */
    record One(String type, String kind, String procedure, String stage) {

        One(NoticeQuery q) {
            this(first(q.types().stream().map(Enum::name).toList()), first(List.copyOf(q.dealKinds())),
                    first(List.copyOf(q.procedures())), first(List.copyOf(q.stages())));
        }

        private static String first(List<String> values) {
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
