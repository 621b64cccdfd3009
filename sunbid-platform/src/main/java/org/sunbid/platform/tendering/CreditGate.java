package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisation;

/**
 * Tendering's credit gates (信用审查): registration for a lot of any kind (Gate.BIDDING: 招标投标法实施条例 Art. 67–68,
 * 政府采购法 Art. 22(5)/77; Gate.AUCTION_QUALIFICATION for an auction or listing lot) and the invitation list
 * (Gate.INVITATION), each asked of credit at the gate's own time; a consortium (联合体) is asked with all its members
 * together (财库〔2016〕125号). A refusal is kept as a confidential record (who tried is a secret of the lot) and names
 * the records ({@code CREDIT_RESTRICTED}): of a member the caller named, an unpublished record only as a restriction.
 */
@Component
class CreditGate {

    private final CreditChecks checks;
    private final CreditRefusals refusals;

    CreditGate(CreditChecks checks, CreditRefusals refusals) {
        this.checks = checks;
        this.refusals = refusals;
    }

    /** Refuses {@code lead} with the consortium's other members ({@code members}, credit codes) if any is barred. */
    void require(Gate gate, Organisation lead, Collection<String> members, Instant at, String lot, String region, Actor actor) {
        List<CreditSubject> subjects = new ArrayList<>();
        subjects.add(CreditSubject.organisation(lead.creditCode().value()));
        members.forEach(m -> subjects.add(CreditSubject.organisation(m)));
        CreditVerdict verdict = checks.check(gate, subjects, at);
        if (verdict.barred()) { // the members are the caller's say: another's unpublished record is not shown to it
            throw refusals.refuse(verdict, lot, region, actor, lead.creditCode().value());
        }
    }

    /** Refuses if any of {@code organisations} (each on its own: invitees of one list) is barred, naming each record. */
    void requireEach(Gate gate, Collection<Organisation> organisations, Instant at, String lot, String region, Actor actor) {
        refuseIfBarred(checks.check(gate, organisations.stream()
                .map(o -> CreditSubject.organisation(o.creditCode().value())).toList(), at), lot, region, actor);
    }

    private void refuseIfBarred(CreditVerdict verdict, String lot, String region, Actor actor) {
        if (verdict.barred()) {
            throw refusals.refuse(verdict, lot, region, actor);
        }
    }
}
