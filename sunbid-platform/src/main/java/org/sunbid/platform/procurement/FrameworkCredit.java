package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;

/**
 * Framework agreements' credit gate (政府采购法 Art. 22/77): a supplier barred at {@link Gate#BIDDING} (响应) by a record in
 * force at the step's time neither responds, nor is shortlisted or admitted, nor gets an order. The credit context has
 * no framework gate of its own; responding to and taking orders under an agreement are a supplier's bidding.
 */
@Component
class FrameworkCredit {

    private final CreditChecks checks;
    private final CreditRefusals refusals;
    private final Organisations organisations;

    FrameworkCredit(CreditChecks checks, CreditRefusals refusals, Organisations organisations) {
        this.checks = checks;
        this.refusals = refusals;
        this.organisations = organisations;
    }

    /** Refuses ({@code CREDIT_RESTRICTED}, the records named) if {@code supplier} is barred at {@code at}. */
    void require(UUID supplier, Instant at, String subject, String region, Actor actor) {
        CreditVerdict verdict = checks.checkOrganisations(Gate.BIDDING, Set.of(supplier), at);
        if (verdict.barred()) {
            throw refusals.refuse(verdict, subject, region, actor);
        }
    }

    /** The ids among {@code suppliers} barred at {@code at}; a confidential record of the refusal when any is. */
    Set<UUID> barred(Collection<UUID> suppliers, Instant at, String subject, String region, Actor actor) {
        if (suppliers.isEmpty()) {
            return Set.of();
        }
        CreditVerdict verdict = checks.checkOrganisations(Gate.BIDDING, suppliers, at);
        if (!verdict.barred()) {
            return Set.of();
        }
        refusals.record(verdict, subject, region, actor);
        Set<String> codes = verdict.barredBy().stream().map(r -> r.subject().key()).collect(Collectors.toSet());
        return organisations.findAll(suppliers).stream().filter(o -> codes.contains(o.creditCode().value()))
                .map(Organisation::id).collect(Collectors.toSet());
    }
}
