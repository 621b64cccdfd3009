package org.sunbid.platform.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.crypto.draw.DrawWalk;
import org.sunbid.crypto.draw.VerifiableDraw;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.databind.JsonNode;

/**
 * 询价 (ZFCG_INQUIRY) by invitation, end to end through the API as far as the shared path goes: a project with an
 * inquiry lot; the agency recommends one supplier in writing and draws two from a prequalified list with the verifiable
 * draw (74号令 Art. 12); the inquiry is published with three working days to the quotations (74号令 Art. 45); the invitees
 * register and upload sealed quotations with the bidder tool; an uninvited supplier is refused; at the deadline the
 * custodians open. Then anyone re-computes the draw from the published record alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationsIT extends PlatformIT {

    /** Monday 2026-11-23 09:30 Beijing: Tue, Wed, Thu are the three working days; the deadline Thursday 10:00. */
    static final Instant DEADLINE = Instant.parse("2026-11-26T02:00:00Z");

    @Autowired JdbcClient jdbc;
    @Autowired AuditLog log;
    @Autowired Tenders tenders;
    @Autowired org.sunbid.platform.credit.CreditChecks credit;
    @Autowired org.sunbid.platform.credit.CreditRecords creditRecords;
    @Autowired org.sunbid.platform.parties.Organisations organisations;

    private String lot;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final byte[] secret = HexFormat.of().parseHex("5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7");
    private List<String> drawnUsers = List.of();
    private long logStart;
    private String projectCode;
    private String invitedTender;
    private String negotiation;
    private String purchaser;
    /** Session 8 (P): the lot whose first draw fails at the reveal, and its pool's suppliers still invitable. */
    private String failing;
    private final List<String> stillInvitable = new ArrayList<>();
    private String failedDrawId;
    private final byte[] failedSecret = HexFormat.of().parseHex("fa11ed00fa11ed00fa11ed00fa11ed00fa11ed00fa11ed00fa11ed00fa11ed00");

    private String lotOf(ApiClient api, String purchaser, String procedure, String name, Instant deadline, Instant documentsUntil) {
        String agency = api.token("agency");
        Map<String, Object> lotJson = Map.ofEntries(Map.entry("projectCode", Fixtures.projectCode()), Map.entry("name", name),
                Map.entry("category", "货物"), Map.entry("estimatedPrice", "300000.00"), Map.entry("deposit", "0.00"),
                Map.entry("qualification", "具备相应供货能力"), Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"),
                Map.entry("bidDeadline", deadline.toString()), Map.entry("openingVenue", "第三开标室"), Map.entry("bidValidityDays", 60),
                Map.entry("documentsAvailableUntil", documentsUntil.toString()), Map.entry("notice", "邀请书正文"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", procedure,
                "name", name, "budget", "300000.00", "category", "GOODS", "tendereeId", purchaser, "lots", List.of(lotJson))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status())
                .isEqualTo(200);
        return created.json().path("lots").get(0).path("id").asString();
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    @BeforeAll
    void anInquiryProject() {
        clock.set(START);
        logStart = log.size();
        ApiClient api = api();
        String agency = api.token("agency");
        purchaser = jdbc.sql("SELECT id FROM organisation WHERE name = '云州市城市建设投资集团有限公司'").query(String.class).single();
        projectCode = Fixtures.projectCode();
        Map<String, Object> lotJson = Map.ofEntries(Map.entry("projectCode", projectCode),
                Map.entry("name", "云州市第一中学办公用品询价采购"), Map.entry("category", "货物"),
                Map.entry("estimatedPrice", "300000.00"), Map.entry("deposit", "0.00"), Map.entry("qualification", "具备相应供货能力"),
                Map.entry("evaluationMethod", "LOWEST_EVALUATED_PRICE"), Map.entry("bidDeadline", DEADLINE.toString()),
                Map.entry("openingVenue", "第三开标室"), Map.entry("bidValidityDays", 60),
                Map.entry("documentsAvailableUntil", DEADLINE.toString()), Map.entry("notice", "询价通知书正文"));
        ApiClient.Response created = api.post("/api/v1/projects", ApiClient.json(Map.of("kind", "ZFCG", "procedureCode", "ZFCG_INQUIRY",
                "name", "云州市第一中学办公用品采购项目", "budget", "300000.00", "category", "GOODS", "tendereeId", purchaser,
                "lots", List.of(lotJson))), agency);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/projects/" + created.json().path("id").asString() + "/intention-exemption",
                ApiClient.json(Map.of("ground", "URGENT", "reason", "测试：因不可预见的原因急需采购（财库〔2020〕10号）")), agency).status())
                .isEqualTo(200);
        lot = created.json().path("lots").get(0).path("id").asString();
        invitedTender = lotOf(api, purchaser, "ZFCG_INVITED_TENDER", "云州市第一中学实验设备邀请招标", START.plus(Duration.ofDays(21)),
                Instant.parse("2026-11-30T09:00:00Z"));
        negotiation = lotOf(api, purchaser, "ZFCG_NEGOTIATION", "云州市第一中学信息化运维竞争性谈判", DEADLINE, DEADLINE);
        for (int i = 1; i <= 8; i++) {
            ids.put("bidder" + i, jdbc.sql("SELECT organisation_id FROM account WHERE username = :u").param("u", "bidder" + i)
                    .query(UUID.class).single().toString());
        }
    }

    private record Snapshot(long draws, long invitations, long registrations, long deposits, long logSize) {
    }

    private Snapshot snapshot() {
        return new Snapshot(jdbc.sql("SELECT count(*) FROM invitation_draw").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM tender_invitation").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM tender_registration").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM deposit_account").query(Long.class).single(), log.size());
    }

    private Map<String, Object> drawRequest(List<String> recommended, int drawCount, List<String> prequalified) {
        List<Map<String, Object>> rec = new ArrayList<>();
        recommended.forEach(u -> rec.add(Map.of("supplierId", ids.get(u), "recommender", "采购人代表 王明（书面推荐意见）")));
        return Map.of("recommended", rec, "drawCount", drawCount, "poolSource", "PREQUALIFIED",
                "prequalified", prequalified.stream().map(ids::get).toList(), "witnesses", List.of("agency"),
                "secretHash", Sm3.hex(secret));
    }

    @Test
    @Order(1)
    void gpl74_art12_fewerThanThreeOrMoreThanHalfRecommendedIsRefusedAndChangesNothing() {
        ApiClient api = api();
        Snapshot before = snapshot();
        ApiClient.Response tooFew = api.post("/api/v1/tenders/" + lot + "/invitations/draw",
                ApiClient.json(drawRequest(List.of("bidder1"), 1, List.of("bidder2", "bidder3", "bidder4", "bidder5"))), api.token("agency"));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.code()).isEqualTo("INVITED_TOO_FEW");
        assertThat(tooFew.json().path("detail").asString()).contains("第十二条");
        ApiClient.Response tooManyRecommended = api.post("/api/v1/tenders/" + lot + "/invitations/draw",
                ApiClient.json(drawRequest(List.of("bidder1", "bidder6"), 1, List.of("bidder2", "bidder3", "bidder4", "bidder5"))),
                api.token("agency"));
        assertThat(tooManyRecommended.code()).isEqualTo("RECOMMENDED_TOO_MANY");
        // a supplier may not ask for a draw, nor a purchaser that does not own the lot
        ApiClient.Response bySupplier = api.post("/api/v1/tenders/" + lot + "/invitations/draw",
                ApiClient.json(drawRequest(List.of("bidder1"), 2, List.of("bidder2", "bidder3", "bidder4", "bidder5"))), api.token("bidder1"));
        assertThat(bySupplier.status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theDrawIsCommittedThenAWrongSecretChangesNothingAndTheRightOneInvites() {
        ApiClient api = api();
        String agency = api.token("agency");
        ApiClient.Response requested = api.post("/api/v1/tenders/" + lot + "/invitations/draw",
                ApiClient.json(drawRequest(List.of("bidder1"), 2, List.of("bidder2", "bidder3", "bidder4", "bidder5"))), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().path("status").asString()).isEqualTo("AWAITING_SECRET");
        assertThat(requested.json().path("drawn")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(Long.class).single()).isZero();

        Snapshot before = snapshot();
        ApiClient.Response wrong = api.post("/api/v1/tenders/" + lot + "/invitations/draw/reveal",
                ApiClient.json(Map.of("secret", "00".repeat(32))), agency);
        assertThat(wrong.code()).isEqualTo("INVITATION_SECRET_MISMATCH");
        assertThat(snapshot()).isEqualTo(before);

        ApiClient.Response drawn = api.post("/api/v1/tenders/" + lot + "/invitations/draw/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), agency);
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        assertThat(drawn.json().path("status").asString()).isEqualTo("DRAWN");
        List<String> drawnIds = new ArrayList<>();
        drawn.json().path("drawn").forEach(d -> drawnIds.add(d.path("supplierId").asString()));
        assertThat(drawnIds).hasSize(2);
        assertThat(Set.of(ids.get("bidder2"), ids.get("bidder3"), ids.get("bidder4"), ids.get("bidder5"))).containsAll(drawnIds);
        drawnUsers = ids.entrySet().stream().filter(e -> drawnIds.contains(e.getValue())).map(Map.Entry::getKey).toList();

        // the purchaser knows whom it invited: the recommended one and the two drawn
        ApiClient.Response list = api.get("/api/v1/tenders/" + lot + "/invitations", agency);
        assertThat(list.status()).isEqualTo(200);
        List<String> invited = new ArrayList<>();
        list.json().forEach(i -> invited.add(i.path("supplierId").asString()));
        assertThat(invited).containsExactlyInAnyOrder(ids.get("bidder1"), drawnIds.get(0), drawnIds.get(1));
        // a second draw for the same lot is refused
        assertThat(api.post("/api/v1/tenders/" + lot + "/invitations/draw",
                ApiClient.json(drawRequest(List.of("bidder1"), 2, List.of("bidder2", "bidder3", "bidder4", "bidder5"))), agency).code())
                .isEqualTo("INVITATION_DRAW_EXISTS");
    }

    @Test
    @Order(3)
    void gpl74_art45_theInquiryIsPublishedWithThreeWorkingDaysToTheQuotations() {
        ApiClient api = api();
        ApiClient.Response published = api.publish(lot, api.token("agency"));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    @Order(4)
    void attack_anUninvitedSupplierCannotRegisterNorBidAndNothingChanges() throws Exception {
        ApiClient api = api();
        String notDrawn = List.of("bidder2", "bidder3", "bidder4", "bidder5").stream().filter(u -> !drawnUsers.contains(u))
                .findFirst().orElseThrow();
        for (String outsider : List.of("bidder6", notDrawn)) {
            Snapshot before = snapshot();
            long envelopes = jdbc.sql("SELECT count(*) FROM bid_envelope").query(Long.class).single();
            ApiClient.Response refused = api.post("/api/v1/tenders/" + lot + "/registrations", "", api.token(outsider));
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("NOT_INVITED");
            assertThat(refused.json().path("detail").asString()).contains("第三十四条");
            assertThat(sealAndUpload(lot, outsider, "250000.00")).as(outsider + " uploads").isFalse();
            assertThat(snapshot()).isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM bid_envelope").query(Long.class).single()).isEqualTo(envelopes);
        }
    }

    @Test
    @Order(5)
    void attack_anInvitedSupplierLearnsNothingOfTheOtherInviteesBeforeTheDeadline() {
        ApiClient api = api();
        String invitee = drawnUsers.get(0);
        String token = api.token(invitee);
        Snapshot before = snapshot();
        // its own invitations only (我的邀请), with the response deadline
        ApiClient.Response mine = api.get("/api/v1/invitations/mine", token);
        assertThat(mine.status()).isEqualTo(200);
        List<JsonNode> forLot = new ArrayList<>();
        mine.json().forEach(i -> {
            assertThat(i.path("supplierId").asString()).isEqualTo(ids.get(invitee));
            if (i.path("tenderId").asString().equals(lot)) {
                forLot.add(i);
            }
        });
        assertThat(forLot).hasSize(1);
        assertThat(Instant.parse(forLot.get(0).path("bidDeadline").asString())).isEqualTo(DEADLINE);
        // the lot's invitation list, the draw record and the registrations are closed to it, and to the public
        assertThat(api.get("/api/v1/tenders/" + lot + "/invitations", token).status()).isEqualTo(403);
        ApiClient.Response record = api.get("/api/v1/tenders/" + lot + "/invitations/draw", token);
        assertThat(record.status()).isEqualTo(403);
        assertThat(record.code()).isEqualTo("INVITATION_DRAW_SEALED");
        assertThat(api.get("/api/v1/tenders/" + lot + "/invitations/draw", null).code()).isEqualTo("INVITATION_DRAW_SEALED");
        assertThat(api.get("/api/v1/tenders/" + lot + "/registrations", token).status()).isIn(403, 404);
        // nor does the public log name any invitee: the invitations entry is sealed, the draw's entries carry hashes
        ApiClient.Response entries = api.get("/api/v1/log/entries?start=" + logStart + "&end=" + log.size(), null);
        assertThat(entries.status()).isEqualTo(200);
        assertThat(entries.body()).contains("procurement.invitation-draw.pool-fixed");
        for (String u : List.of("bidder1", drawnUsers.get(0), drawnUsers.get(1))) {
            assertThat(entries.body()).as(u).doesNotContain(ids.get(u));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private String page(String username, String path) throws Exception {
        java.net.http.HttpResponse<String> r = session(username).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + path)).header("Accept-Language", "zh-CN").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    @Order(6)
    void thePagesShowEachPartyWhatItMayKnow() throws Exception {
        String invitee = drawnUsers.get(0);
        // 我的邀请: the supplier's own invitation with the deadline (Beijing time) and the time left
        String mine = page(invitee, "/workbench/invitations");
        assertThat(mine).startsWith("200 ").contains("我的邀请", projectCode, "2026-11-26 10:00", "距投标截止还有 3 天 0 小时");
        // the purchaser's agency sees whom it invited, with the recommender
        String owner = page("agency", "/workbench/tenders/" + lot + "/invitations");
        assertThat(owner).startsWith("200 ").contains("王明", "已抽取");
        // the other supplier's page is closed; the public draw record says when it will be published
        assertThat(page(invitee, "/workbench/tenders/" + lot + "/invitations")).startsWith("403 ");
        String portal = page(null, "/tenders/" + lot + "/invitation-draw");
        assertThat(portal).startsWith("200 ").contains("响应截止时间后公开").doesNotContain("王明");
    }

    @Test
    @Order(7)
    void gpl74_art47_theInviteesQuoteSealedAndTheCustodiansOpenAfterTheDeadline() throws Exception {
        clock.set(START.plus(Duration.ofHours(2)));
        List<String> invitees = new ArrayList<>(List.of("bidder1"));
        invitees.addAll(drawnUsers);
        String[] prices = {"268000.00", "259500.00", "271300.00"};
        for (int i = 0; i < invitees.size(); i++) {
            assertThat(sealAndUpload(lot, invitees.get(i), prices[i])).as(invitees.get(i)).isTrue();
        }
        clock.set(DEADLINE.plusSeconds(1));
        tenders.closeDueTenders();
        releaseShare(lot, "centre");
        ApiClient.Response opened = releaseShare(lot, "supervisor");
        assertThat(opened.json().path("status").asString()).as(opened.body()).isEqualTo("OPENED");
        ApiClient.Response opening = api().get("/api/v1/tenders/" + lot + "/opening", null);
        assertThat(opening.status()).isEqualTo(200);
        assertThat(opening.body()).contains("259500.00", "268000.00", "271300.00");
    }

    @Test
    @Order(8)
    void gpl87_art14_anyoneRecomputesTheDrawFromThePublishedRecordAlone() throws Exception {
        clock.set(DEADLINE.plusSeconds(60));
        ApiClient.Response published = api().get("/api/v1/tenders/" + lot + "/invitations/draw", null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode r = published.json();
        // only what the record says, and sunbid-crypto's own draw code
        List<String> pool = new ArrayList<>();
        r.path("pool").forEach(p -> pool.add(p.asString()));
        int count = r.path("drawCount").asInt();
        byte[] revealed = HexFormat.of().parseHex(r.path("secret").asString());
        assertThat(Sm3.hex(revealed)).isEqualTo(r.path("secretHash").asString());
        List<DrawWalk.Specialty> request = List.of(new DrawWalk.Specialty("SUPPLIERS", count, pool));
        assertThat(DrawWalk.poolHash(request)).isEqualTo(r.path("poolHash").asString());
        byte[] seed = VerifiableDraw.seed(revealed, HexFormat.of().parseHex(r.path("headRoot").asString()), r.path("drawId").asString());
        List<String> recomputed = new DrawWalk(seed, request).firstRound().stream().map(DrawWalk.Contact::expertId).toList();
        List<String> drawn = new ArrayList<>();
        r.path("drawn").forEach(d -> drawn.add(d.path("supplierId").asString()));
        assertThat(recomputed).isEqualTo(drawn);
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(drawnUsers.stream().map(ids::get).toList());
        // the recommendation and its recommender are public with it (87号令 Art. 69), and the witnesses (Art. 14)
        assertThat(r.path("recommended").get(0).path("supplierId").asString()).isEqualTo(ids.get("bidder1"));
        assertThat(r.path("recommended").get(0).path("recommender").asString()).contains("王明");
        assertThat(r.path("witnesses")).hasSize(1);
        // the pool's hash was logged (publicly) before the head the seed uses was signed
        long poolSeq = r.path("poolSeq").asLong();
        assertThat(poolSeq).isLessThan(r.path("headSize").asLong());
        ApiClient.Response logged = api().get("/api/v1/log/entries?start=" + poolSeq + "&end=" + (poolSeq + 1), null);
        assertThat(logged.body()).contains(r.path("poolHash").asString());
        // tendering's sealed invitation entry was disclosed in public when bidding closed
        ApiClient.Response entries = api().get("/api/v1/log/entries?start=" + logStart + "&end=" + log.size(), null);
        assertThat(entries.body()).contains("tendering.invitations.disclosed");
        drawn.forEach(id -> assertThat(entries.body()).contains(id));
        // and the portal shows the same record
        String portal = page(null, "/tenders/" + lot + "/invitation-draw");
        assertThat(portal).startsWith("200 ").contains(r.path("drawId").asString(), r.path("secret").asString(), "王明", pool.get(0));
    }

    private Map<String, Object> databaseDraw(List<String> recommended, int drawCount, String region, List<String> witnesses) {
        List<Map<String, Object>> rec = new ArrayList<>();
        recommended.forEach(u -> rec.add(Map.of("supplierId", ids.get(u), "recommender", "采购人代表 王明")));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("recommended", rec, "drawCount", drawCount, "poolSource", "DATABASE",
                "witnesses", witnesses, "secretHash", Sm3.hex(secret)));
        if (region != null) {
            body.put("poolRegion", region);
        }
        return body;
    }

    @Test
    @Order(9)
    void gpl87_art14_anInvitedTenderGoesOutOnlyToItsDrawnSuppliers() {
        clock.set(START);
        ApiClient api = api();
        String agency = api.token("agency");
        Snapshot before = snapshot();
        ApiClient.Response early = api.publish(invitedTender, agency);
        assertThat(early.code()).isEqualTo("GP_INVITED_TOO_FEW");
        assertThat(early.json().path("detail").asString()).contains("第十四条");
        assertThat(api.get("/api/v1/tenders/" + invitedTender, agency).json().path("status").asString()).isEqualTo("DRAFT");
        long documents = jdbc.sql("SELECT count(*) FROM tender_document WHERE tender_id = CAST(:t AS UUID)").param("t", invitedTender)
                .query(Long.class).single();
        assertThat(documents).isEqualTo(1); // the one uploaded by the attempt; nothing else changed
        assertThat(snapshot().invitations()).isEqualTo(before.invitations());
    }

    @Test
    @Order(10)
    void gpl87_art14_aDatabasePoolTwiceTheNumberDrawnTwoWitnessesAndNoDirectRecommendation() {
        ApiClient api = api();
        String agency = api.token("agency");
        String path = "/api/v1/tenders/" + invitedTender + "/invitations/draw";
        List<String> twoWitnesses = List.of("agency", "tenderee");
        // issue 20: a supplier a credit record bars from invitation lists now is left out of the database pool
        long suppliers = jdbc.sql("SELECT id FROM organisation WHERE kind = 'BIDDER' AND NOT blacklisted").query(UUID.class).list()
                .stream().filter(o -> !credit.checkOrganisations(org.sunbid.platform.credit.Gate.INVITATION, List.of(o),
                        clock.instant()).barred()).count();
        assertThat(suppliers).isGreaterThanOrEqualTo(6);
        Snapshot before = snapshot();
        assertThat(api.post(path, ApiClient.json(databaseDraw(List.of("bidder1"), 3, null, twoWitnesses)), agency).code())
                .isEqualTo("RECOMMENDATION_NOT_ALLOWED");
        // 松源县 has fewer than 2 × 3 suppliers
        ApiClient.Response small = api.post(path, ApiClient.json(databaseDraw(List.of(), 3, "990123", twoWitnesses)), agency);
        assertThat(small.code()).isEqualTo("INVITATION_POOL_TOO_SMALL");
        assertThat(small.json().path("detail").asString()).contains("两倍");
        assertThat(api.post(path, ApiClient.json(databaseDraw(List.of(), 3, null, List.of("agency"))), agency).code())
                .isEqualTo("DRAW_WITNESSES_TOO_FEW");
        assertThat(api.post(path, ApiClient.json(databaseDraw(List.of(), 3, null, List.of("agency", "bidder1"))), agency).code())
                .isEqualTo("DRAW_WITNESS_UNKNOWN");
        assertThat(api.post(path, ApiClient.json(databaseDraw(List.of(), 2, null, twoWitnesses)), agency).code())
                .isEqualTo("INVITED_TOO_FEW");
        assertThat(snapshot()).isEqualTo(before);

        ApiClient.Response requested = api.post(path, ApiClient.json(databaseDraw(List.of(), 3, null, twoWitnesses)), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().path("pool").size()).isEqualTo((int) suppliers);
        assertThat(requested.json().path("witnesses").size()).isEqualTo(2);
        ApiClient.Response drawn = api.post(path + "/reveal", ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), agency);
        assertThat(drawn.json().path("drawn").size()).isEqualTo(3);
        ApiClient.Response published = api.publish(invitedTender, agency);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @Test
    @Order(11)
    void theTestHelperInvitesExactlyTheNamedSuppliers() {
        invite(negotiation, "bidder1", "bidder2", "bidder3");
        ApiClient api = api();
        List<String> invited = new ArrayList<>();
        api.get("/api/v1/tenders/" + negotiation + "/invitations", api.token("agency")).json()
                .forEach(i -> invited.add(i.path("supplierId").asString()));
        assertThat(invited).containsExactlyInAnyOrder(ids.get("bidder1"), ids.get("bidder2"), ids.get("bidder3"));
        // 74号令 Art. 29: three working days from Monday's invitation to Thursday's deadline
        assertThat(api.publish(negotiation, api.token("agency")).status()).isEqualTo(200);
    }

    /** A supplier's challenge of the lot's documents, its statement signed with its organisation's key. */
    private ApiClient.Response challengeDocuments(String lotId, String username) throws Exception {
        ApiClient api = api();
        String token = api.freshToken(username);
        ApiClient.Response st = api.post("/api/v1/lots/" + lotId + "/challenges/statement", ApiClient.json(Map.of("subject",
                "DOCUMENTS", "claims", "请求修改谈判文件中的资格条件", "facts", "谈判文件第三章要求的业绩与项目无关",
                "evidence", "谈判文件第三章第2条")), token);
        assertThat(st.status()).as(st.body()).isEqualTo(200);
        String statement = st.json().path("statement").asString();
        return api.post("/api/v1/lots/" + lotId + "/challenges", ApiClient.json(Map.of("statement", statement, "signature",
                org.sunbid.platform.complaints.ChallengeStatement.parse(statement).sign(demoKeyOf(username)))), token);
    }

    /**
     * 实施条例 Art. 53 (法 Art. 52): an invitee of an invitation-only lot obtains the documents with its invitation, so it
     * may challenge them before it registers; a supplier neither invited nor registered has no standing and nothing changes.
     */
    @Test
    @Order(12)
    void gpr_art53_anInviteeChallengesTheDocumentsBeforeRegistering_anOutsiderCannot() throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tender_registration WHERE tender_id = CAST(:t AS UUID)").param("t", negotiation)
                .query(Long.class).single()).as("nobody registered yet").isZero();
        long cases = jdbc.sql("SELECT COUNT(*) FROM complaint_case_version").query(Long.class).single();
        long logSize = log.size();
        ApiClient.Response outsider = challengeDocuments(negotiation, "bidder4");
        assertThat(outsider.status()).as(outsider.body()).isEqualTo(403);
        assertThat(outsider.code()).isEqualTo("GPL_52_NO_STANDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_case_version").query(Long.class).single()).isEqualTo(cases);
        assertThat(log.size()).isEqualTo(logSize);

        ApiClient.Response invitee = challengeDocuments(negotiation, "bidder1");
        assertThat(invitee.status()).as(invitee.body()).isIn(200, 201);
        assertThat(invitee.json().path("subject").asString()).isEqualTo("DOCUMENTS");
    }

    // Session 8 (P): a draw whose pool cannot yield the minimum at the reveal fails, publicly, and a new draw may follow

    /** A fresh supplier of the platform (not a demo one: the records barring it touch no other test). */
    private String freshSupplier(String name) {
        return organisations.register(new org.sunbid.platform.parties.Organisations.Registration(Fixtures.freshCreditCode("990100"),
                name, org.sunbid.platform.parties.OrganisationKind.BIDDER, "990100"), org.sunbid.platform.kernel.Actor.SYSTEM)
                .id().toString();
    }

    /** A record barring {@code supplier} from invitation lists from now on (政府采购法 Art. 22(5), 77). */
    private UUID barFromInvitations(String supplier) {
        org.sunbid.platform.parties.Organisation o = organisations.find(UUID.fromString(supplier)).orElseThrow();
        String ref = "INV-" + UUID.randomUUID();
        return creditRecords.record(new org.sunbid.platform.credit.CreditRecords.NewRecord(
                org.sunbid.platform.credit.CreditSubject.organisation(o.creditCode().value()), o.name(),
                org.sunbid.platform.credit.CreditClass.SERIOUS, "提供虚假材料谋取中标", "政府采购法第七十七条", "云州市财政局",
                "云财罚〔2026〕" + ref.substring(4, 10) + "号", "platform", ref, "990100",
                Set.of(org.sunbid.platform.credit.Gate.INVITATION), clock.instant(), clock.instant().plus(Duration.ofDays(365)),
                clock.instant(), clock.instant().plus(Duration.ofDays(365))), org.sunbid.platform.kernel.Actor.SYSTEM);
    }

    private Map<String, Object> prequalifiedDraw(List<String> pool, int drawCount, byte[] secretBytes) {
        return Map.of("recommended", List.of(), "drawCount", drawCount, "poolSource", "PREQUALIFIED", "prequalified", pool,
                "witnesses", List.of("agency"), "secretHash", Sm3.hex(secretBytes));
    }

    private String entries(long from) {
        ApiClient.Response r = api().get("/api/v1/log/entries?start=" + from + "&end=" + log.size(), null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /**
     * 87号令 Art. 14 (法 Art. 34): two of a prequalified pool of four are barred by credit after the draw of three was
     * requested; at the reveal the ranking runs out replacing them. The draw ends FAILED — decided by the platform, nobody
     * invited — its secret and walk recorded so it re-computes, a public log entry with the reason and counts but no
     * supplier; while it awaited the secret a second draw was refused.
     */
    @Test
    @Order(13)
    void gpl87_art14_aPoolExhaustedAtTheRevealFailsTheDrawPubliclyAndVerifiably_aSecondDrawWhileItAwaitsIsRefused()
            throws Exception {
        clock.set(START);
        ApiClient api = api();
        String agency = api.token("agency");
        failing = lotOf(api, purchaser, "ZFCG_INQUIRY", "云州市第一中学图书询价采购", DEADLINE, DEADLINE);
        List<String> pool = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pool.add(freshSupplier("邀请抽取用尽测试供应商" + i + "有限公司"));
        }
        String path = "/api/v1/tenders/" + failing + "/invitations/draw";
        ApiClient.Response requested = api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, failedSecret)), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().path("status").asString()).isEqualTo("AWAITING_SECRET");
        failedDrawId = requested.json().path("drawId").asString();

        // while it awaits the secret, no second draw (a re-roll) is possible, whatever the pool or the commitment
        Snapshot before = snapshot();
        ApiClient.Response second = api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, secret)), agency);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("INVITATION_DRAW_EXISTS");
        assertThat(snapshot()).isEqualTo(before);

        // two of the four are barred before the reveal: three can never be drawn
        List<String> ranking = org.sunbid.platform.procurement.domain.SupplierDraw.ranking(failedSecret,
                requested.json().path("headRoot").asString(), failedDrawId, 3, pool.stream().sorted().toList());
        UUID first = barFromInvitations(ranking.get(0));
        barFromInvitations(ranking.get(2));
        stillInvitable.addAll(List.of(ranking.get(1), ranking.get(3)));
        long logBefore = log.size();

        ApiClient.Response revealed = api.post(path + "/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(failedSecret))), agency);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        JsonNode r = revealed.json();
        assertThat(r.path("status").asString()).isEqualTo("FAILED");
        assertThat(r.path("failure").path("reason").asString()).isEqualTo("INVITATION_POOL_EXHAUSTED");
        assertThat(r.path("failure").path("required").asInt()).isEqualTo(3);
        assertThat(r.path("failure").path("available").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = CAST(:t AS UUID)").param("t", failing)
                .query(Long.class).single()).as("nobody invited").isZero();
        // the record re-computes from itself alone: the secret matches the commitment, the pool its hash, and the walk
        // is the seed's whole ranking, so the pool really ran out
        byte[] revealedSecret = HexFormat.of().parseHex(r.path("secret").asString());
        assertThat(Sm3.hex(revealedSecret)).isEqualTo(r.path("secretHash").asString());
        List<String> published = new ArrayList<>();
        r.path("pool").forEach(p -> published.add(p.asString()));
        List<DrawWalk.Specialty> request = List.of(new DrawWalk.Specialty("SUPPLIERS", r.path("drawCount").asInt(), published));
        assertThat(DrawWalk.poolHash(request)).isEqualTo(r.path("poolHash").asString());
        byte[] seed = VerifiableDraw.seed(revealedSecret, HexFormat.of().parseHex(r.path("headRoot").asString()), failedDrawId);
        List<String> walked = new ArrayList<>();
        r.path("drawn").forEach(d -> walked.add(d.path("supplierId").asString()));
        assertThat(walked).isEqualTo(new DrawWalk(seed, request).ranking("SUPPLIERS")).hasSize(4);
        // in public: the failure with its reason, counts and the secret matching the commitment, and no supplier
        String logged = entries(logBefore);
        assertThat(logged).contains("procurement.invitation-draw.failed", failedDrawId, "INVITATION_POOL_EXHAUSTED",
                HexFormat.of().formatHex(failedSecret));
        pool.forEach(id -> assertThat(logged).as(id).doesNotContain(id));
        assertThat(entries(logStart)).contains(Sm3.hex(failedSecret)); // the commitment logged at the request
        // which were barred is in the credit check's confidential records only (the supervisor's to check)
        assertThat(jdbc.sql("SELECT count(*) FROM log_confidential WHERE action = 'credit.gate.refused' AND canonical LIKE :r")
                .param("r", "%" + first + "%").query(Long.class).single()).isPositive();
        // a failed draw cannot be revealed again
        assertThat(api.post(path + "/reveal", ApiClient.json(Map.of("secret", HexFormat.of().formatHex(failedSecret))), agency)
                .code()).isEqualTo("INVITATION_DRAW_STATE");
        // the owner's page shows the failure and offers a new draw
        String page = page("agency", "/workbench/tenders/" + failing + "/invitations");
        assertThat(page).startsWith("200 ").contains("抽取未成功", "备选供应商已用尽", "需抽取 3 家，可邀请 2 家", "可重新抽取",
                "id=\"draw-form\"", failedDrawId);
    }

    /**
     * 87号令 Art. 14: after the failed draw the agency enlarges the pool and draws again, committing to a new secret (the
     * old one is public, so it is refused); the new draw invites three, and the failed one stays on the lot's record,
     * shown to the owner now and to everyone once the responses are closed.
     */
    @Test
    @Order(14)
    void gpl87_art14_afterAFailedDrawANewDrawWithANewCommitmentSucceeds_andEveryDrawStaysOnTheRecord() throws Exception {
        clock.set(START);
        ApiClient api = api();
        String agency = api.token("agency");
        String path = "/api/v1/tenders/" + failing + "/invitations/draw";
        List<String> pool = new ArrayList<>(stillInvitable);
        pool.add(freshSupplier("邀请抽取扩充供应商甲有限公司"));
        pool.add(freshSupplier("邀请抽取扩充供应商乙有限公司"));
        Snapshot before = snapshot();
        ApiClient.Response reused = api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, failedSecret)), agency);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("INVITATION_SECRET_REUSED");
        assertThat(snapshot()).isEqualTo(before);

        long logBefore = log.size();
        ApiClient.Response requested = api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, secret)), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().path("status").asString()).isEqualTo("AWAITING_SECRET");
        assertThat(requested.json().path("drawId").asString()).isNotEqualTo(failedDrawId);
        assertThat(entries(logBefore)).contains("procurement.invitation-draw.committed", "failedBefore");
        ApiClient.Response drawn = api.post(path + "/reveal", ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), agency);
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        assertThat(drawn.json().path("status").asString()).isEqualTo("DRAWN");
        assertThat(drawn.json().path("drawn")).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = CAST(:t AS UUID)").param("t", failing)
                .query(Long.class).single()).isEqualTo(3);
        JsonNode earlier = drawn.json().path("earlier");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).path("drawId").asString()).isEqualTo(failedDrawId);
        assertThat(earlier.get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(earlier.get(0).path("secret").asString()).isEqualTo(HexFormat.of().formatHex(failedSecret));
        // a third draw is refused again: this one stands
        assertThat(api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, new byte[32])), agency).code())
                .isEqualTo("INVITATION_DRAW_EXISTS");
        assertThat(page("agency", "/workbench/tenders/" + failing + "/invitations")).startsWith("200 ")
                .contains("已抽取", "此前未成功的抽取", failedDrawId).doesNotContain("id=\"draw-form\"");

        // once the responses are closed, the public record holds both draws
        assertThat(api.publish(failing, agency).status()).isEqualTo(200);
        clock.set(DEADLINE.plusSeconds(1));
        assertThat(tenders.closeIfDue(UUID.fromString(failing))).isTrue();
        ApiClient.Response published = api.get(path, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("earlier").get(0).path("failure").path("reason").asString())
                .isEqualTo("INVITATION_POOL_EXHAUSTED");
        assertThat(page(null, "/tenders/" + failing + "/invitation-draw")).startsWith("200 ")
                .contains(failedDrawId, HexFormat.of().formatHex(failedSecret), "备选供应商已用尽");
        clock.set(START);
    }

    /**
     * 法 Art. 34, 74号令 Art. 12: a recommended supplier barred by credit between the request and the reveal leaves the
     * list below the minimum of three (a recommendation is not replaced): the draw fails the same way, the public entry
     * giving the counts and not the supplier, and a new draw may follow.
     */
    @Test
    @Order(15)
    void gpl34_order87_art14_aRecommendedSupplierBarredBeforeTheRevealFailsTheDrawBelowTheMinimum() {
        clock.set(START);
        ApiClient api = api();
        String agency = api.token("agency");
        String lot = lotOf(api, purchaser, "ZFCG_INQUIRY", "云州市第一中学体育器材询价采购", DEADLINE, DEADLINE);
        String recommended = freshSupplier("邀请推荐受限测试供应商有限公司");
        List<String> pool = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            pool.add(freshSupplier("邀请推荐测试备选供应商" + i + "有限公司"));
        }
        byte[] secretBytes = HexFormat.of().parseHex("0f0f1e1e".repeat(8));
        Map<String, Object> body = new LinkedHashMap<>(prequalifiedDraw(pool, 2, secretBytes));
        body.put("recommended", List.of(Map.of("supplierId", recommended, "recommender", "采购人代表 王明（书面推荐意见）")));
        String path = "/api/v1/tenders/" + lot + "/invitations/draw";
        ApiClient.Response requested = api.post(path, ApiClient.json(body), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        barFromInvitations(recommended);
        long logBefore = log.size();
        ApiClient.Response revealed = api.post(path + "/reveal",
                ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secretBytes))), agency);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(revealed.json().path("failure").path("reason").asString()).isEqualTo("INVITED_TOO_FEW");
        assertThat(revealed.json().path("failure").path("required").asInt()).isEqualTo(3);
        assertThat(revealed.json().path("failure").path("available").asInt()).isEqualTo(2);
        assertThat(revealed.json().path("drawn")).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM tender_invitation WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(Long.class).single()).isZero();
        String logged = entries(logBefore);
        assertThat(logged).contains("procurement.invitation-draw.failed", "INVITED_TOO_FEW").doesNotContain(recommended);
        pool.forEach(id -> assertThat(logged).doesNotContain(id));
        // a new draw, without the barred recommendation and with a new commitment
        ApiClient.Response again = api.post(path, ApiClient.json(prequalifiedDraw(pool, 3, secret)), agency);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        ApiClient.Response drawn = api.post(path + "/reveal", ApiClient.json(Map.of("secret", HexFormat.of().formatHex(secret))), agency);
        assertThat(drawn.json().path("status").asString()).as(drawn.body()).isEqualTo("DRAWN");
        assertThat(drawn.json().path("earlier")).hasSize(1);
    }
}
