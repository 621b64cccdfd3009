package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A suspension of the lot's procurement ordered by the department handling a complaint (暂停采购活动, 政府采购法 Art. 57,
 * 财政部令第94号 Art. 28; 暂停招标投标活动, 招标投标法实施条例 Art. 62): a cause of suspension independent of the
 * objections' (Reg. 22), in force from {@code from} until {@code until} (the department's end, or the moment it was
 * lifted or the complaint decided).
 *
 * @param complaintId the complaint whose department suspended the lot
 * @param from        when the suspension began
 * @param until       when it ends (exclusive)
 * @param movesDeadline whether it began before the bid deadline, which then moves by its time (see
 *                    {@link org.sunbid.platform.tendering.domain.Tender#suspendForComplaint})
 */
public record ComplaintSuspension(UUID complaintId, Instant from, Instant until, boolean movesDeadline) {

    public ComplaintSuspension {
        Objects.requireNonNull(complaintId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(until);
    }

    /** Whether it is in force at {@code now}. */
    public boolean inForceAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
