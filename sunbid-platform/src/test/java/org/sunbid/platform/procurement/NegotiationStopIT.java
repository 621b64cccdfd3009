package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;

import tools.jackson.databind.JsonNode;

/**
 * 竞争性谈判 stopped for too few suppliers (74号令 Art. 37; FINAL_OFFERS_MIN, 74号令 Art. 33) ends the lot. Set up the
 * real way ({@link ProcurementFlow}: a 竞争性谈判 lot created, three suppliers invited, published, responded with paid
 * deposits, opened), a lowest-price plan, the panel seated but its evaluation not yet started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegotiationStopIT extends PlatformIT {

    static final String LOWEST_PLAN = """
            {"qualification":[{"code":"Q1","text":"营业执照、资质证书有效"},{"code":"Q2","text":"响应文件满足实质性要求"}]}""";

    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;

    private String lot;
    private List<String> members;

    @BeforeAll
    void aNegotiationLotWithOpenedResponsesAndASeatedPanel() throws Exception {
        clock.set(START);
        ProcurementFlow flow = new ProcurementFlow(this, context);
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        lot = flow.lot("ZFCG_NEGOTIATION", "云州市第二中学计算机竞争性谈判采购（包1：学生计算机）", "1900000.00", "GOODS", deadline,
                "LOWEST_EVALUATED_PRICE", "19000.00");
        flow.invite(lot, "bidder1", "bidder2", "bidder3");
        ApiClient.Response published = flow.publish(lot);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        ApiClient.Response plan = flow.plan(lot, LOWEST_PLAN);
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        flow.respond(lot, "bidder1", "1880000.00", "bidder2", "1860000.00", "bidder3", "1870000.00");
        flow.closeAndOpen(lot, deadline, 3, 2);
        members = flow.panelSeated(lot);
    }

    @AfterAll
    void backToStart() {
        clock.set(START);
    }

    private long logCount(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry WHERE details::json->>'action' = :a AND details::json->>'subject' = :t")
                .param("a", action).param("t", lot).query(Long.class).single();
    }

    private long refunds() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM refund_instruction r JOIN bank_payment p ON p.id = r.payment_id
                JOIN deposit_account a ON a.id = p.deposit_account_id
                WHERE a.tender_id = CAST(:t AS UUID) AND r.reason = 'NOT_AWARDED'""").param("t", lot).query(Long.class).single();
    }

    /**
     * 74号令 Art. 37: the panel excludes a supplier and two remain (fewer than FINAL_OFFERS_MIN = 3): the negotiation stops;
     * the lot's evaluation fails with the article, nobody is awarded, every deposit goes back (one refund instruction
     * each), the failure is in the public log and the portal shows the lot as failed (流标). A later step changes nothing.
     */
    @Test
    void gpl74_art37_aStoppedNegotiationEndsTheLotAndRefundsTheDeposits() throws Exception {
        ApiClient api = new ApiClient(baseUrl());
        String panel = api.freshToken(members.get(0));
        String path = "/api/v1/tenders/" + lot + "/negotiation";
        ApiClient.Response begun = api.post(path, "", panel);
        assertThat(begun.status()).as(begun.body()).isEqualTo(200);
        assertThat(refunds()).isZero();
        String bidder3 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder3'").query(String.class).single();
        ApiClient.Response excluded = api.post(path + "/exclusions", ApiClient.json(Map.of("supplierId", bidder3,
                "reason", "未实质性响应谈判文件第三章技术要求")), panel);
        assertThat(excluded.status()).as(excluded.body()).isEqualTo(200);
        assertThat(excluded.json().path("status").asString()).isEqualTo("STOPPED");

        JsonNode ev = api.get("/api/v1/tenders/" + lot + "/evaluation", panel).json();
        assertThat(ev.path("stage").asString()).as(ev.toString()).isEqualTo("FAILED");
        assertThat(ev.path("failure").asString()).contains("财政部令第74号").contains("只有2家").contains("终止采购活动");
        assertThat(logCount("evaluation.failed")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM award_decision WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(Long.class).single()).isZero();
        assertThat(refunds()).isEqualTo(3);
        assertThat(logCount("payments.refund.due")).isEqualTo(3);
        assertThat(api.get("/tenders/" + lot, null).body()).contains("流标");

        String bidder2 = jdbc.sql("SELECT organisation_id FROM account WHERE username = 'bidder2'").query(String.class).single();
        assertThat(api.post(path + "/exclusions", ApiClient.json(Map.of("supplierId", bidder2, "reason", "再次排除")), panel)
                .status()).isNotEqualTo(200);
        assertThat(refunds()).isEqualTo(3);
        assertThat(logCount("evaluation.failed")).isEqualTo(1);
    }
}
