package org.sunbid.platform.auction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.auction.domain.AuctionFormat;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.Schedule;
import org.sunbid.platform.deals.DealKind;
import org.sunbid.platform.deals.ProcedureView;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.ProjectView;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auction lot's terms: format, start price, increment, schedule, parcel or asset details (part L). The lot is a
 * tendering tender of a procedure whose rules hold LIVE_BIDDING; its owner or agency sets the terms while it is a draft
 * ({@link #setTerms}); they are public once the announcement is published ({@link #view}). The format comes from the
 * procedure's steps (LISTING → 挂牌, AUCTION → 拍卖, ONLINE_BIDDING → 网络竞价), the countdown, freeze, pause and bidder
 * minimums from its rules at the event's time. Every change is logged.
 */
@Service
public class AuctionLots {

    /** What the lot's owner enters (amounts in yuan as typed; null where not given). */
    public record TermsInput(String format, String startPrice, String increment, Instant biddingStart, Instant freeEnd,
            Integer countdownMinutes, Map<String, Object> details, String appraisal, Boolean reserveSealed, UUID previousLotId,
            ApprovalInput approval) {
    }

    /** A written approval (32号令 Art. 18): approver, document number (文号), date, the file's SM3 (64 hex). */
    public record ApprovalInput(String approver, String documentNumber, LocalDate date, String fileSm3) {
    }

    /** The detail fields each kind requires (land 39号令 Art. 9; mining 自然资规〔2023〕1号; state property 32号令 Art. 13). */
    private static final Map<DealKind, List<String>> REQUIRED_DETAILS = Map.of(
            DealKind.TDSYQ, List.of("parcelNo", "location", "areaSqm", "landUse", "plotRatio", "termYears"),
            DealKind.KYQ, List.of("mineral", "rightType", "areaSqKm", "premiumRate"),
            DealKind.GYCQ, List.of("transferor", "subject", "transactionType"));

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final Clock clock;

    AuctionLots(JdbcClient jdbc, Tenders tenders, Projects projects, Procedures procedures, AuditLog auditLog, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.auditLog = auditLog;
        this.json = json;
        this.clock = clock;
    }

    /** The stored row of a lot's terms. */
    record Row(UUID lotId, String procedureCode, DealKind kind, AuctionFormat format, long startPrice, long increment,
            Instant biddingStart, Instant freeEnd, Integer countdownMinutes, boolean reserveSealed, Long appraisal,
            Map<String, Object> details, UUID previousLotId, Schedule.Approval approval, Instant updatedAt) {
    }

    /** Every lot that has auction terms (an auction lot), published or not. */
    public java.util.Set<UUID> lotIds() {
        return java.util.Set.copyOf(jdbc.sql("SELECT lot_id FROM auction_lot").query(UUID.class).list());
    }

    /** The room terms of lot {@code lotId}, once set (empty for a lot that is not an auction lot). */
    public Optional<AuctionTerms> terms(UUID lotId) {
        return row(lotId).map(r -> roomTerms(r, rulesOf(r, lotId)));
    }

    /** The format a procedure's steps give (LISTING → LISTING, AUCTION → ASCENDING, ONLINE_BIDDING → NETWORK), or empty. */
    public static Optional<AuctionFormat> formatOf(ProcedureView procedure) {
        List<String> steps = procedure.steps();
        if (steps.contains("LISTING")) {
            return Optional.of(AuctionFormat.LISTING);
        }
        if (steps.contains("AUCTION")) {
            return Optional.of(AuctionFormat.ASCENDING);
        }
        if (steps.contains("ONLINE_BIDDING")) {
            return Optional.of(AuctionFormat.NETWORK);
        }
        return Optional.empty();
    }

    /**
     * The lot's owner or agency sets (or replaces) its terms while the lot is a draft. Refused: a lot of a procedure
     * without LIVE_BIDDING or without an auction step ({@code INVALID_AUCTION_TERMS} "procedure"), a published lot
     * ({@code AUCTION_TERMS_FIXED}), a field missing or invalid ({@code INVALID_AUCTION_TERMS} naming it). Logged.
     */
    @Transactional
    public AuctionLotView setTerms(UUID lotId, TermsInput in, CurrentUser user) {
        TenderView tender = tenders.asOwner(lotId, user);
        if (tender.status() != TenderStatus.DRAFT) {
            throw new DomainException(AuctionError.AUCTION_TERMS_FIXED, tender.status());
        }
        ProjectView project = projects.ofLot(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND, lotId));
        ProcedureView procedure = procedures.get(project.procedureCode());
        Instant now = clock.instant();
        ProcedureRules rules = procedures.rulesAt(procedure.code(), tender.regionCode(), now); // with the region's overrides
        AuctionFormat format = formatOf(procedure).filter(f -> rules.holds(RuleKeys.LIVE_BIDDING))
                .orElseThrow(() -> new DomainException(AuctionError.INVALID_AUCTION_TERMS, "procedure"));
        require(in != null, "terms");
        require(in.format() == null || in.format().isBlank() || in.format().strip().equals(format.name()), "format");
        long startPrice = fen(in.startPrice(), "startPrice");
        long increment = fen(in.increment(), "increment");
        require(increment <= startPrice, "increment");
        require(in.biddingStart() != null && in.biddingStart().isAfter(now), "biddingStart");
        Instant freeEnd = in.freeEnd();
        if (format == AuctionFormat.ASCENDING) {
            require(freeEnd == null, "freeEnd");
        } else {
            require(freeEnd != null && freeEnd.isAfter(in.biddingStart()), "freeEnd");
        }
        require(in.countdownMinutes() == null || (in.countdownMinutes() >= 1 && in.countdownMinutes() <= 60), "countdownMinutes");
        require(in.reserveSealed() != null, "reserveSealed");
        Long appraisal = in.appraisal() == null || in.appraisal().isBlank() ? null : fen(in.appraisal(), "appraisal");
        Map<String, Object> details = details(project.kind(), in.details());
        UUID previous = in.previousLotId();
        if (previous != null) {
            Row earlier = row(previous).orElseThrow(() -> new DomainException(AuctionError.INVALID_AUCTION_TERMS, "previousLotId"));
            TenderView earlierTender = tenders.find(previous).orElse(null);
            require(!previous.equals(lotId) && earlierTender != null && earlierTender.publishedAt() != null
                    && earlierTender.tendereeId().equals(tender.tendereeId()) && earlier.kind() == project.kind(), "previousLotId");
            require(startPrice < earlier.startPrice(), "startPrice"); // 32号令 Art. 18: a re-disclosure lowers the price
            if (appraisal == null) {
                appraisal = earlier.appraisal();
            }
            require(java.util.Objects.equals(appraisal, earlier.appraisal()), "appraisal");
        }
        Schedule.Approval approval = null;
        if (in.approval() != null) {
            ApprovalInput a = in.approval();
            require(previous != null, "approval");
            require(a.approver() != null && !a.approver().isBlank() && a.approver().strip().length() <= 200, "approval.approver");
            require(a.documentNumber() != null && !a.documentNumber().isBlank() && a.documentNumber().strip().length() <= 100,
                    "approval.documentNumber");
            require(a.date() != null && !a.date().isAfter(Limit.beijingDate(now)), "approval.date");
            require(a.fileSm3() != null && a.fileSm3().strip().matches("[0-9a-fA-F]{64}"), "approval.fileSm3");
            approval = new Schedule.Approval(a.approver().strip(), a.documentNumber().strip(), a.date(),
                    a.fileSm3().strip().toLowerCase(java.util.Locale.ROOT));
        }
        String detailsJson = json.writeValueAsString(details);
        jdbc.sql("""
                INSERT INTO auction_lot (lot_id, procedure_code, kind, format, start_price, increment, bidding_start, free_end,
                    countdown_minutes, reserve_sealed, appraisal, details, previous_lot_id, approval_approver, approval_document,
                    approval_date, approval_file_sm3, updated_at, updated_by)
                VALUES (:lot, :procedure, :kind, :format, :start, :increment, :biddingStart, :freeEnd, :countdown, :reserve,
                    :appraisal, :details, :previous, :approver, :document, :date, :sm3, :at, :by)
                ON CONFLICT (lot_id) DO UPDATE SET format = EXCLUDED.format, start_price = EXCLUDED.start_price,
                    increment = EXCLUDED.increment, bidding_start = EXCLUDED.bidding_start, free_end = EXCLUDED.free_end,
                    countdown_minutes = EXCLUDED.countdown_minutes, reserve_sealed = EXCLUDED.reserve_sealed,
                    appraisal = EXCLUDED.appraisal, details = EXCLUDED.details, previous_lot_id = EXCLUDED.previous_lot_id,
                    approval_approver = EXCLUDED.approval_approver, approval_document = EXCLUDED.approval_document,
                    approval_date = EXCLUDED.approval_date, approval_file_sm3 = EXCLUDED.approval_file_sm3,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param("lot", lotId).param("procedure", procedure.code()).param("kind", project.kind().name())
                .param("format", format.name()).param("start", startPrice).param("increment", increment)
                .param("biddingStart", Timestamp.from(in.biddingStart()))
                .param("freeEnd", freeEnd == null ? null : Timestamp.from(freeEnd)).param("countdown", in.countdownMinutes())
                .param("reserve", in.reserveSealed()).param("appraisal", appraisal).param("details", detailsJson)
                .param("previous", previous).param("approver", approval == null ? null : approval.approver())
                .param("document", approval == null ? null : approval.documentNumber())
                .param("date", approval == null ? null : approval.date())
                .param("sm3", approval == null ? null : approval.fileSm3()).param("at", Timestamp.from(now))
                .param("by", user.username()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("format", format.name());
        payload.put("startPrice", Schedule.yuan(startPrice));
        payload.put("increment", Schedule.yuan(increment));
        payload.put("biddingStart", in.biddingStart().toString());
        payload.put("freeEnd", freeEnd == null ? null : freeEnd.toString());
        payload.put("countdownMinutes", in.countdownMinutes());
        payload.put("reserveSealed", in.reserveSealed());
        payload.put("appraisal", appraisal == null ? null : Schedule.yuan(appraisal));
        payload.put("detailsSm3", org.sunbid.crypto.Sm3.hex(detailsJson));
        payload.put("previousLotId", previous == null ? null : previous.toString());
        auditLog.record(AuditRecord.of("auction.terms.set", lotId.toString(), tender.regionCode(), user.actor(), payload));
        if (approval != null) {
            // 32号令 Art. 18: the written approval of a price below 90% of the appraisal, recorded and logged
            auditLog.record(AuditRecord.of("auction.approval.recorded", lotId.toString(), tender.regionCode(), user.actor(),
                    approvalMap(approval)));
        }
        return viewOf(row(lotId).orElseThrow(), tender);
    }

    /** Lot {@code lotId} as {@code user} may see it: public once published; before, its owner, agency and the region's staff. */
    public AuctionLotView view(UUID lotId, CurrentUser user) {
        TenderView tender;
        try {
            tender = tenders.get(lotId, user);
        } catch (DomainException e) {
            throw new DomainException(AuctionError.AUCTION_NOT_FOUND, lotId);
        }
        Row r = row(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND, lotId));
        return viewOf(r, tender);
    }

    /**
     * Why lot {@code lotId} cannot be published at {@code publishAt} with applications closing at {@code bidDeadline}
     * (the {@code tendering.PublicationGate} of auction lots): a lot whose rules hold LIVE_BIDDING needs its terms
     * ({@code AUCTION_TERMS_MISSING}), then the {@link Schedule} checks. Empty for any other lot.
     */
    Optional<DomainException> publicationRefusal(UUID lotId, Instant publishAt, Instant bidDeadline, ProcedureRules rules) {
        Optional<Row> found = row(lotId);
        if (found.isEmpty()) {
            return rules.holds(RuleKeys.LIVE_BIDDING) ? Optional.of(new DomainException(AuctionError.AUCTION_TERMS_MISSING))
                    : Optional.empty();
        }
        Row r = found.get();
        TenderView tender = tenders.find(lotId).orElseThrow();
        // the schedule is checked against the rules where the lot is: its region's local overrides of the procedure's
        // (e.g. a province's listing period or pause; Procedures.rulesAt with the region), at the publication
        ProcedureRules local = procedures.rulesAt(r.procedureCode(), tender.regionCode(), publishAt);
        return schedule(r, tender, bidDeadline).publicationRefusal(publishAt, local);
    }

    private Schedule schedule(Row r, TenderView tender, Instant bidDeadline) {
        Schedule.Previous previous = null;
        if (r.previousLotId() != null) {
            Row earlier = row(r.previousLotId()).orElseThrow();
            previous = new Schedule.Previous(earlier.startPrice(), firstPublished(earlier));
        }
        return new Schedule(r.format(), r.startPrice(), tender.terms().deposit().yuan().movePointRight(2).longValueExact(),
                r.appraisal(), r.biddingStart(), r.freeEnd(), bidDeadline, previous, r.approval());
    }

    /** When the first disclosure of the chain {@code r} belongs to was published (32号令 Art. 19 counts from it). */
    private Instant firstPublished(Row r) {
        Row first = r;
        for (int i = 0; i < 50 && first.previousLotId() != null; i++) {
            first = row(first.previousLotId()).orElseThrow();
        }
        return tenders.find(first.lotId()).map(TenderView::publishedAt).orElse(null);
    }

    private AuctionLotView viewOf(Row r, TenderView tender) {
        ProcedureRules rules = rulesOf(r, r.lotId());
        AuctionTerms t = roomTerms(r, rules);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (String key : List.of(RuleKeys.ANNOUNCEMENT_PERIOD, RuleKeys.ANNOUNCEMENT_PERIOD_LARGE, RuleKeys.ASSET_NOTICE_BAND,
                RuleKeys.LISTING_PERIOD, RuleKeys.APPLICATION_CLOSE, RuleKeys.LISTING_FREEZE, RuleKeys.TIMED_ROUND_PAUSE,
                RuleKeys.COUNTDOWN, RuleKeys.TIMED_ROUND_MIN_BIDDERS, RuleKeys.AUCTION_BIDDERS_MIN, RuleKeys.INCREMENT_CHANGE,
                RuleKeys.RESERVE_DEADLINE, RuleKeys.DEPOSIT_MIN, RuleKeys.START_AT_LEAST_APPRAISAL,
                RuleKeys.APPRAISAL_APPROVAL_BELOW, RuleKeys.REDISCLOSURE_PERIOD, RuleKeys.RELIST_AFTER)) {
            rules.find(key).ifPresent(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", key);
                m.put("amount", l.plain());
                m.put("unit", l.unit().name());
                m.put("article", l.article());
                shown.add(m);
            });
        }
        Instant relistBy = null;
        Limit relist = rules.find(RuleKeys.RELIST_AFTER).orElse(null);
        if (relist != null) {
            Instant first = firstPublished(r);
            relistBy = first == null ? null : relist.endAfter(first, rules.calendar());
        }
        return new AuctionLotView(r.lotId(), r.procedureCode(), r.kind().name(), tender.status().name(), r.format().name(),
                Schedule.yuan(r.startPrice()), Schedule.yuan(r.increment()), tender.terms().deposit().toString(),
                tender.bidDeadline(), r.biddingStart(), r.freeEnd(), t.countdown().toMinutes(), t.freeze().toMinutes(),
                t.pause().toMinutes(), t.timedRoundMinBidders(), t.minBidders(), r.reserveSealed(),
                r.appraisal() == null ? null : Schedule.yuan(r.appraisal()), r.details(), r.previousLotId(),
                r.approval() == null ? null : approvalMap(r.approval()), relistBy, shown);
    }

    /**
     * The rules that run the room: at the bidding start (the event the countdown and freeze belong to), in the lot's
     * region (its local overrides, e.g. Fujian's 5-minute countdown after a 15-minute pause, [F:S10 Art 33–46]).
     */
    private ProcedureRules rulesOf(Row r, UUID lotId) {
        return procedures.rulesAt(r.procedureCode(), tenders.find(lotId).map(TenderView::regionCode).orElse(null),
                r.biddingStart());
    }

    private static AuctionTerms roomTerms(Row r, ProcedureRules rules) {
        Duration countdown = r.countdownMinutes() != null ? Duration.ofMinutes(r.countdownMinutes())
                : rules.find(RuleKeys.COUNTDOWN).map(Limit::duration).orElse(Duration.ofMinutes(5));
        Duration freeze = rules.find(RuleKeys.LISTING_FREEZE).map(Limit::duration).orElse(Duration.ZERO);
        Duration pause = rules.find(RuleKeys.TIMED_ROUND_PAUSE).map(Limit::duration).orElse(Duration.ZERO);
        int timedMin = rules.find(RuleKeys.TIMED_ROUND_MIN_BIDDERS).map(Limit::whole).orElse(0);
        int min = rules.find(RuleKeys.AUCTION_BIDDERS_MIN).map(Limit::whole).orElse(1);
        return new AuctionTerms(r.lotId(), r.format(), r.startPrice(), r.increment(), r.biddingStart(), r.freeEnd(), freeze,
                pause, countdown, timedMin, min, r.reserveSealed());
    }

    private Optional<Row> row(UUID lotId) {
        return jdbc.sql("SELECT * FROM auction_lot WHERE lot_id = :id").param("id", lotId).query(this::map).optional();
    }

    private Row map(ResultSet rs, int i) throws SQLException {
        Timestamp freeEnd = rs.getTimestamp("free_end");
        long appraisal = rs.getLong("appraisal");
        Long appraisalOrNull = rs.wasNull() ? null : appraisal;
        int countdown = rs.getInt("countdown_minutes");
        Integer countdownOrNull = rs.wasNull() ? null : countdown;
        String approver = rs.getString("approval_approver");
        Schedule.Approval approval = approver == null ? null : new Schedule.Approval(approver, rs.getString("approval_document"),
                rs.getObject("approval_date", LocalDate.class), rs.getString("approval_file_sm3"));
        Map<String, Object> details = json.readValue(rs.getString("details"), new TypeReference<LinkedHashMap<String, Object>>() {
        });
        return new Row(rs.getObject("lot_id", UUID.class), rs.getString("procedure_code"), DealKind.valueOf(rs.getString("kind")),
                AuctionFormat.valueOf(rs.getString("format")), rs.getLong("start_price"), rs.getLong("increment"),
                rs.getTimestamp("bidding_start").toInstant(), freeEnd == null ? null : freeEnd.toInstant(), countdownOrNull,
                rs.getBoolean("reserve_sealed"), appraisalOrNull, details, rs.getObject("previous_lot_id", UUID.class), approval,
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Map<String, Object> approvalMap(Schedule.Approval a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("approver", a.approver());
        m.put("documentNumber", a.documentNumber());
        m.put("date", a.date().toString());
        m.put("fileSm3", a.fileSm3());
        return m;
    }

    /**
     * The details as given, every field the kind requires present and not blank; values kept as text, numbers or
     * booleans. Mining: 出让收益率 ({@code premiumRate}, %) and, where fixed, 出让收益 ({@code premium}, yuan) are modelled
     * apart from the bid. State property: 转让方, 标的, 增资/产权转让/资产转让 ({@code transactionType}) and, for a share
     * transfer, 转让比例 ({@code transferShare}).
     */
    private static Map<String, Object> details(DealKind kind, Map<String, Object> given) {
        require(given != null && given.size() <= 40, "details");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            Object v = e.getValue();
            require(e.getKey().matches("[A-Za-z][A-Za-z0-9]{0,39}")
                    && (v == null || v instanceof Number || v instanceof Boolean || (v instanceof String s && s.length() <= 2000)),
                    "details." + e.getKey());
            out.put(e.getKey(), v);
        }
        for (String field : REQUIRED_DETAILS.getOrDefault(kind, List.of())) {
            Object v = out.get(field);
            require(v != null && !v.toString().isBlank(), "details." + field);
        }
        if (kind == DealKind.KYQ) {
            require(List.of("EXPLORATION", "MINING").contains(String.valueOf(out.get("rightType"))), "details.rightType");
            if (out.get("premium") != null) {
                fen(out.get("premium").toString(), "details.premium");
            }
        }
        if (kind == DealKind.GYCQ) {
            require(List.of("EQUITY_TRANSFER", "CAPITAL_INCREASE", "ASSET_TRANSFER").contains(String.valueOf(out.get("transactionType"))),
                    "details.transactionType");
        }
        return out;
    }

    private static long fen(String yuan, String field) {
        require(yuan != null && !yuan.isBlank(), field);
        Money money;
        try {
            money = Money.parse(yuan.strip());
        } catch (DomainException e) {
            throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, field);
        }
        require(money.yuan().signum() > 0, field);
        return money.yuan().movePointRight(2).longValueExact();
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new DomainException(AuctionError.INVALID_AUCTION_TERMS, field);
        }
    }

}
