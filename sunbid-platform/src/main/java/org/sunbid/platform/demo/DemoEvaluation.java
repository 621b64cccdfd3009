package org.sunbid.platform.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.EvaluationError;
import org.sunbid.platform.evaluation.EvaluationView;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.evaluation.ReviewVote;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.TimeTravel;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.Refunds;
import org.sunbid.platform.payments.Sandbox;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history tender's evaluation and award, done the way the committee and the owners do it: a published plan
 * (comprehensive scoring, benchmark price with a K range), the committee's leader elected, a lone "fail" that does not
 * carry, independent scores with one far from the others and its reason, the report signed by every member with their
 * certificate, the candidates published, one objection answered, the award to the first candidate, the deposits
 * refunded with interest and the contract recorded. The procurement lots go through the same steps with their own
 * plan ({@link #PROCUREMENT_PLAN}) and are awarded when their procedure allows ({@link #awardWhenDue}).
 */
@Component
class DemoEvaluation {

    static final String PLAN = """
            {"stateFunded":true,
             "qualification":[{"code":"Q1","text":"营业执照、施工总承包资质证书有效"},{"code":"Q2","text":"投标保证金已按要求提交"},
                              {"code":"Q3","text":"项目经理具有一级注册建造师资格且无在建项目"}],
             "technical":[{"code":"T1","text":"施工组织设计","points":30},{"code":"T2","text":"项目管理机构","points":15}],
             "commercial":[{"code":"C1","text":"近三年类似工程业绩","points":10},{"code":"C2","text":"企业信誉","points":5}],
             "price":{"formula":"BENCHMARK_PRICE","dropExtremesFrom":5,"kMin":"0.01","kMax":"0.03","kStep":"0.005",
                      "maxPoints":"40","pointsPerPercentAbove":"1","pointsPerPercentBelow":"0.5"},
             "extremeThreshold":"15","tieRule":"LOWER_PRICE"}""";

    /**
     * The procurement lots' plan (综合评分法, 87号令 Art. 55): the same criteria codes and points as {@link #PLAN}, the price
     * scored lowest price first (lowest valid price ÷ bid × 40), a weight above the 30% floor for goods.
     */
    static final String PROCUREMENT_PLAN = """
            {"stateFunded":true,
             "qualification":[{"code":"Q1","text":"具有独立承担民事责任的能力（政府采购法第二十二条）"},
                              {"code":"Q2","text":"投标保证金已按要求提交"},
                              {"code":"Q3","text":"参加政府采购活动前三年内无重大违法记录"}],
             "technical":[{"code":"T1","text":"技术参数响应及产品性能","points":30},{"code":"T2","text":"供货、安装及售后服务方案","points":15}],
             "commercial":[{"code":"C1","text":"近三年类似项目业绩","points":10},{"code":"C2","text":"质保期及培训承诺","points":5}],
             "price":{"formula":"LOWEST_PRICE_FIRST","weight":"0.40"},
             "extremeThreshold":"15","tieRule":"LOWER_PRICE"}""";

    /** Technical and commercial points per bidder (T1, T2, C1, C2) around which the members' scores vary. */
    private static final Map<String, int[]> BASE = Map.of(
            "bidder1", new int[] {26, 12, 8, 4}, "bidder2", new int[] {24, 13, 9, 5},
            "bidder3", new int[] {22, 11, 7, 4}, "bidder4", new int[] {25, 12, 8, 5},
            "bidder5", new int[] {25, 13, 8, 4}, "bidder6", new int[] {23, 12, 9, 4},
            "bidder7", new int[] {26, 11, 7, 5}, "bidder8", new int[] {24, 12, 8, 4});

    /** The marks of a bidder without its own entry in {@link #BASE} (the cartel's companies, {@code DemoCartel}). */
    private static final int[] DEFAULT_BASE = {24, 12, 8, 4};

    private final Evaluations evaluations;
    private final Awards awards;
    private final Sandbox sandbox;
    private final Refunds refunds;
    private final Accounts accounts;
    private final JsonMapper json;
    private final java.time.Clock clock;

    DemoEvaluation(Evaluations evaluations, Awards awards, Sandbox sandbox, Refunds refunds, Accounts accounts, JsonMapper json,
            java.time.Clock clock) {
        this.clock = clock;
        this.refunds = refunds;
        this.evaluations = evaluations;
        this.awards = awards;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.json = json;
    }

    /** The agency publishes the plan with the documents, before the deadline locks it. */
    void plan(UUID tenderId, CurrentUser agency) {
        plan(tenderId, PLAN, agency);
    }

    /** The same for a plan of the caller's choosing ({@link #PLAN}, {@link #PROCUREMENT_PLAN}). */
    void plan(UUID tenderId, String plan, CurrentUser agency) {
        evaluations.setPlan(tenderId, json.readValue(plan, new TypeReference<Map<String, Object>>() { }), agency);
    }

    /**
     * The committee's work, from the start at {@code start} to the last signature (which starts the publicity where the
     * procedure has one); the first-ranked bidder, or null if the report could not be rendered, so the committee stopped
     * at the ranking. {@code farOffReason} is the last member's reason for its far-off score of bidder3 (if it bid).
     */
    UUID evaluate(TimeTravel travel, UUID tenderId, Instant start, Path keys, String farOffReason) {
        travel.travelTo(start.plus(Duration.ofMinutes(3)));
        awaitOpening(tenderId);
        EvaluationView started = evaluations.start(tenderId, user("centre"));
        List<String> members = started.members().stream().map(EvaluationView.Member::username).toList();
        org.slf4j.LoggerFactory.getLogger(DemoEvaluation.class).info("demo: {} was evaluated by {} (leader {})",
                started.projectCode(), String.join(", ", members), members.get(0));
        for (String member : members.subList(0, members.size() / 2 + 1)) {
            evaluations.chooseLeader(tenderId, members.get(0), user(member));
        }

        travel.travelTo(start.plus(Duration.ofMinutes(50)));
        Map<String, String> bidders = new LinkedHashMap<>(); // bidderId → demo username
        for (EvaluationView.Bid bid : started.bids()) {
            if (bid.opened()) {
                bidders.put(bid.bidderId().toString(), usernameOf(bid.bidderId()));
            }
        }
        List<String> items = List.of("Q1", "Q2", "Q3");
        for (int m = 0; m < members.size(); m++) {
            Map<String, Map<String, ReviewVote>> votes = new LinkedHashMap<>();
            for (var bidder : bidders.entrySet()) {
                Map<String, ReviewVote> v = new LinkedHashMap<>();
                for (String item : items) {
                    boolean lone = m == 1 && bidder.getValue().equals("bidder4") && item.equals("Q2");
                    v.put(item, lone ? new ReviewVote(false, "保证金到账凭证的付款账户名称与投标人名称不一致")
                            : new ReviewVote(true, null));
                }
                votes.put(bidder.getKey(), v);
            }
            evaluations.review(tenderId, votes, user(members.get(m)));
        }

        travel.travelTo(start.plus(Duration.ofHours(2)));
        for (int m = 0; m < members.size(); m++) {
            Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            for (var bidder : bidders.entrySet()) {
                int[] base = BASE.getOrDefault(bidder.getValue(), DEFAULT_BASE);
                Map<String, BigDecimal> s = new LinkedHashMap<>();
                String[] codes = {"T1", "T2", "C1", "C2"};
                int[] caps = {30, 15, 10, 5};
                for (int c = 0; c < codes.length; c++) {
                    int points = Math.max(0, Math.min(caps[c], base[c] + ((m + c) % 3) - 1));
                    if (m == members.size() - 1 && bidder.getValue().equals("bidder3") && c == 0) {
                        points = 4; // far below the others: needs a written reason
                    }
                    s.put(codes[c], BigDecimal.valueOf(points));
                }
                scores.put(bidder.getKey(), s);
                if (m == members.size() - 1 && bidder.getValue().equals("bidder3")) {
                    reasons.put(bidder.getKey(), farOffReason);
                }
            }
            evaluations.score(tenderId, scores, reasons, user(members.get(m)));
        }

        travel.travelTo(start.plus(Duration.ofHours(3)));
        EvaluationView reported;
        try {
            reported = evaluations.generateReport(tenderId, user(members.get(0)));
        } catch (DomainException e) { // a configured report font that cannot be read fails that action, not the start-up
            if (e.errorCode() != EvaluationError.REPORT_FONT_MISSING) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(DemoEvaluation.class).warn(
                    "demo: the evaluation report of {} could not be rendered ({}); the tender stays ranked, its report, "
                            + "publicity and award are not loaded", started.projectCode(), e.getMessage());
            return null;
        }
        byte[] text = reported.reportChallenge().getBytes(StandardCharsets.UTF_8);
        for (String member : members) {
            try {
                java.security.PrivateKey key = Pem.privateKey(Files.readString(keys.resolve(member + ".key.pem")));
                evaluations.signReport(tenderId, Base64.getEncoder().encodeToString(Sm2.sign(key, text)), user(member));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("demo expert key", e);
            }
        }
        return firstCandidate(reported);
    }

    /** The first-ranked bidder of a reported evaluation. */
    private static UUID firstCandidate(EvaluationView reported) {
        Object candidates = reported.ranking() == null ? null : reported.ranking().get("candidates");
        if (!(candidates instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Map<?, ?> first)) {
            throw new IllegalStateException("demo: no ranked candidate for " + reported.projectCode());
        }
        return UUID.fromString(String.valueOf(first.get("bidderId")));
    }

    /** The publicity with one objection answered, the award, the refunds and the contract. */
    void award(TimeTravel travel, UUID tenderId, Instant publicityStart) {
        travel.travelTo(publicityStart.plus(Duration.ofHours(20)));
        Awards.AwardView view = awards.object(tenderId,
                "第一中标候选人拟派项目经理赵工目前在云州市第二人民医院门诊楼项目担任项目经理，请核实是否存在在建项目。", user("bidder3"));
        travel.travelTo(publicityStart.plus(Duration.ofHours(44)));
        awards.answer(tenderId, view.objections().get(0).id(),
                "经核实，云州市第二人民医院门诊楼项目已于本年 8 月竣工验收，赵工已办理项目经理变更，不存在在建项目。异议不成立。",
                user("tenderee"));
        travel.travelTo(view.publicityEnds().plus(Duration.ofHours(2)));
        String first = String.valueOf(view.candidates().get(0).get("bidderId"));
        awards.award(tenderId, UUID.fromString(first), user("tenderee"));
        travel.travelTo(view.publicityEnds().plus(Duration.ofDays(2)));
        refund();
        travel.travelTo(view.publicityEnds().plus(Duration.ofDays(9)));
        contract(tenderId, "云州市体育中心游泳馆改造工程施工合同（已签订）", "tenderee");
        travel.travelTo(view.publicityEnds().plus(Duration.ofDays(10)));
        refund();
    }

    /**
     * The owner awards {@code first} as soon as the procedure lets it: two hours after the candidates' publicity ends
     * where one was started at the report (construction, Reg. 54), else an hour from now (government procurement has
     * no candidates' publicity: the result notice is published with the award, 87号令 Art. 69).
     */
    void awardWhenDue(TimeTravel travel, UUID tenderId, UUID first, String owner) {
        Instant at = clock.instant().plus(Duration.ofHours(1));
        try {
            Awards.AwardView view = awards.view(tenderId, user(owner));
            if (view.publicityEnds() != null && view.publicityEnds().plus(Duration.ofHours(2)).isAfter(at)) {
                at = view.publicityEnds().plus(Duration.ofHours(2));
            }
        } catch (DomainException e) {
            // no publicity was started at the report: the procedure awards without one
        }
        travel.travelTo(at);
        awards.award(tenderId, first, user(owner));
    }

    /** The refunds that fell due are sent to the sandbox bank, which completes them. */
    void refund() {
        refunds.dispatchPending();
        sandbox.completeRefunds();
    }

    /** The owner records the signed contract (its SM3; the contract itself stays off the platform). */
    void contract(UUID tenderId, String contract, String owner) {
        awards.contractSigned(tenderId, Sm3.hex(contract), user(owner));
    }

    /** The purchaser publishes the signed contract (政府采购法实施条例 Art. 50: within 2 working days of signing). */
    void publishContract(UUID tenderId, String owner) {
        awards.publishContract(tenderId, user(owner));
    }

    /**
     * Waits (at most a minute) until the evaluation has its copy of the opened bids: sealing's BidsOpened is delivered
     * after the opening's transaction commits, on another thread.
     */
    private void awaitOpening(UUID tenderId) {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!evaluations.opened(tenderId)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the evaluation never received the opening of " + tenderId);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private String usernameOf(UUID organisationId) {
        for (int i = 1; i <= 9; i++) {
            var account = accounts.findByUsername("bidder" + i);
            if (account.isPresent() && organisationId.equals(account.get().organisationId())) {
                return "bidder" + i;
            }
        }
        return organisationId.toString();
    }

    private CurrentUser user(String username) {
        return accounts.findByUsername(username).orElseThrow();
    }
}
