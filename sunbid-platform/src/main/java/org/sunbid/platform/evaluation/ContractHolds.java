package org.sunbid.platform.evaluation;

import java.util.Optional;
import java.util.UUID;

/**
 * A port other contexts implement to hold a lot's award decision and contract signing: a challenge that may change
 * the result (政府采购法实施条例 Art. 54), a complaint's suspension (政府采购法 Art. 57). {@link Awards} asks every bean
 * implementing it before an award decision and before a contract is signed; evaluation does not know who holds.
 */
public interface ContractHolds {

    /** The stable reason code (an error-code-like string, e.g. {@code COMPLAINT_SUSPENSION}) while the lot is held; empty when free. */
    Optional<String> holdOn(UUID lotId);
}
