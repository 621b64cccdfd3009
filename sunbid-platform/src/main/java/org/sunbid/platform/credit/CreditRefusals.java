package org.sunbid.platform.credit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;

/**
 * A gate's refusal for a {@link CreditVerdict}: kept as a record of the refusal (the records' ids, the gate and the
 * gate's time) and answered with {@link CreditError#CREDIT_RESTRICTED} naming the records.
 *
 * <p>That a party even tried a gate is a secret of the deal until its time (registration is anonymous, Law 22; who bid,
 * who was invited, who applied for an auction), so the refusal is never a public entry of its own: it is a
 * {@link ConfidentialRecords confidential record}, committed with everything else pending at the fixed rate (the log
 * grows the same whether or not anyone was refused). It is kept in a transaction of its own, since the gate's
 * transaction rolls back with the refusal.
 */
@Service
public class CreditRefusals {

    /** The action of a gate's refusal (a confidential record). */
    public static final String REFUSED = "credit.gate.refused";

    private final ConfidentialRecords confidential;
    private final TransactionTemplate own;

    CreditRefusals(ConfidentialRecords confidential, PlatformTransactionManager transactions) {
        this.confidential = confidential;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the refusal of {@code verdict} (which must bar) at the gate of {@code subject} (the deal, lot or draw) and
     * answers the exception the gate throws. Call before the gate's transaction appends to the public log (the log's
     * append lock is held until commit).
     */
    public DomainException refuse(CreditVerdict verdict, String subject, String regionCode, Actor actor) {
        record(verdict, subject, regionCode, actor);
        return new DomainException(CreditError.CREDIT_RESTRICTED, verdict.reasons());
    }

    /**
     * As {@link #refuse(CreditVerdict, String, String, Actor)} for a refused party whose own credit code is
     * {@code ownCreditCode} and who named other subjects itself (a consortium's members): the answer names in full
     * only its own records and published ones ({@link CreditVerdict#reasonsFor}); the record of the refusal keeps all.
     */
    public DomainException refuse(CreditVerdict verdict, String subject, String regionCode, Actor actor, String ownCreditCode) {
        record(verdict, subject, regionCode, actor);
        return new DomainException(CreditError.CREDIT_RESTRICTED,
                verdict.reasonsFor(ownCreditCode == null ? java.util.Set.of() : java.util.Set.of(ownCreditCode)));
    }

    /**
     * Records the refusal of {@code verdict} (which must bar) where the gate goes on without the barred parties (a drawn
     * supplier left off an invitation list) instead of refusing the whole request.
     */
    public void record(CreditVerdict verdict, String subject, String regionCode, Actor actor) {
        if (!verdict.barred()) {
            throw new IllegalArgumentException("not barred");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("gate", verdict.gate().name());
        payload.put("at", verdict.at().toString());
        payload.put("records", verdict.barredBy().stream().map(r -> r.id().toString()).toList());
        payload.put("subjects", verdict.barredBy().stream().map(r -> r.subject().kind().name() + ":" + r.subject().key())
                .distinct().toList());
        own.executeWithoutResult(s -> confidential.record(UUID.randomUUID(),
                AuditRecord.of(REFUSED, subject, regionCode, actor, payload)));
    }
}
