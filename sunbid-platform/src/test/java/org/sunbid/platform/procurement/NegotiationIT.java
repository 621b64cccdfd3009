package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;
import org.sunbid.platform.WebSession;
import org.sunbid.platform.sealing.OffersOpened;

import tools.jackson.databind.JsonNode;

/**
 * A consultation (竞争性磋商) for services through HTTP, after its responses were opened and its panel seated: three
 * suppliers responded, the panel excludes one (财库〔2015〕124号: a services consultation goes on with two), negotiates with
 * each of the other two alone, changes the documents (notified to both), and calls for final offers only once both
 * acknowledged or the response time passed (74号令 Art. 32; 214号 Art. 18).
 *
 * <p>The lot goes the real way ({@link ProcurementFlow}): created as 竞争性磋商, invited, published, its responses opened;
 * the final-offer call opens sealing's offer round, the two suppliers submit sealed final offers and the custodians
 * release the round's key, so sealing publishes {@code sealing.OffersOpened}. 询价's refusal of any round (74号令 Art.
 * 51) is in {@code InquiryEndToEndIT}, on an inquiry lot of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NegotiationIT extends PlatformIT {

    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    private ProcurementFlow flow;
    private String lot;
    private List<String> members;
    private String s1;
    private String s2;
    private String s3;

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    private String path() {
        return "/api/v1/tenders/" + lot + "/negotiation";
    }

    private String panel() {
        return api().freshToken(members.get(0));
    }

    private String orgOf(String username) {
        return flow.orgOf(username);
    }

    @BeforeAll
    void aConsultationWithOpenedResponsesAndASeatedPanel() throws Exception {
        clock.set(START);
        flow = new ProcurementFlow(this, context);
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        // a 竞争性磋商 lot by POST /api/v1/projects, invited, published, responded, opened and its panel seated: the real path
        lot = flow.lot("ZFCG_CONSULTATION", "采购包1：物业管理服务", "900000.00", "SERVICES", deadline, "COMPREHENSIVE");
        flow.invite(lot, "bidder1", "bidder2", "bidder3");
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        flow.respond(lot, "bidder1", "880000.00", "bidder2", "860000.00", "bidder3", "870000.00");
        flow.closeAndOpen(lot, deadline, 3, 2);
        members = flow.panelSeated(lot);
        assertThat(members).hasSize(5);
        s1 = orgOf("bidder1");
        s2 = orgOf("bidder2");
        s3 = orgOf("bidder3");
    }

    /** Rows of every negotiation table and the supplier-2 thread as the panel sees it: what an attack must leave alone. */
    private List<Object> snapshot() {
        List<Object> out = new ArrayList<>();
        for (String t : List.of("negotiation", "negotiation_round", "negotiation_message", "negotiation_change", "negotiation_notice",
                "negotiation_acknowledgement", "negotiation_exclusion")) {
            out.add(jdbc.sql("SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) FROM " + t + " x").query(String.class).single());
        }
        out.add(api().get(path() + "/threads/" + s2, panel()).body());
        return out;
    }

    /** The remaining suppliers' sealed final offers of {@code round}; the custodians release the round's key (sealing). */
    private void finalOffers(int round, String price1, String price2) throws Exception {
        assertThat(flow.offer(lot, round, "bidder1", price1).status()).isEqualTo(201);
        assertThat(flow.offer(lot, round, "bidder2", price2).status()).isEqualTo(201);
        flow.roundOpened(lot, round);
    }

    private long logCount(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    @Test
    @Order(1)
    void onlyTheSeatedPanelStartsWithEverySupplierWhoseResponseWasOpened() {
        ApiClient api = api();
        ApiClient.Response bySupplier = api.post(path(), "", api.freshToken("bidder1"));
        assertThat(bySupplier.status()).isEqualTo(403);
        assertThat(bySupplier.code()).isEqualTo("NOT_PANEL_MEMBER");
        ApiClient.Response started = api.post(path(), "", panel());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().path("status").asString()).isEqualTo("NEGOTIATING");
        assertThat(started.json().path("round").asInt()).isEqualTo(1);
        List<String> suppliers = new ArrayList<>();
        started.json().path("suppliers").forEach(s -> suppliers.add(s.path("id").asString()));
        assertThat(suppliers).containsExactlyInAnyOrder(s1, s2, s3);
        assertThat(logCount("procurement.negotiation.started")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void cz2015_124_servicesConsultationGoesOnWithTwoAfterAnExclusion() {
        ApiClient api = api();
        ApiClient.Response excluded = api.post(path() + "/exclusions", ApiClient.json(Map.of("supplierId", s3,
                "reason", "未实质性响应磋商文件第三章服务要求")), panel());
        assertThat(excluded.status()).as(excluded.body()).isEqualTo(200);
        assertThat(excluded.json().path("status").asString()).isEqualTo("NEGOTIATING");
        ApiClient.Response late = api.post(path() + "/thread/messages", ApiClient.json(Map.of("text", "我方补充说明")), api.freshToken("bidder3"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("SUPPLIER_NOT_IN_NEGOTIATION");
    }

    @Test
    @Order(3)
    void gpl74_art31_thePanelNegotiatesWithEachSupplierAlone() {
        ApiClient api = api();
        assertThat(api.post(path() + "/threads/" + s1 + "/messages", ApiClient.json(Map.of("text", "请说明贵司驻场人员配置（供应商一）")),
                panel()).status()).isEqualTo(200);
        assertThat(api.post(path() + "/threads/" + s2 + "/messages", ApiClient.json(Map.of("text", "请说明保洁频次的报价构成（供应商二）")),
                panel()).status()).isEqualTo(200);
        assertThat(api.post(path() + "/thread/messages", ApiClient.json(Map.of("text", "驻场 12 人，其中持证 4 人")),
                api.freshToken("bidder1")).status()).isEqualTo(200);
        assertThat(api.post(path() + "/thread/messages", ApiClient.json(Map.of("text", "每日两次，单价见附表")),
                api.freshToken("bidder2")).status()).isEqualTo(200);

        JsonNode own = api.get(path() + "/threads/" + s1, api.freshToken("bidder1")).json();
        assertThat(own.path("messages")).hasSize(2);
        assertThat(own.path("messages").get(0).path("side").asString()).isEqualTo("PANEL");
        assertThat(own.toString()).contains("供应商一").contains("驻场 12 人").doesNotContain("供应商二").doesNotContain("每日两次");
        JsonNode view = api.get(path(), api.freshToken("bidder1")).json();
        assertThat(view.path("viewer").asString()).isEqualTo("SUPPLIER");
        assertThat(view.path("suppliers")).hasSize(1);
        assertThat(view.toString()).doesNotContain(s2).doesNotContain("每日两次");
        JsonNode asPanel = api.get(path(), panel()).json();
        assertThat(asPanel.path("suppliers")).hasSize(3);
        // the log commits to each message by its SM3, never its text, before the result
        assertThat(logCount("procurement.negotiation.message.posted")).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE payload LIKE '%驻场%' OR details LIKE '%驻场%'").query(Long.class).single())
                .isZero();
    }

    @Test
    @Order(4)
    void attack_aSupplierCannotReadOrWriteAnotherSuppliersThread() {
        ApiClient api = api();
        List<Object> before = snapshot();
        String bidder1 = api.freshToken("bidder1");
        ApiClient.Response read = api.get(path() + "/threads/" + s2, bidder1);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("每日两次");
        ApiClient.Response write = api.post(path() + "/threads/" + s2 + "/messages", ApiClient.json(Map.of("text", "冒充小组")), bidder1);
        assertThat(write.status()).isEqualTo(403);
        // an account of another organisation that is no supplier here sees nothing either
        assertThat(api.get(path() + "/threads/" + s1, api.freshToken("bidder4")).status()).isEqualTo(404);
        assertThat(api.get(path(), api.freshToken("bidder4")).status()).isEqualTo(404);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void gpl74_art32_aChangeIsNotifiedToBothAndFinalOffersWaitForEveryAcknowledgement() throws Exception {
        ApiClient api = api();
        ApiClient.Response changed = api.post(path() + "/changes", ApiClient.json(Map.of("text", "服务要求变更：保洁频次改为每日三次")), panel());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode change = changed.json().path("changes").get(0);
        List<String> notified = new ArrayList<>();
        change.path("notices").forEach(n -> {
            notified.add(n.path("supplierId").asString());
            assertThat(n.path("deliveredAt").asString()).isNotEmpty();
        });
        assertThat(notified).containsExactlyInAnyOrder(s1, s2);
        String changeId = change.path("id").asString();
        JsonNode seenBy2 = api.get(path(), api.freshToken("bidder2")).json();
        assertThat(seenBy2.path("changes").get(0).path("text").asString()).contains("每日三次");
        assertThat(seenBy2.path("changes").get(0).path("notices")).hasSize(1);

        String deadline = clock.instant().plus(Duration.ofHours(2)).toString();
        // supplier 1 acknowledges with the button on its workbench page
        WebSession page1 = new WebSession(baseUrl());
        page1.login("bidder1");
        String ownPage = page1.get("/workbench/negotiations/" + lot).body();
        assertThat(ownPage).contains("ack-" + changeId).contains("每日三次");
        assertThat(page1.submit("/workbench/negotiations/" + lot, "/workbench/negotiations/" + lot + "/changes/" + changeId
                + "/acknowledgement", "").statusCode()).isEqualTo(302);
        assertThat(page1.get("/workbench/negotiations/" + lot).body()).doesNotContain("ack-" + changeId);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM negotiation_acknowledgement WHERE change_id = CAST(:c AS UUID)").param("c", changeId)
                .query(Long.class).single()).isEqualTo(1);
        List<Object> before = snapshot();
        ApiClient.Response early = api.post(path() + "/final-offers", ApiClient.json(Map.of("deadline", deadline)), panel());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("GPL74_ART32_CHANGE_RESPONSE_TIME");
        assertThat(snapshot()).isEqualTo(before);

        assertThat(api.post(path() + "/changes/" + changeId + "/acknowledgement", "", api.freshToken("bidder2")).status()).isEqualTo(200);
        ApiClient.Response called = api.post(path() + "/final-offers", ApiClient.json(Map.of("deadline", deadline)), panel());
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        assertThat(called.json().path("status").asString()).isEqualTo("AWAITING_OFFERS");
        assertThat(called.json().path("offerDeadline").asString()).isNotEmpty();
        assertThat(api.post(path() + "/thread/messages", ApiClient.json(Map.of("text", "再补充")), api.freshToken("bidder1")).code())
                .isEqualTo("NEGOTIATION_STATE");
        // the supplier's workbench shows the round's deadline counting down
        WebSession web = new WebSession(baseUrl());
        web.login("bidder1");
        String page = web.get("/workbench/negotiations/" + lot).body();
        assertThat(page).contains("data-countdown=\"" + deadline + "\"").contains("等待最后报价");
    }

    @Test
    @Order(6)
    void theRoundIsDoneWhenSealingOpensItsOffersThenTheNextRoundBegins() throws Exception {
        ApiClient api = api();
        assertThat(api.post(path() + "/rounds", "", panel()).code()).isEqualTo("NEGOTIATION_STATE");
        finalOffers(1, "850000.00", "845000.00");
        assertThat(api.get(path(), panel()).json().path("status").asString()).isEqualTo("ROUND_DONE");
        assertThat(logCount("procurement.negotiation.round.done")).isEqualTo(1);
        ApiClient.Response next = api.post(path() + "/rounds", "", panel());
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("round").asInt()).isEqualTo(2);
        assertThat(next.json().path("status").asString()).isEqualTo("NEGOTIATING");
    }

    @Test
    @Order(7)
    void gpl74_art32_withoutAcknowledgementTheCallWaitsForTheResponseTime() throws Exception {
        ApiClient api = api();
        ApiClient.Response changed = api.post(path() + "/changes", ApiClient.json(Map.of("text", "合同条款变更：付款方式改为按季度支付")), panel());
        assertThat(changed.status()).isEqualTo(200);
        Instant posted = clock.instant();
        clock.set(posted.plus(Duration.ofMinutes(30)).minusSeconds(1));
        String deadline = clock.instant().plus(Duration.ofHours(2)).toString();
        ApiClient.Response early = api.post(path() + "/final-offers", ApiClient.json(Map.of("deadline", deadline)), panel());
        assertThat(early.code()).isEqualTo("GPL74_ART32_CHANGE_RESPONSE_TIME");
        clock.set(posted.plus(Duration.ofMinutes(30)));
        ApiClient.Response called = api.post(path() + "/final-offers", ApiClient.json(Map.of("deadline", deadline)), panel());
        assertThat(called.status()).as(called.body()).isEqualTo(200);
        finalOffers(2, "830000.00", "835000.00");
        ApiClient.Response closed = api.post(path() + "/closure", "", panel());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("rounds")).hasSize(2);
    }

    @Test
    @Order(8)
    void workbenchPages_eachSupplierSeesItsOwnThreadAndThePanelSeesEach() throws Exception {
        WebSession supplier = new WebSession(baseUrl());
        supplier.login("bidder1");
        assertThat(supplier.get("/workbench/negotiations").body()).contains("/workbench/negotiations/" + lot);
        String own = supplier.get("/workbench/negotiations/" + lot).body();
        assertThat(own).contains("我方与小组的谈判记录").contains("驻场 12 人").contains("每日三次")
                .doesNotContain("每日两次").doesNotContain("供应商二");
        WebSession member = new WebSession(baseUrl());
        member.login(members.get(0));
        String panel = member.get("/workbench/negotiations/" + lot + "?supplier=" + s2).body();
        assertThat(panel).contains("每日两次").contains("谈判文件变更").contains("谈判结束").contains("已于 ");
        // the purchaser's agency follows where it stands, without the threads or the changes' text before the result
        JsonNode observed = api().get(path(), api().freshToken("agency")).json();
        assertThat(observed.path("viewer").asString()).isEqualTo("OBSERVER");
        assertThat(observed.path("changes")).isEmpty();
        assertThat(observed.toString()).doesNotContain("每日").doesNotContain("未实质性响应");
        WebSession stranger = new WebSession(baseUrl());
        stranger.login("bidder4");
        assertThat(stranger.get("/workbench/negotiations/" + lot).statusCode()).isEqualTo(404);
    }
}
