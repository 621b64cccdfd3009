package org.sunbid.platform.parties.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Throttles password guessing by source address and by account, without ever locking an account (a lock that anyone
 * can trigger lets a rival keep a bidder out until the deadline has passed).
 * <ul>
 * <li>A source that failed {@code sourceFreeFailures} times is refused for {@code sourceBlock}; every further failure
 * after that window doubles it, up to {@code maxWait}. A refused attempt is not even checked, so it costs nothing.</li>
 * <li>An account that failed {@code accountFreeFailures} times makes sources that have failed themselves wait
 * {@code accountDelay} after its last failure, doubling likewise: many sources guessing one password are slowed
 * together, while the owner on a source without failures signs in at once. Its successful sign-in clears the account's
 * count (only the password's holder can do that); a source's count is never cleared by a success, or an attacker
 * would interleave sign-ins to an account of their own.</li>
 * </ul>
 * Failures are forgotten {@code failureWindow} after the last one or after the end of its refusal, whichever is later. State is held
 * in memory, bounded to {@link #CAPACITY} sources and accounts each (the oldest fall out first); a restart forgets it.
 * Time comes from the injected clock: the caller refuses with "retry after", nothing sleeps.
 */
final class LoginThrottle {

    /** Most sources and accounts remembered at once. */
    static final int CAPACITY = 50_000;

    private final Clock clock;
    private final int sourceFreeFailures;
    private final Duration sourceBlock;
    private final int accountFreeFailures;
    private final Duration accountDelay;
    private final Duration maxWait;
    private final Duration failureWindow;

    private final Map<String, Failures> sources = bounded();
    private final Map<String, Failures> accounts = bounded();

    LoginThrottle(Clock clock, int sourceFreeFailures, Duration sourceBlock, int accountFreeFailures, Duration accountDelay,
            Duration maxWait, Duration failureWindow) {
        if (sourceFreeFailures < 1 || accountFreeFailures < 1) {
            throw new IllegalArgumentException("free failures must be at least 1");
        }
        this.clock = clock;
        this.sourceFreeFailures = sourceFreeFailures;
        this.sourceBlock = sourceBlock;
        this.accountFreeFailures = accountFreeFailures;
        this.accountDelay = accountDelay;
        this.maxWait = maxWait;
        this.failureWindow = failureWindow;
    }

    /** What a failure changed: whether it started a refusal window for its source or a wait on its account. */
    record Failure(int sourceFailures, int accountFailures, Optional<Duration> sourceRefused, Optional<Duration> accountDelayed) {
    }

    /** How long {@code source} must wait before trying {@code account} again; empty if it may try now. */
    synchronized Optional<Duration> refusal(String source, String account) {
        Instant now = clock.instant();
        Failures s = live(sources, source, now);
        if (s == null) {
            return Optional.empty();
        }
        if (now.isBefore(s.refusedUntil)) {
            return Optional.of(Duration.between(now, s.refusedUntil));
        }
        Failures a = live(accounts, account, now);
        if (a != null && now.isBefore(a.refusedUntil)) {
            return Optional.of(Duration.between(now, a.refusedUntil));
        }
        return Optional.empty();
    }

    /** Counts a wrong password (or unknown account) from {@code source} for {@code account}. */
    synchronized Failure failed(String source, String account) {
        Instant now = clock.instant();
        Failures s = sources.computeIfAbsent(source, k -> new Failures());
        Failures a = accounts.computeIfAbsent(account, k -> new Failures());
        if (expired(s, now)) {
            s.reset();
        }
        if (expired(a, now)) {
            a.reset();
        }
        Optional<Duration> sourceRefused = s.fail(now, sourceFreeFailures, sourceBlock);
        Optional<Duration> accountDelayed = a.fail(now, accountFreeFailures, accountDelay);
        return new Failure(s.count, a.count, sourceRefused, accountDelayed);
    }

    /** The account's owner signed in: the account's failures are forgotten (the source's are not). */
    synchronized void succeeded(String account) {
        accounts.remove(account);
    }

    private Failures live(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        if (f != null && expired(f, now)) {
            map.remove(key);
            return null;
        }
        return f;
    }

    private boolean expired(Failures f, Instant now) {
        Instant lastEvent = f.refusedUntil.isAfter(f.last) ? f.refusedUntil : f.last;
        return f.count > 0 && !now.isBefore(lastEvent.plus(failureWindow));
    }

    private final class Failures {
        int count;
        Instant last = Instant.MIN;
        Instant refusedUntil = Instant.MIN;

        void reset() {
            count = 0;
            last = Instant.MIN;
            refusedUntil = Instant.MIN;
        }

        /** Counts a failure; the new refusal window, if this failure starts one. */
        Optional<Duration> fail(Instant now, int free, Duration first) {
            count++;
            last = now;
            if (count < free) {
                return Optional.empty();
            }
            Duration wait = doubled(first, count - free);
            refusedUntil = now.plus(wait);
            return Optional.of(wait);
        }

        private Duration doubled(Duration first, int times) {
            Duration wait = first;
            for (int i = 0; i < times && wait.compareTo(maxWait) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    private static Map<String, Failures> bounded() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
