package org.sunbid.platform.procurement;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.parties.CurrentUser;
import org.sunbid.platform.sealing.OfferRounds;

/**
 * The one place where a negotiation asks sealing for a round of sealed final offers (最后报价): sealing opens the round
 * for exactly the remaining suppliers with the panel's deadline, and later publishes {@code sealing.OffersOpened}, on
 * which {@link Negotiations#offersOpened} marks the round done. Called inside the negotiation's transaction, so a
 * refusal by sealing leaves the round negotiating.
 */
@Component
class FinalOfferCall {

    private final OfferRounds offerRounds;

    FinalOfferCall(OfferRounds offerRounds) {
        this.offerRounds = offerRounds;
    }

    /** Sealing opens round {@code round} of {@code lotId} to {@code suppliers} until {@code deadline}. */
    void open(UUID lotId, int round, Instant deadline, Set<UUID> suppliers, CurrentUser user) {
        offerRounds.open(lotId, round, deadline, suppliers, user); // Negotiations checked that user sits on the panel
    }
}
