package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.Optional;

/**
 * When a draw's record may be published (抽取记录公开): the committee is complete, the evaluation has begun, and every
 * member who accepted has signed in with their certificate (until then who was drawn stays sealed). The one rule that
 * the publishing service and the workbench page both ask.
 *
 * @param status          the draw's status
 * @param evaluationStart when the evaluation begins
 * @param accepted        how many contacted experts accepted
 * @param signedIn        how many of them signed in
 */
public record DrawPublication(DrawStatus status, Instant evaluationStart, int accepted, int signedIn) {

    /** Why the record may not be published at {@code now} (the reason for {@link ExpertsError#DRAW_STATE}); empty if it may. */
    public Optional<String> refusal(Instant now) {
        if (status != DrawStatus.COMPLETE || now.isBefore(evaluationStart)) {
            return Optional.of(status.name());
        }
        if (signedIn < accepted) {
            return Optional.of("SIGN_IN_PENDING");
        }
        return Optional.empty();
    }

    /** Whether the record may be published at {@code now}. */
    public boolean allowed(Instant now) {
        return refusal(now).isEmpty();
    }
}
