package org.sunbid.platform.evaluation;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.crypto.Sm3;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.LogEntry;
import org.sunbid.platform.evaluation.domain.EvaluationPlan;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.tendering.TenderStatus;
import org.sunbid.platform.tendering.TenderView;
import org.sunbid.platform.tendering.Tenders;

/**
 * The evaluation plan (评标办法), part of the tender documents: set and checked as data while bids may still change, locked
 * at the deadline (Reg. 49: the committee evaluates by the standards and methods the documents set), public with them.
 */
@Component
class EvaluationPlans {

    private final JdbcClient jdbc;
    private final Tenders tenders;
    private final AuditLog log;
    private final java.time.Clock clock;
    private final EvaluationStore store;
    private final ProcurementRules procurement;

    EvaluationPlans(JdbcClient jdbc, Tenders tenders, AuditLog log, java.time.Clock clock, EvaluationStore store,
            ProcurementRules procurement) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.log = log;
        this.clock = clock;
        this.store = store;
        this.procurement = procurement;
    }

    /**
     * The tenderee or agency sets the plan while the tender is a draft or open for bids; it is read and checked as data
     * (the parts adding up to 100, the K range) and logged in public with the documents.
     */
    @Transactional
    public Map<String, Object> setPlan(UUID tenderId, Map<String, Object> input, CurrentUser user) {
        TenderView tender = tenders.asOwner(tenderId, user);
        if (!(tender.status() == TenderStatus.DRAFT || tender.status() == TenderStatus.PUBLISHED
                || tender.status() == TenderStatus.SUSPENDED) || !clock.instant().isBefore(tender.terms().bidDeadline())) {
            throw new DomainException(EvaluationError.PLAN_LOCKED);
        }
        EvaluationPlan parsed = EvaluationPlan.parse(input, EvaluationStore.lowestEvaluatedPrice(tender));
        Map<String, Object> toStore = input;
        java.util.Optional<ProcurementRules.Gp> gp = procurement.at(tenderId, clock.instant());
        if (gp.isPresent()) {
            toStore = procurementPlan(input, parsed, gp.get());
        }
        String plan = CanonicalJson.write(toStore);
        LogEntry entry = log.append(AuditRecord.of("evaluation.plan.set", tenderId.toString(), tender.regionCode(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "planSm3", Sm3.hex(plan), "plan", store.readMap(plan))));
        jdbc.sql("""
                INSERT INTO evaluation_plan (tender_id, plan, set_at, set_by, log_seq) VALUES (:t, :p, :at, :by, :seq)
                ON CONFLICT (tender_id) DO UPDATE SET plan = :p, set_at = :at, set_by = :by, log_seq = :seq""")
                .param("t", tenderId).param("p", plan).param("at", EvaluationStore.utc(clock.instant())).param("by", user.username())
                .param("seq", entry.seq()).update();
        return plan(tenderId, user);
    }

    /**
     * A government procurement plan (财政部令第87号), checked against the rules in force at the plan's date: under
     * 综合评分法 the price is scored lowest price first with a weight not below the floor for the project's category
     * (Art. 55, {@code PRICE_WEIGHT_BELOW_FLOOR}); 最低评标价法 (Art. 54) has no weight. The plan's {@code policy} sets the
     * SME deduction ({@code smeRate}, and {@code consortiumRate} for a consortium or subcontract, each defaulting to the
     * lowest rate in force where the plan sets none) within the dated ranges (财库〔2020〕46号 / 〔2022〕19号, {@code POLICY_RATE_OUT_OF_RANGE});
     * {@code smeReserved: true} marks a lot reserved for SMEs, which applies no deduction. The stored plan's
     * {@code policy} also carries what was in force at its date — the domestic-product preference from 2026-01-01
     * (国办发〔2025〕34号), the consortium share threshold and the date — so the scoring applies the plan's rules.
     */
    private static Map<String, Object> procurementPlan(Map<String, Object> input, EvaluationPlan parsed, ProcurementRules.Gp gp) {
        // the lot's rules decide which method it takes: 74号令 Art. 36/49 (谈判, 询价) the lowest price only;
        // 财库〔2014〕214号 Art. 23 (磋商) comprehensive scoring only, its price weight inside the band of Art. 24
        if (gp.lowestPriceOnly() && !parsed.lowestEvaluatedPrice()) {
            throw new DomainException(EvaluationError.LOWEST_PRICE_METHOD_ONLY,
                    gp.rules().limit(org.sunbid.platform.deals.domain.RuleKeys.LOWEST_PRICE_ONLY).article());
        }
        if (gp.comprehensiveOnly() && parsed.lowestEvaluatedPrice()) {
            throw new DomainException(EvaluationError.COMPREHENSIVE_SCORING_ONLY,
                    gp.rules().limit(org.sunbid.platform.deals.domain.RuleKeys.COMPREHENSIVE_ONLY).article());
        }
        parsed.checkProcurement(gp.floors(), gp.subject());
        if (!parsed.lowestEvaluatedPrice() && parsed.criteria().price() instanceof org.sunbid.platform.evaluation.domain.PriceFormula.LowestPriceFirst l) {
            gp.band().ifPresent(b -> b.check(gp.subject(), l.weight()));
        }
        Object raw = input.get("policy");
        if (raw != null && !(raw instanceof Map)) {
            throw new DomainException(EvaluationError.CRITERIA_INVALID, "policy");
        }
        Map<?, ?> policy = raw == null ? Map.of() : (Map<?, ?>) raw;
        org.sunbid.platform.evaluation.domain.PolicyRates rates = gp.policyRates();
        boolean reserved = Boolean.TRUE.equals(policy.get("smeReserved"));
        java.math.BigDecimal sme = reserved ? java.math.BigDecimal.ZERO : rate(policy, "smeRate", rates.smallMicro().min());
        java.math.BigDecimal consortium = reserved ? java.math.BigDecimal.ZERO
                : rate(policy, "consortiumRate", rates.consortiumShare().min());
        if (!reserved) {
            rates.inDocuments(sme, consortium);
        }
        Map<String, Object> settled = new java.util.LinkedHashMap<>();
        settled.put("smeReserved", reserved);
        settled.put("smeRate", sme.stripTrailingZeros().toPlainString());
        settled.put("consortiumRate", consortium.stripTrailingZeros().toPlainString());
        settled.put("shareThreshold", rates.shareThreshold().stripTrailingZeros().toPlainString());
        if (rates.domesticPreference() != null) {
            settled.put("domesticPreference", rates.domesticPreference().stripTrailingZeros().toPlainString());
        }
        settled.put("rulesDate", gp.rules().date().toString());
        settled.put("rules", "财政部令第87号第五十五条；财库〔2020〕46号、财库〔2022〕19号；国办发〔2025〕34号");
        Map<String, Object> out = new java.util.LinkedHashMap<>(input);
        out.put("policy", settled);
        return out;
    }

    private static java.math.BigDecimal rate(Map<?, ?> policy, String field, java.math.BigDecimal fallback) {
        Object v = policy.get(field);
        if (v == null && fallback != null) {
            return fallback;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(String.valueOf(v));
            if (org.sunbid.platform.kernel.Decimals.fits(d.abs(), 1, 4)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DomainException(EvaluationError.CRITERIA_INVALID, "policy." + field);
    }

    /** The plan: public once the tender is published; a draft's only for those who may see the draft. */
    public Map<String, Object> plan(UUID tenderId, CurrentUser user) {
        tenders.get(tenderId, user);
        return stored(tenderId).map(store::readMap).orElseThrow(() -> new DomainException(EvaluationError.EVALUATION_NOT_FOUND));
    }

    /** The plan's canonical JSON as set, with no access check (the start copies it). */
    java.util.Optional<String> stored(UUID tenderId) {
        return jdbc.sql("SELECT plan FROM evaluation_plan WHERE tender_id = :t").param("t", tenderId).query(String.class).optional();
    }
}
