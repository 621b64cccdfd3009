package org.sunbid.platform.kernel;

import java.time.Instant;

/**
 * Moving the platform's clock, for one purpose only: loading the demo's history (a tender that has already been
 * published, bid on, closed and opened) before the platform serves anyone. The production clock refuses once the
 * application is ready, and never goes into the future.
 */
public interface TimeTravel {

    /** Sets the clock to {@code instant} (in the past), from where it runs on. */
    void travelTo(Instant instant);

    /** Back to the present. */
    void returnToPresent();
}
