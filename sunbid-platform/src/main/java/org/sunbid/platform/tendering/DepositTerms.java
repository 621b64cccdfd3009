package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * What the payments context needs to know of a tender: the deposit, who it benefits (the tenderee), until when it may
 * be paid (the current bid deadline, which may have moved) and how long a guarantee must last (the bid validity).
 */
public record DepositTerms(UUID tenderId, String projectCode, String tenderName, String regionCode, UUID tendereeId,
        Money deposit, Instant bidDeadline, int bidValidityDays, TenderStatus status) {

    /**
     * Whether the tender accepts bids (and withdrawals) at {@code now}: the tender's own rule
     * ({@link org.sunbid.platform.tendering.domain.Tender#acceptsBids}), not a copy of it.
     */
    public boolean acceptsBids(Instant now) {
        return org.sunbid.platform.tendering.domain.Tender.acceptsBids(status, bidDeadline, now);
    }

    /** Until when a guarantee must stay valid: the bid validity period, counted from the deadline. */
    public Instant guaranteeRequiredUntil() {
        return bidDeadline.plus(java.time.Duration.ofDays(bidValidityDays));
    }
}
