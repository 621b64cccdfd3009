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
    /** The live auction's lot, once announced. */
    private volatile UUID liveLot;

    DemoAuctions(Tenders tenders, AuctionLots lots, AuctionBidders bidders, LiveAuctions live, AuctionResults results,
            Sandbox sandbox, Accounts accounts, java.time.Clock clock, Environment environment, DemoLiveRival rival,
            org.sunbid.platform.tendering.Registrations registrations) {
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
            for (String b : List.of(NEWCOMER, RIVAL)) {
                apply(auction, b);
            }
        }
        if (land != null) {
            try {
                runLandListing(data, travel, land, agency);
            } catch (RuntimeException e) {
                log.warn("demo land listing did not run its course: {}", e.toString());
            }
        }
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
                "国有建设用地使用权", "96000000", "19200000", "500000", close, biddingStart, freeEnd, details, agency);
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
                "国有建设用地使用权", "20000000", "4000000", "200000", close, biddingStart, null, details, agency);
    }

    private UUID lot(DemoData data, String procedure, String code, String name, String category, String startPrice,
            String deposit, String increment, Instant close, Instant biddingStart, Instant freeEnd,
            Map<String, Object> details, CurrentUser agency) {
        UUID owner = user("tenderee").organisationId();
        TenderTerms lot = new TenderTerms(code, name, category, Money.yuan(startPrice), Money.yuan(deposit),
                "中华人民共和国境内外的法人、自然人和其他组织均可申请参加（法律另有规定者除外），申请人应单独申请。",
                EvaluationMethod.HIGHEST_PRICE, close, "云州市公共资源交易中心网上交易系统", 90, close,
                "出让公告：经云州市人民政府批准，云州市自然资源和规划局决定以" + (freeEnd == null ? "拍卖" : "挂牌")
                        + "方式出让" + name.replaceFirst("国有建设用地使用权.*", "") + "的国有建设用地使用权（《招标拍卖挂牌出让国有建设用地使用权规定》"
                        + "国土资源部令第39号）。",
                List.of(new TenderTerms.Lot(name, Money.yuan(startPrice))));
        ProjectView project = tenders.createProject(new Tenders.NewTenderProject("TDSYQ", procedure, name, Money.yuan(startPrice),
                null, ProjectCategory.SERVICES, null, List.of(lot)), owner, agency);
        UUID id = project.lots().get(0).id();
        lots.setTerms(id, new AuctionLots.TermsInput(null, startPrice, increment, biddingStart, freeEnd, null, details, null,
                Boolean.FALSE, null, null), agency);
        data.document(tenders.get(id, agency), agency);
        tenders.publish(id, agency);
        return id;
    }

    /** A demo bidder applies (竞买申请) and pays its deposit from its basic account through the sandbox bank. */
    private void apply(UUID lot, String username) {
        CurrentUser bidder = user(username);
        registrations.register(lot, bidder);
        sandbox.payDeposit(lot, null, null, null, bidder);
    }

    /**
     * The land listing's course: applications closed (bidder numbers drawn), listing bids by the three bidders, the
     * freeze an hour before the listing's end, the timed round (限时竞价, 39号令 Art. 19) restarting its 4-minute countdown
     * at each of five bids, bidder1 winning; the result recorded (premium rate), the winner's deposit becoming earnest
     * money and the others refunded (Art. 21), and bidder1's first payment recorded.
     */
    private void runLandListing(DemoData data, TimeTravel travel, UUID land, CurrentUser agency) {
        TenderView tender = tenders.get(land, agency);
        travel.travelTo(tender.bidDeadline().plusSeconds(1));
        tenders.closeIfDue(land);
        bidders.qualify(land);
        var terms = lots.terms(land).orElseThrow();
        Instant t = terms.biddingStart().plus(Duration.ofHours(2));
        long price = terms.startPrice();
        long step = terms.increment();
        String[] listing = {"bidder2", "bidder1", "bidder3", "bidder2", "bidder1"};
        for (int i = 0; i < listing.length; i++) {
            travel.travelTo(t.plus(Duration.ofDays(2L * i)));
            price = i == 0 ? price : price + step;
            bid(land, listing[i], price);
        }
        // the timed round starts at the listing's end from the highest bid + one increment; each bid restarts 4 minutes
        Instant freeEnd = terms.freeEnd();
        String[] timed = {"bidder2", "bidder1", "bidder2", "bidder1", "bidder2", "bidder1"};
        Instant at = freeEnd.plusSeconds(50);
        for (String b : timed) {
            travel.travelTo(at);
            price += step;
            bid(land, b, price);
            at = at.plusSeconds(150);
        }
        RoomSnapshot snapshot = live.snapshot(land).orElseThrow();
        travel.travelTo(snapshot.endsAt().plusSeconds(2));
        live.tick(); // ends the room: BiddingEnded
        AuctionResult result = live.result(land, null).orElseThrow();
        UUID winner = bidders.organisationOf(land, result.winner().bidderNumber()).orElseThrow();
        results.record(land, result, terms.startPrice(), winner, live.bids(land).size(), clock.instant());
        // 39号令 Art. 20: the 成交确认书 signed by the winner, countersigned by the owner, then by the platform
        travel.travelTo(freeEnd.plus(Duration.ofDays(1)));
        String statement = results.confirmation(land).statement();
        CurrentUser winnerStaff = user("bidder1");
        if (winnerStaff.organisationId().equals(winner)) {
            results.sign(land, org.sunbid.crypto.Sm2.signText(data.organisationKey(winnerStaff), statement), null, winnerStaff);
            CurrentUser owner = user("tenderee");
            results.sign(land, org.sunbid.crypto.Sm2.signText(data.organisationKey(owner), statement), null, owner);
        }
        travel.travelTo(freeEnd.plus(Duration.ofDays(3)));
        Money first = new Money(java.math.BigDecimal.valueOf(result.winner().amount() / 2, 2));
        results.recordPayment(land, first, clock.instant().minus(Duration.ofHours(2)), "首期出让价款（50%，国土资发〔2010〕34号）",
                agency);
    }

    private void bid(UUID lot, String username, long fen) {
        BidDecision decision = live.bid(lot, user(username), fen);
        if (!(decision instanceof BidDecision.Accepted)) {
            throw new IllegalStateException("demo bid of " + username + " at " + fen + " refused: " + decision);
        }
    }

}
