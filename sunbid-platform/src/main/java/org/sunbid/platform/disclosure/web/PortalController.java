package org.sunbid.platform.disclosure.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.RegionLevel;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.experts.ExpertDraws;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/** The public portal: home page and guide. Everything shown here is public by nature. */
@Controller
class PortalController {

    private final Regions regions;
    private final Organisations organisations;
    private final Experts experts;
    private final SunbidProperties properties;
    private final Tenders tenders;
    private final org.sunbid.platform.tendering.TenderDocuments documents;
    private final org.sunbid.platform.sealing.BidOpenings openings;
    private final tools.jackson.databind.json.JsonMapper json;
    private final java.time.Clock clock;
    private final ExpertDraws draws;
    private final org.sunbid.platform.evaluation.Awards awards;
    private final org.sunbid.platform.disclosure.DealStatuses statuses;
    private final org.sunbid.platform.deals.Projects projects;
    private final org.sunbid.platform.deals.Procedures procedures;
    private final org.sunbid.platform.auction.AuctionLots auctionLots;

    PortalController(org.sunbid.platform.deals.Projects projects, org.sunbid.platform.deals.Procedures procedures, Regions regions, Organisations organisations, Experts experts, SunbidProperties properties,
            Tenders tenders, java.time.Clock clock, org.sunbid.platform.tendering.TenderDocuments documents,
            org.sunbid.platform.sealing.BidOpenings openings, tools.jackson.databind.json.JsonMapper json,
            ExpertDraws draws, org.sunbid.platform.evaluation.Awards awards, org.sunbid.platform.disclosure.DealStatuses statuses,
            org.sunbid.platform.auction.AuctionLots auctionLots) {
        this.auctionLots = auctionLots;
        this.statuses = statuses;
        this.projects = projects;
        this.procedures = procedures;
        this.awards = awards;
        this.draws = draws;
        this.documents = documents;
        this.openings = openings;
        this.json = json;
        this.tenders = tenders;
        this.clock = clock;
        this.regions = regions;
        this.organisations = organisations;
        this.experts = experts;
        this.properties = properties;
    }

    @GetMapping("/")
    String home(Model model) {
        List<Region> served = regions.all().stream()
                .filter(r -> r.level() == RegionLevel.CITY || r.level() == RegionLevel.COUNTY).toList();
        Map<OrganisationKind, Long> counts = organisations.countByKind();
        model.addAttribute("portalName", properties.portalName());
        model.addAttribute("regions", served);
        model.addAttribute("tenderees", counts.get(OrganisationKind.TENDEREE));
        model.addAttribute("agencies", counts.get(OrganisationKind.AGENCY));
        model.addAttribute("bidders", counts.get(OrganisationKind.BIDDER));
        model.addAttribute("experts", experts.countActive());
        model.addAttribute("specialties", experts.countsBySpecialty());
        // tender notices and the land, mining and property announcements (which lead to their auction rooms) apart, so
        // that a run of announcements never pushes the tender notices off the home page
        java.util.Set<java.util.UUID> auctionLotIds = auctionLots.lotIds();
        List<TenderView> notices = tenders.publishedExcept(auctionLotIds, 10);
        List<TenderView> announcements = tenders.publishedAmong(auctionLotIds, 5);
        model.addAttribute("announcements", announcements);
        List<org.sunbid.platform.evaluation.Awards.AwardView> results = awards.published(5);
        model.addAttribute("notices", notices);
        model.addAttribute("drawRecords", draws.published(8));
        model.addAttribute("results", results);
        Map<java.util.UUID, org.sunbid.platform.disclosure.DealStage> stages = new java.util.HashMap<>();
        notices.forEach(t -> stages.put(t.id(), statuses.of(t)));
        announcements.forEach(t -> stages.put(t.id(), statuses.of(t)));
        results.forEach(r -> tenders.findPublished(r.tenderId()).ifPresent(t -> stages.computeIfAbsent(t.id(), id -> statuses.of(t))));
        model.addAttribute("stages", stages);
        model.addAttribute("regionNames", regionNames());
        return "portal/home";
    }

    /** The page of one tender: its notice, terms, clarifications and objections (without objectors). */
    @GetMapping("/tenders/{id}")
    String tender(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Model model) {
        TenderView tender = tenders.get(id, org.sunbid.platform.parties.CurrentUser.current());
        model.addAttribute("tender", tender);
        model.addAttribute("documents", documents.list(id, org.sunbid.platform.parties.CurrentUser.current()));
        model.addAttribute("opening", null);
        model.addAttribute("openingRecord", null);
        try {
            org.sunbid.platform.sealing.OpeningView opening = openings.view(id);
            model.addAttribute("opening", opening);
            if (opening.record() != null) {
                model.addAttribute("openingRecord", json.readValue(opening.record(), java.util.Map.class));
            }
        } catch (org.sunbid.platform.kernel.DomainException e) {
            // bidding has not closed
        }
        model.addAttribute("award", null);
        try {
            model.addAttribute("award", awards.view(id, null));
        } catch (org.sunbid.platform.kernel.DomainException e) {
            // no publicity yet
        }
        model.addAttribute("regionNames", regionNames());
        addLot(id, model);
        java.time.Duration left = java.time.Duration.between(clock.instant(), tender.bidDeadline());
        org.sunbid.platform.disclosure.DealStage stage = statuses.of(tender);
        model.addAttribute("stage", stage);
        model.addAttribute("open", stage.acceptsBids());
        model.addAttribute("daysLeft", Math.max(0, left.toDays()));
        model.addAttribute("hoursLeft", Math.max(0, left.toHoursPart()));
        return "portal/tender";
    }

    /**
     * The tender's lot: its project (deal code, link to the project's notice page), lot code and procedure. Null
     * attributes for a tender without one (none since V62).
     */
    private void addLot(java.util.UUID tenderId, Model model) {
        org.sunbid.platform.deals.ProjectView project = projects.ofLot(tenderId).orElse(null);
        model.addAttribute("project", project);
        model.addAttribute("lot", project == null ? null
                : project.lots().stream().filter(l -> l.id().equals(tenderId)).findFirst().orElse(null));
        model.addAttribute("procedure", project == null ? null : procedures.find(project.procedureCode()).orElse(null));
    }

    private Map<String, String> regionNames() {
        return regions.all().stream().collect(java.util.stream.Collectors.toMap(Region::code, Region::name));
    }

    /**
     * A published expert draw record (专家抽取公开记录): the committee by name, the pools and avoidances counted, the
     * committed secret, the seed and the signed head it came from, and how to recompute it with the verifier.
     */
    @GetMapping("/draws/{id}")
    String draw(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Model model) {
        DrawView draw = draws.publishedView(id);
        model.addAttribute("draw", draw);
        model.addAttribute("record", draws.record(id));
        model.addAttribute("specialtyNames", draw.specialties().stream().collect(java.util.stream.Collectors.toMap(
                DrawView.SpecialtyProgress::code, DrawView.SpecialtyProgress::name)));
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("platformUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        return "portal/draw";
    }

    /** One step of the bidder's guide: its id (anchor and message keys), its screenshots and a command to run, if any. */
    record GuideStep(String id, List<String> images, String command) {
    }

    /**
     * 办事指南: a bidder's whole journey, step by step, with the platform's own screenshots (made by
     * GuideScreenshotsBrowserIT walking the demo as bidder1, under static/img/guide/).
     */
    @GetMapping("/guide")
    String guide(Model model) {
        String url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build()
                .toUriString();
        model.addAttribute("portalName", properties.portalName());
        model.addAttribute("steps", List.of(
                new GuideStep("account", List.of(), null),
                new GuideStep("login", List.of("01-workbench"), null),
                new GuideStep("find", List.of("02-tenders"), null),
                new GuideStep("register", List.of("03-register"), null),
                new GuideStep("deposit", List.of("04-deposit", "05-paid"), null),
                new GuideStep("documents", List.of("06-documents"), null),
                new GuideStep("seal", List.of("07-seal"), "java -jar sunbid-bidder.jar seal --platform " + url
                        + " --tender <项目页地址末尾的编号/tender id> --folder 投标文件/ --price-sheet price.json"
                        + " --key 单位.key.pem --cert 单位.crt.pem --out bid.sbenv"),
                new GuideStep("submit", List.of("08-receipt"), "java -jar sunbid-bidder.jar upload --platform " + url
                        + " --tender <tender id> --user <用户名/user> --password <密码/password> bid.sbenv\n"
                        + "java -jar sunbid-verifier.jar check-receipt bid.sbenv.receipt.json " + url),
                new GuideStep("change", List.of(), "java -jar sunbid-bidder.jar withdraw --platform " + url
                        + " --tender <tender id> --user <用户名/user> --password <密码/password> --key 单位.key.pem --cert 单位.crt.pem"),
                new GuideStep("opening", List.of("09-opening"), null),
                new GuideStep("result", List.of("10-result"), null),
                new GuideStep("refund", List.of("11-refund"), null),
                new GuideStep("api", List.of(), null)));
        return "portal/guide";
    }
}
