package org.sunbid.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.crypto.CanonicalJson;
import org.sunbid.platform.kernel.Actor;

/**
 * Records whose number is itself a secret until a deadline: who registered for a tender, who paid a deposit, who
 * downloaded the documents (Law 22). Appending each as it happens would let anyone count them in the public log, even
 * sealed. So they are kept here and committed in one sealed entry ({@value #ACTION}) appended at a fixed rate, whether
 * or not any record is pending; the owning context discloses them in a public entry when the secret ends.
 */
@Service
public class ConfidentialRecords {

    /** The action of the sealed entry that commits the pending records. */
    public static final String ACTION = "audit.confidential.committed";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ConfidentialRecords(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Keeps {@code record} for the next sealed commitment, in the caller's transaction. {@code id} identifies it (the
     * registration, payment, ... it records) for {@link #committedSeq}.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(UUID id, AuditRecord record) {
        jdbc.sql("""
                INSERT INTO log_confidential (id, recorded_at, action, subject, region_code, actor, payload)
                VALUES (:id, :at, :action, :subject, :region, :actor, :payload)""")
                .param("id", id).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("action", record.action()).param("subject", record.subject()).param("region", record.regionCode())
                .param("actor", record.actor().username()).param("payload", CanonicalJson.write(record.payload()))
                .update();
    }

    /** The sequence number of the log entry that committed record {@code id}, once committed. */
    public Optional<Long> committedSeq(UUID id) {
        return jdbc.sql("SELECT committed_seq FROM log_confidential WHERE id = :id AND committed_seq IS NOT NULL")
                .param("id", id).query(Long.class).optional();
    }

    /**
     * Commits the pending records in exactly one sealed entry, also when none is pending, so the log grows at the
     * same rate whatever happens. Runs at a fixed rate.
     */
    @Scheduled(fixedRateString = "${sunbid.audit.confidential-interval:PT5M}",
            initialDelayString = "${sunbid.audit.confidential-interval:PT5M}")
    @Transactional
    public void commit() {
        List<UUID> ids = new ArrayList<>();
        List<Map<String, Object>> pending = jdbc.sql("""
                SELECT id, recorded_at, action, subject, region_code, actor, payload FROM log_confidential
                WHERE committed_seq IS NULL ORDER BY recorded_at, id FOR UPDATE SKIP LOCKED""")
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    ids.add(id);
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("id", id.toString());
                    r.put("recordedAt", rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString());
                    r.put("action", rs.getString("action"));
                    r.put("subject", rs.getString("subject"));
                    r.put("region", rs.getString("region_code"));
                    r.put("actor", rs.getString("actor"));
                    r.put("payload", rs.getString("payload"));
                    return r;
                }).list();
        long seq = auditLog.append(AuditRecord.of(ACTION, null, null, Actor.SYSTEM, Map.of("records", pending)).sealed())
                .seq();
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE log_confidential SET committed_seq = :seq WHERE id = ANY(:ids)")
                    .param("seq", seq).param("ids", ids.toArray(UUID[]::new)).update();
        }
    }
}
