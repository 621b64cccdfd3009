package org.sunbid.platform.venues;

/** Where a booking stands. */
public enum BookingStatus {
    /** Holds the room for its times, which fit the lot's current deadline. */
    BOOKED,
    /** Holds the room for its old times: the deadline moved and the room was not free at the new ones; needs a person. */
    FLAGGED,
    /** Released. */
    CANCELLED
}
