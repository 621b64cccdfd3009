package org.sunbid.platform.venues;

import org.sunbid.platform.kernel.ErrorCode;

/** Errors of the venues context. */
public enum VenueError implements ErrorCode {
    /** A field is missing or malformed: {0}. */
    VENUE_FIELD_INVALID(400),
    /** No such room, or not one you may see. */
    ROOM_NOT_FOUND(404),
    /** No such booking, or not one you may see. */
    BOOKING_NOT_FOUND(404),
    /** The room {0} is already booked from {1} to {2}. */
    ROOM_TAKEN(409),
    /** The room does not fit the booking: {0}. */
    ROOM_UNSUITABLE(422),
    /** The times do not fit the lot's bid deadline {0}: {1}. */
    BOOKING_TIMES_INVALID(422),
    /** The lot has no published tender to book for. */
    LOT_NOT_BOOKABLE(422),
    /** Only the lot's owner or agency may book for it. */
    NOT_LOTS_OWNER(403),
    /** The lot already has a {0} booking ({1}, {2}): change or cancel that one. */
    BOOKING_EXISTS(409),
    /** The booking is already cancelled. */
    BOOKING_CANCELLED(409),
    /** Unknown or inactive reader, or a wrong device token. */
    DEVICE_UNAUTHENTICATED(401),
    /** The reader's room has no session booked now. */
    NO_SESSION_NOW(409),
    /** No such reader. */
    DEVICE_NOT_FOUND(404);

    private final int status;

    VenueError(int status) {
        this.status = status;
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
