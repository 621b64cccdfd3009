package org.sunbid.platform.experts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tender's drawn committee at the evaluation: how many experts accepted, and those who have signed in with their
 * certificate (only signing in reveals who they are).
 *
 * @param complete whether every accepted expert has signed in
 */
public record SeatedCommittee(UUID drawId, Instant evaluationStart, int accepted, List<Member> signedIn) {

    /** An expert who signed in at the evaluation. */
    public record Member(UUID expertId, UUID accountId, String username, String name, String specialty, Instant signedInAt) {
    }

    public SeatedCommittee {
        signedIn = List.copyOf(signedIn);
    }

    public boolean complete() {
        return accepted > 0 && signedIn.size() == accepted;
    }
}
