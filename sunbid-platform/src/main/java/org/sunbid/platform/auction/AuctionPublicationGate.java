package org.sunbid.platform.auction;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.tendering.PublicationGate;

/**
 * Refuses an auction lot's announcement (出让公告 / 正式披露) while its terms are missing or its schedule, deposit or
 * price break its procedure's rules (39号令 Art. 8, 11, 18; 国土资发〔2010〕34号; 32号令 Art. 13, 17–19, 39, 48): see
 * {@link AuctionLots#publicationRefusal} and {@code domain.Schedule}. Lots of other procedures pass.
 */
@Component
class AuctionPublicationGate implements PublicationGate {

    private final AuctionLots lots;

    AuctionPublicationGate(AuctionLots lots) {
        this.lots = lots;
    }

    @Override
    public Optional<DomainException> refusal(UUID lotId, Instant publishAt, Instant bidDeadline, ProcedureRules rules) {
        return lots.publicationRefusal(lotId, publishAt, bidDeadline, rules);
    }
}
