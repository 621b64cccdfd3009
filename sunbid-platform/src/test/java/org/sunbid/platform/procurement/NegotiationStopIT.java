package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.NewExperts;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * 竞争性谈判 stopped for too few suppliers (74号令 Art. 37; FINAL_OFFERS_MIN, 74号令 Art. 33) ends the lot. Set up as
 * {@link NegotiationIT} does (the lot runs as a ZFCG open tender to its opening and seated panel, then its project is
 * switched to 竞争性谈判 — the same stand-in, to be replaced when that test goes the invitation's way): three suppliers
 * with paid deposits, a lowest-price plan, the panel seated but its evaluation not yet started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegotiationStopIT extends PlatformIT {

    static final String LOWEST_PLAN = """
            {"qualification":[{"code":"Q1","text":"营业执照、资质证书有效"},{"code":"Q2","text":"响应文件满足实质性要求"}]}""";

    @Autowired JdbcClient jdbc;
    @Autowired Tenders tenders;
    @Autowired Evaluations evaluations;
    @Autowired org.springframework.context.ApplicationContext context;

    private String lot;
    private String project;
    private List<String> members;

    @BeforeAll
    void aNegotiationLotWithOpenedResponsesAndASeatedPanel() throws Exception {
        clock.set(START);
        ApiClient api = new ApiClient(baseUrl());
        String agency = api.freshToken("agency");
        String purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        Instant deadline = clock.instant().plus(Duration.ofDays(21));
        Map<String, Object> lotInput = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", "包1：学生计算机"),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", "1900000.00"), Map.entry("deposit", "19000.00"),
                Map.entry("qualification", "具备相应供货能力"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", deadline.toString()), Map.entry("openingVenue", "第二开标室"), Map.entry("bidValidityDays", 90),
                Map.entry("documentsAvailableUntil", Instant.parse("2026-11-30T09:00:00Z").toString()), Map.entry("notice", "谈判公告正文"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_OPEN_TENDER",
                "name", "云州市第二中学计算机竞争性谈判采购", "budget", "1900000.00", "category", "GOODS", "itemCode", "A02010000",
                "tendereeId", purchaser, "lots", List.of(lotInput))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        project = created.json().path("id").asString();
        api.post("/api/v1/projects/" + project + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency);
        lot = created.json().path("lots").get(0).path("id").asString();
        assertThat(api.publish(lot, agency).status()).isEqualTo(200);
        ApiClient.Response plan = api.send("PUT", "/api/v1/tenders/" + lot + "/evaluation-plan", LOWEST_PLAN, agency, Map.of());
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        NewExperts experts = new NewExperts(context, DATA);
        Organisation institute = experts.organisation("云州谈判评审研究院" + UUID.randomUUID().toString().substring(0, 6));
        for (int i = 0; i < 5; i++) {
            experts.expert("A01", institute.id());
            experts.expert("A05", institute.id());
        }
        clock.advance(Duration.ofDays(1));
        for (String[] b : new String[][] {{"bidder1", "1880000.00"}, {"bidder2", "1860000.00"}, {"bidder3", "1870000.00"}}) {
            assertThat(sealAndUpload(lot, b[0], b[1])).as(b[0]).isTrue();
        }
        Instant start = deadline.plus(Duration.ofHours(3));
        String venue = "云州市公共资源交易中心谈判室 " + UUID.randomUUID().toString().substring(0, 8);
        String draw = experts.requestDraw(api, lot, start, venue, 3, 2);
        clock.set(deadline.plusSeconds(1));
        tenders.closeDueTenders();
        releaseShare(lot, "centre");
        assertThat(releaseShare(lot, "supervisor").json().path("status").asString()).isEqualTo("OPENED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.opened(UUID.fromString(lot)));
        members = experts.drawAndAccept(start, venue);
        experts.signIn(api, draw, members);
        try (var c = databaseAdministrator(); var st = c.prepareStatement("UPDATE deal_project SET procedure_code = ? WHERE id = ?")) {
            st.setString(1, "ZFCG_NEGOTIATION");
            st.setObject(2, UUID.fromString(project));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
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
