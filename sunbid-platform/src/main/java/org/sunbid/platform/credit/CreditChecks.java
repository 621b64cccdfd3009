package org.sunbid.platform.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * What every gate asks (信用审查): whether a party — or any member of a consortium (one restricted member restricts the
 * consortium, 财库〔2016〕125号) — is barred at that gate by a record in force at the gate's own time. The gate refuses
 * with {@link CreditVerdict#reasons()} shown and logs the records' ids with its refusal. Reads only; never logs itself
 * (whether a party even tried a gate can be a secret, e.g. registering for a tender: the gate decides how to log).
 */
@Service
public class CreditChecks {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final CreditRecords records;

    CreditChecks(JdbcClient jdbc, Organisations organisations, CreditRecords records) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.records = records;
    }

    /**
     * The verdict for {@code subjects} together (a consortium: barred if any member is) at {@code gate} at {@code at}: one
     * query per kind of subject however many there are (an expert pool holds hundreds), the records in the subjects'
     * order, then by the restriction's start.
     */
    public CreditVerdict check(Gate gate, Collection<CreditSubject> subjects, Instant at) {
        return standing(gate, subjects, at).at(at);
    }

    /**
     * The records barring {@code subjects} together at {@code gate} at any time (in force, not yet or no longer), to be
     * asked at many instants without a query ({@link CreditStanding#bars}); one query per kind of subject, as
     * {@link #check}.
     */
    public CreditStanding standing(Gate gate, Collection<CreditSubject> subjects) {
        return standing(gate, subjects, null);
    }

    /** As {@link #standing(Gate, Collection)} with the records' values as they stood at {@code asOf} (null: as they are now). */
    private CreditStanding standing(Gate gate, Collection<CreditSubject> subjects, Instant asOf) {
        List<CreditSubject> ordered = List.copyOf(new LinkedHashSet<>(subjects));
        List<CreditRecordView> barring = new ArrayList<>();
        for (CreditSubject.Kind kind : CreditSubject.Kind.values()) {
            List<String> keys = ordered.stream().filter(s -> s.kind() == kind).map(CreditSubject::key).toList();
            if (keys.isEmpty()) {
                continue;
            }
            List<CreditRecordView> found = jdbc.sql("SELECT " + CreditRecords.COLUMNS + " FROM credit_record WHERE subject_kind = :k"
                    + " AND subject_key = ANY(:keys) AND :gate = ANY(gates)")
                    .param("k", kind.name()).param("keys", keys.toArray(new String[0])).param("gate", gate.name())
                    .query(CreditRecords::map).list();
            // a record corrected after the gate's time bars by the values in force then (信用修复管理办法 Art. 18)
            barring.addAll(asOf == null ? found : records.asOf(found, asOf));
        }
        return new CreditStanding(gate, ordered, CreditStanding.ordered(ordered, barring));
    }

    /** The verdict for one subject. */
    public CreditVerdict check(Gate gate, CreditSubject subject, Instant at) {
        return check(gate, List.of(subject), at);
    }

    /** The verdict for organisations known to the platform (by id; unknown ids are not barred here). */
    public CreditVerdict checkOrganisations(Gate gate, Collection<UUID> organisationIds, Instant at) {
        Set<CreditSubject> subjects = new LinkedHashSet<>();
        for (Organisation o : organisations.findAll(organisationIds)) {
            subjects.add(CreditSubject.organisation(o.creditCode().value()));
        }
        return check(gate, subjects, at);
    }
}
