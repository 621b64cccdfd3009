package org.sunbid.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm2;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.sealing.OffersOpened;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * Drives a government-procurement lot of any method through the real HTTP API, step by step (issue 16, acceptance 1):
 * project by POST /api/v1/projects with the method, invitations through procurement's verifiable draw, publication,
 * sealed responses with the bidder tool, closing and opening by the custodians, the expert draw and sign-in, the
 * qualification review, negotiation rounds (procurement's {@code Negotiations}) whose final-offer call opens sealing's
 * offer round, sealed final offers, the custodians' release of the round's key (sealing publishes {@link OffersOpened}),
 * the close, the report, the award, the contract. Each step returns the response or fails with what the API said; the
 * tests assert the rules. Nothing here stands in for the platform: every step is a request a party makes.
 */
public final class ProcurementFlow {

    /** The qualification items of a lowest-price method (74号令 Art. 35/49). */
    public static final String LOWEST_PLAN = """
            {"qualification":[{"code":"Q1","text":"营业执照、资质证书有效"},{"code":"Q2","text":"响应文件满足实质性要求"},
                              {"code":"Q3","text":"报价未超过采购预算"}]}""";

    /** A 综合评分 plan: the qualification items, technical and commercial parts, price lowest ÷ offer × 40 (weight 0.40). */
    public static final String SCORING_PLAN = Fixtures.EVALUATION_PLAN.replaceAll("\"price\":\\{[^}]*\\}",
            "\"price\":{\"formula\":\"LOWEST_PRICE_FIRST\",\"weight\":\"0.40\"}");

    private final PlatformIT it;
    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final TestClock clock;
    private final NewExperts experts;
    private final Map<String, String> draws = new LinkedHashMap<>();
    private final Map<String, Instant> starts = new LinkedHashMap<>();
    private final Map<String, String> venues = new LinkedHashMap<>();
    private final Map<String, String> projects = new LinkedHashMap<>();

    private boolean pool;

    /** A flow for the IT {@code it}. */
    public ProcurementFlow(PlatformIT it, ApplicationContext context) {
        this.it = it;
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(TestClock.class);
        this.experts = new NewExperts(context, PlatformIT.DATA);
    }

    /** Before the first panel: a pool of ten A01 and ten A05 experts (of a new institute) for the flow's panels. */
    private void expertPool() {
        if (pool) {
            return;
        }
        pool = true;
        Organisation institute = experts.organisation("云州采购评审研究院" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 10; i++) {
            experts.expert("A01", institute.id());
            experts.expert("A05", institute.id());
        }
    }

    public ApiClient api() {
        return new ApiClient(it.baseUrl());
    }

    public NewExperts experts() {
        return experts;
    }

    /** The organisation id of a demo account. */
    public String orgOf(String username) {
        return jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", username).query(UUID.class).single()
                .toString();
    }

    /** The project of a lot made here. */
    public String projectOf(String lot) {
        return projects.get(lot);
    }

    /**
     * The demo agency registers a one-lot project of {@code procedure} for 云州市城市建设投资集团 (budget = the lot's
     * estimate, lowest-price evaluation, no deposit), exempted from the intention notice; the lot's id.
     */
    public String lot(String procedure, String name, String budget, String category, Instant deadline) {
        return lot(procedure, name, budget, category, deadline, "LOWEST_EVALUATED_PRICE");
    }

    /** As {@link #lot(String, String, String, String, Instant)} with the lot's evaluation method. */
    public String lot(String procedure, String name, String budget, String category, Instant deadline, String evaluationMethod) {
        return lot(procedure, name, budget, category, deadline, evaluationMethod, "0.00");
    }

    /** As {@link #lot(String, String, String, String, Instant, String)} with the deposit each supplier pays. */
    public String lot(String procedure, String name, String budget, String category, Instant deadline, String evaluationMethod,
            String deposit) {
        ApiClient api = api();
        String agency = api.freshToken("agency");
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Map<String, Object> lot = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name),
                Map.entry("category", "SERVICES".equals(category) ? "服务" : "货物"), Map.entry("estimatedPrice", budget),
                Map.entry("deposit", deposit), Map.entry("qualification", "具备相应供货或服务能力"),
                Map.entry("evaluationMethod", evaluationMethod), Map.entry("bidDeadline", deadline.toString()),
                Map.entry("openingVenue", "第三开标室"), Map.entry("bidValidityDays", 60),
                Map.entry("documentsAvailableUntil", deadline.toString()), Map.entry("notice", "采购邀请书正文：" + name));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", procedure,
                "name", name + "项目", "budget", budget, "category", category, "tendereeId", purchaser, "lots", List.of(lot))), agency);
        require(created, 201, "project");
        String project = created.json().path("id").asString();
        require(api.post("/api/v1/projects/" + project + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency), 200,
                "intention exemption");
        String id = created.json().path("lots").get(0).path("id").asString();
        projects.put(id, project);
        return id;
    }

    /** The agency sets the lot's evaluation plan (before the response deadline). */
    public ApiClient.Response plan(String lot, String plan) {
        return api().send("PUT", "/api/v1/tenders/" + lot + "/evaluation-plan", plan, api().freshToken("agency"), Map.of());
    }

    /** Invitations through procurement's verifiable draw (PlatformIT.invite): half recommended, the rest drawn. */
    public void invite(String lot, String... suppliers) {
        it.invite(lot, suppliers);
    }

    /**
     * 单一来源: the purchaser names its one supplier in writing (政府采购法 Art. 31/39; RECOMMENDED_MAX 100%), no draw: the
     * invitation request with that recommendation only, then its secret revealed as for any invitation; the reveal's
     * response.
     */
    public ApiClient.Response name(String lot, String supplier) {
        ApiClient api = api();
        String token = api.freshToken("agency");
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        ApiClient.Response requested = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(Map.of("supplierId", orgOf(supplier), "recommender", "采购人（单一来源：唯一供应商）")),
                "drawCount", 0, "poolSource", "PREQUALIFIED", "prequalified", List.of(), "witnesses", List.of("agency"),
                "secretHash", org.sunbid.crypto.Sm3.hex(secret))), token);
        if (requested.status() != 200) {
            return requested;
        }
        return api.post("/api/v1/tenders/" + lot + "/invitations/draw/reveal",
                ApiClient.json(Map.of("secret", java.util.HexFormat.of().formatHex(secret))), token);
    }

    /** The agency uploads the documents and publishes the lot (its notice or invitation); the response. */
    public ApiClient.Response publish(String lot) {
        return api().publish(lot, api().freshToken("agency"));
    }

    /** Each supplier registers and uploads its sealed response (the bidder tool) at {@code price}; fails if refused. */
    public void respond(String lot, String... supplierThenPrice) throws Exception {
        for (int i = 0; i < supplierThenPrice.length; i += 2) {
            if (!it.sealAndUpload(lot, supplierThenPrice[i], supplierThenPrice[i + 1])) {
                throw new IllegalStateException(supplierThenPrice[i] + "'s response refused");
            }
        }
    }

    /**
     * The agency asks for a panel of {@code a01} + {@code a05} experts (the supervisor commits), then the deadline passes:
     * the lot closes and the centre and the supervisor release their shares; the evaluation knows the opened responses.
     */
    public void closeAndOpen(String lot, Instant deadline, int a01, int a05) throws Exception {
        expertPool();
        ApiClient api = api();
        Instant start = deadline.plus(Duration.ofHours(3));
        String venue = "云州市公共资源交易中心评审室 " + UUID.randomUUID().toString().substring(0, 8);
        starts.put(lot, start);
        venues.put(lot, venue);
        draws.put(lot, experts.requestDraw(api, lot, start, venue, a01, a05));
        clock.set(deadline.plusSeconds(1));
        context.getBean(Tenders.class).closeDueTenders();
        it.releaseShare(lot, "centre");
        ApiClient.Response opened = it.releaseShare(lot, "supervisor");
        if (!"OPENED".equals(opened.json().path("status").asString())) {
            throw new IllegalStateException("not opened: " + opened);
        }
        Evaluations evaluations = context.getBean(Evaluations.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.opened(UUID.fromString(lot)));
    }

    /** The panel is drawn, accepts on its phones and signs in with its certificates; the members (the clock at the start). */
    public List<String> panelSeated(String lot) {
        List<String> members = experts.drawAndAccept(starts.get(lot), venues.get(lot));
        experts.signIn(api(), draws.get(lot), members);
        return members;
    }

    /** The panel is seated, the evaluation starts and the first member is elected leader; the members. */
    public List<String> evaluationStarted(String lot) {
        ApiClient api = api();
        List<String> members = panelSeated(lot);
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        require(api.post(path, "", api.freshToken(members.get(0))), 200, "evaluation start");
        for (int i = 1; i < members.size(); i++) {
            api.post(path + "/leader", ApiClient.json(Map.of("candidate", members.get(0))), api.freshToken(members.get(i)));
        }
        return members;
    }

    /** Every member reviews every response (item Q2 failed by all for {@code failing}); the view after the last review. */
    public JsonNode reviewed(String lot, List<String> members, List<String> failing) {
        ApiClient api = api();
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        List<String> bidders = new ArrayList<>();
        api.get(path, api.freshToken(members.get(0))).json().path("bids").forEach(b -> bidders.add(b.path("bidderId").asString()));
        JsonNode last = null;
        for (String m : members) {
            Map<String, Object> votes = new LinkedHashMap<>();
            for (String b : bidders) {
                boolean fail = failing.contains(b);
                votes.put(b, Map.of("Q1", Map.of("pass", true), "Q2", fail ? Map.of("pass", false, "reason", "响应文件未满足实质性要求")
                        : Map.of("pass", true), "Q3", Map.of("pass", true)));
            }
            last = require(api.post(path + "/reviews", ApiClient.json(Map.of("votes", votes)), api.freshToken(m)), 200, "review").json();
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------ negotiation

    public String negotiation(String lot) {
        return "/api/v1/tenders/" + lot + "/negotiation";
    }

    /** A panel member's request on the lot's negotiation ({@code suffix} after /negotiation); the response. */
    public ApiClient.Response asPanel(String lot, String member, String suffix, Object body) {
        return api().post(negotiation(lot) + suffix, body == null ? "" : ApiClient.json(body), api().freshToken(member));
    }

    /** The panel calls the round's sealed final offers by {@code deadline} (sealing opens the offer round). */
    public ApiClient.Response callFinalOffers(String lot, String member, Instant deadline) {
        return asPanel(lot, member, "/final-offers", Map.of("deadline", deadline.toString()));
    }

    /** A supplier acknowledges a change of the documents. */
    public ApiClient.Response acknowledge(String lot, String supplier, String changeId) {
        return api().post(negotiation(lot) + "/changes/" + changeId + "/acknowledgement", "", api().freshToken(supplier));
    }

    /** A supplier submits its sealed final offer of round {@code round}. */
    public ApiClient.Response offer(String lot, int round, String supplier, String price) {
        return api().post("/api/v1/tenders/" + lot + "/offer-rounds/" + round + "/offers",
                ApiClient.json(Map.of("priceSheet", "{\"totalPrice\":\"" + price + "\",\"deliveryDays\":30}")), api().freshToken(supplier));
    }

    /** A custodian's tool: fetches its share of the round's key, decrypts it with its key and releases it. */
    public ApiClient.Response releaseRoundShare(String lot, int round, String custodian) throws Exception {
        ApiClient api = api();
        String token = api.freshToken(custodian);
        String base = "/api/v1/tenders/" + lot + "/offer-rounds/" + round;
        String encrypted = api.get(base + "/key/my-share", token).json().path("encryptedShare").asString();
        String share = new String(Sm2.decrypt(it.demoKeyOf(custodian), Base64.getDecoder().decode(encrypted)), StandardCharsets.UTF_8);
        return api.post(base + "/shares", ApiClient.json(Map.of("share", share)), token);
    }

    /**
     * The centre and the supervisor release their shares of round {@code round}'s key: sealing opens the offers, signs the
     * record and publishes {@link OffersOpened}; waits until the negotiation and the evaluation have taken it.
     */
    public JsonNode roundOpened(String lot, int round) throws Exception {
        releaseRoundShare(lot, round, "centre");
        ApiClient.Response done = releaseRoundShare(lot, round, "supervisor");
        if (!"OPENED".equals(done.json().path("status").asString())) {
            throw new IllegalStateException("round " + round + " not opened: " + done);
        }
        it.awaitEventsCompleted(OffersOpened.class);
        return done.json();
    }

    // ------------------------------------------------------------------------------------------------ result

    /** The leader closes the evaluation's negotiation step (the last round's offers are the prices). */
    public JsonNode evaluationNegotiationClosed(String lot, String leader) {
        return require(api().post("/api/v1/tenders/" + lot + "/evaluation/negotiation/close", "", api().freshToken(leader)), 200,
                "close").json();
    }

    /** The leader generates the report and every member signs it with their certificate; the view after. */
    public JsonNode reportSigned(String lot, List<String> members) {
        ApiClient api = api();
        String path = "/api/v1/tenders/" + lot + "/evaluation";
        JsonNode reported = require(api.post(path + "/report", "", api.freshToken(members.get(0))), 200, "report").json();
        String challenge = reported.path("reportChallenge").asString();
        for (String m : members) {
            require(api.post(path + "/report/signatures", ApiClient.json(Map.of("signature", Base64.getEncoder()
                    .encodeToString(Sm2.sign(experts.keyOf(m), challenge.getBytes(StandardCharsets.UTF_8))))), api.freshToken(m)), 200,
                    "signature");
        }
        return api.get(path, api.freshToken(members.get(0))).json();
    }

    /** The purchaser's agency decides the award to {@code supplier} (the result notice follows); the view. */
    public ApiClient.Response award(String lot, String supplier) {
        return api().post("/api/v1/tenders/" + lot + "/award", ApiClient.json(Map.of("bidderId", orgOf(supplier))),
                api().freshToken("agency"));
    }

    /** The contract is signed, then published; the view after the publication. */
    public JsonNode contracted(String lot) {
        ApiClient api = api();
        JsonNode signed = require(api.post("/api/v1/tenders/" + lot + "/contract", "{}", api.freshToken("agency")), 200, "contract")
                .json();
        if (!"CONTRACTED".equals(signed.path("stage").asString())) {
            throw new IllegalStateException("not contracted: " + signed);
        }
        require(api.post("/api/v1/tenders/" + lot + "/contract/publication", "", api.freshToken("agency")), 200, "contract publication");
        return api.get("/api/v1/tenders/" + lot + "/award", null).json();
    }

    /** The ranked bidders and prices of an evaluation view, in rank order. */
    public static Map<String, String> rankedPrices(JsonNode view) {
        Map<String, String> out = new LinkedHashMap<>();
        view.path("ranking").path("ranked").forEach(r -> out.put(r.path("bidderId").asString(), r.path("price").asString()));
        return out;
    }

    /** The count of log entries with {@code action} about {@code lot}. */
    public long logCount(String lot, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    /** The evaluation's stage of a lot. */
    public String stage(String lot) {
        return jdbc.sql("SELECT stage FROM evaluation WHERE tender_id = CAST(:t AS UUID)").param("t", lot).query(String.class).single();
    }

    /**
     * What a refused request must leave unchanged on a lot: its negotiation rows, offer rounds and envelopes, invitations,
     * publication, evaluation, award and the whole log.
     */
    public List<Object> snapshot(String lot) {
        List<Object> out = new ArrayList<>();
        for (String t : List.of("negotiation", "negotiation_round", "negotiation_change", "negotiation_notice",
                "negotiation_acknowledgement", "offer_round", "offer_envelope", "offer_round_share_release", "offer_round_opening",
                "tender_invitation", "invitation_draw")) {
            out.add(jdbc.sql("SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) FROM " + t + " x")
                    .query(String.class).single());
        }
        out.add(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot).query(String.class).optional());
        out.add(jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single());
        return out;
    }

    private static ApiClient.Response require(ApiClient.Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
        return r;
    }
}
