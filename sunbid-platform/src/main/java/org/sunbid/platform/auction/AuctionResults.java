package org.sunbid.platform.auction;

import java.math.BigDecimal;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.Pem;
import org.sunbid.crypto.Sm2;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.auction.domain.AuctionResult;
import org.sunbid.platform.auction.domain.AuctionRoom;
import org.sunbid.platform.auction.domain.AuctionTerms;
import org.sunbid.platform.auction.domain.Bid;
import org.sunbid.platform.auction.domain.PremiumRate;
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.deals.domain.Limit;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.deals.domain.RuleKeys;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.kernel.Money;
import org.sunbid.platform.parties.Certificates;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;
import org.sunbid.platform.trust.PlatformIdentity;

/**
 * After bidding ends (issue 17 part F). When the reserve is opened ({@link ReserveOpened}, null where none was sealed)
 * the outcome is computed by the live engine ({@link LiveAuctions#result}) and recorded once, in public with the reserve,
 * the winning bid and the bid count, so anyone can recompute it (39号令 Art. 16, 19; 32号令 Art. 22). Then:
 * <ul>
 * <li>no deal (流拍): every deposit goes back through payments' refund path and a no-deal notice gives the reason;</li>
 * <li>a deal: the winner's deposit becomes earnest money credited to the price (39号令 Art. 21), the others are refunded
 * within DEPOSIT_REFUND; the result notice is published (due within RESULT_NOTICE, shown at least RESULT_NOTICE_PERIOD)
 * with the premium rate (溢价率); the 成交确认书 is signed by the winner, then the owner's side, then the platform,
 * within CONFIRMATION_PERIOD (overdue ones flagged to the supervisor); the owner records payments against the price
 * (first payment ≥ FIRST_PAYMENT_SHARE within FIRST_PAYMENT_PERIOD, the balance within BALANCE_PERIOD; instalments only
 * with a guarantee and interest, 32号令 Art. 27), the earnest money counted as paid; overdue instalments flagged.</li>
 * </ul>
 * Every period is the lot's procedure's dated rule at the event, counted over the working-day calendar.
 */
@Service
public class AuctionResults {

    private static final Logger log = LoggerFactory.getLogger(AuctionResults.class);

    /** How the signers of the 成交确认书 follow each other. */
    public enum Signer {
        WINNER, OWNER, PLATFORM
    }

    /** The published result (amounts in yuan). */
    public record ResultView(UUID lotId, String procedureCode, boolean deal, String noDealReason, String noDealText,
            Money reserve, Money startPrice, long bids, String winnerNumber, String winnerName, String winnerCreditCode,
            Money price, Money premium, BigDecimal premiumRate, String premiumRateExact, Instant winningBidAt,
            Instant decidedAt, Instant noticePublishedAt, Instant noticeDue, String noticeRule, Instant publicityUntil,
            String publicityRule, Money earnest, Instant confirmationDue, Map<String, Object> miningIncome,
            String reserveNote) {
    }

    /** One signature on the 成交确认书, with the certificate it verifies under and whether it does. */
    public record Signature(Signer signer, String signature, String certificatePem, Instant signedAt, boolean valid) {
    }

    /** The 成交确认书: the signed text, its signatures in order, its due time. */
    public record ConfirmationView(UUID lotId, String statement, String statementSm3, Instant dueAt, String rule,
            boolean overdue, List<Signature> signatures, boolean complete) {
    }

    /** A payment recorded against the price. */
    public record Payment(UUID id, Money amount, Instant paidAt, Instant recordedAt, String note) {
    }

    /** The payment schedule and where it stands. */
    public record PaymentSchedule(UUID lotId, Money price, Money earnest, Money paid, Money outstanding, boolean instalments,
            String guarantee, BigDecimal interestRate, Money firstPaymentRequired, Instant firstPaymentDue,
            String firstPaymentRule, boolean firstPaymentMet, Instant balanceDue, String balanceRule, boolean firstOverdue,
            boolean balanceOverdue, List<Payment> payments) {
    }

    private final JdbcClient jdbc;
    private final LiveAuctions live;
    private final AuctionLots lots;
    private final AuctionBidders bidders;
    private final Deposits deposits;
    private final Tenders tenders;
    private final Projects projects;
    private final Procedures procedures;
    private final Organisations organisations;
    private final Certificates certificates;
    private final PlatformIdentity platform;
    private final AuditLog auditLog;
    private final Clock clock;

    AuctionResults(JdbcClient jdbc, LiveAuctions live, AuctionLots lots, AuctionBidders bidders, Deposits deposits,
            Tenders tenders, Projects projects, Procedures procedures, Organisations organisations, Certificates certificates,
            PlatformIdentity platform, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.lots = lots;
        this.bidders = bidders;
        this.deposits = deposits;
        this.tenders = tenders;
        this.projects = projects;
        this.procedures = procedures;
        this.organisations = organisations;
        this.certificates = certificates;
        this.platform = platform;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ the result

    /**
     * The reserve is opened (or there was none): the outcome from the room, recorded once. A lot with no room (not an
     * auction lot, or the engine has not ended it) records nothing. A deal whose winner's number names no organisation
     * fails, so the event stays incomplete and is retried rather than refunding the winner.
     */
    @ApplicationModuleListener
    void on(ReserveOpened event) {
        // domain-2 §1 [F:S10 Art 32]: a lot whose announcement says there is a reserve but whose owner sealed none before
        // RESERVE_DEADLINE has no reserve (none entered = no reserve): the outcome is the room's without a reserve
        // (AuctionRoom.NO_RESERVE_ENTERED, which every bid meets), recorded with none and logged as such
        boolean noneEntered = event.reserve() == null
                && lots.terms(event.lotId()).map(AuctionTerms::reserveSealed).orElse(false);
        Optional<AuctionResult> result = noneEntered
                ? live.result(event.lotId(), AuctionRoom.NO_RESERVE_ENTERED).map(AuctionRoom::withoutReserve)
                : live.result(event.lotId(), event.reserve());
        if (result.isEmpty()) {
            log.warn("reserve of lot {} opened but the live engine has no result for it", event.lotId());
            return;
        }
        AuctionResult r = result.get();
        bidders.disclose(event.lotId()); // once: bidding ended before the reserve opened (idempotent, whichever listener runs first)
        long startPrice = lots.terms(event.lotId()).map(AuctionTerms::startPrice).orElse(0L);
        UUID winner = r.deal() ? bidders.organisationOf(event.lotId(), r.winner().bidderNumber())
                .orElseThrow(() -> new IllegalStateException("lot " + event.lotId() + ": bidder number "
                        + r.winner().bidderNumber() + " names no organisation")) : null;
        record(event.lotId(), r, startPrice, winner, live.bids(event.lotId()).size(), event.openedAt(), noneEntered);
    }

    /** What the result's log entry and row say of a reserve announced but never entered (domain-2 §1, [F:S10 Art 32]). */
    static final String NO_RESERVE_ENTERED = "no reserve entered: 出让公告载明设有底价，但出让人未在底价截止时间前密封底价，"
            + "视为无底价（未设底价的，不以底价作为成交条件）";

    /** {@link #record(UUID, AuctionResult, long, UUID, long, Instant, boolean)} for a lot whose reserve, if any, was entered. */
    @Transactional
    public ResultView record(UUID lotId, AuctionResult result, long startPrice, UUID winnerId, long bids, Instant at) {
        return record(lotId, result, startPrice, winnerId, bids, at, false);
    }

    /**
     * Records lot {@code lotId}'s outcome {@code result} decided at {@code at} ({@code startPrice} in fen, the
     * winner's organisation for a deal, {@code bids} accepted bids) and does what follows it (see the class). Once: a
     * second call returns the recorded result and changes nothing.
     */
    @Transactional
    public ResultView record(UUID lotId, AuctionResult result, long startPrice, UUID winnerId, long bids, Instant at,
            boolean reserveNotEntered) {
        if (result.deal() && (result.winner() == null || winnerId == null)) {
            throw new IllegalArgumentException("a deal needs its winning bid and winner");
        }
        TenderView lot = tenders.findPublished(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        String procedure = projects.procedureOfLot(lotId).orElseThrow(() -> new DomainException(AuctionError.AUCTION_NOT_FOUND));
        ProcedureRules rules = procedures.rulesAt(procedure, at);
        Instant noticeDue = rules.find(RuleKeys.RESULT_NOTICE).map(l -> l.endAfter(at, rules.calendar())).orElse(null);
        Instant publicityUntil = rules.find(RuleKeys.RESULT_NOTICE_PERIOD).map(l -> l.endAfter(at, rules.calendar())).orElse(null);
        Bid w = result.winner();
        int inserted = jdbc.sql("""
                INSERT INTO auction_result (lot_id, procedure_code, deal, no_deal_reason, reserve, start_price, bids, winner_seq,
                                            winner_number, winner_id, price, winning_bid_at, decided_at, notice_published_at,
                                            notice_due_at, publicity_until, reserve_not_entered)
                VALUES (:lot, :procedure, :deal, :reason, :reserve, :start, :bids, :seq, :number, :winner, :price, :bidAt, :at,
                        :at, :noticeDue, :publicityUntil, :notEntered)
                ON CONFLICT (lot_id) DO NOTHING""")
                .param("lot", lotId).param("procedure", procedure).param("deal", result.deal())
                .param("reason", result.reason() == null ? null : result.reason().name()).param("reserve", result.reserve())
                .param("start", startPrice).param("bids", bids).param("seq", w == null ? null : w.seq())
                .param("number", w == null ? null : w.bidderNumber()).param("winner", result.deal() ? winnerId : null)
                .param("price", result.deal() ? w.amount() : null).param("bidAt", w == null ? null : utc(w.receivedAt()))
                .param("at", utc(at)).param("noticeDue", utc(noticeDue)).param("publicityUntil", utc(publicityUntil))
                .param("notEntered", reserveNotEntered).update();
        if (inserted == 0) {
            return result(lotId);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("procedureCode", procedure);
        payload.put("deal", result.deal());
        payload.put("reserve", result.reserve() == null ? null : yuan(result.reserve()).toString());
        if (reserveNotEntered) {
            payload.put("reserveNote", NO_RESERVE_ENTERED);
        }
        payload.put("startPrice", yuan(startPrice).toString());
        payload.put("bids", bids);
        if (w != null) {
            payload.put("winningBid", Map.of("seq", w.seq(), "bidderNumber", w.bidderNumber(),
                    "amount", yuan(w.amount()).toString(), "receivedAt", w.receivedAt().toString()));
        }
        payload.put("decidedAt", at.toString());
        payload.put("rule", "国土资源部令第39号第十六条、第十九条；国资委 财政部令第32号第二十二条：最高有效报价不低于底价（如有）的成交，"
                + "无有效报价、低于底价或竞买人不足的不成交（流拍）");
        String region = lot.regionCode();
        if (!result.deal()) {
            payload.put("reason", result.reason().name());
            auditLog.record(AuditRecord.of("auction.result", lotId.toString(), region, Actor.SYSTEM, payload));
            deposits.refundFailedLot(lotId, at);
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("lot", lot.terms().name());
            notice.put("reason", result.reason().name());
            notice.put("text", noDealText(result.reason()));
            auditLog.record(AuditRecord.of("auction.no-deal", lotId.toString(), region, Actor.SYSTEM, notice));
            return result(lotId);
        }
        Organisation winner = organisations.find(winnerId).orElseThrow();
        PremiumRate premium = startPrice > 0 ? new PremiumRate(w.amount(), startPrice) : null;
        payload.put("winner", winner.name());
        payload.put("winnerCreditCode", winner.creditCode().value());
        payload.put("price", yuan(w.amount()).toString());
        if (premium != null) {
            payload.put("premium", yuan(premium.premium()).toString());
            payload.put("premiumRate", premium.percent().toPlainString());
            payload.put("premiumRateExact", premium.exact());
        }
        payload.put("noticeDue", noticeDue == null ? null : noticeDue.toString());
        payload.put("publicityUntil", publicityUntil == null ? null : publicityUntil.toString());
        payload.put("noticeRule", rules.find(RuleKeys.RESULT_NOTICE).map(Limit::article).orElse(null));
        payload.put("publicityRule", rules.find(RuleKeys.RESULT_NOTICE_PERIOD).map(Limit::article).orElse(null));
        auditLog.record(AuditRecord.of("auction.result", lotId.toString(), region, Actor.SYSTEM, payload));
        // 39号令 Art. 21: the winner's deposit becomes earnest money; the others go back within DEPOSIT_REFUND
        deposits.becomeEarnest(lotId, winnerId, at);
        deposits.refundNotAwarded(lotId, winnerId, at);
        Limit confirmation = rules.limit(RuleKeys.CONFIRMATION_PERIOD);
        Organisation owner = organisations.find(lot.tendereeId()).orElse(null);
        ConfirmationStatement statement = new ConfirmationStatement(lotId, lot.terms().projectCode(), lot.terms().name(),
                procedure, owner == null ? null : owner.name(), winner.name(), winner.creditCode().value(), w.bidderNumber(),
                yuan(w.amount()).toString(), w.receivedAt(), at,
                result.reserve() == null ? null : yuan(result.reserve()).toString(), yuan(startPrice).toString(),
                premium == null ? null : premium.percent().toPlainString());
        jdbc.sql("INSERT INTO auction_confirmation (lot_id, statement, due_at, owner_id) VALUES (:lot, :s, :due, :owner)")
                .param("lot", lotId).param("s", statement.statement())
                .param("due", utc(confirmation.endAfter(at, rules.calendar()))).param("owner", lot.tendereeId()).update();
        return result(lotId);
    }

    /**
     * Mining rights: the 出让收益 (its rate 出让收益率 in %, and the amount where the terms fix one) is owed apart from the
     * bid (自然资规〔2023〕1号; 财综〔2023〕10号), so the result shows it beside the price, never inside it; null for a lot
     * whose terms carry none.
     */
    private Map<String, Object> miningIncome(UUID lotId) {
        Map<String, Object> details;
        try {
            details = lots.view(lotId, null).details();
        } catch (DomainException e) {
            return null;
        }
        if (details == null || (details.get("premiumRate") == null && details.get("premium") == null)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", details.get("premiumRate") == null ? null : details.get("premiumRate").toString());
        m.put("amount", details.get("premium") == null ? null : details.get("premium").toString());
        m.put("note", "矿业权出让收益按出让收益率（或固定金额）另行征收，不含在成交价内（自然资规〔2023〕1号；财综〔2023〕10号）");
        return m;
    }

    static String noDealText(AuctionResult.NoDeal reason) {
        return switch (reason) {
            case NO_VALID_BID -> "流拍：竞价期间无有效报价（国土资源部令第39号第十九条）";
            case BELOW_RESERVE -> "流拍：最高有效报价低于底价（国土资源部令第39号第十六条、第十九条）";
            case TOO_FEW_BIDDERS -> "流拍：竞买人不足规定人数（自然资规〔2023〕1号；国土资源部令第39号第十九条）";
        };
    }

    /** The published result of lot {@code lotId} (public). */
    public ResultView result(UUID lotId) {
        return jdbc.sql("SELECT * FROM auction_result WHERE lot_id = :lot").param("lot", lotId).query((rs, i) -> {
            boolean deal = rs.getBoolean("deal");
            long start = rs.getLong("start_price");
            Long reserve = (Long) rs.getObject("reserve");
            Long price = (Long) rs.getObject("price");
            String reason = rs.getString("no_deal_reason");
            UUID winnerId = rs.getObject("winner_id", UUID.class);
            Organisation winner = winnerId == null ? null : organisations.find(winnerId).orElse(null);
            PremiumRate premium = price != null && start > 0 ? new PremiumRate(price, start) : null;
            ProcedureRules rules = procedures.rulesAt(rs.getString("procedure_code"), instant(rs, "decided_at"));
            Instant confirmationDue = deal ? jdbc.sql("SELECT due_at FROM auction_confirmation WHERE lot_id = :lot")
                    .param("lot", lotId).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null) : null;
            return new ResultView(lotId, rs.getString("procedure_code"), deal, reason,
                    reason == null ? null : noDealText(AuctionResult.NoDeal.valueOf(reason)),
                    reserve == null ? null : yuan(reserve), yuan(start), rs.getLong("bids"), rs.getString("winner_number"),
                    winner == null ? null : winner.name(), winner == null ? null : winner.creditCode().value(),
                    price == null ? null : yuan(price), premium == null ? null : yuan(premium.premium()),
                    premium == null ? null : premium.percent(), premium == null ? null : premium.exact(),
                    instant(rs, "winning_bid_at"), instant(rs, "decided_at"), instant(rs, "notice_published_at"),
                    instant(rs, "notice_due_at"), rules.find(RuleKeys.RESULT_NOTICE).map(Limit::article).orElse(null),
                    instant(rs, "publicity_until"), rules.find(RuleKeys.RESULT_NOTICE_PERIOD).map(Limit::article).orElse(null),
                    deal ? deposits.earnest(lotId).map(Deposits.Earnest::amount).orElse(yuan(0)) : null, confirmationDue,
                    miningIncome(lotId), rs.getBoolean("reserve_not_entered") ? NO_RESERVE_ENTERED : null);
        }).optional().orElseThrow(() -> new DomainException(AuctionError.RESULT_NOT_FOUND));
    }

    // ------------------------------------------------------------------------------------------ the 成交确认书

    /** The 成交确认书 of lot {@code lotId} with its signatures so far, each verified again (public: the result is). */
    public ConfirmationView confirmation(UUID lotId) {
        return jdbc.sql("SELECT * FROM auction_confirmation WHERE lot_id = :lot").param("lot", lotId).query((rs, i) -> {
            String statement = rs.getString("statement");
            List<Signature> signatures = new ArrayList<>();
            for (Signer s : Signer.values()) {
                String prefix = s.name().toLowerCase();
                String signature = rs.getString(prefix + "_signature");
                if (signature != null) {
                    String pem = rs.getString(prefix + "_certificate");
                    signatures.add(new Signature(s, signature, pem, instant(rs, prefix + "_signed_at"), verifies(pem, statement, signature)));
                }
            }
            Instant due = instant(rs, "due_at");
            boolean complete = rs.getObject("platform_signed_at") != null;
            ProcedureRules rules = procedures.rulesAt(result(lotId).procedureCode(), due);
            return new ConfirmationView(lotId, statement, Sm3.hex(statement), due, rules.limit(RuleKeys.CONFIRMATION_PERIOD).article(),
                    !complete && clock.instant().isAfter(due), List.copyOf(signatures), complete);
        }).optional().orElseThrow(() -> new DomainException(AuctionError.RESULT_NOT_FOUND));
    }

    /**
     * {@code user} signs the 成交确认书 of lot {@code lotId}: the winner's staff first, then the owner's side (the
     * tenderee's or agency's staff) countersign, each with a certificate of their organisation in force
     * ({@code certificatePem}, or the one in force whose key made the signature); the platform then signs at once
     * (39号令 Art. 20: 签订成交确认书). The signature is of the exact statement ({@code Sm2.signText}). Logged.
     */
    @Transactional
    public ConfirmationView sign(UUID lotId, String signature, String certificatePem, CurrentUser user) {
        ConfirmationView current = confirmation(lotId);
        ResultView result = result(lotId);
        if (user == null || user.organisationId() == null) {
            throw new DomainException(AuctionError.CONFIRMATION_NOT_SIGNER);
        }
        UUID winnerId = jdbc.sql("SELECT winner_id FROM auction_result WHERE lot_id = :lot").param("lot", lotId).query(UUID.class).single();
        Signer signer = user.organisationId().equals(winnerId) ? Signer.WINNER
                : tenders.owns(lotId, user) ? Signer.OWNER : null;
        if (signer == null) {
            throw new DomainException(AuctionError.CONFIRMATION_NOT_SIGNER);
        }
        boolean winnerSigned = current.signatures().stream().anyMatch(s -> s.signer() == Signer.WINNER);
        boolean ownerSigned = current.signatures().stream().anyMatch(s -> s.signer() == Signer.OWNER);
        if ((signer == Signer.WINNER && winnerSigned) || (signer == Signer.OWNER && (ownerSigned || !winnerSigned))) {
            throw new DomainException(AuctionError.CONFIRMATION_ORDER);
        }
        X509Certificate certificate = signedBy(user.organisationId(), certificatePem, current.statement(), signature);
        String prefix = signer.name().toLowerCase();
        Instant now = clock.instant();
        int updated = jdbc.sql("UPDATE auction_confirmation SET " + prefix + "_signature = :sig, " + prefix + "_certificate = :pem, "
                + prefix + "_signed_at = :at WHERE lot_id = :lot AND " + prefix + "_signed_at IS NULL")
                .param("sig", signature.strip()).param("pem", Pem.encode(certificate)).param("at", utc(now)).param("lot", lotId).update();
        if (updated == 0) {
            throw new DomainException(AuctionError.CONFIRMATION_ORDER);
        }
        logSignature(lotId, signer, current.statement(), now, user.actor(), now.isAfter(current.dueAt()));
        if (signer == Signer.OWNER) {
            String platformSignature = java.util.Base64.getEncoder().encodeToString(
                    platform.sign(current.statement().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            jdbc.sql("""
                    UPDATE auction_confirmation SET platform_signature = :sig, platform_certificate = :pem, platform_signed_at = :at
                    WHERE lot_id = :lot""").param("sig", platformSignature).param("pem", platform.certificatePem())
                    .param("at", utc(now)).param("lot", lotId).update();
            logSignature(lotId, Signer.PLATFORM, current.statement(), now, Actor.SYSTEM, now.isAfter(current.dueAt()));
        }
        return confirmation(lotId);
    }

    private X509Certificate signedBy(UUID organisationId, String certificatePem, String statement, String signature) {
        List<X509Certificate> candidates;
        try {
            candidates = certificatePem == null || certificatePem.isBlank()
                    ? certificates.allInForce(organisationId).stream().map(Certificates.InForce::certificate).toList()
                    : List.of(Pem.certificate(certificatePem));
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            candidates = List.of();
        }
        return candidates.stream()
                .filter(c -> certificates.activeOf(organisationId, c).isPresent())
                .filter(c -> Sm2.verifyText(c.getPublicKey(), statement, signature))
                .findFirst().orElseThrow(() -> new DomainException(AuctionError.CONFIRMATION_SIGNATURE_INVALID));
    }

    private void logSignature(UUID lotId, Signer signer, String statement, Instant at, Actor actor, boolean late) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("signer", signer.name());
        payload.put("statementSm3", Sm3.hex(statement));
        payload.put("signedAt", at.toString());
        payload.put("late", late);
        auditLog.record(AuditRecord.of("auction.confirmation.signed", lotId.toString(), region(lotId), actor, payload));
    }

    private static boolean verifies(String pem, String statement, String signature) {
        try {
            return Sm2.verifyText(Pem.certificate(pem).getPublicKey(), statement, signature);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Flags, in a public log entry for the region's supervisor, each 成交确认书 not signed by all by its due time
     * (CONFIRMATION_PERIOD), once; and each first payment or balance not paid in full when due. Returns how many.
     */
    @Scheduled(fixedDelayString = "${sunbid.auction.overdue-interval:PT1H}")
    @Transactional
    public int flagOverdue() {
        Instant now = clock.instant();
        List<UUID> late = jdbc.sql("""
                UPDATE auction_confirmation SET overdue_flagged_at = :now
                WHERE due_at < :now AND platform_signed_at IS NULL AND overdue_flagged_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM auction_default d WHERE d.lot_id = auction_confirmation.lot_id) RETURNING lot_id""")
                .param("now", utc(now)).query(UUID.class).list();
        for (UUID lotId : late) {
            ConfirmationView c = confirmation(lotId);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("dueAt", c.dueAt().toString());
            payload.put("signed", c.signatures().stream().map(s -> s.signer().name()).toList());
            payload.put("rule", c.rule());
            auditLog.record(AuditRecord.of("auction.confirmation.overdue", lotId.toString(), region(lotId), Actor.SYSTEM, payload));
        }
        int flagged = late.size();
        List<UUID> deals = jdbc.sql("SELECT lot_id FROM auction_result r WHERE deal AND NOT EXISTS (SELECT 1 FROM auction_default d WHERE d.lot_id = r.lot_id)").query(UUID.class).list();
        for (UUID lotId : deals) {
            PaymentSchedule s = schedule(lotId);
            flagged += flagPayment(lotId, "FIRST", s.firstOverdue(), s.firstPaymentDue(), s.firstPaymentRule(), now);
            flagged += flagPayment(lotId, "BALANCE", s.balanceOverdue(), s.balanceDue(), s.balanceRule(), now);
        }
        return flagged;
    }

    private int flagPayment(UUID lotId, String kind, boolean overdue, Instant due, String rule, Instant now) {
        if (!overdue || jdbc.sql("INSERT INTO auction_payment_flag (lot_id, kind, flagged_at) VALUES (:lot, :kind, :at) ON CONFLICT DO NOTHING")
                .param("lot", lotId).param("kind", kind).param("at", utc(now)).update() == 0) {
            return 0;
        }
        auditLog.record(AuditRecord.of("auction.payment.overdue", lotId.toString(), region(lotId), Actor.SYSTEM,
                Map.of("instalment", kind, "dueAt", due.toString(), "rule", rule == null ? "" : rule)));
        return 1;
    }

    // ---------------------------------------------------------------------------------------- the payment schedule

    /**
     * The payment schedule of lot {@code lotId}'s price, from the decision: the first payment (≥ FIRST_PAYMENT_SHARE of
     * the price with an instalment plan, else the whole price) due within FIRST_PAYMENT_PERIOD, the balance within
     * BALANCE_PERIOD; the earnest money counts as paid at the decision.
     */
    public PaymentSchedule schedule(UUID lotId) {
        ResultView r = result(lotId);
        if (!r.deal()) {
            throw new DomainException(AuctionError.RESULT_NOT_FOUND);
        }
        ProcedureRules rules = procedures.rulesAt(r.procedureCode(), r.decidedAt());
        long price = fen(r.price());
        long earnest = fen(r.earnest());
        record Plan(String guarantee, BigDecimal rate) {
        }
        Optional<Plan> plan = jdbc.sql("SELECT guarantee, interest_rate FROM auction_instalment_plan WHERE lot_id = :lot")
                .param("lot", lotId).query((rs, i) -> new Plan(rs.getString(1), rs.getBigDecimal(2))).optional();
        List<Payment> payments = jdbc.sql("SELECT * FROM auction_payment WHERE lot_id = :lot ORDER BY paid_at, recorded_at")
                .param("lot", lotId).query((rs, i) -> new Payment(rs.getObject("id", UUID.class), yuan(rs.getLong("amount")),
                        instant(rs, "paid_at"), instant(rs, "recorded_at"), rs.getString("note"))).list();
        Optional<Limit> firstPeriod = rules.find(RuleKeys.FIRST_PAYMENT_PERIOD);
        Optional<Limit> balancePeriod = rules.find(RuleKeys.BALANCE_PERIOD);
        Instant firstDue = firstPeriod.map(l -> l.endAfter(r.decidedAt(), rules.calendar())).orElse(null);
        Instant balanceDue = plan.isPresent() ? balancePeriod.map(l -> l.endAfter(r.decidedAt(), rules.calendar())).orElse(firstDue)
                : firstDue;
        long firstRequired = plan.isPresent() ? rules.find(RuleKeys.FIRST_PAYMENT_SHARE)
                .map(l -> l.amount().multiply(BigDecimal.valueOf(price)).divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING)
                        .longValueExact()).orElse(price) : price;
        long paid = earnest + payments.stream().mapToLong(p -> fen(p.amount())).sum();
        long paidByFirstDue = earnest + payments.stream().filter(p -> firstDue == null || !p.paidAt().isAfter(firstDue))
                .mapToLong(p -> fen(p.amount())).sum();
        Instant now = clock.instant();
        boolean firstMet = paidByFirstDue >= firstRequired;
        boolean firstOverdue = firstDue != null && now.isAfter(firstDue) && !firstMet;
        boolean balanceOverdue = balanceDue != null && now.isAfter(balanceDue) && paid < price;
        return new PaymentSchedule(lotId, r.price(), r.earnest(), yuan(paid), yuan(Math.max(0, price - paid)), plan.isPresent(),
                plan.map(Plan::guarantee).orElse(null), plan.map(Plan::rate).orElse(null), yuan(firstRequired), firstDue,
                firstPeriod.map(Limit::article).orElse(null) + (plan.isPresent()
                        ? "；" + rules.find(RuleKeys.FIRST_PAYMENT_SHARE).map(Limit::article).orElse("") : ""),
                firstMet, balanceDue, balancePeriod.map(Limit::article).orElse(null), firstOverdue, balanceOverdue, payments);
    }

    /**
     * 32号令 Art. 27: the owner's side records that the price is paid by instalments — only with a guarantee (担保) and
     * the interest rate on the rest, and before any payment is recorded. Logged.
     */
    @Transactional
    public PaymentSchedule planInstalments(UUID lotId, String guarantee, BigDecimal interestRate, CurrentUser user) {
        owner(lotId, user);
        if (guarantee == null || guarantee.isBlank() || interestRate == null || interestRate.signum() <= 0
                || interestRate.compareTo(BigDecimal.valueOf(100)) >= 0
                || jdbc.sql("SELECT COUNT(*) FROM auction_payment WHERE lot_id = :lot").param("lot", lotId).query(Long.class).single() > 0) {
            throw new DomainException(AuctionError.INSTALMENTS_NEED_GUARANTEE);
        }
        if (jdbc.sql("""
                INSERT INTO auction_instalment_plan (lot_id, guarantee, interest_rate, recorded_at, recorded_by)
                VALUES (:lot, :g, :rate, :at, :by) ON CONFLICT DO NOTHING""").param("lot", lotId).param("g", guarantee.strip())
                .param("rate", interestRate).param("at", utc(clock.instant())).param("by", user.accountId()).update() == 0) {
            throw new DomainException(AuctionError.INSTALMENTS_NEED_GUARANTEE);
        }
        auditLog.record(AuditRecord.of("auction.payment.instalments", lotId.toString(), region(lotId), user.actor(),
                Map.of("guarantee", guarantee.strip(), "interestRate", interestRate.toPlainString(),
                        "rule", "国资委 财政部令第32号第二十七条：分期付款的，首期不低于30%，其余款项提供担保并按同期银行贷款利率支付利息，付款期限不超过1年")));
        return schedule(lotId);
    }

    /** The owner's side records a payment of {@code amount} (yuan) received at {@code paidAt} against the price. Logged. */
    @Transactional
    public PaymentSchedule recordPayment(UUID lotId, Money amount, Instant paidAt, String note, CurrentUser user) {
        owner(lotId, user);
        PaymentSchedule before = schedule(lotId);
        long fen = amount == null ? 0 : fen(amount);
        if (fen <= 0 || paidAt == null || paidAt.isAfter(clock.instant()) || paidAt.isBefore(result(lotId).decidedAt())
                || fen > fen(before.outstanding())) {
            throw new DomainException(AuctionError.PAYMENT_INVALID, before.outstanding().toString());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO auction_payment (id, lot_id, amount, paid_at, recorded_at, recorded_by, note)
                VALUES (:id, :lot, :amount, :paidAt, :at, :by, :note)""").param("id", id).param("lot", lotId).param("amount", fen)
                .param("paidAt", utc(paidAt)).param("at", utc(clock.instant())).param("by", user.accountId())
                .param("note", note == null ? null : note.strip()).update();
        PaymentSchedule after = schedule(lotId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", id.toString());
        payload.put("amount", amount.toString());
        payload.put("paidAt", paidAt.toString());
        payload.put("paid", after.paid().toString());
        payload.put("outstanding", after.outstanding().toString());
        auditLog.record(AuditRecord.of("auction.payment", lotId.toString(), region(lotId), user.actor(), payload));
        return after;
    }

    /** The schedule for the lot's owner side and the region's staff. */
    public PaymentSchedule schedule(UUID lotId, CurrentUser user) {
        if (!tenders.mayInspect(lotId, user)) {
            throw new DomainException(AuctionError.NOT_LOT_OWNER);
        }
        return schedule(lotId);
    }

    private void owner(UUID lotId, CurrentUser user) {
        if (!tenders.owns(lotId, user)) {
            throw new DomainException(AuctionError.NOT_LOT_OWNER);
        }
    }

    private String region(UUID lotId) {
        return tenders.findPublished(lotId).map(TenderView::regionCode).orElse(null);
    }

    static Money yuan(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    static long fen(Money money) {
        return money.yuan().movePointRight(2).longValueExact();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
