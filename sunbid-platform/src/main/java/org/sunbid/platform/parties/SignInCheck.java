package org.sunbid.platform.parties;

/**
 * Whether a sign-in made earlier still holds now: a long-lived connection (the live auction's bid socket) authenticated
 * once, at its upgrade, asks before each action, so a revoked or expired token or a disabled account stops acting at
 * once — as it would on its next HTTP request.
 */
public interface SignInCheck {

    /** Whether the bearer token is still live (not expired, not revoked) and its account enabled. Cached ≤ 1 s. */
    boolean tokenStillValid(String token);
}
