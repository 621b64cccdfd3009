package org.sunbid.platform.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
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
import org.sunbid.platform.deals.Procedures;
import org.sunbid.platform.deals.Projects;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * Issue 20 fix D: the winner refuses the award or does not sign the contract without good reason. 招标投标法实施条例第七十四条:
 * 中标人无正当理由不与招标人订立合同 … 取消其中标资格，投标保证金不予退还; government procurement: 政府采购法实施条例第四十九条
 * (the winner refuses to sign) and 第七十二条 (列入不良行为记录名单). The tender's owner (tenderee or agency) records the
 * refusal with its reason while the award awaits its contract: no contract is then recorded with that winner (and its
 * contract is no longer reminded or flagged overdue), its deposit is forfeited (payments, never refunded nor flagged as an
 * overdue refund), a credit record is made — class 一般, barring bidding for one year (the least of the 1–3 years the
 * bidding laws set for a bar from bidding, 招标投标法实施条例第六十七条、政府采购法第七十七条; a longer bar is the
 * supervisor's sanction), published by {@link CreditRules#publication} — and it is logged. Once per award: a repeat
 * returns the first and makes nothing new. Choosing the next candidate (条例 Art. 55, 政府采购法实施条例 Art. 49) or
 * a new tender is NOT done here.
 */
@Service
public class AwardRefusals {

    static final String BASIS_TENDER = "《招标投标法实施条例》第七十四条";
    static final String BASIS_PROCUREMENT = "《政府采购法实施条例》第四十九条、第七十二条";
    /** How long the record bars bidding. */
    public static final Period RESTRICTION = Period.ofYears(1);

    public enum Kind {
        /** 放弃中标: the winner refuses the award. */
        AWARD,
        /** 不与招标人订立合同: the winner does not sign the contract. */
        CONTRACT
    }

    public record RefusalView(UUID tenderId, UUID winnerId, String winner, Kind kind, String reason, String basis,
            Instant recordedAt, String recordedBy, String forfeited, UUID creditRecordId) {
    }

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final Deposits deposits;
    private final Organisations organisations;
    private final CreditRecords credits;
    private final Projects projects;
    private final Procedures procedures;
    private final AuditLog log;
    private final Clock clock;

    AwardRefusals(JdbcClient jdbc, Tenders tenders, Deposits deposits, Organisations organisations, CreditRecords credits,
            Projects projects, Procedures procedures, AuditLog log, Clock clock) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.deposits = deposits;
        this.organisations = organisations;
        this.credits = credits;
        this.projects = projects;
        this.procedures = procedures;
        this.log = log;
        this.clock = clock;
    }

    static boolean refused(JdbcClient jdbc, UUID tenderId) {
        return jdbc.sql("SELECT COUNT(*) FROM award_refusal WHERE tender_id = :t").param("t", tenderId).query(Long.class).single() > 0;
    }

    /** The recorded refusal of tender {@code tenderId}'s winner, if any (public, like the award). */
    public Optional<RefusalView> find(UUID tenderId) {
        return jdbc.sql("SELECT * FROM award_refusal WHERE tender_id = :t").param("t", tenderId).query((rs, i) -> {
            UUID winner = rs.getObject("winner_id", UUID.class);
            return new RefusalView(tenderId, winner, organisations.find(winner).map(Organisation::name).orElse(null),
                    Kind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("basis"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                    rs.getBigDecimal("forfeited").toPlainString(), rs.getObject("credit_record_id", UUID.class));
        }).optional();
    }

    /** The tender's owner records its winner's refusal; see the class. */
    @Transactional
    public RefusalView refuse(UUID tenderId, Kind kind, String reason, CurrentUser user) {
        if (user == null || !tenders.owns(tenderId, user)) {
            throw new DomainException(EvaluationError.AWARD_REFUSAL_NOT_OWNER);
        }
        String stage = jdbc.sql("SELECT stage FROM evaluation WHERE tender_id = :t FOR UPDATE").param("t", tenderId)
                .query(String.class).optional().orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
        Optional<RefusalView> known = find(tenderId);
        if (known.isPresent()) {
            return known.get();
        }
        if (!Stage.AWARDED.name().equals(stage)) {
            throw new DomainException(EvaluationError.EVALUATION_STAGE, stage);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new DomainException(EvaluationError.AWARD_REFUSAL_INVALID);
        }
        Kind k = kind == null ? Kind.CONTRACT : kind;
        UUID winnerId = jdbc.sql("SELECT winner_id FROM award WHERE tender_id = :t").param("t", tenderId).query(UUID.class).single();
        Organisation winner = organisations.find(winnerId).orElseThrow();
        Instant now = clock.instant();
        String procedure = projects.procedureOfLot(tenderId).orElse("GCJS_OPEN_TENDER");
        boolean procurement = "ZFCG".equals(procedures.rulesAt(procedure, now).kindPrefix());
        String basis = procurement ? BASIS_PROCUREMENT : BASIS_TENDER;
        String why = reason.strip();
        String conduct = (k == Kind.AWARD ? "中标人无正当理由放弃中标" : "中标人无正当理由不与招标人订立合同") + "：" + why;
        var forfeiture = deposits.forfeit(tenderId, winnerId, basis, conduct, user.actor());
        String region = tenders.findPublished(tenderId).map(TenderView::regionCode).orElse(null);
        String issuer = organisations.find(user.organisationId()).map(Organisation::name).orElse(user.username());
        CreditRules.Publication p = CreditRules.publication(CreditClass.GENERAL, now, false, false);
        UUID record = credits.record(new CreditRecords.NewRecord(CreditSubject.organisation(winner.creditCode().value()),
                winner.name(), CreditClass.GENERAL, conduct, basis, issuer, null, "platform", "evaluation.award-refused:" + tenderId,
                region, Set.of(Gate.BIDDING), now, CreditRules.plus(now, RESTRICTION), p.from(), p.until()), now, false, user.actor());
        jdbc.sql("""
                INSERT INTO award_refusal (tender_id, winner_id, kind, reason, basis, recorded_at, recorded_by, forfeited, credit_record_id)
                VALUES (:t, :w, :k, :r, :b, :at, :by, :f, :rec)""")
                .param("t", tenderId).param("w", winnerId).param("k", k.name()).param("r", why).param("b", basis)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("by", user.username())
                .param("f", forfeiture.amount().yuan()).param("rec", record).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tenderId", tenderId.toString());
        payload.put("winnerId", winnerId.toString());
        payload.put("winner", winner.name());
        payload.put("kind", k.name());
        payload.put("reason", why);
        payload.put("forfeited", forfeiture.amount().toString());
        payload.put("creditRecordId", record.toString());
        payload.put("rule", basis + "：取消中标资格，投标保证金不予退还（另行确定中标人不在此步骤）");
        log.record(AuditRecord.of("evaluation.award.refused", tenderId.toString(), region, user.actor(), payload));
        return find(tenderId).orElseThrow();
    }
}
