package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The production clock can be set into the past only while the platform starts, never into the future. */
class HistoryClockTest {

    private final Clock system = Clock.fixed(Instant.parse("2026-11-23T01:30:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void travelsIntoThePastUntilLockedAndNeverIntoTheFuture() {
        TimeConfiguration.HistoryClock clock = new TimeConfiguration.HistoryClock(system);
        clock.travelTo(system.instant().minus(Duration.ofDays(45)));
        assertThat(clock.instant()).isEqualTo(system.instant().minus(Duration.ofDays(45)));
        assertThatThrownBy(() -> clock.travelTo(system.instant().plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        clock.returnToPresent();
        assertThat(clock.instant()).isEqualTo(system.instant());

        clock.travelTo(system.instant().minus(Duration.ofDays(1)));
        clock.lock();
        assertThat(clock.instant()).as("locking returns to the present").isEqualTo(system.instant());
        assertThatThrownBy(() -> clock.travelTo(system.instant().minus(Duration.ofDays(1)))).isInstanceOf(IllegalStateException.class);
    }
}
