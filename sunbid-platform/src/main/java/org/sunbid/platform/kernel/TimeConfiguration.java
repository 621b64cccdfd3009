package org.sunbid.platform.kernel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock every deadline decision uses; tests replace it to travel in time. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Beijing time: every legal deadline is counted in China Standard Time. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    HistoryClock clock() {
        return new HistoryClock(Clock.system(BEIJING));
    }

    /** Once the application is ready, its clock is the system clock for good. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> lockTheClock(org.springframework.beans.factory.ObjectProvider<HistoryClock> clock) {
        return event -> clock.ifAvailable(HistoryClock::lock);
    }

    /**
     * The system clock, which the demo loader may set into the past while the application starts (to load a history);
     * locked to the present for good when the application is ready.
     */
    static final class HistoryClock extends Clock implements TimeTravel {

        private final Clock system;
        private volatile Duration offset = Duration.ZERO;
        private volatile boolean locked;

        HistoryClock(Clock system) {
            this.system = system;
        }

        void lock() {
            offset = Duration.ZERO;
            locked = true;
        }

        @Override
        public void travelTo(Instant instant) {
            if (locked) {
                throw new IllegalStateException("the clock is locked to the present once the platform is running");
            }
            Duration back = Duration.between(system.instant(), instant);
            if (!back.isNegative()) {
                throw new IllegalArgumentException("the demo history may only lie in the past");
            }
            offset = back;
        }

        @Override
        public void returnToPresent() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            Duration d = offset;
            return d.isZero() ? system.instant() : system.instant().plus(d);
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(getZone()) ? this : Clock.offset(system.withZone(zone), offset);
        }
    }
}
