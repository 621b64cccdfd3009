package org.sunbid.platform.disclosure;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.platform.evaluation.Evaluations;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.DepositView;
import org.sunbid.platform.payments.Deposits;
import org.sunbid.platform.sealing.BidOpenings;
import org.sunbid.platform.tendering.TenderView;

/**
 * The one place where a deal's status and a registration's status are computed (the public page, the portal home, the
 * workbench lists and pages all ask here), by asking tendering, sealing, evaluation and payments through their APIs.
 */
@Service
public class DealStatuses {

    private final Clock clock;
    private final BidOpenings openings;
    private final Evaluations evaluations;
    private final Deposits deposits;

    DealStatuses(Clock clock, BidOpenings openings, Evaluations evaluations, Deposits deposits) {
        this.clock = clock;
        this.openings = openings;
        this.evaluations = evaluations;
        this.deposits = deposits;
    }

    /** The deal's overall stage. */
    public DealStage of(TenderView tender) {
        boolean deadlinePassed = tender.bidDeadline() != null && !clock.instant().isBefore(tender.bidDeadline());
        if (!deadlinePassed && tender.status() != org.sunbid.platform.tendering.TenderStatus.BIDDING_CLOSED) {
            return DealStage.of(tender.status(), false, null, null); // nothing later can have happened yet
        }
        return DealStage.of(tender.status(), deadlinePassed, openings.status(tender.id()).orElse(null),
                evaluations.stage(tender.id()).orElse(null));
    }

    /** The caller's own registration for a tender and its stage; empty when the caller has not registered. */
    public java.util.Optional<Registration> registration(UUID tenderId, CurrentUser user) {
        try {
            DepositView deposit = deposits.mine(tenderId, user);
            return java.util.Optional.of(new Registration(deposit, RegistrationStage.of(deposit)));
        } catch (DomainException e) {
            return java.util.Optional.empty();
        }
    }

    /** A bidder's registration: its deposit (details) and its one status. */
    public record Registration(DepositView deposit, RegistrationStage stage) {
    }
}
