package org.sunbid.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.Fixtures;
import org.sunbid.platform.PlatformIT;
import org.sunbid.platform.ProcurementFlow;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Accounts;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.OrganisationKind;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.parties.Role;

/**
 * Issue 20 (G): a restricted organisation tries each gate through HTTP and is refused with the record named
 * ({@code CREDIT_RESTRICTED}, 403), nothing else changes, nobody else learns it tried (the refusal is a confidential
 * record, no public entry), and the restriction follows the clock alone.
 */
class CreditGatesIT extends PlatformIT {

    @Autowired CreditRecords records;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired org.sunbid.platform.parties.BasicAccounts basicAccounts;
    @Autowired org.sunbid.platform.experts.Experts experts;

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    private ApiClient api() {
        return new ApiClient(baseUrl());
    }

    /** A fresh supplier on the platform with a bidder account of the same name (so no other test's bidder is barred). */
    private Organisation supplier(String name) {
        Organisation o = organisations.register(new Organisations.Registration(Fixtures.freshCreditCode("990100"), name,
                OrganisationKind.BIDDER, "990100"), Actor.SYSTEM);
        accounts.create(new Accounts.NewAccount(username(o), name + "经办人", PASSWORD, Role.BIDDER, o.id(), null), Actor.SYSTEM);
        return o;
    }

    private static String username(Organisation o) {
        return "cg" + o.creditCode().value().substring(10).toLowerCase(java.util.Locale.ROOT);
    }

    /** A record barring {@code gates} of {@code creditCode} over [from, until). */
    private UUID bar(String creditCode, String name, Set<Gate> gates, Instant from, Instant until, String basis) {
        String ref = "CG-" + UUID.randomUUID();
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(creditCode), name, CreditClass.SERIOUS,
                "串通投标", basis, "云州市住房和城乡建设局", "云建罚〔2026〕" + ref.substring(3, 9) + "号", "platform", ref, "990100",
                gates, from, until, from, until), Actor.SYSTEM);
    }

    /** A record barring {@code gates} of {@code creditCode} over [from, until), never published (not on the portal). */
    private UUID barUnpublished(String creditCode, String name, Set<Gate> gates, Instant from, Instant until, String conduct,
            String basis, String body, String document) {
        return records.record(new CreditRecords.NewRecord(CreditSubject.organisation(creditCode), name, CreditClass.SERIOUS,
                conduct, basis, body, document, "platform", "CG-" + UUID.randomUUID(), "990100", gates, from, until, null, null),
                Actor.SYSTEM);
    }

    private long confidential(String action) {
        return jdbc.sql("SELECT count(*) FROM log_confidential WHERE action = :a").param("a", action).query(Long.class).single();
    }

    /** The confidential records of refusals naming {@code record}, joined. */
    private String refusalsOf(UUID record) {
        return String.join("\n", jdbc.sql("SELECT canonical FROM log_confidential WHERE action = :a AND canonical LIKE :r")
                .param("a", CreditRefusals.REFUSED).param("r", "%" + record + "%").query(String.class).list());
    }

    private long registrations(String tenderId) {
        return jdbc.sql("SELECT count(*) FROM tender_registration WHERE tender_id = CAST(:t AS UUID)").param("t", tenderId)
                .query(Long.class).single();
    }

    private void assertRefusedNaming(ApiClient.Response r, UUID record, String... named) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(r.json().path("detail").asString()).contains(named);
        assertThat(refusalsOf(record)).contains(record.toString());
    }

    @Test
    void reg67_68_gpl22_77_aRestrictedBidderIsRefusedRegistrationWithTheRecordNamed_nothingChanges_nobodyElseLearnsIt() {
        Organisation barred = supplier("信用关卡报名受限有限公司");
        Instant now = clock.instant();
        UUID record = bar(barred.creditCode().value(), barred.name(), Set.of(Gate.BIDDING), now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(300)), "招标投标法实施条例第六十七条");
        String tender = publishTender(api(), Duration.ofDays(21), "100000").path("id").asString();
        long publicLog = log.size();
        long refusals = confidential(CreditRefusals.REFUSED);
        long registered = confidential("tendering.registration.made");

        ApiClient api = api();
        ApiClient.Response refused = api.post("/api/v1/tenders/" + tender + "/registrations", "", api.token(username(barred)));
        assertRefusedNaming(refused, record, "信用关卡报名受限有限公司", "串通投标", "第六十七条", "云州市住房和城乡建设局");
        assertThat(refusalsOf(record)).contains("BIDDING", now.toString());
        // nothing changed: no registration, no deposit account, no public entry; one confidential record of the refusal
        assertThat(registrations(tender)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM deposit_account WHERE tender_id = CAST(:t AS UUID)").param("t", tender)
                .query(Long.class).single()).isZero();
        assertThat(log.size()).isEqualTo(publicLog);
        assertThat(confidential(CreditRefusals.REFUSED)).isEqualTo(refusals + 1);
        assertThat(confidential("tendering.registration.made")).isEqualTo(registered);
        assertThat(api.get("/api/v1/tenders/" + tender + "/registrations/mine", api.token(username(barred))).status()).isEqualTo(404);
        // the lot's owner learns nothing: registrations stay sealed, as for any lot before its deadline
        assertThat(api.get("/api/v1/tenders/" + tender + "/registrations", api.token("agency")).status()).isNotEqualTo(200);
        // an organisation without a record registers as before
        Organisation clean = supplier("信用关卡报名守信有限公司");
        assertThat(api.post("/api/v1/tenders/" + tender + "/registrations", "", api.token(username(clean))).status()).isEqualTo(200);
    }

    @Test
    void reg67_theRestrictionEndsOnItsEndDateWithoutAnyoneActing_andOneNotYetInForceDoesNotBar() {
        clock.set(START);
        Organisation ending = supplier("信用关卡期满有限公司");
        Organisation later = supplier("信用关卡未生效有限公司");
        // decided a year before the test's start; its one-year restriction ends at START + 5 d
        Instant decided = START.plus(Duration.ofDays(5)).minus(Duration.ofDays(365));
        UUID record = bar(ending.creditCode().value(), ending.name(), Set.of(Gate.BIDDING), decided, START.plus(Duration.ofDays(5)),
                "招标投标法实施条例第六十八条");
        bar(later.creditCode().value(), later.name(), Set.of(Gate.BIDDING), START.plus(Duration.ofDays(10)),
                START.plus(Duration.ofDays(40)), "招标投标法实施条例第六十八条");
        CreditRecordView before = records.find(record).orElseThrow();
        String tender = publishTender(api(), Duration.ofDays(25), "100000").path("id").asString();
        ApiClient api = api();

        assertRefusedNaming(api.post("/api/v1/tenders/" + tender + "/registrations", "", api.token(username(ending))), record,
                "信用关卡期满有限公司", "第六十八条");
        // a record whose restriction starts later does not bar now
        assertThat(api.post("/api/v1/tenders/" + tender + "/registrations", "", api.token(username(later))).status()).isEqualTo(200);

        clock.set(START.plus(Duration.ofDays(5)).minusSeconds(1)); // a token of the moved clock's time
        assertThat(api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken(username(ending))).code())
                .isEqualTo("CREDIT_RESTRICTED");
        clock.set(START.plus(Duration.ofDays(5))); // its end: nobody acts, the same organisation is let through
        ApiClient.Response through = api.post("/api/v1/tenders/" + tender + "/registrations", "", api.freshToken(username(ending)));
        assertThat(through.status()).as(through.body()).isEqualTo(200);
        assertThat(records.find(record).orElseThrow()).isEqualTo(before); // the record itself was not touched
    }

    @Test
    void caiku2016_125_aConsortiumWithOneRestrictedMemberIsRestricted_theMemberNamed() {
        Organisation lead = supplier("信用关卡联合体牵头有限公司");
        String memberCode = Fixtures.freshCreditCode("990100"); // a member need not be on the platform
        UUID record = bar(memberCode, "信用关卡联合体成员有限公司", Set.of(Gate.BIDDING), clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(200)), "政府采购法第二十二条、第七十七条");
        String tender = publishTender(api(), Duration.ofDays(21), "100000").path("id").asString();
        ApiClient api = api();
        String token = api.token(username(lead));

        ApiClient.Response refused = api.post("/api/v1/tenders/" + tender + "/registrations",
                ApiClient.json(Map.of("consortium", List.of(memberCode))), token);
        assertRefusedNaming(refused, record, "信用关卡联合体成员有限公司", "第七十七条");
        assertThat(registrations(tender)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM tender_registration_member WHERE credit_code = :c").param("c", memberCode)
                .query(Long.class).single()).isZero();
        // the same lead alone is not restricted
        assertThat(api.post("/api/v1/tenders/" + tender + "/registrations", "", token).status()).isEqualTo(200);
    }

    @Test
    void caiku2016_125_theBidIsCheckedAtTheUploadInstant_aRestrictionAfterRegistrationBarsIt() {
        Organisation bidder = supplier("信用关卡投标受限有限公司");
        String clean = Fixtures.freshCreditCode("990100");
        String tender = publishTender(api(), Duration.ofDays(21), "100000").path("id").asString();
        ApiClient api = api();
        String token = api.token(username(bidder));
        assertThat(api.post("/api/v1/tenders/" + tender + "/registrations", ApiClient.json(Map.of("consortium", List.of(clean))), token)
                .status()).isEqualTo(200);
        // the consortium's member is restricted after the registration, before the upload
        UUID record = bar(clean, "信用关卡投标成员有限公司", Set.of(Gate.BIDDING), clock.instant(), clock.instant().plus(Duration.ofDays(100)),
                "招标投标法实施条例第六十七条");
        long envelopes = jdbc.sql("SELECT count(*) FROM bid_envelope").query(Long.class).single();
        long publicLog = log.size();

        ApiClient.Response refused = api.send("POST", "/api/v1/tenders/" + tender + "/bids", null, token,
                Map.of("Content-Type", "application/octet-stream"));
        assertRefusedNaming(refused, record, "信用关卡投标成员有限公司", "第六十七条");
        ApiClient.Response web = api.send("POST", "/api/v1/tenders/" + tender + "/bids/sealed-on-arrival?name=bid.txt&priceSheet="
                + java.net.URLEncoder.encode("{\"totalPrice\":\"100\"}", java.nio.charset.StandardCharsets.UTF_8), null, token,
                Map.of("Content-Type", "application/octet-stream"));
        assertRefusedNaming(web, record, "信用关卡投标成员有限公司");
        assertThat(jdbc.sql("SELECT count(*) FROM bid_envelope").query(Long.class).single()).isEqualTo(envelopes);
        assertThat(log.size()).isEqualTo(publicLog);
    }

    @Test
    void gpl22_77_aRestrictedSupplierCannotBeRecommendedOrPrequalifiedForAnInvitationList() {
        Organisation barred = supplier("信用关卡邀请受限有限公司");
        UUID record = bar(barred.creditCode().value(), barred.name(), Set.of(Gate.INVITATION), clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(100)), "政府采购法第七十七条");
        ProcurementFlow flow = new ProcurementFlow(this, context);
        String lot = flow.lot("ZFCG_INQUIRY", "信用关卡询价采购", "300000.00", "GOODS", Instant.parse("2026-11-26T02:00:00Z"));
        ApiClient api = api();
        String agency = api.token("agency");
        List<String> others = List.of("bidder2", "bidder3", "bidder4", "bidder5").stream().map(flow::orgOf).toList();
        long draws = jdbc.sql("SELECT count(*) FROM invitation_draw").query(Long.class).single();
        long publicLog = log.size();
        String secretHash = Sm3.hex(new byte[32]);

        ApiClient.Response recommended = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(Map.of("supplierId", barred.id().toString(), "recommender", "采购人代表（书面推荐意见）")),
                "drawCount", 2, "poolSource", "PREQUALIFIED", "prequalified", others, "witnesses", List.of("agency"),
                "secretHash", secretHash)), agency);
        assertRefusedNaming(recommended, record, "信用关卡邀请受限有限公司", "第七十七条");
        assertThat(refusalsOf(record)).contains("INVITATION");
        List<String> pool = new java.util.ArrayList<>(others);
        pool.add(barred.id().toString());
        ApiClient.Response prequalified = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(), "drawCount", 3, "poolSource", "PREQUALIFIED", "prequalified", pool,
                "witnesses", List.of("agency"), "secretHash", secretHash)), agency);
        assertRefusedNaming(prequalified, record, "信用关卡邀请受限有限公司");
        assertThat(jdbc.sql("SELECT count(*) FROM invitation_draw").query(Long.class).single()).isEqualTo(draws);
        assertThat(log.size()).isEqualTo(publicLog);
    }

    /** 87号令 Art. 14 with 政府采购法 Art. 22/77: a database pool leaves the restricted supplier out, the record named in its entry. */
    @Test
    void gpl22_77_aDatabasePoolLeavesTheRestrictedSupplierOut_theRecordInThePoolsEntry() {
        Organisation barred = supplier("信用关卡库抽受限有限公司");
        UUID record = bar(barred.creditCode().value(), barred.name(), Set.of(Gate.INVITATION), clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(100)), "政府采购法第七十七条");
        ProcurementFlow flow = new ProcurementFlow(this, context);
        String lot = flow.lot("ZFCG_INVITED_TENDER", "信用关卡邀请招标", "300000.00", "GOODS", START.plus(Duration.ofDays(21)));
        ApiClient api = api();
        ApiClient.Response requested = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(), "drawCount", 3, "poolSource", "DATABASE", "witnesses", List.of("agency", "tenderee"),
                "secretHash", Sm3.hex(new byte[32]))), api.token("agency"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().path("pool").toString()).doesNotContain(barred.id().toString());
        assertThat(jdbc.sql("""
                SELECT payload FROM log_entry WHERE details::json->>'action' = 'procurement.invitation-draw.pool-fixed'
                AND details::json->>'subject' = :t""").param("t", lot).query(String.class).single()).contains(record.toString());
    }

    /**
     * Land, mining and property lots (国土资源部令第39号 Art. 11; 32号令): a bidder barred at
     * {@code AUCTION_QUALIFICATION} registers and pays, but gets no bidder number while the listing admits bidders, is
     * told the record when it asks for its number, and nothing is numbered; its refusal a confidential record.
     */
    @Test
    void order39_art11_aBidderBarredFromAuctionQualificationGetsNoNumber_theRecordNamed() {
        org.sunbid.platform.AuctionFlow flow = new org.sunbid.platform.AuctionFlow(this, context);
        Organisation barred = supplier("信用关卡竞买受限有限公司");
        basicAccounts.register(barred.id(), "中国建设银行云州分行", "62179940" + String.format("%011d", Math.abs(barred.id()
                .getMostSignificantBits() % 100_000_000_000L)), Actor.SYSTEM);
        org.sunbid.platform.AuctionFlow.Lot lot = flow.published("TDSYQ_LISTING", START, "8000000.00", "100000.00", "1600000.00");
        // registering for the land lot asks the auction gate, not the bidding gate (a 政府采购 list entry barring BIDDING
        // alone does not bar a land auction)
        Organisation noBidding = supplier("信用关卡竞买报名受限有限公司");
        bar(noBidding.creditCode().value(), noBidding.name(), Set.of(Gate.BIDDING), START.minus(Duration.ofDays(1)),
                START.plus(Duration.ofDays(60)), "政府采购法第七十七条");
        ApiClient.Response notBarred = api().post("/api/v1/tenders/" + lot.id() + "/registrations", "",
                api().freshToken(username(noBidding)));
        assertThat(notBarred.status()).as(notBarred.body()).isEqualTo(200);
        Organisation noAuction = supplier("信用关卡竞买申请受限有限公司");
        UUID auctionRecord = bar(noAuction.creditCode().value(), noAuction.name(), Set.of(Gate.AUCTION_QUALIFICATION),
                START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(60)), "国有建设用地使用权出让失信行为（国土资源部令第39号）");
        assertRefusedNaming(api().post("/api/v1/tenders/" + lot.id() + "/registrations", "", api().freshToken(username(noAuction))),
                auctionRecord, "信用关卡竞买申请受限有限公司", "第39号");
        assertThat(refusalsOf(auctionRecord)).contains("AUCTION_QUALIFICATION");
        // one restricted after registering and paying gets no number
        flow.bidder(lot.id(), username(barred));
        UUID record = bar(barred.creditCode().value(), barred.name(), Set.of(Gate.AUCTION_QUALIFICATION), clock.instant(),
                START.plus(Duration.ofDays(60)), "国有建设用地使用权出让失信行为（国土资源部令第39号）");
        long numbered = jdbc.sql("SELECT count(*) FROM auction_bidder WHERE lot_id = CAST(:l AS UUID)").param("l", lot.id())
                .query(Long.class).single();
        long publicLog = log.size();
        ApiClient api = api();
        ApiClient.Response number = api.get("/api/v1/auctions/" + lot.id() + "/bidder", api.freshToken(username(barred)));
        assertRefusedNaming(number, record, "信用关卡竞买受限有限公司", "第39号");
        assertThat(refusalsOf(record)).contains("AUCTION_QUALIFICATION");
        assertThat(numbered).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM auction_bidder WHERE lot_id = CAST(:l AS UUID)").param("l", lot.id())
                .query(Long.class).single()).isZero();
        assertThat(log.size()).isEqualTo(publicLog);
    }

    /** The workbench's registration page tells the refused bidder, in Chinese, which record bars it; nothing is registered. */
    @Test
    void reg67_theRegistrationPageNamesTheRecordInChinese() throws Exception {
        Organisation barred = supplier("信用关卡页面受限有限公司");
        UUID record = bar(barred.creditCode().value(), barred.name(), Set.of(Gate.BIDDING), clock.instant().minus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(100)), "招标投标法实施条例第六十七条");
        String tender = publishTender(api(), Duration.ofDays(21), "100000").path("id").asString();
        org.sunbid.platform.WebSession session = new org.sunbid.platform.WebSession(baseUrl());
        session.login(username(barred));
        String page = "/workbench/tenders/" + tender;
        session.submit(page, page + "/register", "");
        assertThat(session.get(page).body()).contains("因失信记录受限，不予办理", "信用关卡页面受限有限公司", "串通投标", "第六十七条");
        assertThat(registrations(tender)).isZero();
        assertThat(refusalsOf(record)).contains("BIDDING");
    }

    private int eligibleLawyers(String tender, Instant evaluationStart) {
        ApiClient api = api();
        ApiClient.Response r = api.post("/api/v1/tenders/" + tender + "/expert-draws", ApiClient.json(Map.of(
                "evaluationStart", evaluationStart.toString(), "evaluationVenue", "第一评标室", "representatives", 0,
                "specialties", List.of(Map.of("code", "C02", "count", 49)), "poolRegions", List.of("990100"), "avoid", List.of())),
                api.freshToken("agency"));
        assertThat(r.code()).as(r.body()).isEqualTo("DRAW_POOL_SHORT");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("仅 (\\d+) 名").matcher(r.json().path("detail").asString());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * 招标投标法实施条例 Art. 71–72, 政府采购法实施条例 Art. 75: an expert barred from draws by their own record is not in the
     * draw's pool while the record is in force (like a blacklisted expert), and is again once it ended, nobody acting.
     */
    @Test
    void reg71_gpr75_anExpertBarredByTheirOwnRecordIsLeftOutOfTheDrawUntilItEnds() {
        Instant at = START.plus(Duration.ofDays(50)); // a window no other test's clock reaches
        clock.set(at);
        String tender = publishTender(new ApiClient(baseUrl()), Duration.ofDays(21), "20000").path("id").asString();
        Instant evaluationStart = at.plus(Duration.ofDays(22));
        Organisation employer = supplier("信用关卡专家单位有限公司");
        String username = "cgexpert" + UUID.randomUUID().toString().substring(0, 8);
        UUID account = accounts.create(new Accounts.NewAccount(username, "信用关卡专家", PASSWORD, Role.EXPERT, null, "990100"),
                Actor.SYSTEM);
        UUID expert = experts.register(account, employer.id(), "990100", "律师", List.of("C02"),
                "1370000" + String.format("%04d", (int) (Math.random() * 10000)), Actor.SYSTEM);
        int withExpert = eligibleLawyers(tender, evaluationStart);
        String ref = "CG-" + UUID.randomUUID();
        records.record(new CreditRecords.NewRecord(CreditSubject.expert(expert), "信用关卡专家", CreditClass.GENERAL,
                "评标中不按评标办法评审", "招标投标法实施条例第七十一条", "云州市住房和城乡建设局", "云建罚〔2026〕E" + ref.substring(3, 9) + "号",
                "platform", ref, "990100", Set.of(Gate.EXPERT_DRAW), at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)),
                null, null), Actor.SYSTEM);
        long draws = jdbc.sql("SELECT count(*) FROM expert_draw").query(Long.class).single();

        assertThat(eligibleLawyers(tender, evaluationStart)).isEqualTo(withExpert - 1);
        clock.set(at.plus(Duration.ofHours(1))); // the record's end: eligible again without anyone acting
        assertThat(eligibleLawyers(tender, evaluationStart)).isEqualTo(withExpert);
        assertThat(jdbc.sql("SELECT count(*) FROM expert_draw").query(Long.class).single()).isEqualTo(draws);
    }

    /**
     * 政府采购法 Art. 22/77, 财库〔2016〕125号: a sealed final offer (最后报价) is checked at the instant it arrives — refused
     * while a record bars the supplier, nothing sealed, and taken from the same supplier once the record ended. The record
     * here lasts one millisecond at an instant no other test's clock is set to, so the demo supplier is barred nowhere else.
     */
    @Test
    void gpl22_77_aFinalOfferIsCheckedAtItsArrival() throws Exception {
        clock.set(START);
        ProcurementFlow flow = new ProcurementFlow(this, context);
        Instant deadline = START.plus(Duration.ofDays(21));
        String lot = flow.lot("ZFCG_CONSULTATION", "信用关卡磋商最后报价", "900000.00", "SERVICES", deadline, "COMPREHENSIVE");
        flow.invite(lot, "bidder1", "bidder2", "bidder3");
        assertThat(flow.publish(lot).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        flow.respond(lot, "bidder1", "880000.00", "bidder2", "860000.00", "bidder3", "870000.00");
        flow.closeAndOpen(lot, deadline, 3, 2);
        List<String> members = flow.panelSeated(lot);
        ApiClient.Response begun = flow.asPanel(lot, members.get(0), "", null);
        assertThat(begun.status()).as(begun.body()).isEqualTo(200);
        ApiClient.Response called = flow.callFinalOffers(lot, members.get(0), clock.instant().plus(Duration.ofHours(2)));
        assertThat(called.status()).as(called.body()).isEqualTo(200);

        clock.advance(Duration.ofMillis(17_123));
        Instant t = clock.instant();
        String name = jdbc.sql("SELECT name FROM organisation WHERE credit_code = :c").param("c", creditCodeOf("bidder3"))
                .query(String.class).single();
        UUID record = bar(creditCodeOf("bidder3"), name, Set.of(Gate.BIDDING), t, t.plusMillis(1), "政府采购法第七十七条");
        long offers = jdbc.sql("SELECT count(*) FROM offer_envelope").query(Long.class).single();
        long publicLog = log.size();
        assertRefusedNaming(flow.offer(lot, 1, "bidder3", "850000.00"), record, name, "第七十七条");
        assertThat(jdbc.sql("SELECT count(*) FROM offer_envelope").query(Long.class).single()).isEqualTo(offers);
        assertThat(log.size()).isEqualTo(publicLog);
        clock.advance(Duration.ofMillis(1)); // the record's end: nobody acts
        ApiClient.Response taken = flow.offer(lot, 1, "bidder3", "850000.00");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    }

    /**
     * Issue 20 fix G (attack): a bidder names a rival's credit code as its consortium member, again and again, to read the
     * rival's unpublished records. It learns only that the member it named is restricted here; its own records and
     * published ones are named in full; registering again returns the registration without asking credit again.
     */
    @Test
    void attack_aConsortiumLeadCannotReadARivalsUnpublishedRecordByNamingItAsAMember() {
        Organisation attacker = supplier("信用关卡探查牵头有限公司");
        Organisation rival = supplier("信用关卡被探查对手有限公司");
        String rivalCode = rival.creditCode().value();
        Instant now = clock.instant();
        UUID secret = barUnpublished(rivalCode, "信用关卡被探查对手有限公司", Set.of(Gate.BIDDING), now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(200)), "提供虚假材料谋取中标", "招标投标法实施条例第六十八条", "云州市发展和改革委员会",
                "云发改罚〔2026〕探77号");
        String tender = publishTender(api(), Duration.ofDays(21), "100000").path("id").asString();
        ApiClient api = api();
        String token = api.token(username(attacker));
        String path = "/api/v1/tenders/" + tender + "/registrations";

        ApiClient.Response probe = api.post(path, ApiClient.json(Map.of("consortium", List.of(rivalCode))), token);
        assertThat(probe.status()).as(probe.body()).isEqualTo(403);
        assertThat(probe.code()).isEqualTo("CREDIT_RESTRICTED");
        assertThat(probe.json().path("detail").asString()).contains(rivalCode, "在本环节受信用限制");
        for (String hidden : List.of("信用关卡被探查对手有限公司", "提供虚假材料", "第六十八条", "云州市发展和改革委员会", "探77号",
                secret.toString())) {
            assertThat(probe.body()).doesNotContain(hidden);
        }
        assertThat(refusalsOf(secret)).contains(secret.toString()); // the record of the refusal keeps the record's id

        // registered alone, the attacker's repeat registration with the rival as member is not checked again: it
        // returns the existing registration, nothing is refused and nothing learned
        ApiClient.Response alone = api.post(path, "", token);
        assertThat(alone.status()).as(alone.body()).isEqualTo(200);
        long refusals = confidential(CreditRefusals.REFUSED);
        ApiClient.Response again = api.post(path, ApiClient.json(Map.of("consortium", List.of(rivalCode))), token);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(alone.json().path("id").asString());
        assertThat(again.body()).doesNotContain("提供虚假材料", "在本环节受信用限制");
        assertThat(confidential(CreditRefusals.REFUSED)).isEqualTo(refusals);
        assertThat(jdbc.sql("SELECT count(*) FROM tender_registration_member WHERE credit_code = :c").param("c", rivalCode)
                .query(Long.class).single()).isZero();

        // the bidder's own unpublished record is named to it in full
        Organisation own = supplier("信用关卡自身未公示有限公司");
        UUID ownRecord = barUnpublished(own.creditCode().value(), own.name(), Set.of(Gate.BIDDING), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(100)), "串通投标", "招标投标法实施条例第六十七条", "云州市住房和城乡建设局", "云建罚〔2026〕自1号");
        assertRefusedNaming(api.post(path, "", api.token(username(own))), ownRecord, "信用关卡自身未公示有限公司", "串通投标",
                "第六十七条", "自1号");
    }

    /**
     * Issue 20 fix G (法 Art. 34, 87号令 Art. 14): a drawn supplier barred between the request and the reveal is left off
     * and replaced by the next of the same ranking, so the list keeps the number drawn and the drawn list stays a prefix
     * of the walk anyone re-computes.
     */
    @Test
    void gpl34_order87_art14_aDrawnSupplierBarredBeforeTheRevealIsReplacedByTheNextOfTheRanking() {
        ProcurementFlow flow = new ProcurementFlow(this, context);
        String lot = flow.lot("ZFCG_INQUIRY", "信用关卡递补询价", "300000.00", "GOODS", Instant.parse("2026-11-26T02:00:00Z"));
        List<String> pool = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            pool.add(supplier("信用关卡递补供应商" + i + "有限公司").id().toString());
        }
        byte[] secret = new byte[32];
        secret[0] = 7;
        ApiClient api = api();
        String agency = api.token("agency");
        ApiClient.Response requested = api.post("/api/v1/tenders/" + lot + "/invitations/draw", ApiClient.json(Map.of(
                "recommended", List.of(), "drawCount", 3, "poolSource", "PREQUALIFIED", "prequalified", pool,
                "witnesses", List.of("agency"), "secretHash", Sm3.hex(secret))), agency);
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        List<String> ranking = org.sunbid.platform.procurement.domain.SupplierDraw.ranking(secret,
                requested.json().path("headRoot").asString(), requested.json().path("drawId").asString(), 3,
                pool.stream().sorted().toList());
        // the first ranked is barred after the request, before the reveal
        Organisation first = organisations.find(UUID.fromString(ranking.get(0))).orElseThrow();
        UUID record = bar(first.creditCode().value(), first.name(), Set.of(Gate.INVITATION), clock.instant(),
                clock.instant().plus(Duration.ofDays(100)), "政府采购法第七十七条");

        ApiClient.Response drawn = api.post("/api/v1/tenders/" + lot + "/invitations/draw/reveal",
                ApiClient.json(Map.of("secret", java.util.HexFormat.of().formatHex(secret))), agency);
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(200);
        List<String> drawnIds = new java.util.ArrayList<>();
        drawn.json().path("drawn").forEach(d -> drawnIds.add(d.path("supplierId").asString()));
        assertThat(drawnIds).isEqualTo(ranking.subList(0, 4)); // the walk: the first three, then the next replacing the barred
        List<String> invited = new java.util.ArrayList<>();
        api.get("/api/v1/tenders/" + lot + "/invitations", agency).json().forEach(i -> invited.add(i.path("supplierId").asString()));
        assertThat(invited).hasSize(3).containsExactlyInAnyOrderElementsOf(ranking.subList(1, 4)).doesNotContain(ranking.get(0));
        assertThat(refusalsOf(record)).contains("INVITATION");
    }
}
