package org.sunbid.platform.disclosure.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.auction.AuctionResults;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.disclosure.ProjectPortal;
import org.sunbid.platform.evaluation.Awards;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.sealing.OpenedBid;

/**
 * The mapping from a published lot's public facts to the national datasets ({@link DataSpec}). Plain Java: what it is
 * given is only what the portal shows an anonymous visitor, gathered by {@link Exporter}; absent facts (not opened yet,
 * no publicity yet, no result yet) give no record. Every payload is canonical JSON (keys sorted, amounts as decimal
 * strings in yuan, times as ISO-8601 UTC), so the same facts always give the same bytes and the same SM3.
 *
 * <p>Fields every record carries: {@code DATA_SPEC}, {@code UNIFIED_DEAL_CODE}, {@code PLATFORM_CODE} and
 * {@code PUB_SERVICE_PLAT_CODE} (both the platform operator's 统一社会信用代码: this platform is its own public service
 * system), {@code DATA_TIMESTAMP} (when the facts became public, never the export time, so a replay rebuilds the same
 * record). Record keys: project-level datasets by the deal code, lot-level ones by the lot code
 * ({@code BID_SECTION_CODE}), candidates by lot code and rank.
 */
final class Datasets {

    private Datasets() {
    }

    /**
     * A published lot's public facts.
     *
     * @param project      the public project (its first publication, owner and agency names)
     * @param lot          the published lot and its tender
     * @param platformCode the platform operator's 统一社会信用代码
     * @param opening      the opening, once opened (construction only), or null
     * @param award        the award as the public sees it, once public, or null
     * @param terms        an auction lot's terms, or null
     * @param result       an auction lot's published result, or null
     */
    record LotFacts(ProjectPortal.PublicProject project, ProjectPortal.PublicLot lot, String platformCode, Opening opening,
            Awards.AwardView award, AuctionTerms terms, AuctionResults.ResultView result) {
    }

    /** An opened lot's opening record: when, the SM3 of the signed record, the bids it lists. */
    record Opening(Instant openedAt, String recordSm3, List<OpenedBid> bids) {
    }

    /** Every record the facts give, ordered by record id. */
    static List<ExchangeRecord> of(LotFacts f) {
        List<ExchangeRecord> out = new ArrayList<>();
        DealKind kind = f.project().project().kind();
        String prefix = kind.name();
        out.add(project(f, kind == DealKind.GCJS ? DataSpec.GCJS_PROJECT : DataSpec.project(prefix)));
        switch (kind) {
            case GCJS -> construction(f, out);
            case ZFCG -> procurement(f, out);
            case TDSYQ, KYQ, GYCQ -> sale(f, prefix, out);
        }
        out.sort(java.util.Comparator.comparing(ExchangeRecord::recordId));
        return out;
    }

    private static void construction(LotFacts f, List<ExchangeRecord> out) {
        Map<String, Object> tp = base(f, f.project().publishedAt());
        tp.put("TENDER_PROJECT_CODE", dealCode(f));
        tp.put("TENDER_PROJECT_NAME", f.project().project().name());
        tp.put("TENDER_MODE", f.project().procedure().code());
        tp.put("TENDER_MODE_NAME", f.project().procedure().nameZh());
        tp.put("TENDERER_NAME", f.project().ownerName());
        tp.put("TENDER_AGENCY_NAME", f.project().agencyName());
        tp.put("LOT_COUNT", f.project().lotCount());
        out.add(record(DataSpec.GCJS_TENDER_PROJECT, dealCode(f), f, tp));

        Map<String, Object> section = lotBase(f, f.lot().tender().publishedAt());
        section.put("BID_SECTION_NAME", f.lot().lot().name());
        section.put("BID_SECTION_NO", f.lot().lot().lotNo());
        section.put("CONTRACT_RECKON_PRICE", amount(f.lot().lot().budget()));
        out.add(record(DataSpec.GCJS_SECTION, lotCode(f), f, section));

        out.add(notice(f, DataSpec.GCJS_NOTICE));

        if (f.opening() != null) {
            Map<String, Object> o = lotBase(f, f.opening().openedAt());
            o.put("BID_OPEN_TIME", time(f.opening().openedAt()));
            o.put("OPENING_RECORD_SM3", f.opening().recordSm3());
            List<Object> bids = new ArrayList<>();
            for (OpenedBid b : f.opening().bids()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("BIDDER_NAME", b.bidder());
                row.put("BID_PRICE", b.price() == null ? null : b.price().toPlainString());
                row.put("OPENED", b.opened());
                row.put("REJECTION", b.rejection());
                bids.add(row);
            }
            o.put("BIDS", bids);
            out.add(record(DataSpec.GCJS_OPENING_RECORD, lotCode(f), f, o));
        }

        Awards.AwardView a = f.award();
        if (a != null && a.publicityStarts() != null) {
            // the report's public summary only: never the experts, their scores or the report itself
            Map<String, Object> r = lotBase(f, a.publicityStarts());
            r.put("EVALUATION_METHOD", f.lot().tender().terms().evaluationMethod().name());
            r.put("CANDIDATE_COUNT", a.candidates().size());
            r.put("PUBLICITY_START_TIME", time(a.publicityStarts()));
            r.put("PUBLICITY_END_TIME", time(a.publicityEnds()));
            out.add(record(DataSpec.GCJS_EVALUATION_REPORT, lotCode(f), f, r));
            for (Map<String, Object> c : a.candidates()) {
                Map<String, Object> row = lotBase(f, a.publicityStarts());
                row.put("WIN_CANDIDATE_RANK", text(c.get("rank")));
                row.put("BIDDER_NAME", text(c.get("bidder")));
                row.put("BID_PRICE", text(c.get("price")));
                row.put("EVALUATION_SCORE", text(c.get("score")));
                row.put("PUBLICITY_START_TIME", time(a.publicityStarts()));
                row.put("PUBLICITY_END_TIME", time(a.publicityEnds()));
                out.add(record(DataSpec.GCJS_WIN_CANDIDATE, lotCode(f) + ":" + text(c.get("rank")), f, row));
            }
        }
        if (a != null && a.winner() != null) {
            out.add(result(f, DataSpec.GCJS_RESULT_NOTICE, a.winner().awardedAt()));
        }
    }

    private static void procurement(LotFacts f, List<ExchangeRecord> out) {
        out.add(notice(f, DataSpec.ZFCG_NOTICE));
        Awards.AwardView a = f.award();
        if (a != null && a.winner() != null) {
            Instant at = a.resultNotice() != null ? a.resultNotice().publishedAt() : a.winner().awardedAt();
            out.add(result(f, DataSpec.ZFCG_RESULT_NOTICE, at));
        }
    }

    private static void sale(LotFacts f, String prefix, List<ExchangeRecord> out) {
        Map<String, Object> n = noticeFields(f);
        if (f.terms() != null) {
            AuctionTerms t = f.terms();
            n.put("AUCTION_FORMAT", t.format().name());
            n.put("START_PRICE", fen(t.startPrice()));
            n.put("BID_INCREMENT", fen(t.increment()));
            n.put("BIDDING_START_TIME", time(t.biddingStart()));
            n.put("FREE_BIDDING_END_TIME", time(t.freeEnd()));
            n.put("RESERVE_SEALED", t.reserveSealed());
        }
        out.add(record(DataSpec.announcement(prefix), lotCode(f), f, n));
        AuctionResults.ResultView r = f.result();
        if (r != null) {
            Instant at = r.noticePublishedAt() != null ? r.noticePublishedAt() : r.decidedAt();
            Map<String, Object> d = lotBase(f, at);
            d.put("DEAL", r.deal());
            d.put("NO_DEAL_REASON", r.noDealReason());
            d.put("START_PRICE", amount(r.startPrice()));
            d.put("RESERVE_PRICE", amount(r.reserve())); // the result exists only once the reserve was opened
            d.put("DEAL_PRICE", amount(r.price()));
            d.put("PREMIUM", amount(r.premium()));
            d.put("PREMIUM_RATE", r.premiumRate() == null ? null : r.premiumRate().toPlainString());
            d.put("PREMIUM_RATE_EXACT", r.premiumRateExact());
            d.put("WIN_BIDDER_NAME", r.winnerName());
            d.put("WIN_BIDDER_CODE", r.winnerCreditCode());
            d.put("BID_COUNT", r.bids());
            d.put("DEAL_TIME", time(r.decidedAt()));
            d.put("NOTICE_SEND_TIME", time(r.noticePublishedAt()));
            out.add(record(DataSpec.dealResult(prefix), lotCode(f), f, d));
        }
    }

    private static ExchangeRecord project(LotFacts f, String dataset) {
        Map<String, Object> p = base(f, f.project().publishedAt());
        p.put("PROJECT_CODE", dealCode(f));
        p.put("PROJECT_NAME", f.project().project().name());
        p.put("REGION_CODE", f.project().project().regionCode());
        p.put("REGION_NAME", f.project().regionName());
        p.put("OWNER_NAME", f.project().ownerName());
        p.put("AGENCY_NAME", f.project().agencyName());
        p.put("PROCEDURE_CODE", f.project().procedure().code());
        p.put("PROJECT_BUDGET", amount(f.project().project().budget()));
        p.put("PRICE_CAP", amount(f.project().project().priceCap()));
        p.put("CATEGORY", f.project().project().category().name());
        p.put("ITEM_CODE", f.project().project().itemCode());
        return record(dataset, dealCode(f), f, p);
    }

    private static ExchangeRecord notice(LotFacts f, String dataset) {
        return record(dataset, lotCode(f), f, noticeFields(f));
    }

    private static Map<String, Object> noticeFields(LotFacts f) {
        var t = f.lot().tender();
        Map<String, Object> n = lotBase(f, t.publishedAt());
        n.put("NOTICE_NAME", t.terms().name());
        n.put("NOTICE_NO", t.terms().projectCode());
        n.put("NOTICE_CONTENT", t.terms().notice());
        n.put("NOTICE_SEND_TIME", time(t.publishedAt()));
        n.put("DOC_GET_END_TIME", time(t.terms().documentsAvailableUntil()));
        n.put("BID_DOC_REFER_END_TIME", time(t.bidDeadline()));
        n.put("BID_OPEN_PLACE", t.terms().openingVenue());
        n.put("ESTIMATED_PRICE", amount(t.terms().estimatedPrice()));
        n.put("MARGIN", amount(t.terms().deposit()));
        n.put("QUALIFICATION", t.terms().qualification());
        n.put("EVALUATION_METHOD", t.terms().evaluationMethod().name());
        return n;
    }

    private static ExchangeRecord result(LotFacts f, String dataset, Instant at) {
        Awards.Winner w = f.award().winner();
        Map<String, Object> r = lotBase(f, at);
        r.put("WIN_BIDDER_NAME", w.bidder());
        r.put("WIN_BID_PRICE", w.price());
        r.put("AWARD_TIME", time(w.awardedAt()));
        r.put("NOTICE_SEND_TIME", time(at));
        r.put("AWARD_NOTICE_SM3", w.notice() == null ? null : Sm3.hex(w.notice()));
        return record(dataset, lotCode(f), f, r);
    }

    private static Map<String, Object> base(LotFacts f, Instant at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DATA_SPEC", DataSpec.DATA_SPEC);
        m.put("UNIFIED_DEAL_CODE", dealCode(f));
        m.put("PLATFORM_CODE", f.platformCode());
        m.put("PUB_SERVICE_PLAT_CODE", f.platformCode());
        m.put("DATA_TIMESTAMP", time(at));
        return m;
    }

    private static Map<String, Object> lotBase(LotFacts f, Instant at) {
        Map<String, Object> m = base(f, at);
        m.put("TENDER_PROJECT_CODE", dealCode(f));
        m.put("BID_SECTION_CODE", lotCode(f));
        return m;
    }

    private static ExchangeRecord record(String dataset, String key, LotFacts f, Map<String, Object> payload) {
        return ExchangeRecord.of(dataset, key, dealCode(f), CanonicalJson.write(payload),
                Instant.parse((String) payload.get("DATA_TIMESTAMP")));
    }

    private static String dealCode(LotFacts f) {
        return f.project().project().dealCode();
    }

    private static String lotCode(LotFacts f) {
        return f.lot().lot().lotCode();
    }

    private static String amount(Money m) {
        return m == null ? null : m.toString();
    }

    private static String fen(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
