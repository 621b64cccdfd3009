package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.complaints.ChallengeView;
import org.sunbid.platform.complaints.Challenges;
import org.sunbid.platform.complaints.ComplaintHandling;
import org.sunbid.platform.complaints.ComplaintView;
import org.sunbid.platform.complaints.domain.ChallengeSubject;
import org.sunbid.platform.complaints.domain.Complaint;
import org.sunbid.platform.complaints.domain.Outcome;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.EvaluationView;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.evaluation.ReviewVote;
import org.sunbid.platform.experts.DrawView;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.procurement.Invitations;
import org.sunbid.platform.procurement.NegotiationView;
import org.sunbid.platform.procurement.Negotiations;
import org.sunbid.platform.procurement.PoolSource;
import org.sunbid.platform.sealing.OfferRoundView;
import org.sunbid.platform.sealing.OfferRounds;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.MethodApprovalView;
import org.sunbid.platform.tendering.MethodApprovals;
import org.sunbid.platform.tendering.Registrations;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The demo's government procurement beyond the open tender (issue 16), each deal run to its end through the same services
 * a user's clicks reach, the clock moved through the history with {@link TimeTravel}: the county water bureau (青山县水利局,
 * the purchaser) with the agency buys by 竞争性谈判 (two rounds of sealed final offers, a change of the documents in round
 * 1 acknowledged by every supplier, lowest final offer wins), 竞争性磋商 (综合评分 on the final offers), 询价 (one sealed
 * quotation each, lowest wins) and 单一来源 (above the threshold: 5 working days' publicity, approval, negotiation minutes
 * signed by the panel); one supplier challenges the inquiry's result (answered), then complains (decided, on the portal).
 * Each deal is loaded on its own: a refusal leaves it at the furthest stage it reached and is logged as a warning.
 */
@Component
class DemoMethods {

    private static final Logger log = LoggerFactory.getLogger(DemoMethods.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String PURCHASER = "tenderee2";
    /** The qualification-only plan of a lowest-price method (74号令 Art. 35/48; the price decides). */
    static final String LOWEST_PLAN = """
            {"qualification":[{"code":"Q1","text":"满足《中华人民共和国政府采购法》第二十二条规定的供应商资格条件"},
                              {"code":"Q2","text":"响应文件满足采购文件的实质性要求"},
                              {"code":"Q3","text":"报价未超过采购预算"}]}""";

    /** Technical and commercial points (T1, T2, C1, C2) of the consultation's three suppliers, in invitation order. */
    private static final int[][] CONSULTATION_POINTS = {{25, 12, 8, 4}, {24, 13, 9, 4}, {26, 11, 8, 5}};

    private final Tenders tenders;
    private final Projects projects;
    private final MethodApprovals approvals;
    private final Invitations invitations;
    private final Registrations registrations;
    private final Negotiations negotiations;
    private final OfferRounds offerRounds;
    private final Evaluations evaluations;
    private final Awards awards;
    private final Challenges challenges;
    private final ComplaintHandling complaints;
    private final Accounts accounts;
    private final Organisations organisations;
    private final DemoEvaluation evaluation;
    private final java.time.Clock clock;

    DemoMethods(Tenders tenders, Projects projects, MethodApprovals approvals, Invitations invitations,
            Registrations registrations, Negotiations negotiations, OfferRounds offerRounds, Evaluations evaluations,
            Awards awards, Challenges challenges, ComplaintHandling complaints, Accounts accounts, Organisations organisations,
            DemoEvaluation evaluation, java.time.Clock clock) {
        this.tenders = tenders;
        this.projects = projects;
        this.approvals = approvals;
        this.invitations = invitations;
        this.registrations = registrations;
        this.negotiations = negotiations;
        this.offerRounds = offerRounds;
        this.evaluations = evaluations;
        this.awards = awards;
        this.challenges = challenges;
        this.complaints = complaints;
        this.accounts = accounts;
        this.organisations = organisations;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** One deal of each method, from the history's start {@code start} (45 days ago) on. */
    void load(DemoData data, TimeTravel travel, Instant start) {
        long began = System.nanoTime();
        LocalDate day0 = LocalDate.ofInstant(start, BEIJING).plusDays(1); // the notices' day
        run("竞争性谈判", () -> negotiation(data, travel, day0));
        run("竞争性磋商", () -> consultation(data, travel, day0));
        run("询价", () -> inquiry(data, travel, day0));
        run("单一来源", () -> singleSource(data, travel, day0));
        log.info("demo: the deals of every procurement method loaded in {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    private static void run(String method, Runnable deal) {
        try {
            deal.run();
        } catch (RuntimeException e) {
            log.warn("demo: the {} deal stopped where a service refused it: {}", method, e.toString(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------ the deals

    /** 竞争性谈判: 3 invited (1 recommended, 2 drawn), responses opened, a panel of 3, a change in round 1, two rounds. */
    private void negotiation(DemoData data, TimeTravel travel, LocalDate day0) {
        TenderView lot = project(travel, day0, "ZFCG_NEGOTIATION", "QS-2026-ZFCG-0021", "青山县水利局水文监测站设备维修更换项目",
                "水文监测站设备维修更换", "货物", "1280000", ProjectCategory.GOODS, "A02100000", EvaluationMethod.LOWEST_EVALUATED_PRICE,
                LOWEST_PLAN, 10, List.of("GPL74_27_2_COMPLEX"),
                "部分监测站设备型号已停产，需与供应商谈判确定替代型号的详细规格（《政府采购非招标采购方式管理办法》第二十七条第一款第二项）。",
                data);
        List<UUID> invited = invite(lot, List.of("bidder2"), List.of("bidder1", "bidder4", "bidder6", "bidder7"), 2, day0);
        String[] prices = {"1236000.00", "1219000.00", "1248000.00"};
        respond(data, travel, lot, invited, prices);
        List<String> panel = openAndSeat(data, travel, lot, Map.of("A01", 2, "A02", 1));
        String leader = panel.get(0);
        review(lot, panel);
        negotiations.start(lot.id(), user(leader));
        for (UUID s : invited) {
            negotiations.postAsPanel(lot.id(), s, "请就停产设备的替代型号、供货周期及质保期作出说明。", user(leader));
            negotiations.postAsSupplier(lot.id(), "替代型号技术参数不低于原设备，供货周期 30 日，质保 3 年。", userOf(s));
        }
        NegotiationView changed = negotiations.change(lot.id(), "采购需求第 3.2 项“雨量传感器分辨率 0.5 mm”变更为“0.2 mm”，"
                + "请各供应商据此调整响应并确认。", user(leader));
        UUID changeId = changed.changes().get(changed.changes().size() - 1).id();
        travel.travelTo(clock.instant().plus(Duration.ofMinutes(40)));
        for (UUID s : invited) {
            negotiations.acknowledge(lot.id(), changeId, userOf(s));
        }
        finalOffers(data, travel, lot, 1, leader, invited, new String[] {"1228000.00", "1215000.00", "1239000.00"});
        negotiations.nextRound(lot.id(), user(leader));
        finalOffers(data, travel, lot, 2, leader, invited, new String[] {"1206000.00", "1198000.00", "1222000.00"});
        negotiations.close(lot.id(), user(leader));
        EvaluationView closed = evaluations.closeNegotiation(lot.id(), user(leader));
        report(data, lot, panel, closed);
        award(travel, lot, closed, true);
    }

    /** 竞争性磋商 (goods, 综合评分 on the final offers, 财库〔2014〕214号 Art. 24): 3 invited, one round of final offers. */
    private void consultation(DemoData data, TimeTravel travel, LocalDate day0) {
        TenderView lot = project(travel, day0, "ZFCG_CONSULTATION", "QS-2026-ZFCG-0022", "青山县防汛会商系统升级改造项目",
                "防汛会商系统软硬件", "货物", "1850000", ProjectCategory.GOODS, "A02100000", EvaluationMethod.COMPREHENSIVE,
                DemoEvaluation.PROCUREMENT_PLAN, 14, List.of("CK214_3_2_COMPLEX"),
                "会商系统需与省、市防汛平台对接，技术方案须在磋商中确定（《政府采购竞争性磋商采购方式管理暂行办法》第三条第二项）。",
                data);
        List<UUID> invited = invite(lot, List.of("bidder5"), List.of("bidder1", "bidder3", "bidder7", "bidder8"), 2, day0);
        respond(data, travel, lot, invited, new String[] {"1812000.00", "1796000.00", "1828000.00"});
        List<String> panel = openAndSeat(data, travel, lot, Map.of("A03", 2, "A04", 1));
        String leader = panel.get(0);
        review(lot, panel);
        negotiations.start(lot.id(), user(leader));
        for (UUID s : invited) {
            negotiations.postAsPanel(lot.id(), s, "请说明与省防汛指挥平台的数据接口方案及实施周期。", user(leader));
        }
        finalOffers(data, travel, lot, 1, leader, invited, new String[] {"1768000.00", "1752000.00", "1790000.00"});
        negotiations.close(lot.id(), user(leader));
        EvaluationView closed = evaluations.closeNegotiation(lot.id(), user(leader));
        for (int m = 0; m < panel.size(); m++) {
            Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
            int i = 0;
            for (UUID s : invited) {
                int[] base = CONSULTATION_POINTS[i++];
                scores.put(s.toString(), Map.of("T1", BigDecimal.valueOf(base[0] + (m % 2)), "T2", BigDecimal.valueOf(base[1]),
                        "C1", BigDecimal.valueOf(base[2]), "C2", BigDecimal.valueOf(base[3])));
            }
            closed = evaluations.score(lot.id(), scores, Map.of(), user(panel.get(m)));
        }
        report(data, lot, panel, closed);
        award(travel, lot, closed, true);
    }

    /**
     * 询价: 3 invited, one sealed quotation each, lowest wins; then the second-lowest supplier challenges the result
     * (answered), is not satisfied and complains to the department (accepted, copies sent, the purchaser replies, decided
     * unfounded and published), and the contract follows.
     */
    private void inquiry(DemoData data, TimeTravel travel, LocalDate day0) {
        TenderView lot = project(travel, day0, "ZFCG_INQUIRY", "QS-2026-ZFCG-0023", "青山县水利局防汛抢险冲锋舟及救生器材采购项目",
                "冲锋舟及救生器材", "货物", "680000", ProjectCategory.GOODS, "A02100000", EvaluationMethod.LOWEST_EVALUATED_PRICE,
                LOWEST_PLAN, 11, List.of("GPL_32_UNIFORM_GOODS"),
                "冲锋舟、救生衣等规格标准统一、现货货源充足且价格变化幅度小（《中华人民共和国政府采购法》第三十二条）。", data);
        List<UUID> invited = invite(lot, List.of("bidder3"), List.of("bidder2", "bidder4", "bidder6", "bidder8"), 2, day0);
        respond(data, travel, lot, invited, new String[] {"652000.00", "638000.00", "661000.00"});
        List<String> panel = openAndSeat(data, travel, lot, Map.of("A01", 2, "A04", 1));
        EvaluationView ranked = review(lot, panel);
        report(data, lot, panel, ranked);
        award(travel, lot, ranked, false);
        challengeAndComplaint(data, travel, lot, ranked);
        contract(travel, lot);
    }

    /**
     * 单一来源 above the open-tender threshold (法 Art. 31(一), 条例 Art. 38): the unique supplier's publicity of 5 working
     * days with the experts' opinions, the department's approval after it, the supplier invited, its response opened,
     * a panel of 5 negotiating with it over two rounds, the minutes signed, the purchaser's decision, result and contract.
     */
    private void singleSource(DemoData data, TimeTravel travel, LocalDate day0) {
        TenderView lot = project(travel, day0, "ZFCG_SINGLE_SOURCE", "QS-2026-ZFCG-0024", "青山县山洪灾害监测预警平台原有系统扩容项目",
                "监测预警平台扩容", "货物", "4600000", ProjectCategory.GOODS, "A02100000", EvaluationMethod.LOWEST_EVALUATED_PRICE,
                LOWEST_PLAN, 31, null, null, data);
        CurrentUser agency = user("agency");
        String supplier = organisations.find(user("bidder5").organisationId()).orElseThrow().name();
        MethodApprovalView requested = approvals.request(lot.id(), new MethodApprovals.NewRequest(List.of("GPL_31_1_UNIQUE_SUPPLIER"),
                "平台核心软件及监测终端通信协议为示范省建工集团有限公司自主知识产权，扩容须与原系统完全兼容，只能从该供应商处采购。",
                supplier, "经云州大学、示范省水利水电勘测设计院三位专家论证：原系统通信协议及数据库结构为该供应商专有，其他供应商无法"
                        + "在不替换原系统的情况下实现扩容，同意采用单一来源方式。"), agency);
        travel.travelTo(requested.publicity().endsAt().plus(Duration.ofHours(1)));
        approvals.decide(lot.id(), requested.id(), true, "公示期内无异议，理由充分，同意采用单一来源采购方式。", user("supervisor"));
        travel.travelTo(clock.instant().plus(Duration.ofHours(2)));
        List<UUID> invited = invite(lot, List.of("bidder5"), List.of(), 0, null);
        tenders.publish(lot.id(), agency);
        respond(data, travel, lot, invited, new String[] {"4580000.00"});
        List<String> panel = openAndSeat(data, travel, lot, Map.of("A01", 2, "A02", 2, "A04", 1));
        String leader = panel.get(0);
        review(lot, panel);
        negotiations.start(lot.id(), user(leader));
        negotiations.postAsPanel(lot.id(), invited.get(0), "请提供扩容部分的分项报价及同类项目成交价格，说明报价依据。", user(leader));
        negotiations.postAsSupplier(lot.id(), "已提交分项报价表及近两年同类扩容项目合同三份，软件授权按原合同单价计取。",
                userOf(invited.get(0)));
        finalOffers(data, travel, lot, 1, leader, invited, new String[] {"4520000.00"});
        negotiations.nextRound(lot.id(), user(leader));
        finalOffers(data, travel, lot, 2, leader, invited, new String[] {"4475000.00"});
        negotiations.close(lot.id(), user(leader));
        EvaluationView closed = evaluations.closeNegotiation(lot.id(), user(leader));
        report(data, lot, panel, closed);
        award(travel, lot, closed, true);
    }

    // ------------------------------------------------------------------------------------------------ the steps

    /**
     * The agency registers the project for the purchaser (one lot), the purchaser publishes its intention 35 days before
     * the notice (财库〔2020〕10号); on {@code day0} the agency records the method's conditions of use (below the threshold:
     * no approval, 法 Art. 27) and uploads the documents and the plan; publication follows the invitations
     * ({@link #invite}), except for the single source, whose approval comes first.
     */
    private TenderView project(TimeTravel travel, LocalDate day0, String procedure, String code, String name, String lotName,
            String category, String budget, ProjectCategory projectCategory, String item, EvaluationMethod method, String plan,
            int days, List<String> conditions, String reasons, DemoData data) {
        CurrentUser agency = user("agency");
        CurrentUser purchaser = user(PURCHASER);
        Instant notice = day0.atTime(9, 0).atZone(BEIJING).toInstant();
        travel.travelTo(notice.minus(Duration.ofDays(35)));
        Instant deadline = day0.plusDays(days).atTime(9, 30).atZone(BEIJING).toInstant();
        Instant documentsUntil = day0.plusDays(days - 1).atTime(17, 0).atZone(BEIJING).toInstant();
        String lotFull = name + "（" + lotName + "）";
        TenderTerms terms = new TenderTerms(code + "-1", lotFull, category, Money.yuan(budget), Money.yuan("0"),
                "满足《中华人民共和国政府采购法》第二十二条规定；未被列入失信被执行人、重大税收违法失信主体名单。", method, deadline,
                "青山县公共资源交易中心开标室", 90, documentsUntil,
                "项目概况：" + name + "，采购预算 " + budget + " 元。受邀供应商应在青山县公共资源交易平台获取采购文件，并于响应截止时间前"
                        + "提交响应文件。",
                List.of(new TenderTerms.Lot(lotName, Money.yuan(budget))));
        ProjectView registered = tenders.createProject(new Tenders.NewTenderProject("ZFCG", procedure, name, Money.yuan(budget), null,
                projectCategory, item, List.of(terms)), purchaser.organisationId(), agency);
        projects.publishIntention(registered.id(), "采购" + lotName + "，预算 " + budget + " 元。",
                java.time.YearMonth.from(notice.atZone(BEIJING)), purchaser);
        travel.travelTo(notice);
        TenderView lot = tenders.get(registered.lots().get(0).id(), agency);
        if (conditions != null) {
            approvals.request(lot.id(), new MethodApprovals.NewRequest(conditions, reasons, null, null), agency);
        }
        data.document(lot, agency);
        evaluation.plan(lot.id(), plan, agency);
        return lot;
    }

    /**
     * The purchaser's written recommendations and a verifiable draw from its prequalified list ({@code drawCount} of
     * {@code pool}), witnessed by the agency's and the purchaser's staff, the secret made off the platform; the lot is
     * then published (unless {@code day0} is null: the caller publishes). Answers the invited suppliers.
     */
    private List<UUID> invite(TenderView lot, List<String> recommended, List<String> pool, int drawCount, LocalDate day0) {
        CurrentUser agency = user("agency");
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        List<Invitations.Recommendation> recs = recommended.stream()
                .map(u -> new Invitations.Recommendation(user(u).organisationId(), "采购人书面推荐意见（青山县水利局）")).toList();
        invitations.requestDraw(lot.id(), new Invitations.DrawRequest(recs, drawCount, PoolSource.PREQUALIFIED,
                pool.stream().map(u -> user(u).organisationId()).toList(), null, List.of("agency", PURCHASER), Sm3.hex(secret)), agency);
        invitations.reveal(lot.id(), HexFormat.of().formatHex(secret), agency);
        if (day0 != null) {
            tenders.publish(lot.id(), agency);
        }
        return invitations.invitees(lot.id(), agency).stream().map(i -> i.supplierId()).toList();
    }

    /** Each invited supplier registers and seals its response a day after the notice (its price sheet's total). */
    private void respond(DemoData data, TimeTravel travel, TenderView lot, List<UUID> invited, String[] prices) {
        travel.travelTo(clock.instant().plus(Duration.ofDays(1)));
        for (int i = 0; i < invited.size(); i++) {
            CurrentUser supplier = userOf(invited.get(i));
            registrations.register(lot.id(), supplier);
            data.sealedBid(lot, supplier, "{\"totalPrice\":\"" + prices[i] + "\",\"deliveryDays\":30,\"warrantyYears\":3}");
        }
        data.commitConfidential();
    }

    /**
     * The panel is requested (no purchaser's representative) and committed to by the supervisor — its specialties spread
     * so that no expert reaches the draw policy's limit of sittings for the same purchaser (2 in 90 days, with the open
     * tender's two committees for the same water bureau); the responses are
     * opened by the county centre and the supervisor at the deadline; the panel is drawn and signs in; the evaluation
     * starts and the first member is elected leader. Answers the members, the leader first.
     */
    private List<String> openAndSeat(DemoData data, TimeTravel travel, TenderView lot, Map<String, Integer> specialties) {
        CurrentUser agency = user("agency");
        Instant deadline = tenders.get(lot.id(), agency).bidDeadline();
        travel.travelTo(deadline.minus(Duration.ofDays(1)));
        DrawView draw = data.requestCommittee(lot, deadline.plus(Duration.ofHours(2)), "青山县公共资源交易中心评审室", 0, specialties,
                agency);
        data.closeAndOpen(travel, List.of(lot), deadline, List.of("qs-centre", "supervisor"));
        if (!data.runDraw(travel, draw, false)) {
            throw new IllegalStateException("no sandbox phones: the panel cannot be drawn");
        }
        travel.travelTo(draw.evaluationStart().plus(Duration.ofMinutes(3)));
        await("the opening of " + lot.terms().name(), () -> evaluations.opened(lot.id()));
        EvaluationView started = evaluations.start(lot.id(), user("centre"));
        List<String> members = started.members().stream().map(EvaluationView.Member::username).toList();
        for (String member : members.subList(0, members.size() / 2 + 1)) {
            evaluations.chooseLeader(lot.id(), members.get(0), user(member));
        }
        return members;
    }

    /** Every member passes every opened response on every item; the view after the last. */
    private EvaluationView review(TenderView lot, List<String> panel) {
        EvaluationView view = evaluations.view(lot.id(), user(panel.get(0)));
        EvaluationView last = view;
        for (String member : panel) {
            Map<String, Map<String, ReviewVote>> votes = new LinkedHashMap<>();
            for (EvaluationView.Bid bid : view.bids()) {
                if (bid.opened()) {
                    votes.put(bid.bidderId().toString(), Map.of("Q1", new ReviewVote(true, null), "Q2", new ReviewVote(true, null),
                            "Q3", new ReviewVote(true, null)));
                }
            }
            last = evaluations.review(lot.id(), votes, user(member));
        }
        return last;
    }

    /**
     * Round {@code round}: the leader calls for sealed final offers by two hours on; each supplier seals its offer; every
     * offer in, the custodians release their shares of the round's key at once; the round is opened (sealing publishes
     * OffersOpened) and the demo waits until the negotiation and the evaluation have it.
     */
    private void finalOffers(DemoData data, TimeTravel travel, TenderView lot, int round, String leader, List<UUID> suppliers,
            String[] prices) {
        travel.travelTo(clock.instant().plus(Duration.ofMinutes(30)));
        negotiations.callFinalOffers(lot.id(), clock.instant().plus(Duration.ofHours(2)), user(leader));
        travel.travelTo(clock.instant().plus(Duration.ofMinutes(20)));
        for (int i = 0; i < suppliers.size(); i++) {
            offerRounds.submit(lot.id(), round, "{\"totalPrice\":\"" + prices[i] + "\"}", userOf(suppliers.get(i)));
        }
        data.commitConfidential();
        travel.travelTo(clock.instant().plus(Duration.ofMinutes(10)));
        for (String custodian : List.of("qs-centre", "supervisor", "centre")) {
            OfferRoundView view = offerRounds.view(lot.id(), round).orElseThrow();
            if ("OPENED".equals(view.status())) {
                break;
            }
            CurrentUser c = user(custodian);
            String share;
            try {
                share = decrypt(data, c, offerRounds.myEncryptedShare(lot.id(), round, c));
            } catch (org.sunbid.platform.kernel.DomainException notACustodian) {
                continue;
            }
            offerRounds.releaseShare(lot.id(), round, share, c);
        }
        await("round " + round + " of " + lot.terms().name(), () -> negotiations.view(lot.id(), user(leader)).rounds().stream()
                .anyMatch(r -> r.number() == round && r.offersOpenedAt() != null));
        // the evaluation's copy of the round comes from the same event, on its own listener
        await("the evaluation's copy of round " + round, () -> evaluations.lastOfferRound(lot.id()) >= round);
    }

    private String decrypt(DemoData data, CurrentUser custodian, String encrypted) {
        try {
            String code = organisations.find(custodian.organisationId()).orElseThrow().creditCode().value();
            java.security.PrivateKey key = Pem.privateKey(Files.readString(data.demoKeys().resolve(code + ".key.pem")));
            return new String(Sm2.decrypt(key, Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo custodian key", e);
        }
    }

    /** The leader renders the report (谈判/磋商/询价报告, or the minutes of a single source) and every member signs it. */
    private void report(DemoData data, TenderView lot, List<String> panel, EvaluationView ranked) {
        EvaluationView reported = evaluations.generateReport(lot.id(), user(panel.get(0)));
        byte[] text = reported.reportChallenge().getBytes(StandardCharsets.UTF_8);
        for (String member : panel) {
            try {
                java.security.PrivateKey key = Pem.privateKey(Files.readString(data.demoKeys().resolve(member + ".key.pem")));
                evaluations.signReport(lot.id(), Base64.getEncoder().encodeToString(Sm2.sign(key, text)), user(member));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("demo expert key", e);
            }
        }
    }

    /** The purchaser decides for the first-ranked (the result notice goes out with it); the contract follows unless told. */
    private void award(TimeTravel travel, TenderView lot, EvaluationView ranked, boolean contract) {
        EvaluationView now = evaluations.view(lot.id(), user("centre"));
        Object candidates = now.ranking() == null ? null : now.ranking().get("candidates");
        if (!(candidates instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> first)) {
            throw new IllegalStateException("no ranked candidate for " + lot.terms().name());
        }
        travel.travelTo(clock.instant().plus(Duration.ofHours(20)));
        awards.award(lot.id(), UUID.fromString(String.valueOf(first.get("bidderId"))), user(PURCHASER));
        if (contract) {
            contract(travel, lot);
        }
    }

    private void contract(TimeTravel travel, TenderView lot) {
        travel.travelTo(clock.instant().plus(Duration.ofDays(2)));
        evaluation.contract(lot.id(), lot.terms().name() + "政府采购合同（已签订）", PURCHASER);
        evaluation.publishContract(lot.id(), PURCHASER);
    }

    /**
     * 质疑 (法 Art. 52; 条例 Art. 53): the second-ranked supplier challenges the inquiry's result, signed with its
     * certificate; the agency answers in writing within 7 working days. 投诉 (法 Art. 55; 94号令): the supplier complains;
     * the department accepts it, sends copies, the purchaser replies, the department decides (unfounded) and the decision
     * is published.
     */
    private void challengeAndComplaint(DemoData data, TimeTravel travel, TenderView lot, EvaluationView ranked) {
        Object candidates = ranked.ranking().get("candidates");
        UUID second = UUID.fromString(String.valueOf(((Map<?, ?>) ((List<?>) candidates).get(1)).get("bidderId")));
        CurrentUser challenger = userOf(second);
        travel.travelTo(clock.instant().plus(Duration.ofDays(2)));
        Challenges.Draft draft = new Challenges.Draft(ChallengeSubject.RESULT, null,
                "成交供应商报价的冲锋舟发动机功率低于采购需求，不应被确定为成交供应商。",
                "采购需求第二章要求冲锋舟配置 40 马力及以上舷外机，成交供应商产品彩页所示配置为 30 马力。",
                "成交供应商公开产品彩页截图；采购文件第二章采购需求。");
        String statement = challenges.statement(lot.id(), draft, challenger);
        String signature = sign(data, challenger, statement);
        ChallengeView raised = challenges.raise(lot.id(), statement, signature, null, challenger);
        travel.travelTo(clock.instant().plus(Duration.ofDays(1)));
        challenges.answer(raised.id(), "经核查，成交供应商响应文件技术偏离表载明配置 40 马力舷外机并附生产厂家授权及检测报告，"
                + "彩页为旧款产品宣传资料，不构成响应内容。质疑事项不成立。", user("agency"));
        travel.travelTo(clock.instant().plus(Duration.ofDays(3)));
        ComplaintView lodged = complaints.lodge(lot.id(), new ComplaintHandling.Lodging(raised.id(), null,
                "请求认定成交结果无效，责令重新开展采购活动。",
                "质疑答复未对成交产品实际配置进行核实，仅依据响应文件认定。",
                "质疑函及答复；成交供应商产品彩页截图。"), challenger);
        CurrentUser department = user("supervisor");
        travel.travelTo(clock.instant().plus(Duration.ofDays(1)));
        complaints.intake(lodged.id(), Complaint.Intake.ACCEPT, "投诉书内容齐全，符合《政府采购质疑和投诉办法》第十八条规定，予以受理。",
                department);
        complaints.sendCopies(lodged.id(), List.of(user(PURCHASER).organisationId()), department);
        travel.travelTo(clock.instant().plus(Duration.ofDays(2)));
        complaints.reply(lodged.id(), "采购人已按采购文件组织询价，成交供应商响应文件载明的配置满足采购需求，并附检测报告。",
                user(PURCHASER));
        travel.travelTo(clock.instant().plus(Duration.ofDays(4)));
        complaints.decide(lodged.id(), Outcome.UNFOUNDED, "经调取响应文件及检测报告核实，成交供应商响应产品配置 40 马力舷外机，"
                + "满足采购需求；投诉人所附彩页非响应内容。投诉事项缺乏事实依据，根据《政府采购质疑和投诉办法》第二十九条第二项，驳回投诉。",
                department);
    }

    private String sign(DemoData data, CurrentUser supplier, String statement) {
        try {
            String code = organisations.find(supplier.organisationId()).orElseThrow().creditCode().value();
            java.security.PrivateKey key = Pem.privateKey(Files.readString(data.demoKeys().resolve(code + ".key.pem")));
            return Base64.getEncoder().encodeToString(Sm2.sign(key, statement.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("demo supplier key", e);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("never happened: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }

    /** The demo supplier account (bidder1 … bidder8) of organisation {@code id}. */
    private CurrentUser userOf(UUID id) {
        for (int i = 1; i <= 8; i++) {
            CurrentUser u = user("bidder" + i);
            if (id.equals(u.organisationId())) {
                return u;
            }
        }
        throw new IllegalStateException("no demo account for " + id);
    }
}
