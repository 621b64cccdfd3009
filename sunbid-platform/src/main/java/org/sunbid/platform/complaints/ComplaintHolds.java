package org.sunbid.platform.complaints;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.evaluation.ContractHolds;

/**
 * Holds a lot's award decision and contract while a challenge that may change the result is unanswered (实施条例
 * Art. 54: {@value #CHALLENGE_PENDING}) or a complaint's suspension of the procurement is in force (政府采购法 Art. 57,
 * 招标投标法实施条例 Art. 62: {@value #COMPLAINT_SUSPENSION}).
 */
@Component
class ComplaintHolds implements ContractHolds {

    /** A challenge that may change the result awaits its answer. */
    static final String CHALLENGE_PENDING = "CHALLENGE_PENDING";
    /** The finance or supervision department suspended the procurement. */
    static final String COMPLAINT_SUSPENSION = "COMPLAINT_SUSPENSION";

    private final CaseStore store;
    private final Clock clock;

    ComplaintHolds(CaseStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<String> holdOn(UUID lotId) {
        if (store.suspended(lotId, clock.instant())) {
            return Optional.of(COMPLAINT_SUSPENSION);
        }
        return store.challengeHolds(lotId) ? Optional.of(CHALLENGE_PENDING) : Optional.empty();
    }
}
