package org.sunbid.platform.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.audit.AuditLog;
import org.sunbid.platform.audit.AuditRecord;
import org.sunbid.platform.kernel.Actor;

/**
 * Publication of credit records on the portal (信用信息公示): a record is shown exactly while
 * {@link CreditRecordView#publishedAt} holds at the request's time — from its start to its end (the maximum of its class,
 * 信用修复管理办法 Art. 12) unless withdrawn earlier — so it leaves the portal at its end without anyone acting. The job
 * {@link #endPublications()} then logs {@code credit.record.publication-ended} once per record whose end has come.
 * Natural persons (experts) are not published (Art. 12).
 */
@Service
public class CreditPublication {

    /** At most this many records per page of the public list. */
    public static final int MAX = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog log;

    CreditPublication(JdbcClient jdbc, Clock clock, AuditLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
    }

    /**
     * The records published at {@code at}, newest publication first: of organisations only; {@code query} (blank: any)
     * matches a part of the subject's name or its whole credit code; {@code creditClass} null: any class.
     */
    public List<CreditRecordView> published(Instant at, String query, CreditClass creditClass, int limit) {
        String q = query == null ? "" : query.strip();
        OffsetDateTime t = at.atOffset(ZoneOffset.UTC);
        return jdbc.sql("SELECT " + CreditRecords.COLUMNS + """
                 FROM credit_record
                WHERE subject_kind = 'ORGANISATION' AND publication_from IS NOT NULL AND publication_from <= :t
                  AND (publication_until IS NULL OR publication_until > :t) AND (withdrawn_at IS NULL OR withdrawn_at > :t)
                  AND (:q = '' OR subject_key = upper(:q) OR strpos(subject_name, :q) > 0)
                  AND (CAST(:class AS TEXT) IS NULL OR credit_class = CAST(:class AS TEXT))
                ORDER BY publication_from DESC, id LIMIT :limit""")
                .param("t", t).param("q", q).param("class", creditClass == null ? null : creditClass.name())
                .param("limit", Math.max(1, Math.min(limit, MAX))).query(CreditRecords::map).list();
    }

    /** The records published now. */
    public List<CreditRecordView> publishedNow(String query, CreditClass creditClass) {
        return published(clock.instant(), query, creditClass, MAX);
    }

    /**
     * Logs {@code credit.record.publication-ended} once for each record whose publication reached its end (not withdrawn
     * before it: a withdrawal is logged by the step that withdrew it). Idempotent: a record is logged once, however often
     * and however concurrently the job runs. Returns the records logged by this run.
     */
    @Transactional
    @Scheduled(initialDelayString = "${sunbid.credit.publication-first-check:PT30S}",
            fixedDelayString = "${sunbid.credit.publication-check-interval:PT10M}")
    public List<UUID> endPublications() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Ended> due = jdbc.sql("""
                SELECT id, subject_name, region_code, publication_until FROM credit_record
                WHERE publication_until IS NOT NULL AND publication_until <= :now AND publication_end_seq IS NULL
                  AND (withdrawn_at IS NULL OR withdrawn_at >= publication_until)
                ORDER BY publication_until, id FOR UPDATE SKIP LOCKED""")
                .param("now", now)
                .query((rs, i) -> new Ended(rs.getObject("id", UUID.class), rs.getString("subject_name"),
                        rs.getString("region_code"), rs.getObject("publication_until", OffsetDateTime.class).toInstant()))
                .list();
        for (Ended e : due) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("record", e.id().toString());
            payload.put("subjectName", e.subjectName());
            payload.put("publicationUntil", e.until().toString());
            payload.put("basis", "信用修复管理办法第十二条：公示期满自动停止公示");
            // sealed like the record it ends (issue 20 fix K): it names the subject
            long seq = log.append(AuditRecord.of("credit.record.publication-ended", e.id().toString(), e.regionCode(), Actor.SYSTEM,
                    payload).sealed()).seq();
            jdbc.sql("UPDATE credit_record SET publication_end_seq = :seq WHERE id = :id").param("seq", seq).param("id", e.id()).update();
        }
        return due.stream().map(Ended::id).toList();
    }

    private record Ended(UUID id, String subjectName, String regionCode, Instant until) {
    }
}
