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

    CreditChecks(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** The verdict for {@code subjects} together (a consortium: barred if any member is) at {@code gate} at {@code at}. */
    public CreditVerdict check(Gate gate, Collection<CreditSubject> subjects, Instant at) {
        List<CreditRecordView> barring = new ArrayList<>();
        for (CreditSubject s : new LinkedHashSet<>(subjects)) {
            jdbc.sql("SELECT " + CreditRecords.COLUMNS + " FROM credit_record WHERE subject_kind = :k AND subject_key = :key"
                    + " AND :gate = ANY(gates) ORDER BY restriction_from, id")
                    .param("k", s.kind().name()).param("key", s.key()).param("gate", gate.name())
                    .query(CreditRecords::map).list().stream().filter(r -> r.restricts(gate, at)).forEach(barring::add);
        }
        return new CreditVerdict(gate, at, barring);
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
