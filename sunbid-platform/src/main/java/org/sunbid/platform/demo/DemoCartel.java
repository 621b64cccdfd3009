package org.sunbid.platform.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.BasicAccounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * A cartel in the demo's history (issue 19 C), for the network screen to catch: three invented construction companies
 * — 云州鼎盛建设工程有限公司 (bidder9), 云州宏基建筑工程有限公司 (bidder10), 青山利达建设有限公司 (bidder11) — bid together
 * on three tenders of 云州市城市建设投资集团 published the same day and take turns to win: on each, the designated
 * winner bids lowest and the other two bid 1–2 % above it (cover bids), while one honest bidder bids 7–8 % above. Each
 * tender is opened, evaluated (lowest price first, equal technical marks), publicised and awarded to its designated
 * winner through the very calls the people use. Nothing marks them as a cartel: the supervisor's network screen
 * ({@code POST /api/v1/supervision/screens/network}, and daily) finds the rotation from the public opening records and
 * awards alone.
 */
@Component
class DemoCartel {

    private static final Logger log = LoggerFactory.getLogger(DemoCartel.class);

    /** The members: username, region, company, contact. */
    static final String[][] MEMBERS = {
            {"bidder9", "990100", "云州鼎盛建设工程有限公司", "钱鑫"},
            {"bidder10", "990100", "云州宏基建筑工程有限公司", "周斌"},
            {"bidder11", "990121", "青山利达建设有限公司", "吴昊"}};

    /** The tenders: code, name, category, estimated price, deposit, the committee's main specialty (3 of it, 2 of A05). */
    static final String[][] TENDERS = {
            {"YZ-2026-GC-0093", "云州市城东片区雨污分流改造工程", "市政公用工程", "8600000", "150000", "A02"},
            {"YZ-2026-GC-0094", "云州市第三小学综合楼新建工程", "房屋建筑工程", "6450000", "120000", "A01"},
            {"YZ-2026-GC-0095", "云州市滨河公园景观提升工程", "市政公用工程", "9200000", "160000", "A02"}};

    /**
     * The cartel tenders' owner: its own tenderee (the agency acts for it), so that the committees' sittings leave the
     * city investment group's experts (at most 2 sittings per tenderee in 90 days) to its own tenders of today.
     */
    static final String OWNER = "云州市城市更新建设投资有限公司";

    /** Per tender: bidder, total price, project manager; the first bids lowest and wins. */
    static final String[][][] BIDS = {
            {{"bidder9", "8238000.00", "杜明（一级建造师）"}, {"bidder10", "8329000.00", "潘涛（一级建造师）"},
                    {"bidder11", "8371000.00", "蒋华（一级建造师）"}, {"bidder6", "8892000.00", "何勇军（一级建造师）"}},
            {{"bidder10", "6182000.00", "潘涛（一级建造师）"}, {"bidder11", "6251000.00", "蒋华（一级建造师）"},
                    {"bidder9", "6287000.00", "杜明（一级建造师）"}, {"bidder8", "6655000.00", "林志远（一级建造师）"}},
            {{"bidder11", "8815000.00", "蒋华（一级建造师）"}, {"bidder9", "8903000.00", "杜明（一级建造师）"},
                    {"bidder10", "8952000.00", "潘涛（一级建造师）"}, {"bidder1", "9468000.00", "赵工（一级建造师）"}}};

    /**
     * The cartel tenders' plan: the history tender's criteria, the price scored lowest price first (so that, with equal
     * technical marks, the lowest bid wins).
     */
    static final String PLAN = DemoEvaluation.PLAN.replaceAll("(?s)\"price\":\\{.*?\\}", "\"price\":{\"formula\":\"LOWEST_PRICE_FIRST\",\"weight\":\"0.40\"}");

    private final Accounts accounts;
    private final BasicAccounts basicAccounts;
    private final Tenders tenders;
    private final Registrations registrations;
    private final Sandbox sandbox;
    private final DemoEvaluation evaluation;
    private final java.time.Clock clock;

    DemoCartel(Accounts accounts, BasicAccounts basicAccounts, Tenders tenders, Registrations registrations, Sandbox sandbox,
            DemoEvaluation evaluation, java.time.Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.basicAccounts = basicAccounts;
        this.tenders = tenders;
        this.registrations = registrations;
        this.sandbox = sandbox;
        this.evaluation = evaluation;
    }

    /** The members' organisations and accounts (at the history's start). */
    void members(DemoData data) {
        for (int i = 0; i < MEMBERS.length; i++) {
            Organisation member = data.organisation("91", MEMBERS[i][1], 40 + i, MEMBERS[i][2], OrganisationKind.BIDDER);
            data.account(MEMBERS[i][0], MEMBERS[i][3], Role.BIDDER, member, null);
            basicAccounts.register(member.id(), "中国建设银行云州分行", String.format("6217%04d%011d", 9940 + i, 31_000_000_000L + 104_729L * (i + 1)),
                    Actor.SYSTEM);
        }
        owner = data.organisation("91", "990100", 43, OWNER, OrganisationKind.TENDEREE).id();
    }

    private UUID owner;

    /** The three tenders, from publication (a day after the history's start) to the award. */
    void load(DemoData data, TimeTravel travel, Instant start) {
        CurrentUser agency = user("agency");
        travel.travelTo(start.plus(Duration.ofDays(1)));
        TenderView[] lots = new TenderView[TENDERS.length];
        for (int t = 0; t < TENDERS.length; t++) {
            String[] d = TENDERS[t];
            lots[t] = tenders.create(data.terms(d[0], d[1], d[2], d[3], d[4], 24 + t, 10), owner, agency);
            data.document(lots[t], agency);
            evaluation.plan(lots[t].id(), PLAN, agency);
            tenders.publish(lots[t].id(), agency);
        }
        travel.travelTo(start.plus(Duration.ofDays(5)));
        DrawView[] draws = new DrawView[lots.length];
        Instant[] deadlines = new Instant[lots.length];
        for (int t = 0; t < lots.length; t++) {
            for (String[] b : BIDS[t]) {
                CurrentUser bidder = user(b[0]);
                registrations.register(lots[t].id(), bidder);
                sandbox.payDeposit(lots[t].id(), null, null, null, bidder);
                data.sealedBid(lots[t], bidder, "{\"totalPrice\":\"" + b[1] + "\",\"durationDays\":" + (300 + 10 * t)
                        + ",\"quality\":\"合格\",\"projectManager\":\"" + b[2] + "\"}");
            }
            deadlines[t] = tenders.get(lots[t].id(), agency).bidDeadline();
            draws[t] = data.requestCommittee(lots[t], deadlines[t].plus(Duration.ofHours(2)), "云州市公共资源交易中心第二评标室", 0,
                    Map.of(TENDERS[t][5], 3, "A05", 2), agency);
        }
        data.commitConfidential();
        UUID[] winners = new UUID[lots.length];
        for (int t = 0; t < lots.length; t++) {
            data.closeAndOpen(travel, List.of(lots[t]), deadlines[t], List.of("centre", "supervisor"));
            if (!data.runDraw(travel, draws[t], false)) {
                return; // no sandbox phones: opened, not evaluated
            }
            winners[t] = evaluation.evaluate(travel, lots[t].id(), draws[t].evaluationStart(), data.demoKeys(), null);
            if (winners[t] == null) {
                return;
            }
        }
        for (int t = 0; t < lots.length; t++) {
            if (!winners[t].equals(user(BIDS[t][0][0]).organisationId())) {
                log.warn("demo: {} was not ranked first on {}: the cartel's turn is broken", BIDS[t][0][0], TENDERS[t][0]);
            }
            evaluation.awardWhenDue(travel, lots[t].id(), winners[t], "agency");
        }
        Instant awarded = clock.instant();
        travel.travelTo(awarded.plus(Duration.ofDays(1)));
        evaluation.refund();
        travel.travelTo(awarded.plus(Duration.ofDays(3)));
        for (int t = 0; t < lots.length; t++) {
            evaluation.contract(lots[t].id(), TENDERS[t][1] + "施工合同（已签订）", "agency");
        }
        log.info("demo: the cartel {} took turns on {} (network screen: POST /api/v1/supervision/screens/network)",
                List.of(MEMBERS[0][2], MEMBERS[1][2], MEMBERS[2][2]), List.of(TENDERS[0][0], TENDERS[1][0], TENDERS[2][0]));
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
