package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.CurrentUser;

/**
 * The one place where a negotiation asks sealing for a round of sealed final offers (最后报价): sealing opens the round
 * for exactly the remaining suppliers with the panel's deadline, and later publishes {@code sealing.OffersOpened}, on
 * which {@link Negotiations#offersOpened} marks the round done. Called inside the negotiation's transaction, so a
 * refusal by sealing leaves the round negotiating.
 */
@Component
class FinalOfferCall {

    // MERGE (issue 16, lead): inject sealing.OfferRounds here (constructor) — it is built on another branch.

    /** Sealing opens round {@code round} of {@code lotId} to {@code suppliers} until {@code deadline}. */
    void open(UUID lotId, int round, Instant deadline, Set<UUID> suppliers, CurrentUser user) {
        // MERGE (issue 16, lead): the only missing line —
        // offerRounds.open(lotId, round, deadline, suppliers, user);
    }
}
