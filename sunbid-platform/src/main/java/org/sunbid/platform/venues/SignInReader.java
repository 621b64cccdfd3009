package org.sunbid.platform.venues;

import java.time.Instant;
import java.util.UUID;

/**
 * Port to the rooms' sign-in readers (指纹/刷卡签到): an adapter per reader make turns what a reader sends into a
 * {@link SignIn}, after authenticating the reader. The sandbox adapter ({@code SandboxSignInReader}) takes JSON with the
 * reader's token; a real make's adapter would check its own signature scheme the same way.
 */
public interface SignInReader {

    /**
     * Authenticates reader {@code deviceId} by {@code credential} and reads {@code body}.
     *
     * @throws org.sunbid.platform.kernel.DomainException {@link VenueError#DEVICE_UNAUTHENTICATED} for an unknown or
     *         inactive reader or a wrong credential, {@link VenueError#VENUE_FIELD_INVALID} for a malformed body
     */
    SignIn read(UUID deviceId, String credential, String body);

    /** Who was recognised where and how. */
    enum Method { FINGERPRINT, CARD }

    /** Whose sign-in it is. */
    enum PersonKind {
        /** A member of the evaluation committee; secret until the evaluation ends. */
        EXPERT,
        /** The tenderee's representative (招标人代表). */
        OWNER_REPRESENTATIVE,
        /** A bidder's representative at the opening. */
        BIDDER_REPRESENTATIVE,
        /** A supervisor on site. */
        SUPERVISOR,
        /** The centre's staff. */
        STAFF
    }

    /**
     * A sign-in as a reader reported it.
     *
     * @param deviceId   the reader
     * @param method     fingerprint or card
     * @param personKind whose
     * @param personRef  the person's reference in the platform (an expert's id, an account name, a card number's hash)
     * @param personName the name the reader matched
     * @param readAt     when the reader says it read it (kept as reported; the platform's own time decides)
     */
    record SignIn(UUID deviceId, Method method, PersonKind personKind, String personRef, String personName, Instant readAt) {
    }
}
