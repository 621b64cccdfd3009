package org.sunbid.platform.disclosure.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.complaints.ComplaintHandling;
import org.sunbid.platform.complaints.DecisionView;
import org.sunbid.platform.deals.LotView;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.DealStatuses;
import org.sunbid.platform.disclosure.NoticeType;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.OpeningView;
import org.sunbid.platform.tendering.Clarification;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lot's public notices as an anonymous portal visitor sees them now, each from the owning context's public API (the
 * same calls the portal's pages make): the notice or announcement once published, its clarifications, the opening
 * record once opened, the candidates' publicity once started (procurement: without the ranking, 87号令 Art. 69), the
 * result, a failure and the published complaint decisions. Nothing else: registrations, deposits, sealed bids, drawn
 * experts and a sealed reserve are never asked for, so they cannot reach the index.
 */
@Component
class PublicNotices {

    private final Projects projects;
    private final Tenders tenders;
    private final Regions regions;
    private final DealStatuses statuses;
    private final BidOpenings openings;
    private final Awards awards;
    private final AuctionLots auctionLots;
    private final AuctionResults auctionResults;
    private final ComplaintHandling complaints;
    private final JsonMapper json;

    PublicNotices(Projects projects, Tenders tenders, Regions regions, DealStatuses statuses, BidOpenings openings,
            Awards awards, AuctionLots auctionLots, AuctionResults auctionResults, ComplaintHandling complaints,
            JsonMapper json) {
        this.projects = projects;
        this.tenders = tenders;
        this.regions = regions;
        this.statuses = statuses;
        this.openings = openings;
        this.awards = awards;
        this.auctionLots = auctionLots;
        this.auctionResults = auctionResults;
        this.complaints = complaints;
        this.json = json;
    }

    /** Every lot of every project (published or not: {@link #of} says what of it is public). */
    List<UUID> allLots() {
        return projects.listAll(new Projects.Filter(null, null, null, null, null)).stream()
                .flatMap(p -> p.lots().stream()).map(LotView::id).toList();
    }

    /** The public notices of lot {@code lotId} now; none while its tender is not published. */
    List<NoticeIndex.Notice> of(UUID lotId) {
        Optional<TenderView> published = tenders.findPublished(lotId);
        Optional<ProjectView> project = projects.ofLot(lotId);
        if (published.isEmpty() || project.isEmpty() || published.get().publishedAt() == null) {
            return List.of();
        }
        TenderView t = published.get();
        ProjectView p = project.get();
        LotView lot = p.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
        DealStage stage = statuses.of(t);
        Common c = new Common(p, lot, stage, regions.find(p.regionCode()).map(Region::upwards).orElse(List.of(p.regionCode())));
        String page = "/tenders/" + lotId;
        List<NoticeIndex.Notice> notices = new ArrayList<>();
        boolean auction = auctionLots.lotIds().contains(lotId);
        String name = t.terms().name();
        notices.add(c.notice(auction ? NoticeType.AUCTION_ANNOUNCEMENT : NoticeType.TENDER_NOTICE, "", name,
                String.join("\n", p.name(), t.terms().category(), t.terms().notice(), nullToEmpty(t.terms().qualification()),
                        t.terms().openingVenue()),
                t.publishedAt(), auction ? "/auctions/" + lotId : page));
        for (Clarification cl : t.clarifications()) {
            notices.add(c.notice(NoticeType.CLARIFICATION, ":" + cl.id(), name + " 澄清/修改", cl.text(), cl.issuedAt(), page));
        }
        opening(lotId).ifPresent(o -> notices.add(c.notice(NoticeType.OPENING_RECORD, "", name + " 开标记录",
                openingText(o), o.openedAt() != null ? o.openedAt() : o.closedAt(), page)));
        award(lotId).ifPresent(a -> {
            if (a.publicityStarts() != null) {
                StringBuilder body = new StringBuilder(name);
                for (Map<String, Object> cand : a.candidates()) {
                    body.append('\n').append(cand.get("rank")).append(' ').append(cand.get("bidder")).append(' ')
                            .append(cand.get("price"));
                }
                notices.add(c.notice(NoticeType.CANDIDATE_PUBLICITY, "", name + " 中标候选人公示", body.toString(),
                        a.publicityStarts(), page));
            }
            if (a.winner() != null) {
                notices.add(c.notice(NoticeType.RESULT, "", name + " 中标（成交）结果公告",
                        name + "\n中标（成交）人：" + a.winner().bidder() + "\n中标（成交）价：" + a.winner().price(),
                        a.winner().awardedAt(), page));
            }
        });
        if (auction) {
            auctionResult(lotId).ifPresent(r -> {
                if (r.deal()) {
                    notices.add(c.notice(NoticeType.RESULT, "", name + " 成交公示",
                            name + "\n竞得人：" + nullToEmpty(r.winnerName()) + "\n成交价：" + r.price().yuan().toPlainString() + "元",
                            r.decidedAt(), "/auctions/" + lotId));
                } else {
                    notices.add(c.notice(NoticeType.FAILURE, "", name + " 流拍公告", name + "\n" + nullToEmpty(r.noDealText()),
                            r.decidedAt(), "/auctions/" + lotId));
                }
            });
        }
        if (stage == DealStage.FAILED && !auction) {
            notices.add(c.notice(NoticeType.FAILURE, "", name + " 流标公告", name + "\n流标", t.bidDeadline(), page));
        } else if (stage == DealStage.TERMINATED) {
            notices.add(c.notice(NoticeType.FAILURE, "", name + " 终止公告", name + "\n终止", t.publishedAt(), page));
        }
        for (DecisionView d : complaints.decisionsOfLot(lotId)) {
            notices.add(c.notice(NoticeType.DECISION, ":" + d.complaintId(), name + " 投诉处理决定",
                    String.join("\n", nullToEmpty(d.department()), nullToEmpty(d.claims()), d.outcome().name(),
                            nullToEmpty(d.reasons())),
                    d.decidedAt(), "/complaint-decisions"));
        }
        return notices;
    }

    private Optional<OpeningView> opening(UUID lotId) {
        try {
            OpeningView o = openings.view(lotId);
            return o.record() == null ? Optional.empty() : Optional.of(o);
        } catch (DomainException e) {
            return Optional.empty(); // bidding has not closed
        }
    }

    private Optional<Awards.AwardView> award(UUID lotId) {
        try {
            return Optional.of(awards.view(lotId, null)); // as an anonymous visitor
        } catch (DomainException e) {
            return Optional.empty(); // no publicity yet
        }
    }

    private Optional<AuctionResults.ResultView> auctionResult(UUID lotId) {
        try {
            return Optional.of(auctionResults.result(lotId));
        } catch (DomainException e) {
            return Optional.empty(); // no result recorded yet
        }
    }

    /** The opening record as the portal's table shows it: each bidder with its price sheet, or why it was not opened. */
    private String openingText(OpeningView o) {
        StringBuilder s = new StringBuilder();
        JsonNode record = json.readTree(o.record());
        for (JsonNode b : record.path("bids")) {
            s.append(b.path("bidder").asString("")).append(' ');
            JsonNode sheet = b.path("priceSheet");
            if (sheet.isObject()) {
                s.append(sheet.path("totalPrice").asString("")).append(' ')
                        .append(sheet.path("projectManager").asString("")).append(' ');
            }
            s.append(b.path("status").asString("")).append('\n');
        }
        if (record.has("law")) {
            s.append(record.path("law").asString(""));
        }
        return s.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What every notice of a lot shares. */
    private record Common(ProjectView project, LotView lot, DealStage stage, List<String> regionPath) {

        NoticeIndex.Notice notice(NoticeType type, String suffix, String title, String body, Instant at, String url) {
            BigDecimal value = lot.budget() == null ? null : lot.budget().yuan();
            return new NoticeIndex.Notice(type.name() + ":" + lot.id() + suffix, type, title, body, project.kind().name(),
                    project.procedureCode(), project.regionCode(), regionPath, lot.lotCode(), lot.id().toString(),
                    stage.name(), at, value, url);
        }
    }
}
