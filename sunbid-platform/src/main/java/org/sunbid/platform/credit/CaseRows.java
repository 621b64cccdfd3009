package org.sunbid.platform.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sunbid.platform.catalog.Calendars;
import org.sunbid.platform.credit.domain.CreditCase;
import org.sunbid.platform.kernel.CommonError;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The reads and the lock that repairs and objections share (the edge of {@link CreditCase}): a case is seen by its
 * organisation's staff and by whoever oversees the record's region; a supervisor's step locks it and rebuilds its
 * {@link CreditCase} from the stored stage and dues. {@code select} reads one case per row with the case's table as
 * {@code c} and its record as {@code r}; {@code lockSql} locks one row by {@code :id} and reads its status, accept_due
 * (or null) and decide_due.
 */
final class CaseRows<V> {

    /** A case locked for a supervisor's step, with its record. */
    record Locked<V>(V view, CreditCase creditCase, CreditRecordView record) {
    }

    private final JdbcClient jdbc;
    private final CreditAccess access;
    private final CreditRecords records;
    private final Calendars calendars;
    private final Clock clock;
    private final CreditCase.Kind kind;
    private final String select;
    private final String lockSql;
    private final RowMapper<V> map;
    private final Function<String, CreditCase.Stage> stage;
    private final Function<V, UUID> organisation;
    private final Function<V, String> region;
    private final Function<V, UUID> record;
    private final CreditError notFound;

    CaseRows(JdbcClient jdbc, CreditAccess access, CreditRecords records, Calendars calendars, Clock clock, CreditCase.Kind kind,
            String select, String lockSql, RowMapper<V> map, Function<String, CreditCase.Stage> stage,
            Function<V, UUID> organisation, Function<V, String> region, Function<V, UUID> record, CreditError notFound) {
        this.jdbc = jdbc;
        this.access = access;
        this.records = records;
        this.calendars = calendars;
        this.clock = clock;
        this.kind = kind;
        this.select = select;
        this.lockSql = lockSql;
        this.map = map;
        this.stage = stage;
        this.organisation = organisation;
        this.region = region;
        this.record = record;
        this.notFound = notFound;
    }

    /** A new case filed now, with its first due. */
    CreditCase file() {
        return CreditCase.file(kind, calendars.workingDays(), clock);
    }

    /** The case, if {@code user} is its organisation's staff or oversees its region; else not found. */
    V get(UUID id, CurrentUser user) {
        return jdbc.sql(select + " WHERE c.id = :id").param("id", id).query(map).optional().filter(v -> visible(v, user))
                .orElseThrow(() -> new DomainException(notFound, id));
    }

    /** The cases {@code user} sees: its organisation's, or those of the regions it oversees; newest first, at most 500. */
    List<V> visibleTo(CurrentUser user) {
        if (user == null) {
            throw new DomainException(CommonError.FORBIDDEN);
        }
        if (!user.seesAllRegions() && !user.seesRegionSubtree()) { // an organisation's staff: its own
            return user.organisationId() == null ? List.of()
                    : jdbc.sql(select + " WHERE c.organisation_id = :org ORDER BY c.created_at DESC, c.id LIMIT 500")
                            .param("org", user.organisationId()).query(map).list();
        }
        return jdbc.sql(select + " ORDER BY c.created_at DESC, c.id LIMIT 2000").query(map).list().stream()
                .filter(v -> visible(v, user)).limit(500).toList();
    }

    /** The open cases awaiting a step of a supervisor of their record's region (Art. 16/18), {@code user} being one. */
    List<V> awaitingSupervisor(CurrentUser user, String openStatuses) {
        if (user == null || user.role() != org.sunbid.platform.parties.Role.SUPERVISOR) {
            return List.of();
        }
        return jdbc.sql(select + " WHERE c.status = ANY(CAST(:open AS TEXT[])) ORDER BY c.created_at, c.id LIMIT 2000")
                .param("open", openStatuses).query(map).list().stream().filter(v -> access.supervises(user, region.apply(v)))
                .limit(500).toList();
    }

    /** The case as a {@link CreditCase} from its stored stage and dues. */
    CreditCase creditCase(String status, LocalDate acceptDue, LocalDate decideDue) {
        return CreditCase.of(kind, stage.apply(status), acceptDue, decideDue, calendars.workingDays(), clock);
    }

    /** The case locked for a supervisor's step: not found unless visible, forbidden unless a supervisor of its region. */
    Locked<V> lock(UUID id, CurrentUser user) {
        V v = get(id, user);
        if (!access.supervises(user, region.apply(v))) {
            throw new DomainException(CreditError.CREDIT_NOT_SUPERVISOR);
        }
        CreditCase c = jdbc.sql(lockSql).param("id", id).query((rs, i) -> creditCase(rs.getString("status"),
                rs.getObject("accept_due", LocalDate.class), rs.getObject("decide_due", LocalDate.class))).single();
        return new Locked<>(v, c, records.find(record.apply(v)).orElseThrow());
    }

    /** Locks the record for a new case and refuses while one of its cases is open ({@code openSql}: a count by {@code :r}). */
    void refuseIfOpen(UUID recordId, String openSql) {
        jdbc.sql("SELECT id FROM credit_record WHERE id = :id FOR UPDATE").param("id", recordId).query(UUID.class).single();
        if (jdbc.sql(openSql).param("r", recordId).query(Long.class).single() > 0) {
            throw new DomainException(CreditError.CREDIT_ALREADY_PENDING);
        }
    }

    private boolean visible(V v, CurrentUser user) {
        return user != null && (organisation.apply(v).equals(user.organisationId()) || access.oversees(user, region.apply(v)));
    }

    /** A step refused by the case's state machine, as the context's error: the step and the stored status. */
    static DomainException refused(CreditCase.StepNotAllowed e, String step, Object status) {
        return new DomainException(CreditError.CREDIT_STEP_NOT_ALLOWED, step, status);
    }
}
