package org.sunbid.platform.workbench;

import java.time.Duration;
import java.time.Instant;

/**
 * One entry of a role's to-do list (待办) on its workbench home: what waits, for what, where to do it, and by when.
 * Each context says what waits (its own query, with the same rules its actions check); the workbench only assembles.
 *
 * @param kind     what is to be done (message key {@code workbench.todo.kind.<kind>})
 * @param title    what it is about, for people: a project code and name, an expert's name
 * @param link     the page where it is done
 * @param deadline by when, or null when no rule sets one
 */
public record TodoItem(String kind, String title, String link, Instant deadline) {

    /** The time left until the deadline at {@code now} (negative once passed), or null without a deadline. */
    public Duration remaining(Instant now) {
        return deadline == null ? null : Duration.between(now, deadline);
    }
}
