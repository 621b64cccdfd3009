package org.sunbid.platform.disclosure.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.LotView;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.ProjectCategory;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.disclosure.DealStage;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.evaluation.Stage;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.sealing.OpenedBid;
import org.sunbid.platform.tendering.EvaluationMethod;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderTerms;
import org.sunbid.platform.tendering.TenderView;

/** The mapping of a lot's public facts to the national datasets: which records, keyed how, carrying what. */
class DatasetsTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-02T02:00:00Z");
    static final Instant DEADLINE = Instant.parse("2026-11-22T02:00:00Z");
    static final String PLATFORM = "91990100MA0PTFM00M";

    static Datasets.LotFacts facts(DealKind kind, Datasets.Opening opening, Awards.AwardView award, AuctionTerms terms,
            AuctionResults.ResultView result) {
        UUID projectId = UUID.randomUUID();
        UUID lotId = UUID.randomUUID();
        String deal = kind.name() + "-" + PLATFORM + "-20261102-0007";
        LotView lot = new LotView(lotId, projectId, 1, deal + "-1", "一标段", Money.yuan("1000000.00"));
        ProjectView project = new ProjectView(projectId, deal, kind, kind.name() + "_OPEN", "云州市第一中学教学楼", "530100",
                UUID.randomUUID(), null, Money.yuan("1000000.00"), null, ProjectCategory.WORKS, null,
                PUBLISHED.minus(Duration.ofDays(1)), List.of(lot));
        TenderTerms terms2 = new TenderTerms("YZ-2026-0007", "云州市第一中学教学楼施工", "房屋建筑工程",
                Money.yuan("1000000.00"), Money.yuan("20000.00"), "房屋建筑工程施工总承包三级", EvaluationMethod.COMPREHENSIVE,
                DEADLINE, "云州市公共资源交易中心开标室", 90, DEADLINE.minus(Duration.ofDays(2)), "招标公告正文",
                List.of(new TenderTerms.Lot("一标段", Money.yuan("1000000.00"))));
        TenderView tender = new TenderView(lotId, terms2, project.ownerId(), null, "530100", TenderStatus.PUBLISHED, DEADLINE,
                PUBLISHED, List.of(), List.of());
        ProjectPortal.PublicLot publicLot = new ProjectPortal.PublicLot(lot, tender, DealStage.PUBLISHED);
        ProcedureView procedure = new ProcedureView(kind.name() + "_OPEN", kind, "OPEN", "公开招标", "Open tender", List.of(),
                true);
        ProjectPortal.PublicProject p = new ProjectPortal.PublicProject(project, procedure, "云州市", "云州市教育局", null,
                PUBLISHED, List.of(DealStage.PUBLISHED), List.of(publicLot));
        return new Datasets.LotFacts(p, publicLot, PLATFORM, opening, award, terms, result);
    }

    static List<String> ids(List<ExchangeRecord> records) {
        return records.stream().map(ExchangeRecord::recordId).toList();
    }

    @Test
    void aPublishedConstructionLotGivesItsProjectTenderProjectSectionAndNoticeKeyedByTheDealCode() {
        Datasets.LotFacts f = facts(DealKind.GCJS, null, null, null, null);
        String deal = f.project().project().dealCode();
        List<ExchangeRecord> records = Datasets.of(f);
        assertThat(ids(records)).containsExactly("GCJS_NOTICE:" + deal + "-1", "GCJS_PROJECT:" + deal,
                "GCJS_SECTION:" + deal + "-1", "GCJS_TENDER_PROJECT:" + deal);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.dealCode()).isEqualTo(deal);
            assertThat(r.contentSm3()).isEqualTo(Sm3.hex(r.payload()));
            assertThat(r.payload()).contains("\"UNIFIED_DEAL_CODE\":\"" + deal + "\"", "\"DATA_SPEC\":\"V1.0\"",
                    "\"PLATFORM_CODE\":\"" + PLATFORM + "\"");
        });
        ExchangeRecord notice = records.get(0);
        assertThat(notice.payload()).contains("\"BID_SECTION_CODE\":\"" + deal + "-1\"", "\"NOTICE_CONTENT\":\"招标公告正文\"",
                "\"BID_DOC_REFER_END_TIME\":\"2026-11-22T02:00:00Z\"", "\"MARGIN\":\"20000.00\"",
                "\"DATA_TIMESTAMP\":\"2026-11-02T02:00:00Z\"");
        assertThat(notice.publishedAt()).isEqualTo(PUBLISHED);
    }

    @Test
    void theSameFactsGiveTheSameRecordsAndSm3sAndAChangedFactChangesOnlyItsRecordsContent() {
        Datasets.LotFacts f = facts(DealKind.GCJS, null, null, null, null);
        assertThat(Datasets.of(f)).isEqualTo(Datasets.of(f));
        Datasets.Opening opening = new Datasets.Opening(DEADLINE.plusSeconds(60), "ab".repeat(32), List.of(
                new OpenedBid(UUID.randomUUID(), UUID.randomUUID(), "云州建工集团", true, new BigDecimal("950000.00"), Map.of(),
                        List.of("技术标.pdf"), null)));
        Datasets.LotFacts opened = new Datasets.LotFacts(f.project(), f.lot(), f.platformCode(), opening, null, null, null);
        List<ExchangeRecord> after = Datasets.of(opened);
        assertThat(after).containsAll(Datasets.of(f));
        ExchangeRecord record = after.stream().filter(r -> r.dataset().equals("GCJS_OPENING_RECORD")).findFirst().orElseThrow();
        assertThat(record.payload()).contains("\"BIDDER_NAME\":\"云州建工集团\"", "\"BID_PRICE\":\"950000.00\"")
                .doesNotContain("技术标.pdf"); // the decrypted files are the committee's, not open data
        assertThat(record.publishedAt()).isEqualTo(DEADLINE.plusSeconds(60));
    }

    @Test
    void candidatesAndTheEvaluationSummaryAppearOncePublicisedAndTheResultOnceAwarded() {
        Map<String, Object> c1 = new LinkedHashMap<>();
        c1.put("rank", 1L);
        c1.put("bidderId", UUID.randomUUID());
        c1.put("bidder", "云州建工集团");
        c1.put("price", "950000.00");
        c1.put("score", "91.50");
        Instant starts = DEADLINE.plus(Duration.ofDays(3));
        Awards.AwardView publicity = new Awards.AwardView(UUID.randomUUID(), "YZ-2026-0007", "x", Stage.PUBLICITY, starts,
                starts.plus(Duration.ofDays(3)), List.of(c1), List.of(), null, "GCJS_OPEN", null, null);
        List<ExchangeRecord> records = Datasets.of(facts(DealKind.GCJS, null, publicity, null, null));
        String lot = records.get(0).dealCode() + "-1";
        assertThat(ids(records)).contains("GCJS_EVALUATION_REPORT:" + lot, "GCJS_WIN_CANDIDATE:" + lot + ":1")
                .doesNotContain("GCJS_RESULT_NOTICE:" + lot);
        ExchangeRecord report = records.stream().filter(r -> r.dataset().equals("GCJS_EVALUATION_REPORT")).findFirst()
                .orElseThrow();
        assertThat(report.payload()).contains("\"CANDIDATE_COUNT\":1").doesNotContain("bidderId");

        Awards.Winner winner = new Awards.Winner(UUID.randomUUID(), "云州建工集团", "950000.00", starts.plus(Duration.ofDays(4)),
                "{\"price\":\"950000.00\"}", "sig", null, null, false, false, null, null, false);
        Awards.AwardView awarded = new Awards.AwardView(publicity.tenderId(), "YZ-2026-0007", "x", Stage.AWARDED, starts,
                starts.plus(Duration.ofDays(3)), List.of(c1), List.of(), winner, "GCJS_OPEN", null, null);
        ExchangeRecord result = Datasets.of(facts(DealKind.GCJS, null, awarded, null, null)).stream()
                .filter(r -> r.dataset().equals("GCJS_RESULT_NOTICE")).findFirst().orElseThrow();
        assertThat(result.payload()).contains("\"WIN_BIDDER_NAME\":\"云州建工集团\"", "\"WIN_BID_PRICE\":\"950000.00\"",
                "\"AWARD_NOTICE_SM3\":\"" + Sm3.hex("{\"price\":\"950000.00\"}") + "\"");
    }

    @Test
    void aProcurementLotGivesItsNoticeAndOnceAwardedItsResultNeverCandidatesOrAnOpeningRecord() {
        Datasets.Opening opening = new Datasets.Opening(DEADLINE, "cd".repeat(32), List.of());
        Awards.ResultNotice notice = new Awards.ResultNotice(DEADLINE.plus(Duration.ofDays(5)), null, null, "doc");
        Awards.Winner winner = new Awards.Winner(UUID.randomUUID(), "云州办公设备有限公司", "88000.00",
                DEADLINE.plus(Duration.ofDays(5)), "{}", "sig", null, null, false, false, null, null, false);
        Awards.AwardView awarded = new Awards.AwardView(UUID.randomUUID(), "ZC-1", "x", Stage.AWARDED, null, null, List.of(),
                List.of(), winner, "ZFCG_OPEN", DEADLINE, notice);
        List<ExchangeRecord> records = Datasets.of(facts(DealKind.ZFCG, opening, awarded, null, null));
        String deal = records.get(0).dealCode();
        assertThat(ids(records)).containsExactly("ZFCG_NOTICE:" + deal + "-1", "ZFCG_PROJECT:" + deal,
                "ZFCG_RESULT_NOTICE:" + deal + "-1");
        assertThat(records.get(2).publishedAt()).isEqualTo(notice.publishedAt());
    }

    @Test
    void aLandLotGivesItsAnnouncementWithTheTermsAndItsDealResultWithThePremiumRate() {
        AuctionTerms terms = new AuctionTerms(UUID.randomUUID(), AuctionFormat.LISTING, 100_000_000L, 1_000_000L,
                DEADLINE, DEADLINE.plus(Duration.ofDays(10)), Duration.ofMinutes(5), Duration.ZERO, Duration.ofMinutes(4), 2,
                1, true);
        Instant decided = DEADLINE.plus(Duration.ofDays(10));
        AuctionResults.ResultView result = new AuctionResults.ResultView(terms.lotId(), "TDSYQ_LISTING", true, null, null,
                Money.yuan("1050000.00"), Money.yuan("1000000.00"), 12, "A003", "云州置业有限公司", "91530100MA6K000001",
                Money.yuan("1200000.00"), Money.yuan("200000.00"), new BigDecimal("20.00"), "20.0000", decided, decided,
                decided, null, null, null, null, Money.yuan("200000.00"), null, null, null);
        List<ExchangeRecord> records = Datasets.of(facts(DealKind.TDSYQ, null, null, terms, result));
        String deal = records.get(0).dealCode();
        assertThat(ids(records)).containsExactly("TDSYQ_ANNOUNCEMENT:" + deal + "-1", "TDSYQ_DEAL_RESULT:" + deal + "-1",
                "TDSYQ_PROJECT:" + deal);
        assertThat(records.get(0).payload()).contains("\"START_PRICE\":\"1000000.00\"", "\"AUCTION_FORMAT\":\"LISTING\"")
                .doesNotContain("RESERVE_PRICE");
        assertThat(records.get(1).payload()).contains("\"PREMIUM_RATE\":\"20.00\"", "\"DEAL_PRICE\":\"1200000.00\"",
                "\"RESERVE_PRICE\":\"1050000.00\"", "\"WIN_BIDDER_NAME\":\"云州置业有限公司\"");
        // before the result, no reserve anywhere: the announcement alone
        assertThat(Datasets.of(facts(DealKind.TDSYQ, null, null, terms, null))).extracting(ExchangeRecord::payload)
                .noneMatch(p -> p.contains("RESERVE_PRICE"));
    }
}
