package org.sunbid.platform.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.ApiClient;
import org.sunbid.platform.AuctionFlow;
import org.sunbid.platform.PlatformIT;

import tools.jackson.databind.JsonNode;

/**
 * The announcement (出让公告 / 正式披露) of an auction lot against its procedure's rules over HTTP, one test per article:
 * each refused publication leaves the lot a draft with nothing published, no key and no log entry but the document's
 * upload; the same lot with a lawful schedule is then published. Time: everything is published at START (the rules'
 * periods are measured from there, nothing waits); the clock goes back to START after each test.
 */
class AuctionPublicationIT extends PlatformIT {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

    private AuctionFlow flow;

    @BeforeEach
    void start() {
        clock.set(START);
        flow = new AuctionFlow(this, context);
    }

    @AfterEach
    void backToStart() {
        clock.set(START);
    }

    /** What a refused publication must leave unchanged (besides the uploaded document's own entry). */
    private List<Object> state(String lot) {
        List<Object> out = new ArrayList<>();
        out.add(jdbc.sql("SELECT status FROM tender WHERE id = CAST(:t AS UUID)").param("t", lot).query(String.class).single());
        out.add(jdbc.sql("SELECT md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) FROM auction_lot x").query(String.class)
                .single());
        out.add(jdbc.sql("SELECT COUNT(*) FROM tender_opening_key WHERE tender_id = CAST(:t AS UUID)").param("t", lot)
                .query(Long.class).single());
        out.add(flow.logCount(lot, "tendering.tender.published"));
        return out;
    }

    private long logSize() {
        return jdbc.sql("SELECT COUNT(*) FROM log_entry").query(Long.class).single();
    }

    /** Publishing is refused with {@code code} and changes nothing but the document upload's entry; the refusal. */
    private ApiClient.Response refused(String lot, String code) {
        List<Object> before = state(lot);
        long log = logSize();
        ApiClient.Response r = flow.publish(lot, START);
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(state(lot)).isEqualTo(before);
        assertThat(logSize()).isEqualTo(log + 1);
        return r;
    }

    private String draft(String procedure, AuctionFlow.Plan plan, String startPrice, String deposit) {
        return flow.lot(procedure, "云州测试标的" + System.nanoTime() % 10000, startPrice, deposit, plan.applicationClose());
    }

    @Test
    void land39_art8_announcementAtLeastTwentyDays() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_LISTING", START);
        String lot = draft("TDSYQ_LISTING", plan, "8000000.00", "1600000.00");
        Map<String, Object> early = flow.termsBody("TDSYQ_LISTING", plan, "8000000.00", "100000.00");
        early.put("biddingStart", START.plus(Duration.ofDays(20)).minusSeconds(60).toString());
        assertThat(flow.terms(lot, early).status()).isEqualTo(200);
        ApiClient.Response r = refused(lot, "AUCTION_ANNOUNCEMENT_TOO_SHORT");
        assertThat(r.body()).contains("国土资源部令第39号第八条");
        early.put("biddingStart", START.plus(Duration.ofDays(20)).toString());
        assertThat(flow.terms(lot, early).status()).isEqualTo(200);
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
        assertThat(flow.view(lot).json().path("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void land39_art18_listingAtLeastTenWorkingDays() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_LISTING", START);
        String lot = draft("TDSYQ_LISTING", plan, "8000000.00", "1600000.00");
        Map<String, Object> shortListing = flow.termsBody("TDSYQ_LISTING", plan, "8000000.00", "100000.00");
        shortListing.put("freeEnd", plan.freeEnd().minus(Duration.ofDays(1)).toString());
        assertThat(flow.terms(lot, shortListing).status()).isEqualTo(200);
        refused(lot, "AUCTION_LISTING_TOO_SHORT");
        assertThat(flow.terms(lot, flow.termsBody("TDSYQ_LISTING", plan, "8000000.00", "100000.00")).status()).isEqualTo(200);
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
    }

    @Test
    void land39_art11_applicationsCloseTwoDaysBeforeTheListingEnds() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_LISTING", START);
        String lot = flow.lot("TDSYQ_LISTING", "云州申请截止测试", "8000000.00", "1600000.00", plan.freeEnd().minus(Duration.ofDays(1)));
        assertThat(flow.terms(lot, flow.termsBody("TDSYQ_LISTING", plan, "8000000.00", "100000.00")).status()).isEqualTo(200);
        refused(lot, "AUCTION_APPLICATION_CLOSE_TOO_LATE");
    }

    @Test
    void land2010_34_depositAtLeastTwentyPercentOfTheStartPrice() {
        AuctionFlow.Plan plan = flow.plan("TDSYQ_AUCTION", START);
        String lot = draft("TDSYQ_AUCTION", plan, "8000000.00", "1599999.99");
        assertThat(flow.terms(lot, flow.termsBody("TDSYQ_AUCTION", plan, "8000000.00", "100000.00")).status()).isEqualTo(200);
        ApiClient.Response r = refused(lot, "AUCTION_DEPOSIT_TOO_LOW");
        assertThat(r.body()).contains("1600000.00");
    }

    @Test
    void kyq_noticeTwentyWorkingDays() {
        AuctionFlow.Plan plan = flow.plan("KYQ_LISTING", START);
        String lot = draft("KYQ_LISTING", plan, "8000000.00", "1600000.00");
        Map<String, Object> early = flow.termsBody("KYQ_LISTING", plan, "8000000.00", "100000.00");
        early.put("biddingStart", plan.biddingStart().minus(Duration.ofDays(1)).toString());
        assertThat(flow.terms(lot, early).status()).isEqualTo(200);
        assertThat(refused(lot, "AUCTION_ANNOUNCEMENT_TOO_SHORT").body()).contains("自然资规〔2023〕1号");
        JsonNode view = flow.terms(lot, flow.termsBody("KYQ_LISTING", plan, "8000000.00", "100000.00")).json();
        assertThat(view.path("details").path("premiumRate").asString()).isEqualTo("3.6"); // 出让收益率, apart from the bid
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
    }

    @Test
    void gycq32_art17_firstDisclosureAtLeastTheAppraisal() {
        AuctionFlow.Plan plan = flow.plan("GYCQ_ONLINE_BIDDING", START);
        String lot = draft("GYCQ_ONLINE_BIDDING", plan, "8000000.00", "800000.00");
        Map<String, Object> body = flow.termsBody("GYCQ_ONLINE_BIDDING", plan, "8000000.00", "100000.00");
        body.put("appraisal", "8000000.01");
        assertThat(flow.terms(lot, body).status()).isEqualTo(200);
        assertThat(refused(lot, "AUCTION_START_BELOW_APPRAISAL").body()).contains("第十七条");
    }

    @Test
    void gycq32_art18_belowNinetyPercentNeedsApproval() {
        AuctionFlow.Lot first = flow.published("GYCQ_ONLINE_BIDDING", START, "8000000.00", "100000.00", "800000.00");
        AuctionFlow.Plan plan = flow.plan("GYCQ_ONLINE_BIDDING", START);
        String again = draft("GYCQ_ONLINE_BIDDING", plan, "7000000.00", "700000.00");
        Map<String, Object> body = flow.termsBody("GYCQ_ONLINE_BIDDING", plan, "7000000.00", "100000.00");
        body.remove("appraisal"); // the re-disclosure keeps the first one's appraisal
        body.put("previousLotId", first.id());
        JsonNode set = flow.terms(again, body).json();
        assertThat(set.path("appraisal").asString()).isEqualTo("8000000.00");
        assertThat(set.path("previousLotId").asString()).isEqualTo(first.id());
        ApiClient.Response r = refused(again, "AUCTION_APPROVAL_REQUIRED");
        assertThat(r.body()).contains("7200000.00", "第十八条");
        // a price not lower than the earlier one is no re-disclosure
        Map<String, Object> notLower = new LinkedHashMap<>(body);
        notLower.put("startPrice", "8000000.00");
        assertThat(flow.terms(again, notLower).code()).isEqualTo("INVALID_AUCTION_TERMS");
        Map<String, Object> approved = new LinkedHashMap<>(body);
        approved.put("approval", Map.of("approver", "云州市人民政府国有资产监督管理委员会", "documentNumber", "云国资产权〔2026〕18号",
                "date", "2026-11-20", "fileSm3", org.sunbid.crypto.Sm3.hex("书面同意文件")));
        JsonNode withApproval = flow.terms(again, approved).json();
        assertThat(withApproval.path("approval").path("documentNumber").asString()).isEqualTo("云国资产权〔2026〕18号");
        assertThat(flow.logCount(again, "auction.approval.recorded")).isEqualTo(1);
        assertThat(flow.publish(again, START).status()).isEqualTo(200);
        assertThat(flow.view(again).json().path("approval").path("approver").asString()).isEqualTo("云州市人民政府国有资产监督管理委员会");
    }

    @Test
    void gycq32_art39_capitalIncreaseFortyWorkingDays() {
        AuctionFlow.Plan plan = flow.plan("GYCQ_CAPITAL_INCREASE", START);
        String lot = draft("GYCQ_CAPITAL_INCREASE", plan, "8000000.00", "800000.00");
        Map<String, Object> early = flow.termsBody("GYCQ_CAPITAL_INCREASE", plan, "8000000.00", "100000.00");
        // what 32号令 Art. 13's 20 working days would allow is too early for a capital increase
        AuctionFlow.Plan twenty = flow.plan("GYCQ_ONLINE_BIDDING", START);
        early.put("biddingStart", twenty.biddingStart().toString());
        early.put("freeEnd", twenty.freeEnd().toString());
        assertThat(flow.terms(lot, early).status()).isEqualTo(200);
        assertThat(refused(lot, "AUCTION_ANNOUNCEMENT_TOO_SHORT").body()).contains("第三十九条", "40");
        assertThat(flow.terms(lot, flow.termsBody("GYCQ_CAPITAL_INCREASE", plan, "8000000.00", "100000.00")).status()).isEqualTo(200);
        assertThat(flow.publish(lot, START).status()).isEqualTo(200);
    }

    @Test
    void gycq32_art48_assetTransferNoticeByValueBand() {
        // at the band (10,000,000.00) 10 working days suffice; above it 20
        AuctionFlow.Plan ten = flow.plan("GYCQ_ASSET_TRANSFER", START, "10000000.00");
        String atBand = draft("GYCQ_ASSET_TRANSFER", ten, "10000000.00", "1000000.00");
        assertThat(flow.terms(atBand, flow.termsBody("GYCQ_ASSET_TRANSFER", ten, "10000000.00", "100000.00")).status()).isEqualTo(200);
        String above = draft("GYCQ_ASSET_TRANSFER", ten, "10000000.01", "1000000.00");
        assertThat(flow.terms(above, flow.termsBody("GYCQ_ASSET_TRANSFER", ten, "10000000.01", "100000.00")).status()).isEqualTo(200);
        assertThat(refused(above, "AUCTION_ANNOUNCEMENT_TOO_SHORT").body()).contains("第四十八条", "20");
        assertThat(flow.publish(atBand, START).status()).isEqualTo(200);
        AuctionFlow.Plan twenty = flow.plan("GYCQ_ASSET_TRANSFER", START, "10000000.01");
        assertThat(twenty.biddingStart()).isAfter(ten.biddingStart());
    }
}
