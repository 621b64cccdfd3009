package org.sunbid.platform.disclosure.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");
    private final DeliveryPolicy policy = new DeliveryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(3));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.retryAfter(1, NOW)).contains(NOW.plusSeconds(30));
        assertThat(policy.retryAfter(2, NOW)).contains(NOW.plusSeconds(60));
        assertThat(policy.retryAfter(3, NOW)).contains(NOW.plusSeconds(120));
        assertThat(policy.retryAfter(4, NOW)).contains(NOW.plusSeconds(180)); // 240 s capped at 3 min
        assertThat(policy.retryAfter(5, NOW)).contains(NOW.plusSeconds(180));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.retryAfter(6, NOW)).isEmpty();
        assertThat(policy.retryAfter(7, NOW)).isEmpty();
    }

    @Test
    void theDefaultRetriesForOverAnHourBeforeGivingUp() {
        Instant at = NOW;
        int attempts = 1;
        while (DeliveryPolicy.DEFAULT.retryAfter(attempts, at).isPresent()) {
            at = DeliveryPolicy.DEFAULT.retryAfter(attempts, at).get();
            attempts++;
        }
        assertThat(attempts).isEqualTo(DeliveryPolicy.DEFAULT.maxAttempts());
        assertThat(Duration.between(NOW, at)).isGreaterThan(Duration.ofHours(1));
    }
}
