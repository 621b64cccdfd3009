package org.sunbid.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock tests move by hand, so deadlines and lock-outs are tested by travelling in time, never by sleeping. */
public final class TestClock extends Clock implements org.sunbid.platform.kernel.TimeTravel {

    private volatile Instant now;
    private final Instant start;
    private final ZoneId zone;

    public TestClock(Instant start, ZoneId zone) {
        this.now = start;
        this.start = start;
        this.zone = zone;
    }

    /** The demo loader's history, in tests as in production. */
    @Override
    public void travelTo(Instant instant) {
        now = instant;
    }

    /** The present of the tests: where they start. */
    @Override
    public void returnToPresent() {
        now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone);
    }
}
