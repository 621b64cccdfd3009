package org.sunbid.platform.parties.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Throttling by source and account: growing windows, the owner on a clean source never waits, nothing is locked. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-23T01:30:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    // 10 free failures per source, then 1 min doubling; 5 per account, then 30 s doubling; at most 1 h; forgotten after 15 min.
    private final LoginThrottle throttle = new LoginThrottle(clock, 10, Duration.ofMinutes(1), 5, Duration.ofSeconds(30),
            Duration.ofHours(1), Duration.ofMinutes(15));

    private void fail(String source, String account, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(source, account);
        }
    }

    @Test
    void aSourceIsRefusedAfterItsFreeFailuresForAWindowThatDoublesWithEachFurtherFailure() {
        fail("203.0.113.9", "bidder2", 9);
        assertThat(throttle.refusal("203.0.113.9", "somebody-else")).isEmpty();
        LoginThrottle.Failure tenth = throttle.failed("203.0.113.9", "bidder2");
        assertThat(tenth.sourceRefused()).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusal("203.0.113.9", "somebody-else")).contains(Duration.ofMinutes(1));

        now = now.plusSeconds(61);
        assertThat(throttle.refusal("203.0.113.9", "somebody-else")).isEmpty();
        assertThat(throttle.failed("203.0.113.9", "x").sourceRefused()).contains(Duration.ofMinutes(2));
        now = now.plusSeconds(121);
        assertThat(throttle.failed("203.0.113.9", "x").sourceRefused()).contains(Duration.ofMinutes(4));
    }

    @Test
    void theWindowNeverExceedsTheMaximum() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("203.0.113.9", "u" + i);
            now = now.plus(throttle.refusal("203.0.113.9", "u").orElse(Duration.ZERO)).plusSeconds(1);
        }
        assertThat(throttle.failed("203.0.113.9", "last").sourceRefused()).contains(Duration.ofHours(1));
    }

    @Test
    void anAccountUnderAttackMakesOnlySourcesThatFailedWaitAndItsOwnerOnACleanSourceSignsInAtOnce() {
        for (int i = 1; i <= 5; i++) {
            fail("198.51.100." + i, "bidder2", 1);
        }
        assertThat(throttle.refusal("198.51.100.1", "bidder2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("198.51.100.1", "bidder3")).as("other accounts are not slowed").isEmpty();
        assertThat(throttle.refusal("192.0.2.7", "bidder2")).as("the owner's clean source").isEmpty();

        throttle.succeeded("bidder2");
        assertThat(throttle.refusal("198.51.100.1", "bidder2")).as("the owner's sign-in clears the account").isEmpty();
    }

    @Test
    void aSuccessNeverClearsASourcesCount() {
        fail("203.0.113.9", "victim", 9);
        throttle.succeeded("attackers-own-account");
        throttle.succeeded("victim");
        assertThat(throttle.failed("203.0.113.9", "victim").sourceRefused()).isPresent();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("203.0.113.9", "user" + i);
        }
        now = now.plus(Duration.ofMinutes(15));
        assertThat(throttle.failed("203.0.113.9", "user0").sourceFailures()).isEqualTo(1);
        assertThat(throttle.refusal("203.0.113.9", "user0")).isEqualTo(Optional.empty());
    }

    @Test
    void oneSourceGuessingOneAccountWaitsAfterTheAccountsFreeFailures() {
        fail("203.0.113.9", "bidder2", 5);
        assertThat(throttle.refusal("203.0.113.9", "bidder2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("192.0.2.7", "bidder2")).isEmpty();
    }
}
