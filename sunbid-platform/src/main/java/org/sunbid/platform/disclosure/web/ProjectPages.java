package org.sunbid.platform.disclosure.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.kernel.Amounts;

/**
 * 交易信息: the portal's list of trading projects of every kind, filterable by kind, procedure, region (with its
 * subtree), status and publication date, paged; and each project's notice page (项目公告页) with its facts, its
 * procedure's time limits and articles, and its published lots linking to their tender pages.
 */
@Controller
class ProjectPages {

    private static final int PAGE_SIZE = 20;

    private final ProjectPortal portal;
    private final Procedures procedures;
    private final Regions regions;
    private final org.sunbid.platform.complaints.ComplaintHandling complaints;

    ProjectPages(ProjectPortal portal, Procedures procedures, Regions regions,
            org.sunbid.platform.complaints.ComplaintHandling complaints) {
        this.complaints = complaints;
        this.portal = portal;
        this.procedures = procedures;
        this.regions = regions;
    }

    static ProjectPortal.Filter filter(String kind, String procedure, String region, String status, LocalDate from,
            LocalDate to) {
        return new ProjectPortal.Filter(blankToNull(kind), blankToNull(procedure), blankToNull(region), blankToNull(status),
                from, to);
    }

    @GetMapping("/projects")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String procedure,
            @RequestParam(required = false) String region, @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, Model model) {
        ProjectPortal.Filter filter = filter(kind, procedure, region, status, from, to);
        ProjectPortal.Page found = portal.list(filter, page, PAGE_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("found", found);
        model.addAttribute("kinds", DealKind.values());
        model.addAttribute("procedures", procedures.all());
        model.addAttribute("regionOptions", regionOptions());
        List<DealStage> stages = new ArrayList<>(List.of(DealStage.values()));
        stages.remove(DealStage.DRAFT);
        model.addAttribute("stages", stages);
        model.addAttribute("amounts", new Wan());
        return "portal/projects";
    }

    @GetMapping("/projects/{id}")
    String project(@PathVariable UUID id, Model model) {
        ProjectPortal.PublicProject p = portal.get(id);
        model.addAttribute("p", p);
        model.addAttribute("rules", portal.rulesInForce(p.project().procedureCode()));
        model.addAttribute("intention", portal.intention(p.project().id()).orElse(null));
        model.addAttribute("approvals", portal.methodApprovals(p.project().id()));
        // 投诉处理决定 on the project's lots (issue 16), read from the complaints context
        model.addAttribute("complaintDecisions", p.lots().stream()
                .flatMap(l -> complaints.decisionsOfLot(l.lot().id()).stream()).toList());
        model.addAttribute("amounts", new Wan());
        // issue 17: the auction lots' terms, room and result (part P)
        model.addAttribute("auctions", portal.auctions(p));
        model.addAttribute("fen", new AuctionRoomPage.Fen());
        return "portal/project";
    }

    /** 单一来源公示: every single-source publicity running now, where suppliers may object (74号令 Art. 39). */
    @GetMapping("/single-source-publicities")
    String singleSourcePublicities(Model model) {
        model.addAttribute("approvals", portal.runningSingleSourcePublicities());
        return "portal/single-source-publicities";
    }

    /** A region in the filter's list, indented by its depth in the tree. */
    record RegionOption(String code, String label) {
    }

    private List<RegionOption> regionOptions() {
        return regions.all().stream().map(r -> new RegionOption(r.code(), "\u3000".repeat(r.depth()) + r.name())).toList();
    }

    /** The templates' access to {@link Amounts#wan}. */
    static final class Wan {
        public String wan(org.sunbid.platform.kernel.Money m) {
            return m == null ? "" : Amounts.wan(m);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
