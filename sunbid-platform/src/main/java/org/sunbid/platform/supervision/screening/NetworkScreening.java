package org.sunbid.platform.supervision.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.platform.catalog.Region;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.screening.network.CoBiddingNetwork;
import org.sunbid.screening.network.Deal;
import org.sunbid.screening.network.Finding;

/**
 * The network screen across deals (串标网络筛查): over every opened lot's public opening record (sealing's
 * {@link BidOpenings#openedTenders()} and {@link BidOpenings#replay}: opened bids and prices only, nothing before an
 * opening) and the awards supervision keeps ({@code supervision_platform_award}, from evaluation's {@code LotAwarded}),
 * the co-bidding network ({@link CoBiddingNetwork}) finds rotating groups, cover bidders and bidders that always lose to
 * the same winner, and each finding raises a {@code network} warning (once per pattern and members) with the lots,
 * prices and winners behind it, in the region that holds all its lots. Run on demand by staff and supervisors and
 * daily ({@code sunbid.supervision.network-screen-cron}, "-" turns it off).
 */
@Component
class NetworkScreening {

    private static final Logger log = LoggerFactory.getLogger(NetworkScreening.class);

    /**
     * The run's outcome as its caller sees it (a supervisor: the findings in their subtree only): the findings ranked,
     * and the co-bidding graph's strongest pairs (who bids with whom, from public opening records).
     */
    record Run(UUID id, int lots, int awarded, List<Result> findings, List<Pair> graph) {
    }

    /** Graph pairs shown with a run. */
    static final int GRAPH_PAIRS = 50;

    /**
     * One pair of the co-bidding graph: how many lots both bid on, what share of each one's lots that is, and how often
     * each lost to the other.
     */
    record Pair(String a, String b, int together, double shareOfA, double shareOfB, int aLostToB, int bLostToA) {
    }

    /** One finding with the warning it raised (null without a warning queue). */
    record Result(Finding.Kind kind, List<String> members, List<String> names, double strength, String regionCode,
            List<Finding.LotEvidence> evidence, UUID warningId) {
    }

    private final BidOpenings openings;
    private final Tenders tenders;
    private final Projects projects;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final ObjectProvider<Warnings> warnings;
    private final Clock clock;
    private final String cron;

    NetworkScreening(BidOpenings openings, Tenders tenders, Projects projects, Regions regions, JdbcClient jdbc,
            ObjectProvider<Warnings> warnings, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${sunbid.supervision.network-screen-cron:0 30 2 * * *}") String cron) {
        this.cron = cron;
        this.openings = openings;
        this.tenders = tenders;
        this.projects = projects;
        this.regions = regions;
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** On demand: administrators, trading-centre staff and supervisors; a supervisor or staff sees its subtree's findings. */
    Run run(CurrentUser user) {
        if (user == null || !(user.seesAllRegions() || user.seesRegionSubtree())) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        Run all = run(user.username());
        if (user.seesAllRegions()) {
            return all;
        }
        return new Run(all.id(), all.lots(), all.awarded(), all.findings().stream()
                .filter(r -> regions.isWithin(r.regionCode(), user.regionCode())).toList(), all.graph());
    }

    /**
     * Every minute, when lots were opened or awarded since the last run (or it never ran): the network screen follows the
     * history as it grows, so a new installation's history (the demo's, loaded after start-up, its awards reaching
     * supervision after commit) and each day's openings and awards are screened within a minute, not at the next night.
     * Off with the schedule ({@code sunbid.supervision.network-screen-cron=-}).
     */
    @Scheduled(initialDelayString = "${sunbid.supervision.network-screen-first-run:PT1M}",
            fixedDelayString = "${sunbid.supervision.network-screen-follow:PT1M}")
    void follow() {
        if ("-".equals(cron)) {
            return;
        }
        java.util.Set<UUID> opened = new java.util.HashSet<>(openings.openedTenders());
        long awarded = jdbc.sql("SELECT tender_id FROM supervision_platform_award").query(UUID.class).list().stream()
                .filter(opened::contains).count();
        String seen = opened.size() + "/" + awarded;
        if (!seen.equals(followed)) {
            daily();
            followed = seen;
        }
    }

    /** The opened and awarded lots' counts at the last run {@link #follow()} made (once after each start-up, then on change). */
    private volatile String followed;

    /** Daily, at night (Beijing time). */
    @Scheduled(cron = "${sunbid.supervision.network-screen-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void daily() {
        Run run = run("system");
        log.info("network screen: {} lots ({} awarded), {} findings", run.lots(), run.awarded(), run.findings().size());
    }

    /** Screens every opened lot and raises a warning per finding; returns every finding. */
    Run run(String by) {
        Map<UUID, UUID> winners = new HashMap<>();
        jdbc.sql("SELECT tender_id, winner_id FROM supervision_platform_award")
                .query((rs, i) -> winners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        List<Deal> deals = new ArrayList<>();
        Map<String, String> regionOf = new HashMap<>();
        for (UUID lotId : openings.openedTenders()) {
            Optional<BidsOpened> opened = openings.replay(lotId);
            if (opened.isEmpty()) {
                continue;
            }
            List<Deal.Bid> bids = opened.get().bids().stream().filter(OpenedBid::opened)
                    .map(b -> new Deal.Bid(b.bidderId().toString(), b.bidder(), b.price())).toList();
            Optional<TenderView> tender = tenders.find(lotId);
            String label = tender.map(t -> t.terms().projectCode() + " " + t.terms().name()).orElse(lotId.toString());
            String region = projects.ofLot(lotId).map(ProjectView::regionCode).or(() -> tender.map(TenderView::regionCode)).orElse(null);
            if (region != null) {
                regionOf.put(lotId.toString(), region);
            }
            UUID winner = winners.get(lotId);
            deals.add(new Deal(lotId.toString(), label, opened.get().openedAt(), bids, winner == null ? null : winner.toString()));
        }
        deals.sort(Comparator.comparing(Deal::openedAt, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Deal::lotId));
        CoBiddingNetwork network = CoBiddingNetwork.of(deals);
        List<Finding> findings = network.findings(CoBiddingNetwork.Settings.DEFAULTS);
        List<Pair> graph = network.edges().stream().limit(GRAPH_PAIRS).map(e -> new Pair(network.nameOf(e.a()), network.nameOf(e.b()),
                e.together(), e.shareOfA(), e.shareOfB(), e.aLostToB(), e.bLostToA())).toList();
        Warnings queue = warnings.getIfAvailable();
        List<Result> results = new ArrayList<>();
        for (Finding f : findings) {
            String region = commonRegion(f.evidence().stream().map(e -> regionOf.get(e.lotId())).filter(r -> r != null).toList());
            UUID warningId = queue == null || region == null ? null : queue.raise(draft(f, region));
            results.add(new Result(f.kind(), f.members(), f.names(), f.strength(), region, f.evidence(), warningId));
        }
        UUID id = UUID.randomUUID();
        int awarded = (int) deals.stream().filter(d -> d.winnerId() != null).count();
        jdbc.sql("""
                INSERT INTO supervision_network_run (id, lots, awarded, findings, created_by, created_at)
                VALUES (:id, :lots, :awarded, :findings, :by, :now)""")
                .param("id", id).param("lots", deals.size()).param("awarded", awarded).param("findings", findings.size())
                .param("by", by).param("now", Timestamp.from(clock.instant())).update();
        return new Run(id, deals.size(), awarded, results, graph);
    }

    private WarningDraft draft(Finding f, String region) {
        String who = String.join("、", f.names());
        String title = switch (f.kind()) {
            case ROTATION -> "串标网络：" + f.members().size() + " 家投标人轮流中标（" + who + "）";
            case COVER -> "串标网络：疑似陪标（" + who + "）";
            case ALWAYS_LOSES -> "串标网络：" + f.names().get(0) + " 每次均输给 " + f.names().get(1);
        };
        java.util.DoubleSummaryStatistics margins = f.evidence().stream().flatMap(e -> e.aboveWinner().values().stream())
                .mapToDouble(Double::doubleValue).summaryStatistics();
        String range = margins.getCount() == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f%%–%.2f%%", margins.getMin(), margins.getMax());
        String detail = switch (f.kind()) {
            case ROTATION -> who + " 在 " + f.evidence().size() + " 个标段共同投标，每个标段均由其中一家中标且各家轮流中标，"
                    + "未中标成员的报价在中标价之上 " + range + "（陪标报价）。";
            case COVER -> who + " 在 " + f.evidence().size() + " 个标段投标均未中标，报价在中标价之上 " + range + "。";
            case ALWAYS_LOSES -> f.names().get(0) + " 从未中标，与 " + f.names().get(1) + " 同场投标的 " + f.evidence().size()
                    + " 个标段均由后者中标。";
        } + "依据公开的开标记录和中标结果，供监督人员核查，不作为否决投标的依据。";
        List<WarningDraft.Evidence> evidence = new ArrayList<>();
        for (Finding.LotEvidence e : f.evidence()) {
            Map<String, String> losers = new LinkedHashMap<>();
            e.aboveWinner().forEach((name, pct) -> losers.put(name, String.format(java.util.Locale.ROOT, "+%.2f%%", pct)));
            evidence.add(new WarningDraft.Evidence(e.label(), "中标：" + e.winner() + " " + (e.winningPrice() == null ? "—"
                    : e.winningPrice().toPlainString()) + " 元；" + e.prices().entrySet().stream()
                    .map(p -> p.getKey() + " " + p.getValue().toPlainString() + " 元" + (losers.containsKey(p.getKey())
                            ? "（" + losers.get(p.getKey()) + "）" : ""))
                    .collect(Collectors.joining("，")), "/tenders/" + e.lotId()));
        }
        evidence.add(new WarningDraft.Evidence("强度", String.format(java.util.Locale.ROOT, "%.2f", f.strength()), null));
        WarningDraft.Severity severity = switch (f.kind()) {
            case ROTATION -> WarningDraft.Severity.HIGH;
            case COVER -> WarningDraft.Severity.MEDIUM;
            case ALWAYS_LOSES -> WarningDraft.Severity.LOW;
        };
        return new WarningDraft("network", f.kind().name() + ":" + WarningDraft.membersDigest(f.members()), severity, region, null, null,
                title, detail, LotScreening.LEGAL_BASIS.replace("第（四）项（不同投标人的投标文件异常一致或者投标报价呈规律性差异）",
                        "第三十九条（投标人之间约定中标人、约定部分投标人放弃投标或者中标）"),
                evidence, List.of());
    }

    /** The deepest region holding every one of {@code codes} (null if none is known). */
    private String commonRegion(List<String> codes) {
        if (codes.isEmpty()) {
            return null;
        }
        String candidate = codes.get(0);
        while (candidate != null) {
            String c = candidate;
            if (codes.stream().allMatch(code -> regions.isWithin(code, c))) {
                return c;
            }
            candidate = regions.find(c).map(Region::parentCode).orElse(null);
        }
        return codes.get(0);
    }
}
