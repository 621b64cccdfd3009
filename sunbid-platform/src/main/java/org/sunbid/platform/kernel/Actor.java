package org.sunbid.platform.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * Who performs a command: an account (with its organisation, if any) or the system itself. Recorded on every change.
 *
 * @param username       the account's login name, or {@code system}
 * @param accountId      the account, null for the system
 * @param organisationId the account's organisation, null if it has none
 */
public record Actor(String username, UUID accountId, UUID organisationId) {

    /** The platform acting on its own (schedules, start-up, demo data). */
    public static final Actor SYSTEM = new Actor("system", null, null);

    public Actor {
        Objects.requireNonNull(username, "username");
    }
}
