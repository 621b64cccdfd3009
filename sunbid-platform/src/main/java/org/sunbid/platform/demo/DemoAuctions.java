package org.sunbid.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.sunbid.platform.auction.AuctionBidders;
import org.sunbid.platform.auction.AuctionLots;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.auction.LiveAuctions;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.BidDecision;
import org.sunbid.platform.auction.domain.RoomSnapshot;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The demo's auction lots (issue 17), made only through the tendering, payments and auction APIs:
 * <ul>
 * <li>a finished land listing (国有建设用地使用权挂牌出让, 39号令): announced at the history's start (≥ 20 日, Art. 8),
 * applications with deposits (Art. 11), listing bids (Art. 18), a timed round (限时竞价) with several countdown
 * restarts, the deal recorded with its premium rate, the winner's deposit becoming earnest money, the others refunded,
 * a first payment recorded;</li>
 * <li>one live land auction (国有建设用地使用权拍卖出让) announced in the history whose bidding starts
 * {@code sunbid.demo.live-auction-delay} (default PT5M) after the demo loads: bidder5 and bidder6 are its qualified
 * bidders; a newcomer signs in as bidder5 and bids at /auctions/{lotId} against bidder6, the scripted rival
 * ({@link DemoLiveRival}).</li>
 * </ul>
 */
@Component
class DemoAuctions {

    private static final Logger log = LoggerFactory.getLogger(DemoAuctions.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** The finished land listing's project code. */
    static final String LAND_LISTING = "YZ-2026-TD-0031";
    /** The live auction's project code. */
    static final String LIVE_AUCTION = "YZ-2026-TD-0032";
    /** The mining-right listing, the state-property transfer, and the asset first disclosed then re-disclosed. */
    static final String MINING_LISTING = "QS-2026-KY-0005";
    static final String PROPERTY_TRANSFER = "YZ-2026-CQ-0018";
    static final String PROPERTY_FIRST = "YZ-2026-CQ-0011";
    static final String PROPERTY_REDISCLOSED = "YZ-2026-CQ-0011-2";
    /** The newcomer's account in the live auction, and the scripted rival's. */
    static final String NEWCOMER = "bidder5";
    static final String RIVAL = "bidder6";

    private final Tenders tenders;
    private final AuctionLots lots;
    private final AuctionBidders bidders;
    private final LiveAuctions live;
    private final AuctionResults results;
    private final Sandbox sandbox;
    private final Accounts accounts;
    private final java.time.Clock clock;
    private final Environment environment;
    private final DemoLiveRival rival;
    private final org.sunbid.platform.tendering.Registrations registrations;
    private final org.sunbid.platform.deals.Procedures procedures;
    private final org.sunbid.platform.auction.AuctionReserves reserves;
    /** The live auction's lot, once announced. */
    private volatile UUID liveLot;

    DemoAuctions(Tenders tenders, AuctionLots lots, AuctionBidders bidders, LiveAuctions live, AuctionResults results,
            Sandbox sandbox, Accounts accounts, java.time.Clock clock, Environment environment, DemoLiveRival rival,
            org.sunbid.platform.tendering.Registrations registrations, org.sunbid.platform.deals.Procedures procedures,
            org.sunbid.platform.auction.AuctionReserves reserves) {
        this.reserves = reserves;
        this.procedures = procedures;
        this.registrations = registrations;
        this.tenders = tenders;
        this.lots = lots;
        this.bidders = bidders;
        this.live = live;
        this.results = results;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.clock = clock;
        this.environment = environment;
        this.rival = rival;
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    /**
     * In the history (the clock travelling): both lots announced at {@code start}, their applicants paid the next day;
     * the land listing runs its whole course. {@code present} is when the demo loads (the live auction's reference).
     */
    void loadHistory(DemoData data, TimeTravel travel, Instant start, Instant present) {
        CurrentUser agency = user("agency");
        travel.travelTo(start.plus(Duration.ofHours(1)));
        UUID land;
        UUID auction;
        try {
            land = landListing(data, start, agency);
        } catch (RuntimeException e) {
            log.warn("demo land listing not loaded: {}", e.toString());
            land = null;
        }
        try {
            auction = liveAuction(data, present, agency);
            liveLot = auction;
        } catch (RuntimeException e) {
            log.warn("demo live auction not loaded: {}", e.toString());
            auction = null;
        }
        travel.travelTo(start.plus(Duration.ofDays(1)));
        if (land != null) {
            for (String b : List.of("bidder1", "bidder2", "bidder3")) {
                apply(land, b);
            }
        }
        if (auction != null) {
            // sunbid.demo.live-auction-bidders adds demo bidders to the newcomer and the rival (the auction benchmark
            // and the crash test bid as several bidders: bench AuctionBench, AuctionCrashIT)
            java.util.LinkedHashSet<String> applicants = new java.util.LinkedHashSet<>(List.of(NEWCOMER, RIVAL));
            for (String extra : environment.getProperty("sunbid.demo.live-auction-bidders", "").split(",")) {
                if (!extra.isBlank()) {
                    applicants.add(extra.strip());
                }
            }
            for (String b : applicants) {
                apply(auction, b);
            }
        }
        if (land != null) {
            try {
                // 5 listing bids, then 6 in the timed round (5 restarts), bidder1 winning at 101,000,000.00
                runCourse(data, travel, land, List.of("bidder2", "bidder1", "bidder3", "bidder2", "bidder1"),
                        List.of("bidder2", "bidder1", "bidder2", "bidder1", "bidder2", "bidder1"), 50,
                        "首期出让价款（50%，国土资发〔2010〕34号）", "98000000", agency);
            } catch (RuntimeException e) {
                log.warn("demo land listing did not run its course: {}", e.toString());
            }
        }
        loadMiningAndProperty(data, travel, start, agency);
    }

    /**
     * The mining-right listing and the state-property lots, each on the earliest schedule its rules allow ({@link #plan}),
     * announced ten days before the history's start so that their 工作日 periods end before today.
     */
    private void loadMiningAndProperty(DemoData data, TimeTravel travel, Instant start, CurrentUser agency) {
        Instant publishAt = start.minus(Duration.ofDays(10)).plus(Duration.ofHours(2));
        travel.travelTo(publishAt);
        UUID mining = null;
        UUID property = null;
        UUID firstDisclosure = null;
        try {
            mining = miningListing(data, publishAt, agency);
        } catch (RuntimeException e) {
            log.warn("demo mining-right listing not loaded: {}", e.toString());
        }
        try {
            property = propertyTransfer(data, publishAt, agency);
        } catch (RuntimeException e) {
            log.warn("demo state-property transfer not loaded: {}", e.toString());
        }
        try {
            firstDisclosure = propertyFirstDisclosure(data, publishAt, agency);
        } catch (RuntimeException e) {
            log.warn("demo state-property first disclosure not loaded: {}", e.toString());
        }
        // the applicants pay from their basic accounts (Reg. 26), registered at the history's start
        travel.travelTo(start.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)));
        if (mining != null) {
            apply(mining, "bidder4");
        }
        if (property != null) {
            apply(property, "bidder1");
            apply(property, "bidder8");
        }
        if (mining != null) {
            try {
                // 自然资规〔2023〕1号 (39号令 Art. 19): one bidder whose listing bid meets the reserve → deal, no timed round
                runCourse(data, travel, mining, List.of("bidder4"), List.of(), null, null, "6800000", agency);
            } catch (RuntimeException e) {
                log.warn("demo mining-right listing did not run its course: {}", e.toString());
            }
        }
        if (property != null) {
            try {
                // 32号令 Art. 22: free bidding, then timed bidding with three restarts; bidder8 wins
                runCourse(data, travel, property, List.of("bidder1", "bidder8"), List.of("bidder1", "bidder8", "bidder1", "bidder8"),
                        30, "首期转让价款（30%，国资委 财政部令第32号第二十七条）", null, agency);
            } catch (RuntimeException e) {
                log.warn("demo state-property transfer did not run its course: {}", e.toString());
            }
        }
        if (firstDisclosure != null) {
            try {
                redisclose(data, travel, firstDisclosure, agency);
            } catch (RuntimeException e) {
                log.warn("demo state-property re-disclosure not loaded: {}", e.toString());
            }
        }
    }

    /** A lot's schedule: bidding start, end of free bidding (null for an ascending auction), close of applications. */
    private record Plan(Instant biddingStart, Instant freeEnd, Instant close) {
    }

    /**
     * The earliest schedule the rules of {@code procedure} allow for an announcement at {@code publishAt}: bidding at
     * 10:00 the day after the announcement period (ANNOUNCEMENT_PERIOD, or REDISCLOSURE_PERIOD for a re-disclosure);
     * a listing until 15:00 the day after its LISTING_PERIOD; network bidding free until 15:00 the same day;
     * applications closing an hour before the APPLICATION_CLOSE limit.
     */
    private Plan plan(String procedure, Instant publishAt, boolean redisclosure) {
        ProcedureRules rules = procedures.rulesAt(procedure, publishAt);
        Limit announcement = redisclosure && rules.find(RuleKeys.REDISCLOSURE_PERIOD).isPresent()
                ? rules.limit(RuleKeys.REDISCLOSURE_PERIOD) : rules.limit(RuleKeys.ANNOUNCEMENT_PERIOD);
        LocalDate startDay = announcement.lastDay(publishAt, rules.calendar()).plusDays(1);
        Instant biddingStart = startDay.atTime(10, 0).atZone(BEIJING).toInstant();
        Instant freeEnd = null;
        Instant reference = biddingStart;
        if (rules.find(RuleKeys.LISTING_PERIOD).isPresent()) {
            freeEnd = rules.limit(RuleKeys.LISTING_PERIOD).lastDay(biddingStart, rules.calendar()).plusDays(1).atTime(15, 0)
                    .atZone(BEIJING).toInstant();
            reference = freeEnd;
        } else if (rules.find(RuleKeys.APPRAISAL_APPROVAL_BELOW).isPresent()) {
            freeEnd = startDay.atTime(15, 0).atZone(BEIJING).toInstant();
        }
        Limit close = rules.find(RuleKeys.APPLICATION_CLOSE).orElse(Limit.of(0, LimitUnit.DAY, ""));
        return new Plan(biddingStart, freeEnd, close.startBefore(reference).minus(Duration.ofHours(1)));
    }

    /**
     * 青山县 a granite quarry's mining right by listing (自然资规〔2023〕1号: notice ≥ 20 个工作日, listing ≥ 10 个工作日);
     * 出让收益 is levied apart from the bid, at the announced rate on sales (details.premiumRate, 财综〔2023〕10号).
     */
    private UUID miningListing(DemoData data, Instant publishAt, CurrentUser agency) {
        Plan plan = plan("KYQ_LISTING", publishAt, false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mineral", "建筑用花岗岩");
        details.put("rightType", "MINING");
        details.put("areaSqKm", "0.4132");
        details.put("premiumRate", "3.6");
        details.put("premiumNote", "矿业权出让收益按矿产品销售收入的3.6%逐年征收，与竞得价款分开缴纳，不计入竞价");
        details.put("location", "青山县柳河镇石门山");
        details.put("reserves", "3120万吨");
        details.put("scale", "100万吨/年");
        details.put("termYears", 10);
        return lot(data, "KYQ_LISTING", MINING_LISTING, "青山县柳河镇石门山建筑用花岗岩矿采矿权挂牌出让", "采矿权", "6800000",
                "1360000", "100000", plan.close(), plan.biddingStart(), plan.freeEnd(), details, null, null, null, true, agency);
    }

    /** 云州城投's 100% stake in its property-management company, by network bidding (企业国有资产交易, 32号令). */
    private UUID propertyTransfer(DemoData data, Instant publishAt, CurrentUser agency) {
        Plan plan = plan("GYCQ_ONLINE_BIDDING", publishAt, false);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferor", "云州市城市建设投资集团有限公司");
        details.put("subject", "云州城投物业管理有限公司100%股权");
        details.put("transactionType", "EQUITY_TRANSFER");
        details.put("transferShare", "100%");
        details.put("approval", "云州市国资委 云国资产权〔2026〕12号");
        details.put("conditions", "受让方须承接标的企业现有职工劳动合同；转让价款一次性支付或首付不低于30%、余款一年内付清并提供担保");
        return lot(data, "GYCQ_ONLINE_BIDDING", PROPERTY_TRANSFER, "云州城投物业管理有限公司100%股权转让", "企业国有产权",
                "12600000", "1260000", "100000", plan.close(), plan.biddingStart(), plan.freeEnd(), details, "12600000", null,
                null, false, agency);
    }

    /** An idle office building of 云州城投, first disclosed at its appraisal: no buyer came forward. */
    private UUID propertyFirstDisclosure(DemoData data, Instant publishAt, CurrentUser agency) {
        Plan plan = plan("GYCQ_ONLINE_BIDDING", publishAt, false);
        return lot(data, "GYCQ_ONLINE_BIDDING", PROPERTY_FIRST, "云州城投闲置办公楼及附属设备转让（首次披露）", "企业国有资产",
                "5800000", "580000", "50000", plan.close(), plan.biddingStart(), plan.freeEnd(), assetDetails(), "5800000", null,
                null, false, agency);
    }

    private static Map<String, Object> assetDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transferor", "云州市城市建设投资集团有限公司");
        details.put("subject", "云州城投闲置办公楼（建筑面积3268.4平方米）及附属设备");
        details.put("transactionType", "ASSET_TRANSFER");
        details.put("transferShare", "100%");
        return details;
    }

    /**
     * The first disclosure of the office building closed without an applicant; it is re-disclosed at 85% of the
     * appraisal (below 90%: 32号令 Art. 18 needs the approving body's written consent, recorded with its document number
     * and file digest), its bidding after today.
     */
    private void redisclose(DemoData data, TimeTravel travel, UUID first, CurrentUser agency) {
        TenderView tender = tenders.get(first, agency);
        travel.travelTo(tender.bidDeadline().plusSeconds(1));
        tenders.closeIfDue(first);
        Instant publishAt = clock.instant().plus(Duration.ofDays(1));
        travel.travelTo(publishAt);
        Plan plan = plan("GYCQ_ONLINE_BIDDING", publishAt, true);
        LocalDate approved = LocalDate.ofInstant(publishAt, BEIJING).minusDays(1);
        AuctionLots.ApprovalInput approval = new AuctionLots.ApprovalInput("云州市人民政府国有资产监督管理委员会",
                "云国资产权〔2026〕27号", approved, org.sunbid.crypto.Sm3.hex("云国资产权〔2026〕27号 关于同意降价重新披露的批复"));
        lot(data, "GYCQ_ONLINE_BIDDING", PROPERTY_REDISCLOSED, "云州城投闲置办公楼及附属设备转让（降价重新披露）", "企业国有资产",
                "4930000", "493000", "50000", plan.close(), plan.biddingStart(), plan.freeEnd(), assetDetails(), "5800000",
                first, approval, false, agency);
    }

    /** At the present (after the history): the live auction's applications close and its bidders get their numbers. */
    void loadPresent() {
        UUID auction = liveLot;
        if (auction == null) {
            return;
        }
        tenders.closeIfDue(auction);
        bidders.qualify(auction);
        rival.watch(auction, user(RIVAL), ceilingFen());
    }

    private long ceilingFen() {
        return Money.yuan(environment.getProperty("sunbid.demo.live-rival-ceiling", "23000000")).yuan()
                .movePointRight(2).longValueExact();
    }

    /**
     * 云州市 a 商住 parcel by listing (39号令): announced now (the history's start + 1 h), bidding from the day after the
     * 20-day announcement (Art. 8) for 18 calendar days (≥ 10 个工作日, Art. 18), applications closing 2 days and an
     * hour before the listing ends (Art. 11), deposit 20% (国土资发〔2010〕34号).
     */
    private UUID landListing(DemoData data, Instant start, CurrentUser agency) {
        LocalDate day = LocalDate.ofInstant(start, BEIJING);
        Instant biddingStart = day.plusDays(21).atTime(10, 0).atZone(BEIJING).toInstant();
        Instant freeEnd = day.plusDays(39).atTime(15, 0).atZone(BEIJING).toInstant();
        Instant close = freeEnd.minus(Duration.ofDays(2)).minus(Duration.ofHours(1));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parcelNo", "云州2026-G-031");
        details.put("location", "云州市青山大道以南、云河路以西");
        details.put("areaSqm", "42816.30");
        details.put("landUse", "城镇住宅用地、商务金融用地（商住）");
        details.put("plotRatio", "1.0-2.8");
        details.put("buildingDensity", "≤ 30%");
        details.put("greenRatio", "≥ 30%");
        details.put("termYears", 70);
        return lot(data, "TDSYQ_LISTING", LAND_LISTING, "云州市青山大道南侧2026-G-031号商住地块国有建设用地使用权挂牌出让",
                "国有建设用地使用权", "96000000", "19200000", "500000", close, biddingStart, freeEnd, details, null, null, null, true, agency);
    }

    /**
     * 云州市 a 商服 parcel by online auction (拍卖, 39号令 Art. 15-17): announced at the history's start, bidding from
     * {@code present} + {@code sunbid.demo.live-auction-delay} (≥ 20 日 after the announcement), applications closed 2
     * days and an hour before, no reserve (announced so, Art. 15).
     */
    private UUID liveAuction(DemoData data, Instant present, CurrentUser agency) {
        Duration delay = Duration.parse(environment.getProperty("sunbid.demo.live-auction-delay", "PT5M"));
        Instant biddingStart = present.plus(delay).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant close = biddingStart.minus(Duration.ofDays(2)).minus(Duration.ofHours(1));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parcelNo", "云州2026-G-032");
        details.put("location", "云州市临江路以东、滨江大道以北");
        details.put("areaSqm", "12650.00");
        details.put("landUse", "商务金融用地");
        details.put("plotRatio", "1.5-3.0");
        details.put("termYears", 40);
        return lot(data, "TDSYQ_AUCTION", LIVE_AUCTION, "云州市滨江大道北侧2026-G-032号商服地块国有建设用地使用权拍卖出让（在线演示）",
                "国有建设用地使用权", "20000000", "4000000", "200000", close, biddingStart, null, details, null, null, null, false, agency);
    }

    private UUID lot(DemoData data, String procedure, String code, String name, String category, String startPrice,
            String deposit, String increment, Instant close, Instant biddingStart, Instant freeEnd,
            Map<String, Object> details, String appraisal, UUID previous, AuctionLots.ApprovalInput approval, boolean reserveSealed, CurrentUser agency) {
        UUID owner = user("tenderee").organisationId();
        String kind = procedure.substring(0, procedure.indexOf('_'));
        TenderTerms lot = new TenderTerms(code, name, category, Money.yuan(startPrice), Money.yuan(deposit),
                "中华人民共和国境内外的法人、自然人和其他组织均可申请参加（法律另有规定者除外），申请人应单独申请。",
                EvaluationMethod.HIGHEST_PRICE, close, "云州市公共资源交易中心网上交易系统", 90, close,
                notice(kind, name, freeEnd == null),
                List.of(new TenderTerms.Lot(name, Money.yuan(startPrice))));
        ProjectView project = tenders.createProject(new Tenders.NewTenderProject(kind, procedure, name, Money.yuan(startPrice),
                null, ProjectCategory.SERVICES, null, List.of(lot)), owner, agency);
        UUID id = project.lots().get(0).id();
        lots.setTerms(id, new AuctionLots.TermsInput(null, startPrice, increment, biddingStart, freeEnd, null, details, appraisal,
                reserveSealed, previous, approval), agency);
        data.document(tenders.get(id, agency), agency);
        tenders.publish(id, agency);
        return id;
    }

    private static String notice(String kind, String name, boolean auction) {
        return switch (kind) {
            case "TDSYQ" -> "出让公告：经云州市人民政府批准，云州市自然资源和规划局决定以" + (auction ? "拍卖" : "挂牌") + "方式出让" + name
                    + "（《招标拍卖挂牌出让国有建设用地使用权规定》国土资源部令第39号）。竞买人应在申请截止前提交竞买申请并交纳竞买保证金。";
            case "KYQ" -> "出让公告：云州市自然资源和规划局决定以挂牌方式出让" + name + "（《矿业权出让交易规则》自然资规〔2023〕1号）。"
                    + "矿业权出让收益按公告所列出让收益率逐年征收，与竞得价款分开缴纳。";
            default -> "信息披露：" + name + "，经国有资产监督管理机构批准，在云州市公共资源交易中心公开转让"
                    + "（《企业国有资产交易监督管理办法》国资委 财政部令第32号），意向受让方在披露期满前登记并交纳保证金，产生两个以上意向受让方的网络竞价。";
        };
    }

    /** A demo bidder applies (竞买申请) and pays its deposit from its basic account through the sandbox bank. */
    private void apply(UUID lot, String username) {
        CurrentUser bidder = user(username);
        registrations.register(lot, bidder);
        sandbox.payDeposit(lot, null, null, null, bidder);
    }

    /**
     * A lot's course after its announcement: applications closed at their deadline and the bidders numbered
     * ({@code AuctionBidders.qualify}); the free (listing) bids {@code free} spread over the free period; at its end the
     * timed round (限时竞价: 39号令 Art. 19; 32号令 Art. 22) with the bids {@code timed}, each 150 s after the previous one
     * so each restarts the countdown; the room ended by the engine's tick at the countdown's end; the result recorded
     * (the reserve was announced as none), the winner's deposit becoming earnest money and the others refunded; the
     * 成交确认书 signed by the winner, the owner and the platform the next day (39号令 Art. 20); where
     * {@code firstShare} is given, the winner's first payment of that share of the price three days after.
     */
    private void runCourse(DemoData data, TimeTravel travel, UUID lot, List<String> free, List<String> timed,
            Integer firstShare, String paymentNote, String reserve, CurrentUser agency) {
        TenderView tender = tenders.get(lot, agency);
        travel.travelTo(tender.bidDeadline().plusSeconds(1));
        tenders.closeIfDue(lot);
        bidders.qualify(lot);
        var terms = lots.terms(lot).orElseThrow();
        if (reserve != null) {
            // 39号令 Art. 10: the owner's side seals the reserve (底价) before its deadline; nobody reads it until bidding ends
            reserves.set(lot, reserve, agency);
        }
        Instant freeEnd = terms.freeEnd();
        Instant first = terms.biddingStart().plus(Duration.ofMinutes(30));
        Duration span = Duration.between(first, freeEnd.minus(Duration.ofMinutes(90)));
        long price = terms.startPrice();
        long step = terms.increment();
        for (int i = 0; i < free.size(); i++) {
            travel.travelTo(first.plus(span.multipliedBy(i).dividedBy(free.size())));
            price = i == 0 ? price : price + step;
            bid(lot, free.get(i), price);
        }
        Instant at = freeEnd.plusSeconds(50);
        for (String b : timed) {
            travel.travelTo(at);
            price += step;
            bid(lot, b, price);
            at = at.plusSeconds(150);
        }
        RoomSnapshot snapshot = live.snapshot(lot).orElseThrow();
        Instant end = snapshot.endsAt() == null ? freeEnd : snapshot.endsAt();
        travel.travelTo(end.plusSeconds(2));
        live.tick(); // the engine ends the room: BiddingEnded
        Instant endedAt = clock.instant();
        Long reserveFen = reserve == null ? null : openReserve(data, lot, endedAt);
        AuctionResult result = live.result(lot, reserveFen).orElseThrow();
        bidders.disclose(lot); // bidding ended: who stood behind each number is public (idempotent)
        UUID winner = result.deal() ? bidders.organisationOf(lot, result.winner().bidderNumber()).orElseThrow() : null;
        // the result as the engine gives it with the opened reserve; recorded once (the ReserveOpened listener's call
        // returns the same record)
        results.record(lot, result, terms.startPrice(), winner, live.bids(lot).size(), clock.instant());
        if (!result.deal()) {
            return;
        }
        travel.travelTo(freeEnd.plus(Duration.ofDays(1)));
        String statement = results.confirmation(lot).statement();
        CurrentUser winnerStaff = null;
        for (int i = 1; i <= 8; i++) {
            CurrentUser b = user("bidder" + i);
            if (b.organisationId().equals(winner)) {
                winnerStaff = b;
            }
        }
        if (winnerStaff != null) {
            results.sign(lot, org.sunbid.crypto.Sm2.signText(data.organisationKey(winnerStaff), statement), null, winnerStaff);
            CurrentUser owner = user("tenderee");
            results.sign(lot, org.sunbid.crypto.Sm2.signText(data.organisationKey(owner), statement), null, owner);
        }
        if (firstShare != null) {
            travel.travelTo(freeEnd.plus(Duration.ofDays(3)));
            Money paid = new Money(java.math.BigDecimal.valueOf(result.winner().amount() * firstShare / 100, 2));
            results.recordPayment(lot, paid, clock.instant().minus(Duration.ofHours(2)), paymentNote, agency);
        }
    }

    /**
     * Bidding ended: the custodians of the lot's reserve key (the centre, the supervisor and the owner, 2 of 3) fetch
     * their encrypted shares, decrypt them with their organisations' keys (what their tool does) and release them until
     * the reserve opens; the opened reserve in fen.
     */
    private Long openReserve(DemoData data, UUID lot, Instant endedAt) {
        reserves.biddingEnded(lot, endedAt);
        for (String custodian : List.of("centre", "supervisor", "tenderee")) {
            Object opened = reserves.view(lot).get("reserve");
            if (opened != null) {
                break;
            }
            CurrentUser user = user(custodian);
            try {
                byte[] encrypted = java.util.Base64.getDecoder().decode(reserves.myEncryptedShare(lot, user));
                String share = new String(org.sunbid.crypto.Sm2.decrypt(data.organisationKey(user), encrypted),
                        java.nio.charset.StandardCharsets.UTF_8);
                reserves.releaseShare(lot, share, user);
            } catch (RuntimeException e) {
                log.info("demo: {} holds no usable share of lot {}'s reserve key: {}", custodian, lot, e.toString());
            }
        }
        Object opened = reserves.view(lot).get("reserve");
        if (opened == null) {
            throw new IllegalStateException("the reserve of lot " + lot + " did not open");
        }
        return Money.yuan(opened.toString()).yuan().movePointRight(2).longValueExact();
    }

    private void bid(UUID lot, String username, long fen) {
        BidDecision decision = live.bid(lot, user(username), fen);
        if (!(decision instanceof BidDecision.Accepted)) {
            throw new IllegalStateException("demo bid of " + username + " at " + fen + " refused: " + decision);
        }
    }

}
