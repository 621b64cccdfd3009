package org.sunbid.platform.tendering;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.deals.domain.ProcedureRules;
import org.sunbid.platform.kernel.DomainException;

/**
 * A port a higher context implements to refuse a lot's publication for facts tendering does not keep: e.g. an auction
 * lot (context {@code auction}) whose listing or auction schedule, start price or deposit breaks its procedure's rules
 * (39号令 Art. 8: the announcement at least 20 日 before the listing starts). {@link Tenders#publish} and
 * {@link Tenders#publicationCheck} ask every bean implementing it, after their own checks; tendering does not know
 * who refuses.
 */
public interface PublicationGate {

    /**
     * Why publishing lot {@code lotId} at {@code publishAt} with its bid deadline (for an auction lot: the close of
     * applications, 竞买申请截止) at {@code bidDeadline} must be refused, or empty where this gate has nothing against it
     * (also for lots it does not know).
     */
    Optional<DomainException> refusal(UUID lotId, Instant publishAt, Instant bidDeadline, ProcedureRules rules);
}
