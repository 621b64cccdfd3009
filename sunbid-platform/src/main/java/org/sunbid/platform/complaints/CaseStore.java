package org.sunbid.platform.complaints;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sunbid.platform.kernel.DomainException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The cases' append-only versions ({@code complaint_case_version}): each step appends the case as it stands after it;
 * a concurrent step on the same case loses on the (case, version) key and is refused as a conflict.
 */
@Component
class CaseStore {

    enum Kind { INQUIRY, CHALLENGE, COMPLAINT }

    /** What queries need besides the case itself. */
    record Columns(UUID lotId, UUID partyId, UUID handlerId, String regionCode, String status, Instant dueAt,
            boolean holdsContract, Instant suspendedFrom, Instant suspendedUntil, String outcome) {
    }

    /** A stored case: its version and state. */
    record Stored<T>(UUID caseId, int version, T state, Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends version {@code version} of a case. */
    void append(Kind kind, UUID caseId, int version, Columns c, Object state, Instant at, String by) {
        try {
            jdbc.sql("""
                    INSERT INTO complaint_case_version (case_id, kind, version, lot_id, party_id, handler_id, region_code, status,
                        due_at, holds_contract, suspended_from, suspended_until, outcome, state, recorded_at, recorded_by)
                    VALUES (:case, :kind, :version, :lot, :party, :handler, :region, :status, :due, :holds, :sfrom, :suntil,
                        :outcome, :state, :at, :by)""")
                    .param("case", caseId).param("kind", kind.name()).param("version", version).param("lot", c.lotId())
                    .param("party", c.partyId()).param("handler", c.handlerId()).param("region", c.regionCode())
                    .param("status", c.status()).param("due", utc(c.dueAt())).param("holds", c.holdsContract())
                    .param("sfrom", utc(c.suspendedFrom())).param("suntil", utc(c.suspendedUntil())).param("outcome", c.outcome())
                    .param("state", json.writeValueAsString(state)).param("at", utc(at)).param("by", by)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainException(ComplaintsError.COMPLAINTS_CONCURRENT_CHANGE);
        }
    }

    /** The latest version of a case of {@code kind}. */
    <T> Optional<Stored<T>> latest(Kind kind, UUID caseId, Class<T> type) {
        return jdbc.sql("""
                SELECT case_id, version, state, recorded_at FROM complaint_case_version
                WHERE case_id = :case AND kind = :kind ORDER BY version DESC LIMIT 1""")
                .param("case", caseId).param("kind", kind.name())
                .query((rs, i) -> new Stored<>(rs.getObject(1, UUID.class), rs.getInt(2), json.readValue(rs.getString(3), type),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The latest versions of the cases of {@code kind} matching {@code where} (a fixed SQL condition on the columns). */
    <T> List<Stored<T>> latestWhere(Kind kind, Filter filter, Class<T> type) {
        return jdbc.sql("""
                SELECT case_id, version, state, recorded_at FROM (
                    SELECT DISTINCT ON (case_id) * FROM complaint_case_version WHERE kind = :kind
                      AND (CAST(:lot AS UUID) IS NULL OR lot_id = :lot)
                      AND (CAST(:party AS UUID) IS NULL OR party_id = :party)
                      AND (CAST(:handler AS UUID) IS NULL OR handler_id = :handler)
                    ORDER BY case_id, version DESC) latest
                WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                ORDER BY seq DESC LIMIT :limit""")
                .param("kind", kind.name()).param("lot", filter.lotId()).param("party", filter.partyId())
                .param("handler", filter.handlerId()).param("status", filter.status()).param("limit", filter.limit())
                .query((rs, i) -> new Stored<>(rs.getObject(1, UUID.class), rs.getInt(2), json.readValue(rs.getString(3), type),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** A filter on the latest versions; null fields do not filter. */
    record Filter(UUID lotId, UUID partyId, UUID handlerId, String status, int limit) {

        static Filter lot(UUID lotId) {
            return new Filter(lotId, null, null, null, 500);
        }

        static Filter party(UUID partyId) {
            return new Filter(null, partyId, null, null, 500);
        }

        static Filter handler(UUID handlerId) {
            return new Filter(null, null, handlerId, null, 500);
        }

        static Filter status(String status, int limit) {
            return new Filter(null, null, null, status, limit);
        }
    }

    /** Whether the latest version of a challenge of the lot holds its contract. */
    boolean challengeHolds(UUID lotId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM (SELECT DISTINCT ON (case_id) holds_contract FROM complaint_case_version
                    WHERE lot_id = :lot AND kind = 'CHALLENGE' ORDER BY case_id, version DESC) l WHERE holds_contract)""")
                .param("lot", lotId).query(Boolean.class).single();
    }

    /** Whether the latest version of a complaint about the lot has a suspension in force at {@code now}. */
    boolean suspended(UUID lotId, Instant now) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM (SELECT DISTINCT ON (case_id) suspended_from, suspended_until
                    FROM complaint_case_version WHERE lot_id = :lot AND kind = 'COMPLAINT' ORDER BY case_id, version DESC) l
                  WHERE suspended_from <= :now AND suspended_until > :now)""")
                .param("lot", lotId).param("now", utc(now)).query(Boolean.class).single();
    }

    /** An open step past its due instant not flagged yet: case, kind, status, due, region. */
    record Overdue(UUID caseId, Kind kind, String status, Instant dueAt, UUID lotId, String regionCode) {
    }

    List<Overdue> overdueUnflagged(Instant now) {
        return jdbc.sql("""
                SELECT l.case_id, l.kind, l.status, l.due_at, l.lot_id, l.region_code FROM (
                    SELECT DISTINCT ON (case_id) * FROM complaint_case_version ORDER BY case_id, version DESC) l
                WHERE l.due_at IS NOT NULL AND l.due_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM complaint_overdue_flag f
                                  WHERE f.case_id = l.case_id AND f.step = l.status AND f.due_at = l.due_at)
                ORDER BY l.due_at""")
                .param("now", utc(now))
                .query((rs, i) -> new Overdue(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, UUID.class), rs.getString(6)))
                .list();
    }

    /** Records the flag once; false when another run flagged it first. */
    boolean flag(Overdue o, Instant now) {
        return jdbc.sql("""
                INSERT INTO complaint_overdue_flag (case_id, step, due_at, flagged_at) VALUES (:case, :step, :due, :now)
                ON CONFLICT DO NOTHING""")
                .param("case", o.caseId()).param("step", o.status()).param("due", utc(o.dueAt())).param("now", utc(now))
                .update() == 1;
    }

    /** Whether the step of a case is flagged overdue. */
    boolean flagged(UUID caseId, String step, Instant dueAt) {
        return dueAt != null && jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM complaint_overdue_flag WHERE case_id = :case AND step = :step AND due_at = :due)""")
                .param("case", caseId).param("step", step).param("due", utc(dueAt)).query(Boolean.class).single();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
