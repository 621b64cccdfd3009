package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.UUID;

/** Every place of a draw's committee is confirmed; the evaluation can be prepared. Names stay sealed until sign-in. */
public record ExpertsDrawn(UUID drawId, UUID tenderId, Instant evaluationStart) {
}
