package org.sunbid.platform.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.credit.CreditClass;
import org.sunbid.platform.credit.CreditRecords;
import org.sunbid.platform.credit.CreditRules;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Issue 20 fix D: the 竞得人's default (竞得人违约). 国土资源部令第39号第二十条: 成交确认书对出让人和竞得人具有法律效力，
 * 竞得人放弃竞得宗地的，应当依法承担责任; its deposit became earnest money (Art. 21), which a defaulting payer loses
 * (民法典第五百八十七条, 定金罚则). The lot's owner (the tenderee or its agency) declares the default once the 成交确认书 is
 * overdue unsigned or a payment is overdue ({@link AuctionResults#flagOverdue} flags these; the declaration is the
 * decision): the winner's deposit is forfeited (payments), a credit record is made (class 一般, barring auction
 * qualification for one year, published by {@link CreditRules#publication}), the declaration is logged. Once per lot: a
 * repeated declaration returns the first and makes nothing new. Choosing another buyer or re-listing is not in scope.
 */
@Service
public class AuctionDefaults {

    /** The rule the decision rests on. */
    public static final String BASIS = "《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）第二十条、《民法典》第五百八十七条";

    /** How long the record bars auction qualification (the centres' rules on a 竞得人's default: not less than one year). */
    public static final java.time.Period RESTRICTION = java.time.Period.ofYears(1);

    public record DefaultView(UUID lotId, UUID winnerId, String winner, String reason, String basis, Instant declaredAt,
            String declaredBy, String forfeited, UUID creditRecordId) {
    }

    private final JdbcClient jdbc;
    private final AuctionResults results;
    private final Deposits deposits;
    private final Tenders tenders;
    private final Organisations organisations;
    private final CreditRecords credits;
    private final AuditLog auditLog;
    private final Clock clock;

    AuctionDefaults(JdbcClient jdbc, AuctionResults results, Deposits deposits, Tenders tenders, Organisations organisations,
            CreditRecords credits, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.results = results;
        this.deposits = deposits;
        this.tenders = tenders;
        this.organisations = organisations;
        this.credits = credits;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The declared default of lot {@code lotId}, if any (public, like the result). */
    public Optional<DefaultView> find(UUID lotId) {
        return jdbc.sql("SELECT * FROM auction_default WHERE lot_id = :lot").param("lot", lotId).query((rs, i) -> {
            UUID winner = rs.getObject("winner_id", UUID.class);
            return new DefaultView(lotId, winner, organisations.find(winner).map(Organisation::name).orElse(null),
                    rs.getString("reason"), rs.getString("basis"), rs.getObject("declared_at", OffsetDateTime.class).toInstant(),
                    rs.getString("declared_by"), rs.getBigDecimal("forfeited").toPlainString(),
                    rs.getObject("credit_record_id", UUID.class));
        }).optional();
    }

    /** The lot's owner declares the winner's default with its reason; see the class. */
    @Transactional
    public DefaultView declare(UUID lotId, String reason, CurrentUser user) {
        if (user == null || !tenders.owns(lotId, user)) {
            throw new DomainException(AuctionError.DEFAULT_NOT_OWNER);
        }
        UUID winnerId = jdbc.sql("SELECT winner_id FROM auction_result WHERE lot_id = :lot AND deal FOR UPDATE")
                .param("lot", lotId).query(UUID.class).optional()
                .orElseThrow(() -> new DomainException(AuctionError.RESULT_NOT_FOUND));
        Optional<DefaultView> known = find(lotId);
        if (known.isPresent()) {
            return known.get();
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new DomainException(AuctionError.DEFAULT_INVALID);
        }
        AuctionResults.ConfirmationView confirmation = results.confirmation(lotId);
        AuctionResults.PaymentSchedule schedule = results.schedule(lotId);
        if (!confirmation.overdue() && !schedule.firstOverdue() && !schedule.balanceOverdue()) {
            throw new DomainException(AuctionError.DEFAULT_NOT_DUE, confirmation.dueAt());
        }
        Organisation winner = organisations.find(winnerId).orElseThrow();
        Instant now = clock.instant();
        String why = reason.strip();
        var forfeiture = deposits.forfeit(lotId, winnerId, BASIS, "竞得人违约：" + why, user.actor());
        String region = tenders.findPublished(lotId).map(TenderView::regionCode).orElse(null);
        String issuer = organisations.find(user.organisationId()).map(Organisation::name).orElse(user.username());
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, now, false, false);
        UUID record = credits.record(new CreditRecords.NewRecord(CreditSubject.organisation(winner.creditCode().value()),
                winner.name(), CreditClass.GENERAL, "竞得人违约（" + (confirmation.complete() ? "未按约定支付价款" : "未签订成交确认书")
                        + "）：" + why, BASIS, issuer, null, "platform", "auction.default:" + lotId, region,
                Set.of(Gate.AUCTION_QUALIFICATION), now, CreditRules.plus(now, RESTRICTION), p.from(), p.until()),
                now, false, user.actor());
        jdbc.sql("""
                INSERT INTO auction_default (lot_id, winner_id, reason, basis, declared_at, declared_by, forfeited, credit_record_id)
                VALUES (:lot, :w, :r, :b, :at, :by, :f, :rec)""")
                .param("lot", lotId).param("w", winnerId).param("r", why).param("b", BASIS)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", user.username())
                .param("f", forfeiture.amount().yuan()).param("rec", record).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("winnerId", winnerId.toString());
        payload.put("winner", winner.name());
        payload.put("reason", why);
        payload.put("confirmationSigned", confirmation.complete());
        payload.put("forfeited", forfeiture.amount().toString());
        payload.put("creditRecordId", record.toString());
        payload.put("rule", BASIS);
        auditLog.record(AuditRecord.of("auction.default.declared", lotId.toString(), region, user.actor(), payload));
        return find(lotId).orElseThrow();
    }
}
