package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.UUID;

import org.sunbid.platform.kernel.Money;

/**
 * What the payments context needs to know of a tender: the deposit, who it benefits (the tenderee), until when it may
 * be paid (the current bid deadline, which may have moved) and how long a guarantee must last (the bid validity).
 */
public record DepositTerms(UUID tenderId, String projectCode, String tenderName, String regionCode, UUID tendereeId,
        Money deposit, Instant bidDeadline, int bidValidityDays, TenderStatus status,
        java.util.List<ComplaintSuspension> complaintSuspensions) {

    public DepositTerms {
        complaintSuspensions = complaintSuspensions == null ? java.util.List.of() : java.util.List.copyOf(complaintSuspensions);
    }

    /** Terms of a tender no complaint suspended. */
    public DepositTerms(UUID tenderId, String projectCode, String tenderName, String regionCode, UUID tendereeId,
            Money deposit, Instant bidDeadline, int bidValidityDays, TenderStatus status) {
        this(tenderId, projectCode, tenderName, regionCode, tendereeId, deposit, bidDeadline, bidValidityDays, status,
                java.util.List.of());
    }

    /**
     * Whether the tender accepts bids (and withdrawals) at {@code now}: the tender's own rule
     * ({@link org.sunbid.platform.tendering.domain.Tender#acceptsBids}), not a copy of it.
     */
    public boolean acceptsBids(Instant now) {
        return org.sunbid.platform.tendering.domain.Tender.acceptsBids(status, bidDeadline, complaintSuspensions, now);
    }

    /**
     * Whether the department handling a complaint has the lot's procurement suspended at {@code now} (政府采购法
     * Art. 57; 招标投标法实施条例 Art. 62): no bid, response or final offer is accepted meanwhile.
     */
    public boolean suspendedByComplaint(Instant now) {
        return complaintSuspensions.stream().anyMatch(c -> c.inForceAt(now));
    }

    /** Until when a guarantee must stay valid: the bid validity period, counted from the deadline. */
    public Instant guaranteeRequiredUntil() {
        return bidDeadline.plus(java.time.Duration.ofDays(bidValidityDays));
    }
}
