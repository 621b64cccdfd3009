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

    EvaluationPlans(JdbcClient jdbc, Tenders tenders, AuditLog log, java.time.Clock clock, EvaluationStore store) {
        this.jdbc = jdbc;
        this.tenders = tenders;
        this.log = log;
        this.clock = clock;
        this.store = store;
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
        EvaluationPlan.parse(input, EvaluationStore.lowestEvaluatedPrice(tender));
        String plan = CanonicalJson.write(input);
        LogEntry entry = log.append(AuditRecord.of("evaluation.plan.set", tenderId.toString(), tender.regionCode(), user.actor(),
                Map.of("tenderId", tenderId.toString(), "planSm3", Sm3.hex(plan), "plan", store.readMap(plan))));
        jdbc.sql("""
                INSERT INTO evaluation_plan (tender_id, plan, set_at, set_by, log_seq) VALUES (:t, :p, :at, :by, :seq)
                ON CONFLICT (tender_id) DO UPDATE SET plan = :p, set_at = :at, set_by = :by, log_seq = :seq""")
                .param("t", tenderId).param("p", plan).param("at", EvaluationStore.utc(clock.instant())).param("by", user.username())
                .param("seq", entry.seq()).update();
        return plan(tenderId, user);
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
