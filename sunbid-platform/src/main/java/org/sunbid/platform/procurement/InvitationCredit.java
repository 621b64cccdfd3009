package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRecordView;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * Procurement's credit gate for invitation lists (issue 20; 政府采购法 Art. 22(5)/77, 招标投标法实施条例 Art. 67–68): a
 * supplier barred at {@code Gate.INVITATION} by a record in force at the step's time is neither recommended, nor put in
 * a prequalified pool (refused, the records named), nor drawn from the database (left out of the pool, the records'
 * ids in the pool's log entry), nor invited after being drawn (left off the list, the refusal a confidential record).
 */
@Component
class InvitationCredit {

    private final CreditChecks checks;
    private final CreditRefusals refusals;
    private final Organisations organisations;

    InvitationCredit(CreditChecks checks, CreditRefusals refusals, Organisations organisations) {
        this.checks = checks;
        this.refusals = refusals;
        this.organisations = organisations;
    }

    /** Refuses ({@code CREDIT_RESTRICTED}, the records named) if any of {@code suppliers} is barred at {@code at}. */
    void require(Collection<UUID> suppliers, Instant at, String lot, String region, Actor actor) {
        CreditVerdict verdict = verdict(suppliers, at);
        if (verdict.barred()) {
            throw refusals.refuse(verdict, lot, region, actor);
        }
    }

    /** The verdict over {@code suppliers} together: its records name each barred one. */
    CreditVerdict verdict(Collection<UUID> suppliers, Instant at) {
        return checks.checkOrganisations(Gate.INVITATION, suppliers, at);
    }

    /** The ids among {@code suppliers} that {@code verdict} bars. */
    Set<UUID> barred(Collection<UUID> suppliers, CreditVerdict verdict) {
        Set<String> codes = verdict.barredBy().stream().map(r -> r.subject().key()).collect(Collectors.toSet());
        return organisations.findAll(suppliers).stream().filter(o -> codes.contains(o.creditCode().value()))
                .map(Organisation::id).collect(Collectors.toSet());
    }

    /** Records that {@code verdict}'s suppliers were left off the list (a confidential record). */
    void leftOff(CreditVerdict verdict, String lot, String region, Actor actor) {
        refusals.record(verdict, lot, region, actor);
    }

    /** The ids of {@code verdict}'s records, for a log entry. */
    static java.util.List<String> recordIds(CreditVerdict verdict) {
        return verdict.barredBy().stream().map(CreditRecordView::id).map(UUID::toString).toList();
    }
}
