package org.sunbid.platform.complaints;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.audit.ConfidentialRecords;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.CurrentUser;

/**
 * Every step of a case in the transparency log, with the lot as subject. A supplier's own step (asking, challenging,
 * complaining) is logged in public by the platform (actor {@code system}) with who did it in a confidential record
 * committed in the log: naming the supplier in public while registrations are anonymous would point at a bidder. The
 * department's and the purchaser's steps are public with their actor.
 */
@Component
class CaseLog {

    private final AuditLog log;
    private final ConfidentialRecords confidential;

    CaseLog(AuditLog log, ConfidentialRecords confidential) {
        this.log = log;
        this.confidential = confidential;
    }

    /** A supplier's step: public without its name, its name committed confidentially. */
    void bySupplier(String action, Lots.Lot lot, UUID caseId, CurrentUser user, Map<String, Object> publicPayload) {
        Map<String, Object> payload = new LinkedHashMap<>(publicPayload);
        payload.put("caseId", caseId.toString());
        log.record(AuditRecord.of(action, lot.id().toString(), lot.regionCode(), Actor.SYSTEM, payload));
        Map<String, Object> who = new LinkedHashMap<>(payload);
        who.put("supplierId", String.valueOf(user.organisationId()));
        confidential.record(UUID.randomUUID(), AuditRecord.of(action, lot.id().toString(), lot.regionCode(), user.actor(), who));
    }

    /** A public step by {@code actor}. */
    void step(String action, Lots.Lot lot, UUID caseId, Actor actor, Map<String, Object> publicPayload) {
        Map<String, Object> payload = new LinkedHashMap<>(publicPayload);
        payload.put("caseId", caseId.toString());
        log.record(AuditRecord.of(action, lot.id().toString(), lot.regionCode(), actor, payload));
    }
}
