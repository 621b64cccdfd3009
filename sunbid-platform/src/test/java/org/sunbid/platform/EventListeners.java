package org.sunbid.platform;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits for the application module listeners ({@code @ApplicationModuleListener}: after the publisher's commit, on
 * another thread) to have handled every event published so far, by the event publication registry: a test that
 * depends on a listener's effect waits for it instead of sleeping. A listener that failed stops the wait (the test's
 * own assertion then says what is missing).
 */
public final class EventListeners {

    private EventListeners() {
    }

    public static void awaitCompletion(JdbcClient jdbc) {
        Awaitility.await("event listeners").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND coalesce(status, '') <> 'FAILED'""").query(Long.class).single() == 0);
    }
}
