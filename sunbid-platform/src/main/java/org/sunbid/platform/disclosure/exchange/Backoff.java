package org.sunbid.platform.disclosure.exchange;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: {@code first} after the first failure, doubling with each further one, never
 * more than {@code max} apart. No attempt is ever given up: at-least-once.
 */
record Backoff(Duration first, Duration max) {

    /** The sender's default: 30 s, 1 min, 2 min, … at most an hour apart. */
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff " + first + ".." + max);
        }
    }

    /** The delay after {@code failures} failed attempts (from 1). */
    Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** When to try again after the {@code failures}-th failure at {@code now}. */
    Instant next(int failures, Instant now) {
        return now.plus(delay(failures));
    }
}
