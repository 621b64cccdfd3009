package org.sunbid.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.LimitUnit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.tendering.BiddingClosed;
import org.sunbid.platform.tendering.Tenders;

/**
 * Drives an auction lot (issue 17: land 挂牌/拍卖, mining rights, state property 网络竞价/增资/资产转让) through the real HTTP
 * API up to the close of applications, step by step: the project with one lot by POST /api/v1/projects with the
 * procedure (the lot is a draft tender, 价高者得), its terms by PUT /api/v1/auctions/{lot}/terms, the sale document, the
 * announcement published at a given time, N demo bidder accounts (bidder1 …) registering and paying their deposits
 * through the sandbox bank, and the close of applications with {@code tenders.closeIfDue(lot)} (never
 * closeDueTenders: other ITs' lots must stay open).
 *
 * <p>Typical use (the clock at {@code PlatformIT.START}):
 * <pre>
 *   AuctionFlow flow = new AuctionFlow(this, context);
 *   AuctionFlow.Lot lot = flow.ready("TDSYQ_LISTING", PlatformIT.START, 3);   // published, 3 bidders paid, applications closed
 *   clock.set(lot.biddingStart()); ...
 * </pre>
 * or step by step: {@link #plan}, {@link #lot}, {@link #terms}, {@link #publish}, {@link #bidders}, {@link #closeApplications}.
 * {@link #plan} chooses the earliest schedule the lot's rules allow from a publication time (announcement, listing,
 * application close), all within START + 60 d for publication at START, so a test stays inside the brief's time rules.
 * Every step returns the API's response or fails with what it said; the tests assert the rules.
 */
public final class AuctionFlow {

    /** The owner every lot is made for (a demo tenderee), by the demo agency. */
    public static final String OWNER = "云州市城市建设投资集团有限公司";

    private final PlatformIT it;
    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final TestClock clock;
    private final Procedures procedures;

    public AuctionFlow(PlatformIT it, ApplicationContext context) {
        this.it = it;
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(TestClock.class);
        this.procedures = context.getBean(Procedures.class);
    }

    public ApiClient api() {
        return new ApiClient(it.baseUrl());
    }

    /**
     * A lot's schedule: when its announcement is published, when applications close (the tender's bid deadline), when
     * bidding starts and when the listing (free bidding) ends (null for an ascending auction).
     */
    public record Plan(String procedure, Instant publishAt, Instant applicationClose, Instant biddingStart, Instant freeEnd) {
    }

    /** A lot made here: its id, its plan, its start price, increment and deposit (yuan text), and the bidders who paid. */
    public record Lot(String id, String project, Plan plan, String startPrice, String increment, String deposit,
            List<String> bidders) {

        public Instant biddingStart() {
            return plan.biddingStart();
        }

        public Instant freeEnd() {
            return plan.freeEnd();
        }

        public Instant applicationClose() {
            return plan.applicationClose();
        }
    }

    /** The format a procedure's lot has: LISTING, ASCENDING or NETWORK (as the API derives it from the steps). */
    public String format(String procedure) {
        List<String> steps = procedures.get(procedure).steps();
        return steps.contains("LISTING") ? "LISTING" : steps.contains("AUCTION") ? "ASCENDING" : "NETWORK";
    }

    /**
     * The earliest schedule the rules of {@code procedure} allow for publication at {@code publishAt} with the start
     * price {@code startPrice} (the asset-transfer band): bidding starts at 10:00 Beijing on the first day the
     * announcement period allows; a listing ends at 15:00 on the day its LISTING_PERIOD allows (network bidding: free
     * bidding until 15:00 the same day); applications close one hour before the APPLICATION_CLOSE limit.
     */
    public Plan plan(String procedure, Instant publishAt, String startPrice) {
        ProcedureRules rules = procedures.rulesAt(procedure, publishAt);
        Limit announcement = rules.find(RuleKeys.ANNOUNCEMENT_PERIOD).orElse(Limit.of(20, LimitUnit.DAY, ""));
        Limit band = rules.find(RuleKeys.ASSET_NOTICE_BAND).orElse(null);
        if (band != null && new java.math.BigDecimal(startPrice).compareTo(band.amount()) > 0) {
            announcement = rules.find(RuleKeys.ANNOUNCEMENT_PERIOD_LARGE).orElse(announcement);
        }
        LocalDate startDay = announcement.unit() == LimitUnit.WORKING_DAY ? announcement.lastDay(publishAt, rules.calendar())
                : Limit.beijingDate(announcement.endAfter(publishAt, rules.calendar())).plusDays(1);
        Instant biddingStart = at(startDay, 10);
        String format = format(procedure);
        Instant freeEnd = null;
        if (format.equals("LISTING")) {
            Limit listing = rules.find(RuleKeys.LISTING_PERIOD).orElse(Limit.of(10, LimitUnit.WORKING_DAY, ""));
            LocalDate endDay = listing.unit() == LimitUnit.WORKING_DAY ? listing.lastDay(biddingStart, rules.calendar())
                    : Limit.beijingDate(listing.endAfter(biddingStart, rules.calendar())).plusDays(1);
            freeEnd = at(endDay, 15);
        } else if (format.equals("NETWORK")) {
            freeEnd = at(startDay, 15);
        }
        Instant reference = format.equals("LISTING") ? freeEnd : biddingStart;
        Limit close = rules.find(RuleKeys.APPLICATION_CLOSE).orElse(Limit.of(0, LimitUnit.DAY, ""));
        // a 工作日 close (none in V150) is met by twice as many calendar days and four more
        Instant applicationClose = close.unit() == LimitUnit.WORKING_DAY
                ? reference.minus(Duration.ofDays(2L * close.whole() + 4))
                : close.startBefore(reference).minus(Duration.ofHours(1));
        return new Plan(procedure, publishAt, applicationClose, biddingStart, freeEnd);
    }

    /** As {@link #plan(String, Instant, String)} with a start price below every value band. */
    public Plan plan(String procedure, Instant publishAt) {
        return plan(procedure, publishAt, "8000000.00");
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Limit.BEIJING).toInstant();
    }

    /** The organisation id of a demo account. */
    public String orgOf(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(UUID.class).single()
                .toString();
    }

    /**
     * The demo agency registers a one-lot project of {@code procedure} for {@link #OWNER} now (the clock's time): the
     * lot's tender with 价高者得, its budget the start price, the deposit {@code deposit}, applications closing at
     * {@code applicationClose}; the response (201 with the project, its lots' ids under lots[].id).
     */
    public ApiClient.Response project(String procedure, String name, String startPrice, String deposit, Instant applicationClose) {
        ApiClient api = api();
        String owner = jdbc.sql("SELECT id FROM organisation WHERE name = :n").param("n", OWNER).query(String.class).single();
        Map<String, Object> lot = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name),
                Map.entry("category", categoryZh(procedure)), Map.entry("estimatedPrice", startPrice), Map.entry("deposit", deposit),
                Map.entry("qualification", "中华人民共和国境内外的法人、自然人和其他组织均可申请参加（法律另有规定者除外）"),
                Map.entry("evaluationMethod", "HIGHEST_PRICE"), Map.entry("bidDeadline", applicationClose.toString()),
                Map.entry("openingVenue", "云州市公共资源交易中心网上交易系统"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", applicationClose.toString()), Map.entry("notice", "出让公告：" + name));
        return api.post("/api/v1/projects", ApiClient.json(Map.of("kind", procedure.substring(0, procedure.indexOf('_')),
                "procedureCode", procedure, "name", name, "budget", startPrice, "category", "SERVICES", "tendereeId", owner,
                "lots", List.of(lot))), api.freshToken("agency"));
    }

    /** As {@link #project}, required to succeed; the lot's id. */
    public String lot(String procedure, String name, String startPrice, String deposit, Instant applicationClose) {
        return require(project(procedure, name, startPrice, deposit, applicationClose), 201, "project").json().path("lots").get(0)
                .path("id").asString();
    }

    /** The terms body the flow sets by default for a lot of {@code procedure} on {@code plan}. */
    public Map<String, Object> termsBody(String procedure, Plan plan, String startPrice, String increment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startPrice", startPrice);
        body.put("increment", increment);
        body.put("biddingStart", plan.biddingStart().toString());
        if (plan.freeEnd() != null) {
            body.put("freeEnd", plan.freeEnd().toString());
        }
        body.put("reserveSealed", true);
        body.put("details", details(procedure));
        if (procedure.startsWith("GYCQ")) {
            body.put("appraisal", startPrice);
        }
        return body;
    }

    /** Typical details of a land parcel, a mining right or a state-owned asset. */
    public static Map<String, Object> details(String procedure) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (procedure.startsWith("TDSYQ")) {
            d.put("parcelNo", "云州2026-G-" + (System.nanoTime() % 1000));
            d.put("location", "云州市高新区创新大道以东、科技路以北");
            d.put("areaSqm", "35621.50");
            d.put("landUse", "商务金融用地");
            d.put("plotRatio", "1.0-2.5");
            d.put("termYears", 40);
        } else if (procedure.startsWith("KYQ")) {
            d.put("mineral", "建筑用花岗岩");
            d.put("rightType", "MINING");
            d.put("areaSqKm", "0.4132");
            d.put("premiumRate", "3.6");
            d.put("location", "青山县青石镇");
        } else {
            d.put("transferor", OWNER);
            d.put("subject", procedure.endsWith("ASSET_TRANSFER") ? "云州城投闲置办公楼及附属设备" : "云州城投物业管理有限公司100%股权");
            d.put("transactionType", procedure.endsWith("CAPITAL_INCREASE") ? "CAPITAL_INCREASE"
                    : procedure.endsWith("ASSET_TRANSFER") ? "ASSET_TRANSFER" : "EQUITY_TRANSFER");
            d.put("transferShare", procedure.endsWith("CAPITAL_INCREASE") ? "新增注册资本对应30%股权" : "100%");
        }
        return d;
    }

    /** The agency sets the lot's terms (PUT /api/v1/auctions/{lot}/terms); the response. */
    public ApiClient.Response terms(String lot, Map<String, Object> body) {
        return api().send("PUT", "/api/v1/auctions/" + lot + "/terms", ApiClient.json(body), api().freshToken("agency"));
    }

    /** The clock set to {@code at}, the agency uploads the sale document (出让文件) and publishes the announcement; the response. */
    public ApiClient.Response publish(String lot, Instant at) {
        clock.set(at);
        return api().publish(lot, api().freshToken("agency"));
    }

    /** bidder1 … bidder{@code n} register (竞买申请) and pay their deposits through the sandbox bank; their usernames. */
    public List<String> bidders(String lot, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(bidder(lot, "bidder" + i));
        }
        return out;
    }

    /** One demo bidder registers and pays its deposit; its username. */
    public String bidder(String lot, String username) {
        ApiClient api = api();
        ApiClient.Response registered = api.post("/api/v1/tenders/" + lot + "/registrations", "", api.freshToken(username));
        if (registered.status() / 100 != 2) {
            throw new IllegalStateException(username + "'s registration answered " + registered.status() + ": " + registered.body());
        }
        ApiClient.Response paid = api.post("/api/v1/sandbox/bank/transfers", ApiClient.json(Map.of("tenderId", lot)),
                api.freshToken(username));
        if (paid.status() / 100 != 2) {
            throw new IllegalStateException(username + "'s deposit answered " + paid.status() + ": " + paid.body());
        }
        return username;
    }

    /** Applications close: the clock just past the lot's bid deadline, the lot (and no other) closed; whether it closed. */
    public boolean closeApplications(String lot, Instant applicationClose) {
        clock.set(applicationClose.plusSeconds(1));
        return context.getBean(Tenders.class).closeIfDue(UUID.fromString(lot));
    }

    /**
     * Everything up to the close of applications, for a lot of {@code procedure} published at {@code publishAt} with the
     * earliest schedule ({@link #plan}), start price 8,000,000.00, increment 100,000.00, deposit 20% (1,600,000.00), and
     * {@code bidders} bidders paid (bidder1 …). The clock ends just after the application close; the lot.
     */
    public Lot ready(String procedure, Instant publishAt, int bidders) {
        List<String> usernames = new ArrayList<>();
        for (int i = 1; i <= bidders; i++) {
            usernames.add("bidder" + i);
        }
        return ready(procedure, publishAt, usernames.toArray(String[]::new));
    }

    /** As {@link #ready(String, Instant, int)}, with these bidders (usernames, in this order) registered and paid. */
    public Lot ready(String procedure, Instant publishAt, String... bidders) {
        Lot lot = published(procedure, publishAt, "8000000.00", "100000.00", "1600000.00");
        List<String> paid = new ArrayList<>();
        for (String username : bidders) {
            paid.add(bidder(lot.id(), username));
        }
        if (!closeApplications(lot.id(), lot.applicationClose())) {
            throw new IllegalStateException("applications of " + lot.id() + " did not close");
        }
        return new Lot(lot.id(), lot.project(), lot.plan(), lot.startPrice(), lot.increment(), lot.deposit(), paid);
    }

    /**
     * The live room of a {@link #ready} lot running: waits until the close of applications has reached the auction (its
     * listeners of {@link BiddingClosed} have run), then sets the clock {@code into} the bidding; the lot.
     */
    public Lot bidding(Lot lot, Duration into) {
        it.awaitEventsCompleted(BiddingClosed.class);
        clock.set(lot.biddingStart().plus(into));
        return lot;
    }

    /**
     * A lot of {@code procedure} created now (the clock's time), its terms set on the earliest plan from
     * {@code publishAt}, published at {@code publishAt}; no bidder yet. The clock ends at {@code publishAt}.
     */
    public Lot published(String procedure, Instant publishAt, String startPrice, String increment, String deposit) {
        Plan plan = plan(procedure, publishAt, startPrice);
        ApiClient.Response created = require(project(procedure, "云州" + procedureZh(procedure) + "测试标的" + (System.nanoTime() % 10000),
                startPrice, deposit, plan.applicationClose()), 201, "project");
        String id = created.json().path("lots").get(0).path("id").asString();
        require(terms(id, termsBody(procedure, plan, startPrice, increment)), 200, "terms");
        require(publish(id, publishAt), 200, "publication");
        return new Lot(id, created.json().path("id").asString(), plan, startPrice, increment, deposit, List.of());
    }

    /** The auction lot's public view (GET /api/v1/auctions/{lot}). */
    public ApiClient.Response view(String lot) {
        return api().get("/api/v1/auctions/" + lot, null);
    }

    /** The count of log entries with {@code action} about {@code lot}. */
    public long logCount(String lot, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    private static String categoryZh(String procedure) {
        return procedure.startsWith("TDSYQ") ? "国有建设用地使用权" : procedure.startsWith("KYQ") ? "采矿权" : "企业国有资产";
    }

    private static String procedureZh(String procedure) {
        return procedure.startsWith("TDSYQ") ? "地块" : procedure.startsWith("KYQ") ? "矿业权" : "国有产权";
    }

    static ApiClient.Response require(ApiClient.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }
}
