package org.sunbid.platform.evaluation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.payments.Deposits;

/**
 * A lot that ends without an award because a step above the evaluation stopped it: the procurement context's
 * negotiation with too few suppliers left (竞争性谈判 财政部令第74号 Art. 37; 竞争性磋商 财库〔2014〕214号 Art. 21). The
 * evaluation becomes FAILED with the article as its {@code failure} (shown to the parties on the evaluation, and the
 * lot's deal stage FAILED on the portal; the reason in the public log entry {@code evaluation.failed}), and every
 * deposit goes back as after a lot without an award ({@link Deposits#refundFailedLot}).
 */
@Service
public class FailedLots {

    private final EvaluationStore store;
    private final EvaluationPlans plans;
    private final CommitteeSessions sessions;
    private final PriceScores priceScores;
    private final Deposits deposits;
    private final Clock clock;

    FailedLots(EvaluationStore store, EvaluationPlans plans, CommitteeSessions sessions, PriceScores priceScores, Deposits deposits,
            Clock clock) {
        this.store = store;
        this.plans = plans;
        this.sessions = sessions;
        this.priceScores = priceScores;
        this.deposits = deposits;
        this.clock = clock;
    }

    /**
     * The negotiation of lot {@code lotId} stopped: {@code rule} names the article and what it says, {@code details}
     * (e.g. how many suppliers remain, the minimum) go into the log entry. The evaluation fails where it is still before
     * any ranking (qualification or negotiation); one the panel had not started yet is started by {@code panelMember}
     * (the seated member who stopped the negotiation) so that it can fail. Answers whether it failed. In the caller's
     * transaction.
     */
    @Transactional
    public boolean negotiationStopped(UUID lotId, String rule, Map<String, Object> details, CurrentUser panelMember) {
        Optional<EvaluationStore.Loaded> found = store.find(lotId);
        if (found.isEmpty()) {
            if (plans.stored(lotId).isEmpty()) {
                return false; // no plan, no evaluation to fail (the negotiation's own stop stays on record)
            }
            sessions.start(lotId, panelMember);
        }
        EvaluationStore.Loaded ev = store.lock(lotId);
        if (ev.stage() != Stage.QUALIFICATION && ev.stage() != Stage.NEGOTIATION) {
            return false;
        }
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("stoppedBy", "procurement.negotiation");
        priceScores.fail(ev, rule, payload);
        deposits.refundFailedLot(lotId, clock.instant());
        return true;
    }
}
