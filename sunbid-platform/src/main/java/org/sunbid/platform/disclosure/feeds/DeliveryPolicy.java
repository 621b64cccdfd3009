package org.sunbid.platform.disclosure.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed delivery again: exponential backoff from {@code base} (base, 2×base, 4×base, …) capped at
 * {@code cap}, and no more tries after {@code maxAttempts}. Plain Java.
 */
record DeliveryPolicy(int maxAttempts, Duration base, Duration cap) {

    static final DeliveryPolicy DEFAULT = new DeliveryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));

    DeliveryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("bad delivery policy");
        }
    }

    /** After the {@code attempts}-th failed attempt (from 1) at {@code now}: when to try again, or empty to give up. */
    Optional<Instant> retryAfter(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = base;
        for (int i = 1; i < attempts && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(now.plus(delay.compareTo(cap) > 0 ? cap : delay));
    }
}
