package org.sunbid.platform.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.catalog.RegionLevel;
import org.sunbid.platform.catalog.Regions;
import org.sunbid.platform.experts.Experts;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DatabaseKind;
import org.sunbid.platform.kernel.StartupNotes;
import org.sunbid.platform.kernel.SunbidProperties;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.trust.DemoCertificateAuthority;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;
import org.sunbid.platform.parties.UnifiedSocialCreditCode;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.payments.Guarantees;
import org.sunbid.platform.payments.Sandbox;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.sealing.Bids;
import org.sunbid.platform.sealing.TenderKeys;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.crypto.Sm3;
import org.sunbid.sealing.Envelope;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderDocuments;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.crypto.KeyFiles;

/**
 * Loads the demo data set when asked ({@code --demo}, {@code sunbid.demo=true}) or, by default, into a new, empty
 * embedded database. Demo key pairs go to {@code data/demo-keys/} so the bidder tool can sign with them.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner, StartupNotes {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Every demo account's password. Demo data is for trying the platform, never for production. */
    static final String PASSWORD = "Sunbid@2026";

    private final SunbidProperties properties;
    private final Environment environment;
    private final DatabaseKind databaseKind;
    private final Regions regions;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Certificates certificates;
    private final DemoCertificateAuthority ca;
    private final Experts experts;
    private final Tenders tenders;
    private final org.sunbid.platform.deals.Projects projects;
    private final Registrations registrations;
    private final TenderDocuments documents;
    private final Sandbox sandbox;
    private final Guarantees guarantees;
    private final TenderKeys tenderKeys;
    private final Bids bids;
    private final BidOpenings openings;
    private final ConfidentialRecords confidential;
    private final org.springframework.beans.factory.ObjectProvider<TimeTravel> timeTravel;
    private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");
    /** Where the demo bidders keep their basic accounts (基本账户). */
    private static final String[] BASIC_ACCOUNT_BANKS = {"中国工商银行云州分行营业部", "中国建设银行青山县支行",
            "中国农业银行临江县支行", "中国银行云州分行"};
    /** expert01 … expert34 are in the database; expert35 has applied to enter it. */
    private static final int ACTIVE_EXPERTS = 34;
    private static final String APPLICANT = "expert35";
    private final java.time.Clock clock;
    private final Actor system = Actor.SYSTEM;
    private final org.sunbid.platform.experts.ExpertDraws draws;
    private final DemoEvaluation evaluation;
    private final org.springframework.beans.factory.ObjectProvider<org.sunbid.platform.experts.SandboxNotifier> phones;
    private final org.sunbid.platform.parties.BasicAccounts basicAccounts;
    private final DemoSupervision supervision;
    private final DemoVenues venues;
    private final DemoMethods methods;
    private final DemoAuctions auctions;
    private final DemoCartel cartel;
    private final DemoCredit credit;
    private final DemoCreditLists creditLists;
    private final DemoIntermediaries intermediaries;
    private final DemoFramework framework;
    private final DemoSurge surge;
    private final DemoMall mall;

    DemoData(SunbidProperties properties, Environment environment, DatabaseKind databaseKind, Regions regions,
            Organisations organisations, Accounts accounts, Certificates certificates, DemoCertificateAuthority ca,
            Experts experts, Tenders tenders, java.time.Clock clock, Registrations registrations, TenderDocuments documents,
            Sandbox sandbox, Guarantees guarantees, TenderKeys tenderKeys, Bids bids, BidOpenings openings,
            ConfidentialRecords confidential, org.springframework.beans.factory.ObjectProvider<TimeTravel> timeTravel,
            org.sunbid.platform.experts.ExpertDraws draws,
            org.springframework.beans.factory.ObjectProvider<org.sunbid.platform.experts.SandboxNotifier> phones,
            DemoEvaluation evaluation, org.sunbid.platform.parties.BasicAccounts basicAccounts, DemoSupervision supervision,
            org.sunbid.platform.deals.Projects projects, DemoMethods methods, DemoAuctions auctions, DemoCartel cartel,
            DemoCredit credit, DemoCreditLists creditLists, DemoIntermediaries intermediaries, DemoVenues venues, DemoSurge surge,
            DemoFramework framework, DemoMall mall) {
        this.surge = surge;
        this.mall = mall; // issue 22
        this.credit = credit;
        this.creditLists = creditLists;
        this.venues = venues; // issue 20 V
        this.cartel = cartel;
        this.intermediaries = intermediaries;
        this.framework = framework;
        this.auctions = auctions;
        this.projects = projects;
        this.methods = methods;
        this.supervision = supervision;
        this.basicAccounts = basicAccounts;
        this.evaluation = evaluation;
        this.draws = draws;
        this.phones = phones;
        this.openings = openings;
        this.confidential = confidential;
        this.timeTravel = timeTravel;
        this.tenderKeys = tenderKeys;
        this.bids = bids;
        this.registrations = registrations;
        this.documents = documents;
        this.sandbox = sandbox;
        this.guarantees = guarantees;
        this.tenders = tenders;
        this.clock = clock;
        this.properties = properties;
        this.environment = environment;
        this.databaseKind = databaseKind;
        this.regions = regions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.certificates = certificates;
        this.ca = ca;
        this.experts = experts;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean asked = args.containsOption("demo") || "true".equalsIgnoreCase(properties.demo());
        boolean auto = "auto".equalsIgnoreCase(properties.demo()) && databaseKind == DatabaseKind.EMBEDDED;
        if (!(asked || auto)) {
            return;
        }
        if (regions.count() > 0) {
            if (asked) {
                log.info("demo data not loaded: the database already holds data");
            }
            return;
        }
        if (!ca.enabled()) {
            log.warn("demo data not loaded: it needs the demo CA (sunbid.ca.demo-ca=true)");
            return;
        }
        long started = System.nanoTime();
        load();
        log.info("demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public List<String> lines() {
        if (accounts.findByUsername("bidder1").isEmpty() || accounts.findByUsername("admin").isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Demo accounts (演示账号), password " + PASSWORD + ":");
        for (String[] account : demoAccounts()) {
            lines.add(String.format("  %-10s %s", account[0], account[1]));
        }
        return lines;
    }

    /** The demo accounts, as printed at start-up. */
    static List<String[]> demoAccounts() {
        return List.of(
                new String[] {"admin", "系统管理员 administrator"},
                new String[] {"centre", "云州市交易中心 trading-centre staff"},
                new String[] {"qs-centre", "青山县分中心 county centre staff"},
                new String[] {"supervisor", "行政监督 supervisor"},
                new String[] {"tenderee", "招标人 tenderee (also tenderee2)"},
                new String[] {"agency", "代理机构 agency"},
                new String[] {"bidder1", "投标人 bidder (bidder1 … bidder8)"},
                new String[] {"expert01", "评标专家 expert (expert01 … expert34; expert35 applying)"});
    }

    private void load() {
        // With a clock that can travel (only while the platform starts), the demo begins 45 days ago, so that one tender
        // can run its whole course — published, bid on, closed, opened — before today's tenders are loaded.
        // sunbid.demo-history=false leaves the 45 days of history out (the tenders run to their end, the procurement
        // methods, the cartel, past auctions): the accounts, keys and today's tenders then load in seconds, for a test
        // that starts the whole platform as a process of its own (sealing.SurgeCrashIT).
        TimeTravel travel = environment.getProperty("sunbid.demo-history", Boolean.class, true) ? timeTravel.getIfAvailable() : null;
        Instant present = clock.instant();
        Instant historyStart = java.time.LocalDate.now(clock.withZone(BEIJING)).minusDays(45).atTime(9, 0).atZone(BEIJING).toInstant();
        if (travel != null) {
            travel.travelTo(historyStart);
        }
        // Regions: a province, the city, three counties, their townships and one village.
        regions.create("990000", "示范省", RegionLevel.PROVINCE, null, system);
        regions.create("990100", "云州市", RegionLevel.CITY, "990000", system);
        regions.create("990121", "青山县", RegionLevel.COUNTY, "990100", system);
        regions.create("990122", "临江县", RegionLevel.COUNTY, "990100", system);
        regions.create("990123", "松源县", RegionLevel.COUNTY, "990100", system);
        regions.create("990121100", "青山镇", RegionLevel.TOWNSHIP, "990121", system);
        regions.create("990121101", "柳河镇", RegionLevel.TOWNSHIP, "990121", system);
        regions.create("990121200", "桃源乡", RegionLevel.TOWNSHIP, "990121", system);
        regions.create("990122100", "临江镇", RegionLevel.TOWNSHIP, "990122", system);
        regions.create("990122101", "白沙镇", RegionLevel.TOWNSHIP, "990122", system);
        regions.create("990123100", "松源镇", RegionLevel.TOWNSHIP, "990123", system);
        regions.create("990123200", "石门乡", RegionLevel.TOWNSHIP, "990123", system);
        regions.create("990121100201", "东关村", RegionLevel.VILLAGE, "990121100", system);

        Organisation centre = organisation("12", "990100", 1, "云州市公共资源交易中心", OrganisationKind.TRADING_CENTRE);
        Organisation countyCentre = organisation("12", "990121", 2, "青山县公共资源交易中心", OrganisationKind.TRADING_CENTRE);
        Organisation supervision = organisation("11", "990100", 3, "云州市住房和城乡建设局", OrganisationKind.SUPERVISION_DEPARTMENT);
        Organisation tenderee = organisation("91", "990100", 4, "云州市城市建设投资集团有限公司", OrganisationKind.TENDEREE);
        Organisation tenderee2 = organisation("11", "990121", 5, "青山县水利局", OrganisationKind.TENDEREE);
        Organisation agency = organisation("91", "990100", 6, "云州华信招标代理有限公司", OrganisationKind.AGENCY);

        account("admin", "王建国", Role.ADMINISTRATOR, null, "990000");
        account("centre", "李敏", Role.CENTRE_STAFF, centre, null);
        account("qs-centre", "赵强", Role.CENTRE_STAFF, countyCentre, null);
        account("supervisor", "陈静", Role.SUPERVISOR, supervision, null);
        account("tenderee", "周涛", Role.TENDEREE, tenderee, null);
        account("tenderee2", "吴芳", Role.TENDEREE, tenderee2, null);
        account("agency", "郑磊", Role.AGENCY, agency, null);

        String[][] bidders = {
                {"990100", "云州第一建筑工程有限公司"}, {"990121", "青山路桥建设有限公司"},
                {"990122", "临江水利水电工程有限公司"}, {"990123", "松源市政工程有限公司"},
                {"990000", "示范省建工集团有限公司"}, {"990100", "云州恒远建设有限公司"},
                {"990122", "临江安装工程有限公司"}, {"990121", "青山绿城园林工程有限公司"}};
        String[] bidderContacts = {"孙浩", "马丽", "朱伟", "胡军", "郭静", "何勇", "高峰", "林雪"};
        for (int i = 0; i < bidders.length; i++) {
            Organisation bidder = organisation("91", bidders[i][0], 10 + i, bidders[i][1], OrganisationKind.BIDDER);
            account("bidder" + (i + 1), bidderContacts[i], Role.BIDDER, bidder, null);
            // Reg. 26: the account cash deposits must come from; the sandbox bank pays from it.
            basicAccounts.register(bidder.id(), BASIC_ACCOUNT_BANKS[i % BASIC_ACCOUNT_BANKS.length],
                    String.format("9558%04d%011d", 9901 + i, 20_260_000_000L + 7_919L * (i + 1)), system);
        }
        cartel.members(this); // bidder9 … bidder11: three invented companies that rig bids in the history (issue 19)

        List<Organisation> employers = List.of(
                organisation("12", "990100", 30, "云州大学", OrganisationKind.OTHER),
                organisation("12", "990100", 31, "云州市建筑设计研究院", OrganisationKind.OTHER),
                organisation("12", "990000", 32, "示范省水利水电勘测设计院", OrganisationKind.OTHER),
                organisation("91", "990100", 33, "云州正信工程造价咨询有限公司", OrganisationKind.OTHER),
                organisation("31", "990100", 34, "云州明理律师事务所", OrganisationKind.OTHER));
        loadExperts(employers);
        if (travel != null) {
            try {
                loadHistory(travel, historyStart, tenderee);
                methods.load(this, travel, historyStart);
                try {
                    cartel.load(this, travel, historyStart);
                } catch (RuntimeException e) {
                    log.warn("demo: the cartel's tenders stopped where a service refused them: {}", e.toString(), e);
                }
                long auctionsStarted = System.nanoTime();
                auctions.loadHistory(this, travel, historyStart, present);
                log.info("demo auctions' history loaded in {} ms", (System.nanoTime() - auctionsStarted) / 1_000_000);
            } finally {
                travel.returnToPresent();
            }
        }
        loadTenders(tenderee);
        venues.today(); // issue 20 V: today's bookings, the pool's AV recording
        if (travel != null) {
            auctions.loadPresent();
        }
        this.supervision.load();
        credit.load(); // issue 20 K: credit records, their publication, a repair, an objection
        creditLists.load(); // issue 20 S: external credit lists
        intermediaries.load(this, travel, present); // issue 20 part I: the intermediary market
        framework.load(this, travel, present); // issue 22: a framework agreement with its shortlist and orders by each method
        try {
            mall.load(travel, present); // issue 22: the e-mall, stocked, with orders in every state
        } catch (RuntimeException e) {
            log.warn("demo: the e-mall stopped where a service refused it: {}", e.toString(), e);
        }
        surge.load(this, travel); // issue 21: the deadline surge's fixture, only when asked (its deadline counts from now)
    }

    /**
     * A tender that has run its course: published 45 days ago, bid on by four bidders (sealed with their demo keys),
     * closed at its deadline and opened by two of its three custodians; one bidder objected to the record and was
     * answered. Alongside it, a government procurement open tender of two lots, published the same day, runs its
     * course after it to the award and the contracts ({@link #publishProcurement}, {@link #runProcurement}).
     */
    private void loadHistory(TimeTravel travel, Instant start, Organisation cityInvestment) {
        CurrentUser agency = accounts.findByUsername("agency").orElseThrow();
        TenderView pool = tenders.create(terms("YZ-2026-GC-0090", "云州市体育中心游泳馆改造工程", "房屋建筑工程",
                "12800000", "200000", 21, 7), cityInvestment.id(), agency);
        document(pool, agency);
        evaluation.plan(pool.id(), agency);
        tenders.publish(pool.id(), agency);
        List<TenderView> procurement = publishProcurement(travel, start, agency);

        travel.travelTo(start.plus(java.time.Duration.ofDays(3)));
        String[][] bids = {{"bidder1", "12350000.00", "300", "赵工（一级建造师）"}, {"bidder2", "12080000.00", "320", "钱工（一级建造师）"},
                {"bidder3", "12510000.00", "280", "孙工（一级建造师）"}, {"bidder4", "11960000.00", "330", "李工（一级建造师）"}};
        for (String[] b : bids) {
            CurrentUser bidder = accounts.findByUsername(b[0]).orElseThrow();
            registrations.register(pool.id(), bidder);
            if (b[0].equals("bidder4")) {
                // Reg. 26: a trading company paid bidder4's deposit from its own account; it went back to the payer, the
                // supervisor was flagged at closing, and bidder4 then paid from its basic account.
                sandbox.payDeposit(pool.id(), null, "云州恒通商贸有限公司", "6222021199887766", bidder);
            }
            sandbox.payDeposit(pool.id(), null, null, null, bidder);
            // 招标投标法实施条例 Art. 40 (一): bidder2's and bidder3's bids were made on one machine with one document
            // maker (the same MAC, machine id, disk and 机器码 hashes in their sealed metadata); the opening flags it.
            sealedBid(pool, bidder, "{\"totalPrice\":\"" + b[1] + "\",\"durationDays\":" + b[2] + ",\"quality\":\"合格\","
                    + "\"projectManager\":\"" + b[3] + "\"}", b[0].equals("bidder2") || b[0].equals("bidder3")
                    ? SHARED_MACHINE : Map.of("macSm3", List.of(Sm3.hex("demo-mac-" + b[0])), "machineIdSm3", Sm3.hex("demo-id-" + b[0])));
        }
        bidOnProcurement(procurement);
        confidential.commit();

        Instant deadline = tenders.get(pool.id(), agency).bidDeadline();
        org.sunbid.platform.experts.DrawView draw = requestCommittee(pool, deadline.plus(java.time.Duration.ofHours(2)),
                "云州市公共资源交易中心第一评标室", 2, Map.of("A01", 4, "A05", 3), agency);
        closeAndOpen(travel, List.of(pool), deadline, List.of("centre", "supervisor"));
        travel.travelTo(deadline.plus(java.time.Duration.ofMinutes(25)));
        openings.respond(pool.id(), null, accounts.findByUsername("bidder1").orElseThrow());
        openings.respond(pool.id(), "我单位工期应为 320 日历天，请核对唱标记录。", accounts.findByUsername("bidder2").orElseThrow());
        CurrentUser tenderee = accounts.findByUsername("tenderee").orElseThrow();
        UUID bidder2 = accounts.findByUsername("bidder2").orElseThrow().organisationId();
        openings.answer(pool.id(), bidder2, "经核对密封投标文件报价表，工期为 320 日历天，与开标记录一致。", tenderee);
        if (!runDraw(travel, draw, true)) {
            return;
        }
        // issue 20 V: the evaluation room booked, its card reader's sign-ins (the committee's sealed until the end)
        venues.beforePoolEvaluation(travel, pool.id(), draws.get(draw.id(), accounts.findByUsername("centre").orElseThrow()));
        // The committee evaluates; the last signature on the report starts the publicity and publishes the draw record.
        UUID first = evaluation.evaluate(travel, draw.tenderId(), draw.evaluationStart(), demoKeys(),
                "施工组织设计未针对游泳馆不停业改造编制分区施工方案，深基坑与屋面钢结构安全措施缺失。");
        if (first == null) {
            return; // no report: nothing to publicise, rate or award
        }
        Instant publicityStart = clock.instant();
        org.sunbid.platform.experts.DrawView published = draws.get(draw.id(), accounts.findByUsername("centre").orElseThrow());
        if (!published.members().isEmpty()) {
            travel.travelTo(draw.evaluationStart().plus(java.time.Duration.ofHours(5)));
            draws.rate(draw.id(), published.members().get(0).expertId(), 5, List.of(), "评审认真，意见明确。",
                    accounts.findByUsername("tenderee").orElseThrow());
            draws.rate(draw.id(), published.members().get(1).expertId(), 3,
                    List.of(org.sunbid.platform.experts.Violation.LATE), "签到迟到 20 分钟。",
                    accounts.findByUsername("centre").orElseThrow());
        }
        evaluation.award(travel, draw.tenderId(), publicityStart);
        runProcurement(travel, procurement, agency);
    }

    /** The government procurement project's purchaser (采购人): the county water bureau, a state organ. */
    private static final String PURCHASER = "tenderee2";
    /** Its lots (采购包): name, budget (the lot's 采购预算), deposit (≤ 2% of the budget, 条例 Art. 33). */
    private static final String[][] PROCUREMENT_LOTS = {
            {"山洪灾害监测预警设备", "12000000", "200000"}, {"防汛应急抢险物资", "3600000", "60000"}};

    /**
     * A government procurement open tender (政府采购公开招标, 财政部令第87号) with two lots, registered by the agency for
     * the purchaser through the project form's call (POST /api/v1/projects: one project, one tender per lot) and
     * published at the history's start: the deadline 36 days on (≥ 20 days, 政府采购法 Art. 35), the documents
     * available until the day before it (≥ 5 working days, 87号令 Art. 18), each lot's deposit under 2% of its budget.
     */
    private List<TenderView> publishProcurement(TimeTravel travel, Instant start, CurrentUser agency) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(BEIJING));
        Instant deadline = today.plusDays(36).atTime(9, 30).atZone(BEIJING).toInstant();
        Instant documentsUntil = today.plusDays(35).atTime(17, 0).atZone(BEIJING).toInstant();
        String project = "青山县2026年山洪灾害防治及防汛物资采购项目";
        List<TenderTerms> lots = new java.util.ArrayList<>();
        java.math.BigDecimal budget = java.math.BigDecimal.ZERO;
        for (int i = 0; i < PROCUREMENT_LOTS.length; i++) {
            String[] lot = PROCUREMENT_LOTS[i];
            String name = project + "（采购包" + (i + 1) + "：" + lot[0] + "）";
            lots.add(new TenderTerms("QS-2026-ZFCG-0012-" + (i + 1), name, "货物", Money.yuan(lot[1]), Money.yuan(lot[2]),
                    "满足《中华人民共和国政府采购法》第二十二条规定；本采购包专门面向中小企业采购的比例按采购文件执行。",
                    EvaluationMethod.COMPREHENSIVE, deadline, "青山县公共资源交易中心开标室", 90, documentsUntil,
                    "项目概况：" + name + "的潜在供应商应在青山县公共资源交易平台获取采购文件，并于投标截止时间前提交投标文件。"
                            + "采购预算：" + lot[1] + " 元。本项目依据《中华人民共和国政府采购法》《政府采购货物和服务招标投标管理办法》"
                            + "（财政部令第87号）公开招标。",
                    List.of(new TenderTerms.Lot(lot[0], Money.yuan(lot[1])))));
            budget = budget.add(Money.yuan(lot[1]).yuan());
        }
        UUID purchaser = accounts.findByUsername(PURCHASER).orElseThrow().organisationId();
        // 财库〔2020〕10号: the purchaser registered the project and published its procurement intention 35 days before
        // the notice (at least 30 日 are required).
        travel.travelTo(start.minus(java.time.Duration.ofDays(35)));
        org.sunbid.platform.deals.ProjectView registered = tenders.createProject(new Tenders.NewTenderProject("ZFCG",
                "ZFCG_OPEN_TENDER", project, new Money(budget), null, org.sunbid.platform.deals.ProjectCategory.GOODS, "A02", lots),
                purchaser, agency);
        projects.publishIntention(registered.id(), "采购山洪灾害监测预警设备（雨量、水位监测站及预警广播）和防汛应急抢险物资，"
                + "分两个采购包，专门面向中小企业采购的比例按采购文件执行。",
                java.time.YearMonth.from(start.atZone(BEIJING)), accounts.findByUsername(PURCHASER).orElseThrow());
        travel.travelTo(start);
        List<TenderView> published = new java.util.ArrayList<>();
        for (org.sunbid.platform.deals.LotView lot : registered.lots()) {
            TenderView tender = tenders.get(lot.id(), agency);
            document(tender, agency);
            evaluation.plan(tender.id(), DemoEvaluation.PROCUREMENT_PLAN, agency);
            published.add(tenders.publish(tender.id(), agency));
        }
        return published;
    }

    /**
     * The suppliers' bids on the two lots (bidder5 on both): registered, deposit paid from the basic account, sealed.
     * No price is abnormally low (财库〔2026〕2号: none below 50% of the mean or of the next-lowest); bidder7 declares
     * itself a small enterprise (财库〔2020〕46号 Art. 9 price deduction where the procedure applies one).
     */
    private void bidOnProcurement(List<TenderView> lots) {
        String[][][] bids = {
                {{"bidder1", "11460000.00", "60", null}, {"bidder5", "11280000.00", "45", null},
                        {"bidder6", "11630000.00", "50", null}, {"bidder7", "11350000.00", "55", "SMALL"}},
                {{"bidder2", "3412000.00", "20", null}, {"bidder5", "3358000.00", "25", null}, {"bidder8", "3496000.00", "15", null}}};
        for (int l = 0; l < lots.size(); l++) {
            for (String[] b : bids[l]) {
                CurrentUser bidder = accounts.findByUsername(b[0]).orElseThrow();
                registrations.register(lots.get(l).id(), bidder);
                sandbox.payDeposit(lots.get(l).id(), null, null, null, bidder);
                sealedBid(lots.get(l), bidder, "{\"totalPrice\":\"" + b[1] + "\",\"deliveryDays\":" + b[2]
                        + ",\"warrantyYears\":3" + (b[3] == null ? "" : ",\"smeDeclaration\":\"" + b[3] + "\"") + "}");
            }
        }
    }

    /**
     * The procurement's course after the construction history: each lot's committee requested by the agency (7
     * experts for the lot of 10 million yuan or more, else 5, 87号令 Art. 47; no purchaser's representative), both lots
     * closed and opened together by the county centre and the supervisor, each committee drawn and evaluating in turn,
     * each lot awarded by the purchaser, the deposits refunded and the contracts recorded. The same calls as the
     * construction tender's: the procedure's rules decide inside.
     */
    private void runProcurement(TimeTravel travel, List<TenderView> lots, CurrentUser agency) {
        CurrentUser purchaser = accounts.findByUsername(PURCHASER).orElseThrow();
        Instant deadline = tenders.get(lots.get(0).id(), agency).bidDeadline();
        travel.travelTo(deadline.minus(java.time.Duration.ofDays(1)));
        List<org.sunbid.platform.experts.DrawView> committees = new java.util.ArrayList<>();
        for (int l = 0; l < lots.size(); l++) {
            boolean large = !Money.yuan("10000000").isGreaterThan(lots.get(l).terms().estimatedPrice());
            committees.add(requestCommittee(lots.get(l), deadline.plus(java.time.Duration.ofHours(2L + 5L * l)),
                    "青山县公共资源交易中心评标室", 0, large ? Map.of("B01", 3, "A05", 4) : Map.of("B02", 2, "C01", 1, "C02", 2),
                    agency));
        }
        closeAndOpen(travel, lots, deadline, List.of("qs-centre", "supervisor"));
        List<UUID> firsts = new java.util.ArrayList<>();
        for (org.sunbid.platform.experts.DrawView draw : committees) {
            if (!runDraw(travel, draw, false)) {
                return;
            }
            UUID first = evaluation.evaluate(travel, draw.tenderId(), draw.evaluationStart(), demoKeys(), null);
            if (first == null) {
                return;
            }
            firsts.add(first);
        }
        for (int l = 0; l < lots.size(); l++) {
            evaluation.awardWhenDue(travel, lots.get(l).id(), firsts.get(l), purchaser.username());
        }
        Instant awarded = clock.instant();
        travel.travelTo(awarded.plus(java.time.Duration.ofDays(1)));
        evaluation.refund();
        travel.travelTo(awarded.plus(java.time.Duration.ofDays(3)));
        for (TenderView lot : lots) {
            evaluation.contract(lot.id(), lot.terms().name() + "政府采购合同（已签订）", purchaser.username());
            evaluation.publishContract(lot.id(), purchaser.username());
        }
        travel.travelTo(awarded.plus(java.time.Duration.ofDays(4)));
        evaluation.refund();
    }

    /**
     * The agency asks for a tender's evaluation committee ({@code specialties}: code → experts) with
     * {@code representatives} of the owner; the supervisor commits to the draw's secret. The demo plays the
     * supervisor's own tool (sunbid-bidder draw-secret): the secret is made off the platform, kept in the supervisor's
     * file (data/demo-keys), and only its SM3 is committed.
     */
    org.sunbid.platform.experts.DrawView requestCommittee(TenderView tender, Instant evaluationStart, String venue,
            int representatives, Map<String, Integer> specialties, CurrentUser agency) {
        List<org.sunbid.platform.experts.ExpertDraws.SpecialtyCount> counts = new java.util.TreeMap<>(specialties).entrySet().stream()
                .map(e -> new org.sunbid.platform.experts.ExpertDraws.SpecialtyCount(e.getKey(), e.getValue())).toList();
        org.sunbid.platform.experts.DrawView draw = draws.request(tender.id(), new org.sunbid.platform.experts.ExpertDraws.DrawRequest(
                evaluationStart, venue, representatives, counts, List.of("990000"), List.of()), agency);
        byte[] drawSecret = new byte[32];
        new java.security.SecureRandom().nextBytes(drawSecret);
        writeDrawSecret(draw.id(), drawSecret);
        draws.commit(draw.id(), org.sunbid.crypto.Sm3.hex(drawSecret), accounts.findByUsername("supervisor").orElseThrow());
        return draw;
    }

    /**
     * Bidding closes at {@code deadline} (the platform's scheduled closing) and, eight minutes on, two custodians of
     * each tender's opening key release their shares from their own tools: the tender is opened.
     */
    void closeAndOpen(TimeTravel travel, List<TenderView> lots, Instant deadline, List<String> custodians) {
        travel.travelTo(deadline.plusSeconds(30));
        tenders.closeDueTenders();
        travel.travelTo(deadline.plus(java.time.Duration.ofMinutes(8)));
        for (TenderView lot : lots) {
            for (String custodian : custodians) {
                CurrentUser user = accounts.findByUsername(custodian).orElseThrow();
                openings.releaseShare(lot.id(), decryptedShare(lot, user), user);
            }
        }
    }

    /**
     * A tender's committee: drawn an hour before the evaluation; the experts answer on their sandbox phones (with
     * {@code oneDeclinesOneSilent}, as for the history tender, one declines and one stays silent and is replaced after
     * the reply time; else all accept) and sign in with their certificates at the evaluation. False without the
     * sandbox phones (nothing drawn).
     */
    boolean runDraw(TimeTravel travel, org.sunbid.platform.experts.DrawView draw, boolean oneDeclinesOneSilent) {
        org.sunbid.platform.experts.SandboxNotifier phone = phones.getIfAvailable();
        if (phone == null) {
            return false;
        }
        travel.travelTo(draw.drawAt());
        draws.runDue(); // the pool is fixed and the head signed; the supervisor then reveals the secret from their file
        draws.reveal(draw.id(), readDrawSecret(draw.id()), accounts.findByUsername("supervisor").orElseThrow());
        List<CurrentUser> activeExperts = new java.util.ArrayList<>();
        for (int i = 1; i <= ACTIVE_EXPERTS; i++) {
            activeExperts.add(accounts.findByUsername(String.format("expert%02d", i)).orElseThrow());
        }
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("回复“1 (\\d{6})”");
        int answered = 0;
        java.util.Set<String> silent = new java.util.HashSet<>();
        // The second expert asked declines and the fifth stays silent; every other notice, replacements included, is
        // answered at once: the phones are read again until a pass finds nothing new (a replacement may reach an
        // expert already passed). The silent one is replaced when its reply time is over, and that replacement answers.
        for (int round = 0; round < 2; round++) {
            boolean more = true;
            while (more) {
                more = false;
                for (CurrentUser expert : activeExperts) {
                    for (var message : phone.inbox(expert)) {
                        java.util.regex.Matcher m = code.matcher(message.text());
                        if (message.reply() != null || message.sentAt().isBefore(draw.drawAt()) || !m.find()
                                || silent.contains(m.group(1))) {
                            continue; // answered, an earlier draw's, not a draw notice, or the silent one
                        }
                        more = true;
                        answered++;
                        if (!oneDeclinesOneSilent) {
                            phone.reply("1 " + m.group(1), expert);
                        } else if (answered == 2) {
                            phone.reply("2 " + m.group(1), expert); // cannot attend
                        } else if (answered == 5) {
                            silent.add(m.group(1)); // no answer: replaced once the reply time is over
                        } else {
                            phone.reply("1 " + m.group(1), expert);
                        }
                    }
                }
            }
            travel.travelTo(draw.drawAt().plus(java.time.Duration.ofMinutes(16L * (round + 1))));
            draws.expireDue();
        }
        travel.travelTo(draw.evaluationStart().minus(java.time.Duration.ofMinutes(10)));
        org.sunbid.platform.experts.DrawView drawn = draws.get(draw.id(), accounts.findByUsername("centre").orElseThrow());
        if (drawn.status() != org.sunbid.platform.experts.DrawStatus.COMPLETE) {
            throw new IllegalStateException("demo history draw " + drawn.status() + ": " + drawn.shortfall() + " " + drawn.specialties());
        }
        for (CurrentUser expert : activeExperts) {
            for (org.sunbid.platform.experts.MyDraw mine : draws.mine(expert)) {
                if (mine.drawId().equals(draw.id()) && mine.outcome() == org.sunbid.crypto.draw.DrawWalk.Outcome.ACCEPTED) {
                    try {
                        java.security.PrivateKey key = Pem.privateKey(Files.readString(demoKeys().resolve(expert.username() + ".key.pem")));
                        draws.signIn(draw.id(), java.util.Base64.getEncoder().encodeToString(Sm2.sign(key,
                                mine.challenge().getBytes(java.nio.charset.StandardCharsets.UTF_8))), expert);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("demo expert key", e);
                    }
                }
            }
        }
        return true;
    }

    /** The confidential records made so far are committed to the log (as the periodic job does). */
    void commitConfidential() {
        confidential.commit();
    }

    /** What a custodian's bidder tool does: fetch the encrypted share and decrypt it with the organisation's demo key. */
    String decryptedShare(TenderView tender, CurrentUser custodian) {
        try {
            String code = organisations.find(custodian.organisationId()).orElseThrow().creditCode().value();
            java.security.PrivateKey key = Pem.privateKey(Files.readString(demoKeys().resolve(code + ".key.pem")));
            byte[] encrypted = java.util.Base64.getDecoder().decode(tenderKeys.encryptedShare(tender.id(), custodian.organisationId()));
            return new String(Sm2.decrypt(key, encrypted), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo custodian key", e);
        }
    }

    /**
     * Tenders at every stage reached so far: a draft, published ones with their documents (one clarified) and one
     * suspended by an objection; registrations with a deposit paid, a guarantee, and a wrong amount refunded.
     */
    private void loadTenders(Organisation cityInvestment) {
        CurrentUser agency = accounts.findByUsername("agency").orElseThrow();
        CurrentUser tenderee = accounts.findByUsername("tenderee").orElseThrow();
        CurrentUser waterBureau = accounts.findByUsername("tenderee2").orElseThrow();
        CurrentUser bidder = accounts.findByUsername("bidder2").orElseThrow();

        TenderView school = tenders.create(terms("YZ-2026-GC-0101", "云州市第一中学教学楼新建工程", "房屋建筑工程",
                "38600000", "500000", 25, 10), cityInvestment.id(), agency);
        document(school, agency);
        tenders.publish(school.id(), agency);

        TenderView road = tenders.create(terms("YZ-2026-GC-0102", "云州大道（青山段）道路改造工程", "市政公用工程",
                "21500000", "400000", 28, 12), null, tenderee);
        document(road, tenderee);
        tenders.publish(road.id(), tenderee);
        tenders.clarify(road.id(), "招标文件第三章工程量清单第 2.4 项“沥青混凝土面层”厚度由 4 cm 更正为 5 cm。", true, tenderee);
        tenders.clarify(road.id(), "开标地点更正为云州市公共资源交易中心第二开标室。", false, tenderee);

        TenderView reservoir = tenders.create(terms("QS-2026-SL-0007", "青山县柳河水库除险加固工程", "水利水电工程",
                "9800000", "150000", 30, 10), null, waterBureau);
        document(reservoir, waterBureau);
        tenders.publish(reservoir.id(), waterBureau);
        tenders.raiseObjection(reservoir.id(), "资格条件要求“近三年完成过库容 1000 万立方米以上水库除险加固业绩”，"
                + "与本项目规模不相称，排斥潜在投标人，请予修改。", bidder);

        tenders.create(terms("YZ-2026-GC-0103", "松源县污水处理厂提标改造工程", "市政公用工程", "16200000", "300000", 35, 15),
                cityInvestment.id(), agency);

        // Bidders at work on the school tender (confidential until its deadline): bidder1 paid through the sandbox bank
        // (from its basic account), bidder3 gave an electronic guarantee, bidder4 paid a wrong amount (refunded) and
        // still owes the deposit.
        CurrentUser bidder1 = accounts.findByUsername("bidder1").orElseThrow();
        CurrentUser bidder3 = accounts.findByUsername("bidder3").orElseThrow();
        CurrentUser bidder4 = accounts.findByUsername("bidder4").orElseThrow();
        for (CurrentUser b : List.of(bidder1, bidder3, bidder4)) {
            registrations.register(school.id(), b);
        }
        sandbox.payDeposit(school.id(), null, null, null, bidder1);
        guarantees.submit(school.id(), sandbox.issueGuarantee(school.id(), bidder3), bidder3);
        sandbox.payDeposit(school.id(), Money.yuan("50000"), null, null, bidder4);
        registrations.register(road.id(), bidder);
        sandbox.payDeposit(road.id(), null, null, null, bidder);

        // bidder1 has already sealed and uploaded its bid for the school (as the bidder tool would): see its receipt.
        sealedBid(school, bidder1, "{\"totalPrice\":\"37860000.00\",\"durationDays\":540,\"quality\":\"合格\","
                + "\"projectManager\":\"王建设（一级建造师）\"}");

        // The school's evaluation committee is requested (one expert named for avoidance) and awaits the supervisor's
        // commitment to the draw's secret; an expert is on leave next week.
        draws.request(school.id(), new org.sunbid.platform.experts.ExpertDraws.DrawRequest(
                tenders.get(school.id(), agency).bidDeadline().plus(java.time.Duration.ofHours(2)), "云州市公共资源交易中心第一评标室", 2,
                List.of(new org.sunbid.platform.experts.ExpertDraws.SpecialtyCount("A01", 5)), List.of("990000"),
                List.of("许红梅")), agency);
        Instant nextWeek = java.time.LocalDate.now(clock.withZone(BEIJING)).plusDays(7).atStartOfDay(BEIJING).toInstant();
        experts.addLeave(nextWeek, nextWeek.plus(java.time.Duration.ofDays(5)), "出国学术交流",
                accounts.findByUsername("expert02").orElseThrow());
    }

    /** One machine's fingerprint as the bidder tool seals it (the hashes of a MAC, a machine id, a disk, a 机器码). */
    private static final Map<String, Object> SHARED_MACHINE = Map.of("macSm3", List.of(Sm3.hex("demo-mac-shared")),
            "machineIdSm3", Sm3.hex("demo-machine-shared"), "diskIdSm3", List.of(Sm3.hex("demo-disk-shared")),
            "makerSm3", Sm3.hex("ZBT-DEMO-0071"));

    /** Seals a small demo bid with the bidder organisation's demo key and submits it. */
    void sealedBid(TenderView tender, CurrentUser bidder, String priceSheet) {
        sealedBid(tender, bidder, priceSheet, null);
    }

    /** As {@link #sealedBid(TenderView, CurrentUser, String)}, with the machine fingerprint its tool sealed (or none). */
    void sealedBid(TenderView tender, CurrentUser bidder, String priceSheet, Map<String, Object> machine) {
        try {
            Organisation organisation = organisations.find(bidder.organisationId()).orElseThrow();
            String code = organisation.creditCode().value();
            java.security.PublicKey openingKey = Pem.publicKey(tenderKeys.view(tender.id()).publicKeyPem());
            Path file = Files.createTempFile("demo-bid", ".txt");
            Files.writeString(file, organisation.name() + " 投标文件（演示）：投标函、已标价工程量清单、施工组织设计……");
            java.io.ByteArrayOutputStream envelope = new java.io.ByteArrayOutputStream();
            Map<String, Object> metadata = machine == null ? Map.of("tool", "Sunbid demo data")
                    : Map.of("tool", "Sunbid demo data", "machine", machine);
            Envelope.seal(new Envelope.Contents(tender.id(), priceSheet, metadata, Map.of("投标文件.txt", file)),
                    openingKey, Pem.privateKey(Files.readString(demoKeys().resolve(code + ".key.pem"))),
                    Pem.certificate(Files.readString(demoKeys().resolve(code + ".crt.pem"))), clock.instant(), envelope);
            Files.delete(file);
            bids.submit(tender.id(), new java.io.ByteArrayInputStream(envelope.toByteArray()), envelope.size(), "127.0.0.1", bidder);
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("demo bid", e);
        }
    }

    /** The demo private key of {@code user}'s organisation (what its bidder tool or USB key holds). */
    java.security.PrivateKey organisationKey(CurrentUser user) {
        try {
            String code = organisations.find(user.organisationId()).orElseThrow().creditCode().value();
            return Pem.privateKey(Files.readString(demoKeys().resolve(code + ".key.pem")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo organisation key", e);
        }
    }

    /** The tender documents: a short text standing in for the real book of several hundred pages. */
    void document(TenderView tender, CurrentUser owner) {
        String text = tender.terms().name() + " 招标文件（演示）\n\n第一章 招标公告\n第二章 投标人须知\n第三章 评标办法（"
                + "综合评估法）\n第四章 合同条款及格式\n第五章 工程量清单\n第六章 图纸\n第七章 技术标准和要求\n第八章 投标文件格式\n";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        documents.upload(tender.id(), tender.terms().projectCode() + " 招标文件.txt", "text/plain;charset=UTF-8", bytes.length,
                new java.io.ByteArrayInputStream(bytes), owner);
    }

    TenderTerms terms(String code, String name, String category, String estimated, String deposit, int days,
            int documentDays) {
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(beijing));
        java.time.Instant deadline = today.plusDays(days).atTime(9, 30).atZone(beijing).toInstant();
        java.time.Instant documents = today.plusDays(documentDays).atTime(17, 0).atZone(beijing).toInstant();
        return new TenderTerms(code, name, category, Money.yuan(estimated), Money.yuan(deposit),
                "具有" + category.replace("工程", "") + "工程施工总承包二级及以上资质，近三年无重大安全事故；项目经理具有相应注册建造师资格。",
                EvaluationMethod.COMPREHENSIVE, deadline, "云州市公共资源交易中心第一开标室", 90, documents,
                "根据《中华人民共和国招标投标法》等规定，本项目已具备招标条件，现对" + name + "进行公开招标，欢迎符合条件的投标人参加投标。",
                List.of(new TenderTerms.Lot("施工一标段", Money.yuan(estimated))));
    }

    private void loadExperts(List<Organisation> employers) {
        String[] surnames = {"张", "刘", "杨", "黄", "徐", "罗", "梁", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭",
                "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "沈", "任"};
        String[] given = {"文华", "志刚", "海燕", "国平", "立新", "秀英", "明远", "建军", "晓东", "红梅"};
        // specialty sets and titles cycle so every specialty has several experts
        String[][] specialties = {{"A01"}, {"A01", "A05"}, {"A02"}, {"A03"}, {"A04"}, {"A05"}, {"A02", "A04"},
                {"B01"}, {"B02"}, {"A01", "A02"}, {"C01"}, {"A03", "A05"}, {"C02"}, {"B01", "B02"}, {"A04"}};
        String[] titles = {"高级工程师", "正高级工程师", "教授", "高级经济师", "高级工程师", "高级会计师"};
        int[] employerOf = {1, 3, 1, 2, 1, 3, 0, 0, 0, 1, 3, 2, 4, 0, 1};
        // Four more in A01/A05 keep the history committee (4 A01 + 3 A05, one declining, one silent) drawable whatever
        // the random seed: each of those specialties has enough experts that hold it alone.
        String[][] extra = {{"A01"}, {"A01"}, {"A05"}, {"A05"}};
        for (int i = 0; i < ACTIVE_EXPERTS; i++) {
            String username = String.format("expert%02d", i + 1);
            String name = surnames[i] + given[i % given.length];
            String[] spec = i < 30 ? specialties[i % specialties.length] : extra[i - 30];
            Organisation employer = employers.get(employerOf[i % employerOf.length]);
            UUID accountId = account(username, name, Role.EXPERT, null, employer.regionCode());
            KeyPair keys = Sm2.generateKeyPair();
            X509Certificate cert = ca.issue("CN=" + name + ",OU=评标专家,O=" + employer.name() + ",C=CN", keys.getPublic());
            KeyFiles.write(demoKeys(), username, keys.getPrivate(), cert);
            certificates.registerForAccount(accountId, Pem.encode(cert), system);
            experts.register(accountId, employer.id(), employer.regionCode(), titles[i % titles.length], List.of(spec),
                    String.format("1390000%04d", i + 1), system);
        }
        // One more expert has applied to enter the database and awaits the centre's review (准入审核).
        UUID applicant = account(APPLICANT, "孙振华", Role.EXPERT, null, "990100");
        KeyPair keys = Sm2.generateKeyPair();
        X509Certificate cert = ca.issue("CN=孙振华,OU=评标专家,O=" + employers.get(1).name() + ",C=CN", keys.getPublic());
        KeyFiles.write(demoKeys(), APPLICANT, keys.getPrivate(), cert);
        certificates.registerForAccount(applicant, Pem.encode(cert), system);
        experts.apply(new Experts.Application(employers.get(1).id(), "990100", "高级工程师", "13900000099", List.of("A01", "A05"),
                List.of(new Experts.Qualification("一级注册建造师", "苏1322019201931", java.time.LocalDate.of(2028, 6, 30)))),
                accounts.findByUsername(APPLICANT).orElseThrow());
    }

    Organisation organisation(String prefix, String division, int serial, String name, OrganisationKind kind) {
        String first17 = prefix + division + String.format("MA%07d", serial);
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        String regionCode = kind == OrganisationKind.TRADING_CENTRE && division.equals("990121") ? "990121"
                : regions.find(division).isPresent() ? division : "990100";
        Organisation organisation = organisations.register(
                new Organisations.Registration(code, name, kind, regionCode), system);
        KeyPair keys = Sm2.generateKeyPair();
        X509Certificate cert = ca.issue("CN=" + name + ",SERIALNUMBER=" + code + ",O=" + name + ",C=CN", keys.getPublic());
        KeyFiles.write(demoKeys(), code, keys.getPrivate(), cert);
        certificates.registerAsHolder(organisation, Pem.encode(cert), system); // as the organisation itself
        return organisation;
    }

    UUID account(String username, String name, Role role, Organisation organisation, String regionCode) {
        return accounts.create(new Accounts.NewAccount(username, name, PASSWORD, role,
                organisation == null ? null : organisation.id(), regionCode), system);
    }

    /** The supervisor's draw-secret file, as {@code sunbid-bidder draw-secret --out} writes it (hex, owner-only). */
    private void writeDrawSecret(UUID drawId, byte[] secret) {
        try {
            Path file = demoKeys().resolve("supervisor-draw-" + drawId + ".secret");
            Files.createDirectories(file.getParent());
            Files.writeString(file, java.util.HexFormat.of().formatHex(secret) + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String readDrawSecret(UUID drawId) {
        try {
            return Files.readString(demoKeys().resolve("supervisor-draw-" + drawId + ".secret")).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A custodian's encrypted key share (base64), decrypted with its demo key as its own tool would. */
    String decryptForCustodian(CurrentUser custodian, String encrypted) {
        try {
            String code = organisations.find(custodian.organisationId()).orElseThrow().creditCode().value();
            java.security.PrivateKey key = org.sunbid.crypto.Pem.privateKey(
                    java.nio.file.Files.readString(demoKeys().resolve(code + ".key.pem")));
            return new String(org.sunbid.crypto.Sm2.decrypt(key, java.util.Base64.getDecoder().decode(encrypted)),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo custodian key", e);
        }
    }

    Path demoKeys() {
        return properties.dataDir().resolve("demo-keys");
    }
}
