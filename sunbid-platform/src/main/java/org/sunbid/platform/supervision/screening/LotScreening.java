package org.sunbid.platform.supervision.screening;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.sealing.BidsOpened;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.supervision.WarningDraft;
import org.sunbid.platform.supervision.Warnings;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.screening.bids.BidScreens;
import org.sunbid.screening.bids.ComparableLots;
import org.sunbid.screening.bids.Fence;
import org.sunbid.screening.bids.LotProfile;
import org.sunbid.screening.bids.Screen;

/**
 * The bid screens at every opening (开标后报价筛查): when sealing has opened a lot's bids ({@link BidsOpened}) or a
 * round of sealed offers ({@link OffersOpened}) — never before, as only the opened prices the public record lists are
 * read, from the event — a lot with four opened prices or more is screened ({@link BidScreens}) and compared with the
 * platform's history of comparable opened lots ({@link ComparableLots}: same kind, region and size band, widening to
 * the kind; nothing flagged below {@code sunbid.supervision.screening.minimum-comparables} lots). A lot with a screen
 * beyond its fence raises a {@code screen} warning with every value and fence; every screened lot joins the history.
 * Runs after the opening's transaction committed, through the event publication registry (a redelivery changes
 * nothing: the history and the warning are written once).
 */
@Component
class LotScreening {

    private static final Logger log = LoggerFactory.getLogger(LotScreening.class);

    /** The deemed-collusion item the price screens point at; a flag for people, never a rejection. */
    static final String LEGAL_BASIS = "《招标投标法实施条例》第四十条第（四）项（不同投标人的投标文件异常一致或者投标报价呈规律性差异）";

    private final ScreenHistory history;
    private final Tenders tenders;
    private final Projects projects;
    private final ObjectProvider<Warnings> warnings;
    private final Clock clock;
    private final ComparableLots comparable;

    LotScreening(ScreenHistory history, Tenders tenders, Projects projects, ObjectProvider<Warnings> warnings, Clock clock,
            @Value("${sunbid.supervision.screening.minimum-comparables:" + ComparableLots.DEFAULT_MINIMUM + "}") int minimum) {
        this.history = history;
        this.tenders = tenders;
        this.projects = projects;
        this.warnings = warnings;
        this.clock = clock;
        this.comparable = new ComparableLots(minimum);
    }

    @ApplicationModuleListener
    public void on(BidsOpened opened) {
        screen(opened.tenderId(), 0, opened.bids().stream().filter(OpenedBid::opened).map(OpenedBid::price)
                .filter(p -> p != null && p.signum() > 0).toList(), opened.openedAt());
    }

    @ApplicationModuleListener
    public void on(OffersOpened opened) {
        screen(opened.lotId(), opened.round(), opened.offers().stream().map(OffersOpened.Offer::price)
                .filter(p -> p != null && p.signum() > 0).toList(), opened.openedAt());
    }

    /** Screens one opened lot (round 0: the bids; n: the n-th round of offers); the verdict, empty below four prices. */
    Optional<ComparableLots.Verdict> screen(UUID lotId, int round, List<BigDecimal> prices, Instant openedAt) {
        if (!BidScreens.screens(prices.size()) || history.screened(lotId, round)) {
            return Optional.empty();
        }
        Optional<TenderView> tender = tenders.find(lotId);
        Optional<ProjectView> project = projects.ofLot(lotId);
        LotProfile profile = profile(tender, project);
        if (profile == null) {
            log.warn("lot {} opened but neither its tender nor its project is known: not screened", lotId);
            return Optional.empty();
        }
        BidScreens screens = BidScreens.of(prices);
        ComparableLots.Verdict verdict = comparable.judge(lotId + "/" + round, profile, screens, history.all());
        history.record(lotId, round, "opening", profile, screens, verdict.group(), verdict.flagged(), openedAt, "system", clock.instant());
        if (verdict.suspicious()) {
            raise(lotId, round, tender, project, profile, verdict);
        }
        return Optional.of(verdict);
    }

    /** Brings in a lot of the history from before the platform (e.g. the centre's previous system). */
    void importLot(UUID lotId, LotProfile profile, List<BigDecimal> prices, Instant openedAt, String by) {
        BidScreens screens = BidScreens.of(prices);
        history.record(lotId, 0, "imported", profile, screens, ComparableLots.Group.TOO_FEW, List.of(), openedAt, by, clock.instant());
    }

    private LotProfile profile(Optional<TenderView> tender, Optional<ProjectView> project) {
        String region = project.map(ProjectView::regionCode).or(() -> tender.map(TenderView::regionCode)).orElse(null);
        if (region == null) {
            return null;
        }
        String kind = project.map(p -> p.kind().name()).orElse("GCJS");
        BigDecimal size = tender.map(t -> t.terms().estimatedPrice()).map(m -> m.yuan()).orElse(null);
        return LotProfile.of(kind, region, size);
    }

    private void raise(UUID lotId, int round, Optional<TenderView> tender, Optional<ProjectView> project, LotProfile profile,
            ComparableLots.Verdict v) {
        Warnings queue = warnings.getIfAvailable();
        if (queue == null) {
            log.warn("lot {} flagged by the bid screens {} but no warning queue is configured", lotId, v.flagged());
            return;
        }
        String code = tender.map(t -> t.terms().projectCode() + " " + t.terms().name()).orElse(lotId.toString());
        int n = v.flagged().size();
        WarningDraft.Severity severity = n >= 4 ? WarningDraft.Severity.HIGH : n >= 2 ? WarningDraft.Severity.MEDIUM : WarningDraft.Severity.LOW;
        List<WarningDraft.Evidence> evidence = new ArrayList<>();
        String link = "/tenders/" + lotId;
        double[] sorted = v.screens().sorted();
        evidence.add(new WarningDraft.Evidence("开标报价（由低到高）" + (round > 0 ? "，第 " + round + " 轮报价" : ""),
                join(sorted, 0, sorted.length), link));
        evidence.add(new WarningDraft.Evidence("可比标段", group(v.group()) + "，共 " + v.lots() + " 个（类型 " + profile.kind()
                + "，地区 " + profile.region() + "，规模档 " + profile.sizeBand() + "）", null));
        for (Screen s : Screen.values()) {
            Double value = v.screens().value(s);
            Fence f = v.fences().get(s);
            if (value == null || f == null) {
                continue;
            }
            String fence = s.collusion() == Screen.Direction.LOW ? "下围栏 " + num(f.lower()) : "上围栏 " + num(f.upper())
                    + (s == Screen.RD ? "（且须 > 1）" : "");
            String sub = v.screens().subgroupStart(s) >= 0
                    ? "；子组报价 " + join(sorted, v.screens().subgroupStart(s), v.screens().subgroupStart(s) + (s == Screen.SUB3_CV ? 3 : 4))
                    : "";
            evidence.add(new WarningDraft.Evidence(label(s), num(value) + "（" + fence + "，Q1 " + num(f.q1()) + "，Q3 " + num(f.q3())
                    + "）" + (v.flagged().contains(s) ? " 超出围栏" : "") + sub, null));
        }
        String detail = "开标报价的 " + n + " 项筛查指标（" + String.join("、", v.flagged().stream().map(LotScreening::label).toList())
                + "）超出可比标段的四分位围栏（Q1−1.5·IQR / Q3+1.5·IQR），方向与串通投标一致。筛查结果仅供监督人员核查，不作为否决投标的依据。";
        queue.raise(new WarningDraft("screen", lotId + "/" + round, severity, profile.region(),
                project.map(ProjectView::id).orElse(null), lotId, "投标报价筛查异常：" + code, detail, LEGAL_BASIS, evidence, List.of()));
    }

    static String label(Screen s) {
        return switch (s) {
            case CV -> "变异系数 CV";
            case SPD -> "价差率 SPD";
            case DIFFP -> "第一二名价差 DIFFP";
            case RD -> "相对距离 RD";
            case RDNOR -> "标准化相对距离 RDNOR";
            case SKEWNESS -> "偏度";
            case KURTOSIS -> "峰度";
            case SUB3_CV -> "子组变异系数（最接近的 3 家）";
            case SUB4_CV -> "子组变异系数（最接近的 4 家）";
        };
    }

    private static String group(ComparableLots.Group g) {
        return switch (g) {
            case KIND_REGION_SIZE -> "同类型、同地区、同规模";
            case KIND_SIZE -> "同类型、同规模（各地区）";
            case KIND -> "同类型";
            case TOO_FEW -> "不足";
        };
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String join(double[] x, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new BigDecimal(x[i]).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        }
        return String.join("，", out);
    }
}
