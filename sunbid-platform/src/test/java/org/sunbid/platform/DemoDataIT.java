package org.sunbid.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.kernel.SunbidProperties;

/** The demo data set that a newcomer clicks through: what the foundation issue promises is there. */
class DemoDataIT extends PlatformIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SunbidProperties properties;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Issue 22: the demo's framework agreement is in force with its shortlist and a published order by each method. */
    @Test
    void theFrameworkAgreementHasItsShortlistAndAPublishedOrderByEachMethod() {
        String agreement = "(SELECT id FROM framework_agreement WHERE name = '云州市2026—2027年度台式计算机及打印机框架协议采购')";
        assertThat(count("SELECT count(*) FROM framework_agreement WHERE status = 'IN_FORCE' AND id = " + agreement)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM framework_response WHERE status = 'SHORTLISTED' AND agreement_id = " + agreement)).isEqualTo(4);
        // session 12: its responses were sealed to the agreement's response round and opened by the custodians
        assertThat(count("SELECT count(*) FROM framework_agreement WHERE response_round IS NOT NULL"
                + " AND responses_opened_at IS NOT NULL AND response_record_sm3 IS NOT NULL AND id = " + agreement)).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT method) FROM framework_order WHERE status = 'PUBLISHED' AND agreement_id = " + agreement))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM framework_order WHERE status = 'CONCLUDED' AND agreement_id = " + agreement)).isEqualTo(1);
        assertThat(count("SELECT count(DISTINCT type) FROM framework_notice WHERE agreement_id = " + agreement)).isEqualTo(4);
        // session 11: its two named buyers (适用范围), and the summary of each month of its term already over, the first
        // (the month the term began) with the four orders made in it
        assertThat(count("SELECT count(*) FROM framework_buyer b JOIN organisation o ON o.id = b.organisation_id"
                + " WHERE o.name IN ('云州市城市建设投资集团有限公司', '青山县水利局') AND b.agreement_id = " + agreement)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM framework_buyer WHERE agreement_id = " + agreement)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM framework_summary WHERE period = 'MONTH' AND agreement_id = " + agreement))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT orders FROM framework_summary WHERE agreement_id = " + agreement + " ORDER BY period_start LIMIT 1"))
                .isEqualTo(4);
        // session 12: the secondary competition was decided by an opened competition round (its signed record's SM3 kept
        // on the order), and one competition is still running with two offers sealed in its round
        assertThat(count("SELECT count(*) FROM framework_order o JOIN framework_agreement a ON a.id = o.agreement_id"
                + " JOIN offer_round_opening r ON r.lot_id = a.lot_id AND r.round = o.offer_round"
                + " WHERE o.method = 'COMPETITION' AND o.status = 'PUBLISHED' AND o.offer_record_sm3 IS NOT NULL AND a.id = " + agreement))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM framework_order o JOIN framework_agreement a ON a.id = o.agreement_id"
                + " JOIN offer_envelope e ON e.lot_id = a.lot_id AND e.round = o.offer_round"
                + " WHERE o.status = 'COMPETING' AND a.id = " + agreement)).isEqualTo(2);
    }

    @Test
    void aCityWithThreeCountiesAndTheirTownships() {
        assertThat(count("SELECT count(*) FROM region WHERE level = 'CITY'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM region WHERE level = 'COUNTY' AND parent_code = '990100'")).isEqualTo(3);
        assertThat(count("""
                SELECT count(DISTINCT c.code) FROM region c JOIN region t ON t.parent_code = c.code
                WHERE c.level = 'COUNTY' AND t.level = 'TOWNSHIP'""")).isEqualTo(3);
    }

    @Test
    void theOrganisationsAndAccountsOfEveryRole() {
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'TRADING_CENTRE' AND region_code = '990100'")).isEqualTo(1);
        // the city investment group, the county water bureau and (issue 19) the owner of the cartel's three tenders
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'TENDEREE'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'AGENCY'")).isEqualTo(1);
        // bidder1 … bidder8, (issue 19) the cartel's three companies, bidder9 … bidder11, and (issue 22) the framework
        // agreement's six IT suppliers, vendor1 … vendor6
        assertThat(count("SELECT count(*) FROM organisation WHERE kind = 'BIDDER' AND name NOT LIKE '%测试%'")).isEqualTo(17);
        // Reg. 26: every demo bidder has its basic account registered, so its cash deposits settle.
        assertThat(count("""
                SELECT count(*) FROM organisation o WHERE o.kind = 'BIDDER' AND o.name NOT LIKE '%测试%' AND NOT EXISTS
                (SELECT 1 FROM basic_account b WHERE b.organisation_id = o.id AND b.valid_until IS NULL)""")).isZero();
        for (String role : new String[] {"ADMINISTRATOR", "CENTRE_STAFF", "TENDEREE", "AGENCY", "BIDDER", "EXPERT", "SUPERVISOR"}) {
            assertThat(count("SELECT count(*) FROM account WHERE role = '" + role + "'")).as(role).isPositive();
        }
    }

    @Test
    void thirtyExpertsOverSeveralSpecialtiesEachWithACertificate() {
        assertThat(count("SELECT count(*) FROM expert WHERE status = 'ACTIVE'")).isEqualTo(34);
        assertThat(count("SELECT count(DISTINCT specialty_code) FROM expert_specialty")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM expert x WHERE NOT EXISTS
                (SELECT 1 FROM certificate c WHERE c.account_id = x.account_id)""")).isZero();
    }

    @Test
    void everyOrganisationHasACertificateAndItsKeyIsOnDiskNotInTheDatabase() {
        assertThat(count("""
                SELECT count(*) FROM organisation o WHERE o.name NOT LIKE '%测试%' AND NOT EXISTS
                (SELECT 1 FROM certificate c WHERE c.organisation_id = o.id)""")).isZero();
        String code = jdbc.sql("SELECT credit_code FROM organisation WHERE name = '云州第一建筑工程有限公司'").query(String.class).single();
        Path demoKeys = properties.dataDir().resolve("demo-keys");
        assertThat(Files.exists(demoKeys.resolve(code + ".key.pem"))).isTrue();
        assertThat(Files.exists(demoKeys.resolve("expert01.key.pem"))).isTrue();
    }

    /** The demo's history: one tender that has run its whole course, so the opening can be looked at. */
    @Test
    void oneDemoTenderHasBeenBidOnClosedAndOpened() {
        String status = jdbc.sql("""
                SELECT o.status FROM bid_opening o JOIN tender t ON t.id = o.tender_id WHERE t.project_code = 'YZ-2026-GC-0090'""")
                .query(String.class).single();
        assertThat(status).isEqualTo("OPENED");
        String record = jdbc.sql("""
                SELECT o.record FROM bid_opening o JOIN tender t ON t.id = o.tender_id WHERE t.project_code = 'YZ-2026-GC-0090'""")
                .query(String.class).single();
        assertThat(record).contains("11960000.00").contains("12510000.00").doesNotContain("REJECTED");
        assertThat(count("""
                SELECT count(*) FROM opening_response r JOIN tender t ON t.id = r.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND r.answer IS NOT NULL""")).isEqualTo(1);
        // and today's tenders are open, the school's with a sealed bid already in
        assertThat(count("""
                SELECT count(*) FROM bid_envelope b JOIN tender t ON t.id = b.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0101' AND b.status = 'VALID'""")).isEqualTo(1);
    }

    /** The history tender's committee was drawn, answered, signed in and published: anyone can verify it. */
    @Test
    void theHistoryTendersDrawIsPublishedAndVerifies() {
        String drawId = jdbc.sql("""
                SELECT d.id FROM expert_draw d JOIN tender t ON t.id = d.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND d.status = 'PUBLISHED'""").query(String.class).single();
        assertThat(count("SELECT count(*) FROM expert_draw_contact WHERE draw_id = CAST('" + drawId + "' AS UUID) AND outcome = 'ACCEPTED'"))
                .isEqualTo(7);
        assertThat(count("SELECT count(*) FROM expert_draw_contact WHERE draw_id = CAST('" + drawId + "' AS UUID) AND outcome <> 'ACCEPTED'"))
                .isEqualTo(2);
        var verdict = org.sunbid.verifier.Verifier.run("verify-draw", "http://localhost:" + port, drawId);
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        // and today's school tender has a committee requested, awaiting the supervisor
        assertThat(count("""
                SELECT count(*) FROM expert_draw d JOIN tender t ON t.id = d.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0101' AND d.status = 'REQUESTED'""")).isEqualTo(1);
    }

    /**
     * The history tender went on to be evaluated, publicised, awarded and contracted: the report verifies, the award
     * notice is public, every deposit came back with interest and the supervisor has the far-off score on record.
     */
    @Test
    void theHistoryTenderIsEvaluatedAwardedAndItsDepositsRefunded() {
        String tenderId = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode award = api.get("/api/v1/tenders/" + tenderId + "/award", null).json();
        assertThat(award.path("stage").asString()).isEqualTo("CONTRACTED");
        assertThat(award.path("objections")).hasSize(1);
        assertThat(award.path("objections").get(0).path("answer").asString()).contains("异议不成立");
        assertThat(award.path("winner").path("bidder").asString()).isEqualTo(award.path("candidates").get(0).path("bidder").asString());
        assertThat(award.path("winner").path("noticeSignature").asString()).isNotBlank();
        var report = org.sunbid.verifier.Verifier.run("verify-report", baseUrl(), tenderId);
        assertThat(report.ok()).as(report.line()).isTrue();
        tools.jackson.databind.JsonNode refunds = api.get("/api/v1/tenders/" + tenderId + "/award/refunds", api.freshToken("centre")).json();
        assertThat(refunds).hasSize(4);
        refunds.forEach(r -> {
            assertThat(r.path("refund").path("status").asString()).isEqualTo("COMPLETED");
            assertThat(r.path("refund").path("overdue").asBoolean()).isFalse();
        });
        assertThat(count("""
                SELECT count(*) FROM log_entry WHERE details::json->>'action' = 'evaluation.extreme-score'
                AND details::json->>'subject' = '""" + tenderId + "'")).isEqualTo(1);
    }

    /** A newcomer clicks through the evaluated tender: a member's workspace, the owner's award page, the public notice. */
    @Test
    void theEvaluatedTendersPagesShowTheResult() throws Exception {
        String tenderId = jdbc.sql("SELECT id FROM tender WHERE project_code = 'YZ-2026-GC-0090'").query(String.class).single();
        String member = jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = CAST(:t AS UUID) ORDER BY position LIMIT 1")
                .param("t", tenderId).query(String.class).single();
        String workspace = page(member, "/workbench/evaluations/" + tenderId);
        assertThat(workspace).contains("投标文件对比").contains("第 1 中标候选人").contains("偏离较大的评分及理由")
                .contains("report-link").doesNotContain("??");
        assertThat(page(member, "/workbench/evaluations")).contains("YZ-2026-GC-0090").contains("合同已签订");
        String award = page("tenderee", "/workbench/awards/" + tenderId);
        assertThat(award).contains("中标通知书").contains("异议不成立").contains("投标保证金退还").contains("已退回").doesNotContain("??");
        assertThat(page("bidder3", "/workbench/awards/" + tenderId)).contains("我方提出").doesNotContain("refunds-table");
        assertThat(page("tenderee", "/workbench/tenders/" + tenderId)).contains("award-page-link");
        assertThat(page("supervisor", "/workbench/tenders/" + tenderId)).contains("evaluation-link");
        assertThat(page("supervisor", "/workbench/evaluations/" + tenderId)).contains("ranking-table").doesNotContain("file-link");
        // the supervisor's home raises the far-off score with its reason; a bidder has no such list
        assertThat(page("supervisor", "/workbench")).contains("flags-table").contains("极端评分").contains("深基坑");
        assertThat(page("bidder1", "/workbench")).doesNotContain("id=\"flags\"");
        // Reg. 26: a third party's payment of bidder4's deposit went back to the payer and was flagged at closing; bidder4
        // then paid from its basic account, which its own workbench shows with the form to change it.
        assertThat(page("supervisor", "/workbench")).contains("保证金非基本账户转出").contains("松源市政工程有限公司");
        assertThat(count("""
                SELECT count(*) FROM bank_payment p JOIN deposit_account a ON a.id = p.deposit_account_id JOIN tender t ON t.id = a.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND p.outcome = 'NOT_BASIC_ACCOUNT'""")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM deposit_account a JOIN tender t ON t.id = a.tender_id
                WHERE t.project_code = 'YZ-2026-GC-0090' AND a.status = 'PAID'""")).isEqualTo(4);
        assertThat(page("bidder4", "/workbench")).contains("id=\"basic-account\"").contains("basic-account-submit")
                .contains(jdbc.sql("""
                        SELECT b.account_number FROM basic_account b JOIN account a ON a.organisation_id = b.organisation_id
                        WHERE a.username = 'bidder4' AND b.valid_until IS NULL""").query(String.class).single());
        // and the public: the result on the home page and the tender's page, with the report to verify
        assertThat(page(null, "/")).contains("id=\"result-list\"").contains("云州市体育中心游泳馆改造工程");
        assertThat(page(null, "/tenders/" + tenderId)).contains("中标结果公告").contains("public-winner").contains("verify-report")
                .contains("异议不成立");
    }

    /**
     * 财政部令第87号: the demo's government procurement open tender is one ZFCG project of two lots (采购包), each lot a
     * tender that ran the common path to its award, with the result public on the lot's own page.
     */
    @Test
    void gpl87_theProcurementOpenTendersTwoLotsReachedTheirResult() throws Exception {
        var project = jdbc.sql("SELECT id, deal_code FROM deal_project WHERE procedure_code = 'ZFCG_OPEN_TENDER'")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(project[1]).startsWith("ZFCG-");
        java.util.List<String> lots = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM deal_lot WHERE project_id = CAST(:p AS UUID) ORDER BY lot_no")
                .param("p", project[0]).query(String.class).list();
        assertThat(lots).hasSize(2);
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode listed = api.get("/api/v1/projects/" + project[0], api.freshToken("centre")).json();
        assertThat(listed.path("kind").asString()).isEqualTo("ZFCG");
        assertThat(listed.path("lots")).hasSize(2);
        // 财库〔2020〕10号: the intention was published at least 30 days before each lot's notice
        java.time.Instant intention = java.time.Instant.parse(api.get("/api/v1/public/projects/" + project[0], null).json()
                .path("intention").path("publishedAt").asString());
        for (String lot : lots) {
            java.time.Instant notice = jdbc.sql("SELECT published_at FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot)
                    .query(java.sql.Timestamp.class).single().toInstant();
            assertThat(java.time.Duration.between(intention, notice)).as(lot).isGreaterThanOrEqualTo(java.time.Duration.ofDays(30));
        }
        for (String lot : lots) {
            tools.jackson.databind.JsonNode award = api.get("/api/v1/tenders/" + lot + "/award", null).json();
            assertThat(award.path("winner").path("bidder").asString()).as(lot).isNotBlank();
            assertThat(award.path("winner").path("noticeSignature").asString()).as(lot).isNotBlank();
            assertThat(award.path("winner").path("contractSignedAt").isMissingNode()
                    || award.path("winner").path("contractSignedAt").isNull()).as(lot).isFalse();
            // 政府采购法实施条例 Art. 50: the contract published within 2 working days of signing, not flagged
            assertThat(award.path("winner").path("contractPublishedAt").asString("")).as(lot).isNotBlank();
            assertThat(award.path("winner").path("contractPublicationOverdue").asBoolean(true)).as(lot).isFalse();
            // supervision keeps the award from evaluation's typed LotAwarded, after the award's commit (the split-purchase
            // check counts the lot at its awarded price)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql(
                    "SELECT count(*) FROM supervision_platform_award WHERE tender_id = CAST(:t AS UUID) AND price > 0")
                    .param("t", lot).query(Long.class).single()).as(lot).isEqualTo(1L));
            String name = jdbc.sql("SELECT name FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot).query(String.class).single();
            assertThat(page(null, "/tenders/" + lot)).contains(name).contains("public-winner").doesNotContain("??");
            tools.jackson.databind.JsonNode refunds = api.get("/api/v1/tenders/" + lot + "/award/refunds", api.freshToken("centre")).json();
            assertThat(refunds.size()).as(lot).isGreaterThanOrEqualTo(3);
            refunds.forEach(r -> assertThat(r.path("refund").path("status").asString()).as(lot).isEqualTo("COMPLETED"));
        }
        // bidder5 bid on both lots; every deposit of both lots came back
        assertThat(count("""
                SELECT count(DISTINCT a.tender_id) FROM deposit_account a JOIN deal_lot l ON l.id = a.tender_id
                JOIN organisation o ON o.id = a.bidder_id
                WHERE l.project_id = CAST('""" + project[0] + "' AS UUID) AND o.name = '示范省建工集团有限公司'")).isEqualTo(2);
    }

    /** The lot of the demo's deal {@code code} (QS-2026-ZFCG-002x-1) and its project's procedure. */
    private String[] demoLot(String code) {
        return jdbc.sql("""
                SELECT CAST(t.id AS VARCHAR), p.procedure_code FROM tender t JOIN deal_lot l ON l.id = t.id
                JOIN deal_project p ON p.id = l.project_id WHERE t.project_code = :c""").param("c", code)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    private long countFor(String sql, String lot) {
        return jdbc.sql(sql).param("l", lot).query(Long.class).single();
    }

    /**
     * The award as the public sees it: the result published with its winner, the contract signed and published within
     * its 2 working days (政府采购法实施条例 Art. 50), and the lot's public page showing the winner.
     */
    private tools.jackson.databind.JsonNode contracted(String lot) throws Exception {
        tools.jackson.databind.JsonNode award = new ApiClient(baseUrl()).get("/api/v1/tenders/" + lot + "/award", null).json();
        assertThat(award.path("stage").asString()).as(award.toString()).isEqualTo("CONTRACTED");
        assertThat(award.path("winner").path("noticeSignature").asString()).as(lot).isNotBlank();
        assertThat(award.path("winner").path("contractPublishedAt").asString("")).as(lot).isNotBlank();
        assertThat(award.path("winner").path("contractPublicationOverdue").asBoolean(true)).as(lot).isFalse();
        assertThat(page(null, "/tenders/" + lot)).contains("public-winner").doesNotContain("??");
        return award;
    }

    /**
     * 竞争性谈判 (财政部令第74号): 3 invited — 1 recommended by the purchaser, 2 drawn (Art. 12) —, their responses sealed
     * and opened, a panel of 3 (Art. 7), a change of the documents in round 1 delivered to and acknowledged by all three
     * (Art. 32), two rounds of sealed final offers opened by the custodians (Art. 33), the lowest final offer of round 2
     * won (Art. 35), result and contract published.
     */
    @Test
    void gpl74_art33_theDemoNegotiationRanTwoRoundsToItsContract() throws Exception {
        String[] lot = demoLot("QS-2026-ZFCG-0021-1");
        assertThat(lot[1]).isEqualTo("ZFCG_NEGOTIATION");
        assertThat(countFor("SELECT count(*) FROM invitation_draw WHERE tender_id = CAST(:l AS UUID) AND status = 'DRAWN'", lot[0]))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT recommended_json || ' ' || drawn_json FROM invitation_draw WHERE tender_id = CAST(:l AS UUID)")
                .param("l", lot[0]).query(String.class).single()).matches("\\[\\{[^\\]]*\\}\\] \\[\"[^\"]+\",\"[^\"]+\"\\]");
        assertThat(countFor("SELECT count(*) FROM bid_opening WHERE tender_id = CAST(:l AS UUID) AND status = 'OPENED'", lot[0])).isEqualTo(1);
        assertThat(countFor("SELECT count(*) FROM evaluation_member WHERE tender_id = CAST(:l AS UUID)", lot[0])).isEqualTo(3);
        assertThat(countFor("SELECT count(*) FROM negotiation_change WHERE lot_id = CAST(:l AS UUID)", lot[0])).isEqualTo(1);
        assertThat(countFor("""
                SELECT count(*) FROM negotiation_acknowledgement a JOIN negotiation_change c ON c.id = a.change_id
                WHERE c.lot_id = CAST(:l AS UUID)""", lot[0])).isEqualTo(3);
        assertThat(countFor("SELECT count(*) FROM offer_round_opening WHERE lot_id = CAST(:l AS UUID)", lot[0])).isEqualTo(2);
        tools.jackson.databind.JsonNode award = contracted(lot[0]);
        assertThat(award.path("winner").path("price").asString()).isEqualTo("1198000.00");
    }

    /** 竞争性磋商 (财库〔2014〕214号): one round of sealed final offers, then 综合评分 on them (Art. 24), to the contract. */
    @Test
    void cgk2014_214_art24_theDemoConsultationWasScoredOnFinalOffersAndContracted() throws Exception {
        String[] lot = demoLot("QS-2026-ZFCG-0022-1");
        assertThat(lot[1]).isEqualTo("ZFCG_CONSULTATION");
        assertThat(countFor("SELECT count(*) FROM offer_round_opening WHERE lot_id = CAST(:l AS UUID)", lot[0])).isEqualTo(1);
        tools.jackson.databind.JsonNode award = contracted(lot[0]);
        assertThat(award.path("winner").path("price").asString()).isIn("1768000.00", "1752000.00", "1790000.00");
        // each final offer's price score computed by the rule (lowest ÷ offer × weight), the lowest offer scoring full
        String member = jdbc.sql("SELECT username FROM evaluation_member WHERE tender_id = CAST(:t AS UUID) ORDER BY position LIMIT 1")
                .param("t", lot[0]).query(String.class).single();
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode evaluation = api.get("/api/v1/tenders/" + lot[0] + "/evaluation", api.freshToken(member)).json();
        java.util.List<String> scores = new java.util.ArrayList<>();
        evaluation.path("priceScores").forEach(p -> scores.add(p.path("score").asString()));
        assertThat(scores).as(evaluation.toString()).hasSize(3).contains("40.00");
    }

    /**
     * 询价 (74号令 Art. 45–49): one sealed quotation each, no round, the lowest won; the second-ranked supplier's 质疑 of
     * the result (政府采购法 Art. 52) was answered, its 投诉 (Art. 55; 财政部令第94号) accepted, replied to, decided
     * unfounded and published on the portal; the contract followed.
     */
    @Test
    void gpl_art52_art55_theDemoInquiryWasChallengedComplainedAboutDecidedAndContracted() throws Exception {
        String[] lot = demoLot("QS-2026-ZFCG-0023-1");
        assertThat(lot[1]).isEqualTo("ZFCG_INQUIRY");
        assertThat(countFor("SELECT count(*) FROM offer_round WHERE lot_id = CAST(:l AS UUID)", lot[0])).isZero();
        tools.jackson.databind.JsonNode award = contracted(lot[0]);
        assertThat(award.path("winner").path("price").asString()).isEqualTo("638000.00");
        java.util.Map<String, String> latest = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (case_id) kind, status, outcome FROM complaint_case_version WHERE lot_id = CAST(:l AS UUID)
                ORDER BY case_id, version DESC""").param("l", lot[0])
                .query((rs, i) -> latest.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3))).list();
        assertThat(latest).containsOnlyKeys("CHALLENGE", "COMPLAINT");
        assertThat(latest.get("CHALLENGE")).startsWith("ANSWERED");
        assertThat(latest.get("COMPLAINT")).isEqualTo("DECIDED UNFOUNDED");
        assertThat(page(null, "/complaint-decisions")).contains("青山县水利局防汛抢险冲锋舟及救生器材采购项目").contains("驳回投诉");
    }

    /**
     * 单一来源 above the threshold (政府采购法 Art. 31; 条例 Art. 38): the unique-supplier publicity of 5 working days ended
     * before the department approved; the one supplier negotiated over two rounds; the minutes were signed by the whole
     * panel (74号令 Art. 42); result and contract published.
     */
    @Test
    void gpr_art38_theDemoSingleSourceWasPublicisedApprovedNegotiatedAndContracted() throws Exception {
        String[] lot = demoLot("QS-2026-ZFCG-0024-1");
        assertThat(lot[1]).isEqualTo("ZFCG_SINGLE_SOURCE");
        ApiClient api = new ApiClient(baseUrl());
        tools.jackson.databind.JsonNode history = api.get("/api/v1/lots/" + lot[0] + "/method-approvals", api.freshToken("agency")).json();
        assertThat(history.toString()).contains("APPROVED");
        java.time.Instant ends = java.time.Instant.parse(history.get(0).path("publicity").path("endsAt").asString());
        java.time.Instant decided = java.time.Instant.parse(history.get(0).path("decidedAt").asString());
        assertThat(decided).isAfter(ends);
        assertThat(countFor("SELECT count(*) FROM offer_round_opening WHERE lot_id = CAST(:l AS UUID)", lot[0])).isEqualTo(2);
        assertThat(countFor("SELECT count(*) FROM evaluation_member WHERE tender_id = CAST(:l AS UUID)", lot[0])).isEqualTo(5);
        tools.jackson.databind.JsonNode award = contracted(lot[0]);
        assertThat(award.path("winner").path("price").asString()).isEqualTo("4475000.00");
    }

    private String page(String username, String path) throws Exception {
        var response = session(username).send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Accept-Language", "zh-CN").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(username + " " + path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    /** Every kind of public log entry the demo made has a label on the log page, in Chinese and in English. */
    @Test
    void everyActionInTheLogHasALabel() {
        java.util.List<String> actions = jdbc.sql("SELECT DISTINCT details::json->>'action' FROM log_entry WHERE details IS NOT NULL")
                .query(String.class).list();
        assertThat(actions).contains("experts.draw.published", "sealing.opening.recorded");
        for (String action : actions) {
            for (java.util.Locale locale : java.util.List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
                assertThat(messages.getMessage("action." + action, null, null, locale)).as(action + " " + locale).isNotBlank();
            }
        }
    }

    @Test
    void theSchemaCameFromFlywayMigrations() {
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(4);
    }
}
