package org.sunbid.platform.sealing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.credit.CreditChecks;
import org.sunbid.platform.credit.CreditRefusals;
import org.sunbid.platform.credit.CreditSubject;
import org.sunbid.platform.credit.CreditVerdict;
import org.sunbid.platform.credit.Gate;
import org.sunbid.platform.kernel.Actor;
import org.sunbid.platform.parties.Organisations;
import org.sunbid.platform.tendering.Registrations;

/**
 * Sealing's credit gate (issue 20): a bid or a final offer is taken only from a bidder — and every member of its
 * consortium (联合体, as registered; 财库〔2016〕125号) — that no record in force at the upload instant bars at
 * {@code Gate.BIDDING} (招标投标法实施条例 Art. 67–68, 政府采购法 Art. 22/77): a restriction that began after the
 * registration still bars the bid. The refusal names the records and is a confidential record (who bid stays secret).
 */
@Component
class BiddingCredit {

    private final CreditChecks checks;
    private final CreditRefusals refusals;
    private final Registrations registrations;
    private final Organisations organisations;

    BiddingCredit(CreditChecks checks, CreditRefusals refusals, Registrations registrations, Organisations organisations) {
        this.checks = checks;
        this.refusals = refusals;
        this.registrations = registrations;
        this.organisations = organisations;
    }

    /** Refuses ({@code CREDIT_RESTRICTED}) if {@code bidderId} or a member of its consortium is barred at {@code at}. */
    void require(UUID lotId, UUID bidderId, Instant at, String region, Actor actor) {
        List<CreditSubject> subjects = new ArrayList<>();
        String own = organisations.find(bidderId).map(o -> o.creditCode().value()).orElse(null);
        if (own != null) {
            subjects.add(CreditSubject.organisation(own));
        }
        registrations.consortiumMembers(lotId, bidderId).forEach(m -> subjects.add(CreditSubject.organisation(m)));
        CreditVerdict verdict = checks.check(Gate.BIDDING, subjects, at);
        if (verdict.barred()) {
            throw refusals.refuse(verdict, lotId.toString(), region, actor, own);
        }
    }
}
