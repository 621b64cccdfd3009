package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.Organisation;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.Registrations;

/**
 * The auction's credit gate (竞买资格审查, issue 20): a bidder — with the members of its consortium (联合竞买) — barred at
 * {@code Gate.AUCTION_QUALIFICATION} by a record in force when it would be numbered (admitted during a listing, or
 * qualified at the close of applications) gets no bidder number; the refusal is a confidential record (who applied
 * stays secret) and the bidder asking for its number is told the records.
 */
@Component
class QualificationCredit {

    private final CreditChecks checks;
    private final CreditRefusals refusals;
    private final Organisations organisations;
    private final Registrations registrations;

    QualificationCredit(CreditChecks checks, CreditRefusals refusals, Organisations organisations, Registrations registrations) {
        this.checks = checks;
        this.refusals = refusals;
        this.organisations = organisations;
        this.registrations = registrations;
    }

    /** Whom the gate asks about for {@code bidder} in lot {@code lotId}: its credit code, then its consortium's members. */
    List<CreditSubject> subjects(UUID lotId, UUID bidder) {
        List<CreditSubject> subjects = new ArrayList<>();
        organisations.find(bidder).map(Organisation::creditCode).ifPresent(c -> subjects.add(CreditSubject.organisation(c.value())));
        registrations.consortiumMembers(lotId, bidder).forEach(m -> subjects.add(CreditSubject.organisation(m)));
        return subjects;
    }

    private CreditVerdict verdict(UUID lotId, UUID bidder, Instant at) {
        return checks.check(Gate.AUCTION_QUALIFICATION, subjects(lotId, bidder), at);
    }

    /** Those of {@code bidders} barred at {@code at}; each refusal recorded (confidential). */
    Set<UUID> barred(UUID lotId, List<UUID> bidders, Instant at, String region) {
        Set<UUID> out = new LinkedHashSet<>();
        for (UUID bidder : bidders) {
            CreditVerdict v = verdict(lotId, bidder, at);
            if (v.barred()) {
                refusals.record(v, lotId.toString(), region, Actor.SYSTEM);
                out.add(bidder);
            }
        }
        return out;
    }

    /** Refuses ({@code CREDIT_RESTRICTED}, the records named) if {@code bidder} is barred at {@code at}. */
    void require(UUID lotId, UUID bidder, Instant at, String region, Actor actor) {
        CreditVerdict v = verdict(lotId, bidder, at);
        if (v.barred()) {
            throw refuse(v, lotId, bidder, region, actor);
        }
    }

    /**
     * Records the refusal of {@code bidder} for verdict {@code v} (which bars) in lot {@code lotId} (a confidential
     * record) and answers the {@code CREDIT_RESTRICTED} exception naming the records (a member's unpublished record only
     * as restricted, {@code CreditVerdict#reasonsFor}).
     */
    DomainException refuse(CreditVerdict v, UUID lotId, UUID bidder, String region, Actor actor) {
        return refusals.refuse(v, lotId.toString(), region, actor,
                organisations.find(bidder).map(o -> o.creditCode().value()).orElse(null));
    }
}
